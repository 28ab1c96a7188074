import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { EXCLUDED_TABLES, EXPORTED_TABLES } from '../domain/organization-export.ts';
import { listTablesAndColumns } from '../repositories/export.repository.ts';
import { createApplication } from '../services/application.service.ts';
import { issueSignInLink } from '../services/auth.service.ts';
import { changeCandidate } from '../services/candidate.service.ts';
import { createFollowUp } from '../services/follow-up.service.ts';
import { closeInterview, createInterview } from '../services/interview.service.ts';
import { createApiToken } from '../services/organization.service.ts';
import { createEndpoint } from '../services/webhook.service.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildCandidate, buildInterviewScenario, buildMember } from '../../test/support/factories.ts';
import { buildApp } from './app.ts';
import { csvColumnsOf, EXPORT_LISTS } from './routes/exports.routes.ts';
import { FollowUpViewSchema } from './schemas.ts';

const PUBLIC = 'https://hire.acme.test';
const identity = { from: { name: 'Acme Hiring', address: 'jobs@acme.test' }, domain: 'acme.test' };
const INJECTION = '=HYPERLINK("http://evil.test","click")';

// Names that say a column may hold a secret: each must be classified as one, or listed here with why not.
const SECRET_LOOKING = /password|secret|hash|token(?!_id$)/;
const NOT_SECRET: Record<string, string> = {
  'inbound_emails.raw_hash': 'a digest of a received mail, to recognise it when it comes again',
  'members.password_changed_at': 'when a password was changed, not the password',
  'sso_configs.passwords_enabled': 'whether passwords work for the organization, not a password',
};

