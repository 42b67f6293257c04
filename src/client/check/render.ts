/**
 * Draws the report into the page with DOM nodes only (see dom.ts): the same sections, in the same order, as a
 * published policy page. Coverage rows carry data-type-id / data-status so the browser test can read them.
 */
import { includedText, percentText } from '../../site/share.ts';
import { CELL_SYMBOL, CELL_TEXT, partialDate } from '../../site/format.ts';
import { clauseTypeHref } from '../../site/url.ts';
import type { CellState } from '../../site/types.ts';
import { append, h, pc, type Child } from './dom.ts';
import type { CheckReport, CoverageRow, DiffPart, EditableField, GapRow, MetaRow } from './protocol.ts';

export interface RenderHandlers {
  /** A metadata correction was committed (change event): the report is rebuilt with it. */
  onEdit: (field: EditableField, value: string) => void;
}

const REVIEW_TEXT: Record<CheckReport['review']['status'], [string, string]> = {
  overdue: ['Overdue for review', 'tag-overdue'],
  'due-soon': ['Review due soon', 'tag-due-soon'],
  'in-date': ['In date', 'tag-current'],
  'no-review-date': ['No review date', 'tag-unknown'],
};

const SEVERITY_TEXT = { high: 'High priority', medium: 'Medium priority', low: 'Low priority' } as const;

const DATE_HINT = 'For example 2024-05, May 2024, 14/05/2024 or Summer term 2024.';

/** Long evidence is shortened for tables; the full clause is in the wording comparison. */
function excerpt(text: string, max = 220): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

function cellState(row: CoverageRow): CellState {
  if (row.status === 'absent') return 'absent';
  return row.stale ? 'stale' : row.status;
}

function section(id: string, title: string, ...children: Child[]): HTMLElement {
  return h(
    'section',
    { class: 'check-section', 'aria-labelledby': `${id}-h` },
    h('h2', { id: `${id}-h` }, title),
    ...children,
  );
}

function metaTable(report: CheckReport, handlers: RenderHandlers): HTMLElement {
  const rows = report.metadata.map((m: MetaRow) => {
    const id = `meta-${m.field}`;
    let value: Child;
    if (m.editable) {
      const isDate = ['approved', 'last_reviewed', 'next_review'].includes(m.field);
      const described = [isDate ? `${id}-hint` : null, m.error ? `${id}-error` : null].filter(Boolean).join(' ');
      const input = h('input', {
        id,
        name: m.field,
        type: 'text',
        value: m.raw,
        class: 'no-print check-meta-input',
        inputmode: m.field === 'review_cycle_months' ? 'numeric' : null,
        autocomplete: 'off',
        'aria-invalid': m.error ? 'true' : null,
        'aria-describedby': described || null,
      });
      input.addEventListener('change', () => handlers.onEdit(m.field as EditableField, input.value));
      value = h(
        'div',
        {},
        input,
        h('span', { class: 'print-only' }, m.display ?? 'Not stated'),
        isDate ? h('p', { id: `${id}-hint`, class: 'check-hint no-print' }, DATE_HINT) : null,
        m.error ? h('p', { id: `${id}-error`, class: 'check-error' }, `Not used: ${m.error}`) : null,
        m.display && m.raw !== m.display && !m.error
          ? h('p', { class: 'check-hint no-print' }, `Read as: ${m.display}`)
          : null,
      );
    } else value = m.display ?? 'Not stated';
    const label = m.editable ? h('label', { for: id }, m.label) : m.label;
    return h(
      'tr',
      { 'data-field': m.field },
      h('th', { scope: 'row' }, label),
      h('td', {}, value),
      h('td', {}, m.quote ? h('q', {}, m.quote) : h('span', { class: 'source-ref' }, m.source)),
    );
  });
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'check-meta' },
      h(
        'caption',
        {},
        'What the document says about itself, with the words it was read from. Correct anything that is wrong: the review status and grade are worked out again.',
      ),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Detail'),
          h('th', { scope: 'col' }, 'Value'),
          h('th', { scope: 'col' }, 'Read from'),
        ),
      ),
      h(
        'tbody',
        {},
        ...rows,
        h('tr', {}, h('th', { scope: 'row' }, 'File'), h('td', { colspan: 2 }, h('code', {}, report.fileName))),
      ),
    ),
  );
}

