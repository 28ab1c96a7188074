import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { CLIENT_LINK_PLACEHOLDER } from '../domain/client-links.ts';
import { createDevMailboxTransport } from '../mail/dev-mailbox.transport.ts';
import { dispatchDueMessages } from '../services/outbox.service.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { newAgencyApi } from '../../test/support/api-client.ts';
import { buildApp } from './app.ts';

const identity = { from: { name: 'Desk', address: 'desk@agency.test' }, domain: 'agency.test' };
const PUBLIC = 'https://hb.example';
const LINK = /https:\/\/hb\.example(\/c\/[A-Za-z0-9_-]{43})\?answer=([a-z_]+)/g;

/**
 * The client's one-click answer links (issue #16, item 7) over HTTP: the submission email carries
 * them masked in every stored copy and real only in the delivered mail; opening one changes
 * nothing; the answer closes the client's feedback follow-up and opens the recruiter's to tell the
 * candidate; a link reaches only its submission; used, expired and revoked links say so; guessing
 * is rate-limited.
 */
describe.each(backends)('client answer links on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  const clock = new ManualClock('2026-12-01T15:00:00Z'); // Tuesday, 10:00 in New York

  beforeAll(async () => {
    db = await openTestDb(backend);
    app = await buildApp({ db, clock, identity, publicUrl: PUBLIC });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  async function newAgency() {
    const { orgId, api } = await newAgencyApi(app, { db, clock });
    const client = await api('POST', '/api/v1/clients', {
      name: 'Northwind',
      feedbackDaysAfterSubmission: 2,
    });
    const contact = await api('POST', `/api/v1/clients/${client.body.id}/contacts`, {
      name: 'Dana Cole',
      email: 'dana@northwind.test',
      timeZone: 'America/Chicago',
    });
    const job = await api('POST', `/api/v1/clients/${client.body.id}/job-orders`, {
      title: 'Account Executive',
      roleKind: 'sales',
      hiringAuthorityId: contact.body.id,
    });
    /** Submit a candidate and deliver the email; the links as delivered. */
    const submit = async (name: string) => {
      const slug = name.toLowerCase().replace(/\W+/g, '.');
      const candidate = await api('POST', '/api/v1/candidates', {
        name,
        email: `${slug}@example.test`,
        phone: '+1 212 555 0142',
      });
      const created = await api('POST', '/api/v1/submissions', {
        jobId: job.body.id,
        candidateId: candidate.body.id,
        pitch: `${name} opened three new enterprise accounts this year.`,
        consent: true,
      });
      expect(created.status).toBe(201);
      await dispatchDueMessages(
        { db, clock, transport: createDevMailboxTransport(db, clock), identity },
        { batchSize: 50, leaseMs: 60_000, maxAttempts: 3, onlyOrgId: orgId },
      );
      const [mail] = await db.query<{ body_text: string; body_html: string }>(
        `SELECT body_text, body_html FROM dev_mailbox WHERE org_id = $1 AND body_text LIKE $2`,
        [orgId, `%${name}%`],
      );
      const links = Object.fromEntries([...mail!.body_text.matchAll(LINK)].map((m) => [m[2]!, m[1]!]));
      return {
        submission: created.body.submission as Record<string, any>,
        feedbackFollowUpId: created.body.feedbackFollowUp.id as string,
        path: links.interview!,
        links,
        mail: mail!,
      };
    };
    return { orgId, api, submit };
  }

  const page = (url: string) => app.inject({ method: 'GET', url, remoteAddress: `10.0.${Math.random()}` });
  const post = (path: string, form: Record<string, string>, ip = '10.1.0.1') =>
    app.inject({
      method: 'POST',
      url: path,
      remoteAddress: ip,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(form).toString(),
    });

  async function followUp(id: string) {
    const [row] = await db.query<{ status: string; due_at: Date }>(
      `SELECT status, due_at FROM follow_ups WHERE id = $1`,
      [id],
    );
    return row!;
  }

  it('sends the email with the links masked everywhere but the delivered mail', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const a = await newAgency();
    const s = await a.submit('Jo Rivera');
    expect(Object.keys(s.links).sort()).toEqual(['decline', 'interview', 'more_time']);
    expect(new Set(Object.values(s.links)).size).toBe(1); // one token per email
    expect(s.mail.body_html).toContain(s.path);
    const [stored] = await db.query<{ body_text: string; kind: string; to_address: string }>(
      `SELECT body_text, kind, to_address FROM messages WHERE application_id = $1`,
      [s.submission.applicationId],
    );
    expect(stored).toMatchObject({ kind: 'client_submission', to_address: 'dana@northwind.test' });
    expect(stored!.body_text).toContain(`${PUBLIC}${CLIENT_LINK_PLACEHOLDER}?answer=decline`);
    expect(stored!.body_text).not.toMatch(LINK);
    // Two business days in Chicago: Thursday 3 December.
    expect(stored!.body_text).toContain('by Thursday 3 December');
  });

  it('opens without changing anything, and the answer closes the feedback and opens the candidate update', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const a = await newAgency();
    const s = await a.submit('Jo Rivera');
    const other = await a.submit('Sam Okafor');
    const count = () =>
      db.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM touchpoints WHERE org_id = $1)::int
              + (SELECT count(*) FROM follow_ups WHERE org_id = $1 AND status = 'open')::int AS n`,
        [a.orgId],
      );
    const before = await count();
    // A mail scanner fetching every link, twice.
    for (const path of Object.values(s.links)) {
      for (const answer of ['interview', 'decline', 'more_time']) {
        const res = await page(`${path}?answer=${answer}`);
        expect(res.statusCode).toBe(200);
        expect(res.headers['referrer-policy']).toBe('no-referrer');
        expect(res.headers['cache-control']).toBe('no-store');
      }
    }
    expect(await count()).toEqual(before);
    expect(await followUp(s.feedbackFollowUpId)).toMatchObject({ status: 'open' });

    const view = (await page(`${s.path}?answer=interview`)).body;
    expect(view).toContain('Jo Rivera for Account Executive');
    expect(view).toContain('opened three new enterprise accounts');
    expect(view).toContain('Thursday 3 December');
    expect(view).toMatch(/value="interview" required checked/);
    // Only what the client needs: not the candidate's contact details, not the other submission.
    expect(view).not.toContain('jo.rivera@example.test');
    expect(view).not.toContain('555 0142');
    expect(view).not.toContain('Sam Okafor');

    clock.set('2026-12-02T16:00:00Z'); // Wednesday
    const res = await post(s.path, {
      answer: 'interview',
      date: '2026-12-08',
      reason: 'Tuesday morning suits us.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('your answer is recorded');
    expect(await followUp(s.feedbackFollowUpId)).toMatchObject({ status: 'done' });
    const sub = await a.api('GET', `/api/v1/submissions/${s.submission.id}`);
    expect(sub.body.stage).toBe('interviewing');
    const [tell] = await db.query<{ owner_id: string; due_at: Date }>(
      `SELECT owner_id, due_at FROM follow_ups
        WHERE submission_id = $1 AND kind = 'update' AND owed_to = 'candidate' AND status = 'open'`,
      [s.submission.id],
    );
    expect(tell!.owner_id).toBe(s.submission.recruiterId);
    // Within one business day (the candidate's zone is the organization's: New York).
    expect(tell!.due_at.toISOString()).toBe('2026-12-03T22:00:00.000Z');
    const [touch] = await db.query<{ from_party: string; member_id: string | null; summary: string }>(
      `SELECT from_party, member_id, summary FROM touchpoints WHERE application_id = $1 AND kind = 'client_feedback'`,
      [s.submission.applicationId],
    );
    expect(touch).toMatchObject({ from_party: 'client', member_id: null });
    expect(touch!.summary).toContain('2026-12-08');
    expect(touch!.summary).toContain('Tuesday morning suits us.');

    // The other submission is untouched: a link answers only its own.
    expect(await followUp(other.feedbackFollowUpId)).toMatchObject({ status: 'open' });

    // Used: the same link (any answer) records nothing more and says so.
    const again = await post(s.path, { answer: 'decline', reason: 'Changed our mind.' });
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('already recorded');
    expect((await page(`${s.path}?answer=decline`)).body).toContain('already recorded');
    expect((await a.api('GET', `/api/v1/submissions/${s.submission.id}`)).body.stage).toBe('interviewing');
  });

  it('takes more time with the new date, and keeps a refused answer in its form', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const a = await newAgency();
    const s = await a.submit('Jo Rivera');
    const noReason = await post(s.links.decline!, { answer: 'decline', date: '2026-12-09', reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Add a short reason');
    const noDate = await post(s.links.more_time!, { answer: 'more_time', reason: 'Budget review first.' });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.body).toContain('Budget review first.');
    expect(noDate.body).toMatch(/value="more_time" required checked/);
    const past = await post(s.links.more_time!, { answer: 'more_time', date: '2026-11-20' });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain('value="2026-11-20"');
    expect(await followUp(s.feedbackFollowUpId)).toMatchObject({ status: 'open' });

    const ok = await post(s.links.more_time!, { answer: 'more_time', date: '2026-12-09' });
    expect(ok.statusCode).toBe(200);
    expect(await followUp(s.feedbackFollowUpId)).toMatchObject({ status: 'done' });
    const [next] = await db.query<{ due_at: Date }>(
      `SELECT due_at FROM follow_ups
        WHERE submission_id = $1 AND kind = 'client_feedback' AND status = 'open'`,
      [s.submission.id],
    );
    // The close of 9 December in the contact's zone (Chicago, 17:00).
    expect(next!.due_at.toISOString()).toBe('2026-12-09T23:00:00.000Z');
  });

  it('refuses expired, revoked, unknown and cross-site answers; other organizations cannot revoke', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const a = await newAgency();
    const b = await newAgency();
    const s1 = await a.submit('Jo Rivera');
    const s2 = await a.submit('Sam Okafor');

    expect((await b.api('POST', `/api/v1/submissions/${s1.submission.id}/client-links/revoke`)).status).toBe(
      404,
    );
    const revoked = await a.api('POST', `/api/v1/submissions/${s1.submission.id}/client-links/revoke`);
    expect(revoked).toMatchObject({ status: 200, body: { revoked: 1 } });
    const r = await page(s1.path);
    expect(r.statusCode).toBe(410);
    expect(r.body).toContain('This link was withdrawn');
    expect((await post(s1.path, { answer: 'interview' })).statusCode).toBe(410);
    expect(await followUp(s1.feedbackFollowUpId)).toMatchObject({ status: 'open' });

    const forged = await app.inject({
      method: 'POST',
      url: s2.path,
      remoteAddress: '10.2.0.1',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.test' },
      payload: 'answer=decline&reason=forged',
    });
    expect(forged.statusCode).toBe(403);
    expect(await followUp(s2.feedbackFollowUpId)).toMatchObject({ status: 'open' });

    const unknown = await page(`/c/${'A'.repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('This link does not work');
    expect((await page('/c/short')).statusCode).toBe(404);

    clock.set('2027-01-01T15:00:00Z'); // 31 days on
    const expired = await page(s2.path);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('expired');
    expect((await post(s2.path, { answer: 'interview' })).statusCode).toBe(410);
    expect(await followUp(s2.feedbackFollowUpId)).toMatchObject({ status: 'open' });
  });

  it('limits guesses from one address', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      const res = await app.inject({
        method: 'GET',
        url: `/c/${'B'.repeat(42)}${i % 10}`,
        remoteAddress: '10.9.9.9',
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });
});