describe.each(backends)('exports on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  // Monday 30 November 2026, 10:00 UTC.
  const clock = new ManualClock('2026-11-30T10:00:00Z');
  const deps = () => ({ db, clock, identity, publicUrl: PUBLIC });

  beforeAll(async () => {
    db = await openTestDb(backend);
    app = await buildApp({ db, clock, identity, publicUrl: PUBLIC, devMailbox: true });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const get = (url: string, token: string) =>
    app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const rowsOf = (body: string) => parse<Record<string, string>>(body, { columns: true, bom: true });

  /**
   * Two applications in one organization — the interviewer interviews only the first — and a
   * candidate whose name is a spreadsheet formula; another organization beside it.
   */
  async function scenario() {
    const s = await buildInterviewScenario(deps(), { interviewEndsAt: new Date('2026-11-27T15:00:00Z') });
    const org = s.organization.id;
    const interviewer = await buildMember(deps(), org, { role: 'interviewer', name: 'Ivy Interviewer' });
    await createInterview(deps(), org, {
      applicationId: s.application.id,
      title: 'Technical',
      interviewerIds: [interviewer.id],
    });
    await closeInterview(deps(), org, s.interview.id, {
      statement: 'By Friday',
      dueAt: new Date('2026-12-04T17:00:00Z'),
    });
    await changeCandidate(deps(), org, s.candidate.id, { name: INJECTION });
    const other = await buildCandidate(deps(), org, { name: 'Olive Other' });
    const otherApp = await createApplication(deps(), org, { jobId: s.job.id, candidateId: other.id });
    await createFollowUp(
      deps(),
      org,
      {
        applicationId: otherApp.id,
        kind: 'debrief',
        owedBy: 'team',
        owedTo: 'candidate',
        dueAt: new Date('2026-12-01T17:00:00Z'),
      },
      { memberId: s.recruiter.id },
    );
    const done = await createFollowUp(
      deps(),
      org,
      {
        applicationId: otherApp.id,
        kind: 'check_in',
        owedBy: 'team',
        owedTo: 'candidate',
        dueAt: new Date('2026-12-02T17:00:00Z'),
      },
      { memberId: s.recruiter.id },
    );
    const asInterviewer = await createApiToken(
      deps(),
      org,
      { name: 'ivy', scopes: ['*'] },
      { memberId: interviewer.id },
    );
    const asRecruiter = await createApiToken(
      deps(),
      org,
      { name: 'riley', scopes: ['*'] },
      { memberId: s.recruiter.id },
    );
    const elsewhere = await buildInterviewScenario(deps(), {
      interviewEndsAt: new Date('2026-11-27T15:00:00Z'),
    });
    await closeInterview(deps(), elsewhere.organization.id, elsewhere.interview.id, {
      statement: 'By Friday',
    });
    return {
      s,
      org,
      interviewer,
      otherApp,
      doneId: done.id,
      interviewerToken: asInterviewer.token,
      recruiterToken: asRecruiter.token,
      elsewhere,
    };
  }

  it('exports follow-ups as CSV that parses back with the API’s columns, ISO dates and formula cells neutralised', async () => {
    const { s, org, otherApp, elsewhere } = await scenario();
    const res = await get('/api/v1/exports/follow-ups.csv', s.apiToken);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="hearback-follow-ups-2026-11-30.csv"',
    );
    const [header] = parse(res.body, { toLine: 1 });
    expect(header).toEqual(csvColumnsOf(FollowUpViewSchema).map((c) => c.name));
    expect(header).toEqual(
      expect.arrayContaining(['id', 'kind', 'dueAt', 'status', 'owner.name', 'candidate.name', 'job.title']),
    );

    const rows = rowsOf(res.body);
    // The API's list says the same, row for row.
    const list = await get('/api/v1/follow-ups?limit=200', s.apiToken);
    const items = list.json<{ items: { id: string }[] }>().items;
    expect(rows.map((r) => r.id)).toEqual(items.map((i) => i.id));
    // The outcome, the hiring manager's scorecard and decide-by, and the other application's two.
    expect(rows.map((r) => r.kind).sort()).toEqual([
      'check_in',
      'debrief',
      'decision_due',
      'feedback_due',
      'outcome',
    ]);

    const outcome = rows.find((r) => r.kind === 'outcome')!;
    expect(outcome).toMatchObject({
      applicationId: s.application.id,
      dueAt: '2026-12-04T17:00:00.000Z',
      'owner.name': 'Riley Recruiter',
      'job.title': 'Account Executive',
      promiseStatement: 'By Friday',
      overdue: 'false',
      // The formula is text: a spreadsheet shows it, and does not run it.
      'candidate.name': `'${INJECTION}`,
    });
    expect(rows.filter((r) => r.applicationId === otherApp.id)).toHaveLength(2);
    // Not one cell of the whole file starts a formula.
    for (const row of parse(res.body)) {
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(res.body).not.toContain(elsewhere.organization.id);
    expect(res.body).not.toContain(elsewhere.application.id);
    expect(org).not.toBe(elsewhere.organization.id);
  });

  it("applies the list's filters, and refuses what the list refuses", async () => {
    const { s, otherApp, doneId } = await scenario();
    const byApp = rowsOf(
      (await get(`/api/v1/exports/follow-ups.csv?applicationId=${otherApp.id}`, s.apiToken)).body,
    );
    expect(byApp.map((r) => r.kind).sort()).toEqual(['check_in', 'debrief']);
    const byKind = rowsOf(
      (await get(`/api/v1/exports/follow-ups.csv?kind=check_in&status=open`, s.apiToken)).body,
    );
    expect(byKind.map((r) => r.id)).toEqual([doneId]);
    const overdue = rowsOf((await get('/api/v1/exports/follow-ups.csv?overdue=true', s.apiToken)).body);
    expect(overdue).toHaveLength(0);
    // Nothing matches: the header alone.
    const none = await get(`/api/v1/exports/follow-ups.csv?kind=client_update`, s.apiToken);
    expect(none.statusCode).toBe(200);
    expect(none.body.trim().split('\n')).toHaveLength(1);

    const unknown = await get('/api/v1/exports/follow-ups.csv?limit=5', s.apiToken);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'validation_failed' });
    const bad = await get('/api/v1/exports/follow-ups.csv?status=maybe', s.apiToken);
    expect(bad.statusCode).toBe(400);
  });

  it('shows an interviewer only the rows they may read, and refuses them lists they may not', async () => {
    const { s, otherApp, interviewerToken } = await scenario();
    const followUps = rowsOf((await get('/api/v1/exports/follow-ups.csv', interviewerToken)).body);
    // The outcome, the scorecards and the decide-by of the interview they sit on: one application.
    expect([...new Set(followUps.map((r) => r.applicationId))]).toEqual([s.application.id]);
    const candidates = rowsOf((await get('/api/v1/exports/candidates.csv', interviewerToken)).body);
    expect(candidates.map((r) => r.id)).toEqual([s.candidate.id]);
    const applications = rowsOf((await get('/api/v1/exports/applications.csv', interviewerToken)).body);
    expect(applications.map((r) => r.id)).toEqual([s.application.id]);
    expect(applications.map((r) => r.id)).not.toContain(otherApp.id);
    for (const list of ['messages', 'talent-pool']) {
      const res = await get(`/api/v1/exports/${list}.csv`, interviewerToken);
      expect([list, res.statusCode]).toEqual([list, 403]);
    }
    expect((await get('/api/v1/exports/organization.json', interviewerToken)).statusCode).toBe(403);
  });

  it('exports every list, each with a header of its fields, and reads past one page', async () => {
    const { s, org } = await scenario();
    for (let i = 0; i < 205; i += 1) await buildCandidate(deps(), org, { name: `Bulk ${i}` });
    for (const list of EXPORT_LISTS) {
      const res = await get(`/api/v1/exports/${list.name}.csv`, s.apiToken);
      expect([list.name, res.statusCode]).toEqual([list.name, 200]);
      const [header] = parse(res.body, { toLine: 1 });
      expect(header, list.name).toEqual(csvColumnsOf(list.item, list.omit).map((c) => c.name));
    }
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<any>();
    expect(Object.keys(doc.paths['/api/v1/exports/candidates.csv'].get.responses['200'].content)).toEqual([
      'text/csv',
    ]);
    const candidates = rowsOf((await get('/api/v1/exports/candidates.csv', s.apiToken)).body);
    expect(candidates).toHaveLength(207);
    expect(new Set(candidates.map((r) => r.id)).size).toBe(207);
    const interviews = rowsOf((await get('/api/v1/exports/interviews.csv?closed=true', s.apiToken)).body);
    expect(interviews.map((r) => r.id)).toEqual([s.interview.id]);
    expect(interviews[0]).toMatchObject({
      'promise.statement': 'By Friday',
      closedAt: expect.stringMatching(/Z$/),
    });
    const messages = rowsOf((await get('/api/v1/exports/messages.csv', s.apiToken)).body);
    expect(messages.length).toBeGreaterThan(0);
    expect(Object.keys(messages[0]!)).not.toContain('bodyHtml');
    // Status links stay masked, as the API shows them.
    expect(messages.map((m) => m.bodyText).join('\n')).not.toMatch(/\/s\/[A-Za-z0-9_-]{43}/);
  });

  it('exports the organization as JSON for admins only: its rows, no other organization’s, no secret', async () => {
    const { s, org, recruiterToken, elsewhere } = await scenario();
    // Secrets of every kind the database holds: a password hash, API token hashes, a sign-in link
    // (its hash, and the link itself in the email that carried it), a webhook's signing secret.
    const passwordHash = '$argon2id$v=19$m=19456,t=2,p=1$c2VudGluZWw$sentinel-password-hash';
    await db.query('UPDATE members SET password_hash = $1 WHERE id = $2', [passwordHash, s.recruiter.id]);
    const link = await issueSignInLink(deps(), s.recruiter.email, org);
    const signInToken = new URL(link.url).searchParams.get('token')!;
    const { secret } = await createEndpoint(
      { ...deps(), webhooks: { allowPrivateTargets: true } },
      org,
      null,
      {
        kind: 'webhook',
        url: 'https://hooks.acme.test/hearback',
        events: ['interview.closed'],
      },
    );
    const hashes = await db.query<{ h: string }>(
      `SELECT token_hash AS h FROM api_tokens WHERE org_id = $1
       UNION ALL SELECT token_hash FROM login_tokens WHERE org_id = $1
       UNION ALL SELECT token_hash FROM status_links WHERE org_id = $1`,
      [org],
    );
    expect(hashes.length).toBeGreaterThanOrEqual(3);

    expect((await get('/api/v1/exports/organization.json', recruiterToken)).statusCode).toBe(403);
    const readOnly = await createApiToken(
      deps(),
      org,
      { name: 'ro', scopes: ['read'] },
      { memberId: s.admin.id },
    );
    expect((await get('/api/v1/exports/organization.json', readOnly.token)).statusCode).toBe(403);

    const res = await get('/api/v1/exports/organization.json', s.apiToken);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="hearback-organization-2026-11-30.json"',
    );
    const doc = res.json<{
      format: string;
      organizationId: string;
      schemaVersion: number;
      excluded: { tables: Record<string, string> };
      tables: Record<string, Record<string, unknown>[]>;
    }>();
    expect(doc).toMatchObject({ format: 'hearback-organization-export', organizationId: org });
    expect(doc.schemaVersion).toBeGreaterThan(0);
    expect(Object.keys(doc.tables)).toEqual(EXPORTED_TABLES.map((t) => t.table));
    expect(doc.tables.organizations!.map((o) => o.id)).toEqual([org]);
    expect(doc.tables.candidates!.map((c) => c.name)).toContain(INJECTION);
    expect(doc.tables.members!.map((m) => m.id)).toEqual(
      expect.arrayContaining([s.admin.id, s.recruiter.id]),
    );
    expect(doc.tables.interviews!.map((i) => i.id)).toContain(s.interview.id);
    expect(doc.tables.follow_ups!.length).toBeGreaterThanOrEqual(3);
    expect(doc.tables.interview_interviewers!.length).toBeGreaterThanOrEqual(2);
    expect(doc.tables.webhook_endpoints).toHaveLength(1);
    expect(doc.excluded.tables).toHaveProperty('sessions');
    for (const rows of Object.values(doc.tables)) {
      for (const row of rows) {
        expect(row.org_id ?? row.id).toBe(org);
        expect(row).not.toHaveProperty('password_hash');
        expect(row).not.toHaveProperty('token_hash');
        expect(row).not.toHaveProperty('secret');
      }
    }
    // No value anywhere in the file: not the hashes, not the secret, not the sign-in link's token.
    for (const needle of [passwordHash, secret!, signInToken, ...hashes.map((h) => h.h)]) {
      expect(res.body).not.toContain(needle);
    }
    for (const id of [elsewhere.organization.id, elsewhere.application.id, elsewhere.candidate.id]) {
      expect(res.body).not.toContain(id);
    }

    // Recorded: who exported, when.
    const audit = await get('/api/v1/audit?action=organization_exported', s.apiToken);
    expect(audit.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({
        action: 'organization_exported',
        actorId: s.admin.id,
        at: '2026-11-30T10:00:00.000Z',
      }),
    ]);
  });

  it('classifies every table and every secret-looking column of the database', async () => {
    const tables = await listTablesAndColumns(db);
    expect(tables.size).toBeGreaterThan(30); // the catalog was read
    const exported = new Map(EXPORTED_TABLES.map((t) => [t.table, t]));
    for (const [table, columns] of tables) {
      const spec = exported.get(table);
      expect(
        spec !== undefined || table in EXCLUDED_TABLES,
        `table ${table} is neither exported nor excluded in src/domain/organization-export.ts`,
      ).toBe(true);
      expect(spec !== undefined && table in EXCLUDED_TABLES, `${table} is both`).toBe(false);
      if (!spec) continue;
      expect(columns, table).toContain(spec.orgColumn);
      for (const k of spec.key) expect(columns, table).toContain(k.name);
      for (const secretColumn of Object.keys(spec.secretColumns))
        expect(columns, table).toContain(secretColumn);
      for (const column of columns.filter((c) => SECRET_LOOKING.test(c))) {
        expect(
          column in spec.secretColumns || `${table}.${column}` in NOT_SECRET,
          `${table}.${column} looks like a secret: classify it in src/domain/organization-export.ts`,
        ).toBe(true);
      }
    }
    // The keyset compares each key column as the type declared: it must be the column's own.
    const types = await db.query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    for (const spec of EXPORTED_TABLES) {
      for (const k of spec.key) {
        const column = types.find((t) => t.table_name === spec.table && t.column_name === k.name);
        expect([spec.table, k.name, column?.data_type]).toEqual([spec.table, k.name, k.type]);
      }
    }
    for (const table of [...exported.keys(), ...Object.keys(EXCLUDED_TABLES)]) {
      expect(tables.has(table), `${table} is classified but does not exist`).toBe(true);
    }
  });
});
