/** The dataset's corpus-wide parts (dataset.json, the views the site reads), once every record is written. */
import type { ClauseTypeDetail, Dataset } from '../dataset.ts';
import { gradeFormula } from '../analyse/staleness/index.ts';
import { toSchools } from './assemble.ts';
import { aggregatesView, clauseTypeViews, stanceDimensionsView, taxonomyView, type DetailDigest } from './views.ts';
import type { CorpusPlan } from './plan.ts';
import type { ContentBundle } from './content.ts';
import type { CorpusOptions } from './options.ts';

export const TOOL = 'policy-atlas 0.1.0';

/** The dataset's corpus-wide parts, from the plan and a digest of every record (in input order). */
export function finishCorpus(
  plan: CorpusPlan,
  digests: readonly DetailDigest[],
  content: ContentBundle,
  options: Pick<CorpusOptions, 'asOf' | 'maskPersonalData' | 'includeText'>,
): { dataset: Dataset; clauseTypes: ClauseTypeDetail[] } {
  const { comparisons, stances, errors, warnings } = plan;

  const schools = toSchools(digests, content.schools, comparisons);
  const dataset: Dataset = {
    schemaVersion: 1,
    meta: {
      tool: TOOL,
      asOf: options.asOf,
      taxonomyVersion: content.taxonomy.version,
      referencesVersion: referencesVersion(content.references.versions),
      maskPersonalData: options.maskPersonalData,
      includeText: options.includeText,
    },
    taxonomy: taxonomyView(content.taxonomy),
    gradeFormula: gradeFormula(),
    aggregates: aggregatesView(digests, comparisons, content.taxonomy, schools.length),
    stanceDimensions: stanceDimensionsView(stances, comparisons, content),
    policies: digests.map((d) => d.summary),
    schools,
    errors,
    warnings: warnings.filter((w) => w.message !== ''),
  };
  return { dataset, clauseTypes: clauseTypeViews(digests, comparisons, content.taxonomy) };
}

/**
 * One version for the reference lists when they agree ("1"), otherwise each list's ("laws 2, platforms 1"), from
 * the loader's `path/name.yaml@version` entries.
 */
function referencesVersion(versions: readonly string[]): string {
  const parsed = versions.map((v) => {
    const at = v.lastIndexOf('@');
    return { name: v.slice(0, at).replace(/^.*\//, '').replace(/\.ya?ml$/, ''), version: v.slice(at + 1) };
  });
  const distinct = new Set(parsed.map((p) => p.version));
  return distinct.size <= 1 ? (parsed[0]?.version ?? 'none') : parsed.map((p) => `${p.name} ${p.version}`).join(', ');
}

