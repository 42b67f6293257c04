/**
 * Policy page: review controls. Each automatic label in the full text gets "Confirm" and "Not right"; each gap gets
 * "Confirm", "Not right" and "It is here" (select the words in the full text, then use them). Decisions are kept in
 * this browser (src/client/review-store.ts) and leave it only as a downloaded overrides file. Without JavaScript
 * none of this appears and the page reads as before. Text goes in with textContent only.
 */
import { answersGap, downloadOverrides, forget, forgetGap, importYaml, loadStore, putDecision, putNote, type Decision, type Store } from './review-store.ts';
import { pinQuote } from '../site/review-quote.ts';
import { el } from './dom.ts';

const tools = document.getElementById('review-tools');
const policy = tools?.dataset['policy'];
const decisionsUrl = tools?.dataset['decisions'];

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The clause's own words as shown (without its number). */
function clauseWords(clause: Element): string {
  const p = clause.querySelector(':scope > p');
  const no = p?.querySelector('.clause-no')?.textContent ?? '';
  return (p?.textContent ?? '').slice(no.length).trim();
}

function clauseNo(clauseId: string): string {
  return document.getElementById(clauseId)?.querySelector('.clause-no')?.textContent ?? clauseId;
}

if (tools && policy && decisionsUrl) start(tools, policy, decisionsUrl);

