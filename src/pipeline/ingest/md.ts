import { parse as parseYaml } from 'yaml';
import type { IngestResult } from '../types.ts';
import { assertHasText } from './decode.ts';
import { decodeAndNormalise, textToResult } from './txt.ts';

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/**
 * Markdown reader (.md, .markdown). YAML front matter is parsed into `frontMatter` and left out of the text:
 * it is metadata, never clause text.
 */
export function readMd(bytes: Uint8Array): IngestResult {
  const decoded = decodeAndNormalise(bytes);
  const warnings = [...decoded.warnings];
  let body = decoded.text;
  let frontMatter: Record<string, unknown> | undefined;
  const fm = FRONT_MATTER.exec(body);
  if (fm) {
    body = body.slice(fm[0].length);
    try {
      const parsed: unknown = parseYaml(fm[1] ?? '');
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        frontMatter = parsed as Record<string, unknown>;
      } else {
        warnings.push('the YAML front matter is not a mapping; ignored');
      }
    } catch (e) {
      warnings.push(`the YAML front matter could not be parsed (${(e as Error).message.split('\n')[0]}); ignored`);
    }
  }
  assertHasText(body, 1);
  return textToResult(body, 'md', { markdown: true }, warnings, frontMatter ? { frontMatter } : {});
}
