import type { ExcludedSpan } from '../types.ts';
import type { Unit } from './units.ts';

/** Words that make up the labels of a form: "Print name", "Signed (member of staff)", "Date of birth". */
const FIELD_WORDS = new Set(
  `signed signature signatures sign print printed name names full date dated position job title role class group form
  tutor year school setting staff volunteer member members pupil pupils student students parent parents carer carers
  guardian child employee department accepted agreed by of and the for on behalf governing body governors governor
  chair headteacher head teacher principal witness witnessed countersigned authorised authorized manager line
  details contact email address telephone tel no number location in if details reviewing person organisation
  company user users headteacher's here below`.split(/\s+/),
);
/** At least one of these must be there: a line of form words alone ("Group / Class") is only a field beside one. */
const ANCHORS = /\b(?:sign|signed|signature|name|date|dated|print)\b/i;
const SIGN = /\bsign(?:ed|ature)?\b/i;

/** The words left once fill-in rules, colons and bracketed notes are taken away; null if it reads as text. */
function fieldWords(text: string): string[] | null {
  if (text.length > 100) return null;
  const stripped = text
    .replace(/\([^()]{0,40}\)/g, ' ')
    .replace(/[_.…\-–—=]{2,}|[_…]/g, ' ')
    .replace(/[:/&|\t,]/g, ' ')
    .trim();
  if (/[.;!?]$/.test(stripped) && stripped.split(/\s+/).length > 2) return null;
  const words = stripped.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length > 10) return null;
  return words.every((w) => FIELD_WORDS.has(w.replace(/[^\p{L}']/gu, '')) || /^\d+$/.test(w)) ? words : null;
}

/** A line that is (part of) a form to fill in: "Signed ____", "Print Name", "Date:", "Name of Student / Pupil". */
export function isFieldLine(text: string): boolean {
  const words = fieldWords(text);
  return words !== null && words.length > 0 && ANCHORS.test(words.join(' '));
}

/**
 * Marks signature blocks and form fields. A run of field lines is one block; lines made only of form words or
 * bracketed notes ("(member of staff)", "Group / Class") join a run they touch.
 */
export function findSignatureBlocks(units: readonly Unit[], excluded: Map<Unit, ExcludedSpan['kind']>): void {
  // Form-word lines only matter beside a field line, so they are worked out lazily.
  const formish = new Map<number, boolean>();
  const isFormish = (k: number): boolean => {
    const u = units[k];
    if (!u || excluded.has(u) || u.text.length > 60) return false;
    let known = formish.get(k);
    if (known === undefined) formish.set(k, (known = fieldWords(u.text) !== null));
    return known;
  };
  const isField = (k: number): boolean => {
    const u = units[k];
    return u !== undefined && u.text.length <= 100 && !excluded.has(u) && ANCHORS.test(u.text) && isFieldLine(u.text);
  };
  let i = 0;
  while (i < units.length) {
    if (!isField(i)) {
      i++;
      continue;
    }
    let start = i;
    while (start > 0 && isFormish(start - 1)) start--;
    let end = i + 1;
    while (end < units.length && (isField(end) || isFormish(end))) end++;
    const run = units.slice(start, end);
    const kind: ExcludedSpan['kind'] = run.some((u) => SIGN.test(u.text)) ? 'signature-block' : 'form-field';
    for (const u of run) excluded.set(u, kind);
    i = end;
  }
}

/** "I have read and understood…", "I agree to…", "I confirm…": a person signing up to the policy. */
const ACKNOWLEDGEMENT = /\bI\b[^.!?\n]{0,80}?\b(?:have read|read and understo|understand|understood|agree|accept|confirm|acknowledge|undertake)/;
/** A line asking for a signature without being the field itself. */
const SIGN_REQUEST = /\b(?:to be signed|please sign|sign and return|signed and dated|sign below|sign one copy|signature below)\b/i;

/**
 * True when the document carries a form for staff to sign: an acknowledgement statement followed, within a few
 * lines, by a signature block or a request to sign.
 */
export function hasAcknowledgementForm(units: readonly Unit[], excluded: ReadonlyMap<Unit, ExcludedSpan['kind']>): boolean {
  let lastAck = -Infinity;
  for (const [i, u] of units.entries()) {
    const kind = excluded.get(u);
    if (kind === undefined && ACKNOWLEDGEMENT.test(u.text)) lastAck = i;
    const signs = (kind === 'signature-block' || kind === 'form-field') && SIGN.test(u.text);
    if ((signs || (kind === undefined && SIGN_REQUEST.test(u.text))) && i - lastAck <= 40) return true;
  }
  return false;
}
