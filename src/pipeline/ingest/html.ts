import { Parser } from 'htmlparser2';
import type { IngestResult, SourceFormat, Span } from '../types.ts';
import { BlockBuilder } from './block-builder.ts';
import { assertHasText, decodeText } from './decode.ts';
import type { IngestBlock } from './ingest-types.ts';
import { normaliseText } from './normalise.ts';

/** Elements whose content is never document text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'iframe', 'object', 'canvas', 'select', 'button']);
/** Elements that end one block and start another. */
const BLOCK_LEVEL = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
/** Elements whose words count as emphasised (bold and underline carry force in policies; italics do not). */
const EMPHASIS = new Set(['strong', 'b', 'u']);

/** Collects inline text for the block being read, collapsing HTML whitespace as it goes. */
class InlineBuffer {
  text = '';
  spans: Span[] = [];

  append(chunk: string, emphasised: boolean, pre: boolean): void {
    let s = pre ? chunk : chunk.replace(/[ \n\r\f]+/g, ' ');
    if (!pre && (this.text === '' || /[ \t\n]$/.test(this.text))) s = s.replace(/^ /, '');
    if (s === '') return;
    const start = this.text.length;
    this.text += s;
    if (emphasised) {
      const prev = this.spans[this.spans.length - 1];
      if (prev && prev.end === start) prev.end = this.text.length;
      else this.spans.push({ start, end: this.text.length });
    }
  }

  /** A hard separator (`\t` from a Word tab, `\n` from `<br>`): drops the space before it. */
  separator(ch: '\t' | '\n'): void {
    if (this.text.endsWith(' ')) this.text = this.text.slice(0, -1);
    this.text += ch;
  }

  take(): { text: string; spans: Span[] } {
    const lead = this.text.length - this.text.replace(/^[\s]+/, '').length;
    const text = this.text.trim();
    const spans = this.spans
      .map((s) => ({ start: Math.max(0, s.start - lead), end: Math.min(text.length, s.end - lead) }))
      .filter((s) => s.end > s.start);
    this.text = '';
    this.spans = [];
    return { text, spans };
  }
}

/**
 * Reads an HTML string (a web page, or what mammoth made of a Word file) into blocks with a streaming parser:
 * headings keep their level, list items their nesting depth, table cells become blocks, `<br>` a line break.
 * Attributes, comments and non-content elements are dropped; entities are decoded by the parser.
 */
export function readHtmlString(html: string, format: SourceFormat, warnings: string[] = []): IngestResult {
  const builder = new BlockBuilder();
  const buffer = new InlineBuffer();
  const stack: string[] = [];
  let skip = 0;
  let emphasis = 0;
  let pre = 0;

  const context = (): Pick<IngestBlock, 'role' | 'level'> => {
    let listDepth = 0;
    let cell = false;
    for (let i = stack.length - 1; i >= 0; i--) {
      const tag = stack[i] ?? '';
      if (/^h[1-6]$/.test(tag)) return { role: 'heading', level: Number(tag[1]) };
      if (tag === 'li') listDepth++;
      if (tag === 'td' || tag === 'th') cell = true;
    }
    if (listDepth > 0) return { role: 'list-item', level: listDepth - 1 };
    return cell ? { role: 'table-cell', level: 0 } : { role: 'paragraph', level: 0 };
  };
  const flush = (): void => {
    const { text, spans } = buffer.take();
    if (text === '') return;
    builder.add({ text, ...context(), emphasis: spans });
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (skip > 0 || SKIPPED.has(name)) {
          if (!VOID.has(name)) skip++;
          return;
        }
        if (name === 'br') return buffer.separator('\n');
        if (BLOCK_LEVEL.has(name)) flush();
        if (VOID.has(name)) return;
        stack.push(name);
        if (EMPHASIS.has(name)) emphasis++;
        if (name === 'pre') pre++;
      },
      ontext(data) {
        if (skip > 0) return;
        const clean = normaliseText(data);
        // A tab is a hard separator (Word tabs in contents lines); other whitespace collapses.
        const parts = pre > 0 ? [clean] : clean.split('\t');
        for (const [i, part] of parts.entries()) {
          if (i > 0) buffer.separator('\t');
          buffer.append(part, emphasis > 0, pre > 0);
        }
      },
      onclosetag(name, implied) {
        if (skip > 0) {
          if (!VOID.has(name)) skip--;
          return;
        }
        if (VOID.has(name)) return;
        if (BLOCK_LEVEL.has(name)) flush();
        // Pop up to the matching element; the parser closes implied elements in order.
        const at = stack.lastIndexOf(name);
        if (at < 0) return;
        for (const closed of stack.splice(at)) {
          if (EMPHASIS.has(closed)) emphasis = Math.max(0, emphasis - 1);
          if (closed === 'pre') pre = Math.max(0, pre - 1);
        }
        void implied;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return builder.result(format, warnings);
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** HTML file reader (.html, .htm). */
export function readHtml(bytes: Uint8Array): IngestResult {
  const decoded = decodeText(bytes);
  if (bytes.length === 0) assertHasText('', 0);
  const result = readHtmlString(decoded.text, 'html', decoded.warnings);
  assertHasText(result.text, bytes.length);
  return result;
}
