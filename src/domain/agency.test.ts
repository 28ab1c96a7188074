import { describe, expect, it } from 'vitest';
import {
  canMoveSubmission,
  clientFeedbackDue,
  OWNED_LADDER_KINDS,
  ownedStepMessage,
  planOwnedLadder,
  stageAfterAnswer,
} from './agency.ts';
import { DEFAULT_CALENDAR } from './business-time.ts';

const ny = { ...DEFAULT_CALENDAR, timeZone: 'America/New_York' };

describe('canMoveSubmission', () => {
  it.each([
    ['submitted', 'client_reviewing', true],
    ['submitted', 'interviewing', true],
    ['interviewing', 'offered', true],
    ['offered', 'placed', true],
    ['interviewing', 'declined', true],
    ['submitted', 'withdrawn', true],
    ['interviewing', 'submitted', false],
    ['placed', 'declined', false],
    ['declined', 'interviewing', false],
    ['withdrawn', 'submitted', false],
    ['offered', 'offered', false],
  ] as const)('%s → %s: %s', (from, to, allowed) => {
    expect(canMoveSubmission(from, to)).toBe(allowed);
  });
});

describe('clientFeedbackDue', () => {
  const terms = { feedbackDaysAfterSubmission: 2, feedbackDaysAfterInterview: 1 };
  it('counts business days in the contact’s zone, to their close of business', () => {
    // Friday 15:00 in New York; two business days → Tuesday 17:00 New York.
    expect(clientFeedbackDue(new Date('2026-12-04T20:00:00Z'), 'submission', terms, ny).toISOString()).toBe(
      '2026-12-08T22:00:00.000Z',
    );
    expect(clientFeedbackDue(new Date('2026-12-04T20:00:00Z'), 'interview', terms, ny).toISOString()).toBe(
      '2026-12-07T22:00:00.000Z',
    );
  });
});

describe('stageAfterAnswer', () => {
  it('moves on an interview or a decline, and stays for more time', () => {
    expect(stageAfterAnswer('interview')).toBe('interviewing');
    expect(stageAfterAnswer('decline')).toBe('declined');
    expect(stageAfterAnswer('more_time')).toBeNull();
  });
});

describe('planOwnedLadder', () => {
  const due = new Date('2026-12-04T22:00:00Z'); // Friday 17:00 New York
  it('does nothing before the due time and looks again at it', () => {
    expect(planOwnedLadder('client_feedback', due, 0, ny, new Date('2026-12-04T21:00:00Z'))).toEqual({
      actions: [],
      stepsTaken: 0,
      nextActionAt: due,
    });
  });
  it('prompts at the due time, again two business days on, then escalates', () => {
    const at = (iso: string, steps: number) =>
      planOwnedLadder('client_feedback', due, steps, ny, new Date(iso));
    expect(at('2026-12-04T22:00:00Z', 0)).toEqual({
      actions: ['remind'],
      stepsTaken: 1,
      nextActionAt: new Date('2026-12-08T22:00:00Z'),
    });
    expect(at('2026-12-08T22:00:00Z', 1)).toMatchObject({ actions: ['remind'], stepsTaken: 2 });
    expect(at('2026-12-10T22:00:00Z', 2)).toEqual({
      actions: ['escalate'],
      stepsTaken: 3,
      nextActionAt: null,
    });
  });
  it('takes every step that came due at once after a long pause', () => {
    expect(planOwnedLadder('client_feedback', due, 0, ny, new Date('2027-01-04T12:00:00Z'))).toEqual({
      actions: ['remind', 'remind', 'escalate'],
      stepsTaken: 3,
      nextActionAt: null,
    });
  });
  it('has no ladder for outcomes (they keep their own) or kinds outside the table', () => {
    expect(OWNED_LADDER_KINDS).not.toContain('outcome');
    expect(planOwnedLadder('outcome', due, 0, ny, new Date('2027-01-04T12:00:00Z')).actions).toEqual([]);
    expect(planOwnedLadder('thank_you', due, 0, ny, new Date('2027-01-04T12:00:00Z')).actions).toEqual([]);
  });
});

describe('ownedStepMessage', () => {
  it('tells the owner the next action and the admin who was reminded', () => {
    const facts = {
      recipient: 'Rita',
      owner: 'Rita',
      about: 'Lee Park — Sales Lead',
      due: 'Fri 4 Dec, 17:00',
    };
    expect(ownedStepMessage('client_feedback', 'remind', facts).text).toMatch(/Nudge the client/);
    const escalation = ownedStepMessage('client_feedback', 'escalate', { ...facts, recipient: 'Ada' });
    expect(escalation.subject).toBe('Slipping: Lee Park — Sales Lead');
    expect(escalation.text).toMatch(/reminders to Rita/);
  });
});
