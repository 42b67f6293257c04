/**
 * Coverage of one school across all its current documents together: a topic missing from the AUP may sit in the
 * online-safety or social-media policy, and a governor needs to see where.
 */
import type { CoverageStatus } from '../../types.ts';
import { latestVersions } from './latest-versions.ts';
import type { DocumentKind, PolicySummary } from './types.ts';

export interface DocumentCover {
  policyId: string;
  kind: DocumentKind;
  status: Exclude<CoverageStatus, 'absent'>;
  confidence: number;
}

export interface SchoolTypeCoverage {
  typeId: string;
  /** The best status across the school's current documents. */
  status: CoverageStatus;
  /** The documents that cover the type, best first. */
  coveredBy: DocumentCover[];
}

export interface SchoolCoverage {
  schoolId: string;
  /** The current documents considered (latest version of each kind), in input order. */
  documents: { policyId: string; kind: DocumentKind }[];
  types: SchoolTypeCoverage[];
}

const RANK: Record<CoverageStatus, number> = { present: 2, partial: 1, absent: 0 };
const KIND_ORDER: Record<DocumentKind, number> = { aup: 0, 'online-safety': 1, 'social-media': 2, other: 3 };

/**
 * `policiesOfSchool` may include old versions; only the latest of each kind counts. Types are listed in the order
 * first seen in the documents' coverage (the taxonomy order when coverage follows it).
 */
export function schoolCoverage(policiesOfSchool: readonly PolicySummary[]): SchoolCoverage {
  const current = latestVersions(policiesOfSchool);
  const order: string[] = [];
  const byType = new Map<string, SchoolTypeCoverage>();
  for (const doc of current) {
    for (const cell of doc.coverage) {
      let entry = byType.get(cell.typeId);
      if (!entry) {
        entry = { typeId: cell.typeId, status: 'absent', coveredBy: [] };
        byType.set(cell.typeId, entry);
        order.push(cell.typeId);
      }
      if (cell.status === 'absent') continue;
      entry.coveredBy.push({ policyId: doc.policyId, kind: doc.kind, status: cell.status, confidence: cell.confidence });
      if (RANK[cell.status] > RANK[entry.status]) entry.status = cell.status;
    }
  }
  for (const entry of byType.values()) {
    entry.coveredBy.sort(
      (x, y) =>
        RANK[y.status] - RANK[x.status] ||
        KIND_ORDER[x.kind] - KIND_ORDER[y.kind] ||
        y.confidence - x.confidence ||
        (x.policyId < y.policyId ? -1 : x.policyId > y.policyId ? 1 : 0),
    );
  }
  return {
    schoolId: current[0]?.schoolId ?? policiesOfSchool[0]?.schoolId ?? '',
    documents: current.map((d) => ({ policyId: d.policyId, kind: d.kind })),
    types: order.map((t) => byType.get(t) as SchoolTypeCoverage),
  };
}
