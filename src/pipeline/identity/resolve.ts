/**
 * Which documents belong to one school. An officer's first run is a folder of files as schools sent them: the
 * same school writes its name differently on each (St Mary's CE Primary / Saint Marys Church of England Primary
 * School / St. Mary's), a later version may not name itself at all, and two schools may share one local authority
 * template word for word. Evidence is weighed pair by pair and pairs are joined strongest first; a pair whose
 * names or domains disagree is never joined, whatever its text, so a shared template keeps its schools apart.
 *
 * content/schools.csv always wins: a folder listed there, a file or folder named in a row's `aliases`, a domain
 * or name in `aliases` fixes a document to that row, and documents fixed to two different rows never join.
 *
 * Pure and deterministic: the same documents and rows give the same schools, ids and reasons, in the same order.
 */
import { slugify } from '../ids.ts';
import { intersectionSizeAtLeast } from '../analyse/lineage/shingles.ts';
import { registrableDomain } from './domains.ts';
import { compareNames, distinctiveWords, nameKey, type NameKey, type NameRelation } from './name-key.ts';
import type { IdentitySignals } from './signals.ts';

export interface IdentityDoc {
  policyId: string;
  sourceFile: string;
  /** The id its path gives: the first folder, or the file's own name for a file directly in the input folder. */
  pathSchoolId: string;
  signals: IdentitySignals;
  /** Sorted shingle hashes of the text (the lineage fingerprint's), for near-identical text; null when unknown. */
  shingles: Uint32Array | null;
}

/** The parts of a schools.csv row identity reads. */
export interface SchoolListing {
  school_id: string;
  name: string | null;
  /** Other names, e-mail or web domains, folder or file names of the school. */
  aliases: readonly string[];
}

export interface IdentityDecision {
  policyId: string;
  schoolId: string;
  /** The name the school is shown under. */
  schoolName: string | null;
  /** 0–1: how sure the grouping is. */
  confidence: number;
  /** Plain-English reasons, the deciding one first. */
  reasons: string[];
}

export interface ResolvedSchool {
  schoolId: string;
  name: string | null;
  /** Its documents, in input order. */
  policyIds: string[];
  /** Every name its documents and its schools.csv row give, sorted: its own names are never "another school". */
  names: string[];
  /** Its own e-mail and web domains, sorted. */
  domains: string[];
  /** Whether content/schools.csv lists it. */
  listed: boolean;
  /** The weakest join that made it (1 when its documents share a folder, a listing, or stand alone). */
  confidence: number;
  /** Why its documents are together, and which near neighbours were kept apart. */
  reasons: string[];
}

export interface IdentityResolution {
  byPolicy: Map<string, IdentityDecision>;
  /** Sorted by school id. */
  schools: ResolvedSchool[];
}

/** Confidence each kind of evidence gives on its own; independent pieces combine as 1 − Π(1 − c). */
export const EVIDENCE = {
  /** Same folder (or the same file name in another format): the officer filed them together. */
  folder: 1,
  /** schools.csv lists the folder as a school_id, or names the file or folder in `aliases`. */
  listedPath: 1,
  /** A domain in schools.csv `aliases` appears in the document. */
  listedDomain: 0.95,
  /** The document's name matches a schools.csv name or alias. */
  listedName: 0.9,
  /** Both documents give the same school e-mail or web domain (one no other school's documents use). */
  sharedDomain: 0.9,
  /** The names are the same once normalised. */
  sameName: 0.85,
  /** Same name, one leaving out the phase or denomination ("Decoy" / "Decoy Community Primary School"). */
  containedName: 0.6,
  /** Near-identical text (lineage shingles, Jaccard ≥ 0.8): never enough alone. */
  nearIdenticalText: 0.5,
  /** One file's name (or folder) carries the other document's school name. */
  fileName: 0.4,
  /** One name's words are part of the other's ("Oakwood" / "Oakwood Park Primary"). */
  partialName: 0.35,
} as const;

/** Least combined confidence to join two documents. */
export const JOIN_AT = 0.7;
const NEAR_IDENTICAL = 0.8;
/** A word or domain shared by more documents than this is too common to find candidates by. */
const MAX_POSTING = 100;

