import { parseArgs } from 'node:util';

export interface CliOptions {
  input: string;
  out: string;
  content: string;
  schools: string | null;
  asOf: string;
  strict: boolean;
  maskPersonalData: boolean;
  includeText: boolean;
  dueSoonMonths: number;
  quiet: boolean;
  /** Worker threads; 0 analyses in the main thread. */
  workers: number;
  /** Folder of cached per-document results, or null for none. */
  cacheDir: string | null;
}

export class UsageError extends Error {}

export const USAGE = `Usage: npm run analyse -- [--input DIR] [--out DIR] [options]

  --input DIR        folder of policies (.docx .pdf .txt .md .html), read recursively   [content/policies]
  --out DIR          where the dataset is written; swapped in whole when the run ends   [out]
  --content DIR      taxonomy, reference lists, overrides and templates                 [content]
  --schools FILE     school list (school_id,name,urn,local_authority,trust,phase,nation) [CONTENT/schools.csv]
  --as-of YYYY-MM-DD judge review dates and staleness on this date                      [today]
  --due-soon N       months ahead that count as "review due soon"                       [3]
  --no-mask          publish staff names, personal emails and phone numbers unmasked
  --no-text          publish the analysis without the full policy text
  --strict           exit with status 1 when any file could not be read
  --workers N        worker threads (0 = none)                                          [cores, at most 4]
  --cache DIR        keep per-document results here so unchanged files are not re-read  [.cache/analyse]
  --no-cache         analyse every file afresh
  --quiet            no progress lines
`;

/** `today` is passed in so this stays testable; only the CLI entry point reads the clock. */
export function parseCliArgs(argv: string[], today: string, cores = 2): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        input: { type: 'string' },
        out: { type: 'string' },
        content: { type: 'string' },
        schools: { type: 'string' },
        'as-of': { type: 'string' },
        'due-soon': { type: 'string' },
        'no-mask': { type: 'boolean' },
        'no-text': { type: 'boolean' },
        strict: { type: 'boolean' },
        quiet: { type: 'boolean' },
        workers: { type: 'string' },
        cache: { type: 'string' },
        'no-cache': { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) throw new UsageError('');
  const asOf = values['as-of'] ?? today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`))) {
    throw new UsageError(`--as-of must be a date written YYYY-MM-DD, not "${asOf}"`);
  }
  const dueSoon = Number(values['due-soon'] ?? '3');
  if (!Number.isInteger(dueSoon) || dueSoon < 0 || dueSoon > 36) {
    throw new UsageError(`--due-soon must be a whole number of months from 0 to 36`);
  }
  const workers = Number(values.workers ?? String(Math.min(4, Math.max(1, cores))));
  if (!Number.isInteger(workers) || workers < 0 || workers > 64) {
    throw new UsageError(`--workers must be a whole number from 0 to 64`);
  }
  const content = values.content ?? 'content';
  return {
    input: values.input ?? `${content}/policies`,
    out: values.out ?? 'out',
    content,
    schools: values.schools ?? null,
    asOf,
    strict: values.strict ?? false,
    maskPersonalData: !(values['no-mask'] ?? false),
    includeText: !(values['no-text'] ?? false),
    dueSoonMonths: dueSoon,
    quiet: values.quiet ?? false,
    workers,
    cacheDir: values['no-cache'] ? null : (values.cache ?? '.cache/analyse'),
  };
}
