import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { createApiToken } from '../services/organization.service.ts';
import { atsExport } from '../../test/support/ats-csv.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario } from '../../test/support/factories.ts';
import { buildApp } from './app.ts';

const identity = { from: { name: 'Acme Hiring', address: 'jobs@acme.test' }, domain: 'acme.test' };

describe.each(backends)('imports from the upload screen on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  const clock = new ManualClock('2026-12-01T15:00:00Z');
  const deps = () => ({ db, clock, identity });

  beforeAll(async () => {
    db = await openTestDb(backend);
    app = await buildApp({ db, clock, identity });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const as = (token: string) => async (method: 'GET' | 'POST', url: string, body?: unknown) => {
    const res = await app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(body !== undefined && { payload: body as object }),
    });
    const json = res.headers['content-type']?.toString().includes('json');
    return { status: res.statusCode, body: json ? res.json<any>() : null, raw: res };
  };

  async function scenario() {
    const s = await buildInterviewScenario(deps());
    const org = s.organization.id;
    const recruiterToken = (
      await createApiToken(deps(), org, { name: 't', scopes: ['*'] }, { memberId: s.recruiter.id })
    ).token;
    return { ...s, org, asAdmin: as(s.apiToken), asRecruiter: as(recruiterToken) };
  }

  /** Poll the run until it is no longer running (the import goes on in the background). */
  async function finished(call: ReturnType<typeof as>, id: string) {
    for (let i = 0; i < 600; i++) {
      const run = await call('GET', `/api/v1/imports/${id}`);
      expect(run.status).toBe(200);
      if (run.body.status !== 'running') return run.body;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the import did not finish');
  }

  it('previews the mapping, imports clean rows, refuses bad ones by line, and a re-run adds nothing', async () => {
    const s = await scenario();
    const { csv, badLines } = atsExport(200, 5);

    const preview = await s.asAdmin('POST', '/api/v1/imports/preview', { fileName: 'ats.csv', csv });
    expect(preview.status).toBe(200);
    expect(preview.body.headers).toContain('Email');
    expect(preview.body.mapping).toMatchObject({ candidate_email: 'Email', job_title: 'Job Title' });
    expect(preview.body.mappingProblems).toEqual([]);
    expect(preview.body.rows.length).toBe(5);
    expect(preview.body.rows[0]).toMatchObject({ line: 2, errors: [] });

    const started = await s.asAdmin('POST', '/api/v1/imports', { fileName: 'ats.csv', csv });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', fileName: 'ats.csv' });
    const run = await finished(s.asAdmin, started.body.id);
    expect(run).toMatchObject({ status: 'done', rowsImported: 195, rowsRejected: 5 });
    expect(run.errors.map((e: { line: number }) => e.line)).toEqual(badLines);
    expect(run.created.candidates).toBe(195);

    const rejected = await s.asAdmin('GET', `/api/v1/imports/${run.id}/rejected.csv`);
    expect(rejected.status).toBe(200);
    expect(rejected.raw.headers['content-type']).toMatch(/^text\/csv/);
    expect(rejected.raw.headers['content-disposition']).toMatch(/attachment/);
    const refused: Record<string, string>[] = parse(rejected.raw.body, {
      columns: true,
      relax_column_count: true,
    });
    expect(refused.map((r) => Number(r.line))).toEqual(badLines);

    clock.advance(60_000);
    const again = await s.asAdmin('POST', '/api/v1/imports', { fileName: 'ats.csv', csv });
    const rerun = await finished(s.asAdmin, again.body.id);
    expect(rerun).toMatchObject({ status: 'done', rowsImported: 195 });
    expect(rerun.created).toMatchObject({ jobs: 0, candidates: 0, applications: 0, interviews: 0 });

    const list = await s.asAdmin('GET', '/api/v1/imports?limit=10');
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([rerun.id, run.id]);
  });

  it('refuses an incomplete mapping with a problem and writes nothing', async () => {
    const s = await scenario();
    const csv = 'Name,Mail\nAda Lovelace,ada@example.com\n';
    const preview = await s.asAdmin('POST', '/api/v1/imports/preview', { fileName: 'x.csv', csv });
    expect(preview.status).toBe(200);
    expect(preview.body.mappingProblems.length).toBeGreaterThan(0);
    const start = await s.asAdmin('POST', '/api/v1/imports', { fileName: 'x.csv', csv });
    expect(start.status).toBe(400);
    expect(start.raw.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(start.body.code).toBe('validation_failed');
    const list = await s.asAdmin('GET', '/api/v1/imports');
    expect(list.body.items).toEqual([]);

    // The person maps the columns themself: then it imports.
    const mapped = await s.asAdmin('POST', '/api/v1/imports', {
      fileName: 'x.csv',
      csv: 'Name,Mail,Role\nAda Lovelace,ada@example.com,Engineer\n',
      mapping: { candidate_name: 'Name', candidate_email: 'Mail', job_title: 'Role' },
    });
    expect(mapped.status).toBe(202);
    expect(await finished(s.asAdmin, mapped.body.id)).toMatchObject({ status: 'done', rowsImported: 1 });

    const unknownField = await s.asAdmin('POST', '/api/v1/imports/preview', {
      fileName: 'x.csv',
      csv,
      mapping: { salary: 'Name' },
    });
    expect(unknownField.status).toBe(400);
  });

  it('is for admins: a recruiter is refused, and another organization sees nothing of it', async () => {
    const s = await scenario();
    const other = await scenario();
    const started = await s.asAdmin('POST', '/api/v1/imports', {
      fileName: 'ats.csv',
      csv: 'Job Title,Name,Email\nRole,Ada,ada@example.com\n',
    });
    await finished(s.asAdmin, started.body.id);
    expect((await s.asRecruiter('GET', '/api/v1/imports')).status).toBe(403);
    expect(
      (await s.asRecruiter('POST', '/api/v1/imports', { fileName: 'a.csv', csv: 'Job Title\nX\n' })).status,
    ).toBe(403);
    expect((await other.asAdmin('GET', `/api/v1/imports/${started.body.id}`)).status).toBe(404);
    expect((await other.asAdmin('GET', `/api/v1/imports/${started.body.id}/rejected.csv`)).status).toBe(404);
    expect((await other.asAdmin('GET', '/api/v1/imports')).body.items).toEqual([]);
  });

  it('finds imported candidates by part of a name or email, literally, in its own organization only', async () => {
    const s = await scenario();
    const other = await scenario();
    const csv =
      'Job Title,Name,Email\nRole,Ada Lovelace,ada@example.com\nRole,Grace 100% Hopper,grace@example.com\n';
    for (const x of [s, other]) {
      const started = await x.asAdmin('POST', '/api/v1/imports', { fileName: 'a.csv', csv });
      await finished(x.asAdmin, started.body.id);
    }
    const names = async (q: string) =>
      (await s.asRecruiter('GET', `/api/v1/candidates?q=${encodeURIComponent(q)}`)).body.items.map(
        (c: { name: string }) => c.name,
      );
    expect(await names('LOVE')).toEqual(['Ada Lovelace']);
    expect(await names('grace@')).toEqual(['Grace 100% Hopper']);
    // % and _ are text, not wildcards.
    expect(await names('0%')).toEqual(['Grace 100% Hopper']);
    expect(await names('a_a')).toEqual([]);
    expect(await names('%')).toEqual(['Grace 100% Hopper']);
  });

  it('finds jobs by part of the title, literally, in its own organization only', async () => {
    const s = await scenario();
    const other = await scenario();
    const csv =
      'Job Title,Name,Email\nSenior 10% Closer,Ada Lovelace,ada@example.com\nSupport_Lead,Bo Li,bo@example.com\n';
    for (const x of [s, other]) {
      const started = await x.asAdmin('POST', '/api/v1/imports', { fileName: 'a.csv', csv });
      await finished(x.asAdmin, started.body.id);
    }
    const titles = async (q: string) =>
      (await s.asRecruiter('GET', `/api/v1/jobs?q=${encodeURIComponent(q)}`)).body.items.map(
        (j: { title: string }) => j.title,
      );
    expect(await titles('closer')).toEqual(['Senior 10% Closer']);
    expect(await titles('0%')).toEqual(['Senior 10% Closer']);
    expect(await titles('t_l')).toEqual(['Support_Lead']);
    expect(await titles('r_l')).toEqual([]);
    expect((await s.asRecruiter('GET', `/api/v1/jobs?q=${'x'.repeat(101)}`)).status).toBe(400);
  });
});
