/**
 * The draft's checks (checks.ts) built from the published content: the reference lists and stance definitions
 * that "Check my policy" also uses (check-bundle.json), so the draft flags exactly what the site flags.
 */
import type { ReferenceList } from '../references/load.ts';
import { findOutdatedReferences } from '../analyse/staleness/outdated-references.ts';
import { detectStances, splitSentences, type StanceClause } from '../analyse/stances/detect.ts';
import { loadStanceDefs, type StanceDefs } from '../analyse/stances/load.ts';
import type { Block } from './blocks.ts';
import type { BlockStance, DraftRules } from './checks.ts';
// Loaded with the checks, not with the page: the wordings are only needed once a draft is built.
import { stanceWording } from './stance-wordings.ts';

/** Blocks as clauses of one small document, so list items are read under their lead-ins as in a policy. */
function asClauses(blocks: readonly Block[]): StanceClause[] {
  let at = 0;
  return blocks.map((b, i) => {
    const c: StanceClause = { id: String(i), text: b.text, start: at, end: at + b.text.length, kind: b.kind === 'item' ? 'list-item' : 'paragraph', depth: b.kind === 'item' ? b.depth : 0 };
    at += b.text.length + 1;
    return c;
  });
}

export function draftRules(references: ReferenceList, stances: StanceDefs): DraftRules {
  return {
    outdated(text) {
      return findOutdatedReferences(text, references)
        .filter((h) => !h.historical)
        .flatMap((h) =>
          h.occurrences.map((o) => ({ referenceId: h.entryId, label: h.entry.label, replacedBy: h.entry.replaced_by, words: text.slice(o.start, o.end), start: o.start, end: o.end })),
        );
    },
    stances(blocks) {
      const clauses = asClauses(blocks);
      const out: BlockStance[] = [];
      const seen = new Set<string>();
      for (const f of detectStances(clauses, stances)) {
        const dim = stances.dimensions.find((d) => d.id === f.dimensionId);
        const all = [{ valueId: f.valueId, valueLabel: f.valueLabel, clauseId: f.evidence.clauseId }, ...f.alsoSeen];
        for (const v of all) {
          const key = `${v.clauseId}|${f.dimensionId}|${v.valueId}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ block: Number(v.clauseId), dimensionId: f.dimensionId, value: v.valueId, label: v.valueLabel || (dim?.values.find((x) => x.id === v.valueId)?.label ?? v.valueId) });
        }
      }
      // alsoSeen names only the first clause per value: look block by block for the rest.
      if (out.length > 0) {
        for (let i = 0; i < clauses.length; i++) {
          const b = blocks[i];
          if (!b) continue;
          const context: StanceClause[] = [];
          for (let j = i - 1; j >= 0 && b.kind === 'item'; j--) {
            const p = blocks[j];
            if (!p) break;
            if (p.kind !== 'item' || p.depth < b.depth) {
              context.unshift(clauses[j] as StanceClause);
              if (p.kind !== 'item') break;
            }
          }
          for (const f of detectStances([...context, clauses[i] as StanceClause], stances)) {
            for (const v of [{ valueId: f.valueId, valueLabel: f.valueLabel, clauseId: f.evidence.clauseId }, ...f.alsoSeen]) {
              if (Number(v.clauseId) !== i) continue;
              const key = `${i}|${f.dimensionId}|${v.valueId}`;
              if (seen.has(key)) continue;
              seen.add(key);
              out.push({ block: i, dimensionId: f.dimensionId, value: v.valueId, label: v.valueLabel });
            }
          }
        }
      }
      return out.sort((a, b) => a.block - b.block || (a.dimensionId < b.dimensionId ? -1 : a.dimensionId > b.dimensionId ? 1 : 0) || (a.value < b.value ? -1 : 1));
    },
    sentences: splitSentences,
    wording: stanceWording,
  };
}

/** From check-bundle.json's `references` and `stancesSource`. */
export function draftRulesFrom(content: { references: ReferenceList; stancesSource: unknown }): DraftRules {
  return draftRules(content.references, loadStanceDefs(content.stancesSource));
}
