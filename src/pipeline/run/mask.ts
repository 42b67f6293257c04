/** Personal data masked in every quote a record publishes, by the spans found once in the document's text. */
import type { Evidence } from '../types.ts';
import { findPersonalData, maskQuote, type PersonalDataSpan } from '../analyse/redact/index.ts';

export type Masker = (text: string, start: number) => string;

export function makeMasker(text: string, enabled: boolean): Masker {
  if (!enabled) return (quote) => quote;
  const spans: PersonalDataSpan[] = findPersonalData(text);
  if (spans.length === 0) return (quote) => quote;
  return (quote, start) => maskQuote(quote, start, spans);
}

export function maskEvidence<E extends Evidence>(e: E, mask: Masker): E {
  return { ...e, quote: mask(e.quote, e.start) };
}
