/**
 * "Check my policy" page controller: takes a file (chosen, dropped) or pasted text, hands it to the worker, shows
 * progress, draws the report, and offers print, Markdown and JSON downloads and keeping it on this device.
 * The page itself fetches only dataset.json (for the peer-group chooser); all reading and analysis happens in the
 * worker, which is started on first use so the page stays light until a governor actually checks something.
 */
import type { Dataset } from '../../pipeline/dataset.ts';
import { href } from '../../site/url.ts';
import { partialDate } from '../../site/format.ts';
import { h, clear } from './dom.ts';
import { renderReport } from './render.ts';
import { reportToMarkdown } from './markdown.ts';
import { currentPeers, parsePeerValue, peerOptions, peerValue } from './peers.ts';
import * as storage from './storage.ts';
import {
  STAGES,
  STAGE_TEXT,
  type CheckReport,
  type Edits,
  type FromWorker,
  type KeptCheck,
  type PeerChoice,
  type ToWorker,
} from './protocol.ts';

const DATA_BASE = href('/data/');

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from the page`);
  return el as T;
};

const fileInput = $<HTMLInputElement>('check-file');
const drop = $<HTMLElement>('check-drop');
const paste = $<HTMLTextAreaElement>('check-paste');
const pasteGo = $<HTMLButtonElement>('check-paste-go');
const peerSelect = $<HTMLSelectElement>('check-peer');
const keep = $<HTMLInputElement>('check-keep');
const progress = $<HTMLProgressElement>('check-progress');
const statusText = $<HTMLElement>('check-status-text');
const errorBox = $<HTMLElement>('check-error');
const actions = $<HTMLElement>('check-actions');
const reportBox = $<HTMLElement>('check-report');

/** Where the checking runs: a Web Worker, or the page itself when the browser has no workers. */
interface Checker {
  send(message: ToWorker, transfer?: Transferable[]): void;
  stop(): void;
}
let checker: Checker | null = null;
/** Whether the worker holds the analysis behind the report on screen (false after a restore from storage). */
let workerHasAnalysis = false;
let job = 0;
let started = 0;
let report: CheckReport | null = null;
let kept: KeptCheck | null = null;
let keptFromStorage: KeptCheck | null = null;
let peer: PeerChoice = { kind: 'corpus', name: '' };
let edits: Edits = {};

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function setStatus(text: string, step: number | null): void {
  statusText.textContent = text;
  progress.hidden = step === null;
  if (step !== null) progress.value = step;
}

function showError(text: string | null): void {
  clear(errorBox);
  if (text) errorBox.append(h('p', { class: 'check-error-message' }, text));
}

function startWorker(): Checker {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'check-my-policy' });
  worker.onmessage = (event: MessageEvent<FromWorker>) => onWorkerMessage(event.data);
  worker.onerror = (event) => {
    setStatus('', null);
    showError(`The checker could not start in this browser (${event.message || 'worker error'}).`);
  };
  return { send: (message, transfer = []) => worker.postMessage(message, transfer), stop: () => worker.terminate() };
}

/** No Web Workers (switched off, or a very old browser): the same checker runs in the page, loaded on first use. */
function startInPage(): Checker {
  let receive: ((message: ToWorker) => void) | null = null;
  let pending: ToWorker[] = [];
  let stopped = false;
  import('./checker.ts')
    .then(({ createChecker }) => {
      // Replies are delivered on a later task, as a worker's would be, so the status can repaint between steps.
      receive = createChecker((message) => {
        if (!stopped) setTimeout(() => onWorkerMessage(message), 0);
      });
      for (const message of pending) receive(message);
      pending = [];
    })
    .catch((e: unknown) =>
      showError(`The checker could not be loaded (${(e as Error).message}). Try reloading the page.`),
    );
  return {
    send: (message) => (receive ? receive(message) : void pending.push(message)),
    stop: () => {
      stopped = true;
    },
  };
}

function post(message: ToWorker, transfer: Transferable[] = []): void {
  if (!checker) {
    try {
      checker = typeof Worker === 'function' ? startWorker() : startInPage();
    } catch {
      // Workers exist but may not start (a locked-down browser): check in the page instead.
      checker = startInPage();
    }
    checker.send({ type: 'init', dataBase: DATA_BASE });
  }
  checker.send(message, transfer);
}

function onWorkerMessage(message: FromWorker): void {
  if (message.job !== job) return; // a reply to something the governor has since replaced
  switch (message.type) {
    case 'progress': {
      const step = STAGES.indexOf(message.stage) + 1;
      setStatus(`Step ${step} of ${STAGES.length}: ${STAGE_TEXT[message.stage]}…`, step);
      break;
    }
    case 'report': {
      workerHasAnalysis = true;
      const seconds = (performance.now() - started) / 1000;
      show(message.report);
      reportBox.dataset.ms = String(Math.round(performance.now() - started));
      reportBox.dataset.timings = JSON.stringify(message.timings);
      setStatus(`Report ready (${seconds.toFixed(1)} seconds). It is below.`, null);
      if (keep.checked) persist();
      break;
    }
    case 'kept':
      kept = message.kept;
      persist();
      break;
    case 'error':
      setStatus('', null);
      reportBox.dataset.state = 'error';
      showError(
        message.code === 'internal' || message.code === 'data'
          ? `The check could not be finished: ${message.message}.`
          : `This file could not be read. ${fileLabel}: ${message.message}`,
      );
      break;
  }
}

let fileLabel = '';
let focusReport = false;

function show(next: CheckReport): void {
  report = next;
  const activeId = document.activeElement?.id;
  clear(reportBox);
  reportBox.append(renderReport(next, { onEdit }));
  reportBox.hidden = false;
  actions.hidden = false;
  reportBox.dataset.state = 'ready';
  if (focusReport) {
    focusReport = false;
    document.getElementById('check-report-h')?.focus();
  } else if (activeId) {
    document.getElementById(activeId)?.focus({ preventScroll: true });
  }
}

function analyse(bytes: ArrayBuffer, fileName: string): void {
  showError(null);
  job++;
  started = performance.now();
  fileLabel = fileName;
  edits = {};
  kept = null;
  keptFromStorage = null;
  focusReport = true;
  // The report on screen belongs to the previous file: it goes, so an error cannot sit above the wrong report.
  report = null;
  clear(reportBox);
  reportBox.hidden = true;
  actions.hidden = true;
  reportBox.dataset.state = 'working';
  setStatus(`Step 1 of ${STAGES.length}: ${STAGE_TEXT.loading}…`, 0);
  post({ type: 'analyse', job, fileName, bytes, asOf: today(), peer, edits }, [bytes]);
}

/** Rebuilds the report after a correction or a new peer group, from the analysis the worker holds. */
function update(): void {
  if (!report) return;
  job++;
  started = performance.now();
  if (!workerHasAnalysis && keptFromStorage) {
    post({ type: 'restore', job, kept: { ...keptFromStorage, peer, edits } });
  } else {
    post({ type: 'update', job, peer, edits });
  }
  setStatus('Updating the report…', null);
}

function onEdit(field: keyof Edits, value: string): void {
  edits = { ...edits, [field]: value };
  update();
}

async function readFile(file: File): Promise<void> {
  // Marked at once (reading the bytes is asynchronous), so nothing mistakes the last report for this file's.
  reportBox.dataset.state = 'working';
  try {
    analyse(await file.arrayBuffer(), file.name);
  } catch (e) {
    reportBox.dataset.state = 'error';
    setStatus('', null);
    showError(`This file could not be opened (${(e as Error).message}).`);
  }
}

function persist(): void {
  if (!keep.checked || !report) return;
  const source = kept ?? keptFromStorage;
  if (!source) {
    if (workerHasAnalysis) post({ type: 'keep', job });
    return;
  }
  const problem = storage.save({ savedAt: new Date().toISOString(), kept: { ...source, peer, edits }, report });
  if (problem) {
    keep.checked = false;
    showError(problem);
  }
}

function forgetAll(): void {
  storage.forget();
  checker?.stop();
  checker = null;
  workerHasAnalysis = false;
  job++;
  report = null;
  kept = null;
  keptFromStorage = null;
  edits = {};
  keep.checked = false;
  fileInput.value = '';
  paste.value = '';
  clear(reportBox);
  reportBox.hidden = true;
  actions.hidden = true;
  delete reportBox.dataset.state;
  showError(null);
  setStatus('The report has been cleared from this page and from this device.', null);
  fileInput.focus();
}

function download(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has been handled; the download keeps its own copy.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function baseName(): string {
  const stem = (report?.fileName ?? 'policy')
    .replace(/\.[^.]+$/, '')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-|-$/g, '');
  return `policy-check-${stem || 'policy'}`;
}

// ---- peer groups from the published dataset ----
async function loadPeerOptions(): Promise<void> {
  try {
    const response = await fetch(`${DATA_BASE}dataset.json`, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(String(response.status));
    const dataset = (await response.json()) as Dataset;
    const options = peerOptions(currentPeers(dataset));
    clear(peerSelect);
    const groups = new Map<string, HTMLOptGroupElement>();
    const groupLabel = { 'local-authority': 'Local authorities', trust: 'Trusts', phase: 'Phases' } as const;
    for (const o of options) {
      const option = h(
        'option',
        { value: o.value },
        `${o.kind === 'corpus' ? o.label : o.name} (${o.size} ${o.size === 1 ? 'policy' : 'policies'})`,
      );
      if (o.kind === 'corpus') peerSelect.append(option);
      else {
        let g = groups.get(o.kind);
        if (!g) {
          g = h('optgroup', { label: groupLabel[o.kind] });
          groups.set(o.kind, g);
          peerSelect.append(g);
        }
        g.append(option);
      }
    }
    peerSelect.value = peerValue(peer);
    if (peerSelect.value !== peerValue(peer)) peerSelect.value = 'corpus';
  } catch (e) {
    showError(
      `The published comparison data could not be loaded (${(e as Error).message}), so the check cannot compare your policy. Try reloading the page.`,
    );
  }
}

// ---- wiring ----
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) void readFile(file);
});

pasteGo.addEventListener('click', () => {
  const text = paste.value;
  if (!text.trim()) {
    showError('Paste the policy text into the box first.');
    paste.focus();
    return;
  }
  analyse(new TextEncoder().encode(text).buffer as ArrayBuffer, 'pasted text.txt');
});

// A file dropped anywhere on the page is checked (and never opened by the browser in place of the page).
const hasFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer?.types ?? []).includes('Files');
window.addEventListener('dragover', (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  drop.classList.add('check-drop-active');
});
window.addEventListener('dragleave', (e) => {
  if (e.relatedTarget === null) drop.classList.remove('check-drop-active');
});
window.addEventListener('drop', (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  drop.classList.remove('check-drop-active');
  const file = e.dataTransfer?.files[0];
  if (file) void readFile(file);
});

peerSelect.addEventListener('change', () => {
  peer = parsePeerValue(peerSelect.value);
  update();
});

keep.addEventListener('change', () => {
  if (keep.checked) persist();
  else storage.forget();
});

$<HTMLButtonElement>('check-print').addEventListener('click', () => window.print());
$<HTMLButtonElement>('check-md').addEventListener('click', () => {
  if (report) download(`${baseName()}.md`, 'text/markdown;charset=utf-8', reportToMarkdown(report));
});
$<HTMLButtonElement>('check-json').addEventListener('click', () => {
  if (report) download(`${baseName()}.json`, 'application/json', `${JSON.stringify(report, null, 2)}\n`);
});
$<HTMLButtonElement>('check-forget').addEventListener('click', forgetAll);

// Printing opens closed sections (a gap's starting wording) for the printout and closes them again afterwards,
// but not the "Your wording compared" comparisons: one per covered type, they ran a long policy's printout to 50
// pages. Those print as their summary line unless the reader opened them.
let openedForPrint: HTMLDetailsElement[] = [];
window.addEventListener('beforeprint', () => {
  openedForPrint = Array.from(reportBox.querySelectorAll<HTMLDetailsElement>('details:not([open]):not(.check-wording)'));
  for (const d of openedForPrint) d.open = true;
});
window.addEventListener('afterprint', () => {
  for (const d of openedForPrint) d.open = false;
  openedForPrint = [];
});

// ---- start ----
const stored = storage.load();
if (stored) {
  keptFromStorage = stored.kept;
  peer = stored.kept.peer;
  edits = stored.kept.edits;
  fileLabel = stored.kept.fileName;
  keep.checked = true;
  show(stored.report);
  setStatus(
    `Showing the report kept on this device on ${partialDate(stored.savedAt.slice(0, 10))}. Use “Forget this report” to remove it.`,
    null,
  );
}
void loadPeerOptions();
