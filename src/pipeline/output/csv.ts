/**
 * CSV for people who open it in Excel: UTF-8 with a byte-order mark (so Excel does not guess Windows-1252),
 * CRLF records, every field quoted when needed, one record per line (line breaks inside a field become spaces),
 * and cells that a spreadsheet could read as a formula prefixed with `'` (OWASP's CSV injection rule: a cell starting
 * with `=`, `+`, `-`, `@`, tab or carriage return). A plain number such as `-1.5` is left alone: it is a number,
 * not a formula, and guarding it would turn it into text.
 */

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell that is only a number (what `formatNumber` writes, or a plain signed decimal): never a formula. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Anything below would change: a line break, a quote or comma, a formula start, or edge whitespace. */
const NEEDS_CARE = /[\r\n\u2028\u2029",]|^[=+@\-\s]|\s$/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? formatNumber(value) : String(value);
  // Most cells (ids, statuses, numbers) pass through untouched: one test instead of three.
  if (!NEEDS_CARE.test(text)) return text;
  text = text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Numbers print the same on every machine: integers as-is, fractions to three places. */
function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(3);
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return csvHeader(header) + csvRows(rows);
}

/** The start of a CSV file: byte-order mark and header record. `csvRows` chunks follow, so a file can be streamed. */
export function csvHeader(header: readonly string[]): string {
  return `\uFEFF${header.map(csvField).join(',')}\r\n`;
}

/** Records, each ending in CRLF. */
export function csvRows(rows: readonly (readonly CsvValue[])[]): string {
  let out = '';
  for (const r of rows) out += `${r.map(csvField).join(',')}\r\n`;
  return out;
}
