/**
 * The checker behind "Check my policy": reads the file, runs the pipeline's `analysePolicy` (the code
 * `npm run analyse` runs), and builds the report. It normally runs in a Web Worker (worker.ts), so the page stays
 * responsive on a 100-page PDF; a browser without workers runs it in the page instead. It fetches only the site's
 * own published data (GET, same origin); the document goes nowhere but the report handed back.
 */
import { IngestError } from '../../pipeline/types.ts';
import type { ClauseTypeDetail, Dataset } from '../../pipeline/dataset.ts';
import { analysePolicy, type PolicyAnalysis } from '../../pipeline/run/policy.ts';
import { bundleFromBrowserContent, type BrowserContent, type ContentBundle } from '../../pipeline/run/content.ts';
import type { GroupPrevalence } from '../../pipeline/analyse/gaps/index.ts';
import { readLazily } from './read.ts';
import { buildReport, CHECKED_POLICY_ID, DUE_SOON_MONTHS } from './report.ts';
import { currentPeers, peerPrevalence, type PeerPolicy } from './peers.ts';
import type { CheckReport, Edits, FromWorker, KeptCheck, PeerChoice, Stage, Timings, ToWorker } from './protocol.ts';

interface Published {
  dataset: Dataset;
  bundle: ContentBundle;
  peers: PeerPolicy[];
  prevalence: Map<string, GroupPrevalence>;
  /** Names of the published schools, for spotting text copied from one of them. */
  organisations: string[];
}

class DataError extends Error {}

/**
 * A checker: give it messages, it answers through `post`, one message at a time and in order (a new file waits
 * for the previous one instead of interleaving with it).
 */
export function createChecker(post: (message: FromWorker) => void): (message: ToWorker) => void {
  let dataBase = '';
  let published: Promise<Published> | null = null;
  const clauseTypes = new Map<string, Promise<ClauseTypeDetail | null>>();
  /** The policy being looked at: kept in memory so a corrected date or another peer group needs no re-read. */
  let current: { analysis: PolicyAnalysis; fileName: string; asOf: string } | null = null;

  async function getJson<T>(path: string): Promise<T> {
    const url = new URL(path, new URL(dataBase, globalThis.location.href)).toString();
    let response: Response;
    try {
      response = await fetch(url, { credentials: 'same-origin' });
    } catch (e) {
      throw new DataError(`the published data could not be loaded (${(e as Error).message})`);
    }
    if (!response.ok) throw new DataError(`the published data could not be loaded (${path}: ${response.status})`);
    return (await response.json()) as T;
  }

  function loadPublished(): Promise<Published> {
    published ??= Promise.all([getJson<BrowserContent>('check-bundle.json'), getJson<Dataset>('dataset.json')]).then(
      ([content, dataset]) => {
        const peers = currentPeers(dataset);
        const organisations = dataset.schools.flatMap((s) => (s.name ? [s.name] : []));
        return {
          dataset,
          bundle: bundleFromBrowserContent(content),
          peers,
          prevalence: peerPrevalence(peers),
          organisations,
        };
      },
    );
    // A failed load is retried on the next request rather than remembered.
    published.catch(() => {
      published = null;
    });
    return published;
  }

  function clauseType(typeId: string): Promise<ClauseTypeDetail | null> {
    let p = clauseTypes.get(typeId);
    if (!p) {
      // A missing clause-type file only costs the wording comparison for that type.
      p = getJson<ClauseTypeDetail>(`clause-types/${encodeURIComponent(typeId)}.json`).catch(() => null);
      clauseTypes.set(typeId, p);
    }
    return p;
  }

  async function report(data: Published, peer: PeerChoice, edits: Edits): Promise<CheckReport> {
    if (!current) throw new Error('no policy has been read');
    const inputs = {
      analysis: current.analysis,
      fileName: current.fileName,
      asOf: current.asOf,
      edits,
      peer,
      dataset: data.dataset,
      taxonomy: data.bundle.taxonomy,
      peers: data.peers,
      prevalence: data.prevalence,
    };
    // First pass finds which types need published wordings (covered ones and gaps); the second uses them.
    const first = buildReport({ ...inputs, clauseTypes: new Map() });
    const wanted = [
      ...new Set([
        ...first.coverage.filter((c) => c.status !== 'absent').map((c) => c.typeId),
        ...first.gaps.map((g) => g.typeId),
      ]),
    ];
    const details = new Map<string, ClauseTypeDetail>();
    for (const [i, d] of (await Promise.all(wanted.map(clauseType))).entries()) {
      const id = wanted[i];
      if (d && id) details.set(id, d);
    }
    return buildReport({ ...inputs, clauseTypes: details });
  }

  async function handle(message: ToWorker): Promise<void> {
    if (message.type === 'init') {
      dataBase = message.dataBase;
      return;
    }
    const { job } = message;
    const timings: Timings = {};
    const clock: { stage: Stage | null; start: number } = { stage: null, start: performance.now() };
    const enter = (next: Stage): void => {
      const now = performance.now();
      if (clock.stage) timings[clock.stage] = Math.round(now - clock.start);
      clock.stage = next;
      clock.start = now;
      post({ type: 'progress', job, stage: next });
    };
    try {
      if (message.type === 'keep') {
        if (!current) return;
        const kept: KeptCheck = {
          version: 1,
          fileName: current.fileName,
          asOf: current.asOf,
          peer: { kind: 'corpus', name: '' },
          edits: {},
          analysis: current.analysis,
        };
        post({ type: 'kept', job, kept });
        return;
      }
      enter('loading');
      const data = await loadPublished();
      let peer: PeerChoice;
      let edits: Edits;
      if (message.type === 'analyse') {
        const document = await readLazily(new Uint8Array(message.bytes), message.fileName, enter);
        enter('classifying');
        const analysis = analysePolicy(
          document,
          {
            policyId: CHECKED_POLICY_ID,
            schoolId: CHECKED_POLICY_ID,
            sourceFile: message.fileName,
            knownSchoolName: null,
            // The school's own area is not known; other schools' names in the corpus still reveal copied text.
            localAuthority: null,
            trust: null,
            otherOrganisations: data.organisations,
            asOf: message.asOf,
            dueSoonMonths: DUE_SOON_MONTHS,
          },
          data.bundle,
        );
        current = { analysis, fileName: message.fileName, asOf: message.asOf };
        ({ peer, edits } = message);
      } else if (message.type === 'restore') {
        current = { analysis: message.kept.analysis, fileName: message.kept.fileName, asOf: message.kept.asOf };
        ({ peer, edits } = message.kept);
      } else {
        ({ peer, edits } = message);
      }
      enter('comparing');
      const built = await report(data, peer, edits);
      if (clock.stage) timings[clock.stage] = Math.round(performance.now() - clock.start);
      post({ type: 'report', job, report: built, timings });
    } catch (e) {
      if (e instanceof IngestError) post({ type: 'error', job, code: e.code, message: e.message });
      else if (e instanceof DataError) post({ type: 'error', job, code: 'data', message: e.message });
      else
        post({
          type: 'error',
          job,
          code: 'internal',
          message: `something went wrong while checking the file (${(e as Error)?.message ?? String(e)})`,
        });
    }
  }

  let queue: Promise<void> = Promise.resolve();
  return (message) => {
    queue = queue.then(() => handle(message));
  };
}
