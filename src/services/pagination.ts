import type { Keyset } from '../db/sql.ts';
import { AppError } from '../errors.ts';

/** One page of a list and the cursor of the next page (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Decode an opaque cursor; a cursor this server did not issue is a 400, not a 500. */
export function decodeCursor(cursor: string | undefined): Keyset | null {
  if (cursor === undefined) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      !Number.isNaN(Date.parse(value[0])) &&
      /^[0-9a-f-]{36}$/i.test(value[1])
    ) {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // fall through
  }
  throw new AppError('invalid_cursor', 'The cursor is not one this server issued.');
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

/** Page size limits for every list endpoint. */
export const PAGE_LIMIT = { default: 50, max: 200 } as const;
