/**
 * Which way round a document writes numeric dates. UK, Irish, Australian and New Zealand schools write day first;
 * US districts write month first (`5.19.15`). The school's nation decides when we know it; otherwise the document
 * does, from dates that only read one way round and from words only one side uses (a "school district" and a
 * "superintendent" against "governors" and a "headteacher"; "behavior" against "behaviour").
 */
import { scanDates, type DateOrder } from './scan.ts';

export interface OrderDecision {
  order: DateOrder;
  /** `nation`: from content/schools.csv; `document`: from the text; `default`: nothing decided it (day first). */
  basis: 'nation' | 'document' | 'default';
  /** Plain-English reason, for warnings and the methodology page. */
  reason: string;
}

const MONTH_FIRST_NATIONS = /^(?:united\s+states(?:\s+of\s+america)?|u\.?s\.?a?\.?|america)$/i;

/** Words and names that only a US (month-first) document uses. Each pattern counts once. */
const MONTH_FIRST_SIGNS: readonly RegExp[] = [
  /\bschool\s+district\b|\bdistrict'?s\s+(?:network|technology|policy|policies|resources|systems?)\b/i,
  /\bsuperintendent\b/i,
  /\bboard\s+of\s+education\b|\bschool\s+committee\b|\bschool\s+board\b/i,
  /\b(?:CIPA|COPPA|FERPA)\b|\bChildren'?s\s+Internet\s+Protection\s+Act\b/,
  /\b(?:state\s+and\s+federal|federal\s+and\s+state|federal,\s+state)\b/i,
  /\b(?:behavior|color|honor|favor|neighbor)s?\b/i,
  /\b(?:organization|authorized|utilize|utilizing|recognize|center)\b/i,
  /\b(?:Massachusetts|Connecticut|Pennsylvania|California|Texas|Ohio|Illinois|Michigan|Minnesota|Wisconsin|Oregon|Arizona|Colorado|New\s+Hampshire|Vermont|Rhode\s+Island|Maryland|Kentucky|Tennessee|Oklahoma|Iowa|Nebraska|Kansas|Missouri|Louisiana|Alabama|Mississippi|Arkansas|Nevada|Utah|Idaho|Montana|Wyoming|Dakota|Alaska|Hawaii|Florida|Carolina)\b/,
  /\b(?:high\s+school\s+students|middle\s+school|elementary\s+school|K-12)\b/i,
];

/** Words only a day-first (UK, Irish, Commonwealth) document uses. */
const DAY_FIRST_SIGNS: readonly RegExp[] = [
  /\bgoverning\s+body\b|\bgovernors\b|\btrustees\b/i,
  /\bhead\s?teacher\b|\bsenco\b|\bdesignated\s+safeguarding\s+lead\b/i,
  /\bOfsted\b|\bDfE\b|\bKCSIE\b|\bKeeping\s+Children\s+Safe\s+in\s+Education\b|\bEstyn\b|\bEducation\s+Scotland\b/i,
  /\blocal\s+authority\b|\bcouncil\b|\bacademy\s+trust\b/i,
  /\bData\s+Protection\s+Act\b|\bUK\s+GDPR\b|\bComputer\s+Misuse\s+Act\b/i,
  /\b(?:behaviour|colour|honour|favour|neighbour)s?\b/i,
  /\b(?:organisation|authorised|utilise|recognise|centre|programme|licence)s?\b/i,
  /\b(?:pupils|year\s+[1-9]\b|key\s+stage|primary\s+school|secondary\s+school)\b/i,
];

function signs(text: string, patterns: readonly RegExp[]): number {
  return patterns.filter((re) => re.test(text)).length;
}

/** Numeric dates that only read as a real day one way round: `25/11/24` is day first, `5.19.15` month first. */
function oneWayDates(text: string): { dayFirst: number; monthFirst: number } {
  const asDay = scanDates(text, { order: 'day-first' });
  const asMonth = scanDates(text, { order: 'month-first' });
  const real = (ds: ReadonlyArray<{ form: string; start: number }>) => new Set(ds.filter((d) => d.form === 'numeric').map((d) => d.start));
  const dayReal = real(asDay.dates);
  const monthReal = real(asMonth.dates);
  return {
    dayFirst: asMonth.impossible.filter((b) => dayReal.has(b.start)).length,
    monthFirst: asDay.impossible.filter((b) => monthReal.has(b.start)).length,
  };
}

/**
 * How to read the numeric dates of `text`. `nation` is the school's nation from content/schools.csv, when known.
 */
export function dateOrderFor(text: string, nation?: string | null): OrderDecision {
  const n = nation?.trim();
  if (n) {
    return MONTH_FIRST_NATIONS.test(n)
      ? { order: 'month-first', basis: 'nation', reason: `the school is in ${n}, which writes dates month first` }
      : { order: 'day-first', basis: 'nation', reason: `the school is in ${n}, which writes dates day first` };
  }
  const oneWay = oneWayDates(text);
  if (oneWay.monthFirst > 0 && oneWay.dayFirst === 0) {
    return { order: 'month-first', basis: 'document', reason: 'its numeric dates only make sense month first' };
  }
  if (oneWay.dayFirst > 0 && oneWay.monthFirst === 0) {
    return { order: 'day-first', basis: 'document', reason: 'its numeric dates only make sense day first' };
  }
  const us = signs(text, MONTH_FIRST_SIGNS);
  const uk = signs(text, DAY_FIRST_SIGNS);
  if (us >= 2 && us > uk) return { order: 'month-first', basis: 'document', reason: 'it reads as a US document (district, board or state names, US spellings)' };
  if (uk >= 1 && uk > us) return { order: 'day-first', basis: 'document', reason: 'it reads as a UK document (governors, headteacher, UK spellings)' };
  return { order: 'day-first', basis: 'default', reason: 'nothing in it shows which way round it writes dates' };
}
