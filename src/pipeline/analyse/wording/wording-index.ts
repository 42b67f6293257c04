/**
 * How policies word each clause type: the distinct wordings within a comparison group, how many policies use
 * each, and the most common one (the "reference wording") that a policy can be read against or start from.
 *
 * Wordings are grouped by a hash key (words only, the school's own name replaced by "the school"), so building
 * the index is one pass over the policies' clauses; only the top wordings per type keep their text.
 */
import type { CoverageCell } from '../../types.ts';
import type { ClauseLike } from '../diff/align-clauses.ts';
import { collapseWhitespace, diceOfSets, genericiseSchoolName, normaliseWords, wordTokens } from '../diff/normalise.ts';
import { wordDiff, type WordDiffResult } from '../diff/word-diff.ts';
import { groupKey } from '../gaps/prevalence.ts';
import type { GroupRef } from '../gaps/types.ts';

export interface WordingItem {
  typeId: string;
  clauseId: string;
  text: string;
  /**
   * The grouping key when already worked out by `normaliseWordingItems` (then `text` is the generic text): lets
   * each policy's share of the work be done where the policy was analysed, e.g. in a worker thread.
   */
  key?: string;
  /** The clause is its type's first (strongest) evidence in the policy, not a passing mention. */
  primary?: boolean;
  /** The policy covers the type fully (present, not partly covered): its wording is a whole rule of the type. */
  complete?: boolean;
  /** The clause cites something the reference lists flag as out of date (the MySpace line, AudioBoo…). */
  stale?: boolean;
}

export interface WordingSource {
  policyId: string;
  /** The policy's own school name, replaced by "the school" before grouping. */
  schoolName: string | null;
  groups: readonly GroupRef[];
  items: readonly WordingItem[];
}

export interface Wording {
  /** Grouping key: lower-case words, school name generic. */
  key: string;
  /** The first policy's text for this key (stable input order), school name replaced by "the school". */
  text: string;
  /** Number of policies using this wording. */
  count: number;
  examplePolicyId: string;
  /**
   * Fit to be offered as the type's reference and starting wording: a rule (it says what must, should or may not
   * happen), the type's main evidence in its policy, and citing nothing out of date. Absent means fit (older data).
   */
  fit?: boolean;
}

export interface TypeWordings {
  typeId: string;
  group: GroupRef;
  /** Policies in the group with at least one clause of this type. */
  policyCount: number;
  /** Distinct wordings seen (all of them, not only those kept). */
  distinct: number;
  /** The most used wordings, most used first, at most `maxWordings`. */
  wordings: Wording[];
  /** Policy uses of wordings beyond the cap. */
  otherCount: number;
  /**
   * The wording a policy is read against and a gap starts from: among the fit wordings (a current rule of the
   * type), the most common; when none is shared, the most typical (closest to the rest). When no wording is fit,
   * the same choice among current rules, then among all wordings that cite nothing out of date; null when every
   * wording is out of date.
   */
  reference: Wording | null;
}

export interface WordingIndex {
  /** groupKey → typeId → wordings. */
  groups: Record<string, Record<string, TypeWordings>>;
}

export interface WordingOptions {
  /** Distinct wordings kept with their text per group and type. Default 20. */
  maxWordings?: number;
}

/**
 * Clause texts behind each covered type: the evidence clauses' full text when given, else the quotes. The first
 * evidence clause of each type is marked primary; clauses in `staleClauseIds` (those citing something out of
 * date) are marked stale.
 */
export function wordingItemsFromCoverage(
  coverage: readonly CoverageCell[],
  clauses?: readonly ClauseLike[],
  staleClauseIds: ReadonlySet<string> = new Set(),
): WordingItem[] {
  const byId = new Map((clauses ?? []).map((c) => [c.id, c.text] as const));
  const items: WordingItem[] = [];
  for (const cell of coverage) {
    if (cell.status === 'absent') continue;
    const seen = new Set<string>();
    for (const ev of cell.evidence) {
      if (seen.has(ev.clauseId)) continue;
      const item: WordingItem = {
        typeId: cell.typeId,
        clauseId: ev.clauseId,
        text: byId.get(ev.clauseId) ?? ev.quote,
        primary: seen.size === 0,
        complete: cell.status === 'present',
      };
      if (staleClauseIds.has(ev.clauseId)) item.stale = true;
      seen.add(ev.clauseId);
      items.push(item);
    }
  }
  return items;
}

/**
 * A rule says what staff must, should or may not do (or what will happen): "Staff must report…", "Do not share
 * passwords", "Personal use is not permitted". A description ("We use AudioBoo to share podcasts") is not.
 */
