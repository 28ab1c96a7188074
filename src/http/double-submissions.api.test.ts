import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { newAgencyApi } from '../../test/support/api-client.ts';
import { buildApp } from './app.ts';

/**
 * No double submissions (issue #16, item 9) over HTTP: inside the client's ownership window a
 * second submission of a candidate to a client is a 409 naming the earlier one (when, by whom);
 * after it, a new one is allowed and shows the earlier as history; a candidate's declaration that
 * another agency submitted them there is refused with the declaration; racing submissions record
 * one; consent is recorded on each.
 */
describe.each(backends)('double submissions on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  const clock = new ManualClock('2026-12-01T15:00:00Z');

  beforeAll(async () => {
    db = await openTestDb(backend);
    app = await buildApp({ db, clock });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  async function newAgency() {
    const { orgId, api } = await newAgencyApi(app, { db, clock });
    const client = await api('POST', '/api/v1/clients', { name: 'Northwind', ownershipDays: 30 });
    expect(client.body.ownershipDays).toBe(30);
    const contact = await api('POST', `/api/v1/clients/${client.body.id}/contacts`, { name: 'Dana Cole' });
    const job = async (title: string) =>
      (
        await api('POST', `/api/v1/clients/${client.body.id}/job-orders`, {
          title,
          roleKind: 'sales',
          hiringAuthorityId: contact.body.id,
        })
      ).body.id as string;
    const candidate = async (name: string) =>
      (await api('POST', '/api/v1/candidates', { name, email: `${name.split(' ')[0]}@example.test` })).body
        .id as string;
    const submit = (jobId: string, candidateId: string) =>
      api('POST', '/api/v1/submissions', {
        jobId,
        candidateId,
        pitch: 'Opened three enterprise accounts this year.',
        consent: true,
        consentNote: 'Agreed on a call.',
      });
    return { orgId, api, clientId: client.body.id as string, job, candidate, submit };
  }

  it('refuses a second submission inside the ownership window with the earlier one, allows it after as history', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const a = await newAgency();
    const ae = await a.job('Account Executive');
    const sm = await a.job('Sales Manager');
    const jo = await a.candidate('Jo Rivera');
    const first = await a.submit(ae, jo);
    expect(first.status).toBe(201);
    expect(first.body.earlierSubmissions).toEqual([]);
    // Consent is recorded on the submission.
    expect(first.body.submission).toMatchObject({ consentNote: 'Agreed on a call.' });
    expect(first.body.submission.consentAt).toBe('2026-12-01T15:00:00.000Z');

    clock.set('2026-12-20T15:00:00Z');
    const again = await a.submit(sm, jo);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('conflict');
    expect(again.body.detail).toBe(
      'Jo Rivera was already submitted to Northwind on 1 December 2026 by Ada Admin (Account Executive, submitted); ' +
        'a new submission to Northwind is possible from 31 December 2026.',
    );
    expect(again.body.earlierSubmission).toMatchObject({
      id: first.body.submission.id,
      jobTitle: 'Account Executive',
      recruiterName: 'Ada Admin',
      submittedAt: '2026-12-01T15:00:00.000Z',
    });

    clock.set('2026-12-31T16:00:00Z'); // 30 days on: the window has closed
    const later = await a.submit(sm, jo);
    expect(later.status).toBe(201);
    expect(later.body.earlierSubmissions).toEqual([
      expect.objectContaining({
        id: first.body.submission.id,
        recruiterName: 'Ada Admin',
        stage: 'submitted',
      }),
    ]);
  });

  it("refuses a submission against the candidate's declaration, shown; the declaration can be removed", async () => {
    clock.set('2026-12-01T15:00:00Z');
    const a = await newAgency();
    const b = await newAgency();
    const ae = await a.job('Account Executive');
    const sam = await a.candidate('Sam Okafor');
    const url = `/api/v1/candidates/${sam}/client-declarations`;
    expect((await a.api('POST', url, { clientId: b.clientId })).status).toBe(422); // another org's client
    const declared = await a.api('POST', url, {
      clientId: a.clientId,
      otherAgency: 'Apex Talent',
      submittedOn: '2026-11-20',
      note: 'Told us on the intake call.',
    });
    expect(declared.status).toBe(201);
    expect(declared.body).toMatchObject({ otherAgency: 'Apex Talent', submittedOn: '2026-11-20' });
    expect((await a.api('POST', url, { clientId: a.clientId })).status).toBe(409);
    // Another organization sees neither the candidate nor the declaration.
    expect((await b.api('GET', url)).status).toBe(404);
    expect((await a.api('GET', url)).body.items).toHaveLength(1);

    const refused = await a.submit(ae, sam);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(
      'Sam Okafor declared that Apex Talent already submitted them to Northwind on 2026-11-20. (Told us on the intake call.)',
    );
    expect(refused.body.declaration).toMatchObject({ id: declared.body.id, otherAgency: 'Apex Talent' });

    expect((await b.api('DELETE', `${url}/${declared.body.id}`)).status).toBe(404);
    expect((await a.api('DELETE', `${url}/${declared.body.id}`)).status).toBe(204);
    expect((await a.submit(ae, sam)).status).toBe(201);
  });

  it('records one of two submissions racing for the same candidate and client', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const a = await newAgency();
    const ae = await a.job('Account Executive');
    const sm = await a.job('Sales Manager');
    const lee = await a.candidate('Lee Park');
    const results = await Promise.all([a.submit(ae, lee), a.submit(sm, lee)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const [row] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM submissions WHERE org_id = $1 AND candidate_id = $2`,
      [a.orgId, lee],
    );
    expect(row!.n).toBe(1);
  });
});
