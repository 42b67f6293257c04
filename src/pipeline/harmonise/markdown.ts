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
  for (const s of doc.sections) {
    out.push(`## ${s.number}. ${escapeMarkdown(s.title)}`, '');
    for (const c of s.clauses) {
      out.push(`### ${c.number} ${escapeMarkdown(c.title)}`, '');
      for (const p of c.paragraphs) para(p);
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
  out.push('');
  return out.join('\n');
}
