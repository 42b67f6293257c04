/**
 * "Keep this report on this device": the analysis and report in localStorage, only when the governor ticks the
 * box; "Forget" removes them. Nothing is kept otherwise, so a reload starts clean.
 */
import type { CheckReport, KeptCheck } from './protocol.ts';

const KEY = 'policy-atlas:check-my-policy:v1';

export interface Stored {
  savedAt: string;
  kept: KeptCheck;
  report: CheckReport;
}

/** Saves; returns an error in plain words when the browser refuses (storage full or switched off). */
export function save(stored: Stored): string | null {
  try {
    localStorage.setItem(KEY, JSON.stringify(stored));
    return null;
  } catch (e) {
    forget();
    const full = e instanceof DOMException && /quota/i.test(e.name + e.message);
    return full
      ? 'This report is too large to keep in this browser. Download it instead.'
      : 'This browser does not allow keeping the report. Download it instead.';
  }
}

export function load(): Stored | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Stored;
    return parsed?.kept?.version === 1 && parsed.report?.schemaVersion === 1 ? parsed : null;
  } catch {
    return null;
  }
}

export function forget(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Storage switched off: there is nothing to forget.
  }
}
