import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decidedDueTime,
  nextLadderAction,
  planLadder,
  reminderTime,
  type LadderState,
} from './follow-up-ladder.ts';
import { calendarOf, PolicySchema } from './policy.ts';

// New York, US holidays. Thursday 3 December 2026 17:00 EST = 22:00Z.
const policy = PolicySchema.parse({ timeZone: 'America/New_York', holidays: { country: 'US' } });
const due = new Date('2026-12-03T22:00:00Z');
const fresh: LadderState = {
  dueAt: due,
  createdAt: new Date('2026-11-30T15:00:00Z'),
  remindedAt: null,
  breachedAt: null,
  escalationLevel: 0,
  updatesSent: 0,
};
const at = (iso: string) => new Date(iso);

describe('planLadder', () => {
  it.each<[string, Partial<LadderState>, string, string[], string | null]>([
    ['nothing before the reminder', {}, '2026-12-01T15:00:00Z', [], '2026-12-02T14:00:00.000Z'],
    // One business day before Thursday is Wednesday; business opens 09:00 EST = 14:00Z.
    [
      'the owner is reminded the business day before',
      {},
      '2026-12-02T14:00:00Z',
      ['remind_owner'],
      '2026-12-03T22:00:00.000Z',
    ],
    [
      'only once',
      { remindedAt: at('2026-12-02T14:00:00Z') },
      '2026-12-02T16:00:00Z',
      [],
      '2026-12-03T22:00:00.000Z',
    ],
    [
      'at the due time: update the candidate and escalate to the hiring manager',
      { remindedAt: at('2026-12-02T14:00:00Z') },
      '2026-12-03T22:00:00Z',
      ['send_update', 'escalate:1:hiring_manager'],
      // admins two business days after the breach: Monday 7 December 17:00 EST
      '2026-12-07T22:00:00.000Z',
    ],
    [
      'after the update, the admins are next, counted from the first breach',
      {
        dueAt: at('2026-12-09T22:00:00Z'),
        breachedAt: due,
        escalationLevel: 1,
        updatesSent: 1,
        remindedAt: due,
      },
      '2026-12-07T22:00:00Z',
      ['escalate:2:admins'],
      '2026-12-09T22:00:00.000Z',
    ],
    [
      'the renewed promise breaking sends no second update (max 1) but starts the escalations again from its own breach',
      {
        dueAt: at('2026-12-09T22:00:00Z'),
        breachedAt: due,
        escalationLevel: 2,
        updatesSent: 1,
        remindedAt: due,
      },
      '2026-12-09T22:00:00Z',
      ['escalate:1:hiring_manager'],
      // admins two business days after the second breach: Friday 11 December 17:00 EST
      '2026-12-11T22:00:00.000Z',
    ],
    [
      'the second breach is taken once: after it, the admins are next',
      {
        dueAt: at('2026-12-09T22:00:00Z'),
        breachedAt: at('2026-12-09T22:00:00Z'),
        escalationLevel: 1,
        updatesSent: 1,
        remindedAt: due,
      },
      '2026-12-10T15:00:00Z',
      [],
      '2026-12-11T22:00:00.000Z',
    ],
    [
      'a sweep that ran late does everything due at once',
      {},
      '2026-12-08T12:00:00Z',
      ['send_update', 'escalate:1:hiring_manager', 'escalate:2:admins'],
      null,
    ],
  ])('%s', (_name, state, now, expected, next) => {
    const plan = planLadder({ ...fresh, ...state }, policy, at(now));
    expect(plan.actions.map((a) => (a.type === 'escalate' ? `escalate:${a.level}:${a.to}` : a.type))).toEqual(
      expected,
    );
    expect(plan.nextActionAt?.toISOString() ?? null).toBe(next);
  });

  it('records the renewed promise as the new breach, with the escalation level restarted', () => {
    const renewed = {
      ...fresh,
      dueAt: at('2026-12-09T22:00:00Z'),
      breachedAt: due,
      escalationLevel: 2,
      updatesSent: 1,
      remindedAt: due,
    };
    const plan = planLadder(renewed, policy, at('2026-12-09T22:00:00Z'));
    expect(plan.breachedAt).toEqual(at('2026-12-09T22:00:00Z'));
    expect(plan.escalationLevel).toBe(1);
    // Before it breaks, the first breach's ladder stands as it was.
    const before = planLadder(renewed, policy, at('2026-12-08T15:00:00Z'));
    expect(before).toMatchObject({ actions: [], breachedAt: due, escalationLevel: 2 });
  });

  it('promises a new date three business days out, skipping the weekend', () => {
    // Breach noticed Friday 4 December 10:00 EST: + 3 business days = Wednesday 9 December, 17:00.
    const plan = planLadder({ ...fresh, remindedAt: due }, policy, at('2026-12-04T15:00:00Z'));
    const update = plan.actions.find((a) => a.type === 'send_update');
    expect(update).toEqual({ type: 'send_update', newDueAt: at('2026-12-09T22:00:00Z') });
    expect(plan.breachedAt).toEqual(due);
  });

  it('honours a policy without reminders, updates or escalation', () => {
    const quiet = PolicySchema.parse({
      reminderLeadBusinessDays: 0,
      escalation: [],
      automaticUpdates: { max: 0, extendBusinessDays: 1 },
    });
    const plan = planLadder(fresh, quiet, at('2026-12-10T00:00:00Z'));
    expect(plan.actions).toEqual([]);
    expect(plan.nextActionAt).toBeNull();
    expect(reminderTime(fresh, quiet)).toBeNull();
  });

  it('reminds an hour after a promise shorter than the lead, and never at or after the due time', () => {
    const short = { ...fresh, createdAt: at('2026-12-03T15:00:00Z') }; // due the same day
    expect(reminderTime(short, policy)).toEqual(at('2026-12-03T16:00:00Z'));
    const tiny = { ...fresh, createdAt: at('2026-12-03T21:30:00Z') };
    expect(reminderTime(tiny, policy)).toBeNull();
  });

  it('never schedules the next look in the past, and always has one while the promise holds (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 * 24 }),
        fc.integer({ min: 1, max: 20 * 24 }),
        fc.integer({ min: -48, max: 30 * 24 }),
        fc.integer({ min: 0, max: 2 }),
        fc.boolean(),
        (createdH, dueAfterH, nowAfterDueH, level, reminded) => {
          const createdAt = new Date(Date.UTC(2026, 10, 1) + createdH * 3_600_000);
          const dueAt = new Date(createdAt.getTime() + dueAfterH * 3_600_000);
          const now = new Date(dueAt.getTime() + nowAfterDueH * 3_600_000);
          if (now < createdAt) return;
          const plan = planLadder(
            {
              dueAt,
              createdAt,
              remindedAt: reminded ? createdAt : null,
              breachedAt: null,
              escalationLevel: level,
              updatesSent: 0,
            },
            policy,
            now,
          );
          if (plan.nextActionAt) expect(plan.nextActionAt.getTime()).toBeGreaterThan(now.getTime());
          if (now < dueAt) expect(plan.nextActionAt).not.toBeNull();
          if (now >= dueAt) expect(plan.breachedAt).toEqual(dueAt);
        },
      ),
    );
  });
});

