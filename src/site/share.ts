/**
 * The one definition of "share of policies that include a clause type", used by the policy page, the dashboard,
 * the clause-type pages and Check my policy: a policy includes a type when it covers it at all (present, partly
 * covered, or present but out of date), counted over current policies only (a school's latest version). When a
 * policy is compared with its peers it is left out of its own count, and the text says "other".
 */

/** A count of policies that include a type, out of a number of policies. */
export interface Included {
  count: number;
  of: number;
}

/** coverageCode letters that mean the policy includes the type (p present, r partial, s present but outdated). */
export const INCLUDED_LETTERS: ReadonlySet<string> = new Set(['p', 'r', 's']);

export function includes(letter: string | undefined): boolean {
  return letter !== undefined && INCLUDED_LETTERS.has(letter);
}

/** 0 to 1; 0 when there are no policies. */
export function shareValue(i: Included): number {
  return i.of === 0 ? 0 : i.count / i.of;
}

/** "60%" (rounded), "0%" when there are no policies. */
export function percentText(i: Included): string {
  return `${Math.round(shareValue(i) * 100)}%`;
}

/**
 * "3 of 5 current policies (60%) include it"; with `others`, "3 of the other 4 current policies (75%) include it";
 * `where` names the group ("in Bradford").
 */
export function includedText(i: Included, options: { others?: boolean; where?: string } = {}): string {
  const noun = i.of === 1 ? 'current policy' : 'current policies';
  const of = options.others ? `the other ${i.of.toLocaleString('en-GB')}` : i.of.toLocaleString('en-GB');
  const where = options.where ? ` ${options.where}` : '';
  const verb = i.count === 1 ? 'includes' : 'include';
  return `${i.count.toLocaleString('en-GB')} of ${of} ${noun}${where} (${percentText(i)}) ${verb} it`;
}

/** "missing from 4 of 5 current policies". */
export function missingText(missing: number, of: number): string {
  return `missing from ${missing.toLocaleString('en-GB')} of ${of.toLocaleString('en-GB')} current ${of === 1 ? 'policy' : 'policies'}`;
}
