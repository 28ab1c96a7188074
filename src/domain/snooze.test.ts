import { describe, expect, it } from 'vitest';
import { checkSnooze, isSnoozed, MAX_SNOOZE_DAYS, promiseToCandidate } from './snooze.ts';

const now = new Date('2026-12-01T15:00:00Z');
const at = (iso: string) => new Date(iso);
const outcome = {
  status: 'open' as const,
  owedBy: 'team' as const,
  owedTo: 'candidate' as const,
  dueAt: at('2026-12-04T22:00:00Z'),
  promisedDueAt: null,
};
const scorecard = { ...outcome, owedTo: 'team' as const };

describe('checkSnooze', () => {
  it.each([
    ['an outcome up to its promise', outcome, '2026-12-04T22:00:00Z', null],
    ['an outcome past its promise', outcome, '2026-12-04T22:00:01Z', 'past_promise'],
    [
      'past the promise when a decision pulled the team’s due time forward',
      { ...outcome, dueAt: at('2026-12-02T22:00:00Z'), promisedDueAt: at('2026-12-04T22:00:00Z') },
      '2026-12-03T14:00:00Z',
      null,
    ],
    ['an internal scorecard past its due time', scorecard, '2026-12-10T14:00:00Z', null],
    [
      'a recruiter’s debrief owed to a candidate, past its due',
      { ...outcome, owedBy: 'recruiter' as const },
      '2026-12-07T14:00:00Z',
      'past_promise',
    ],
    [
      'a thank-you the candidate owes',
      { ...outcome, owedBy: 'candidate' as const, owedTo: 'team' as const },
      '2026-12-20T14:00:00Z',
      null,
    ],
    ['a time in the past', scorecard, '2026-12-01T14:59:59Z', 'not_future'],
    ['now itself', scorecard, '2026-12-01T15:00:00Z', 'not_future'],
    ['longer than the limit', scorecard, '2027-02-01T15:00:00Z', 'too_long'],
    ['a done follow-up', { ...scorecard, status: 'done' as const }, '2026-12-02T15:00:00Z', 'not_open'],
  ])('%s', (_name, fu, until, refused) => {
    expect(checkSnooze(fu, at(until), now)?.reason ?? null).toBe(refused);
  });

  it('says which promise a refused snooze would break, and the latest allowed end', () => {
    expect(checkSnooze(outcome, at('2026-12-08T14:00:00Z'), now)).toEqual({
      reason: 'past_promise',
      promisedAt: outcome.dueAt,
    });
    const tooLong = checkSnooze(scorecard, at('2027-06-01T00:00:00Z'), now);
    expect(tooLong).toEqual({
      reason: 'too_long',
      latest: new Date(now.getTime() + MAX_SNOOZE_DAYS * 86_400_000),
    });
  });

  it('never lets a snooze of a contact owed to a candidate end after their promise (any time)', () => {
    for (let h = 1; h < 24 * 70; h += 7) {
      const until = new Date(now.getTime() + h * 3_600_000);
      const refusal = checkSnooze(outcome, until, now);
      if (refusal === null)
        expect(until.getTime()).toBeLessThanOrEqual(promiseToCandidate(outcome)!.getTime());
    }
  });
});

describe('isSnoozed', () => {
  it('holds until the snooze ends, not after', () => {
    expect(isSnoozed({ snoozedUntil: null }, now)).toBe(false);
    expect(isSnoozed({ snoozedUntil: at('2026-12-01T15:00:01Z') }, now)).toBe(true);
    expect(isSnoozed({ snoozedUntil: now }, now)).toBe(false);
  });
});
