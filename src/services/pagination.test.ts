import { describe, expect, it } from 'vitest';
import { decodeCursor, fetchPage, pageOfArray, toPage } from './pagination.ts';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const id = '3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b';

describe('cursors', () => {
  it('round-trip what toPage issues', () => {
    const rows = [1, 2, 3].map((n) => ({ id, at: new Date(Date.UTC(2026, 11, n)) }));
    const { nextCursor } = toPage(rows, 2, (r) => r.at);
    expect(decodeCursor(nextCursor!)).toEqual({ key: '2026-12-02T00:00:00.000Z', id });
  });

  it.each([
    ['year 0, which PostgreSQL does not have', b64(['0000-01-01T00:00:00.000Z', id])],
    ['an expanded year', b64(['+275760-09-13T00:00:00.000Z', id])],
    ['an impossible date', b64(['2026-02-30T00:00:00.000Z', id])],
    ['a date in another format', b64(['2026-12-01T00:00:00Z', id])],
    ['an id of dashes', b64(['2026-12-01T00:00:00.000Z', '------------------------------------'])],
    ['an offset cursor', b64(['offset', 10])],
    ['not JSON', Buffer.from('{"a":').toString('base64url')],
    ['an object', b64({ key: 'x', id })],
  ])('refuse %s with invalid_cursor', (_what, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ code: 'invalid_cursor' }));
  });

  it('page arrays by position and refuse forged positions', () => {
    const all = ['a', 'b', 'c', 'd', 'e'];
    const first = pageOfArray(all, { limit: 2 });
    expect(first.items).toEqual(['a', 'b']);
    const second = pageOfArray(all, { limit: 2, cursor: first.nextCursor! });
    expect(second.items).toEqual(['c', 'd']);
    expect(pageOfArray(all, { limit: 2, cursor: second.nextCursor! })).toEqual({
      items: ['e'],
      nextCursor: null,
    });
    for (const forged of [
      b64(['offset', -1]),
      b64(['offset', 1.5]),
      b64(['offset', 1e15]),
      b64(['2026-12-01T00:00:00.000Z', id]),
    ]) {
      expect(() => pageOfArray(all, { limit: 2, cursor: forged })).toThrow(
        expect.objectContaining({ code: 'invalid_cursor' }),
      );
    }
  });
});

describe('fetchPage', () => {
  it('reads one row more than the page after the cursor, and cuts the page from it', async () => {
    const rows = [1, 2, 3].map((n) => ({ id, at: new Date(Date.UTC(2026, 11, n)) }));
    const asked: unknown[] = [];
    const first = await fetchPage(
      { limit: 2 },
      (page) => (asked.push(page), Promise.resolve(rows)),
      (r) => r.at,
    );
    expect(first).toEqual(toPage(rows, 2, (r) => r.at));
    await fetchPage(
      { cursor: first.nextCursor!, limit: 2 },
      (page) => (asked.push(page), Promise.resolve(rows.slice(2))),
      (r) => r.at,
    );
    expect(asked).toEqual([
      { after: null, limit: 3 },
      { after: { key: '2026-12-02T00:00:00.000Z', id }, limit: 3 },
    ]);
  });

  it('refuses a forged cursor before reading anything', async () => {
    let read = false;
    const page = fetchPage(
      { cursor: b64(['offset', 1]), limit: 2 },
      () => ((read = true), Promise.resolve([] as { id: string; at: Date }[])),
      (r) => r.at,
    );
    await expect(page).rejects.toMatchObject({ code: 'invalid_cursor' });
    expect(read).toBe(false);
  });
});