function start(tools: HTMLElement, policy: string, decisionsUrl: string): void {
  const store: Store = loadStore();
  const status = el('p', { role: 'status', class: 'review-status' });
  const count = el('p', { class: 'source-ref' });
  const download = el('button', { type: 'button' }, 'Download overrides file');
  const importLabel = el('label', { for: 'review-import' }, 'Import an overrides file');
  const importInput = el('input', { type: 'file', id: 'review-import', accept: '.yaml,.yml,text/yaml' });
  const bar = el('div', { class: 'review-toolbar' });
  bar.append(download, el('span', { class: 'review-import' }));
  bar.lastElementChild?.append(importLabel, ' ', importInput);
  tools.append(bar, count, status);
  tools.hidden = false;

  const refreshCount = (): void => {
    const mine = store.labels.filter((d) => d.policy === policy).length + store.notes.filter((n) => n.policy === policy).length;
    count.textContent = `Decisions kept in this browser: ${mine} on this policy, ${store.labels.length + store.notes.length} in all.`;
  };

  download.addEventListener('click', () => {
    status.textContent = 'Preparing the file…';
    void downloadOverrides(decisionsUrl, store).then(
      (n) => (status.textContent = `Downloaded overrides.yaml with ${n} ${n === 1 ? 'entry' : 'entries'}.`),
      (e: unknown) => (status.textContent = `The file could not be made (${e instanceof Error ? e.message : String(e)}).`),
    );
  });
  importInput.addEventListener('change', () => {
    const file = importInput.files?.[0];
    if (!file) return;
    void file.text().then(async (text) => {
      const r = await importYaml(store, text);
      status.textContent = `Imported ${r.labels} label and ${r.metadata} metadata ${r.labels + r.metadata === 1 ? 'decision' : 'decisions'}.${r.problems.length ? ` Not imported: ${r.problems.join('; ')}.` : ''}`;
      renderAll();
    });
  });

  // Labels in the full text.
  const labelGroups: (() => void)[] = [];
  for (const li of document.querySelectorAll<HTMLLIElement>('#policy-text .clause-labels li[data-q]')) {
    const clause = li.closest('.clause');
    const type = li.dataset['type'];
    const quote = li.dataset['q'];
    if (!clause || !type || !quote) continue;
    const title = li.querySelector('a')?.textContent ?? type;
    const box = el('span', { class: 'review-controls' });
    li.append(' ', box);
    const render = (): void => {
      const d = store.labels.find((x) => x.policy === policy && x.clause === clause.id && x.type === type && x.from !== 'gap' && x.action !== 'add');
      box.replaceChildren();
      if (d) {
        box.append(el('span', { class: 'decided' }, d.action === 'confirm' ? 'You confirmed this' : 'You said: not right'));
        const undo = el('button', { type: 'button', class: 'link-button', 'aria-label': `Undo your decision on ${title}, clause ${clauseNo(clause.id)}` }, 'Undo');
        undo.addEventListener('click', () => {
          forget(store, policy, type, clause.id);
          after(`Decision on ${title} undone.`);
        });
        box.append(' ', undo);
        return;
      }
      for (const [action, text] of [['confirm', 'Confirm'], ['reject', 'Not right']] as const) {
        const b = el('button', { type: 'button', class: 'small', 'aria-label': `${text}: ${title}, clause ${clauseNo(clause.id)}` }, text);
        b.addEventListener('click', () => {
          putDecision(store, { policy, clause: clause.id, quote, type, action });
          after(action === 'confirm' ? `${title} on clause ${clauseNo(clause.id)} confirmed.` : `${title} on clause ${clauseNo(clause.id)} marked not right.`);
        });
        box.append(b, ' ');
      }
    };
    labelGroups.push(render);
  }

  // Gaps.
  const pick = pickBar();
  const gapGroups: (() => void)[] = [];
  for (const box of document.querySelectorAll<HTMLElement>('.review-controls[data-kind="gap"]')) {
    const type = box.dataset['type'];
    const title = box.dataset['title'] ?? type;
    const candidateClause = box.dataset['clause'];
    const candidateQuote = box.dataset['q'];
    if (!type || !title) continue;
    const render = (): void => {
      box.replaceChildren();
      const d = store.labels.find((x) => answersGap(x, policy, type, candidateClause));
      const note = store.notes.find((n) => n.policy === policy && n.type === type);
      if (d || note) {
        const said = note
          ? 'You confirmed it is missing (kept in this browser: with nothing close, the overrides file has nothing to record).'
          : d?.action === 'reject'
            ? 'You confirmed it is missing: the sentence shown does not cover it.'
            : `You said it is here: clause ${clauseNo(d?.clause ?? '')}, “${d?.quote ?? ''}”.`;
        box.append(el('p', { class: 'decided' }, said));
        const undo = el('button', { type: 'button', class: 'link-button', 'aria-label': `Undo your decision on the gap ${title}` }, 'Undo');
        undo.addEventListener('click', () => {
          forgetGap(store, policy, type, candidateClause);
          after(`Decision on the gap ${title} undone.`);
        });
        box.append(undo);
        return;
      }
      const row = el('p', { class: 'review-buttons' });
      const confirm = el('button', { type: 'button', class: 'small', 'aria-label': `Confirm: ${title} is missing` }, 'Confirm');
      const wrong = el('button', { type: 'button', class: 'small', 'aria-label': `Not right: the policy covers ${title}` }, 'Not right');
      const here = el('button', { type: 'button', class: 'small', 'aria-label': `It is here: select the words that cover ${title}` }, 'It is here');
      confirm.addEventListener('click', () => {
        if (candidateClause && candidateQuote) putDecision(store, { policy, clause: candidateClause, quote: candidateQuote, type, action: 'reject', from: 'gap' });
        else putNote(store, { policy, type });
        after(`Gap ${title} confirmed as missing.`);
      });
      wrong.addEventListener('click', () => {
        if (candidateClause && candidateQuote) {
          putDecision(store, { policy, clause: candidateClause, quote: candidateQuote, type, action: 'add', from: 'gap' });
          after(`Gap ${title}: the sentence shown covers it.`);
        } else pick.open(type, title, box);
      });
      here.addEventListener('click', () => pick.open(type, title, box));
      row.append(confirm, ' ', wrong, ' ', here);
      const hint = candidateClause
        ? 'Confirm: it really is missing. Not right: the sentence above covers it. It is here: select the words that do.'
        : 'Confirm: it really is missing. Not right or It is here: select the words that cover it.';
      box.append(row, el('p', { class: 'source-ref' }, hint));
    };
    gapGroups.push(render);
  }

  function renderAll(): void {
    for (const r of labelGroups) r();
    for (const r of gapGroups) r();
    refreshCount();
  }
  function after(message: string): void {
    renderAll();
    status.textContent = message;
  }
  renderAll();

  /** The bar that asks for a selection in the full text after "It is here". */
  function pickBar(): { open: (type: string, title: string, back: HTMLElement) => void } {
    const region = el('div', { class: 'review-pick', role: 'region', 'aria-label': 'Mark where the policy covers a gap', hidden: '' });
    const text = el('p');
    const use = el('button', { type: 'button' }, 'Use the selected words');
    const cancel = el('button', { type: 'button', class: 'link-button' }, 'Cancel');
    const go = el('a', { href: '#text' }, 'Go to the full text');
    const problem = el('p', { role: 'alert', class: 'review-problem' });
    const buttons = el('p');
    buttons.append(use, ' ', cancel, ' ', go);
    region.append(text, buttons, problem);
    document.body.append(region);
    let current: { type: string; title: string; back: HTMLElement } | null = null;
    // The last selection inside the policy text: pressing the button can move focus, not the words chosen.
    let chosen: Range | null = null;
    document.addEventListener('selectionchange', () => {
      const s = document.getSelection();
      if (s && s.rangeCount > 0 && !s.isCollapsed && document.getElementById('policy-text')?.contains(s.anchorNode)) chosen = s.getRangeAt(0).cloneRange();
    });
    const close = (): void => {
      region.hidden = true;
      problem.textContent = '';
      const back = current?.back.querySelector('button');
      current = null;
      back?.focus();
    };
    cancel.addEventListener('click', close);
    use.addEventListener('click', () => {
      if (!current) return;
      const range = chosen;
      const clause = range ? (range.commonAncestorContainer instanceof Element ? range.commonAncestorContainer : range.commonAncestorContainer.parentElement)?.closest('#policy-text .clause') : null;
      if (!range || !clause) {
        problem.textContent = 'Select words inside one clause of the full text first.';
        return;
      }
      const words = clauseWords(clause);
      const picked = pinQuote(range.toString().replace(/^\s*\S+\s/, (m) => (clause.querySelector('.clause-no')?.textContent === m.trim() ? '' : m)));
      if (!picked || !squash(words).includes(squash(picked))) {
        problem.textContent = 'Select at least a few words of the clause text (not its number or labels).';
        return;
      }
      const d: Decision = { policy: policy ?? '', clause: clause.id, quote: picked, type: current.type, action: 'add', from: 'gap' };
      putDecision(store, d);
      const title = current.title;
      close();
      after(`Gap ${title}: marked as covered by clause ${clauseNo(clause.id)}.`);
    });
    return {
      open: (type, title, back) => {
        current = { type, title, back };
        chosen = null;
        text.textContent = `Where does the policy cover “${title}”? Select the words in the full text, then use them.`;
        problem.textContent = '';
        region.hidden = false;
        use.focus();
      },
    };
  }
}
