/**
 * The review queue across the collection's current policies, most harmful first (src/site/review-queue.ts says
 * how), as the queue page lists it and /review/queue.json serves it to the page's filters; and the collection's
 * data-quality figures. Built from the facts each policy page notes as it loads its policy (load.ts).
 */
import { currentPolicies, groupsOf, loadDataset, policyTitle, reviewFacts, schoolName } from './load.ts';
import { compareQueueItems, type QueueItem } from './review-queue.ts';
import { collectionQuality, type CollectionQuality } from './review-quality.ts';
import type { OverridesFile } from './review-decisions.ts';

/** One row of the queue: the item with what the page shows and filters by. */
export interface QueueRow extends QueueItem {
  school: string;
  title: string;
  la: string;
  trust: string;
  phase: string;
  typeTitle: string;
}

export function buildQueue(): QueueRow[] {
  const titles = new Map(loadDataset().taxonomy.types.map((t) => [t.id, t.title]));
  const rows: QueueRow[] = [];
  for (const p of currentPolicies()) {
    const g = groupsOf(p);
    const extra = { school: schoolName(p), title: policyTitle(p), la: g.localAuthority ?? '', trust: g.trust ?? '', phase: g.phase ?? '' };
    for (const item of reviewFacts(p.id).queue) rows.push({ ...item, ...extra, typeTitle: titles.get(item.typeId) ?? item.typeId });
  }
  return rows.sort(compareQueueItems);
}

/** The collection's data-quality figures (current policies). */
export function qualityOfCollection(): CollectionQuality {
  return collectionQuality(currentPolicies().map((p) => reviewFacts(p.id).quality));
}

/** Every reviewer decision this build holds, in content/overrides.yaml's shape (every version, not only current). */
export function buildDecisionsFile(): OverridesFile {
  const out: OverridesFile = { metadata: [], labels: [] };
  for (const p of loadDataset().policies) {
    const d = reviewFacts(p.id).decisions;
    out.metadata.push(...d.metadata);
    out.labels.push(...d.labels);
  }
  return out;
}
