import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildOrganization } from '../../test/support/factories.ts';
import { buildApp } from './app.ts';

/**
 * The agency report over HTTP: JSON pages grouped by client, the whole as CSV with formula cells
 * neutralised, and bad queries refused with a problem, never a 500.
 */
describe.each(backends)('the agency report API on %s', (backend) => {
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

  it('answers the report by client as JSON and as CSV; refuses a bad group or period', async () => {
    const { apiToken } = await buildOrganization({ db, clock }, { policy: { timeZone: 'America/New_York' } });
    const headers = { authorization: `Bearer ${apiToken}` };
    const post = async (url: string, payload: object) => {
      const res = await app.inject({ method: 'POST', url, headers, payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<Record<string, string>>();
    };
    // A client whose name a spreadsheet would run as a formula.
    const client = await post('/api/v1/clients', { name: '=Orchard Ltd' });
    const contact = await post(`/api/v1/clients/${client.id}/contacts`, { name: 'Pat Lee' });
    const job = await post(`/api/v1/clients/${client.id}/job-orders`, {
      title: 'Buyer',
      roleKind: 'other',
      hiringAuthorityId: contact.id,
    });
    const candidate = await post('/api/v1/candidates', { name: 'Ren Ito' });
    await post('/api/v1/submissions', {
      jobId: job.id,
      candidateId: candidate.id,
      pitch: 'Fits.',
      consent: true,
    });

    clock.set(new Date('2026-12-01T16:00:00Z'));
    const json = await app.inject({ method: 'GET', url: '/api/v1/reports/agency?group=client', headers });
    expect(json.statusCode).toBe(200);
    const page = json.json<{ items: Record<string, unknown>[]; nextCursor: string | null }>();
    expect(page.nextCursor).toBeNull();
    expect(page.items).toEqual([
      expect.objectContaining({
        key: client.id,
        label: '=Orchard Ltd',
        submissions: 1,
        feedbackOwed: 1,
        nudges: 0,
      }),
    ]);

    const csv = await app.inject({
      method: 'GET',
      url: '/api/v1/reports/agency?group=client&format=csv',
      headers,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="hearback-agency-client.csv"');
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^${client.id},'=Orchard Ltd,1,0,0,0,0,,1,0,,0,,0,0,0,,0,0,0$`));

    for (const url of [
      '/api/v1/reports/agency?group=job',
      '/api/v1/reports/agency?from=2026-12-01&to=2026-11-01',
      '/api/v1/reports/agency?from=yesterday',
      '/api/v1/reports/agency?jobId=x',
    ]) {
      const res = await app.inject({ method: 'GET', url, headers });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});
