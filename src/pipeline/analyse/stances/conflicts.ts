/** Where policies disagree: for each stance dimension, the distinct values held and which policies hold each. */
import type { StanceDefs } from './load.ts';
import type { StanceFinding } from './detect.ts';

export interface StanceConflict {
  dimensionId: string;
  dimensionTitle: string;
  /** At least two values; in the YAML's order when `defs` is given, otherwise by value id. */
  values: { valueId: string; valueLabel: string; policyIds: string[] }[];
}

/**
 * Only dimensions on which at least two distinct values are held appear. Policies silent on a dimension are not
 * counted as a value. Dimensions follow `defs` order when given, otherwise id order.
 */
/** What a conflict needs of each stance: its dimension and value (the corpus keeps only this much of each). */
export type StanceValue = Pick<StanceFinding, 'dimensionId' | 'dimensionTitle' | 'valueId' | 'valueLabel'>;

export function stanceConflicts(policies: readonly { policyId: string; stances: readonly StanceValue[] }[], defs?: StanceDefs): StanceConflict[] {
  const byDimension = new Map<string, { title: string; values: Map<string, { label: string; policyIds: Set<string> }> }>();
  for (const policy of policies) {
    for (const finding of policy.stances) {
      const dimension = byDimension.get(finding.dimensionId) ?? { title: finding.dimensionTitle, values: new Map() };
      const value = dimension.values.get(finding.valueId) ?? { label: finding.valueLabel, policyIds: new Set<string>() };
      value.policyIds.add(policy.policyId);
      dimension.values.set(finding.valueId, value);
      byDimension.set(finding.dimensionId, dimension);
    }
  }
  const dimensionOrder = (id: string): number => defs?.dimensions.findIndex((d) => d.id === id) ?? -1;
  const valueOrder = (dimensionId: string, valueId: string): number =>
    defs?.dimensions.find((d) => d.id === dimensionId)?.values.findIndex((v) => v.id === valueId) ?? -1;
  const out: StanceConflict[] = [];
  for (const [dimensionId, dimension] of byDimension) {
    if (dimension.values.size < 2) continue;
    const values = [...dimension.values.entries()]
      .map(([valueId, v]) => ({ valueId, valueLabel: v.label, policyIds: [...v.policyIds].sort() }))
      .sort((a, b) => valueOrder(dimensionId, a.valueId) - valueOrder(dimensionId, b.valueId) || a.valueId.localeCompare(b.valueId));
    out.push({ dimensionId, dimensionTitle: dimension.title, values });
  }
  return out.sort(
    (a, b) => dimensionOrder(a.dimensionId) - dimensionOrder(b.dimensionId) || a.dimensionId.localeCompare(b.dimensionId, 'en', { numeric: true }),
  );
}