const EXTENSION = /\.(?:docx?|pdf|txt|md|markdown|html?|odt|rtf)$/i;
const DOMAIN_LIKE = /^(?:[a-z0-9-]+\.)+[a-z]{2,}$/i;

interface Doc {
  index: number;
  source: IdentityDoc;
  key: NameKey | null;
  fileWords: Set<string>;
  domains: string[];
}

interface Row {
  index: number;
  listing: SchoolListing;
  keys: NameKey[];
  domains: Set<string>;
  paths: Set<string>;
}

interface Cluster {
  members: number[];
  row: number | null;
  /** Path ids of folders (and listed ids) it holds: two different ones never join. */
  folders: Set<string>;
  keys: NameKey[];
  domains: Set<string>;
  confidence: number;
  reasons: string[];
}

const quote = (s: string) => `"${s}"`;
const percent = (x: number) => `${Math.round(x * 100)}%`;
const fileOf = (d: Doc) => d.source.sourceFile;

function prepareRows(rows: readonly SchoolListing[]): Row[] {
  return rows.map((listing, index) => {
    const keys: NameKey[] = [];
    const domains = new Set<string>();
    const paths = new Set<string>();
    const nameKeyOf = nameKey(listing.name);
    if (nameKeyOf) keys.push(nameKeyOf);
    for (const raw of listing.aliases) {
      const alias = raw.trim();
      if (!alias) continue;
      if (EXTENSION.test(alias) || alias.includes('/')) paths.add(alias.toLowerCase().replace(/^\/+|\/+$/g, ''));
      else if (DOMAIN_LIKE.test(alias) && !/\s/.test(alias)) domains.add(registrableDomain(alias.replace(/^(?:https?:\/\/)?(?:www\.)?/i, '').replace(/^.*@/, '')));
      else {
        const k = nameKey(alias);
        if (k) keys.push(k);
        // A one-word alias may also be a folder's name ("st-marys").
        paths.add(alias.toLowerCase());
      }
    }
    return { index, listing, keys, domains, paths };
  });
}

/** The rows by each path their `aliases` list and by school_id (the first row of each id), for a lookup per document. */
interface RowIndex {
  byPath: Map<string, Row[]>;
  byId: Map<string, Row>;
}

function indexRows(rows: readonly Row[]): RowIndex {
  const byPath = new Map<string, Row[]>();
  const byId = new Map<string, Row>();
  for (const r of rows) {
    for (const path of r.paths) {
      const list = byPath.get(path);
      if (!list) byPath.set(path, [r]);
      else list.push(r);
    }
    if (!byId.has(r.listing.school_id)) byId.set(r.listing.school_id, r);
  }
  return { byPath, byId };
}

/** The row that lists this document's file, or its folder, in `aliases`; otherwise whose school_id is its path id. */
function listedByPath(d: Doc, rows: RowIndex): { row: number; reason: string } | null {
  const file = d.source.sourceFile.toLowerCase();
  const name = file.slice(file.lastIndexOf('/') + 1);
  const folder = d.source.signals.folder?.toLowerCase() ?? null;
  const byFile = new Set([...(rows.byPath.get(file) ?? []), ...(rows.byPath.get(name) ?? [])]);
  const onlyFile = byFile.size === 1 ? [...byFile][0] : undefined;
  if (onlyFile) {
    return { row: onlyFile.index, reason: `content/schools.csv lists the file ${d.source.sourceFile} under ${onlyFile.listing.school_id}` };
  }
  if (folder) {
    const byFolder = (rows.byPath.get(folder) ?? []).filter((r) => r.listing.school_id !== d.source.pathSchoolId);
    if (byFolder.length === 1 && byFolder[0] && !rows.byId.has(d.source.pathSchoolId)) {
      return { row: byFolder[0].index, reason: `content/schools.csv lists the folder ${d.source.signals.folder} under ${byFolder[0].listing.school_id}` };
    }
  }
  const byId = rows.byId.get(d.source.pathSchoolId);
  return byId ? { row: byId.index, reason: `${d.source.pathSchoolId} is listed in content/schools.csv` } : null;
}