describe('nextLadderAction', () => {
  it.each<[string, Partial<LadderState>, string, string | null]>([
    [
      'a fresh promise: the reminder',
      {},
      '2026-12-01T15:00:00Z',
      'reminder owner 2026-12-02T14:00:00.000Z reminder_lead',
    ],
    [
      'reminded: the update when the due time passes',
      { remindedAt: at('2026-12-02T14:00:00Z') },
      '2026-12-02T16:00:00Z',
      'update candidate 2026-12-03T22:00:00.000Z promise_due',
    ],
    [
      'updated and escalated once: the admins next',
      {
        dueAt: at('2026-12-09T22:00:00Z'),
        breachedAt: due,
        escalationLevel: 1,
        updatesSent: 1,
        remindedAt: due,
      },
      '2026-12-04T15:00:00Z',
      'escalation admins 2026-12-07T22:00:00.000Z escalation_step',
    ],
    [
      'a step already due waits for the sweep',
      {},
      '2026-12-08T12:00:00Z',
      'update candidate 2026-12-03T22:00:00.000Z promise_due',
    ],
    [
      'a renewed promise past its time waits for the sweep to escalate again',
      {
        dueAt: at('2026-12-09T22:00:00Z'),
        breachedAt: due,
        escalationLevel: 2,
        updatesSent: 1,
        remindedAt: due,
      },
      '2026-12-09T23:00:00Z',
      'escalation hiring_manager 2026-12-09T22:00:00.000Z escalation_step',
    ],
    [
      'nothing more once the ladder is done',
      {
        dueAt: at('2026-12-09T22:00:00Z'),
        breachedAt: at('2026-12-09T22:00:00Z'),
        escalationLevel: 2,
        updatesSent: 1,
        remindedAt: due,
      },
      '2026-12-14T23:00:00Z',
      null,
    ],
  ])('%s', (_name, state, now, expected) => {
    const next = nextLadderAction({ ...fresh, ...state }, policy, at(now));
    expect(next && `${next.kind} ${next.to} ${next.at.toISOString()} ${next.because}`).toBe(expected);
  });

  it('names the renewed promise breaking as the next step once the first ladder is done', () => {
    const renewed = {
      ...fresh,
      dueAt: at('2026-12-09T22:00:00Z'),
      breachedAt: due,
      escalationLevel: 2,
      updatesSent: 1,
      remindedAt: due,
    };
    expect(nextLadderAction(renewed, policy, at('2026-12-08T15:00:00Z'))).toMatchObject({
      kind: 'escalation',
      at: at('2026-12-09T22:00:00Z'),
      detail: 'the renewed promise is broken',
      to: 'hiring_manager',
    });
  });

  it('says why in words', () => {
    expect(nextLadderAction(fresh, policy, at('2026-12-01T15:00:00Z'))?.detail).toBe(
      '1 business day before the due time',
    );
  });

  it('predicts what the ladder does at that time (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 * 24 }),
        fc.integer({ min: 1, max: 20 * 24 }),
        fc.integer({ min: -48, max: 30 * 24 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 1 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 10 * 24 }), { nil: null }),
        (createdH, dueAfterH, nowAfterDueH, level, updates, reminded, breachedBeforeDueH) => {
          const createdAt = new Date(Date.UTC(2026, 10, 1) + createdH * 3_600_000);
          const dueAt = new Date(createdAt.getTime() + dueAfterH * 3_600_000);
          const now = new Date(dueAt.getTime() + nowAfterDueH * 3_600_000);
          if (now < createdAt) return;
          const state: LadderState = {
            dueAt,
            createdAt,
            remindedAt: reminded ? createdAt : null,
            // A renewed promise carries the earlier breach.
            breachedAt:
              breachedBeforeDueH === null ? null : new Date(dueAt.getTime() - breachedBeforeDueH * 3_600_000),
            escalationLevel: level,
            updatesSent: updates,
          };
          const next = nextLadderAction(state, policy, now);
          if (!next) return;
          const when = next.at.getTime() > now.getTime() ? next.at : now;
          const kinds = planLadder(state, policy, when).actions.map((a) => a.type);
          expect(kinds).toContain(
            { reminder: 'remind_owner', update: 'send_update', escalation: 'escalate' }[next.kind],
          );
        },
      ),
    );
  });
});

