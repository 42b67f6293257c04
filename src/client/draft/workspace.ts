/**
 * The draft workspace: one fieldset per clause type (variants as radio buttons, the lead's own wording, or leave
 * out), stance conflicts to decide, and live warnings. Built once per member set; choices update it in place.
 */
import type { HarmonisationModel, StanceQuestion, TypeEntry, Variant } from '../../pipeline/harmonise/model.ts';
import { resolveChoice, startingText, stanceMismatches, variantContradictions, type DraftChoices } from '../../pipeline/harmonise/choices.ts';
import { formatPartialDate, listNames } from '../../pipeline/harmonise/document.ts';
import { suggest } from '../../pipeline/harmonise/suggest.ts';
import { textToBlocks, type Block } from '../../pipeline/harmonise/blocks.ts';
import { el, excerpt, wordCount } from './dom.ts';

export const EDIT = '__edit';
export const EXCLUDE = '__exclude';
/** The suggestion when it is not a member's variant as it stands (brought up to date, or the guidance wording). */
export const SUGGESTED = '__suggested';

/** Paragraphs, lead-ins and list items as the reader will see them in the draft. */
export function blockElements(blocks: readonly Block[]): HTMLElement[] {
  const out: HTMLElement[] = [];
  let list: HTMLUListElement | null = null;
  for (const b of blocks) {
    if (b.kind === 'item') {
      list ??= el('ul', { class: 'draft-items' });
      list.append(el('li', { class: b.depth > 1 ? `depth-${Math.min(b.depth, 4)}` : undefined }, b.text));
      continue;
    }
    if (list) out.push(list);
    list = null;
    out.push(el('p', {}, b.text));
  }
  if (list) out.push(list);
  return out;
}

const LEVEL_TEXT: Record<TypeEntry['level'], string> = {
  core: 'Core: guidance expects it',
  recommended: 'Recommended',
  optional: 'Optional',
};

function variantBlock(t: TypeEntry, v: Variant): HTMLElement {
  const id = `choice-${t.typeId}-${v.letter}`;
  const tags = [
    v.mostCommon ? el('span', { class: 'tag tag-common' }, 'Most common') : null,
    v.mostRecent ? el('span', { class: 'tag tag-recent' }, 'Most recent') : null,
    el('span', { class: 'tag tag-suggested', 'data-suggested-tag': '', hidden: true }, 'Suggested'),
    v.partial ? el('span', { class: 'tag tag-partial' }, 'Partly covers this') : null,
  ];
  const users = `used by ${listNames(v.users.map((u) => u.name))}`;
  const block = el(
    'div',
    { class: 'variant', 'data-variant': v.key },
    el('input', { type: 'radio', id, name: `choice-${t.typeId}`, value: v.key }),
    el('label', { for: id }, `Variant ${v.letter}: ${users}`, el('span', { class: 'hint' }, ` (wording dated ${formatPartialDate(v.date)})`)),
    el('p', { class: 'variant-tags' }, ...tags.flatMap((x) => (x ? [x, ' '] : []))),
    el('p', { class: 'variant-excerpt' }, excerpt(v.text)),
  );
  if (wordCount(v.text) > 45) {
    block.append(el('details', { class: 'variant-full' }, el('summary', {}, `Full wording of variant ${v.letter} (${wordCount(v.text)} words)`), ...blockElements(v.blocks)));
  }
  if (v.stances.length > 0) {
    block.append(el('p', { class: 'variant-stance' }, `Position taken: ${v.stances.map((s) => `“${s.label}”`).join('; ')}`));
  }
  if (v.stale.length > 0) {
    block.append(
      el(
        'ul',
        { class: 'variant-stale' },
        ...v.stale.map((s) => el('li', {}, el('strong', {}, 'Out of date: '), `“${s.quote}” (${s.label}) — replaced by ${s.replacedBy.replace(/\.\s*$/, '')}. Never suggested as it stands.`)),
      ),
    );
  }
  block.append(el('div', { class: 'variant-contradicts', 'data-contradicts': '' }));
  return block;
}