/** A row for a loose file by a domain or name in schools.csv, when exactly one row fits. */
function listedByEvidence(docs: readonly Doc[], rows: readonly Row[]): { row: number; confidence: number; reason: string } | null {
  const byDomain = new Set<number>();
  let domainHit = '';
  for (const d of docs) {
    for (const dom of d.domains) {
      for (const r of rows) {
        if (r.domains.has(dom)) {
          byDomain.add(r.index);
          domainHit = dom;
        }
      }
    }
  }
  if (byDomain.size === 1) {
    const row = [...byDomain][0] as number;
    return { row, confidence: EVIDENCE.listedDomain, reason: `it gives the address ${domainHit}, listed for ${rows[row]?.listing.school_id} in content/schools.csv` };
  }
  const byName = new Set<number>();
  let nameHit = '';
  for (const d of docs) {
    if (!d.key) continue;
    for (const r of rows) {
      if (r.keys.some((k) => d.key && compareNames(d.key, k) === 'same')) {
        byName.add(r.index);
        nameHit = d.source.signals.name ?? '';
      }
    }
  }
  if (byName.size === 1) {
    const row = [...byName][0] as number;
    return { row, confidence: EVIDENCE.listedName, reason: `its name ${quote(nameHit)} is ${rows[row]?.listing.school_id}'s in content/schools.csv` };
  }
  return null;
}

interface Pair {
  a: number;
  b: number;
  confidence: number;
  reasons: string[];
  disagree: string | null;
  textShare: number;
}

const NAME_EVIDENCE: Partial<Record<NameRelation, number>> = {
  same: EVIDENCE.sameName,
  contained: EVIDENCE.containedName,
  partial: EVIDENCE.partialName,
};

function nameReason(rel: NameRelation, a: Doc, b: Doc): string {
  const na = quote(a.source.signals.name ?? '');
  const nb = quote(b.source.signals.name ?? '');
  if (rel === 'same') return na === nb ? `both are ${na}` : `${na} and ${nb} are the same name`;
  const [short, long] = (a.key?.core.length ?? 0) + (a.key?.phase ? 1 : 0) + (a.key?.denomination ? 1 : 0) <=
    (b.key?.core.length ?? 0) + (b.key?.phase ? 1 : 0) + (b.key?.denomination ? 1 : 0) ? [na, nb] : [nb, na];
  return rel === 'contained' ? `${short} is a short form of ${long}` : `${short} is part of ${long}`;
}

function fileCarries(d: Doc, other: Doc): boolean {
  if (!other.key) return false;
  const words = distinctiveWords(other.key);
  return words.length > 0 && words.every((w) => d.fileWords.has(w));
}

/**
 * The evidence two documents are one school's, or null when it can change nothing: too weak to join them and no
 * near-identical text to note beside a disagreement. Candidate pairs run to millions in a national corpus, so the
 * numbers come first and the words of the reasons only for the pairs that go on.
 */
