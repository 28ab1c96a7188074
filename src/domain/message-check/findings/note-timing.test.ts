import { describe, expect, it } from 'vitest';
import { buildContext } from '../context.ts';
import { findFlood } from './flood.ts';
import { findLateThankYou } from './late-thank-you.ts';

const ended = new Date('2026-03-04T15:00:00Z');

// Prompt (a thank-you within 48 hours) and no flood (the policy's check-in cap).
describe('findLateThankYou', () => {
  it.each([
    ['2026-03-05T15:00:00Z', []],
    ['2026-03-06T15:00:00Z', []],
    ['2026-03-06T15:01:00Z', ['late_thank_you']],
  ])('written at %s → %j', (at, codes) => {
    const ctx = buildContext('thank_you', 'Thanks!', { interviewEndedAt: ended, writtenAt: new Date(at) });
    expect(findLateThankYou(ctx).map((f) => f.code)).toEqual(codes);
  });
  it('needs both times', () => expect(findLateThankYou(buildContext('thank_you', 'Thanks!'))).toEqual([]));
});

describe('findFlood', () => {
  it.each([
    [0, []],
    [1, []],
    [2, ['flood']],
  ])('after %i check-ins (cap 2) → %j', (previousCheckIns, codes) => {
    const ctx = buildContext('check_in', 'Any news?', { previousCheckIns, maxCheckIns: 2 });
    expect(findFlood(ctx).map((f) => f.code)).toEqual(codes);
  });
});
