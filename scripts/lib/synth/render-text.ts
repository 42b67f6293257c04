/** Plain text, Markdown and HTML writers for a laid-out policy. */
import type { SynthPolicy } from './compose.ts';
import { inlineRuns, layoutPolicy, metaLine, type Element } from './layout.ts';

export function renderTxt(policy: SynthPolicy): string {
  const lines: string[] = [];
  // Text exported from Word often starts with blank lines and keeps tabs from header tables.
  if (policy.date.d % 3 === 0) lines.push('', '');
  for (const el of layoutPolicy(policy)) {
    switch (el.t) {
      case 'title':
      case 'school':
      case 'h':
      case 'p':
        lines.push(el.text, '');
        break;
      case 'li':
        lines.push(`${' '.repeat(el.depth)}${policy.style.bullet} ${el.text}`);
        break;
      case 'meta':
        for (const row of el.rows) lines.push(metaLine(row, el.layout === 'table' ? '\t' : ' '), '');
        break;
    }
  }
  return `${tidy(lines).join('\n')}\n`;
}

/** Bullets run together; a blank line separates a list from what follows. */
function tidy(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    out.push(line);
    const next = lines[i + 1];
    if (next !== undefined && isBullet(line) && !isBullet(next) && next !== '') out.push('');
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

function isBullet(line: string): boolean {
  return /^\s*[-•*o–] /.test(line);
}

export function renderMd(policy: SynthPolicy): string {
  const parts: string[] = [];
  if (policy.style.frontMatter) {
    const t = policy.truth;
    const fm = [
      '---',
      `title: "${policy.title}"`,
      `school: "${policy.schoolName}"`,
      ...(t.approved ? [`approved: "${t.approved.text}"`] : []),
      ...(t.nextReview ? [`review-date: "${t.nextReview.text}"`] : []),
      ...(t.reviewCycleMonths ? [`review-cycle-months: ${t.reviewCycleMonths}`] : []),
      '---',
    ];
    parts.push(fm.join('\n'));
  }
  const els = layoutPolicy(policy);
  for (let i = 0; i < els.length; i++) {
    const el = els[i] as Element;
    switch (el.t) {
      case 'title':
        parts.push(`# ${el.text}`);
        break;
      case 'school':
        parts.push(`**${el.text}**`);
        break;
      case 'h':
        parts.push(`${'#'.repeat(el.level + 1)} ${el.text}`);
        break;
      case 'p':
        parts.push(el.text);
        break;
      case 'li': {
        const items: string[] = [];
        for (; i < els.length && els[i]?.t === 'li'; i++) {
          const li = els[i] as Extract<Element, { t: 'li' }>;
          items.push(`${'  '.repeat(li.depth)}${policy.style.bullet === '*' ? '*' : '-'} ${li.text}`);
        }
        i--;
        parts.push(items.join('\n'));
        break;
      }
      case 'meta':
        if (el.layout === 'table') {
          const width = Math.max(...el.rows.map((r) => (r.extra ? 3 : 2)));
          const cells = (r: (typeof el.rows)[number]): string[] => {
            const c = [r.label === '' ? '' : `${r.label}:`, r.value, ...(r.extra ? [r.extra] : [])];
            while (c.length < width) c.push('');
            return c;
          };
          const rows = el.rows.map((r) => `| ${cells(r).join(' | ')} |`);
          rows.splice(1, 0, `|${' --- |'.repeat(width)}`);
          parts.push(rows.join('\n'));
        } else {
          parts.push(el.rows.map((r) => (r.label === '' ? r.value : `**${r.label}:** ${r.value}${r.extra ? ` ${r.extra}` : ''}`)).join('  \n'));
        }
        break;
    }
  }
  return `${parts.join('\n\n')}\n`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function inlineHtml(text: string): string {
  return inlineRuns(text)
    .map((r) => (r.href !== undefined ? `<a href="${esc(r.href)}">${esc(r.text)}</a>` : r.bold ? `<strong>${esc(r.text)}</strong>` : esc(r.text)))
    .join('');
}

export function renderHtml(policy: SynthPolicy): string {
  const body: string[] = [];
  const els = layoutPolicy(policy);
  for (let i = 0; i < els.length; i++) {
    const el = els[i] as Element;
    switch (el.t) {
      case 'title':
        body.push(`<h1>${esc(el.text)}</h1>`);
        break;
      case 'school':
        body.push(`<p class="school">${esc(el.text)}</p>`);
        break;
      case 'h':
        body.push(`<h${el.level + 1}>${inlineHtml(el.text)}</h${el.level + 1}>`);
        break;
      case 'p':
        body.push(`<p>${inlineHtml(el.text)}</p>`);
        break;
      case 'li': {
        const items: string[] = [];
        for (; i < els.length && els[i]?.t === 'li'; i++) items.push(`  <li>${inlineHtml((els[i] as { text: string }).text)}</li>`);
        i--;
        body.push(`<ul>\n${items.join('\n')}\n</ul>`);
        break;
      }
      case 'meta':
        if (el.layout === 'table') {
          const rows = el.rows.map(
            (r) => `  <tr><th scope="row">${esc(r.label)}</th><td>${esc(r.value)}</td>${r.extra ? `<td>${esc(r.extra)}</td>` : ''}</tr>`,
          );
          body.push(`<table class="policy-info">\n${rows.join('\n')}\n</table>`);
        } else {
          body.push(...el.rows.map((r) => `<p>${esc(r.label === '' ? r.value : `${r.label}: ${r.value}${r.extra ? ` ${r.extra}` : ''}`)}</p>`));
        }
        break;
    }
  }
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${esc(policy.title)} – ${esc(policy.schoolName)}</title>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}
