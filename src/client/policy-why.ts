/**
 * Policy page: "Show why each label was given". The cues behind each automatic label (the phrases that fired)
 * would be a large share of every policy page, so the page leaves them out and this fetches the policy's JSON
 * (already published for download) on request and writes each label's cues after it. Text only (textContent),
 * so cue wording taken from a policy can never become markup. Without JavaScript the page says where the cues are.
 */
import type { PolicyDetail } from '../site/types.ts';

const box = document.getElementById('why');
const text = document.getElementById('policy-text');
const url = box?.dataset['json'];

if (box && text && url) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Show why each label was given';
  button.setAttribute('aria-pressed', 'false');
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  status.className = 'source-ref';
  box.prepend(button, status);

  let filled = false;
  button.addEventListener('click', () => {
    const showing = button.getAttribute('aria-pressed') === 'true';
    if (filled) {
      text.classList.toggle('hide-why', showing);
      button.setAttribute('aria-pressed', String(!showing));
      status.textContent = showing ? '' : 'The reasons are shown after each label.';
      return;
    }
    button.disabled = true;
    status.textContent = 'Loading the reasons…';
    void load(url)
      .then((detail) => {
        const n = fill(text, detail);
        filled = true;
        button.setAttribute('aria-pressed', 'true');
        status.textContent = n === 0 ? 'No label in this policy records a reason.' : `The reasons are shown after each label (${n.toLocaleString('en-GB')}).`;
      })
      .catch((e: unknown) => {
        status.textContent = `The reasons could not be loaded (${e instanceof Error ? e.message : String(e)}). They are in this policy's data (JSON).`;
      })
      .finally(() => {
        button.disabled = false;
      });
  });
}

async function load(from: string): Promise<PolicyDetail> {
  const res = await fetch(from);
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  return (await res.json()) as PolicyDetail;
}

/** Adds " why: cue; cue" after each label that has cues; returns how many labels got one. */
function fill(root: HTMLElement, detail: PolicyDetail): number {
  let n = 0;
  for (const c of detail.clauses) {
    const el = document.getElementById(c.id);
    if (!el || !root.contains(el)) continue;
    const items = el.querySelectorAll(':scope > .clause-labels > li');
    c.labels.forEach((l, i) => {
      const li = items[i];
      if (!li || l.cues.length === 0 || li.querySelector('.cues')) return;
      const span = document.createElement('span');
      span.className = 'cues';
      span.textContent = ` why: ${l.cues.join('; ')}`;
      li.append(span);
      n++;
    });
  }
  return n;
}
