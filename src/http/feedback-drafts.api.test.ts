import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { withViewer, type Db } from '../db/db.ts';
import { eraseCandidateData } from '../repositories/candidate-page.repository.ts';
import { closeInterview, createInterview } from '../services/interview.service.ts';
import { createApiToken } from '../services/organization.service.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario, buildMember } from '../../test/support/factories.ts';
import { buildApp } from './app.ts';

/**
 * Scorecard drafts over HTTP: a draft is its author's alone — not in the interview's feedback, the
 * timeline or the organization export, and it settles no scorecard owed — the author's form
 * loads it, and submitting it makes it the next version and settles the scorecard.
 */
describe.each(backends)('scorecard drafts on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  const clock = new ManualClock('2026-12-01T15:00:00Z'); // Tuesday

  beforeAll(async () => {
    db = await openTestDb(backend);
    app = await buildApp({ db, clock });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  async function call(token: string, method: 'GET' | 'POST' | 'PUT', url: string, body?: object) {
    const res = await app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { authorization: `Bearer ${token}` },
      ...(body && { payload: body }),
    });
    return { status: res.statusCode, text: res.body, body: res.json<Record<string, any>>() };
  }

  async function scenario() {
    const deps = { db, clock };
    // The scorecard owed is tracked once the policy sets its time.
    const s = await buildInterviewScenario(deps, { policy: { feedbackDueBusinessDays: 1 } });
    const org = s.organization.id;
    const ivan = await buildMember(deps, org, { role: 'interviewer', name: 'Ivan Interviewer' });
    const panel = await createInterview(deps, org, {
      applicationId: s.application.id,
      title: 'Onsite',
      endsAt: new Date('2026-12-01T14:00:00Z'),
      interviewerIds: [ivan.id],
    });
    await closeInterview(deps, org, panel.id, { statement: 'by Monday' });
    const tokenOf = async (memberId: string, scopes: ('*' | 'read' | 'write')[] = ['read', 'write']) =>
      (await createApiToken(deps, org, { name: 't', scopes }, { memberId })).token;
    const owed = async () =>
      (
        await db.query<{ status: string }>(
          `SELECT status FROM follow_ups WHERE org_id = $1 AND kind = 'feedback_due' AND owner_id = $2`,
          [org, ivan.id],
        )
      ).map((r) => r.status);
    return {
      s,
      org,
      ivan,
      panel,
      owed,
      iv: await tokenOf(ivan.id),
      hm: await tokenOf(s.manager.id),
      admin: await tokenOf(s.admin.id, ['*']),
      recruiter: await tokenOf(s.recruiter.id),
    };
  }

  it('keeps a draft for its author alone, loads it, and submits it as the next version', async () => {
    const { s, ivan, panel, owed, iv, hm, admin } = await scenario();
    const base = `/interviews/${panel.id}/feedback`;
    const words = 'Half-way notes: sharp on the system design, unsure about the rollout.';

    expect(await owed()).toEqual(['open']);
    const saved = await call(iv, 'PUT', `${base}/draft`, {
      recommendation: null,
      notes: words,
      baseVersion: 0,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ recommendation: null, notes: words, baseVersion: 0, ratings: {} });

    // The author's form opens with it.
    const mine = await call(iv, 'GET', `${base}/mine`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ draft: { notes: words }, submitted: null });

    // Saving the draft again replaces it: one draft per author.
    clock.advance(60_000);
    const again = await call(iv, 'PUT', `${base}/draft`, {
      recommendation: 'yes',
      ratings: { communication: 4 },
      notes: `${words} Rollout is fine after all.`,
      baseVersion: 0,
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(saved.body.id);

    // Nobody else sees it, and it is not feedback given: nothing settled, nothing listed.
    expect(await owed()).toEqual(['open']);
    for (const token of [hm, admin]) {
      const list = await call(token, 'GET', base);
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([]);
      expect((await call(token, 'GET', `${base}/mine`)).body).toEqual({ draft: null, submitted: null });
      const timeline = await call(token, 'GET', `/applications/${s.application.id}/events?limit=200`);
      expect(timeline.text).not.toContain('Rollout');
      expect(timeline.body.items.map((e: { type: string }) => e.type)).not.toContain('feedback_submitted');
    }
    const exported = await app.inject({
      method: 'GET',
      url: '/api/v1/exports/organization.json',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.body).not.toContain('Rollout');
    // Row-level security itself: as the hiring manager or an admin the row is not there; as its author it is.
    const count = (memberId: string, role: 'admin' | 'hiring_manager' | 'interviewer') =>
      withViewer({ orgId: s.organization.id, memberId, role, apiTokenId: null }, () =>
        db.tenant(s.organization.id).query<{ n: number }>(`SELECT count(*)::int AS n FROM feedback_drafts`),
      );
    expect((await count(s.manager.id, 'hiring_manager'))[0]!.n).toBe(0);
    expect((await count(s.admin.id, 'admin'))[0]!.n).toBe(0);
    expect((await count(ivan.id, 'interviewer'))[0]!.n).toBe(1);

    // Submitting it: the next version, visible to the team, the draft gone, the scorecard settled.
    clock.advance(60_000);
    const submitted = await call(iv, 'POST', base, {
      recommendation: 'yes',
      ratings: { communication: 4 },
      notes: `${words} Rollout is fine after all.`,
      baseVersion: 0,
    });
    expect(submitted.status).toBe(201);
    expect(submitted.body.version).toBe(1);
    expect(await owed()).toEqual(['done']);
    expect((await call(iv, 'GET', `${base}/mine`)).body).toMatchObject({
      draft: null,
      submitted: { version: 1, notes: `${words} Rollout is fine after all.` },
    });
    const seen = await call(hm, 'GET', base);
    expect(seen.body.items.map((f: { notes: string }) => f.notes)).toEqual([
      `${words} Rollout is fine after all.`,
    ]);

    // A new draft over version 1 is again the author's alone; the team keeps reading version 1.
    const next = await call(iv, 'PUT', `${base}/draft`, {
      recommendation: 'strong_yes',
      notes: 'Second thoughts, not ready to share.',
      baseVersion: 1,
    });
    expect(next.status).toBe(200);
    expect((await call(hm, 'GET', base)).text).not.toContain('Second thoughts');
    expect((await call(iv, 'GET', `${base}/mine`)).body).toMatchObject({
      draft: { notes: 'Second thoughts, not ready to share.', baseVersion: 1 },
      submitted: { version: 1 },
    });
  });

  it('refuses a draft over an unseen version, a draft by someone who did not interview, and a draft without its fields', async () => {
    const { panel, iv, recruiter } = await scenario();
    const base = `/interviews/${panel.id}/feedback`;
    expect((await call(iv, 'POST', base, { recommendation: 'no', baseVersion: 0 })).status).toBe(201);

    // A form loaded before version 1 was submitted (in another tab) cannot save its draft unseen.
    const stale = await call(iv, 'PUT', `${base}/draft`, {
      recommendation: null,
      notes: 'Old tab',
      baseVersion: 0,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'conflict', currentVersion: 1 });

    const notTheirs = await call(recruiter, 'PUT', `${base}/draft`, {
      recommendation: null,
      notes: 'Not my interview',
      baseVersion: 0,
    });
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body.code).toBe('forbidden');

    // PUT replaces: the notes and the base are required.
    const partial = await call(iv, 'PUT', `${base}/draft`, { recommendation: null });
    expect(partial.status).toBe(400);
  });

  it("erases a candidate's drafts with the candidate", async () => {
    const { s, org, panel, iv } = await scenario();
    const draft = await call(iv, 'PUT', `/interviews/${panel.id}/feedback/draft`, {
      recommendation: null,
      notes: 'Notes about the candidate, never submitted.',
      baseVersion: 0,
    });
    expect(draft.status).toBe(200);
    // Erasure acts for no member (the candidate, or the worker), so it reaches every draft.
    await db.tenant(org).transaction((tx) => eraseCandidateData(tx, org, s.candidate.id, clock.now()));
    const left = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM feedback_drafts WHERE org_id = $1`,
      [org],
    );
    expect(left[0]!.n).toBe(0);
  });
});
