import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { csrfTokenFor } from '../services/auth.service.ts';
import { createStatusLink } from '../services/candidate-page.service.ts';
import { getCandidate } from '../services/candidate.service.ts';
import { recordDecision } from '../services/decision.service.ts';
import { listFollowUpsPage } from '../services/follow-up.service.ts';
import { closeInterview } from '../services/interview.service.ts';
import {
  expirePoolConsents,
  getPoolCandidate,
  inviteToPool,
  matchPoolCandidate,
  searchTalentPool,
} from '../services/talent-pool.service.ts';
import { logTouchpoint } from '../services/touchpoint.service.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario, buildJob } from '../../test/support/factories.ts';
import { buildApp } from './app.ts';

const PUBLIC = 'https://hire.acme.test';
const identity = { from: { name: 'Acme Hiring', address: 'jobs@acme.test' }, domain: 'acme.test' };

describe.each(backends)('the talent pool on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  const clock = new ManualClock('2026-12-01T15:00:00Z');
  const deps = () => ({ db, clock, identity, publicUrl: PUBLIC });

  beforeAll(async () => {
    db = await openTestDb(backend);
    app = await buildApp({ db, clock, publicUrl: PUBLIC, identity });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  /** A rejected runner-up, invited to stay in touch, with their page open. */
  async function invitedRunnerUp(tags: string[]) {
    const s = await buildInterviewScenario(deps());
    const org = s.organization.id;
    await closeInterview(deps(), org, s.interview.id, { statement: 'within 3 business days' });
    await recordDecision(
      deps(),
      org,
      s.application.id,
      {
        outcome: 'reject',
        reasons: ['Another finalist had more enterprise experience'],
      },
      { memberId: s.manager.id },
    );
    await inviteToPool(deps(), org, s.recruiter.id, s.application.id, {
      offer: 'sales roles in London',
      tags,
    });
    const url = await db
      .tenant(org)
      .transaction((tx) => createStatusLink(tx, PUBLIC, org, s.application.id, clock.now()));
    const open = await app.inject({
      method: 'GET',
      url: url.slice(PUBLIC.length),
      remoteAddress: '10.9.0.1',
    });
    const cookie = open.cookies.find((c) => c.name === 'hb_candidate')!.value;
    const post = (action: string, form: string) =>
      app.inject({
        method: 'POST',
        url: `/s/${action}`,
        cookies: { hb_candidate: cookie },
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `csrf=${csrfTokenFor(cookie)}${form}`,
      });
    const page = () => app.inject({ method: 'GET', url: '/s', cookies: { hb_candidate: cookie } });
    return { s, org, post, page };
  }

  it('a rejected candidate opts in on their page, is found by tag, and is matched to a new job in one action', async () => {
    const { s, org, post, page } = await invitedRunnerUp(['sales', 'London']);
    expect((await page()).body).toContain('The team would like to keep in touch about sales roles in London');
    // Nothing is searchable before they say yes.
    expect((await searchTalentPool(deps(), org, { tags: ['sales'], limit: 10 })).items).toEqual([]);
    const joined = await post(
      'pool-join',
      `&text=${encodeURIComponent('Enterprise sales, hybrid')}&months=6`,
    );
    expect(joined.statusCode, joined.body).toBe(303);
    expect((await page()).body).toContain("You are in the team's talent pool until");

    const found = await searchTalentPool(deps(), org, { tags: ['london'], limit: 10 });
    expect(found.items.map((m) => m.candidate.name)).toEqual([s.candidate.name]);
    expect(found.items[0]).toMatchObject({
      interests: 'Enterprise sales, hybrid',
      consentMonths: 6,
      tags: ['sales', 'london'],
    });
    expect((await searchTalentPool(deps(), org, { tags: ['engineering'], limit: 10 })).items).toEqual([]);
    expect((await searchTalentPool(deps(), org, { q: 'hybrid', limit: 10 })).items).toHaveLength(1);

    const detail = await getPoolCandidate(deps(), org, s.candidate.id);
    expect(detail.applications[0]!.interviews.map((i) => i.title)).toEqual(['Panel']);

    // A stay-in-touch follow-up at the team's cadence; keeping in touch schedules the next one.
    const owed = await listFollowUpsPage(deps(), org, { status: 'open', kind: 'stay_in_touch', limit: 10 });
    expect(owed.items).toHaveLength(1);
    expect(owed.items[0]!.ownerId).toBe(s.recruiter.id);
    clock.advance(90 * 86_400_000);
    await logTouchpoint(
      deps(),
      org,
      {
        applicationId: s.application.id,
        channel: 'email',
        kind: 'stay_in_touch',
        fromParty: 'team',
        toParty: 'candidate',
      },
      { memberId: s.recruiter.id },
    );
    const next = await listFollowUpsPage(deps(), org, { status: 'open', kind: 'stay_in_touch', limit: 10 });
    expect(next.items).toHaveLength(0); // 6 months of consent: the next contact would fall after it
    clock.set('2026-12-01T15:00:00Z');

    const newJob = await buildJob(deps(), org, {
      title: 'Senior Account Executive',
      recruiterId: s.recruiter.id,
    });
    const application = await matchPoolCandidate(deps(), org, s.recruiter.id, s.candidate.id, newJob.id);
    expect(application).toMatchObject({
      jobId: newJob.id,
      candidateId: s.candidate.id,
      status: 'active',
      stage: 'talent_pool',
    });
  });

  it('declining leaves them out; consent expiry removes them and erases per the policy', async () => {
    const declined = await invitedRunnerUp(['sales']);
    expect((await declined.post('pool-decline', '')).statusCode).toBe(303);
    expect((await declined.page()).body).toContain('You chose not to stay in touch');
    expect((await searchTalentPool(deps(), declined.org, { tags: ['sales'], limit: 10 })).items).toEqual([]);
    await expect(
      matchPoolCandidate(deps(), declined.org, null, declined.s.candidate.id, declined.s.job.id),
    ).rejects.toMatchObject({ code: 'invalid_state' });

    const joined = await invitedRunnerUp(['sales']);
    await joined.post('pool-join', '&months=1');
    clock.advance(31 * 86_400_000);
    expect(await expirePoolConsents(deps())).toBeGreaterThanOrEqual(1);
    expect((await searchTalentPool(deps(), joined.org, { tags: ['sales'], limit: 10 })).items).toEqual([]);
    // The default policy erases someone with nothing else open.
    expect(await getCandidate(deps(), joined.org, joined.s.candidate.id)).toMatchObject({
      name: 'Erased candidate',
      email: null,
    });
    clock.set('2026-12-01T15:00:00Z');
  });
});
