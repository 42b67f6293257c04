/**
 * "Draft a harmonised policy": everything happens in this page. It reads the site's own published data (the
 * dataset and the member schools' policy JSON), keeps the lead's choices in localStorage, and builds the Markdown
 * and Word files in memory. Nothing is uploaded.
 */
import type { ClauseTypeDetail, Dataset, PolicyDetail } from '../../pipeline/dataset.ts';
import { memberGroups, memberSchools, type MemberGroup, type MemberSchool } from '../../pipeline/harmonise/members.ts';
import { allTypes, buildHarmonisation, referenceWording, uncoveredTypes, type HarmonisationModel, type TypeEntry } from '../../pipeline/harmonise/model.ts';
import { DEFAULT_TITLE, emptyChoices, memberSet, outstanding, resolveChoice, startingText, type DraftChoices } from '../../pipeline/harmonise/choices.ts';
import { buildDraftDocument, listNames } from '../../pipeline/harmonise/document.ts';
import { draftToMarkdown } from '../../pipeline/harmonise/markdown.ts';
import { download, el, slug } from './dom.ts';
import { renderPicker, type Picker } from './picker.ts';
import { forgetChoices, lastMembers, loadChoices, rememberMembers, saveChoices } from './storage.ts';
import { applyChoices, EDIT, EXCLUDE, renderWorkspace, showMismatches, SUGGESTED } from './workspace.ts';
import type { DraftRules } from '../../pipeline/harmonise/checks.ts';
import type { ReferenceList } from '../../pipeline/references/load.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const app = document.getElementById('draft-app');
const statusBox = document.getElementById('draft-status');

interface State {
  dataset: Dataset;
  schools: MemberSchool[];
  picker: Picker;
  model: HarmonisationModel | null;
  choices: DraftChoices | null;
  workspace: HTMLElement | null;
  rules: DraftRules | null;
}

function say(message: string, kind: 'info' | 'error' = 'info'): void {
  if (!statusBox) return;
  statusBox.textContent = message;
  statusBox.classList.toggle('error', kind === 'error');
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return (await res.json()) as T;
}

function looksLikeDataset(d: unknown): d is Dataset {
  const x = d as Partial<Dataset> | null;
  return !!x && x.schemaVersion === 1 && Array.isArray(x.schools) && Array.isArray(x.policies) && !!x.taxonomy && Array.isArray(x.stanceDimensions);
}

function persist(state: State, announce?: string): void {
  if (!state.choices) return;
  const ok = saveChoices(state.choices);
  if (!ok) say('This browser would not keep your choices (storage is off or full). Use “Save choices to a file” so you do not lose them.', 'error');
  else if (announce) say(announce);
  refreshSummary(state);
}

function refreshSummary(state: State): void {
  const box = document.getElementById('draft-outstanding');
  if (!box || !state.model || !state.choices) return;
  const left = outstanding(state.model, state.choices);
  const types = allTypes(state.model);
  const included = types.filter((t) => {
    const a = resolveChoice(state.model as HarmonisationModel, t, state.choices as DraftChoices).action;
    return a === 'variant' || a === 'edit' || a === 'suggested';
  }).length;
  const items: HTMLElement[] = [el('li', {}, `${included} of ${types.length} clause types are in the draft.`)];
  if (left.conflicts.length > 0) {
    items.push(el('li', {}, `${left.conflicts.length} ${left.conflicts.length === 1 ? 'position' : 'positions'} to decide where member schools disagree: `, ...linkList(left.conflicts.map((c) => ({ id: c.typeId, text: c.title })))));
  }
  if (left.uncoveredCore.length > 0) {
    items.push(el('li', {}, `${left.uncoveredCore.length} core clause ${left.uncoveredCore.length === 1 ? 'type' : 'types'} no member school covers: `, ...linkList(left.uncoveredCore.map((c) => ({ id: c.typeId, text: c.title })))));
  }
  if (left.conflicts.length === 0 && left.uncoveredCore.length === 0) items.push(el('li', {}, 'Nothing outstanding.'));
  box.replaceChildren(...items);
}

