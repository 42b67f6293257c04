import type { PartialDate } from '../../types.ts';
import { laterOf } from '../versions/partial-date.ts';

/** The later of the approved and last-reviewed dates: when this version of the policy was last signed off. */
export function summaryDate(p: { approved: PartialDate | null; lastReviewed?: PartialDate | null }): PartialDate | null {
  return laterOf(p.approved, p.lastReviewed);
}
