import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { closeInterview } from '../services/interview.service.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario } from '../../test/support/factories.ts';
import { buildApp } from './app.ts';

const identity = { from: { name: 'Acme', address: 'jobs@acme.test' }, domain: 'acme.test' };

/**
 * `POST /follow-ups/{id}/snooze` over HTTP: the snooze on the follow-up and in its events, the
 * candidate's promise as a hard limit (409 `snooze_past_promise` as a problem document), a reason
 * required, and another organization's follow-up not found.
 */
describe.each(backends)('snoozing a follow-up over HTTP on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  const clock = new ManualClock('2026-12-01T15:00:00Z'); // Tuesday

  beforeAll(async () => {
    db = await openTestDb(backend);
    app = await buildApp({ db, clock, identity });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('snoozes with a reason, shows it, and refuses a snooze past the promise', async () => {
    const deps = { db, clock, identity };
    const s = await buildInterviewScenario(deps);
    const mine = s.organization.id;
    await closeInterview(deps, mine, s.interview.id, { statement: 'You will hear from us by Friday.' });
    const call = async (method: 'GET' | 'POST', url: string, body?: object, token = s.apiToken) => {
      const r = await app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { authorization: `Bearer ${token}` },
        ...(body && { payload: body }),
      });
      return { status: r.statusCode, type: r.headers['content-type'], body: r.json<any>() };
    };
    const list = await call('GET', `/follow-ups?applicationId=${s.application.id}&kind=outcome&status=open`);
    const outcome = list.body.items[0];
    expect(outcome.snoozedUntil).toBeNull();
    const promisedAt = outcome.dueAt as string;

    const past = await call('POST', `/follow-ups/${outcome.id}/snooze`, {
      until: new Date(new Date(promisedAt).getTime() + 60_000).toISOString(),
      reason: 'Hiring manager on leave',
    });
    expect(past.status).toBe(409);
    expect(past.type).toMatch(/application\/problem\+json/);
    expect(past.body).toMatchObject({ code: 'snooze_past_promise', promisedAt });

    const noReason = await call('POST', `/follow-ups/${outcome.id}/snooze`, {
      until: '2026-12-03T15:00:00Z',
    });
    expect(noReason.status).toBe(400);
    const blankReason = await call('POST', `/follow-ups/${outcome.id}/snooze`, {
      until: '2026-12-03T15:00:00Z',
      reason: '   ',
    });
    expect(blankReason.status).toBe(400);

    const ok = await call('POST', `/follow-ups/${outcome.id}/snooze`, {
      until: '2026-12-03T15:00:00Z',
      reason: 'Hiring manager back from leave on Thursday',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      id: outcome.id,
      snoozedUntil: '2026-12-03T15:00:00.000Z',
      snoozeReason: 'Hiring manager back from leave on Thursday',
    });
    const again = await call('GET', `/follow-ups/${outcome.id}`);
    expect(again.body.snoozedUntil).toBe('2026-12-03T15:00:00.000Z');
    const events = await call('GET', `/applications/${s.application.id}/events`);
    expect(events.body.items).toContainEqual(
      expect.objectContaining({
        type: 'follow_up_snoozed',
        followUpId: outcome.id,
        data: expect.objectContaining({ reason: 'Hiring manager back from leave on Thursday' }),
      }),
    );

    // Another organization cannot snooze it, or learn it exists.
    const theirs = await buildInterviewScenario(deps);
    const foreign = await call(
      'POST',
      `/follow-ups/${outcome.id}/snooze`,
      { until: '2026-12-02T15:00:00Z', reason: 'Not mine' },
      theirs.apiToken,
    );
    expect(foreign.status).toBe(404);
  });
});
