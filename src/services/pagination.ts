import type { Keyset, KeysetPage } from '../db/sql.ts';
import { AppError } from '../errors.ts';

/** One page of a list and the cursor of the next page (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A page request: `cursor` from the previous page's nextCursor, `limit` items at most. */
export interface PageQuery {
  cursor?: string | undefined;
  limit: number;
}

// Exactly what toPage writes: an instant as toISOString prints it (years 0001–9999: PostgreSQL
// has no year 0), and a UUID. Anything else would reach SQL and fail there, so it is refused here.
const ISO_INSTANT = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const invalidCursor = () => new AppError('invalid_cursor', 'The cursor is not one this server issued.');

function decodeJson(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
  } catch {
    throw invalidCursor();
  }
}

/** Decode a keyset cursor; a cursor this server did not issue is a 400, never a 500. */
export function decodeCursor(cursor: string | undefined): Keyset | null {
  if (cursor === undefined) return null;
  const value = decodeJson(cursor);
  if (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'string' &&
    ISO_INSTANT.test(value[0]) &&
    new Date(value[0]).toISOString() === value[0] &&
    UUID.test(value[1])
  ) {
    return { key: value[0], id: value[1] };
  }
  throw invalidCursor();
}

/**
 * Cut a page from rows fetched with `limit + 1`: the extra row tells whether there is a next page,
 * and the last row kept is where it starts.
 */
export function toPage<T extends { id: string }>(rows: T[], limit: number, keyOf: (row: T) => Date): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > limit && last
      ? Buffer.from(JSON.stringify([keyOf(last).toISOString(), last.id])).toString('base64url')
      : null;
  return { items, nextCursor };
}

/**
 * One page of a keyset-paged list: `fetch` (a repository's list) reads `limit + 1` rows after the
 * query's cursor, and {@link toPage} cuts them. A cursor this server did not issue is refused
 * before anything is read.
 *
 * @example fetchPage(query, (page) => listJobs(tx, orgId, { ...page, status }), (j) => j.createdAt)
 */
export async function fetchPage<T extends { id: string }>(
  query: PageQuery,
  fetch: (page: KeysetPage) => Promise<T[]>,
  keyOf: (row: T) => Date,
): Promise<Page<T>> {
  const rows = await fetch({ after: decodeCursor(query.cursor), limit: query.limit + 1 });
  return toPage(rows, query.limit, keyOf);
}

const OFFSET_TAG = 'offset';
const MAX_OFFSET = 1_000_000;

/**
 * A page of a list computed in memory (report lines, the template set): small and derived, so a
 * position is a fine cursor. Its cursors are tagged, so a keyset cursor is refused here and the
 * other way round.
 */
export function pageOfArray<T>(all: T[], query: PageQuery): Page<T> {
  let offset = 0;
  if (query.cursor !== undefined) {
    const value = decodeJson(query.cursor);
    if (
      !Array.isArray(value) ||
      value.length !== 2 ||
      value[0] !== OFFSET_TAG ||
      !Number.isSafeInteger(value[1]) ||
      (value[1] as number) < 0 ||
      (value[1] as number) > MAX_OFFSET
    ) {
      throw invalidCursor();
    }
    offset = value[1] as number;
  }
  const items = all.slice(offset, offset + query.limit);
  const next = offset + query.limit;
  return {
    items,
    nextCursor:
      next < all.length ? Buffer.from(JSON.stringify([OFFSET_TAG, next])).toString('base64url') : null,
  };
}

/** Page size limits for every list endpoint. */
export const PAGE_LIMIT = { default: 50, max: 200 } as const;