const RULE = /\b(?:must|should|shall|will\s+(?:not\s+)?(?:be|report|ensure|only|use|need)|may\s+not|may\s+only|are\s+(?:not\s+)?(?:permitted|allowed|required|expected|responsible)|is\s+(?:not\s+)?(?:permitted|allowed|required|expected|prohibited|forbidden)|not\s+(?:permitted|allowed)|prohibited|forbidden|required\s+to|expected\s+to|responsible\s+for|never|always|do\s+not|don['’]t|need\s+to|ensure)\b/i;

export function isRuleWording(text: string): boolean {
  return RULE.test(text);
}

/**
 * Fit to be a reference and a starting wording: a current rule, the type's main evidence in a policy that covers
 * the type fully (when that is known).
 */
function isFit(item: WordingItem): boolean {
  return item.stale !== true && item.primary !== false && item.complete !== false && isRuleWording(item.text);
}

export function wordingKey(text: string, schoolName: string | null): string {
  return normaliseWords(genericiseSchoolName(text, schoolName));
}

interface Bucket {
  wording: Wording;
  order: number;
  fit: boolean;
  stale: boolean;
}

interface Acc {
  group: GroupRef;
  policyCount: number;
  buckets: Map<string, Bucket>;
}

/** The wording closest on average to the others: a typical phrasing when no wording is shared. */
function medoid(candidates: readonly Wording[]): Wording | null {
  if (candidates.length <= 2) return candidates[0] ?? null;
  const sets = candidates.map((w) => new Set(wordTokens(w.key)));
  let best = 0;
  let bestScore = -1;
  sets.forEach((s, i) => {
    let score = 0;
    sets.forEach((t, j) => {
      if (i !== j) score += diceOfSets(s, t);
    });
    if (score > bestScore + 1e-12) {
      best = i;
      bestScore = score;
    }
  });
  return candidates[best] ?? null;
}

const MEDOID_POOL = 30;

/**
 * The items with their grouping key and generic text worked out (the school's own name made "the school"), as
 * `buildWordingIndex` would; it then uses them as given. A clause that is evidence for several types is
 * normalised once.
 */
export function normaliseWordingItems(items: readonly WordingItem[], schoolName: string | null): WordingItem[] {
  const normalised = new Map<string, { key: string; text: string }>();
  return items.map((item) => {
    let n = normalised.get(item.text);
    if (n === undefined) {
      const generic = genericiseSchoolName(item.text, schoolName);
      n = { key: normaliseWords(generic), text: collapseWhitespace(generic) };
      normalised.set(item.text, n);
    }
    const out: WordingItem = { typeId: item.typeId, clauseId: item.clauseId, text: n.text, key: n.key };
    if (item.primary !== undefined) out.primary = item.primary;
    if (item.stale !== undefined) out.stale = item.stale;
    if (item.complete !== undefined) out.complete = item.complete;
    return out;
  });
}

export function buildWordingIndex(sources: readonly WordingSource[], options: WordingOptions = {}): WordingIndex {
  const maxWordings = options.maxWordings ?? 20;
  const acc = new Map<string, Map<string, Acc>>();
  let order = 0;
  for (const source of sources) {
    // Each policy counts once per wording and once per type, however many clauses repeat it.
    const keysByType = new Map<string, Map<string, { text: string; fit: boolean; stale: boolean }>>();
    // A clause that is evidence for several types is normalised once.
    const normalised = new Map<string, { key: string; text: string }>();
    for (const item of source.items) {
      let n = item.key === undefined ? normalised.get(item.text) : { key: item.key, text: item.text };
      if (n === undefined) {
        const generic = genericiseSchoolName(item.text, source.schoolName);
        n = { key: normaliseWords(generic), text: collapseWhitespace(generic) };
        normalised.set(item.text, n);
      }
      const { key } = n;
      if (!key) continue;
      let keys = keysByType.get(item.typeId);
      if (!keys) {
        keys = new Map();
        keysByType.set(item.typeId, keys);
      }
      const seen = keys.get(key);
      const fit = isFit(item);
      const stale = item.stale === true;
      // One policy's repeated wording counts once; it is fit if any of its uses is, stale only if every use is.
      if (!seen) keys.set(key, { text: n.text, fit, stale });
      else keys.set(key, { text: seen.text, fit: seen.fit || fit, stale: seen.stale && stale });
    }
    const seenGroups = new Set<string>();
    for (const group of source.groups) {
      const gk = groupKey(group);
      if (seenGroups.has(gk)) continue;
      seenGroups.add(gk);
      let types = acc.get(gk);
      if (!types) {
        types = new Map();
        acc.set(gk, types);
      }
      for (const [typeId, keys] of keysByType) {
        let a = types.get(typeId);
        if (!a) {
          a = { group: { kind: group.kind, name: group.name }, policyCount: 0, buckets: new Map() };
          types.set(typeId, a);
        }
        a.policyCount++;
        for (const [key, use] of keys) {
          const bucket = a.buckets.get(key);
          if (bucket) {
            bucket.wording.count++;
            bucket.fit = bucket.fit || use.fit;
            bucket.stale = bucket.stale && use.stale;
          } else {
            a.buckets.set(key, { wording: { key, text: use.text, count: 1, examplePolicyId: source.policyId }, order: order++, fit: use.fit, stale: use.stale });
          }
        }
      }
    }
  }

  const groups: Record<string, Record<string, TypeWordings>> = {};
  for (const gk of [...acc.keys()].sort()) {
    const types = acc.get(gk) ?? new Map<string, Acc>();
    const out: Record<string, TypeWordings> = {};
    for (const typeId of [...types.keys()].sort()) {
      const a = types.get(typeId);
      if (!a) continue;
      const ranked = [...a.buckets.values()].sort((x, y) => y.wording.count - x.wording.count || x.order - y.order);
      for (const b of ranked) b.wording.fit = b.fit;
      const kept = ranked.slice(0, maxWordings).map((b) => b.wording);
      const total = ranked.reduce((n, b) => n + b.wording.count, 0);
      const keptTotal = kept.reduce((n, w) => n + w.count, 0);
      // The reference is chosen among current rules of the type; failing those, among wordings that are current.
      const fit = ranked.filter((b) => b.fit);
      const currentRules = ranked.filter((b) => !b.stale && isRuleWording(b.wording.text));
      const current = ranked.filter((b) => !b.stale);
      const pool = [fit, currentRules, current].find((p) => p.length > 0) ?? [];
      const topCount = pool[0]?.wording.count ?? 0;
      const tied = pool.filter((b) => b.wording.count === topCount).slice(0, MEDOID_POOL).map((b) => b.wording);
      out[typeId] = {
        typeId,
        group: a.group,
        policyCount: a.policyCount,
        distinct: ranked.length,
        wordings: kept,
        otherCount: total - keptTotal,
        reference: tied.length > 1 ? medoid(tied) : (tied[0] ?? null),
      };
    }
    groups[gk] = out;
  }
  return { groups };
}

/**
 * The index with only each group's reference wording, which is all `peerWordingFor` reads: what a worker thread
 * needs to build records (the full lists are about 200 MB at 10,000 policies).
 */
export function referenceWordings(index: WordingIndex): WordingIndex {
  const groups: WordingIndex['groups'] = {};
  for (const [gk, types] of Object.entries(index.groups)) {
    const out: Record<string, TypeWordings> = {};
    for (const [typeId, tw] of Object.entries(types)) out[typeId] = { ...tw, wordings: [] };
    groups[gk] = out;
  }
  return { groups };
}

export interface PeerWording {
  typeId: string;
  group: GroupRef;
  text: string;
  /** Policies in the group using exactly this wording. */
  count: number;
  /** Policies in the group with the type at all. */
  policyCount: number;
}

/**
 * The most common wording of a type among peers, as a starting point for a clause a policy lacks. Given several
 * groups (most specific first), the first group that has a fit wording (a current, complete rule of the type)
 * answers; a wording that cites something out of date, describes rather than rules, or comes from a policy that
 * only partly covers the type is never offered.
 */
export function peerWordingFor(index: WordingIndex, typeId: string, group: GroupRef | readonly GroupRef[]): PeerWording | null {
  const groups: readonly GroupRef[] = Array.isArray(group) ? group : [group as GroupRef];
  for (const g of groups) {
    const tw = index.groups[groupKey(g)]?.[typeId];
    if (tw?.reference && tw.reference.fit !== false) {
      return { typeId, group: tw.group, text: tw.reference.text, count: tw.reference.count, policyCount: tw.policyCount };
    }
  }
  return null;
}

export interface WordingComparison {
  typeId: string;
  clauseId: string;
  /** The policy's clause text. */
  text: string;
  reference: Wording;
  /** True when the policy's wording is the reference wording (words only, school name generic). */
  isReference: boolean;
  /** Word diff from the reference to the policy's text (school name generic on both sides). */
  diff: WordDiffResult;
  similarity: number;
}

/**
 * Each of a policy's wordings against its group's reference wording; for a type with several clauses, the one
 * closest to the reference is reported.
 */
export function compareWithReference(index: WordingIndex, source: WordingSource, group: GroupRef): WordingComparison[] {
  const types = index.groups[groupKey(group)];
  if (!types) return [];
  const best = new Map<string, WordingComparison>();
  for (const item of source.items) {
    const reference = types[item.typeId]?.reference;
    if (!reference) continue;
    const key = wordingKey(item.text, source.schoolName);
    const similarity = key === reference.key ? 1 : diceOfSets(new Set(wordTokens(key)), new Set(wordTokens(reference.key)));
    const current = best.get(item.typeId);
    if (current && current.similarity >= similarity) continue;
    const generic = collapseWhitespace(genericiseSchoolName(item.text, source.schoolName));
    best.set(item.typeId, {
      typeId: item.typeId,
      clauseId: item.clauseId,
      text: item.text,
      reference,
      isReference: key === reference.key,
      diff: wordDiff(reference.text, generic),
      similarity,
    });
  }
  return [...best.values()];
}
