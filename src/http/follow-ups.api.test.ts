import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { closeInterview } from '../services/interview.service.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario } from '../../test/support/factories.ts';
import { buildApp } from './app.ts';

const identity = { from: { name: 'Acme', address: 'jobs@acme.test' }, domain: 'acme.test' };

/** Issue 13: the queue states its truth — decided but not told, due in words, the next step by name. */
describe.each(backends)('the follow-up queue API on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  // Monday 30 November 2026, 10:00 UTC (the default policy: UTC, 09:00–17:00).
  const clock = new ManualClock('2026-11-30T10:00:00Z');

  beforeAll(async () => {
    db = await openTestDb(backend);
    app = await buildApp({ db, clock, identity, devMailbox: true });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('lists an open outcome with its owner, dueWords and nextStep, and flags it decided-not-told after a decision', async () => {
    const deps = { db, clock };
    const s = await buildInterviewScenario(deps, { interviewEndsAt: clock.now() });
    await closeInterview(deps, s.organization.id, s.interview.id, {
      statement: "We'll let you know by Friday.",
      dueAt: new Date('2026-12-04T17:00:00Z'),
    });
    const api = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
      const res = await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${s.apiToken}` },
        ...(body !== undefined && { payload: body as object }),
      });
      return { status: res.statusCode, body: res.json<any>() };
    };
    const list = async () => {
      const res = await api(
        'GET',
        `/api/v1/follow-ups?status=open&kind=outcome&applicationId=${s.application.id}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      return res.body.items[0];
    };

    const before = await list();
    expect(before).toMatchObject({
      kind: 'outcome',
      dueAt: '2026-12-04T17:00:00.000Z',
      promisedDueAt: null,
      decidedNotTold: false,
      dueWords: 'due in 4 days',
      owner: { id: s.recruiter.id, name: 'Riley Recruiter' },
      candidateTimeZone: 'UTC',
      // One business day before Friday, when business opens: Thursday 09:00.
      nextStep: {
        action: 'reminder',
        at: '2026-12-03T09:00:00.000Z',
        toRole: 'owner',
        to: 'Riley Recruiter',
      },
    });

    clock.advance(60 * 60_000);
    const decided = await api('POST', `/api/v1/applications/${s.application.id}/decisions`, {
      outcome: 'reject',
      reasons: ['We need deeper enterprise experience'],
    });
    expect(decided.status).toBe(201);
    expect(decided.body.outcomeFollowUp).toMatchObject({
      dueAt: '2026-11-30T17:00:00.000Z',
      promisedDueAt: '2026-12-04T17:00:00.000Z',
    });

    const after = await list();
    expect(after).toMatchObject({
      decidedNotTold: true,
      dueAt: '2026-11-30T17:00:00.000Z',
      promisedDueAt: '2026-12-04T17:00:00.000Z',
      dueWords: 'due in 6 hours',
      state: 'due_today',
      nextStep: { action: 'reminder', at: '2026-11-30T11:00:00.000Z', to: 'Riley Recruiter' },
    });
    // The same view answers for one follow-up.
    const one = await api('GET', `/api/v1/follow-ups/${after.id}`);
    expect(one.body).toMatchObject({ decidedNotTold: true, nextStep: after.nextStep });
  });
});
