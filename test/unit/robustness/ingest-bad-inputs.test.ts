/**
 * Every committed bad input through the format readers directly: unreadable ones fail with the right
 * `IngestError` code and a plain reason; readable ones come out as clean text. The CLI tests check the same
 * files end to end; these pin down which layer is at fault when one fails.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../src/pipeline/ingest/index.ts';
import { IngestError } from '../../../src/pipeline/types.ts';
import { BAD_INPUTS, HOSTILE_PAYLOADS } from '../../../scripts/make-bad-inputs.ts';
import { BAD, HOSTILE, REASON } from './harness.ts';


async function read(dir: string, file: string) {
  const bytes = new Uint8Array(await readFile(join(dir, file)));
  return ingest(bytes, file.split('/').pop() ?? file);
}

async function failure(file: string): Promise<IngestError> {
  try {
    await read(BAD, file);
  } catch (e) {
    if (e instanceof IngestError) return e;
    throw new Error(`${file}: expected an IngestError, got ${String(e)}`);
  }
  throw new Error(`${file}: expected an IngestError, but it was read`);
}

const collapse = (s: string) => s.replace(/\s+/g, ' ');

describe('unreadable inputs fail with a code and a plain reason', () => {
  it.each(BAD_INPUTS.filter((b) => !b.readable).map((b) => [b.file, b.code ?? '', b.what] as const))(
    '%s → %s (%s)',
    async (file, code) => {
      const error = await failure(file);
      expect(error.code).toBe(code);
      expect(error.message).toMatch(REASON[code] ?? /./);
      // Plain: one short sentence-ish line, not an exception dump.
      expect(error.message).not.toMatch(/\n|\bat \w+ \(|\[object |undefined|TypeError|RangeError/);
      expect(error.message.length).toBeLessThan(300);
    },
  );
});

describe('readable inputs come out as clean text', () => {
  it.each(BAD_INPUTS.filter((b) => b.readable).map((b) => [b.file, b.what] as const))('%s (%s)', async (file) => {
    const result = await read(BAD, file);
    expect(result.text.length).toBeGreaterThan(500);
    expect(result.text).not.toMatch(/[\uFFFD\u0000\uFEFF]/);
    expect(result.blocks.length).toBeGreaterThan(5);
  });

  it('decodes Windows-1252 pounds, curly quotes and dashes, and says so', async () => {
    const result = await read(BAD, 'windows-1252.txt');
    expect(result.text).toContain('up to £150 towards its repair');
    expect(result.text).toContain('the School’s insurance excess is £250');
    expect(result.text).toContain('The “acceptable use” rules');
    expect(result.text).toContain('on loan – including tablets');
    expect(result.warnings.join(' ')).toMatch(/1252/);
  });

  it('decodes UTF-16 LE with its byte-order mark', async () => {
    const result = await read(BAD, 'utf-16le-bom.txt');
    expect(result.text.startsWith('Oakwood Primary School\nICT Use Policy')).toBe(true);
    expect(result.text).toContain('You should not use any school provided ICT equipment for personal purposes.');
  });

  it('keeps HTML text but drops script, style, handlers and javascript: targets', async () => {
    const result = await read(BAD, 'hostile-markup.html');
    expect(result.text).toContain('All equipment that constitutes the School');
    expect(result.text).toContain('Approved by: Governors Date: 25/11/24');
    // The escaped attribute-breaking string is text the school wrote; it must come through literally.
    expect(result.text).toContain('such as "><script>alert(1)</script> to the headteacher');
    expect(result.text).not.toMatch(/SCRIPT_MARKER|STYLE_MARKER|alert\('|onmouseover|onerror|javascript:|color: red/);
  });
});

describe('the hostile policy keeps its payloads as text in every format', () => {
  it.each(['txt', 'html', 'docx', 'pdf'])('hostile-policy.%s shows every payload literally', async (ext) => {
    const text = collapse((await read(HOSTILE, `hostile-policy.${ext}`)).text);
    for (const payload of HOSTILE_PAYLOADS) {
      // A plain-text reader may treat [text](url) as a Markdown link; then only "click" may remain, never debris.
      if (payload.startsWith('[click]') && ext === 'txt') {
        expect(text).toMatch(/Links of the form (\[click\]\(javascript:alert\(1\)\)|click) must never be sent/);
      } else {
        expect(text, payload).toContain(payload);
      }
    }
  });

  it('hostile-policy.md keeps every clause that carries a payload, without link debris', async () => {
    const text = collapse((await read(HOSTILE, 'hostile-policy.md')).text);
    expect(text).toMatch(/Staff must not paste code such as .* into the school website/);
    expect(text).toMatch(/Report any message containing an image tag like .*to the Headteacher without opening it/);
    expect(text).toMatch(/Links of the form (\[click\]\(javascript:alert\(1\)\)|click) must never be sent/);
    expect(text).toContain('Do not copy text such as " onmouseover="alert(1) into school forms');
    expect(text).not.toMatch(/javascript:/);
  });
});