function linkList(items: { id: string; text: string }[]): (HTMLElement | string)[] {
  return items.flatMap((x, i) => [el('a', { href: `#type-${x.id}` }, x.text), i < items.length - 1 ? ', ' : '.']);
}

function typeOf(state: State, typeId: string): TypeEntry | undefined {
  return state.model ? allTypes(state.model).find((t) => t.typeId === typeId) : undefined;
}

function onChange(state: State, target: HTMLInputElement | HTMLTextAreaElement, typing = false): void {
  const choices = state.choices;
  const model = state.model;
  if (!choices || !model || !state.workspace) return;
  if (target.id === 'draft-title') {
    choices.title = target.value.trim() === '' ? null : target.value;
    persist(state, typing ? undefined : 'Title saved.');
    return;
  }
  const fs = target.closest<HTMLElement>('[data-type]');
  const t = fs ? typeOf(state, fs.dataset.type ?? '') : undefined;
  if (!fs || !t) return;
  if (target instanceof HTMLTextAreaElement) {
    const prev = choices.types[t.typeId];
    choices.types[t.typeId] = { action: 'edit', variant: prev?.variant ?? null, text: target.value };
    persist(state);
    return;
  }
  if (target.name.startsWith('stance-')) {
    const dim = target.closest<HTMLElement>('[data-dimension]')?.dataset.dimension;
    if (!dim) return;
    if (target.value === '') delete choices.stances[dim];
    else choices.stances[dim] = target.value;
    // A decision changes the suggested wording of every type: the whole workspace follows it.
    applyChoices(state.workspace, model, choices);
    const label = target.labels?.[0]?.firstChild?.textContent ?? target.value;
    persist(state, target.value === '' ? `Position on ${t.title} not decided.` : `Decided: “${label}”. Saved in this browser.`);
    return;
  }
  const area = fs.querySelector<HTMLElement>('.edit-area');
  const text = fs.querySelector<HTMLTextAreaElement>('textarea');
  if (target.value === EDIT) {
    const prev = resolveChoice(model, t, choices);
    const basedOn = prev.action === 'variant' ? prev.variant.key : prev.action === 'suggested' ? (prev.suggestion.variant?.key ?? null) : (choices.types[t.typeId]?.variant ?? null);
    const start = choices.types[t.typeId]?.text || startingText(model, t, choices);
    choices.types[t.typeId] = { action: 'edit', variant: basedOn, text: start };
    if (text) text.value = start;
    if (area) area.hidden = false;
    persist(state, `Write your wording for ${t.title} in the box below the options.`);
  } else if (target.value === EXCLUDE) {
    choices.types[t.typeId] = { action: 'exclude', variant: null, text: choices.types[t.typeId]?.text ?? null };
    if (area) area.hidden = true;
    persist(state, t.variants.length === 0 ? `${t.title}: no clause will be added.` : `${t.title} will be left out of the draft.`);
  } else if (target.value === SUGGESTED) {
    delete choices.types[t.typeId];
    if (area) area.hidden = true;
    persist(state, `${t.title}: the suggested wording will be used. Saved in this browser.`);
  } else {
    const v = t.variants.find((x) => x.key === target.value);
    choices.types[t.typeId] = { action: 'variant', variant: target.value, text: choices.types[t.typeId]?.text ?? null };
    if (area) area.hidden = true;
    persist(state, `${t.title}: variant ${v?.letter ?? ''} chosen. Saved in this browser.`);
  }
  showMismatches(state.workspace, model, choices);
}