function stanceFieldset(q: StanceQuestion): HTMLElement {
  const name = `stance-${q.dimensionId}`;
  const fs = el('fieldset', { class: 'stance', 'data-dimension': q.dimensionId }, el('legend', {}, `Decide the trust's position: ${q.title}`));
  fs.append(el('p', { class: 'hint' }, 'Member schools disagree. Deciding changes the suggested wording: variants that contradict your decision are marked and never suggested.'));
  for (const o of q.options) {
    const id = `${name}-${o.value}`;
    const opt = el(
      'div',
      { class: 'check' },
      el('input', { type: 'radio', id, name, value: o.value }),
      el('label', { for: id }, o.label, el('span', { class: 'hint' }, o.holders.length > 0 ? ` (${listNames(o.holders.map((h) => h.name))})` : ' (no member school says this)')),
      el('p', { class: 'hint stance-description' }, o.description),
    );
    for (const h of o.holders) opt.append(el('blockquote', { class: 'quote' }, el('p', {}, h.quote), el('footer', {}, `— ${h.name}`)));
    fs.append(opt);
  }
  const none = `${name}-undecided`;
  fs.append(el('div', { class: 'check' }, el('input', { type: 'radio', id: none, name, value: '' }), el('label', { for: none }, 'Not decided yet')));
  return fs;
}

function agreement(q: StanceQuestion): HTMLElement | null {
  const held = q.options.filter((o) => o.holders.length > 0);
  const only = held[0];
  if (q.conflict || !only) return null;
  return el('p', { class: 'hint' }, `${q.title}: every member school that states a position says “${only.label}” (${listNames(only.holders.map((h) => h.name))}).`);
}

function typeFieldset(t: TypeEntry): HTMLFieldSetElement {
  const uncovered = t.variants.length === 0;
  const fs = el('fieldset', { class: `draft-type${uncovered ? ' uncovered' : ''}`, id: `type-${t.typeId}`, 'data-type': t.typeId });
  fs.append(el('legend', {}, t.title, ' ', el('span', { class: `tag level-${t.level}` }, LEVEL_TEXT[t.level])));
  fs.append(el('p', { class: 'hint' }, t.description));
  if (uncovered) {
    fs.append(
      el(
        'p',
        { class: t.level === 'core' ? 'notice gap-core' : 'gap-note' },
        t.level === 'core'
          ? 'No member school has a clause on this, and guidance expects every policy to. Add a clause to the draft.'
          : 'No member school has a clause on this. Guidance recommends one.',
      ),
    );
    if (t.whyItMatters) fs.append(el('p', {}, el('strong', {}, 'Why it matters: '), t.whyItMatters));
    if (t.suggestedWording) {
      fs.append(el('p', {}, 'Wording most used by other schools in the published data:'), el('blockquote', { class: 'quote' }, ...blockElements(textToBlocks(t.suggestedWording))));
    }
  } else if (t.missingFrom.length > 0) {
    fs.append(el('p', { class: 'hint' }, `No clause mainly on this in: ${listNames(t.missingFrom.map((m) => m.name))}.`));
  }
  if (t.coveredElsewhere.length > 0) {
    fs.append(
      el(
        'p',
        { class: 'hint' },
        `Touched on inside rules offered under other clause types (each rule is offered once, under the type it is most about): ${t.coveredElsewhere.map((c) => c.name).join('; ')}.`,
      ),
    );
  }
  fs.append(el('div', { class: 'suggestion', 'data-suggestion': '' }));
  for (const v of t.variants) fs.append(variantBlock(t, v));
  const editId = `choice-${t.typeId}-edit`;
  const exclId = `choice-${t.typeId}-exclude`;
  fs.append(
    el(
      'div',
      { class: 'variant own' },
      el('input', { type: 'radio', id: editId, name: `choice-${t.typeId}`, value: EDIT }),
      el('label', { for: editId }, uncovered ? (t.suggestedWording ? 'Add a clause, starting from the wording above' : 'Add a clause in our own words') : 'Write our own wording (starts from the selected wording)'),
    ),
    el(
      'div',
      { class: 'variant own' },
      el('input', { type: 'radio', id: exclId, name: `choice-${t.typeId}`, value: EXCLUDE }),
      el('label', { for: exclId }, uncovered ? 'Do not add a clause' : 'Leave this clause type out of the draft'),
    ),
  );
  const textId = `text-${t.typeId}`;
  fs.append(
    el(
      'div',
      { class: 'edit-area', hidden: true },
      el('label', { for: textId }, `Wording for “${t.title}”`),
      el('p', { class: 'hint', id: `${textId}-hint` }, 'Saved in this browser as you type. Start each paragraph on a new line; start a list item with “- ” under a line ending with a colon.'),
      el('textarea', { id: textId, rows: '8', 'aria-describedby': `${textId}-hint`, spellcheck: 'true' }),
    ),
  );
  for (const q of t.stances) {
    const a = agreement(q);
    if (a) fs.append(a);
    else if (q.conflict) fs.append(stanceFieldset(q));
  }
  fs.append(el('div', { class: 'mismatch', 'data-mismatch': '' }));
  return fs;
}

