/** The draft as Markdown: headings, numbered clauses, and the three appendices. */
import type { DraftDocument } from './document.ts';

/**
 * Policy text is untrusted and may contain Markdown syntax; escape what would change the layout (emphasis, links,
 * HTML, and line starts that read as headings, lists or quotes) so the text renders as written.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+-])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])(?=\s|$)/, '$1$2\\$3');
}

export function draftToMarkdown(doc: DraftDocument): string {
  const out: string[] = [];
  const para = (t: string): void => {
    out.push(escapeMarkdown(t), '');
  };
  out.push(`# ${escapeMarkdown(doc.title)}`, '');
  for (const p of doc.preamble) para(p);
  out.push('## Contents', '');
  for (const c of doc.contents) {
    const label = `${c.number}${c.level === 1 && /^\d+$/.test(c.number) ? '.' : ''} ${escapeMarkdown(c.title)}`;
    out.push(`${c.level === 2 ? '    ' : ''}- ${label}`);
  }
  out.push('');
  for (const s of doc.sections) {
    out.push(`## ${s.number}. ${escapeMarkdown(s.title)}`, '');
    for (const c of s.clauses) {
      out.push(`### ${c.number} ${escapeMarkdown(c.title)}`, '');
      c.blocks.forEach((b, i) => {
        if (b.kind === 'item') {
          out.push(`${'    '.repeat(Math.max(0, b.depth - 1))}- ${escapeMarkdown(b.text)}`);
          if (c.blocks[i + 1]?.kind !== 'item') out.push('');
        } else {
          para(b.text);
        }
      });
      for (const n of c.notes) out.push(`> **${escapeMarkdown(n)}**`, '');
    }
  }
  out.push('## Appendix A: Where each clause comes from', '');
  for (const r of doc.sources) out.push(`- **${r.number} ${escapeMarkdown(r.title)}**: ${escapeMarkdown(r.source)}`);
  out.push('', '### Policies the draft was built from', '');
  for (const p of doc.sourcePolicies) out.push(`- ${escapeMarkdown(p)}`);
  out.push('', '## Appendix B: Decisions taken', '');
  if (doc.decisions.length === 0) out.push('No decisions yet: every clause uses the suggested wording.');
  for (const d of doc.decisions) out.push(`- ${escapeMarkdown(d.text)}`);
  out.push('', '## Appendix C: Check before adopting', '');
  if (doc.cautions.length === 0) out.push('Nothing outstanding.');
  for (const c of doc.cautions) out.push(`- ${escapeMarkdown(c)}`);
  out.push('', '## Appendix D: What changes for each school', '');
  for (const c of doc.changes) {
    out.push(`### What changes for ${escapeMarkdown(c.name)}`, '');
    const part = (title: string, lines: string[], none: string, counted = true): void => {
      out.push(`**${title}${counted ? ` (${lines.length})` : ''}**`, '');
      if (lines.length === 0) out.push(none);
      for (const l of lines) out.push(`- ${escapeMarkdown(l)}`);
      out.push('');
    };
    part('Gains: clause types it did not have', c.gains, 'None.');
    part('Loses: clause types it had that the draft leaves out', c.loses, 'None.');
    part('Its wording replaced (by source of the new wording)', c.reworded, 'None: the draft keeps its wording wherever it had one.', false);
    part('Positions that change', c.positions, 'None.');
    part('Out-of-date references it no longer has', c.updated, 'None.');
  }
  return out.join('\n');
}

