/**
 * A reviewer's decisions, kept in this browser (localStorage) and nowhere else, and their export as an overrides
 * file in content/overrides.yaml's format (src/pipeline/run/overrides.ts reads it), and back. The export starts
 * from the decisions the build already holds (/review/decisions.json), so the file can replace
 * content/overrides.yaml whole; a decision made here replaces the build's on the same clause and type.
 */
import type { LabelEntry, MetadataEntry, OverridesFile } from '../site/review-decisions.ts';

/** One decision made here. `from: 'gap'` marks one made on a gap (its control shows it), never exported. */
export interface Decision extends LabelEntry {
  from?: 'gap';
}

/** A gap confirmed as missing where no sentence came close: nothing to write in overrides.yaml, kept as a comment. */
export interface GapNote {
  policy: string;
  type: string;
}

export interface Store {
  labels: Decision[];
  notes: GapNote[];
  /** Metadata corrections from an imported file, carried into the next export. */
  metadata: MetadataEntry[];
}

const KEY = 'policy-atlas:review-decisions:v1';

export function loadStore(): Store {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Store> | null;
    return { labels: raw?.labels ?? [], notes: raw?.notes ?? [], metadata: raw?.metadata ?? [] };
  } catch {
    return { labels: [], notes: [], metadata: [] };
  }
}

export function saveStore(store: Store): void {
  localStorage.setItem(KEY, JSON.stringify(store));
}

const labelKey = (d: Pick<LabelEntry, 'policy' | 'clause' | 'type'>): string => `${d.policy}\u0000${d.clause}\u0000${d.type}`;

/** Records a decision, replacing any earlier one on the same clause and type (or, for a gap, the same type). */
export function putDecision(store: Store, d: Decision): void {
  const sameGap = (x: Decision): boolean => d.from === 'gap' && x.policy === d.policy && x.type === d.type && (x.from === 'gap' || x.action === 'add');
  store.labels = store.labels.filter((x) => labelKey(x) !== labelKey(d) && !sameGap(x));
  store.notes = store.notes.filter((n) => !(d.from === 'gap' && n.policy === d.policy && n.type === d.type));
  store.labels.push(d);
  saveStore(store);
}

export function putNote(store: Store, n: GapNote): void {
  store.labels = store.labels.filter((x) => !(x.from === 'gap' && x.policy === n.policy && x.type === n.type));
  store.notes = [...store.notes.filter((x) => !(x.policy === n.policy && x.type === n.type)), n];
  saveStore(store);
}

/**
 * Whether a decision answers a gap of `type`: one made on the gap, an `add` of the type anywhere in the policy (an
 * imported file does not say where it was made), or a `reject` of the gap's closest sentence.
 */
export function answersGap(d: Decision, policy: string, type: string, candidateClause: string | undefined): boolean {
  if (d.policy !== policy || d.type !== type) return false;
  return d.from === 'gap' || d.action === 'add' || (d.action === 'reject' && d.clause === candidateClause);
}

/** Forgets the decision made here on a label (policy, clause, type). */
export function forget(store: Store, policy: string, type: string, clause: string): void {
  store.labels = store.labels.filter((x) => !(x.policy === policy && x.type === type && x.clause === clause && x.from !== 'gap'));
  saveStore(store);
}

/** Forgets every decision made here that answers a gap. */
export function forgetGap(store: Store, policy: string, type: string, candidateClause: string | undefined): void {
  store.labels = store.labels.filter((x) => !answersGap(x, policy, type, candidateClause));
  store.notes = store.notes.filter((n) => !(n.policy === policy && n.type === type));
  saveStore(store);
}