function exportControls(state: State): HTMLElement {
  const md = el('button', { type: 'button', id: 'draft-export-md' }, 'Download as Markdown (.md)');
  const docx = el('button', { type: 'button', id: 'draft-export-docx' }, 'Download as Word (.docx)');
  const save = el('button', { type: 'button', id: 'draft-save', class: 'secondary' }, 'Save choices to a file');
  const file = el('input', { type: 'file', id: 'draft-restore', accept: '.json,application/json', 'aria-describedby': 'draft-restore-hint' });
  const clear = el('button', { type: 'button', id: 'draft-clear', class: 'secondary' }, 'Clear my choices');

  const documentNow = () => buildDraftDocument(state.model as HarmonisationModel, state.choices as DraftChoices);
  md.addEventListener('click', () => {
    const doc = documentNow();
    download(draftToMarkdown(doc), 'text/markdown;charset=utf-8', `${slug(doc.title)}.md`);
    say('Markdown file downloaded.');
  });
  docx.addEventListener('click', () => {
    const doc = documentNow();
    say('Building the Word document…');
    docx.disabled = true;
    import('../../pipeline/harmonise/docx.ts')
      .then(({ draftToDocx }) => draftToDocx(doc))
      .then((bytes) => {
        download(bytes, DOCX_TYPE, `${slug(doc.title)}.docx`);
        say('Word document downloaded.');
      })
      .catch((e: unknown) => say(`The Word document could not be built: ${(e as Error).message}`, 'error'))
      .finally(() => {
        docx.disabled = false;
      });
  });
  save.addEventListener('click', () => {
    const c = state.choices as DraftChoices;
    download(JSON.stringify(c, null, 2) + '\n', 'application/json', `draft-choices-${c.members.length}-schools.json`);
    say('Your choices were saved to a file. Use “Restore choices from a file” to carry on later or in another browser.');
  });
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (f) void restore(state, f).finally(() => (file.value = ''));
  });
  // Clearing loses work, so it takes a second press (no modal dialog to trap keyboard users).
  let armed = false;
  clear.addEventListener('blur', () => {
    armed = false;
    clear.textContent = 'Clear my choices';
  });
  clear.addEventListener('click', () => {
    if (!state.model || !state.choices) return;
    if (!armed) {
      armed = true;
      clear.textContent = 'Press again to clear every choice';
      say('Pressing “Clear my choices” again removes every choice for these schools from this browser. Save them to a file first if you may want them back.');
      return;
    }
    armed = false;
    clear.textContent = 'Clear my choices';
    forgetChoices(state.choices.members);
    state.choices = emptyChoices(state.choices.members);
    saveChoices(state.choices);
    const title = document.getElementById('draft-title') as HTMLInputElement | null;
    if (title) title.value = '';
    if (state.workspace) applyChoices(state.workspace, state.model, state.choices);
    refreshSummary(state);
    say('Choices cleared: every clause type is back to its suggested wording.');
  });

  return el(
    'div',
    { class: 'draft-actions' },
    el('div', { class: 'field-row' }, el('div', { class: 'field' }, md), el('div', { class: 'field' }, docx)),
    el(
      'div',
      { class: 'field-row' },
      el('div', { class: 'field' }, save),
      el(
        'div',
        { class: 'field' },
        el('label', { for: file.id }, 'Restore choices from a file'),
        el('p', { class: 'hint', id: 'draft-restore-hint' }, 'A .json file saved from this page. It is read in your browser, not uploaded.'),
        file,
      ),
      el('div', { class: 'field' }, clear),
    ),
  );
}

async function restore(state: State, f: File): Promise<void> {
  const { parseChoicesText } = await import('../../pipeline/harmonise/choices-schema.ts');
  const parsed = parseChoicesText(await f.text());
  if (!parsed.ok) {
    say(`“${f.name}” could not be restored. ${parsed.message}`, 'error');
    return;
  }
  const known = new Set(state.schools.map((s) => s.id));
  const members = parsed.choices.members.filter((id) => known.has(id));
  if (members.length === 0) {
    say(`“${f.name}” is for schools that are not in this site's data, so it cannot be restored here.`, 'error');
    return;
  }
  const missing = parsed.choices.members.length - members.length;
  const choices = { ...parsed.choices, members: memberSet(members) };
  saveChoices(choices);
  state.picker.select(members);
  await build(state, members, choices);
  say(`Choices restored from “${f.name}”.${missing > 0 ? ` ${missing} school${missing === 1 ? ' is' : 's are'} no longer in the data and ${missing === 1 ? 'was' : 'were'} left out.` : ''}`);
}

