// In the db tier only because test/tiers.test.ts keeps unit tests out of src/db/; it reads no database.
import { describe, expect, it } from 'vitest';
import { keysetPage, patchSet } from './sql.ts';

describe('patchSet', () => {
  const at = new Date('2026-12-01T09:00:00.000Z');

  it('sets updated_at, then only the listed columns present in the patch, numbered from $4', () => {
    const set = patchSet(
      { name: 'Ada', phone: undefined, timeZone: null, notAColumn: 'x' },
      { name: 'name', phone: 'phone', timeZone: 'time_zone' },
      at,
    );
    expect(set).toEqual({ sql: 'updated_at = $3, name = $4, time_zone = $5', params: [at, 'Ada', null] });
  });

  it('sets only updated_at for an empty patch', () => {
    expect(patchSet({}, { name: 'name' }, at)).toEqual({ sql: 'updated_at = $3', params: [at] });
  });
});

describe('keysetPage', () => {
  it('pages newest first with descending', () => {
    const k = keysetPage(
      { after: { key: '2026-12-01T00:00:00.000Z', id: 'x' }, limit: 11 },
      { by: 'd.created_at', id: 'd.id', firstParam: 3, descending: true },
    );
    expect(k).toEqual({
      where: '($3::timestamptz IS NULL OR (d.created_at, d.id) < ($3::timestamptz, $4::uuid))',
      orderLimit: 'ORDER BY d.created_at DESC, d.id DESC LIMIT $5',
      params: ['2026-12-01T00:00:00.000Z', 'x', 11],
    });
  });

  it('reads every row without a page', () => {
    expect(keysetPage(undefined, { by: 'at', firstParam: 2 }).params).toEqual([null, null, null]);
  });
});
