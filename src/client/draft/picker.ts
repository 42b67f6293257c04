/** The member-school picker: a whole-group shortcut and one checkbox per school, grouped. */
import type { MemberGroup, MemberSchool } from '../../pipeline/harmonise/members.ts';
import { pickerSections } from '../../pipeline/harmonise/members.ts';
import { el } from './dom.ts';

/** Above this many schools the picker offers a name filter. */
const FILTER_FROM = 20;

export interface Picker {
  form: HTMLFormElement;
  selected(): string[];
  select(ids: readonly string[]): void;
}

export function renderPicker(schools: readonly MemberSchool[], groups: readonly MemberGroup[], onGroup: (g: MemberGroup) => void): Picker {
  const groupSelect = el('select', { id: 'draft-group' }, el('option', { value: '' }, 'Choose a group'));
  groups.forEach((g, i) => groupSelect.append(el('option', { value: String(i) }, g.label)));
  const groupButton = el('button', { type: 'button', id: 'draft-group-apply', class: 'secondary' }, 'Select this group');
  groupButton.addEventListener('click', () => {
    const g = groups[Number(groupSelect.value)];
    if (groupSelect.value !== '' && g) onGroup(g);
  });

  const boxes = new Map<string, HTMLInputElement>();
  const sections = pickerSections(schools).map((s) =>
    el(
      'fieldset',
      { class: 'draft-members' },
      el('legend', {}, s.heading),
      ...s.schools.map((school) => {
        const box = el('input', { type: 'checkbox', id: `member-${school.id}`, name: 'member', value: school.id });
        boxes.set(school.id, box);
        const facts = [school.phase, school.localAuthority, school.trust].filter((x): x is string => !!x).join(' · ');
        return el(
          'div',
          { class: 'check' },
          box,
          el('label', { for: box.id }, school.name, facts ? el('span', { class: 'hint' }, ` (${facts})`) : null),
        );
      }),
    ),
  );

  // With many schools, a name filter saves scrolling; ticked schools stay ticked while hidden.
  const filter =
    schools.length > FILTER_FROM
      ? el('input', { type: 'search', id: 'draft-member-filter', autocomplete: 'off', 'aria-describedby': 'draft-member-filter-hint' })
      : null;
  filter?.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    for (const fs of sections) {
      let shown = 0;
      for (const row of fs.querySelectorAll<HTMLElement>('.check')) {
        const match = q === '' || (row.textContent ?? '').toLowerCase().includes(q);
        row.hidden = !match;
        if (match) shown++;
      }
      fs.hidden = shown === 0;
    }
  });

  const form = el(
    'form',
    { id: 'draft-members-form', novalidate: true },
    el(
      'div',
      { class: 'field-row' },
      el('div', { class: 'field' }, el('label', { for: groupSelect.id }, 'Pick a whole group'), groupSelect),
      el('div', { class: 'field' }, groupButton),
    ),
    el('p', {}, 'Or tick the member schools one by one:'),
    filter
      ? el(
          'div',
          { class: 'field' },
          el('label', { for: filter.id }, 'Show only schools whose name or area contains'),
          el('p', { class: 'hint', id: 'draft-member-filter-hint' }, 'Schools you have ticked stay ticked when they are hidden.'),
          filter,
        )
      : null,
    ...sections,
    el('div', { class: 'field' }, el('button', { type: 'submit', id: 'draft-build' }, 'Build the draft')),
  );
  return {
    form,
    selected: () => [...boxes].filter(([, b]) => b.checked).map(([id]) => id),
    select: (ids) => {
      const want = new Set(ids);
      for (const [id, b] of boxes) b.checked = want.has(id);
    },
  };
}