async function build(state: State, ids: readonly string[], given?: DraftChoices): Promise<void> {
  const host = document.getElementById('draft-workspace');
  if (!host || !app) return;
  const chosen = state.schools.filter((s) => ids.includes(s.id));
  if (chosen.length === 0) {
    say('Tick at least one member school, or pick a group, then choose “Build the draft”.', 'error');
    return;
  }
  say(`Reading ${chosen.length === 1 ? 'one school’s policy' : `${chosen.length} schools’ policies`}…`);
  const base = app.dataset.policyBase ?? '';
  let members;
  try {
    members = await Promise.all(
      chosen.map(async (school) => ({
        school,
        details: await Promise.all(school.policyIds.map((id) => getJson<PolicyDetail>(`${base}${encodeURIComponent(id)}.json`))),
      })),
    );
  } catch (e) {
    say(`The schools' policies could not be loaded from this site (${(e as Error).message}). Try again, or reload the page.`, 'error');
    return;
  }
  let rules = state.rules;
  if (!rules) {
    try {
      const [{ draftRulesFrom }, content] = await Promise.all([
        import('../../pipeline/harmonise/rules.ts'),
        getJson<{ references: ReferenceList; stancesSource: unknown }>(app.dataset.checkBundleSrc ?? ''),
      ]);
      rules = draftRulesFrom(content);
      state.rules = rules;
    } catch (e) {
      say(`The checks for out-of-date wording could not be loaded from this site (${(e as Error).message}). Try again, or reload the page.`, 'error');
      return;
    }
  }
  let model = buildHarmonisation({ dataset: state.dataset, members, rules });
  // Types no member covers: offer the corpus's reference wording (a missing file only costs the suggestion).
  const missing = uncoveredTypes(model);
  if (missing.length > 0) {
    const typeBase = app.dataset.clauseTypeBase ?? '';
    const found = await Promise.all(
      missing.map((id) => getJson<ClauseTypeDetail>(`${typeBase}${encodeURIComponent(id)}.json`).then(referenceWording, () => null)),
    );
    const referenceWordings = new Map<string, string>();
    found.forEach((w, i) => {
      const id = missing[i];
      if (w && id) referenceWordings.set(id, w);
    });
    if (referenceWordings.size > 0) model = buildHarmonisation({ dataset: state.dataset, members, referenceWordings, rules });
  }
  const memberIds = memberSet(chosen.map((s) => s.id));
  let note = '';
  let choices = given ?? null;
  if (!choices) {
    const loaded = await loadChoices(memberIds);
    choices = loaded.choices;
    if (loaded.problem) note = ` ${loaded.problem}`;
  }
  const restored = choices !== null && !given;
  choices ??= emptyChoices(memberIds);
  state.model = model;
  state.choices = choices;
  rememberMembers(memberIds);
  const url = new URL(window.location.href);
  url.searchParams.set('members', memberIds.join(','));
  history.replaceState(null, '', url);

  const title = el('input', { type: 'text', id: 'draft-title', value: choices.title ?? '', placeholder: DEFAULT_TITLE, 'aria-describedby': 'draft-title-hint' });
  const workspace = renderWorkspace(model);
  state.workspace = workspace;
  host.replaceChildren(
    el('h2', { id: 'draft-heading', tabindex: '-1' }, '2. Your draft'),
    el('p', {}, `Members: ${listNames(model.members.map((m) => m.name))}.`),
    el('ul', { id: 'draft-outstanding' }),
    el('div', { class: 'field' }, el('label', { for: title.id }, 'Title of the draft'), el('p', { class: 'hint', id: 'draft-title-hint' }, `Left blank, the title is “${DEFAULT_TITLE}”.`), title),
    exportControls(state),
    el('h2', {}, '3. Choose the wording for each clause type'),
    el(
      'p',
      {},
      'Each clause type lists the member schools’ wordings, grouped where they are nearly the same (school names read as “the school”). Every rule of a school’s policy appears once, under the type it is most about, with its list lead-in. The suggested wording is the most common current one that agrees with your decisions; wording that is out of date or contradicts a decision is marked and never suggested. Your choices are saved in this browser as you go.',
    ),
    workspace,
  );
  applyChoices(workspace, model, choices);
  refreshSummary(state);
  host.hidden = false;
  const conflicts = outstanding(model, choices).conflicts.length;
  say(
    `Draft ready for ${listNames(model.members.map((m) => m.name))}: ${allTypes(model).length} clause types, ${conflicts} ${conflicts === 1 ? 'position' : 'positions'} to decide.${restored ? ' Your earlier choices for these schools were restored.' : ''}${note}`,
  );
}