describe('a decision pulls the promise forward', () => {
  const cal = calendarOf(policy);
  it.each<[string, string, string | null]>([
    // Monday 30 November, 10:00 EST: owed by the close of that day.
    ['decided in business hours', '2026-11-30T15:00:00Z', '2026-11-30T22:00:00.000Z'],
    // Monday 20:00 EST: the next slot is Tuesday 09:00, so by Tuesday's close.
    ['decided after hours', '2026-12-01T01:00:00Z', '2026-12-01T22:00:00.000Z'],
    // Thursday 10:00: the promise (Thursday 17:00) already comes by the close of today.
    ['decided on the promised day', '2026-12-03T15:00:00Z', null],
    // After the promise passed, a decision never pushes it back.
    ['decided after the promise', '2026-12-04T15:00:00Z', null],
  ])('%s', (_, now, expected) => {
    expect(decidedDueTime(due, at(now), cal)?.toISOString() ?? null).toBe(expected);
  });

  it("the candidate's zone decides the slot", () => {
    // Monday 20:00 in New York is 02:00 Tuesday in Berlin: their business day is Tuesday, closing 16:00Z.
    expect(decidedDueTime(due, at('2026-12-01T01:00:00Z'), { ...cal, timeZone: 'Europe/Berlin' })).toEqual(
      at('2026-12-01T16:00:00Z'),
    );
  });

  it('the ladder breaks the promise, and updates the candidate, only at what they were promised', () => {
    const pulled: LadderState = { ...fresh, dueAt: at('2026-11-30T22:00:00Z'), promisedDueAt: due };
    // Past the pulled-forward time, before the promise: nothing for the candidate, no breach.
    const plan = planLadder(
      { ...pulled, remindedAt: at('2026-11-30T16:00:00Z') },
      policy,
      at('2026-12-01T15:00:00Z'),
    );
    expect(plan).toEqual({ actions: [], breachedAt: null, escalationLevel: 0, nextActionAt: due });
    const broken = planLadder({ ...pulled, remindedAt: at('2026-11-30T16:00:00Z') }, policy, due);
    expect(broken.breachedAt).toEqual(due);
    expect(broken.actions.map((a) => a.type)).toContain('send_update');
  });
});
