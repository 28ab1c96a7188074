import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './business-time.ts';
import {
  coverageOf,
  feedbackRecord,
  fellWithinGuarantee,
  guaranteeEndsOn,
  planCheckIns,
} from './placement.ts';

const london: BusinessCalendar = {
  timeZone: 'Europe/London',
  workingDays: [1, 2, 3, 4, 5],
  hours: { start: '09:00', end: '17:00' },
  holidays: null,
};

const at = (iso: string) => new Date(iso);

describe('feedbackRecord', () => {
  const now = at('2026-12-10T12:00:00Z');
  it('has nothing to say before anything was answered or missed', () => {
    expect(feedbackRecord([], now)).toEqual({
      answered: 0,
      overdue: 0,
      medianDaysToFeedback: null,
      shareWithinDeadline: null,
    });
    // Not yet due and unanswered: it may still come in time.
    expect(
      feedbackRecord(
        [{ askedAt: at('2026-12-09T12:00:00Z'), dueAt: at('2026-12-11T17:00:00Z'), answeredAt: null }],
        now,
      ),
    ).toMatchObject({ overdue: 0, shareWithinDeadline: null });
  });

  it('takes the median of days to an answer and counts a missed deadline against the share', () => {
    const items = [
      // Answered in half a day, in time.
      {
        askedAt: at('2026-12-01T12:00:00Z'),
        dueAt: at('2026-12-03T17:00:00Z'),
        answeredAt: at('2026-12-02T00:00:00Z'),
      },
      // Answered in four days, late.
      {
        askedAt: at('2026-12-01T12:00:00Z'),
        dueAt: at('2026-12-03T17:00:00Z'),
        answeredAt: at('2026-12-05T12:00:00Z'),
      },
      // Answered in two days, in time.
      {
        askedAt: at('2026-12-02T12:00:00Z'),
        dueAt: at('2026-12-04T17:00:00Z'),
        answeredAt: at('2026-12-04T12:00:00Z'),
      },
      // Never answered, deadline passed.
      { askedAt: at('2026-12-03T12:00:00Z'), dueAt: at('2026-12-07T17:00:00Z'), answeredAt: null },
    ];
    expect(feedbackRecord(items, now)).toEqual({
      answered: 3,
      overdue: 1,
      medianDaysToFeedback: 2,
      shareWithinDeadline: 0.5,
    });
    // An even count takes the mean of the middle two; an answer on the deadline itself is in time.
    expect(
      feedbackRecord(
        [
          items[0]!,
          {
            askedAt: at('2026-12-01T12:00:00Z'),
            dueAt: at('2026-12-02T12:00:00Z'),
            answeredAt: at('2026-12-02T12:00:00Z'),
          },
        ],
        now,
      ),
    ).toMatchObject({ medianDaysToFeedback: 0.8, shareWithinDeadline: 1 });
  });
});

describe('placement guarantee and check-ins', () => {
  it('counts the guarantee in calendar days and includes its last day', () => {
    expect(guaranteeEndsOn('2026-12-07', 90)).toBe('2027-03-07');
    expect(fellWithinGuarantee('2027-03-07', '2027-03-07')).toBe(true);
    expect(fellWithinGuarantee('2027-03-08', '2027-03-07')).toBe(false);
  });

  it('checks in on the first business day, at 30 days and three business days before the end', () => {
    // A Saturday start: the first check-in is Monday's close.
    const plan = planCheckIns('2026-12-05', 60, { candidate: london, client: london });
    expect(plan.map((c) => [c.with, c.moment, c.dueAt.toISOString()])).toEqual([
      ['candidate', 'first_day', '2026-12-07T17:00:00.000Z'],
      ['candidate', 'day_30', '2027-01-04T17:00:00.000Z'],
      // The guarantee ends Wednesday 3 February: three business days before is Friday 29 January.
      ['candidate', 'before_guarantee_end', '2027-01-29T17:00:00.000Z'],
      ['client', 'before_guarantee_end', '2027-01-29T17:00:00.000Z'],
    ]);
  });

  it('with no guarantee only the first day; with a very short one the closing check-in comes after the first day', () => {
    expect(planCheckIns('2026-12-07', 0, { candidate: london, client: london }).map((c) => c.moment)).toEqual(
      ['first_day'],
    );
    const short = planCheckIns('2026-12-07', 2, { candidate: london, client: london });
    expect(short.map((c) => c.dueAt.toISOString())).toEqual([
      '2026-12-07T17:00:00.000Z',
      '2026-12-08T17:00:00.000Z',
      '2026-12-08T17:00:00.000Z',
    ]);
  });
});

describe('coverageOf', () => {
  it('is short only under a target above zero', () => {
    expect(coverageOf(1, 2)).toEqual({ finalists: 1, target: 2, short: true });
    expect(coverageOf(2, 2).short).toBe(false);
    expect(coverageOf(0, 0).short).toBe(false);
  });
});
