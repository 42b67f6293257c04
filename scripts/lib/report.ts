import type { Dataset } from '../../src/pipeline/dataset.ts';

/** Console output of a run: progress on long runs, then a summary that names every file not read and why. */
export function createReporter(quiet: boolean) {
  let total = 0;
  let lastShown = 0;
  const startedAt = performance.now();
  return {
    start(count: number, input: string) {
      total = count;
      if (!quiet) console.log(`Reading ${count} file${count === 1 ? '' : 's'} from ${input}`);
    },
    progress(done: number, _sourceFile: string) {
      // A line every ~10% (at most every 250 files) keeps long runs visibly alive without flooding a log.
      const step = Math.max(1, Math.min(250, Math.ceil(total / 10)));
      if (quiet || total < 50 || (done - lastShown < step && done !== total)) return;
      lastShown = done;
      console.log(`  ${done}/${total} analysed`);
    },
    warn(file: string, message: string) {
      if (!quiet) console.warn(`warning: ${file}: ${message}`);
    },
    summary(dataset: Dataset, out: string) {
      const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
      const read = dataset.policies.length;
      const failed = dataset.errors.length;
      if (!quiet) {
        for (const w of dataset.warnings) console.warn(`warning: ${w.sourceFile}: ${w.message}`);
      }
      console.log(`\nRead ${read} polic${read === 1 ? 'y' : 'ies'}; ${failed} file${failed === 1 ? '' : 's'} not read. Wrote ${out}/ in ${seconds} s.`);
      if (failed > 0) {
        console.log('Not read:');
        for (const e of dataset.errors) console.log(`  ${e.sourceFile}: ${e.error}`);
      }
    },
  };
}
