import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportFileName, formatCell, neutraliseCell, valueAt } from './csv-export.ts';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://evil.test","x")', `'=HYPERLINK("http://evil.test","x")`],
    ['+1 202 555 0177', `'+1 202 555 0177`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['Casey Candidate', 'Casey Candidate'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('neutralise %j as %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it('never lets a cell start a formula, and changes nothing else', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const cell = neutraliseCell(s);
        expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
        expect(cell === s || cell === `'${s}`).toBe(true);
      }),
    );
  });

  it.each([
    [null, ''],
    [undefined, ''],
    [new Date('2026-12-04T17:00:00+01:00'), '2026-12-04T16:00:00.000Z'],
    [true, 'true'],
    [3, '3'],
    [-3, "'-3"],
    [['a', 'b'], 'a; b'],
    [[], ''],
    [{ send: false }, '{"send":false}'],
    [[{ code: 'x' }], '[{"code":"x"}]'],
  ])('format %j as %j', (value, expected) => {
    expect(formatCell(value)).toBe(expected);
  });

  it('reads dotted paths and stops at nulls', () => {
    const row = { owner: { id: 'o', name: 'Riley' }, nextStep: null };
    expect(valueAt(row, ['owner', 'name'])).toBe('Riley');
    expect(valueAt(row, ['nextStep', 'at'])).toBeUndefined();
  });
});

describe('export file names', () => {
  it('are dated and safe in a header', () => {
    const at = new Date('2026-11-30T10:00:00Z');
    expect(exportFileName('follow-ups', at, 'csv')).toBe('hearback-follow-ups-2026-11-30.csv');
    expect(exportFileName('a"b\r\n; c', at, 'json')).toBe('hearback-a-b-c-2026-11-30.json');
    expect(exportFileName('"', at, 'csv')).toBe('hearback-export-2026-11-30.csv');
  });
});
