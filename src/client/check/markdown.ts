/**
 * The report as Markdown, for a governor to paste into meeting papers or e-mail: the same sections as the page.
 * Policy text is escaped so a quote cannot turn into a heading, link or table in whatever renders it.
 */
import { partialDate } from '../../site/format.ts';
import type { CheckReport } from './protocol.ts';

const pc = (share: number): string => `${Math.round(share * 100)}%`;

/**
 * Escapes what Markdown would act on (emphasis, code, links, HTML, tables, and a heading, list or quote marker at
 * the start) and flattens line breaks, so untrusted text stays text and still reads plainly in a text editor.
 */
export function mdText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\`*_{}[\]<>|~])/g, '\\$1')
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Table cells: mdText already escapes the pipe. */
const cell = mdText;

const STATUS_TEXT = { present: 'Present', partial: 'Partly covered', absent: 'Absent' } as const;
const REVIEW_TEXT = {
  overdue: 'Overdue for review',
  'due-soon': 'Review due soon',
  'in-date': 'In date',
  'no-review-date': 'No review date',
} as const;

export function reportToMarkdown(r: CheckReport): string {
  const out: string[] = [];
  const title = r.metadata.find((m) => m.field === 'title')?.display;
  const school = r.metadata.find((m) => m.field === 'school')?.display;
  out.push(`# Policy check: ${mdText([school, title].filter(Boolean).join(': ') || r.fileName)}`, '');
  out.push(
    `File ${mdText(r.fileName)}, ${r.clauseCount} clauses${r.pages ? `, ${r.pages} pages` : ''}. Checked on ${partialDate(r.asOf)} against ${r.corpusSize} published policies (data as of ${partialDate(r.dataAsOf)}; taxonomy version ${mdText(r.taxonomyVersion)}). Read on this device by ${mdText(r.tool)}; nothing was uploaded.`,
    '',
  );
  for (const n of r.documentNotes ?? []) out.push(`> **Note:** ${mdText(n)}`, '');
  out.push(`- **Review:** ${REVIEW_TEXT[r.review.status]}. ${mdText(r.review.explanation)}`);
  out.push(`- **Staleness grade:** ${r.grade.grade} (${r.grade.points} points)`);
  out.push(`- **Gaps:** ${r.gaps.length}`);
  out.push(`- **Out-of-date references:** ${r.outdated.filter((o) => !o.historical).length}`, '');

  out.push('## Policy details', '', '| Detail | Value | Read from |', '| --- | --- | --- |');
  for (const m of r.metadata) {
    out.push(
      `| ${m.label} | ${cell(m.display ?? 'Not stated')} | ${m.quote ? `“${cell(m.quote)}”` : cell(m.source)} |`,
    );
  }
  out.push('');
  for (const w of [...r.metadataWarnings, ...r.documentWarnings]) out.push(`- Check: ${mdText(w)}`);
  if (r.metadataWarnings.length + r.documentWarnings.length > 0) out.push('');

  out.push('## Staleness grade', '');
  for (const b of r.grade.breakdown) out.push(`- ${mdText(b.reason)}: ${b.points}`);
  if (r.grade.breakdown.length === 0) out.push('Nothing scored.');
  out.push('', mdText(r.gradeFormula), '');

  const group = r.peer.kind !== 'corpus';
  out.push('## Coverage by category', '');
  out.push(`| Category | This policy | All published (median) |${group ? ` ${cell(r.peer.label)} (median) |` : ''}`);
  out.push(`| --- | ---: | ---: |${group ? ' ---: |' : ''}`);
  for (const c of r.categories) {
    out.push(
      `| ${cell(c.title)} | ${pc(c.own)} | ${pc(c.corpusMedian)} |${group ? ` ${pc(c.groupMedian ?? 0)} |` : ''}`,
    );
  }
  out.push('');

  out.push(`## Gaps (${r.gaps.length})`, '');
  for (const g of r.gaps) {
    out.push(`### ${mdText(g.title)} (${g.severity} priority)`, '');
    if (g.peerShare !== null && g.group)
      out.push(`${pc(g.peerShare)} of published policies in ${mdText(g.group)} cover it.`, '');
    if (g.whyItMatters) out.push(`**Why it matters:** ${mdText(g.whyItMatters)}`, '');
    if (g.whatToAsk) out.push(`**What to ask:** ${mdText(g.whatToAsk)}`, '');
    if (g.suggestedWording) out.push(`> A starting point: ${mdText(g.suggestedWording)}`, '');
  }

  out.push(`## Out-of-date references (${r.outdated.filter((o) => !o.historical).length})`, '');
  for (const o of r.outdated) {
    out.push(`### ${mdText(o.label)}${o.historical ? ' (the policy says it was replaced)' : ` (${o.severity})`}`, '');
    out.push(`> “${mdText(o.quote)}”`, '');
    out.push(
      `- **Replaced by:** ${mdText(o.replacedBy)}`,
      `- **Since:** ${partialDate(o.since)}`,
      ...(o.source ? [`- **Source:** ${mdText(o.source)}`] : []),
      '',
    );
  }

  out.push(`## Missing modern topics (${r.missingModern.length})`, '');
  for (const m of r.missingModern) {
    out.push(
      `- ${mdText(m.title)}: expected since ${m.expectedSince}; ${m.expectedAtApproval ? 'already expected when approved' : 'became expected later'}`,
    );
  }
  out.push('');

  out.push(
    '## Coverage by clause type',
    '',
    `| Clause type | Coverage | Published policies with it |${group ? ` ${cell(r.peer.label)} |` : ''}`,
  );
  out.push(`| --- | --- | ---: |${group ? ' ---: |' : ''}`);
  for (const c of r.coverage) {
    const status = c.stale ? 'Present but out of date' : STATUS_TEXT[c.status];
    out.push(`| ${cell(c.title)} | ${status} | ${pc(c.corpusShare)} |${group ? ` ${pc(c.groupShare ?? 0)} |` : ''}`);
  }
  out.push('');

  out.push('## Your wording compared with published wording', '');
  for (const w of r.wordings) {
    out.push(`### ${mdText(w.title)} (${pc(w.similarity)} of words in common)`, '');
    out.push(`Closest published wording (used in ${w.publishedCount}):`, '', `> ${mdText(w.published)}`, '');
    out.push(
      `${w.clauseLabel ? `Your clause ${mdText(w.clauseLabel)}` : 'Your clause'}:`,
      '',
      `> ${mdText(w.own)}`,
      '',
    );
    if (w.diff) {
      const diff = w.diff
        .map((p) =>
          p.op === 'eq' ? mdText(p.text) : p.op === 'del' ? `~~${mdText(p.text)}~~` : `**${mdText(p.text)}**`,
        )
        .join(' ');
      out.push(`Differences (~~published only~~, **yours only**): ${diff}`, '');
    }
  }
  if (r.stances.length > 0) {
    out.push('## Choices this policy makes', '');
    for (const s of r.stances) out.push(`- **${mdText(s.dimension)}:** ${mdText(s.value)} (“${mdText(s.quote)}”)`);
    out.push('');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