export function renderWorkspace(model: HarmonisationModel): HTMLElement {
  const root = el('div', { class: 'draft-types' });
  for (const c of model.categories) {
    const hid = `cat-${c.id}`;
    root.append(el('section', { 'aria-labelledby': hid }, el('h3', { id: hid }, c.title), ...c.types.map(typeFieldset)));
  }
  return root;
}

/** The suggestion box of a type: shown when the suggestion is not a member's variant as it stands. */
function renderSuggestion(fs: HTMLElement, model: HarmonisationModel, t: TypeEntry, choices: DraftChoices): string | null {
  const box = fs.querySelector<HTMLElement>('[data-suggestion]');
  const s = suggest(model, t, choices.stances);
  for (const tag of fs.querySelectorAll<HTMLElement>('[data-suggested-tag]')) {
    tag.hidden = !(s.kind === 'variant' && tag.closest<HTMLElement>('[data-variant]')?.dataset.variant === s.key);
  }
  if (!box) return s.kind === 'variant' ? s.key : null;
  if (s.kind === 'none' || s.kind === 'variant') {
    box.replaceChildren();
    return s.kind === 'variant' ? s.key : null;
  }
  const id = `choice-${t.typeId}-suggested`;
  const label =
    s.kind === 'updated'
      ? `Suggested: variant ${s.variant.letter} (used by ${listNames(s.variant.users.map((u) => u.name))}) brought up to date`
      : 'Suggested: plain-English wording of the trust’s position';
  box.replaceChildren(
    el(
      'div',
      { class: 'variant suggested' },
      el('input', { type: 'radio', id, name: `choice-${t.typeId}`, value: SUGGESTED }),
      el('label', { for: id }, label),
      el('p', { class: 'hint' }, `No member wording is both current and in line with your decisions, so this one is: ${s.changes.join('; ')}.`),
      el('div', { class: 'variant-excerpt' }, ...blockElements(s.blocks)),
    ),
  );
  return SUGGESTED;
}

/** Puts the controls in line with the choices (after building, restoring, clearing or deciding a position). */
export function applyChoices(root: HTMLElement, model: HarmonisationModel, choices: DraftChoices): void {
  for (const c of model.categories) {
    for (const t of c.types) {
      const fs = root.querySelector<HTMLFieldSetElement>(`#type-${CSS.escape(t.typeId)}`);
      if (!fs) continue;
      const suggested = renderSuggestion(fs, model, t, choices);
      const saved = choices.types[t.typeId];
      const r = resolveChoice(model, t, choices);
      const value =
        saved?.action === 'edit' ? EDIT : saved?.action === 'exclude' ? EXCLUDE : r.action === 'variant' ? r.variant.key : r.action === 'suggested' ? (suggested ?? SUGGESTED) : EXCLUDE;
      for (const input of fs.querySelectorAll<HTMLInputElement>(`input[name="choice-${CSS.escape(t.typeId)}"]`)) input.checked = input.value === value;
      const area = fs.querySelector<HTMLElement>('.edit-area');
      const text = fs.querySelector<HTMLTextAreaElement>('textarea');
      if (area && text) {
        area.hidden = value !== EDIT;
        if (value === EDIT) text.value = saved?.text ?? startingText(model, t, choices);
      }
      for (const v of t.variants) {
        const box = fs.querySelector<HTMLElement>(`[data-variant="${CSS.escape(v.key)}"] [data-contradicts]`);
        const against = variantContradictions(model, v, choices);
        box?.replaceChildren(
          ...against.map((a) => el('p', { class: 'notice contradicts' }, el('strong', {}, 'Contradicts your decision: '), `this wording says “${a.wordingLabel}”; you decided “${a.decidedLabel}”.`)),
        );
      }
      for (const q of t.stances) {
        if (!q.conflict) continue;
        const decided = choices.stances[q.dimensionId] ?? '';
        for (const input of fs.querySelectorAll<HTMLInputElement>(`input[name="stance-${CSS.escape(q.dimensionId)}"]`)) input.checked = input.value === decided;
      }
    }
  }
  showMismatches(root, model, choices);
}

/** Warns, next to the clause, when the chosen wording (recomputed on its words) contradicts a decision. */
export function showMismatches(root: HTMLElement, model: HarmonisationModel, choices: DraftChoices): void {
  for (const box of root.querySelectorAll<HTMLElement>('[data-mismatch]')) box.replaceChildren();
  for (const m of stanceMismatches(model, choices)) {
    const box = root.querySelector<HTMLElement>(`#type-${CSS.escape(m.typeId)} [data-mismatch]`);
    box?.append(
      el('p', { class: 'notice' }, `The chosen wording says “${m.wordingLabel}”, but you decided “${m.decidedLabel}”. The export will carry a note until you choose a variant that matches or write your own wording.`),
    );
  }
}
