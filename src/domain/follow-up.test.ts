import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHANNELS,
  FOLLOW_UP_KINDS,
  followUpState,
  isKept,
  isOverdue,
  PARTIES,
  refuseClose,
  TOUCHPOINT_KINDS,
  touchpointReached,
  type FollowUpFacts,
  type TouchpointFacts,
} from './follow-up.ts';

const due = new Date('2026-12-04T17:00:00Z');
const outcome: FollowUpFacts = {
  kind: 'outcome',
  owedBy: 'team',
  owedTo: 'candidate',
  status: 'open',
  dueAt: due,
  doneAt: null,
  createdAt: new Date('2026-12-01T10:00:00Z'),
};
const call: TouchpointFacts = {
  kind: 'outcome',
  channel: 'phone',
  fromParty: 'team',
  toParty: 'candidate',
  connected: true,
  occurredAt: new Date('2026-12-03T15:00:00Z'),
};

describe('refuseClose', () => {
  it.each<[string, Partial<TouchpointFacts>, Partial<FollowUpFacts>, ReturnType<typeof refuseClose>]>([
    ['a connected outcome call closes the outcome', {}, {}, null],
    ['a voicemail does not', { connected: false }, {}, 'did_not_reach'],
    [
      'a meeting that did not happen does not',
      { channel: 'in_person', connected: false },
      {},
      'did_not_reach',
    ],
    ['an in-person conversation does', { channel: 'in_person' }, {}, null],
    ['an outcome email does', { channel: 'email', connected: false }, {}, null],
    ['the candidate calling us does not', { fromParty: 'candidate', toParty: 'team' }, {}, 'wrong_parties'],
    ['a call about something else does not', { kind: 'debrief' }, {}, 'wrong_kind'],
    ['a note does not', { kind: 'note' }, {}, 'wrong_kind'],
    [
      'a contact from before the promise was made does not',
      { occurredAt: new Date('2026-11-30T10:00:00Z') },
      {},
      'predates_follow_up',
    ],
    ['a done follow-up cannot be closed again', {}, { status: 'done', doneAt: due }, 'not_open'],
    ['a cancelled one neither', {}, { status: 'cancelled' }, 'not_open'],
    ['delivering the outcome answers an owed update', {}, { kind: 'update' }, null],
    ['an update does not deliver the outcome', { kind: 'update' }, {}, 'wrong_kind'],
    [
      'a candidate thank-you closes the thank-you they owe',
      { kind: 'thank_you', channel: 'email', fromParty: 'candidate', toParty: 'team' },
      { kind: 'thank_you', owedBy: 'candidate', owedTo: 'team' },
      null,
    ],
  ])('%s', (_name, tp, fu, expected) => {
    expect(refuseClose({ ...outcome, ...fu }, { ...call, ...tp })).toBe(expected);
  });

  it('never closes without reaching the other party (property)', () => {
    const tpArb = fc.record({
      kind: fc.constantFrom(...TOUCHPOINT_KINDS),
      channel: fc.constantFrom(...CHANNELS),
      fromParty: fc.constantFrom(...PARTIES),
      toParty: fc.constantFrom(...PARTIES),
      connected: fc.boolean(),
      occurredAt: fc.constant(due),
    });
    const fuArb = fc.record({
      kind: fc.constantFrom(...FOLLOW_UP_KINDS),
      owedBy: fc.constantFrom(...PARTIES),
      owedTo: fc.constantFrom(...PARTIES),
      status: fc.constantFrom('open' as const, 'done' as const, 'cancelled' as const),
      dueAt: fc.constant(due),
      doneAt: fc.constant(null),
      createdAt: fc.constant(due),
    });
    fc.assert(
      fc.property(fuArb, tpArb, (fu, tp) => {
        if (refuseClose(fu, tp) === null) {
          expect(touchpointReached(tp)).toBe(true);
          expect(fu.status).toBe('open');
          expect([tp.fromParty, tp.toParty]).toEqual([fu.owedBy, fu.owedTo]);
        }
      }),
    );
  });
});

describe('derived state', () => {
  const now = new Date('2026-12-04T12:00:00Z');
  const endOfToday = new Date('2026-12-04T23:59:59Z');

  it.each<[string, Partial<FollowUpFacts>, ReturnType<typeof followUpState>]>([
    ['open, due later today', {}, 'due_today'],
    ['open, due tomorrow', { dueAt: new Date('2026-12-05T09:00:00Z') }, 'upcoming'],
    ['open, due this morning', { dueAt: new Date('2026-12-04T09:00:00Z') }, 'overdue'],
    ['done on time', { status: 'done', doneAt: new Date('2026-12-04T16:00:00Z') }, 'kept'],
    ['done exactly at the due time', { status: 'done', doneAt: due }, 'kept'],
    ['done a second late', { status: 'done', doneAt: new Date(due.getTime() + 1000) }, 'late'],
    ['cancelled', { status: 'cancelled' }, 'cancelled'],
  ])('%s', (_name, fu, expected) => {
    expect(followUpState({ ...outcome, ...fu }, now, endOfToday)).toBe(expected);
  });

  it('kept and overdue are exclusive', () => {
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), fc.date({ noInvalidDate: true }), (dueAt, at) => {
        const open = { status: 'open' as const, dueAt, doneAt: null };
        const done = { status: 'done' as const, dueAt, doneAt: at };
        expect(isKept(open)).toBe(false);
        expect(isOverdue(done, at)).toBe(false);
      }),
    );
  });
});
