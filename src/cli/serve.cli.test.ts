import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  runHearback,
  startHearback,
  type ServingProcess,
} from '../../test/support/hearback-process.ts';

/**
 * The README's first ten minutes, with real processes: `hearback serve` on a fresh PGlite
 * directory, and beside it — while it serves — `hearback demo` and `hearback org create` as
 * separate processes, their tokens used against the running server, the printed invitation
 * opened and a password set, the other commands through the server, a second server and an
 * extra worker refused, then a SIGKILL and a restart that still has every organization.
 * One server shared by the steps (a fresh PGlite takes seconds to create).
 */
describe('hearback serve on PGlite with the CLI beside it', { timeout: 180_000 }, () => {
  let dir: string;
  let port: number;
  let base: string;
  let server: ServingProcess;
  let env: Record<string, string>;
  const orgs: { name: string; apiToken: string }[] = [];
  const password = 'a long enough password';

  const cli = (args: string[], extra: Record<string, string> = {}) =>
    runHearback(args, { cwd: dir, env: { ...env, ...extra } });
  const api = (path: string, token: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
    });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hb-serve-'));
    port = await freePort();
    base = `http://localhost:${port}`;
    // No PUBLIC_URL: links must carry the real port. The CLI's environment does not even know it.
    env = { DATA_DIR: './data', WORKER_POLL_MS: '200', LOG_LEVEL: 'info' };
    server = startHearback(['serve'], { cwd: dir, env: { ...env, PORT: String(port) } });
    await server.waitForOutput(/Hearback on http:\/\/localhost:\d+/, 120_000);
  }, 150_000);

  afterAll(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs demo and org create through the server; their tokens work against it', async () => {
    const [demo, org] = await Promise.all([
      cli(['demo']),
      cli(['org', 'create', 'X', '--admin-email', 'a@x.test']),
    ]);
    expect(demo.code, demo.stderr).toBe(0);
    expect(org.code, org.stderr).toBe(0);
    const demoOut = JSON.parse(demo.stdout) as { name: string; apiToken: string; signIn: { email: string } };
    const orgOut = JSON.parse(org.stdout) as { name: string; apiToken: string; adminInviteUrl: string };
    orgs.push(demoOut, orgOut);
    for (const { apiToken } of orgs) {
      const jobs = await api('/api/v1/jobs', apiToken);
      expect(jobs.status).toBe(200);
    }
    const demoJobs = (await (await api('/api/v1/jobs', demoOut.apiToken)).json()) as { items?: unknown[] };
    expect((demoJobs.items ?? (demoJobs as unknown[])).length).toBeGreaterThan(0);
    expect(server.output()).toMatch(/control channel: demo → ok/);
    expect(server.output()).toMatch(/control channel: org create → ok/);
  });

  it('prints an invitation on the real port that opens and sets a password', async () => {
    const invite = JSON.parse((await cli(['org', 'create', 'Y', '--admin-email', 'ada@y.test'])).stdout) as {
      apiToken: string;
      adminInviteUrl: string;
    };
    orgs.push({ name: 'Y', apiToken: invite.apiToken });
    expect(invite.adminInviteUrl).toMatch(
      new RegExp(`^http://localhost:${port}/auth/invite\\?token=[\\w-]{43}$`),
    );
    // Without SMTP the serving terminal prints it too (the dev mailbox).
    await server.waitForOutput(/dev mailbox: invitation for [^\n]*ada@y\.test[^\n]*\/auth\/invite\?token=/);

    const page = await fetch(invite.adminInviteUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="password"');
    const token = new URL(invite.adminInviteUrl).searchParams.get('token')!;
    const joined = await fetch(`${base}/auth/invite`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, password }).toString(),
      redirect: 'manual',
    });
    expect(joined.status).toBe(303);
    const cookie = joined.headers.get('set-cookie')!.split(';')[0]!;
    const session = await fetch(`${base}/api/v1/auth/session`, { headers: { cookie } });
    expect(session.status).toBe(200);
    expect(JSON.stringify(await session.json())).toContain('ada@y.test');
  });

  it('prints one-time sign-in links: from the CLI, and in the serving terminal', async () => {
    const r = await cli(['sign-in-link', 'ada@y.test']);
    expect(r.code, r.stderr).toBe(0);
    const url = r.stdout.trim();
    expect(url).toMatch(new RegExp(`^http://localhost:${port}/auth/magic-link\\?token=[\\w-]{43}$`));
    expect(r.stderr).toMatch(/^hearback: sign-in link for .*ada@y\.test/);
    const first = await fetch(url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('set-cookie')).toBeTruthy();
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(400); // once

    const unknown = await cli(['sign-in-link', 'nobody@y.test']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);

    // Asked for on the sign-in page: the dev mailbox prints it where the server runs.
    const asked = await fetch(`${base}/api/v1/auth/magic-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@x.test' }),
    });
    expect(asked.status).toBeLessThan(300);
    await server.waitForOutput(
      /dev mailbox: sign-in link for [^\n]*a@x\.test[^\n]*\/auth\/magic-link\?token=/,
    );
  });

  it('answers migrate and doctor through the server', async () => {
    const migrate = await cli(['migrate']);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toMatch(new RegExp(`served by \`hearback serve\` \\(pid ${server.child.pid}\\)`));
    const doctor = await cli(['doctor']);
    expect(doctor.code, doctor.stdout).toBe(0);
    expect(doctor.stdout).toMatch(/ok\s+database\s+.*asked the serving process.*3 organizations/);
    expect(doctor.stdout).toMatch(new RegExp(`ok\\s+data directory\\s+.*pid ${server.child.pid}`));
  });

  it('refuses a second serve and an extra worker at once, naming the owner; the data is intact', async () => {
    const second = await cli(['serve'], { PORT: String(await freePort()) });
    expect(second.code).toBe(1);
    expect(second.stdout).toBe('');
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.stderr).toMatch(
      new RegExp(`already served by \`hearback serve\` \\(pid ${server.child.pid}\\b`),
    );
    expect(second.stderr).toContain('DATABASE_URL');

    const worker = await cli(['worker']);
    expect(worker.code).toBe(1);
    expect(worker.stderr.trim().split('\n')).toHaveLength(1);
    expect(worker.stderr).toMatch(new RegExp(`pid ${server.child.pid}\\b.*already runs the worker`));

    for (const { apiToken } of orgs) expect((await api('/api/v1/jobs', apiToken)).status).toBe(200);
  });

  it('keeps every organization through a SIGKILL; the stale lock does not block the restart', async () => {
    const killedPid = server.child.pid;
    server.child.kill('SIGKILL');
    expect(await server.exited).toBe('SIGKILL');
    const lockFile = join(dir, 'data', 'hearback.lock');
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: killedPid, command: 'serve' });

    server = startHearback(['serve'], { cwd: dir, env: { ...env, PORT: String(port) } });
    await server.waitForOutput(/Hearback on http:\/\/localhost:\d+/, 120_000);
    for (const { apiToken } of orgs) expect((await api('/api/v1/jobs', apiToken)).status).toBe(200);
    const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@y.test', password }),
    });
    expect(signIn.status).toBe(200);

    // A clean stop leaves no lock and no socket behind.
    expect(await server.stop()).toBe(0);
    expect(existsSync(lockFile)).toBe(false);
    expect(existsSync(join(dir, 'data', 'hearback.sock'))).toBe(false);
    // And with nothing serving, a command opens the directory itself (under the lock).
    const local = await cli(['org', 'create', 'Z', '--admin-email', 'z@z.test']);
    expect(local.code, local.stderr).toBe(0);
    expect(existsSync(lockFile)).toBe(false);
  });
});