function weigh(a: Doc, b: Doc, ambiguous: ReadonlySet<string>): Pair | null {
  const rel = a.key && b.key ? compareNames(a.key, b.key) : null;
  const domA = a.domains.filter((d) => !ambiguous.has(d));
  const domB = new Set(b.domains.filter((d) => !ambiguous.has(d)));
  const shared = domA.filter((d) => domB.has(d));
  const addressesDiffer = shared.length === 0 && domA.length > 0 && domB.size > 0 && rel !== 'same' && rel !== 'conflict';
  const disagrees = rel === 'conflict' || addressesDiffer;

  // Each piece of evidence with its reason, worded only if the pair goes on.
  const evidence: { c: number; text: () => string }[] = [];
  const nameEvidence = rel && rel !== 'conflict' ? NAME_EVIDENCE[rel] : undefined;
  if (rel && nameEvidence) evidence.push({ c: nameEvidence, text: () => nameReason(rel, a, b) });
  if (shared.length > 0) evidence.push({ c: EVIDENCE.sharedDomain, text: () => `both give the address ${shared.join(', ')}` });
  if (fileCarries(a, b)) evidence.push({ c: EVIDENCE.fileName, text: () => `the file name ${a.source.sourceFile} carries ${quote(b.source.signals.name ?? '')}` });
  else if (fileCarries(b, a)) evidence.push({ c: EVIDENCE.fileName, text: () => `the file name ${b.source.sourceFile} carries ${quote(a.source.signals.name ?? '')}` });
  const nearIdentical = (share: number) => ({ c: EVIDENCE.nearIdenticalText, text: () => `${percent(share)} of the text is the same` });

  // Without near-identical text the pair can still join (and its text share is then reported whatever it is);
  // otherwise it matters only if the text is near-identical, which most pairs are found not to be early on.
  const joinsWithoutText = combined(evidence) >= JOIN_AT;
  if (!joinsWithoutText && !disagrees && combined([...evidence, nearIdentical(1)]) < JOIN_AT) return null;

  let textShare = 0;
  const sa = a.source.shingles;
  const sb = b.source.shingles;
  if (sa && sb && sa.length > 0 && sb.length > 0) {
    // Share ≥ NEAR_IDENTICAL needs common ≥ NEAR_IDENTICAL·(|a| + |b|) / (1 + NEAR_IDENTICAL); one less, for rounding.
    const atLeast = joinsWithoutText ? 0 : Math.floor((NEAR_IDENTICAL * (sa.length + sb.length)) / (1 + NEAR_IDENTICAL)) - 1;
    const common = intersectionSizeAtLeast(sa, sb, atLeast);
    if (common === null) return null;
    textShare = common / (sa.length + sb.length - common);
  }
  if (textShare >= NEAR_IDENTICAL) evidence.push(nearIdentical(textShare));
  const confidence = combined(evidence);
  if (confidence < JOIN_AT && !(disagrees && textShare >= NEAR_IDENTICAL)) return null;

  const disagree =
    rel === 'conflict'
      ? `the names disagree (${quote(a.source.signals.name ?? '')} and ${quote(b.source.signals.name ?? '')})`
      : addressesDiffer
        ? `their addresses differ (${domA.join(', ')} and ${[...domB].join(', ')})`
        : null;
  const reasons = [...evidence].sort((x, y) => y.c - x.c).map((e) => e.text());
  return { a: a.index, b: b.index, confidence, reasons, disagree, textShare };
}

/** Independent pieces of evidence combined, 1 − Π(1 − c), strongest first (the order the reasons are listed in). */
function combined(evidence: readonly { c: number }[]): number {
  return 1 - evidence.map((e) => e.c).sort((x, y) => y - x).reduce((p, c) => p * (1 - c), 1);
}

/** Domains used by documents whose names disagree: a council's, a trust's or a provider's, not one school's. */
function ambiguousDomains(docs: readonly Doc[]): Set<string> {
  const carriers = new Map<string, Doc[]>();
  for (const d of docs) for (const dom of d.domains) carriers.set(dom, [...(carriers.get(dom) ?? []), d]);
  const out = new Set<string>();
  for (const [dom, list] of carriers) {
    const keys = list.flatMap((d) => (d.key ? [d.key] : []));
    if (list.length > MAX_POSTING) out.add(dom);
    else if (keys.some((k, i) => keys.slice(i + 1).some((l) => compareNames(k, l) === 'conflict'))) out.add(dom);
  }
  return out;
}

/** Candidate pairs: documents sharing a distinctive name word, a file-name word or a domain. */
function candidatePairs(docs: readonly Doc[]): [number, number][] {
  const postings = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const list = postings.get(key);
    if (!list) postings.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  for (const d of docs) {
    for (const w of d.key ? distinctiveWords(d.key) : []) add(`w:${w}`, d.index);
    for (const w of d.fileWords) add(`w:${w}`, d.index);
    for (const dom of d.domains) add(`d:${dom}`, d.index);
  }
  const seen = new Set<string>();
  const pairs: [number, number][] = [];
  for (const key of [...postings.keys()].sort()) {
    const list = postings.get(key) ?? [];
    if (list.length < 2 || list.length > MAX_POSTING) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = list[x] as number;
        const b = list[y] as number;
        const id = `${a}:${b}`;
        if (seen.has(id)) continue;
        seen.add(id);
        pairs.push([a, b]);
      }
    }
  }
  return pairs;
}

