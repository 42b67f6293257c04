/** Replacing personal data with placeholders while the surrounding text stays verbatim. */
import type { PersonalDataKind, PersonalDataSpan } from './personal-data.ts';

export const PLACEHOLDER: Record<PersonalDataKind, string> = {
  'staff-name': '[staff name]',
  email: '[email]',
  phone: '[phone]',
};

/**
 * The quote with every span that overlaps it replaced by its placeholder. `start` is the quote's offset in the
 * text the spans were found in, so the quote's own offsets stay valid (they still point into the source).
 */
export function maskQuote(quote: string, start: number, spans: readonly Pick<PersonalDataSpan, 'start' | 'end' | 'kind'>[]): string {
  const end = start + quote.length;
  let out = '';
  let cursor = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.end <= start || span.start >= end) continue;
    const from = Math.max(span.start, start) - start;
    const to = Math.min(span.end, end) - start;
    if (from < cursor) continue;
    out += quote.slice(cursor, from) + PLACEHOLDER[span.kind];
    cursor = to;
  }
  return out + quote.slice(cursor);
}

/** The whole text with personal data replaced by `[staff name]`, `[email]` and `[phone]`. */
export function mask(text: string, spans: readonly Pick<PersonalDataSpan, 'start' | 'end' | 'kind'>[]): string {
  return maskQuote(text, 0, spans);
}