async function boot(): Promise<void> {
  if (!app) return;
  const pickerHost = document.getElementById('draft-picker');
  if (!pickerHost) return;
  say('Loading the published data…');
  let dataset: unknown;
  try {
    dataset = await getJson<unknown>(app.dataset.datasetSrc ?? '');
  } catch (e) {
    say(`The published data could not be loaded (${(e as Error).message}). Reload the page to try again.`, 'error');
    return;
  }
  if (!looksLikeDataset(dataset)) {
    say('The published data is not in the form this tool expects (dataset.json, schema version 1), so the draft cannot be built.', 'error');
    return;
  }
  const schools = memberSchools(dataset);
  const groups = memberGroups(schools);
  const state: State = { dataset, schools, picker: undefined as unknown as Picker, model: null, choices: null, workspace: null, rules: null };
  const onGroup = (g: MemberGroup): void => {
    state.picker.select(g.schoolIds);
    say(`${g.label.replace(/ \(.*\)$/, '')} selected: ${listNames(schools.filter((s) => g.schoolIds.includes(s.id)).map((s) => s.name))}. Choose “Build the draft”.`);
  };
  state.picker = renderPicker(schools, groups, onGroup);
  state.picker.form.addEventListener('submit', (e) => {
    e.preventDefault();
    void build(state, state.picker.selected()).then(() => document.getElementById('draft-heading')?.focus());
  });
  pickerHost.replaceChildren(state.picker.form);
  pickerHost.hidden = false;
  const list = document.getElementById('draft-school-list');
  if (list) list.hidden = true;

  const host = document.getElementById('draft-workspace');
  host?.addEventListener('change', (e) => {
    const t = e.target;
    // Text boxes are saved as they are typed in (below); their change event would only announce it again.
    if (t instanceof HTMLInputElement && t.type !== 'file' && t.type !== 'text') onChange(state, t);
    else if (t instanceof HTMLInputElement && t.id === 'draft-title') onChange(state, t);
  });
  host?.addEventListener('input', (e) => {
    const t = e.target;
    if (t instanceof HTMLTextAreaElement || (t instanceof HTMLInputElement && t.id === 'draft-title')) onChange(state, t, true);
  });

  const fromUrl = (new URL(window.location.href).searchParams.get('members') ?? '').split(',').filter((s) => s !== '');
  const start = (fromUrl.length > 0 ? fromUrl : lastMembers()).filter((id) => schools.some((s) => s.id === id));
  if (start.length > 0) {
    state.picker.select(start);
    await build(state, start);
  } else {
    say(`${schools.length} schools available. Pick a group or tick schools, then choose “Build the draft”.`);
  }
}

void boot();
