import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agencyFigures,
  answeredNudges,
  groupFacts,
  median,
  placementStanding,
  share,
  type AgencyReportFacts,
} from './agency-report.ts';

const at = (iso: string) => new Date(iso);
const none: AgencyReportFacts = { feedback: [], nudges: [], answers: [], submissions: [], placements: [] };
const NOW = at('2026-06-30T12:00:00Z');

describe('median', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1], 2],
    [[9, 1, 5], 5],
    [[4, 1, 3, 2], 2.5],
  ])('median(%j) = %j', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('lies between the smallest and the largest value, and does not reorder its input', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1 }), (values) => {
        const copy = [...values];
        const m = median(values)!;
        expect(m).toBeGreaterThanOrEqual(Math.min(...values));
        expect(m).toBeLessThanOrEqual(Math.max(...values));
        expect(values).toEqual(copy);
      }),
    );
  });
});

describe('share', () => {
  it.each([
    [0, 0, null],
    [0, 4, 0],
    [1, 3, 0.333],
    [2, 3, 0.667],
    [4, 4, 1],
  ])('share(%i, %i) = %j', (part, whole, expected) => {
    expect(share(part, whole)).toBe(expected);
  });
});

describe('answeredNudges', () => {
  const nudge = (submissionId: string, sentAt: string) => ({
    groupKey: 'c',
    submissionId,
    sentAt: at(sentAt),
  });

  it('credits an answer to the last nudge before it, not to earlier ones', () => {
    const n1 = nudge('s1', '2026-06-01T10:00:00Z');
    const n2 = nudge('s1', '2026-06-03T10:00:00Z');
    const answered = answeredNudges(
      [n1, n2],
      [{ submissionId: 's1', answeredAt: at('2026-06-04T09:00:00Z') }],
    );
    expect(answered).toEqual([n2]);
  });

  it('does not count an answer that came before the nudge, or on another submission', () => {
    const n = nudge('s1', '2026-06-05T10:00:00Z');
    expect(
      answeredNudges(
        [n],
        [
          { submissionId: 's1', answeredAt: at('2026-06-04T09:00:00Z') },
          { submissionId: 's2', answeredAt: at('2026-06-06T09:00:00Z') },
        ],
      ),
    ).toEqual([]);
  });

  it('counts each nudge answered between it and the next', () => {
    const n1 = nudge('s1', '2026-06-01T10:00:00Z');
    const n2 = nudge('s1', '2026-06-03T10:00:00Z');
    const answered = answeredNudges(
      [n2, n1],
      [
        { submissionId: 's1', answeredAt: at('2026-06-02T10:00:00Z') },
        { submissionId: 's1', answeredAt: at('2026-06-08T10:00:00Z') },
      ],
    );
    expect(answered).toHaveLength(2);
  });

  it('is empty with no nudges', () => {
    expect(answeredNudges([], [{ submissionId: 's1', answeredAt: NOW }])).toEqual([]);
  });
});

describe('placementStanding', () => {
  const start = at('2026-03-01T00:00:00Z');
  it.each([
    ['inside the guarantee', 90, null, at('2026-04-01T00:00:00Z'), 'in_guarantee'],
    ['past the guarantee', 30, null, at('2026-04-01T00:00:00Z'), 'kept'],
    ['left inside the guarantee', 90, at('2026-03-20T00:00:00Z'), at('2026-06-30T00:00:00Z'), 'fell_through'],
    ['left after the guarantee ended', 10, at('2026-03-20T00:00:00Z'), at('2026-06-30T00:00:00Z'), 'kept'],
  ] as const)('%s', (_, guaranteeDays, fellThroughAt, now, expected) => {
    expect(placementStanding({ groupKey: 'c', startAt: start, guaranteeDays, fellThroughAt }, now)).toBe(
      expected,
    );
  });
});

