/**
 * Choices kept in this browser's localStorage, one entry per member set, plus the last member set used so a
 * reload reopens the same draft. Reads are validated (zod, loaded on demand); storage failures (private mode,
 * quota) never stop the tool, they are only reported.
 */
import { choicesStorageKey, memberSet, type DraftChoices } from '../../pipeline/harmonise/choices.ts';

const LAST_KEY = 'policy-atlas:draft:last-members';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export type Loaded = { choices: DraftChoices | null; problem: string | null };

export async function loadChoices(memberIds: readonly string[]): Promise<Loaded> {
  const raw = storage()?.getItem(choicesStorageKey(memberIds));
  if (!raw) return { choices: null, problem: null };
  const { parseChoicesText } = await import('../../pipeline/harmonise/choices-schema.ts');
  const parsed = parseChoicesText(raw);
  if (!parsed.ok) return { choices: null, problem: `Choices saved earlier in this browser could not be read, so the suggested wording is shown. (${parsed.message})` };
  if (parsed.choices.members.join(',') !== memberSet(memberIds).join(',')) return { choices: null, problem: null };
  return { choices: parsed.choices, problem: null };
}

/** Returns false when the browser would not store it. */
export function saveChoices(choices: DraftChoices): boolean {
  try {
    const s = storage();
    if (!s) return false;
    s.setItem(choicesStorageKey(choices.members), JSON.stringify(choices));
    s.setItem(LAST_KEY, choices.members.join(','));
    return true;
  } catch {
    return false;
  }
}

export function forgetChoices(memberIds: readonly string[]): void {
  try {
    storage()?.removeItem(choicesStorageKey(memberIds));
  } catch {
    /* nothing stored, nothing to forget */
  }
}

export function lastMembers(): string[] {
  try {
    return (storage()?.getItem(LAST_KEY) ?? '').split(',').filter((s) => s !== '');
  } catch {
    return [];
  }
}

export function rememberMembers(ids: readonly string[]): void {
  try {
    storage()?.setItem(LAST_KEY, memberSet(ids).join(','));
  } catch {
    /* the URL still carries the member set */
  }
}
