/**
 * What the corpus comparisons need of one analysed policy, and nothing more. A worker thread sends these back
 * instead of the whole analysis (text, clauses, labels and their cues), so that comparing 10,000 policies holds
 * tens of megabytes rather than gigabytes; the full analysis is fetched again, one policy at a time, when that
 * policy's record is assembled.
 */
import type { CoverageCell, PartialDate } from '../types.ts';
import type { StanceValue } from '../analyse/stances/conflicts.ts';
import { normaliseWordingItems, wordingItemsFromCoverage, type WordingItem } from '../analyse/wording/index.ts';
import { normaliseWords } from '../analyse/diff/normalise.ts';
import { lineageFingerprint, type LineageFingerprint } from '../analyse/lineage/nearest-source.ts';
import { versionDatesFrom, type VersionDates } from '../analyse/versions/compare-versions.ts';
import { identitySignals, type IdentitySignals } from '../identity/index.ts';
import type { PolicyAnalysis, PolicyContext } from './policy.ts';

export interface PolicyFacts {
  context: PolicyContext;
  /** Document kind (aup, online-safety, social-media, other): versions are series of one kind. */
  kind: string;
  /** The metadata values the comparisons use (no evidence quotes). */
  school: string | null;
  title: string | null;
  approved: PartialDate | null;
  lastReviewed: PartialDate | null;
  versionDates: VersionDates;
  /** Coverage per clause type without its evidence (prevalence and school coverage read status and confidence). */
  coverage: CoverageCell[];
  /** Each stance's dimension and value (the evidence stays in the record's document part). */
  stances: StanceValue[];
  /** Each covered type's evidence clauses, normalised, for the corpus's common wordings (see `wordingItemsOf`). */
  wording: CompactWording;
  /** For the nearest-source search (shingles with the school's name made generic, and their MinHash). */
  lineage: LineageFingerprint;
  /** What the document says about whose it is (name, school domains, folder, file-name words), for identity. */
  identity: IdentitySignals;
}

/**
 * Wording items with each clause's normalised text held once, and its grouping key only when it is not simply
 * `normaliseWords(text)` (it almost always is): a clause is often the evidence of several types, and a copy per
 * type, twice (text and key), was most of the facts' size once they crossed a thread or the cache.
 */
export interface CompactWording {
  texts: string[];
  /** Null where the key is `normaliseWords` of the text (worked out again when the corpus is compared). */
  keys: (string | null)[];
  /** Each item with `at`, the index of its clause's text and key. */
  items: (Omit<WordingItem, 'text' | 'key'> & { at: number })[];
}

function compactWording(items: readonly WordingItem[]): CompactWording {
  const out: CompactWording = { texts: [], keys: [], items: [] };
  const index = new Map<string, number>();
  for (const { text, key, ...rest } of items) {
    const id = `${key ?? ''}\u0000${text}`;
    let at = index.get(id);
    if (at === undefined) {
      at = out.texts.length;
      index.set(id, at);
      out.texts.push(text);
      out.keys.push(key !== undefined && key === normaliseWords(text) ? null : (key ?? ''));
    }
    out.items.push({ ...rest, at });
  }
  return out;
}

/** The wording items again, sharing one string per clause. */
export function wordingItemsOf(wording: CompactWording): WordingItem[] {
  const keys = wording.keys.map((key, at) => key ?? normaliseWords(wording.texts[at] ?? ''));
  return wording.items.map(({ at, ...rest }) => ({ ...rest, text: wording.texts[at] ?? '', key: keys[at] ?? '' }));
}

/** Clauses citing something out of date (not ones the policy itself says were replaced): never a starting wording. */
function staleClauses(a: Pick<PolicyAnalysis, 'outdated'>): Set<string> {
  return new Set(a.outdated.flatMap((h) => (h.historical || h.clauseId === null ? [] : [h.clauseId])));
}

export function policyFacts(a: PolicyAnalysis): PolicyFacts {
  const m = a.metadata;
  const school = m.school?.value ?? null;
  return {
    context: a.context,
    kind: a.kind,
    school,
    title: m.title?.value ?? null,
    approved: m.approved?.value ?? null,
    lastReviewed: m.lastReviewed?.value ?? null,
    versionDates: versionDatesFrom(m),
    coverage: a.coverage.map((c) => ({ typeId: c.typeId, status: c.status, confidence: c.confidence, evidence: [], verified: c.verified })),
    stances: a.stances.map((st) => ({ dimensionId: st.dimensionId, dimensionTitle: st.dimensionTitle, valueId: st.valueId, valueLabel: st.valueLabel })),
    wording: compactWording(normaliseWordingItems(wordingItemsFromCoverage(a.coverage, a.document.clauses, staleClauses(a)), school)),
    lineage: lineageFingerprint(a.document.text, school),
    identity: identitySignals(a.document.text, m.school, m.schoolIsPlaceholder, a.context.sourceFile),
  };
}
