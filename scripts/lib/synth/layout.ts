/**
 * A policy as a flat list of elements (title, header rows, headings, paragraphs, bullets), so each format writer
 * only decides how an element looks, never what comes next.
 */
import type { SynthPolicy } from './compose.ts';
import type { HeaderRow, HeaderLayout } from './header.ts';

export type Element =
  | { t: 'title'; text: string }
  | { t: 'school'; text: string }
  | { t: 'meta'; layout: HeaderLayout; rows: HeaderRow[] }
  | { t: 'h'; text: string; level: number }
  | { t: 'p'; text: string }
  | { t: 'li'; text: string; depth: number };

export function layoutPolicy(policy: SynthPolicy): Element[] {
  const out: Element[] = [];
  const top: Element[] = policy.style.schoolFirst
    ? [{ t: 'school', text: policy.schoolName }, { t: 'title', text: policy.title }]
    : [{ t: 'title', text: policy.title }, { t: 'school', text: policy.schoolName }];
  out.push(...top);
  const meta: Element = { t: 'meta', layout: policy.header.layout, rows: policy.header.rows };
  if (!policy.style.headerAtEnd) out.push(meta);

  let chapter = 0;
  let sub = 0;
  for (const s of policy.sections) {
    let text = s.heading;
    if (policy.style.numbering === 'numbered') {
      if (s.level === 1) {
        chapter++;
        sub = 0;
        text = `${chapter}. ${s.heading}`;
      } else if (chapter > 0) {
        sub++;
        text = `${chapter}.${sub} ${s.heading}`;
      } else {
        chapter++;
        text = `${chapter}. ${s.heading}`;
      }
    } else if (policy.style.numbering === 'upper' && s.level === 1) {
      text = s.heading.toUpperCase();
    }
    out.push({ t: 'h', text, level: s.level });
    for (const b of s.blocks) out.push(b.kind === 'bullet' ? { t: 'li', text: b.text, depth: b.depth } : { t: 'p', text: b.text });
  }
  if (policy.header.closing) {
    out.push({ t: 'h', text: policy.style.numbering === 'numbered' ? `${chapter + 1}. Review` : 'Review of this policy', level: 1 });
    out.push({ t: 'p', text: policy.header.closing });
  }
  if (policy.style.headerAtEnd) out.push(meta);
  if (policy.form) {
    out.push({ t: 'h', text: policy.form.heading, level: 1 });
    for (const b of policy.form.blocks) out.push(b.kind === 'bullet' ? { t: 'li', text: b.text, depth: b.depth } : { t: 'p', text: b.text });
  }
  return out;
}

/** Inline markup kept from the sources: `**bold**` and `[text](url)`. */
export interface Run {
  text: string;
  bold: boolean;
  href?: string;
}

export function inlineRuns(text: string): Run[] {
  const runs: Run[] = [];
  const re = /\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)]*)\)/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) runs.push({ text: text.slice(last, m.index), bold: false });
    if (m[1] !== undefined) runs.push({ text: m[1], bold: true });
    else runs.push({ text: m[2] ?? '', bold: false, href: m[3] ?? '' });
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), bold: false });
  return runs;
}

export function plain(text: string): string {
  return inlineRuns(text)
    .map((r) => r.text)
    .join('');
}

export function metaLine(row: HeaderRow, sep: string): string {
  if (row.label === '') return row.value;
  return row.extra ? `${row.label}:${sep}${row.value}${sep}${row.extra}` : `${row.label}:${sep}${row.value}`;
}