function compatible(x: Cluster, y: Cluster): string | null {
  if (x.row !== null && y.row !== null && x.row !== y.row) return 'content/schools.csv lists them as different schools';
  if (x.folders.size > 0 && y.folders.size > 0 && ![...x.folders].some((f) => y.folders.has(f))) {
    return `they are filed in different folders (${[...x.folders].sort().join(', ')} and ${[...y.folders].sort().join(', ')})`;
  }
  for (const k of x.keys) for (const l of y.keys) if (compareNames(k, l) === 'conflict') return 'the names on their documents disagree';
  const sameName = x.keys.some((k) => y.keys.some((l) => compareNames(k, l) === 'same'));
  if (x.domains.size > 0 && y.domains.size > 0 && ![...x.domains].some((d) => y.domains.has(d)) && !sameName) {
    return 'their documents give different school addresses';
  }
  return null;
}

/** Score of a name for display: one stated in the text and complete ("… Primary School") beats a guess or a short form. */
function nameScore(d: Doc): number {
  const s = d.source.signals;
  if (!s.name || !d.key) return -1;
  const source = s.nameSource === 'reviewer' ? 3 : s.nameSource === 'text' || s.nameSource === 'front-matter' ? 2 : 1;
  return source * 100 + (d.key.isGroup ? 0 : 50) + (d.key.phase ? 10 : 0) + (d.key.denomination ? 5 : 0) + Math.min(d.key.core.length, 4);
}