describe('agencyFigures', () => {
  it('is all zeros and nulls for no facts', () => {
    const f = agencyFigures(none, NOW);
    expect(f.submissions).toBe(0);
    expect(f.interviewRate).toBeNull();
    expect(f.placementRate).toBeNull();
    expect(f.medianHoursToFeedback).toBeNull();
    expect(f.withinDeadlineRate).toBeNull();
    expect(f.nudgesAnsweredRate).toBeNull();
  });

  it('works out responsiveness: median hours, the share within the deadline, the ones waiting past it', () => {
    const f = agencyFigures(
      {
        ...none,
        feedback: [
          // answered in 24 h, within its deadline
          {
            groupKey: 'c',
            openedAt: at('2026-06-01T12:00:00Z'),
            dueAt: at('2026-06-03T21:00:00Z'),
            answeredAt: at('2026-06-02T12:00:00Z'),
          },
          // answered in 72 h, late
          {
            groupKey: 'c',
            openedAt: at('2026-06-08T12:00:00Z'),
            dueAt: at('2026-06-10T21:00:00Z'),
            answeredAt: at('2026-06-11T12:00:00Z'),
          },
          // unanswered and past its deadline: it counts against the share
          {
            groupKey: 'c',
            openedAt: at('2026-06-20T12:00:00Z'),
            dueAt: at('2026-06-23T21:00:00Z'),
            answeredAt: null,
          },
          // unanswered, not yet due: it counts nowhere but in what is owed
          {
            groupKey: 'c',
            openedAt: at('2026-06-30T10:00:00Z'),
            dueAt: at('2026-07-02T21:00:00Z'),
            answeredAt: null,
          },
        ],
      },
      NOW,
    );
    expect(f.feedbackOwed).toBe(4);
    expect(f.feedbackAnswered).toBe(2);
    expect(f.medianHoursToFeedback).toBe(48);
    expect(f.answeredWithinDeadline).toBe(1);
    expect(f.withinDeadlineRate).toBe(0.333);
    expect(f.waitingPastDeadline).toBe(1);
  });

  it('works out the funnel and the guarantee', () => {
    const s = (interviewed: boolean, offered: boolean, placed: boolean) => ({
      groupKey: 'c',
      interviewed,
      offered,
      placed,
    });
    const f = agencyFigures(
      {
        ...none,
        submissions: [
          s(false, false, false),
          s(false, false, false),
          s(true, false, false),
          s(true, true, true),
        ],
        placements: [
          { groupKey: 'c', startAt: at('2026-01-01T00:00:00Z'), guaranteeDays: 90, fellThroughAt: null },
          { groupKey: 'c', startAt: at('2026-06-01T00:00:00Z'), guaranteeDays: 90, fellThroughAt: null },
        ],
      },
      NOW,
    );
    expect([f.submissions, f.interviewed, f.offered, f.placed]).toEqual([4, 2, 1, 1]);
    expect(f.interviewRate).toBe(0.5);
    expect(f.placementRate).toBe(0.5);
    expect([f.placementsKept, f.placementsInGuarantee, f.placementsFellThrough]).toEqual([1, 1, 0]);
  });

  it('never counts more answered or within the deadline than is owed', () => {
    const fact = fc.record({
      openedAt: fc.date({
        min: at('2026-01-01T00:00:00Z'),
        max: at('2026-06-01T00:00:00Z'),
        noInvalidDate: true,
      }),
      dueHours: fc.integer({ min: 0, max: 500 }),
      answerHours: fc.option(fc.integer({ min: 0, max: 1000 })),
    });
    fc.assert(
      fc.property(fc.array(fact), (raw) => {
        const feedback = raw.map((r) => ({
          groupKey: 'c',
          openedAt: r.openedAt,
          dueAt: new Date(r.openedAt.getTime() + r.dueHours * 3_600_000),
          answeredAt:
            r.answerHours === null ? null : new Date(r.openedAt.getTime() + r.answerHours * 3_600_000),
        }));
        const f = agencyFigures({ ...none, feedback }, NOW);
        expect(f.answeredWithinDeadline).toBeLessThanOrEqual(f.feedbackAnswered);
        expect(f.feedbackAnswered + f.waitingPastDeadline).toBeLessThanOrEqual(f.feedbackOwed);
        if (f.withinDeadlineRate !== null) {
          expect(f.withinDeadlineRate).toBeGreaterThanOrEqual(0);
          expect(f.withinDeadlineRate).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('groupFacts', () => {
  it('splits facts by group in the given order, leaving out groups with nothing', () => {
    const groups = groupFacts(
      {
        ...none,
        submissions: [
          { groupKey: 'b', interviewed: false, offered: false, placed: false },
          { groupKey: 'a', interviewed: true, offered: false, placed: false },
        ],
        nudges: [{ groupKey: 'b', submissionId: 's', sentAt: NOW }],
      },
      ['a', 'x', 'b'],
    );
    expect([...groups.keys()]).toEqual(['a', 'b']);
    expect(groups.get('b')!.submissions).toHaveLength(1);
    expect(groups.get('b')!.nudges).toHaveLength(1);
  });
});
