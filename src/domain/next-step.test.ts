import { describe, expect, it } from 'vitest';
import { dueWords } from './due-words.ts';
import { nextStepOf, type StepFollowUp, type StepPeople } from './next-step.ts';
import { PolicySchema } from './policy.ts';

// New York, US holidays. Thursday 3 December 2026 17:00 EST = 22:00Z; business opens 09:00 = 14:00Z.
const policy = PolicySchema.parse({ timeZone: 'America/New_York', holidays: { country: 'US' } });
const at = (iso: string) => new Date(iso);
const outcome: StepFollowUp = {
  kind: 'outcome',
  owedTo: 'candidate',
  status: 'open',
  dueAt: at('2026-12-03T22:00:00Z'),
  createdAt: at('2026-11-30T15:00:00Z'),
  remindedAt: null,
  breachedAt: null,
  escalationLevel: 0,
  updatesSent: 0,
  ladderSteps: 0,
};
const people: StepPeople = {
  owner: { id: 'o', name: 'Dana Reyes', active: true },
  hiringManager: { id: 'h', name: 'Lee Park', active: true },
  recruiter: null,
  admins: [
    { id: 'a1', name: 'Ann Admin', active: true },
    { id: 'a2', name: 'Gone Admin', active: false },
  ],
  candidateName: 'Cara Diaz',
};

describe('nextStepOf', () => {
  it('before the due time: a reminder to the owner, by name, when business opens the day before', () => {
    expect(nextStepOf(outcome, policy, people, at('2026-12-01T15:00:00Z'))).toEqual({
      action: 'reminder',
      at: at('2026-12-02T14:00:00Z'),
      toRole: 'owner',
      to: 'Dana Reyes',
    });
  });

  it('reminded: the candidate hears an update at the due time, in their business hours', () => {
    const step = nextStepOf(
      { ...outcome, remindedAt: at('2026-12-02T14:00:00Z') },
      policy,
      people,
      at('2026-12-02T16:00:00Z'),
      'Europe/Berlin',
    );
    // 22:00Z is 23:00 in Berlin: the update waits for Friday 09:00 there (08:00Z).
    expect(step).toEqual({
      action: 'update',
      at: at('2026-12-04T08:00:00Z'),
      toRole: 'candidate',
      to: 'Cara Diaz',
    });
  });

  it('after the due time, updates used up: it escalates to the hiring manager by name', () => {
    const step = nextStepOf(
      { ...outcome, remindedAt: at('2026-12-02T14:00:00Z'), updatesSent: 1, breachedAt: outcome.dueAt },
      PolicySchema.parse({
        timeZone: 'America/New_York',
        automaticUpdates: { max: 1, extendBusinessDays: 3 },
        escalation: [{ afterBusinessDays: 2, to: 'hiring_manager' }],
      }),
      people,
      at('2026-12-04T15:00:00Z'),
    );
    expect(step).toMatchObject({ action: 'escalation', toRole: 'hiring_manager', to: 'Lee Park' });
    // Two business days after Thursday's breach is Monday's close of business; the team's mail
    // goes when business opens on Tuesday.
    expect(step?.at).toEqual(at('2026-12-08T14:00:00Z'));
  });

  it('an escalation to an unfilled role goes to the active admins', () => {
    const step = nextStepOf(
      { ...outcome, remindedAt: at('2026-12-02T14:00:00Z'), updatesSent: 9, breachedAt: outcome.dueAt },
      PolicySchema.parse({ escalation: [{ afterBusinessDays: 1, to: 'recruiter' }] }),
      people,
      at('2026-12-04T15:00:00Z'),
    );
    expect(step).toMatchObject({ action: 'escalation', toRole: 'admins', to: 'Ann Admin' });
  });

  it('a step already due goes at the next business opening, never in the past', () => {
    // Saturday 5 December: the overdue reminder of an owned ladder waits for Monday 09:00.
    const step = nextStepOf(
      { ...outcome, kind: 'debrief', owedTo: 'candidate', dueAt: at('2026-12-04T20:00:00Z') },
      policy,
      people,
      at('2026-12-05T15:00:00Z'),
    );
    expect(step).toEqual({
      action: 'reminder',
      at: at('2026-12-07T14:00:00Z'),
      toRole: 'owner',
      to: 'Dana Reyes',
    });
  });

  it("an owned ladder's last step escalates to the admins", () => {
    const step = nextStepOf(
      { ...outcome, kind: 'debrief', ladderSteps: 1 },
      policy,
      people,
      at('2026-12-01T15:00:00Z'),
    );
    expect(step).toMatchObject({ action: 'escalation', toRole: 'admins', to: 'Ann Admin' });
  });

  it.each([
    ['done', { status: 'done' as const }],
    ['cancelled', { status: 'cancelled' as const }],
    ['an owned ladder walked to its end', { kind: 'debrief' as const, ladderSteps: 2 }],
    ['a kind with no ladder', { kind: 'thank_you' as const, owedTo: 'team' as const }],
  ])('nothing when %s', (_, change) => {
    expect(nextStepOf({ ...outcome, ...change }, policy, people, at('2026-12-01T15:00:00Z'))).toBeNull();
  });

  it('a pulled-forward promise: the reminder follows the new due time, the update waits for the promise', () => {
    const pulled = { ...outcome, dueAt: at('2026-11-30T22:00:00Z'), promisedDueAt: outcome.dueAt };
    expect(nextStepOf(pulled, policy, people, at('2026-11-30T17:00:00Z'))).toMatchObject({
      action: 'reminder',
      toRole: 'owner',
      at: at('2026-11-30T17:00:00Z'),
    });
    expect(
      nextStepOf(
        { ...pulled, remindedAt: at('2026-11-30T17:00:00Z') },
        policy,
        people,
        at('2026-12-01T15:00:00Z'),
      ),
      // Thursday 17:00 is closing time in New York: the update goes when business opens on Friday.
    ).toMatchObject({ action: 'update', at: at('2026-12-04T14:00:00Z') });
  });
});

describe('dueWords', () => {
  const now = at('2026-12-01T12:00:00Z');
  it.each([
    ['2026-12-01T12:00:30Z', 'due now'],
    ['2026-12-01T12:45:00Z', 'due in 45 minutes'],
    ['2026-12-01T13:00:00Z', 'due in 1 hour'],
    ['2026-12-01T14:30:00Z', 'due in 2 hours'],
    ['2026-12-03T11:00:00Z', 'due in 47 hours'],
    ['2026-12-04T12:00:00Z', 'due in 3 days'],
    ['2026-12-01T11:59:00Z', '1 minute late'],
    ['2026-12-01T09:00:00Z', '3 hours late'],
    ['2026-11-28T12:00:00Z', '3 days late'],
  ])('%s → %s', (due, words) => {
    expect(dueWords(at(due), now)).toBe(words);
  });
});
