import { describe, expect, it } from 'vitest';
import { checkCandidateNote, checkInState, thankYouWindow } from './candidate-etiquette.ts';
import { PolicySchema } from './policy.ts';

const policy = PolicySchema.parse({ timeZone: 'America/New_York' });
const due = new Date('2026-12-04T22:00:00Z'); // Friday 17:00 New York

describe('thank-you window', () => {
  it.each([
    ['2026-12-01T15:00:00Z', true, 48],
    ['2026-12-02T15:00:00Z', true, 24],
    ['2026-12-03T14:30:00Z', true, 1],
    ['2026-12-03T15:00:00Z', false, 0],
  ])('at %s: open %s, %d hours left', (now, open, hours) => {
    expect(thankYouWindow(new Date('2026-12-01T15:00:00Z'), new Date(now))).toEqual({
      open,
      hoursLeft: hours,
    });
  });
});

describe('candidate notes', () => {
  it.each([
    ['Thank you for the conversation about the onboarding redesign; I enjoyed it.', []],
    ['', ['empty']],
    ['I need an answer by Friday because I have other offers.', ['ultimatum']],
    [
      'Thank you for Tuesday. I have another offer I need to answer by Friday; I would be grateful to know where I stand, if possible.',
      [],
    ],
    ['Thank you! I have sent a bouquet of flowers for the team.', ['gift']],
    ['Thanks for the chat. I sent you a friend request on Facebook.', ['friend_request']],
    ['Thanks! Coffee on me next time.', ['gift']],
    ['Great talk — connect with me on LinkedIn!', ['friend_request']],
  ])('%j → %j', (text, codes) => {
    expect(checkCandidateNote(text, 250).findings.map((f) => f.code)).toEqual(codes);
  });

  it('counts words against the limit', () => {
    const long = Array.from({ length: 30 }, () => 'word').join(' ');
    expect(checkCandidateNote(long, 20)).toMatchObject({ words: 30, findings: [{ code: 'too_long' }] });
  });
});

describe('check-ins', () => {
  const base: { promisedDueAt: Date | null; outcomeDelivered: boolean; previous: Date[] } = {
    promisedDueAt: due,
    outcomeDelivered: false,
    previous: [],
  };
  it.each<[string, Partial<typeof base>, string, string | null]>([
    ['not before the promise has passed plus 3 business days', {}, '2026-12-08T15:00:00Z', 'before_grace'],
    // Friday + 3 business days = Wednesday 9 December, 17:00 New York
    ['opens after the grace period', {}, '2026-12-09T22:00:00Z', null],
    [
      'spaced two business days apart',
      { previous: [new Date('2026-12-09T22:30:00Z')] },
      '2026-12-10T15:00:00Z',
      'too_soon',
    ],
    [
      'at most twice',
      { previous: [new Date('2026-12-09T22:30:00Z'), new Date('2026-12-14T15:00:00Z')] },
      '2026-12-20T15:00:00Z',
      'limit_reached',
    ],
    ['never after the outcome arrived', { outcomeDelivered: true }, '2026-12-20T15:00:00Z', 'answered'],
    ['not without a promise', { promisedDueAt: null }, '2026-12-20T15:00:00Z', 'no_promise'],
  ])('%s', (_name, input, now, reason) => {
    const state = checkInState({ ...base, ...input, now: new Date(now) }, policy);
    expect(state.allowed ? null : state.reason).toBe(reason);
  });

  it('says when the check-in opens', () => {
    const state = checkInState({ ...base, now: new Date('2026-12-07T15:00:00Z') }, policy);
    expect(state).toEqual({
      allowed: false,
      reason: 'before_grace',
      opensAt: new Date('2026-12-09T22:00:00Z'),
    });
  });
});
