import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, type BusinessCalendar } from './business-time.ts';
import { checkCandidateNote } from './candidate-etiquette.ts';
import {
  clientFeedbackDueAfterInterview,
  debriefDue,
  draftNudge,
  suggestThankYou,
  type DebriefPoints,
  type NudgeNews,
} from './debrief.ts';
import { checkMessage, hasBlockingFindings } from './message-check/index.ts';

const berlin: BusinessCalendar = { ...DEFAULT_CALENDAR, timeZone: 'Europe/Berlin', holidays: null };

describe('clientFeedbackDueAfterInterview', () => {
  const terms = new Date('2026-12-02T17:00:00Z');
  it.each([
    [
      'an explicit date replaces the terms, even later',
      'explicit',
      '2026-12-09T17:00:00Z',
      '2026-12-09T17:00:00Z',
    ],
    [
      'a parsed promise earlier than the terms wins',
      'parsed',
      '2026-12-01T17:00:00Z',
      '2026-12-01T17:00:00Z',
    ],
    [
      'a parsed promise later than the terms does not',
      'parsed',
      '2026-12-04T17:00:00Z',
      '2026-12-02T17:00:00Z',
    ],
    ['a vague promise leaves the terms', 'policy_default', '2026-12-01T17:00:00Z', '2026-12-02T17:00:00Z'],
  ] as const)('%s', (_name, resolution, promised, expected) => {
    expect(
      clientFeedbackDueAfterInterview({ dueAt: new Date(promised), resolution }, terms).toISOString(),
    ).toBe(new Date(expected).toISOString());
  });
});

describe('debriefDue', () => {
  it('is the close of the candidate’s business day of the interview, in their zone', () => {
    // 10:00 in Berlin on Monday 30 November: due 17:00 Berlin (16:00 UTC) that day.
    expect(debriefDue(new Date('2026-11-30T09:00:00Z'), berlin).toISOString()).toBe(
      '2026-11-30T16:00:00.000Z',
    );
  });
  it('moves to the next business day when the interview ended after the close', () => {
    // 18:30 Berlin on Friday 4 December: due Monday 7 December, 17:00 Berlin.
    expect(debriefDue(new Date('2026-12-04T17:30:00Z'), berlin).toISOString()).toBe(
      '2026-12-07T16:00:00.000Z',
    );
  });
});

const points: DebriefPoints = {
  impressions: 'The walk through their route-planning system. The team seemed sharp.',
  surprises: 'More travel than the ad said',
  interestLevel: 5,
  nextSteps: 'Second round with the COO',
  questionsForClient: 'How the on-call rota works',
  availability: '',
};

describe('suggestThankYou', () => {
  const base = {
    candidateName: 'Sam Rivera',
    interviewers: ['Aiko Tanaka', 'Ben Ode'],
    jobTitle: 'Ops Lead',
    clientName: 'Kumo',
  };
  it('uses the debrief’s points and passes the candidate-note check', () => {
    const s = suggestThankYou({ ...base, points });
    expect(s.text).toContain('Dear Aiko Tanaka and Ben Ode,');
    expect(s.text).toContain('I especially valued the walk through their route-planning system.');
    expect(s.text).toContain('how the on-call rota works');
    expect(s.text).toContain('very interested');
    expect(checkCandidateNote(s.text!, 200).findings).toEqual([]);
  });
  it('does not overstate a doubtful candidate’s interest', () => {
    const s = suggestThankYou({ ...base, points: { ...points, interestLevel: 3 } });
    expect(s.text).not.toContain('very interested');
    expect(s.advice).toMatch(/doubts/);
  });
  it('suggests no note for a candidate who is no longer interested', () => {
    expect(suggestThankYou({ ...base, points: { ...points, interestLevel: 1 } }).text).toBeNull();
  });
});

describe('draftNudge', () => {
  const none: NudgeNews = {
    contactName: 'Aiko Tanaka',
    candidateName: 'Sam Rivera',
    jobTitle: 'Ops Lead',
    otherProcesses: [],
    mayMentionOtherProcesses: false,
    debrief: null,
    newCandidates: 0,
    facts: [],
  };
  it('drafts nothing when nothing is new, and says what could be added', () => {
    const d = draftNudge(none);
    expect(d.text).toBeNull();
    expect(d.couldAdd.length).toBeGreaterThanOrEqual(3);
  });
  it('carries the debrief’s news, and the draft passes the nudge check', () => {
    const d = draftNudge({
      ...none,
      debrief: {
        interestLevel: 5,
        questionsForClient: 'How the on-call rota works',
        availability: 'Free Tuesdays',
      },
    });
    expect(d.text).toContain('very keen (5 of 5)');
    expect(d.text).toContain('How the on-call rota works');
    expect(d.text).toContain('Free Tuesdays');
    expect(hasBlockingFindings(checkMessage('nudge', d.text!))).toBe(false);
  });
  it('mentions other processes only with the candidate’s say-so, never the other company', () => {
    const others = [
      { kind: 'interview' as const, at: new Date('2026-12-01T10:00:00Z') },
      { kind: 'offer' as const, at: new Date('2026-12-02T10:00:00Z') },
    ];
    const without = draftNudge({ ...none, otherProcesses: others });
    expect(without.text).toBeNull();
    expect(without.couldAdd[0]).toMatch(/whether you may mention/);
    const withConsent = draftNudge({ ...none, otherProcesses: others, mayMentionOtherProcesses: true });
    expect(withConsent.text).toContain('another offer');
    expect(withConsent.text).toContain('also interviewing elsewhere');
    expect(hasBlockingFindings(checkMessage('nudge', withConsent.text!))).toBe(false);
  });
  it('carries new candidates and the recruiter’s facts, each draft passing the check', () => {
    for (const n of [
      { ...none, newCandidates: 2 },
      { ...none, facts: ['Market salary data for the role is attached.'] },
    ]) {
      const d = draftNudge(n);
      expect(d.text).not.toBeNull();
      expect(hasBlockingFindings(checkMessage('nudge', d.text!))).toBe(false);
    }
  });
});
