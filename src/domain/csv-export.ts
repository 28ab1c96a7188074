/**
 * Lists as CSV: how one value becomes one cell. Pure: no I/O.
 *
 * A spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` (and, in some, a tab or a carriage
 * return before one) as a formula: a candidate named `=HYPERLINK(…)` must not become a link in a
 * recruiter's spreadsheet. Such cells are written with a leading `'`, which spreadsheets show as
 * text and do not display (OWASP's "CSV injection" advice).
 */

/** The lists a team can export as CSV (`/exports/<name>.csv`, `hearback export --list <name>`). */
export const EXPORT_LIST_NAMES = [
  'follow-ups',
  'applications',
  'candidates',
  'jobs',
  'interviews',
  'talent-pool',
  'submissions',
  'messages',
  'clients',
] as const;
export type ExportListName = (typeof EXPORT_LIST_NAMES)[number];

/** The first characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** `text` safe to open in a spreadsheet: a cell that would start a formula gets a leading `'`. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One value as a cell: empty for null, ISO 8601 (UTC) for an instant, `true`/`false`, numbers as
 * written, a list of plain values joined with `; `, anything else (objects, lists of objects) as
 * JSON. Always neutralised.
 */
export function formatCell(value: unknown): string {
  return neutraliseCell(rawCell(value));
}

function rawCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (
    Array.isArray(value) &&
    value.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))
  ) {
    return value.map((v) => (v === null ? '' : String(v))).join('; ');
  }
  return JSON.stringify(value);
}

/** The value at a dotted `path` of a row (`owner.name`); undefined when a step is missing or null. */
export function valueAt(row: unknown, path: readonly string[]): unknown {
  let value = row;
  for (const step of path) {
    if (value === null || value === undefined || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

/**
 * A download's file name: `hearback-<list>-<YYYY-MM-DD>.<ext>`, only letters, digits, dots and
 * dashes, so it is safe in a `Content-Disposition` header and on every file system.
 */
export function exportFileName(list: string, at: Date, extension: 'csv' | 'json'): string {
  const safe = list.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'export';
  return `hearback-${safe}-${at.toISOString().slice(0, 10)}.${extension}`;
}
