/**
 * content/overrides.yaml: a reviewer's metadata corrections and label decisions. Each entry is checked on its
 * own, so one mistyped entry is reported and the rest still apply.
 */
import { z } from 'zod';
import { metadataOverrideSchema, type MetadataOverride } from '../metadata/overrides.ts';
import { labelOverrideSchema, type LabelOverride } from '../classify/overrides.ts';

export interface Overrides {
  metadata: MetadataOverride[];
  labels: LabelOverride[];
}

const fileSchema = z
  .object({
    metadata: z.array(z.unknown()).nullish(),
    labels: z.array(z.unknown()).nullish(),
  })
  .nullish();

function describe(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

export function parseOverrides(raw: unknown): { value: Overrides; problems: string[] } {
  const problems: string[] = [];
  const file = fileSchema.safeParse(raw);
  if (!file.success) {
    return { value: { metadata: [], labels: [] }, problems: [`not understood (${describe(file.error.issues[0])}); no override applied`] };
  }
  const metadata: MetadataOverride[] = [];
  const labels: LabelOverride[] = [];
  (file.data?.metadata ?? []).forEach((entry, i) => {
    const parsed = metadataOverrideSchema.safeParse(entry);
    if (parsed.success) metadata.push(parsed.data);
    else problems.push(`metadata entry ${i + 1} ignored: ${describe(parsed.error.issues[0])}`);
  });
  (file.data?.labels ?? []).forEach((entry, i) => {
    const parsed = labelOverrideSchema.safeParse(entry);
    if (parsed.success) labels.push(parsed.data);
    else problems.push(`labels entry ${i + 1} ignored: ${describe(parsed.error.issues[0])}`);
  });
  return { value: { metadata, labels }, problems };
}
