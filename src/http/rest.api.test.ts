import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildOrganization } from '../../test/support/factories.ts';
import { buildApp } from './app.ts';

describe.each(backends)('REST API on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  const clock = new ManualClock('2026-12-01T15:00:00Z'); // Tuesday
  const deps = () => ({ db, clock });

  beforeAll(async () => {
    db = await openTestDb(backend);
    app = await buildApp(deps());
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  /** A client bound to one organization's token. */
  function client(token: string) {
    const call = async (
      method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
      url: string,
      body?: unknown,
      headers = {},
    ) => {
      const res = await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}`, ...headers },
        ...(body !== undefined && { payload: body as object }),
      });
      return {
        status: res.statusCode,
        body: res.body ? res.json<Record<string, any>>() : null,
        headers: res.headers,
      };
    };
    return call;
  }

  async function newOrg(policy = {}) {
    const { organization, apiToken } = await buildOrganization(deps(), { policy });
    return { orgId: organization.id, api: client(apiToken) };
  }

  it('runs the whole journey: job → candidate → application → interview → promise → kept call', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const { api } = await newOrg({ timeZone: 'America/New_York', holidays: { country: 'US' } });
    const recruiter = await api('POST', '/api/v1/members', {
      email: 'riley@acme.test',
      name: 'Riley',
      role: 'recruiter',
    });
    expect(recruiter.status).toBe(201);
    const job = await api('POST', '/api/v1/jobs', {
      title: 'Account Executive',
      roleKind: 'sales',
      recruiterId: recruiter.body!.id,
    });
    expect(job.status).toBe(201);
    const candidate = await api('POST', '/api/v1/candidates', {
      name: 'Priya Raman',
      email: 'priya@example.com',
    });
    expect(candidate.status).toBe(201);
    const application = await api('POST', '/api/v1/applications', {
      jobId: job.body!.id,
      candidateId: candidate.body!.id,
    });
    expect(application.status).toBe(201);
    const interview = await api('POST', '/api/v1/interviews', {
      applicationId: application.body!.id,
      title: 'Panel',
      endsAt: '2026-12-01T15:00:00Z',
      interviewerIds: [recruiter.body!.id],
    });
    expect(interview.status).toBe(201);

    const closed = await api('POST', `/api/v1/interviews/${interview.body!.id}/close`, {
      statement: 'We will get back to you within three business days.',
    });
    expect(closed.status).toBe(200);
    // Tuesday 10:00 in New York + 3 business days = Friday, end of business (17:00 EST = 22:00Z).
    expect(closed.body!.promise).toMatchObject({
      dueDate: '2026-12-04',
      dueAt: '2026-12-04T22:00:00.000Z',
      resolution: 'parsed',
      ownerId: recruiter.body!.id,
    });
    const followUpId = closed.body!.followUp.id as string;

    const open = await api(
      'GET',
      `/api/v1/follow-ups?status=open&kind=outcome&ownerId=${recruiter.body!.id}`,
    );
    expect(open.body!.items).toHaveLength(1);
    expect(open.body!.items[0]).toMatchObject({
      id: followUpId,
      kind: 'outcome',
      dueAt: '2026-12-04T22:00:00.000Z',
      overdue: false,
      candidate: { name: 'Priya Raman' },
      job: { title: 'Account Executive' },
      promiseStatement: 'We will get back to you within three business days.',
    });

    clock.set('2026-12-03T18:00:00Z');
    const decision = await api('POST', `/api/v1/applications/${application.body!.id}/decisions`, {
      outcome: 'advance',
    });
    expect(decision.status).toBe(201);
    const reached = {
      applicationId: application.body!.id,
      channel: 'phone',
      kind: 'outcome',
      fromParty: 'team',
      toParty: 'candidate',
      connected: true,
    };
    // "Reached" alone does not close the promise: the call records the decision and what was said.
    const bare = await api('POST', '/api/v1/touchpoints', reached);
    expect(bare.status).toBe(400);
    const call = await api('POST', '/api/v1/touchpoints', {
      ...reached,
      decisionId: decision.body!.decision.id,
      summary: 'Offered the next round; she accepted.',
    });
    expect(call.status).toBe(201);
    expect(call.body!.writtenNote).toEqual({ status: 'none' });
    expect(call.body!.closedFollowUps.map((f: { id: string }) => f.id)).toEqual([followUpId]);
    const done = await api('GET', `/api/v1/follow-ups/${followUpId}`);
    expect(done.body).toMatchObject({ status: 'done', kept: true, doneAt: '2026-12-03T18:00:00.000Z' });

    const timeline = await api('GET', `/api/v1/applications/${application.body!.id}/timeline`);
    expect(timeline.status).toBe(200);
    expect(timeline.body!.events.map((e: { type: string }) => e.type)).toContain('follow_up_done');
  });

  it('lists an overdue follow-up with ?overdue=true', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const { api } = await newOrg();
    const m = await api('POST', '/api/v1/members', {
      email: 'm@acme.test',
      name: 'M',
      role: 'hiring_manager',
    });
    const job = await api('POST', '/api/v1/jobs', {
      title: 'Engineer',
      roleKind: 'technical',
      hiringManagerId: m.body!.id,
    });
    const c = await api('POST', '/api/v1/candidates', { name: 'Lena' });
    const a = await api('POST', '/api/v1/applications', { jobId: job.body!.id, candidateId: c.body!.id });
    const i = await api('POST', '/api/v1/interviews', { applicationId: a.body!.id });
    const closed = await api('POST', `/api/v1/interviews/${i.body!.id}/close`, {
      statement: "We'll be in touch",
    });
    expect(closed.body!.promise).toMatchObject({
      resolution: 'policy_default',
      warnings: ['vague'],
      ownerId: m.body!.id,
    });
    expect((await api('GET', '/api/v1/follow-ups?overdue=true')).body!.items).toEqual([]);
    clock.set('2026-12-10T09:00:00Z');
    const overdue = await api('GET', '/api/v1/follow-ups?overdue=true&kind=outcome');
    expect(overdue.body!.items.map((f: { id: string }) => f.id)).toEqual([closed.body!.followUp.id]);
    const dueBefore = await api('GET', '/api/v1/follow-ups?dueBefore=2026-12-01T00:00:00Z');
    expect(dueBefore.body!.items).toEqual([]);
  });

  it('answers bad input with problem+json and a stable code, never a 500', async () => {
    const { api } = await newOrg();
    const cases: [Awaited<ReturnType<typeof api>>, number, string][] = [
      [
        await api('POST', '/api/v1/jobs', { title: 'X', roleKind: 'sales', extra: 1 }),
        400,
        'validation_failed',
      ],
      [await api('POST', '/api/v1/jobs', { title: 42 }), 400, 'validation_failed'],
      [await api('POST', '/api/v1/jobs', { title: '' }), 400, 'validation_failed'],
      [await api('GET', '/api/v1/jobs/not-a-uuid'), 400, 'validation_failed'],
      [await api('GET', '/api/v1/jobs?limit=0'), 400, 'validation_failed'],
      [await api('GET', '/api/v1/jobs?color=red'), 400, 'validation_failed'],
      [await api('GET', '/api/v1/jobs?cursor=garbage'), 400, 'invalid_cursor'],
      [await api('GET', '/api/v1/follow-ups?overdue=yes'), 400, 'validation_failed'],
      [await api('GET', `/api/v1/jobs/${crypto.randomUUID()}`), 404, 'not_found'],
      [await api('GET', '/api/v1/nothing-here'), 404, 'not_found'],
      [
        await api('POST', '/api/v1/applications', {
          jobId: crypto.randomUUID(),
          candidateId: crypto.randomUUID(),
        }),
        422,
        'invalid_reference',
      ],
      [
        await api('POST', '/api/v1/candidates', { name: 'A', timeZone: 'Mars/Olympus' }),
        400,
        'validation_failed',
      ],
      [await api('PUT', '/api/v1/policy', { workingDays: [] }), 400, 'validation_failed'],
      [
        await api('PUT', '/api/v1/policy', { businessHours: { start: '18:00', end: '09:00' } }),
        400,
        'validation_failed',
      ],
      [
        await api('POST', '/api/v1/promises/resolve', { text: 'soon', at: 'tomorrow', timeZone: 'UTC' }),
        400,
        'validation_failed',
      ],
    ];
    for (const [res, status, code] of cases) {
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status, code });
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/); // no stack traces
    }
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/v1/jobs',
      headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
      payload: '{',
    });
    expect(malformed.statusCode).toBe(401); // authentication comes first
    const token = (await buildOrganization(deps())).apiToken;
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/jobs',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: '{"title":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'malformed_json' });
    const xml = await app.inject({
      method: 'POST',
      url: '/api/v1/jobs',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
      payload: '<job/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json()).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('requires a valid bearer token', async () => {
    const none = await app.inject({ method: 'GET', url: '/api/v1/jobs' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ code: 'unauthorized' });
    expect(none.headers['www-authenticate']).toContain('Bearer');
    const wrong = await app.inject({
      method: 'GET',
      url: '/api/v1/jobs',
      headers: { authorization: 'Bearer hb_nope' },
    });
    expect(wrong.statusCode).toBe(401);
  });

  it("answers 404 for another organization's real ids, on every kind of route", async () => {
    clock.set('2026-12-01T15:00:00Z');
    const a = await newOrg();
    const b = await newOrg();
    const m = await a.api('POST', '/api/v1/members', { email: 'x@a.test', name: 'X', role: 'recruiter' });
    const job = await a.api('POST', '/api/v1/jobs', { title: 'Secret role', recruiterId: m.body!.id });
    const c = await a.api('POST', '/api/v1/candidates', { name: 'Private Person' });
    const app1 = await a.api('POST', '/api/v1/applications', {
      jobId: job.body!.id,
      candidateId: c.body!.id,
    });
    const iv = await a.api('POST', '/api/v1/interviews', { applicationId: app1.body!.id });
    const closed = await a.api('POST', `/api/v1/interviews/${iv.body!.id}/close`, { statement: 'by Friday' });
    const fu = closed.body!.followUp.id as string;
    const probes: [string, string, unknown?][] = [
      ['GET', `/api/v1/members/${m.body!.id}`],
      ['PATCH', `/api/v1/members/${m.body!.id}`, { name: 'Hacked' }],
      ['GET', `/api/v1/jobs/${job.body!.id}`],
      ['PATCH', `/api/v1/jobs/${job.body!.id}`, { title: 'Hacked' }],
      ['DELETE', `/api/v1/jobs/${job.body!.id}`],
      ['GET', `/api/v1/candidates/${c.body!.id}`],
      ['PATCH', `/api/v1/candidates/${c.body!.id}`, { name: 'Hacked' }],
      ['DELETE', `/api/v1/candidates/${c.body!.id}`],
      ['GET', `/api/v1/applications/${app1.body!.id}`],
      ['PATCH', `/api/v1/applications/${app1.body!.id}`, { status: 'withdrawn' }],
      ['DELETE', `/api/v1/applications/${app1.body!.id}`],
      ['GET', `/api/v1/applications/${app1.body!.id}/timeline`],
      ['GET', `/api/v1/applications/${app1.body!.id}/interviews`],
      ['GET', `/api/v1/applications/${app1.body!.id}/decisions`],
      ['GET', `/api/v1/interviews/${iv.body!.id}`],
      ['POST', `/api/v1/interviews/${iv.body!.id}/close`, { statement: 'x' }],
      ['GET', `/api/v1/interviews/${iv.body!.id}/feedback`],
      ['GET', `/api/v1/follow-ups/${fu}`],
      ['POST', `/api/v1/follow-ups/${fu}/cancel`, { reason: 'x' }],
    ];
    for (const [method, url, body] of probes) {
      const res = await b.api(method as 'GET', url, body);
      expect([method, url, res.status]).toEqual([method, url, 404]);
    }
    // Ids in bodies are invalid references, not silently accepted.
    const refs = await b.api('POST', '/api/v1/applications', {
      jobId: job.body!.id,
      candidateId: c.body!.id,
    });
    expect(refs.status).toBe(422);
    const decision = await b.api('POST', `/api/v1/applications/${app1.body!.id}/decisions`, {
      outcome: 'reject',
    });
    expect(decision.status).toBe(404);
    const tp = await b.api('POST', '/api/v1/touchpoints', {
      applicationId: app1.body!.id,
      channel: 'email',
      kind: 'outcome',
      fromParty: 'team',
      toParty: 'candidate',
    });
    expect(tp.status).toBe(422);
    // Lists never show the other organization's rows.
    for (const url of ['/api/v1/jobs', '/api/v1/candidates', '/api/v1/applications', '/api/v1/follow-ups']) {
      expect((await b.api('GET', url)).body!.items).toEqual([]);
    }
    const members = (await b.api('GET', '/api/v1/members')).body!.items as { id: string }[];
    expect(members.map((x) => x.id)).not.toContain(m.body!.id); // only b's own admin
    // And nothing of a's changed.
    expect((await a.api('GET', `/api/v1/follow-ups/${fu}`)).body).toMatchObject({ status: 'open' });
    expect((await a.api('GET', `/api/v1/jobs/${job.body!.id}`)).body).toMatchObject({ title: 'Secret role' });
  });

  it('replays a create with the same Idempotency-Key and refuses a different body', async () => {
    const { api } = await newOrg();
    const headers = { 'idempotency-key': 'create-candidate-1' };
    const first = await api('POST', '/api/v1/candidates', { name: 'Once Only' }, headers);
    const again = await api('POST', '/api/v1/candidates', { name: 'Once Only' }, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body!.id).toBe(first.body!.id);
    expect((await api('GET', '/api/v1/candidates')).body!.items).toHaveLength(1);
    const other = await api('POST', '/api/v1/candidates', { name: 'Someone Else' }, headers);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'idempotency_key_reused' });
    // A failed request's answer is replayed too (the client should not retry a 4xx blindly).
    const bad1 = await api(
      'POST',
      '/api/v1/candidates',
      { name: 'Dup', email: 'dup@example.com' },
      { 'idempotency-key': 'k2' },
    );
    expect(bad1.status).toBe(201);
    const dup = await api(
      'POST',
      '/api/v1/candidates',
      { name: 'Dup', email: 'dup@example.com' },
      { 'idempotency-key': 'k3' },
    );
    expect(dup.status).toBe(409);
    const dupAgain = await api(
      'POST',
      '/api/v1/candidates',
      { name: 'Dup', email: 'dup@example.com' },
      { 'idempotency-key': 'k3' },
    );
    expect(dupAgain.status).toBe(409);
    expect(dupAgain.headers['idempotent-replayed']).toBe('true');
  });

  it('pages through a list with cursors, without gaps or repeats', async () => {
    const { api } = await newOrg();
    const names: string[] = [];
    for (let i = 0; i < 7; i++) {
      clock.advance(1000);
      names.push(`Candidate ${i}`);
      await api('POST', '/api/v1/candidates', { name: `Candidate ${i}` });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: Awaited<ReturnType<typeof api>> = await api(
        'GET',
        `/api/v1/candidates?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body!.items.map((c: { name: string }) => c.name));
      cursor = res.body!.nextCursor as string | null;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(names);
  });

  it('previews a promise and serves the OpenAPI 3.1 document and docs', async () => {
    const { api } = await newOrg();
    const preview = await api('POST', '/api/v1/promises/resolve', {
      text: "If you don't hear from us by next Friday, it means we went another way.",
      at: '2026-12-01T15:00:00Z',
      timeZone: 'Europe/Berlin',
      holidays: 'DE',
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ resolution: 'parsed', warnings: ['silent_rejection'] });
    expect(preview.body!.advice).toHaveLength(1);
    const doc = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    const spec = doc.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(spec.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/interviews/{id}/close',
      '/api/v1/follow-ups',
      '/api/v1/applications/{id}/timeline',
    ]) {
      expect(spec.paths).toHaveProperty([path]);
    }
    expect((await app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({
      status: 'ok',
      database: backend,
    });
  });
});
