import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHearback } from '../../test/support/hearback-process.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hb-agency-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const env = () => ({ DATA_DIR: join(dir, 'data'), DATABASE_URL: '' });
function hearback(args: string[]) {
  return runHearback(args, { cwd: dir, env: env(), timeoutMs: 240_000 });
}

/**
 * The agency from the command line, with the real binary on PGlite: `demo --agency` fills an
 * agency, `desk` shows its recruiter's morning (a late client first), `export` lists its clients
 * and submissions as CSV; bad arguments are exit 2 with a reason.
 */
describe('hearback demo --agency, desk and the agency exports', { timeout: 400_000 }, () => {
  it('fills an agency whose desk opens with a late client, and exports its clients and submissions', async () => {
    const demo = await hearback(['demo', '--agency']);
    expect(demo.code, demo.stderr).toBe(0);
    const out = JSON.parse(demo.stdout) as {
      organizationId: string;
      name: string;
      apiToken: string;
      clients: number;
      submissions: number;
      signIn: { email: string; password: string };
    };
    expect(out).toMatchObject({ name: 'Harbor & Pine Talent (demo)', clients: 3, submissions: 9 });
    expect(out.apiToken).toMatch(/^hb_/);
    expect(out.signIn.email).toBe('june@harborpine.example');

    const desk = await hearback(['desk', '--org', out.organizationId]);
    expect(desk.code, desk.stderr).toBe(0);
    expect(desk.stdout).toContain(
      'Desk of June Okafor <june@harborpine.example> — Harbor & Pine Talent (demo)',
    );
    // Overdue first: the first follow-up line is overdue, and the late client's feedback is there.
    const rows = desk.stdout.split('\n').filter((l) => /^ {2}(OVERDUE|due {4}) /.test(l));
    expect(rows[0]).toMatch(/^ {2}OVERDUE/);
    expect(desk.stdout).toMatch(
      /OVERDUE .*client_feedback .*Cobalt Freightworks.*nudge the client with news/,
    );
    expect(desk.stdout).toMatch(
      /Marco Bellini — Regional Dispatch Manager → Cobalt Freightworks \(Rosa Delgado\): \d+ days, submitted, deadline .* PASSED/,
    );

    const json = await hearback([
      'desk',
      '--org',
      out.organizationId,
      '--member',
      'JUNE@harborpine.example',
      '--json',
    ]);
    expect(json.code, json.stderr).toBe(0);
    const parsed = JSON.parse(json.stdout) as {
      desk: { waiting: { pastDeadline: boolean }[]; clients: unknown[] };
    };
    expect(parsed.desk.clients).toHaveLength(3);
    expect(parsed.desk.waiting.some((w) => w.pastDeadline)).toBe(true);

    const clients = await hearback(['export', '--org', out.organizationId, '--list', 'clients']);
    expect(clients.code, clients.stderr).toBe(0);
    const clientRows = parse<Record<string, string>>(clients.stdout, { columns: true });
    expect(clientRows.map((r) => r.name).sort()).toEqual([
      'Cobalt Freightworks',
      'Lumen Biotech',
      'Tidewater Credit Union',
    ]);
    expect(Object.keys(clientRows[0]!)).toEqual(
      expect.arrayContaining(['feedbackDaysAfterSubmission', 'guaranteeDays']),
    );
    const submissions = await hearback(['export', '--org', out.organizationId, '--list', 'submissions']);
    expect(submissions.code, submissions.stderr).toBe(0);
    const stages = parse<Record<string, string>>(submissions.stdout, { columns: true }).map((r) => r.stage);
    expect(new Set(stages)).toEqual(
      new Set([
        'submitted',
        'client_reviewing',
        'interviewing',
        'offered',
        'placed',
        'declined',
        'withdrawn',
      ]),
    );

    const nobody = await hearback([
      'desk',
      '--org',
      out.organizationId,
      '--member',
      'nobody@harborpine.example',
    ]);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/Member nobody@harborpine.example was not found/);
  });

  it.each([
    [['desk'], /--org must be an organization id/],
    [['desk', '--org', 'acme'], /--org must be an id/],
    [['desk', '--org', '6f1c2a52-3c39-4f43-9a8a-1d2b3c4d5e6f', '--member', 'not-an-email'], /--member/],
    [['desk', '--org', '6f1c2a52-3c39-4f43-9a8a-1d2b3c4d5e6f', 'extra'], /desk takes no "extra"/],
    [['demo', '--agency', '--clients', '3'], /--clients/],
    [['export', '--org', '6f1c2a52-3c39-4f43-9a8a-1d2b3c4d5e6f', '--list', 'contacts'], /clients/],
  ])('refuses %j with exit 2', async (args, message) => {
    const run = await hearback(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('explains desk and demo --agency in --help', async () => {
    const desk = await hearback(['desk', '--help']);
    expect(desk.code).toBe(0);
    expect(desk.stdout).toContain('Usage: hearback desk --org ID [--member EMAIL] [--json]');
    const demo = await hearback(['demo', '--help']);
    expect(demo.stdout).toContain('--agency');
  });
});