export function resolveSchools(input: readonly IdentityDoc[], listings: readonly SchoolListing[] = []): IdentityResolution {
  const docs: Doc[] = input.map((source, index) => {
    const key = nameKey(source.signals.name);
    return { index, source, key, fileWords: new Set(source.signals.fileWords), domains: source.signals.domains };
  });
  const rows = prepareRows(listings);
  const parent = docs.map((d) => d.index);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[i] !== r) {
      const next = parent[i] as number;
      parent[i] = r;
      i = next;
    }
    return r;
  };
  const clusters = new Map<number, Cluster>();
  const docReasons: string[][] = docs.map(() => []);
  /** Confidence of a listing or a shared folder, when the document has one. */
  const pinConfidence: (number | null)[] = docs.map(() => null);
  /** The strongest join that brought the document into its school. */
  const joinConfidence: (number | null)[] = docs.map(() => null);
  const keptApart: string[][] = docs.map(() => []);

  const rowIndex = indexRows(rows);
  for (const d of docs) {
    const listed = listedByPath(d, rowIndex);
    const row = listed ? rows[listed.row] : undefined;
    clusters.set(d.index, {
      members: [d.index],
      row: listed?.row ?? null,
      folders: new Set([...(d.source.signals.folder ? [d.source.pathSchoolId] : []), ...(row ? [row.listing.school_id] : [])]),
      keys: [...(d.key ? [d.key] : []), ...(row?.keys ?? [])],
      domains: new Set([...d.domains, ...(row?.domains ?? [])]),
      confidence: 1,
      reasons: [],
    });
    if (listed) {
      docReasons[d.index]?.push(listed.reason);
      pinConfidence[d.index] = EVIDENCE.listedPath;
    }
  }

  const union = (a: number, b: number, confidence: number, reason: string | null) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    const x = clusters.get(keep) as Cluster;
    const y = clusters.get(drop) as Cluster;
    parent[drop] = keep;
    x.members.push(...y.members);
    x.members.sort((p, q) => p - q);
    x.row ??= y.row;
    for (const f of y.folders) x.folders.add(f);
    x.keys.push(...y.keys);
    for (const dom of y.domains) x.domains.add(dom);
    x.confidence = Math.min(x.confidence, y.confidence, confidence);
    x.reasons.push(...y.reasons);
    if (reason) x.reasons.push(reason);
    clusters.delete(drop);
  };

  // Documents with one path id (one folder, or one file saved in two formats) are one school, as they always were,
  // unless schools.csv sends one of them elsewhere by name.
  const byPath = new Map<string, number>();
  for (const d of docs) {
    const own = clusters.get(find(d.index));
    const first = byPath.get(d.source.pathSchoolId);
    if (first === undefined) byPath.set(d.source.pathSchoolId, d.index);
    else if (own?.row === clusters.get(find(first))?.row) {
      union(first, d.index, EVIDENCE.folder, null);
      pinConfidence[d.index] = EVIDENCE.folder;
      pinConfidence[first] = EVIDENCE.folder;
      docReasons[d.index]?.push(d.source.signals.folder ? `filed in the folder ${d.source.signals.folder}` : `the same file name as ${fileOf(docs[first] as Doc)}`);
    }
  }
  for (const d of docs) {
    if (d.source.signals.folder && docReasons[d.index]?.length === 0 && (clusters.get(find(d.index))?.members.length ?? 0) > 1) {
      docReasons[d.index]?.push(`filed in the folder ${d.source.signals.folder}`);
    }
  }

  // Loose files (no folder, no listing) may still be a listed school's, by a domain or name in schools.csv.
  for (const root of [...clusters.keys()].sort((p, q) => p - q)) {
    const c = clusters.get(root);
    if (!c || c.row !== null || c.folders.size > 0) continue;
    const hit = listedByEvidence(c.members.map((m) => docs[m] as Doc), rows);
    if (!hit) continue;
    const row = rows[hit.row] as Row;
    c.row = hit.row;
    c.keys.push(...row.keys);
    for (const dom of row.domains) c.domains.add(dom);
    c.folders.add(row.listing.school_id);
    c.confidence = Math.min(c.confidence, hit.confidence);
    for (const m of c.members) {
      docReasons[m]?.push(hit.reason);
      pinConfidence[m] = Math.min(pinConfidence[m] ?? 1, hit.confidence);
    }
  }
  // Clusters fixed to the same row are one school.
  const byRow = new Map<number, number>();
  for (const root of [...clusters.keys()].sort((p, q) => p - q)) {
    const c = clusters.get(root);
    if (!c || c.row === null) continue;
    const first = byRow.get(c.row);
    if (first === undefined) byRow.set(c.row, root);
    else union(first, root, 1, null);
  }

  const ambiguous = ambiguousDomains(docs);
  const pairs = candidatePairs(docs)
    .filter(([a, b]) => find(a) !== find(b))
    .flatMap(([a, b]) => weigh(docs[a] as Doc, docs[b] as Doc, ambiguous) ?? [])
    .sort((x, y) => y.confidence - x.confidence || x.a - y.a || x.b - y.b);

  for (const p of pairs) {
    const a = docs[p.a] as Doc;
    const b = docs[p.b] as Doc;
    if (p.disagree) {
      if (p.textShare >= NEAR_IDENTICAL || p.confidence >= JOIN_AT) {
        const note = `${percent(p.textShare)} of the text is the same, but ${p.disagree}`;
        keptApart[p.a]?.push(`kept apart from ${fileOf(b)}: ${note}`);
        keptApart[p.b]?.push(`kept apart from ${fileOf(a)}: ${note}`);
      }
      continue;
    }
    if (p.confidence < JOIN_AT) continue;
    const ra = find(p.a);
    const rb = find(p.b);
    if (ra === rb) continue;
    const why = compatible(clusters.get(ra) as Cluster, clusters.get(rb) as Cluster);
    if (why) {
      keptApart[p.a]?.push(`kept apart from ${fileOf(b)} (${p.reasons.join('; ')}): ${why}`);
      keptApart[p.b]?.push(`kept apart from ${fileOf(a)} (${p.reasons.join('; ')}): ${why}`);
      continue;
    }
    const reason = `${fileOf(a)} and ${fileOf(b)}: ${p.reasons.join('; ')} (confidence ${p.confidence.toFixed(2)})`;
    union(p.a, p.b, p.confidence, reason);
    for (const [self, other] of [[a, b], [b, a]] as const) {
      docReasons[self.index]?.push(`same school as ${fileOf(other)}: ${p.reasons.join('; ')}`);
      joinConfidence[self.index] = Math.max(joinConfidence[self.index] ?? 0, p.confidence);
    }
  }

  // Ids: a listed school keeps its school_id, a folder its folder's, a lone file its own; a school formed from
  // loose files takes its name's slug when that is free, else its first file's id.
  const roots = [...clusters.keys()].sort((p, q) => p - q);
  const taken = new Set<string>([...rows.map((r) => r.listing.school_id), ...docs.map((d) => d.source.pathSchoolId)]);
  const used = new Set<string>();
  const schools: ResolvedSchool[] = [];
  const byPolicy = new Map<string, IdentityDecision>();
  for (const root of roots) {
    const c = clusters.get(root) as Cluster;
    const members = c.members.map((m) => docs[m] as Doc);
    const row = c.row === null ? null : (rows[c.row] as Row);
    const named = [...members].sort((x, y) => nameScore(y) - nameScore(x) || y.index - x.index)[0];
    const name = row?.listing.name ?? (named && nameScore(named) >= 0 ? named.source.signals.name : null);
    const pathIds = [...new Set(members.map((m) => m.source.pathSchoolId))].sort();
    let id: string;
    if (row) id = row.listing.school_id;
    else if (pathIds.length === 1 || c.folders.size > 0) id = [...c.folders].sort()[0] ?? (pathIds[0] as string);
    else {
      const slug = name ? slugify(name.replace(/['’]/g, '')) : '';
      id = slug && !taken.has(slug) && !used.has(slug) ? slug : (members[0]?.source.pathSchoolId as string);
    }
    used.add(id);
    const names = [...new Set([...(row?.listing.name ? [row.listing.name] : []), ...members.flatMap((m) => (m.source.signals.name ? [m.source.signals.name] : []))])].sort();
    const aliasNames = row ? row.listing.aliases.filter((a) => !EXTENSION.test(a) && !DOMAIN_LIKE.test(a.trim())) : [];
    const schoolReasons = [...c.reasons];
    for (const m of members) for (const k of keptApart[m.index] ?? []) if (!schoolReasons.includes(`${fileOf(m)} ${k}`)) schoolReasons.push(`${fileOf(m)} ${k}`);
    if (row) schoolReasons.unshift(`listed in content/schools.csv as ${row.listing.school_id}`);
    schools.push({
      schoolId: id,
      name,
      policyIds: members.map((m) => m.source.policyId),
      names: [...new Set([...names, ...aliasNames])].sort(),
      domains: [...c.domains].sort(),
      listed: row !== null,
      confidence: Number(c.confidence.toFixed(3)),
      reasons: schoolReasons,
    });
    for (const m of members) {
      const reasons = [...(docReasons[m.index] ?? []), ...(keptApart[m.index] ?? [])];
      if (reasons.length === 0) {
        reasons.push(
          members.length === 1
            ? 'no other document shares its name, address, folder or file name'
            : `one school with ${members.filter((o) => o !== m).map(fileOf).join(', ')}`,
        );
      }
      const pinned = pinConfidence[m.index] ?? null;
      const joined = joinConfidence[m.index] ?? null;
      // Alone after being kept apart from a look-alike: fairly sure, because the names or addresses disagree.
      const alone = pinned === null && joined === null ? ((keptApart[m.index]?.length ?? 0) > 0 ? 0.9 : 1) : 0;
      byPolicy.set(m.source.policyId, {
        policyId: m.source.policyId,
        schoolId: id,
        schoolName: name,
        confidence: Number(Math.max(pinned ?? 0, joined ?? 0, alone).toFixed(3)),
        reasons,
      });
    }
  }
  schools.sort((x, y) => (x.schoolId < y.schoolId ? -1 : x.schoolId > y.schoolId ? 1 : 0));
  return { byPolicy, schools };
}
