import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { DEFAULT_POLICY } from '../domain/policy.ts';
import { createApiToken } from '../services/organization.service.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario, buildMember } from '../../test/support/factories.ts';
import { buildApp } from './app.ts';

const identity = { from: { name: 'Acme', address: 'jobs@acme.test' }, domain: 'acme.test' };

/** One API shape (issue #12.5): who acts, what lists and PUT/PATCH look like, dates, and why a time is a time. */
describe.each(backends)('the API shape on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  const clock = new ManualClock('2026-12-01T15:00:00Z'); // Tuesday, 10:00 in New York

  beforeAll(async () => {
    db = await openTestDb(backend);
    app = await buildApp({ db, clock, identity });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const as =
    (token: string) =>
    async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) => {
      const res = await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(body !== undefined && { payload: body as object }),
      });
      return { status: res.statusCode, body: res.body ? res.json<any>() : null };
    };

  async function scenario() {
    const deps = { db, clock, identity };
    const s = await buildInterviewScenario(deps, {
      policy: { timeZone: 'America/New_York', holidays: { country: 'US' } },
    });
    const org = s.organization.id;
    const tokenOf = async (memberId: string, scopes: ('*' | 'read' | 'write')[] = ['*']) =>
      (await createApiToken(deps, org, { name: 'x', scopes }, { memberId })).token;
    return { ...s, org, api: as(s.apiToken), tokenOf };
  }

  it('records the authenticated member as the actor, and refuses a body that names one', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const s = await scenario();
    const manager = as(await s.tokenOf(s.manager.id));
    const refused = await manager('POST', `/api/v1/applications/${s.application.id}/decisions`, {
      outcome: 'reject',
      decidedBy: s.recruiter.id,
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'validation_failed' });
    const decided = await manager('POST', `/api/v1/applications/${s.application.id}/decisions`, {
      outcome: 'reject',
      reasons: ['We need deeper enterprise experience'],
    });
    expect(decided.status).toBe(201);
    expect(decided.body.decision.decidedBy).toBe(s.manager.id);

    const feedback = await manager('POST', `/api/v1/interviews/${s.interview.id}/feedback`, {
      recommendation: 'no',
    });
    expect(feedback.body).toMatchObject({ interviewerId: s.manager.id });
    const notTheirs = await as(await s.tokenOf(s.recruiter.id))(
      'POST',
      `/api/v1/interviews/${s.interview.id}/feedback`,
      { recommendation: 'yes' },
    );
    expect(notTheirs).toMatchObject({ status: 403, body: { code: 'forbidden' } });

    const recruiterToken = await s.tokenOf(s.recruiter.id);
    const recruiter = as(recruiterToken);
    const call = await recruiter('POST', '/api/v1/touchpoints', {
      applicationId: s.application.id,
      channel: 'phone',
      kind: 'note',
      fromParty: 'team',
      toParty: 'candidate',
      connected: false,
    });
    expect(call.body.touchpoint.memberId).toBe(s.recruiter.id);

    // The audit log names the member, and the token they used.
    const audit = await s.api('GET', '/api/v1/audit?action=decisions_read');
    expect(audit.body.items).toEqual([]);
    await recruiter('GET', `/api/v1/applications/${s.application.id}/decisions`);
    const read = await s.api('GET', '/api/v1/audit?action=decisions_read');
    expect(read.body.items[0]).toMatchObject({ actorType: 'member', actorId: s.recruiter.id });
    expect(read.body.items[0].apiTokenId).toEqual(expect.any(String));

    // Closing an interview, calling off a follow-up and recording a withdrawal name who did it.
    const closed = await recruiter('POST', `/api/v1/interviews/${s.interview.id}/close`, {
      statement: 'We will decide by Friday.',
    });
    expect(closed.status).toBe(200);
    const cancelled = await recruiter('POST', `/api/v1/follow-ups/${closed.body.followUp.id}/cancel`, {
      reason: 'The role was put on hold',
    });
    expect(cancelled.status).toBe(200);
    const withdrawn = await recruiter('PATCH', `/api/v1/applications/${s.application.id}`, {
      status: 'withdrawn',
    });
    expect(withdrawn.status).toBe(200);
    for (const [action, targetId] of [
      ['interview_closed', s.interview.id],
      ['follow_up_cancelled', closed.body.followUp.id],
      ['application_withdrawn', s.application.id],
    ] as const) {
      const entries = (await s.api('GET', `/api/v1/audit?action=${action}`)).body.items;
      expect(entries, action).toHaveLength(1);
      expect(entries[0], action).toMatchObject({ actorType: 'member', actorId: s.recruiter.id, targetId });
    }
  });

  it("lets a token do only what its scopes and its member's role both allow, and ends it with the member", async () => {
    const s = await scenario();
    const interviewer = await buildMember({ db, clock }, s.org, { role: 'interviewer' });
    const everything = as(await s.tokenOf(interviewer.id, ['*']));
    // Scope '*' on an interviewer: still no decisions, no audit log.
    expect(
      (await everything('POST', `/api/v1/applications/${s.application.id}/decisions`, { outcome: 'hold' }))
        .status,
    ).toBe(403);
    expect((await everything('GET', '/api/v1/audit')).status).toBe(403);
    expect((await everything('GET', '/api/v1/jobs')).status).toBe(200);
    // An admin's read token cannot write.
    const read = as(await s.tokenOf(s.admin.id, ['read']));
    expect((await read('POST', '/api/v1/jobs', { title: 'Nope' })).status).toBe(403);
    expect((await read('GET', '/api/v1/audit')).status).toBe(403);
    expect((await s.api('PATCH', `/api/v1/members/${interviewer.id}`, { active: false })).status).toBe(200);
    expect((await everything('GET', '/api/v1/jobs')).status).toBe(401);
  });

  it('replaces with PUT (every field required) and merges with PATCH', async () => {
    const s = await scenario();
    const before = (await s.api('GET', '/api/v1/policy')).body;
    expect(before).toMatchObject({ timeZone: 'America/New_York', holidays: { country: 'US' } });
    const empty = await s.api('PUT', '/api/v1/policy', {});
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.timeZone', 'body.holidays']),
    );
    expect((await s.api('GET', '/api/v1/policy')).body).toEqual(before); // nothing reset
    const patched = await s.api('PATCH', '/api/v1/policy', { undoWindowMinutes: 3 });
    expect(patched.body).toEqual({ ...before, undoWindowMinutes: 3 });
    const crossField = await s.api('PATCH', '/api/v1/policy', {
      businessHours: { start: '18:00', end: '09:00' },
    });
    expect(crossField.status).toBe(400);
    const replaced = await s.api('PUT', '/api/v1/policy', { ...DEFAULT_POLICY, timeZone: 'Europe/Berlin' });
    expect(replaced.body).toEqual({ ...DEFAULT_POLICY, timeZone: 'Europe/Berlin' });
  });

  it('sets finalStage and the agency recruiter when the application is created', async () => {
    const s = await scenario();
    const candidate = await s.api('POST', '/api/v1/candidates', { name: 'Noor', email: 'noor@example.com' });
    const created = await s.api('POST', '/api/v1/applications', {
      jobId: s.job.id,
      candidateId: candidate.body.id,
      finalStage: true,
      agencyRecruiter: { name: 'Ari Agent', email: 'ari@agency.test' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ finalStage: true, agencyRecruiter: { name: 'Ari Agent' } });
  });

  it('takes plain dates, read in the organization’s time zone, and refuses impossible ones', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const s = await scenario();
    const report = await s.api('GET', '/api/v1/reports/follow-ups?from=2026-11-01&to=2026-11-30');
    expect(report.status).toBe(200);
    expect(report.body).toEqual({ items: expect.any(Array), nextCursor: null });
    // A due date means the close of that business day: Friday 17:00 in New York.
    const fu = await s.api('POST', '/api/v1/follow-ups', {
      applicationId: s.application.id,
      kind: 'debrief',
      owedBy: 'recruiter',
      owedTo: 'candidate',
      dueAt: '2026-12-04',
    });
    expect(fu.status).toBe(201);
    // Owed by our side and nobody named: the actor owns it.
    expect(fu.body).toMatchObject({ dueAt: '2026-12-04T22:00:00.000Z', ownerId: s.admin.id });
    // dueBefore a date: before the start of that day in New York (05:00Z).
    const before = (d: string) => s.api('GET', `/api/v1/follow-ups?dueBefore=${d}`);
    expect((await before('2026-12-04')).body.items).toEqual([]);
    expect((await before('2026-12-05')).body.items.map((f: { id: string }) => f.id)).toContain(fu.body.id);
    for (const bad of ['2026-02-30', '0000-01-01', '9999-12-31', '2026-12-01T15:00:00', 'soon']) {
      const res = await before(bad);
      expect([bad, res.status, res.body.code]).toEqual([bad, 400, 'validation_failed']);
    }
  });

  it('refuses a promise dated beyond the years Hearback tracks, naming the statement', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const s = await scenario();
    for (const statement of ['We will decide by 31 December 9999.', 'You will hear from us by 1 Jan 9001.']) {
      const res = await s.api('POST', `/api/v1/interviews/${s.interview.id}/close`, { statement });
      expect([statement, res.status, res.body.code, res.body.field]).toEqual([
        statement,
        400,
        'validation_failed',
        'statement',
      ]);
    }
    // Nothing was closed by the refusals: a keepable promise still closes it.
    const kept = await s.api('POST', `/api/v1/interviews/${s.interview.id}/close`, {
      statement: 'We will decide by Friday.',
    });
    expect(kept.status).toBe(200);
  });

  it('says why a message goes when it does', async () => {
    clock.set('2026-12-01T21:55:00Z'); // 16:55 in New York
    const s = await scenario();
    await s.api('POST', `/api/v1/applications/${s.application.id}/decisions`, {
      outcome: 'advance',
    });
    const draft = async () =>
      (
        await s.api('POST', `/api/v1/applications/${s.application.id}/messages`, {
          nextSteps: 'a final interview with the team',
          timeline: 'within two weeks',
        })
      ).body;
    const send = async (body?: object) => {
      const res = await s.api('POST', `/api/v1/messages/${(await draft()).id}/send`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.message;
    };
    // 16:55 + a 10-minute undo window is after hours: the next morning, in the candidate's hours.
    expect(await send()).toMatchObject({
      scheduledFor: '2026-12-02T14:00:00.000Z',
      scheduledBecause: 'candidate_business_hours',
    });
    clock.set('2026-12-02T15:00:00Z');
    expect(await send()).toMatchObject({
      scheduledFor: '2026-12-02T15:10:00.000Z',
      scheduledBecause: 'undo_window',
    });
    expect(await send({ sendAt: '2026-12-03T16:00:00Z' })).toMatchObject({
      scheduledFor: '2026-12-03T16:00:00.000Z',
      scheduledBecause: 'requested_time',
    });
    // A plain date: the start of that day, then the first business hour.
    expect(await send({ sendAt: '2026-12-04' })).toMatchObject({
      scheduledFor: '2026-12-04T14:00:00.000Z',
      scheduledBecause: 'candidate_business_hours',
    });
    await s.api('PATCH', `/api/v1/applications/${s.application.id}`, { finalStage: true });
    const phone = await s.api('POST', `/api/v1/messages/${(await draft()).id}/send`);
    expect(phone.body.message).toMatchObject({ scheduledBecause: 'phone_first_wait' });
    expect(phone.body.callScript).not.toBeNull();
  });

  it('says what a follow-up’s next automatic step is, when and why', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const s = await scenario();
    const closed = await s.api('POST', `/api/v1/interviews/${s.interview.id}/close`, {
      statement: 'within 3 business days',
    });
    const view = await s.api('GET', `/api/v1/follow-ups/${closed.body.followUp.id}`);
    // Due Friday 17:00 in New York; the owner is reminded Thursday at 09:00.
    expect(view.body.nextAction).toEqual({
      kind: 'reminder',
      at: '2026-12-03T14:00:00.000Z',
      because: 'reminder_lead',
      detail: '1 business day before the due time',
      to: 'owner',
    });
    // Past the due time, nobody told the candidate: an honest update is next (waiting for the sweep).
    clock.set('2026-12-04T23:00:00Z');
    const later = await s.api(
      'GET',
      `/api/v1/follow-ups?applicationId=${s.application.id}&status=open&kind=outcome`,
    );
    expect(later.body.items[0].nextAction).toMatchObject({
      kind: 'update',
      because: 'promise_due',
      to: 'candidate',
    });
  });

  it('pages every list, sub-lists included', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const s = await scenario();
    for (let i = 0; i < 3; i++) {
      clock.advance(60_000);
      await s.api('POST', '/api/v1/interviews', { applicationId: s.application.id, title: `Round ${i}` });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await s.api(
        'GET',
        `/api/v1/applications/${s.application.id}/interviews?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((x) => x.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
    const templates = await s.api('GET', '/api/v1/templates?limit=3');
    expect(templates.body.items).toHaveLength(3);
    const rest = await s.api('GET', `/api/v1/templates?limit=200&cursor=${templates.body.nextCursor}`);
    expect(rest.body.nextCursor).toBeNull();
    expect(rest.body.items.length).toBeGreaterThan(0);
    // A keyset cursor is not a position, and the other way round.
    const keyset = Buffer.from(
      '["2026-12-01T00:00:00.000Z","3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b"]',
    ).toString('base64url');
    const forged = await s.api('GET', `/api/v1/templates?cursor=${keyset}`);
    expect(forged.body.code).toBe('invalid_cursor');
  });

  it('refuses a body where none is taken, and anything but JSON', async () => {
    const s = await scenario();
    const get = await app.inject({
      method: 'GET',
      url: '/api/v1/jobs',
      headers: { authorization: `Bearer ${s.apiToken}`, 'content-type': 'application/json' },
      payload: '{"x":1}',
    });
    expect(get.statusCode).toBe(400);
    expect(get.json()).toMatchObject({ code: 'body_not_allowed' });
    const text = await app.inject({
      method: 'POST',
      url: '/api/v1/jobs',
      headers: { authorization: `Bearer ${s.apiToken}`, 'content-type': 'text/plain' },
      payload: 'a job',
    });
    expect(text.json()).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    const form = await app.inject({
      method: 'POST',
      url: '/api/v1/jobs',
      headers: { authorization: `Bearer ${s.apiToken}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'title=A+job',
    });
    expect(form.json()).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    expect((await s.api('GET', '/api/v1/organization?x=1')).body).toMatchObject({
      code: 'validation_failed',
    });
    expect((await s.api('POST', '/api/v1/candidates', { name: 'Nul\u0000l' })).body).toMatchObject({
      status: 400,
      code: 'validation_failed',
    });
    // With and without the built web app, whose static wildcard catches what the router skips.
    const webDir = mkdtempSync(join(tmpdir(), 'hearback-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Hearback</title>');
    const withWeb = await buildApp({ db, clock, identity, webDir });
    try {
      for (const server of [app, withWeb]) {
        const long = await server.inject({
          method: 'GET',
          url: `/api/v1/jobs/${'x'.repeat(200)}`,
          headers: { authorization: `Bearer ${s.apiToken}` },
        });
        expect(long.json()).toMatchObject({ status: 414, code: 'uri_too_long' });
      }
    } finally {
      await withWeb.close();
      rmSync(webDir, { recursive: true, force: true });
    }
  });
});
