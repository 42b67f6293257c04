/**
 * The metadata fields a reviewer can correct, named as in content/overrides.yaml. Kept apart from the override
 * schema so browser code can list them without bundling zod.
 */
export const METADATA_FIELDS = [
  'school',
  'title',
  'approved',
  'last_reviewed',
  'next_review',
  'review_cycle_months',
  'approving_body',
  'audiences',
] as const;

export type MetadataField = (typeof METADATA_FIELDS)[number];
