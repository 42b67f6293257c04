/**
 * Topics that current guidance expects (types with `expected_since`) but the policy does not cover, split into
 * gaps the policy had from the day it was approved and gaps that opened as expectations moved on.
 */
import type { CoverageCell, PartialDate } from '../../types.ts';
import { compareDays, parsePartialDate, startOf } from '../../dates/index.ts';

export interface TaxonomyTypeRef {
  id: string;
  title: string;
  /** Year (or partial date) from which a policy is expected to cover the type. */
  expected_since?: number | string | null;
}

export interface MissingModernTopic {
  typeId: string;
  title: string;
  /** As a PartialDate, e.g. `2022`. */
  expectedSince: PartialDate;
  /**
   * True: already expected when the policy was approved (a gap from the start). False: it became expected later
   * (the policy has aged), or the approval date is unknown so the gap cannot be dated.
   */
  expectedAtApproval: boolean;
}

/**
 * A type counts as missing when its coverage cell is `absent`, or when the coverage has no cell for it.
 * `partial` is not missing. Approval on or after the first day of `expected_since` means it was expected then.
 */
export function missingModernTopics(
  coverage: readonly CoverageCell[],
  taxonomyTypes: readonly TaxonomyTypeRef[],
  approved: PartialDate | null,
): MissingModernTopic[] {
  const status = new Map(coverage.map((cell) => [cell.typeId, cell.status]));
  const approvedDate = approved === null ? null : parsePartialDate(approved);
  const out: MissingModernTopic[] = [];
  for (const type of taxonomyTypes) {
    if (type.expected_since === undefined || type.expected_since === null) continue;
    const expectedSince = String(type.expected_since);
    const since = parsePartialDate(expectedSince);
    if (since === null) continue;
    const cell = status.get(type.id);
    if (cell !== undefined && cell !== 'absent') continue;
    // Compare the start of the approval period with the start of the expectation: a policy approved "2018"
    // for a type expected from 2018 counts as already expected.
    const expectedAtApproval = approvedDate !== null && compareDays(startOf(approvedDate), startOf(since)) >= 0;
    out.push({ typeId: type.id, title: type.title, expectedSince, expectedAtApproval });
  }
  return out.sort((a, b) => a.expectedSince.localeCompare(b.expectedSince) || a.typeId.localeCompare(b.typeId));
}
