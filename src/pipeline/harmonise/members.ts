/**
 * Who can be harmonised: the schools in the published dataset with at least one policy, their groups (trust,
 * local authority, phase) and each school's current documents (the latest version of each kind of policy).
 */
import type { Dataset, PolicySummary } from '../dataset.ts';

export interface MemberSchool {
  id: string;
  /** The school's name; falls back to its policies' stated name, then its id. */
  name: string;
  trust: string | null;
  localAuthority: string | null;
  phase: string | null;
  /** Current documents: the latest policy of each kind (acceptable use, social media…), in id order. */
  policyIds: string[];
}

export type GroupKind = 'all' | 'trust' | 'local-authority' | 'phase';

export interface MemberGroup {
  kind: GroupKind;
  /** The group's value, e.g. "Southampton"; empty for all schools. */
  name: string;
  /** What the lead sees, e.g. "Local authority: Southampton (3 schools)". */
  label: string;
  schoolIds: string[];
}

const KIND_LABEL: Record<Exclude<GroupKind, 'all'>, string> = {
  trust: 'Trust',
  'local-authority': 'Local authority',
  phase: 'Phase',
};

const byText = (a: string, b: string): number => a.localeCompare(b, 'en-GB');

/**
 * The date a policy's wording was last confirmed: its last review when stated, else its approval. Partial dates
 * (YYYY, YYYY-MM) compare correctly as strings against each other at the same or a coarser precision.
 */
export function policyDate(p: Pick<PolicySummary, 'approved' | 'lastReviewed'>): string | null {
  const dates = [p.approved, p.lastReviewed].filter((d): d is string => d !== null);
  return dates.sort().at(-1) ?? null;
}

/** Newest first; undated last; id breaks ties so the order never depends on input order. */
export function compareByRecency(a: { date: string | null; id: string }, b: { date: string | null; id: string }): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A school's current documents: for each kind of policy, its latest version. */
export function currentPolicies(policies: readonly PolicySummary[]): PolicySummary[] {
  const latest = new Map<string, PolicySummary>();
  for (const p of policies) {
    const seen = latest.get(p.kind);
    if (!seen || compareByRecency({ date: policyDate(p), id: p.id }, { date: policyDate(seen), id: seen.id }) < 0) latest.set(p.kind, p);
  }
  return [...latest.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Schools that have at least one published policy, sorted by name. */
export function memberSchools(dataset: Pick<Dataset, 'schools' | 'policies'>): MemberSchool[] {
  const bySchool = new Map<string, PolicySummary[]>();
  for (const p of dataset.policies) bySchool.set(p.schoolId, [...(bySchool.get(p.schoolId) ?? []), p]);
  const out: MemberSchool[] = [];
  for (const s of dataset.schools) {
    const own = bySchool.get(s.id) ?? [];
    if (own.length === 0) continue;
    const current = currentPolicies(own);
    out.push({
      id: s.id,
      name: s.name ?? current.find((p) => p.school)?.school ?? s.id,
      trust: s.trust,
      localAuthority: s.localAuthority,
      phase: s.phase,
      policyIds: current.map((p) => p.id),
    });
  }
  return out.sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id));
}

/** All schools, then each trust, local authority and phase with at least one school, each list sorted by name. */
export function memberGroups(schools: readonly MemberSchool[]): MemberGroup[] {
  const count = (n: number): string => `${n} ${n === 1 ? 'school' : 'schools'}`;
  const groups: MemberGroup[] = [];
  if (schools.length > 0) {
    groups.push({ kind: 'all', name: '', label: `All schools (${count(schools.length)})`, schoolIds: schools.map((s) => s.id) });
  }
  const fields: [Exclude<GroupKind, 'all'>, (s: MemberSchool) => string | null][] = [
    ['trust', (s) => s.trust],
    ['local-authority', (s) => s.localAuthority],
    ['phase', (s) => s.phase],
  ];
  for (const [kind, get] of fields) {
    const members = new Map<string, string[]>();
    for (const s of schools) {
      const v = get(s)?.trim();
      if (v) members.set(v, [...(members.get(v) ?? []), s.id]);
    }
    for (const [name, ids] of [...members].sort(([a], [b]) => byText(a, b))) {
      groups.push({ kind, name, label: `${KIND_LABEL[kind]}: ${name} (${count(ids.length)})`, schoolIds: ids });
    }
  }
  return groups;
}

/** How the school checkboxes are grouped: by trust when the data names any trust, else by local authority. */
export function pickerSections(schools: readonly MemberSchool[]): { heading: string; schools: MemberSchool[] }[] {
  const useTrust = schools.some((s) => s.trust);
  const key = (s: MemberSchool): string | null => (useTrust ? s.trust : s.localAuthority);
  const sections = new Map<string, MemberSchool[]>();
  for (const s of schools) {
    const k = key(s)?.trim() || '';
    sections.set(k, [...(sections.get(k) ?? []), s]);
  }
  const none = useTrust ? 'Not in a trust' : 'Local authority not recorded';
  return [...sections]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : byText(a, b)))
    .map(([k, list]) => ({ heading: k === '' ? none : `${useTrust ? 'Trust' : 'Local authority'}: ${k}`, schools: list }));
}
