import { describe, expect, it } from 'vitest';
import {
  loadPromiseCases,
  runPromiseCases,
  shareOf,
  type PromiseCase,
} from '../../test/corpus/promise-corpus.ts';
import { DEFAULT_CALENDAR } from './business-time.ts';
import { dateOrderOf } from './promise.ts';

// The labelled corpus (test/corpus/promises.jsonl) and the part held out while the rules were
// written (promises.holdout.jsonl): every statement must resolve to its labelled local due date,
// resolution and warnings. docs/ACCURACY.md reports the same figures (`npm run accuracy`).
const main = loadPromiseCases('promises.jsonl');
const holdout = loadPromiseCases('promises.holdout.jsonl');

describe.each([
  ['corpus', main],
  ['held-out corpus', holdout],
] as [string, PromiseCase[]][])('resolvePromise over the %s', (_name, cases) => {
  const outcomes = runPromiseCases(cases);
  it.each(outcomes.map((o) => [o.case.id, o.case.statement, o] as const))('%s %j', (_id, _s, o) => {
    expect({ dueDate: o.dueDate, resolution: o.resolution, warnings: o.warnings }).toEqual({
      dueDate: o.case.dueDate,
      resolution: o.case.resolution,
      warnings: [...o.case.warnings].sort(),
    });
  });
  it('exact due date on at least 99% (the issue’s floor)', () => {
    expect(shareOf(outcomes, (o) => o.dueDateOk)).toBeGreaterThanOrEqual(0.99);
  });
});

describe('the corpus itself', () => {
  it('has at least 300 statements, in US, UK, Indian and Australian calendars', () => {
    expect(main.length).toBeGreaterThanOrEqual(300);
    const countries = new Set(main.map((c) => c.holidays?.slice(0, 2)));
    expect([...countries].sort()).toEqual(['AU', 'GB', 'IN', 'US']);
  });
  it('has unique ids and statements', () => {
    const all = [...main, ...holdout];
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    expect(new Set(all.map((c) => c.statement + c.at)).size).toBe(all.length);
  });
});

describe('dateOrderOf', () => {
  it.each([
    ['America/New_York', 'US', 'mdy'],
    ['America/Toronto', 'CA', 'mdy'],
    ['Asia/Manila', 'PH', 'mdy'],
    ['Europe/London', 'GB', 'dmy'],
    ['Asia/Kolkata', 'IN', 'dmy'],
    ['Australia/Sydney', 'AU', 'dmy'],
    ['America/Chicago', null, 'mdy'],
    ['America/Sao_Paulo', null, 'dmy'],
    ['UTC', null, 'dmy'],
  ] as const)('%s with holidays %s reads %s', (timeZone, country, order) => {
    expect(dateOrderOf({ ...DEFAULT_CALENDAR, timeZone, holidays: country ? { country } : null })).toBe(
      order,
    );
  });
});