function bar(share: number, kind: 'own' | 'peer'): HTMLElement {
  const fill = h('span', { class: `check-bar-fill check-bar-${kind}` });
  fill.style.width = pc(share);
  return h('span', { class: 'check-bar', 'aria-hidden': 'true' }, fill);
}

function categoryTable(report: CheckReport): HTMLElement {
  const group = report.peer.kind !== 'corpus';
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'check-categories' },
      h(
        'caption',
        {},
        `Share of each category's clause types covered: this policy, and the median of ${report.corpusSize} published policies${group ? ` and of ${report.peer.size} in ${report.peer.label}` : ''}.`,
      ),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Category'),
          h('th', { scope: 'col', class: 'num' }, 'This policy'),
          h('th', { scope: 'col', class: 'num' }, 'All published (median)'),
          group ? h('th', { scope: 'col', class: 'num' }, `${report.peer.label} (median)`) : null,
        ),
      ),
      h(
        'tbody',
        {},
        ...report.categories.map((c) =>
          h(
            'tr',
            { 'data-category': c.id },
            h('th', { scope: 'row' }, c.title, h('span', { class: 'check-muted' }, ` (${c.types} types)`)),
            h('td', { class: 'num' }, bar(c.own, 'own'), ' ', pc(c.own)),
            h('td', { class: 'num' }, bar(c.corpusMedian, 'peer'), ' ', pc(c.corpusMedian)),
            group ? h('td', { class: 'num' }, bar(c.groupMedian ?? 0, 'peer'), ' ', pc(c.groupMedian ?? 0)) : null,
          ),
        ),
      ),
    ),
  );
}