/** The build's decisions with this browser's on top (one per policy, clause and type; per policy and field). */
export function merged(base: OverridesFile, store: Store): OverridesFile {
  const mine = new Set(store.labels.map(labelKey));
  const labels: LabelEntry[] = [
    ...base.labels.filter((l) => !mine.has(labelKey(l))),
    ...store.labels.map(({ from: _from, ...l }) => l),
  ];
  const metaKey = (m: MetadataEntry): string => `${m.policy}\u0000${m.field}`;
  const importedMeta = new Set(store.metadata.map(metaKey));
  const metadata = [...base.metadata.filter((m) => !importedMeta.has(metaKey(m))), ...store.metadata];
  return { metadata, labels };
}

/** A YAML scalar: JSON's double-quoted strings are valid YAML, so any wording round-trips. */
const scalar = (v: string | number | string[]): string => (typeof v === 'number' ? String(v) : JSON.stringify(v));

/** The overrides file as YAML, in the order and with the fields of content/overrides.yaml. */
export function toYaml(file: OverridesFile, notes: readonly GapNote[], made: string): string {
  const out: string[] = [
    `# Reviewer decisions, exported from Policy Atlas on ${made}.`,
    '# Save as content/overrides.yaml and run `npm run build`; see content/README.md for the fields.',
    '# It holds the decisions already in the site\'s data and the ones made in this browser.',
    '',
  ];
  out.push(file.metadata.length === 0 ? 'metadata: []' : 'metadata:');
  for (const m of file.metadata) {
    out.push(`  - policy: ${scalar(m.policy)}`, `    field: ${scalar(m.field)}`, `    value: ${scalar(m.value)}`);
    if (m.note) out.push(`    note: ${scalar(m.note)}`);
  }
  out.push('', file.labels.length === 0 ? 'labels: []' : 'labels:');
  for (const l of file.labels) {
    out.push(`  - policy: ${scalar(l.policy)}`, `    clause: ${scalar(l.clause)}`, `    quote: ${scalar(l.quote)}`, `    type: ${scalar(l.type)}`, `    action: ${l.action}`);
    if (l.note) out.push(`    note: ${scalar(l.note)}`);
  }
  if (notes.length > 0) {
    out.push('', '# Gaps confirmed as missing where no sentence came close (nothing to record above):');
    for (const n of notes) out.push(`#   ${n.policy.replace(/[\r\n]/g, ' ')}: ${n.type.replace(/[\r\n]/g, ' ')}`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * Reads an overrides file back (one exported here, or content/overrides.yaml itself) with the build's own
 * checks; each valid entry becomes a decision in this browser. The YAML reader and the schema load only now.
 */
export async function importYaml(store: Store, text: string): Promise<{ labels: number; metadata: number; problems: string[] }> {
  const [{ parse }, { parseOverrides }] = await Promise.all([import('yaml'), import('../pipeline/run/overrides.ts')]);
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    return { labels: 0, metadata: 0, problems: [`not valid YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`] };
  }
  const { value, problems } = parseOverrides(raw);
  for (const l of value.labels) {
    const d: Decision = { policy: l.policy, clause: l.clause, quote: l.quote, type: l.type, action: l.action };
    if (l.note) d.note = l.note;
    store.labels = store.labels.filter((x) => labelKey(x) !== labelKey(d));
    store.labels.push(d);
  }
  for (const m of value.metadata) {
    const e: MetadataEntry = { policy: m.policy, field: m.field, value: m.value };
    if (m.note) e.note = m.note;
    store.metadata = [...store.metadata.filter((x) => !(x.policy === e.policy && x.field === e.field)), e];
  }
  saveStore(store);
  return { labels: value.labels.length, metadata: value.metadata.length, problems };
}

/** Fetches the build's decisions and saves the merged file to the reader's computer (a Blob: nothing is sent). */
export async function downloadOverrides(decisionsUrl: string, store: Store): Promise<number> {
  const res = await fetch(decisionsUrl);
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  const file = merged((await res.json()) as OverridesFile, store);
  const made = new Date().toISOString().slice(0, 10);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([toYaml(file, store.notes, made)], { type: 'text/yaml;charset=utf-8' }));
  a.download = 'overrides.yaml';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
  return file.labels.length + file.metadata.length;
}
