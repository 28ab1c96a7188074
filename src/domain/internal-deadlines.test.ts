import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './business-time.ts';
import { decideByTime, scorecardDueTime } from './internal-deadlines.ts';

const london: BusinessCalendar = {
  timeZone: 'Europe/London',
  workingDays: [1, 2, 3, 4, 5],
  hours: { start: '09:00', end: '17:00' },
  holidays: null,
};

describe('deadlines inside the team', () => {
  it('wants a scorecard by the close of the next business day (over a weekend)', () => {
    // Friday 4 December 2026, 15:00 → Monday 7 December, 17:00.
    expect(scorecardDueTime(new Date('2026-12-04T15:00:00Z'), 1, london).toISOString()).toBe(
      '2026-12-07T17:00:00.000Z',
    );
    // 0: the same day.
    expect(scorecardDueTime(new Date('2026-12-04T15:00:00Z'), 0, london).toISOString()).toBe(
      '2026-12-04T17:00:00.000Z',
    );
  });

  it('sets the decide-by a business day before the promise, never before now nor after the promise', () => {
    const now = new Date('2026-12-01T10:00:00Z'); // Tuesday
    const promised = new Date('2026-12-07T17:00:00Z'); // Monday
    // One business day before Monday is Friday 4 December, close of business.
    expect(decideByTime(promised, 1, london, now).toISOString()).toBe('2026-12-04T17:00:00.000Z');
    expect(decideByTime(promised, 0, london, now).toISOString()).toBe(promised.toISOString());
    // A promise for tomorrow: the day before is today, which has not closed yet.
    expect(decideByTime(new Date('2026-12-02T17:00:00Z'), 1, london, now).toISOString()).toBe(
      '2026-12-01T17:00:00.000Z',
    );
    // Already past the day before: the promise itself.
    const late = new Date('2026-12-01T18:00:00Z');
    expect(decideByTime(new Date('2026-12-02T17:00:00Z'), 1, london, late).toISOString()).toBe(
      '2026-12-02T17:00:00.000Z',
    );
    // The promise has passed too: due now.
    const later = new Date('2026-12-03T09:00:00Z');
    expect(decideByTime(new Date('2026-12-02T17:00:00Z'), 1, london, later).toISOString()).toBe(
      later.toISOString(),
    );
  });
});