/** Capitalises the first letter: shared phrases start lower-case so they read inside a sentence too. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function gapBasis(g: GapRow): string {
  const parts: string[] = [];
  if (g.basis === 'guidance-core') parts.push('Current guidance expects every policy to cover this.');
  else if (g.basis === 'guidance-recommended') parts.push('Current guidance recommends covering this.');
  if (g.peerShare !== null && g.group) {
    const where = g.group === 'All published policies' ? '' : `in ${g.group}`;
    const of = g.peerCount ?? 0;
    parts.push(`${sentence(includedText({ count: Math.round(g.peerShare * of), of }, where ? { where } : {}))}.`);
  }
  if (g.expectedSince !== null) {
    parts.push(
      g.predatesGuidance
        ? `Expected since ${g.expectedSince}, after this policy was written.`
        : `Expected since ${g.expectedSince}.`,
    );
  }
  return parts.join(' ');
}

function gapSection(report: CheckReport): HTMLElement {
  const items = report.gaps.map((g) =>
    h(
      'section',
      { class: 'finding', id: `gap-${g.typeId}`, 'aria-labelledby': `gap-${g.typeId}-h`, 'data-type-id': g.typeId },
      h(
        'h3',
        { id: `gap-${g.typeId}-h` },
        h('a', { href: clauseTypeHref(g.typeId) }, g.title),
        ' ',
        h('span', { class: 'tag' }, SEVERITY_TEXT[g.severity]),
      ),
      h('p', {}, gapBasis(g)),
      g.whyItMatters ? h('p', {}, h('strong', {}, 'Why it matters: '), g.whyItMatters) : null,
      g.whatToAsk ? h('p', {}, h('strong', {}, 'What to ask: '), g.whatToAsk) : null,
      g.suggestedWording
        ? h(
            'details',
            {},
            h('summary', {}, 'A starting point: a published wording of this rule'),
            h('blockquote', { class: 'quote' }, g.suggestedWording),
          )
        : null,
    ),
  );
  return section(
    'check-gaps',
    `Gaps (${report.gaps.length})`,
    report.gaps.length === 0
      ? h('p', {}, 'No core or recommended clause type is missing, and nothing most peers cover.')
      : null,
    ...items,
  );
}

function outdatedSection(report: CheckReport): HTMLElement {
  return section(
    'check-outdated',
    `Out-of-date references (${report.outdated.filter((o) => !o.historical).length})`,
    report.outdated.length === 0 ? h('p', {}, 'No out-of-date references were found.') : null,
    ...report.outdated.map((o) =>
      h(
        'section',
        { class: 'finding', 'aria-label': `Out of date: ${o.label}`, 'data-reference-id': o.referenceId },
        h(
          'h3',
          {},
          o.label,
          ' ',
          h('span', { class: 'tag' }, o.historical ? 'Already noted as replaced' : SEVERITY_TEXT[o.severity]),
        ),
        h(
          'blockquote',
          { class: 'quote' },
          h('q', {}, o.quote),
          o.count > 1 ? h('span', { class: 'check-muted' }, ` (mentioned ${o.count} times)`) : null,
        ),
        o.historical ? h('p', {}, 'The policy itself says this has been replaced, so it scores nothing.') : null,
        h('p', {}, h('strong', {}, 'Replaced by: '), o.replacedBy),
        h('p', {}, h('strong', {}, 'Since: '), partialDate(o.since)),
        o.source ? h('p', {}, h('strong', {}, 'Source: '), o.source) : null,
      ),
    ),
  );
}

function missingSection(report: CheckReport): HTMLElement {
  return section(
    'check-missing',
    `Missing modern topics (${report.missingModern.length})`,
    report.missingModern.length === 0
      ? h('p', {}, 'The policy covers every topic current guidance has added in recent years.')
      : h(
          'ul',
          {},
          ...report.missingModern.map((m) =>
            h(
              'li',
              { 'data-type-id': m.typeId },
              h('a', { href: clauseTypeHref(m.typeId) }, m.title),
              `: expected since ${m.expectedSince}; `,
              m.expectedAtApproval
                ? 'already expected when the policy was approved.'
                : 'became expected after the policy was approved (or the approval date is not known).',
            ),
          ),
        ),
  );
}

function coverageSection(report: CheckReport): HTMLElement {
  const group = report.peer.kind !== 'corpus';
  const categories = [...new Set(report.coverage.map((c) => c.category))];
  const titleOf = new Map(report.categories.map((c) => [c.id, c.title]));
  const legend = h(
    'ul',
    { class: 'legend', 'aria-label': 'Key' },
    ...(['present', 'partial', 'stale', 'absent'] as const).map((s) =>
      h('li', {}, h('span', { class: `cell cell-${s}`, 'aria-hidden': 'true' }, CELL_SYMBOL[s]), CELL_TEXT[s]),
    ),
  );
  const tables = categories.map((cat) =>
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'check-coverage' },
        h('caption', {}, titleOf.get(cat) ?? cat),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Clause type'),
            h('th', { scope: 'col' }, 'Coverage'),
            h('th', { scope: 'col', class: 'num' }, 'Published policies with it'),
            group ? h('th', { scope: 'col', class: 'num' }, `In ${report.peer.label}`) : null,
            h('th', { scope: 'col' }, 'Where in the text'),
          ),
        ),
        h(
          'tbody',
          {},
          ...report.coverage
            .filter((c) => c.category === cat)
            .map((c) => {
              const s = cellState(c);
              const first = c.evidence[0];
              return h(
                'tr',
                { id: `type-${c.typeId}`, 'data-type-id': c.typeId, 'data-status': c.status },
                h('th', { scope: 'row' }, h('a', { href: clauseTypeHref(c.typeId) }, c.title)),
                h(
                  'td',
                  {},
                  h('span', { class: `cell cell-${s}`, 'aria-hidden': 'true' }, CELL_SYMBOL[s]),
                  ' ',
                  CELL_TEXT[s],
                ),
                h('td', { class: 'num' }, percentText({ count: Math.round(c.corpusShare * report.corpusSize), of: report.corpusSize })),
                group ? h('td', { class: 'num' }, pc(c.groupShare ?? 0)) : null,
                h(
                  'td',
                  {},
                  first
                    ? h(
                        'span',
                        {},
                        first.label ? `Clause ${first.label}: ` : '',
                        h('q', {}, excerpt(first.quote, 160)),
                        c.evidence.length > 1 ? ` and ${c.evidence.length - 1} more` : '',
                      )
                    : '',
                ),
              );
            }),
        ),
      ),
    ),
  );
  const covered = report.coverage.filter((c) => c.status !== 'absent').length;
  return section(
    'check-coverage',
    'Coverage by clause type',
    h('p', {}, `This policy covers ${covered} of ${report.coverage.length} clause types (present or partly).`),
    legend,
    ...tables,
  );
}

function diffView(parts: readonly DiffPart[]): HTMLElement {
  return h(
    'p',
    { class: 'word-diff' },
    ...parts.map((p) =>
      p.op === 'ins'
        ? h('ins', {}, h('span', { class: 'vh' }, '[added: '), p.text, h('span', { class: 'vh' }, ']'))
        : p.op === 'del'
          ? h('del', {}, h('span', { class: 'vh' }, '[removed: '), p.text, h('span', { class: 'vh' }, ']'))
          : h('span', {}, p.text),
    ),
  );
}

function wordingSection(report: CheckReport): HTMLElement {
  return section(
    'check-wording',
    `Your wording compared with published wording (${report.wordings.length})`,
    h(
      'p',
      {},
      'For each clause type your policy covers, the published wording closest to yours. In the differences, ',
      h('del', {}, 'struck-through words'),
      ' are in the published wording only and ',
      h('ins', {}, 'underlined words'),
      ' are in yours only.',
    ),
    ...report.wordings.map((w) =>
      h(
        'details',
        { class: 'check-wording', 'data-type-id': w.typeId },
        h('summary', {}, `${w.title}: ${pc(w.similarity)} of words in common`),
        h(
          'p',
          {},
          h('strong', {}, 'Closest published wording'),
          ` (used in ${w.publishedCount} ${w.publishedCount === 1 ? 'policy' : 'policies'}${w.isReference ? '; the most common wording' : ''}):`,
        ),
        h('blockquote', { class: 'quote' }, w.published),
        ...(w.diff && w.diff.every((p) => p.op === 'eq')
          ? [h('p', {}, `Your ${w.clauseLabel ? `clause ${w.clauseLabel}` : 'clause'} uses the same words.`)]
          : [
              h('p', {}, h('strong', {}, w.clauseLabel ? `Your clause ${w.clauseLabel}:` : 'Your clause:')),
              h('blockquote', { class: 'quote' }, w.own),
              h('p', {}, h('strong', {}, 'Differences:')),
              w.diff
                ? diffView(w.diff)
                : h('p', {}, 'The two are worded too differently for a word-by-word comparison to help.'),
            ]),
      ),
    ),
  );
}

function otherSection(report: CheckReport): HTMLElement {
  return section(
    'check-other',
    'Choices this policy makes',
    report.stances.length === 0
      ? h('p', {}, 'No stance on the recorded choices (such as personal use or social media contact) was found.')
      : h(
          'ul',
          {},
          ...report.stances.map((s) =>
            h('li', {}, h('strong', {}, `${s.dimension}: `), s.value, ' (', h('q', {}, excerpt(s.quote)), ')'),
          ),
        ),
    report.residue.length > 0
      ? h(
          'div',
          {},
          h('h3', {}, 'Left over from a template or another school'),
          h('ul', {}, ...report.residue.map((r) => h('li', {}, h('q', {}, excerpt(r.quote)), `: ${r.reason}`))),
        )
      : null,
    h(
      'p',
      {},
      report.hasAcknowledgementForm
        ? 'The policy includes a form for staff to sign.'
        : 'The policy has no form for staff to sign that they have read it.',
    ),
  );
}

export function renderReport(report: CheckReport, handlers: RenderHandlers): DocumentFragment {
  const title = report.metadata.find((m) => m.field === 'title')?.display;
  const school = report.metadata.find((m) => m.field === 'school')?.display;
  const [reviewText, reviewClass] = REVIEW_TEXT[report.review.status];
  const gapsHigh = report.gaps.filter((g) => g.severity === 'high').length;
  const outdated = report.outdated.filter((o) => !o.historical).length;
  const frag = document.createDocumentFragment();
  append(
    frag,
    h(
      'h2',
      { id: 'check-report-h', tabindex: -1 },
      'Report: ',
      [school, title].filter(Boolean).join(': ') || report.fileName,
    ),
    h(
      'p',
      { class: 'check-muted' },
      `${report.fileName}: ${report.clauseCount} clauses${report.pages ? `, ${report.pages} pages` : ''}. Checked on ${partialDate(report.asOf)} against ${report.corpusSize} published policies (data as of ${partialDate(report.dataAsOf)}; taxonomy version ${report.taxonomyVersion}).`,
    ),
    (report.documentNotes ?? []).length > 0
      ? h(
          'div',
          { class: 'notice check-document-notes', role: 'note' },
          h('p', {}, h('strong', {}, 'Not a school’s own staff policy?')),
          ...(report.documentNotes ?? []).map((n) => h('p', {}, n)),
          h('p', {}, 'Read the coverage and gaps below as those of the document you checked, not of a school’s staff rules.'),
        )
      : null,
    h(
      'ul',
      { class: 'stats' },
      h(
        'li',
        {},
        h('strong', {}, h('span', { class: `tag ${reviewClass}` }, reviewText)),
        ` ${report.review.dueDate ? `Review due ${partialDate(report.review.dueDate)}` : 'No review date found'}`,
      ),
      h(
        'li',
        {},
        h('strong', {}, h('span', { class: 'grade' }, report.grade.grade)),
        ' Staleness grade (A current to E badly out of date)',
      ),
      h('li', {}, h('strong', {}, report.gaps.length), ` gaps (${gapsHigh} high priority)`),
      h('li', {}, h('strong', {}, outdated), ' out-of-date references'),
    ),
    report.documentWarnings.length > 0
      ? h(
          'div',
          { class: 'notice' },
          h('p', {}, h('strong', {}, 'About the file:')),
          h('ul', {}, ...report.documentWarnings.map((w) => h('li', {}, w))),
        )
      : null,
    section(
      'check-details',
      'Policy details',
      metaTable(report, handlers),
      report.metadataWarnings.length > 0
        ? h(
            'div',
            { class: 'notice' },
            h('p', {}, h('strong', {}, 'Check these details:')),
            h('ul', {}, ...report.metadataWarnings.map((w) => h('li', {}, w))),
          )
        : null,
    ),
    section(
      'check-review',
      'Review status and staleness grade',
      h(
        'p',
        { id: 'check-review-explanation' },
        h('span', { class: `tag ${reviewClass}` }, reviewText),
        ' ',
        report.review.explanation,
      ),
      h(
        'p',
        {},
        `Staleness grade `,
        h('span', { class: 'grade', id: 'check-grade' }, report.grade.grade),
        ` (${report.grade.points} points).`,
      ),
      report.grade.breakdown.length > 0
        ? h(
            'ul',
            {},
            ...report.grade.breakdown.map((b) =>
              h('li', {}, `${b.reason}: ${b.points} ${b.points === 1 ? 'point' : 'points'}`),
            ),
          )
        : h('p', {}, 'Nothing scored: the policy is in date and nothing in it is out of date.'),
      h('details', {}, h('summary', {}, 'How the grade is worked out'), h('p', {}, report.gradeFormula)),
    ),
    section('check-categories', 'Coverage by category compared with published policies', categoryTable(report)),
    gapSection(report),
    outdatedSection(report),
    missingSection(report),
    coverageSection(report),
    wordingSection(report),
    otherSection(report),
  );
  return frag;
}
