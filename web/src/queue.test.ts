import { describe, expect, it } from 'vitest';
import type { FollowUp } from './api.ts';
import { exportHrefOf, filtersFrom, groupQueue, queryOf, queueKeyOf, requestOf } from './queue.ts';

const NOW = Date.parse('2026-12-07T15:00:00Z');
const DAY = 86_400_000;

function fu(id: string, over: Partial<FollowUp>): FollowUp {
  return {
    id,
    applicationId: `app-${id}`,
    interviewId: null,
    kind: 'outcome',
    owedBy: 'team',
    owedTo: 'candidate',
    ownerId: 'm1',
    dueAt: new Date(NOW + DAY).toISOString(),
    promisedDueAt: null,
    status: 'open',
    overdue: false,
    doneAt: null,
    doneByTouchpointId: null,
    cancelReason: null,
    supersededById: null,
    escalationLevel: 0,
    breachedAt: null,
    remindedAt: null,
    updatesSent: 0,
    snoozedUntil: null,
    snoozeReason: null,
    createdAt: new Date(NOW - DAY).toISOString(),
    updatedAt: new Date(NOW - DAY).toISOString(),
    kept: false,
    state: 'upcoming',
    candidate: { id: `c-${id}`, name: id, timeZone: null },
    job: { id: 'job-1', title: 'Engineer' },
    interview: null,
    promiseStatement: null,
    owner: null,
    candidateTimeZone: 'UTC',
    decidedNotTold: false,
    dueWords: null,
    nextStep: null,
    nextAction: null,
    ...over,
  };
}

describe('queue filters in the URL', () => {
  it('round-trips every filter, and an empty query takes the role default', () => {
    const f = {
      owner: 'anyone',
      kind: 'outcome',
      jobId: 'job-9',
      overdueOnly: true,
      sort: 'escalated' as const,
    };
    expect(filtersFrom(queryOf(f), true)).toEqual(f);
    expect(filtersFrom('', true).owner).toBe('me');
    expect(filtersFrom('', false).owner).toBe('anyone');
    expect(filtersFrom('sort=nonsense', false).sort).toBe('due');
  });

  it('asks the API for what it can filter and names the member for "me"', () => {
    const f = filtersFrom('owner=me&kind=debrief&overdue=1&job=j', false);
    const q = new URLSearchParams(requestOf(f, 'member-7').split('?')[1]);
    expect(Object.fromEntries(q)).toEqual({
      status: 'open',
      limit: '200',
      ownerId: 'member-7',
      kind: 'debrief',
      overdue: 'true',
    });
    expect(requestOf(filtersFrom('owner=anyone', false), 'm')).not.toContain('ownerId');
    expect(exportHrefOf(f, 'member-7')).toBe(
      '/api/v1/exports/follow-ups.csv?status=open&ownerId=member-7&kind=debrief&overdue=true',
    );
  });
});

describe('groupQueue', () => {
  const items = [
    fu('later', { dueAt: new Date(NOW + 9 * DAY).toISOString() }),
    fu('week', { dueAt: new Date(NOW + 3 * DAY).toISOString() }),
    fu('late', { state: 'overdue', dueAt: new Date(NOW - DAY).toISOString() }),
    fu('today', { state: 'due_today', dueAt: new Date(NOW + 3_600_000).toISOString() }),
    fu('client', { owedBy: 'client' }),
    fu('other-job', { job: { id: 'job-2', title: 'Designer' }, escalationLevel: 2 }),
  ];
  const names = (f: Parameters<typeof groupQueue>[1]) =>
    Object.fromEntries(groupQueue(items, f, NOW).map((g) => [g.title, g.items.map((i) => i.id)]));

  it('bands what the team owes by urgency, soonest first, and what others owe apart', () => {
    expect(names(filtersFrom('', false))).toEqual({
      Overdue: ['late'],
      'Due today': ['today'],
      'This week': ['other-job', 'week'],
      Later: ['later'],
      'Waiting on others': ['client'],
    });
  });

  it('filters by job and sorts the most escalated first when asked', () => {
    expect(names(filtersFrom('job=job-2', false))['This week']).toEqual(['other-job']);
    expect(names(filtersFrom('job=job-1', false))['This week']).toEqual(['week']);
    const escalatedFirst = groupQueue([items[1]!, items[5]!], filtersFrom('sort=escalated', false), NOW);
    expect(escalatedFirst[2]!.items.map((i) => i.id)).toEqual(['other-job', 'week']);
  });
});

describe('queueKeyOf', () => {
  const press = (key: string, over: Partial<Parameters<typeof queueKeyOf>[0]> = {}) =>
    queueKeyOf({
      key,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      targetTag: 'DIV',
      targetEditable: false,
      ...over,
    });

  it.each([
    ['j', 'next'],
    ['ArrowDown', 'next'],
    ['k', 'previous'],
    ['o', 'open'],
    ['e', 'email'],
    ['c', 'call'],
    ['x', 'select'],
    ['?', 'help'],
    ['q', null],
  ])('%s → %s', (key, action) => {
    expect(press(key)).toBe(action);
  });

  it('leaves keys alone while a person types, with a modifier, and Enter on a control', () => {
    expect(press('j', { targetTag: 'INPUT' })).toBeNull();
    expect(press('j', { targetTag: 'TEXTAREA' })).toBeNull();
    expect(press('j', { targetEditable: true })).toBeNull();
    expect(press('k', { ctrlKey: true })).toBeNull();
    expect(press('Enter', { targetTag: 'A' })).toBeNull();
    expect(press('Enter', { targetTag: 'ARTICLE' })).toBe('open');
  });
});
