/** A policy's context once identity resolution has said which school it belongs to. */
import type { IdentityResolution } from '../identity/index.ts';
import type { ContentBundle } from './content.ts';
import type { PolicyContext } from './policy.ts';

/** The policy's context with the school identity resolved, and that school's schools.csv row when it has one. */
export function withResolvedSchool<T extends { context: PolicyContext }>(
  item: T,
  resolution: Pick<IdentityResolution, 'byPolicy'>,
  rows: ReadonlyMap<string, ContentBundle['schools'][number]>,
): T {
  const decision = resolution.byPolicy.get(item.context.policyId);
  if (!decision || decision.schoolId === item.context.schoolId) return item;
  const row = rows.get(decision.schoolId);
  return {
    ...item,
    context: {
      ...item.context,
      schoolId: decision.schoolId,
      knownSchoolName: row?.name ?? item.context.knownSchoolName,
      localAuthority: row?.local_authority ?? item.context.localAuthority,
      trust: row?.trust ?? item.context.trust,
    },
  };
}

const rowMaps = new WeakMap<ContentBundle['schools'], Map<string, ContentBundle['schools'][number]>>();
/** content/schools.csv by school id, built once per bundle (records are assembled one at a time). */
export function schoolRowsOf(content: ContentBundle): Map<string, ContentBundle['schools'][number]> {
  let rows = rowMaps.get(content.schools);
  if (!rows) {
    rows = new Map(content.schools.map((s) => [s.school_id, s]));
    rowMaps.set(content.schools, rows);
  }
  return rows;
}
