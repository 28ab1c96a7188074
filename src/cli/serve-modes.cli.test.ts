import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '../../test/support/db.ts';
import {
  freePort,
  runHearback,
  startHearback,
  type ServingProcess,
} from '../../test/support/hearback-process.ts';
import { startSmtpSink, type SmtpSink } from '../../test/support/smtp-sink.ts';

// Real processes against a real SMTP server, in real time.
/* eslint-disable no-restricted-syntax, no-restricted-properties */

/** The body of a raw email with quoted-printable soft breaks and escapes undone. */
function decodedBody(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

async function waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * With SMTP configured, sign-in links and invitation tokens go to the relay and nowhere else:
 * not to the serving terminal (that is the dev mailbox's job only), not into the request log
 * even at trace level, although each token is used in a request URL below.
 */
describe('hearback serve with SMTP', { timeout: 180_000 }, () => {
  let dir: string;
  let sink: SmtpSink;
  let server: ServingProcess;
  let base: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hb-smtp-'));
    sink = await startSmtpSink(() => new Date());
    const port = await freePort();
    base = `http://localhost:${port}`;
    env = { DATA_DIR: './data', SMTP_URL: sink.url, WORKER_POLL_MS: '200', LOG_LEVEL: 'trace' };
    server = startHearback(['serve'], { cwd: dir, env: { ...env, PORT: String(port) } });
    await server.waitForOutput(/Hearback on http:\/\/localhost:\d+/, 120_000);
  }, 150_000);

  afterAll(async () => {
    await server?.stop();
    await sink?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps every token out of the log', async () => {
    const tokens: string[] = [];
    const org = await runHearback(['org', 'create', 'Relay', '--admin-email', 'ada@relay.test'], {
      cwd: dir,
      env,
    });
    expect(org.code, org.stderr).toBe(0);
    const inviteUrl = (JSON.parse(org.stdout) as { adminInviteUrl: string }).adminInviteUrl;
    const inviteToken = new URL(inviteUrl).searchParams.get('token')!;
    tokens.push(inviteToken);
    // The invitation went to the relay, carrying the same link.
    await waitFor(
      () =>
        sink.received.find(
          (m) => m.envelopeTo.includes('ada@relay.test') && decodedBody(m.raw).includes(inviteToken),
        ),
      'the invitation email',
    );
    expect((await fetch(inviteUrl)).status).toBe(200);
    const joined = await fetch(`${base}/auth/invite`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: inviteToken, password: 'a long enough password' }).toString(),
      redirect: 'manual',
    });
    expect(joined.status).toBe(303);

    const asked = await fetch(`${base}/api/v1/auth/magic-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@relay.test' }),
    });
    expect(asked.status).toBeLessThan(300);
    const mail = await waitFor(
      () => sink.received.find((m) => /\/auth\/magic-link\?token=/.test(decodedBody(m.raw))),
      'the sign-in email',
    );
    const magicToken = /\/auth\/magic-link\?token=([\w-]{43})/.exec(decodedBody(mail.raw))![1]!;
    tokens.push(magicToken);
    expect((await fetch(`${base}/auth/magic-link?token=${magicToken}`, { redirect: 'manual' })).status).toBe(
      303,
    );

    const link = await runHearback(['sign-in-link', 'ada@relay.test'], { cwd: dir, env });
    expect(link.code, link.stderr).toBe(0);
    tokens.push(new URL(link.stdout.trim()).searchParams.get('token')!);
    expect((await fetch(link.stdout.trim(), { redirect: 'manual' })).status).toBe(303);

    expect(await server.stop()).toBe(0);
    const log = server.output();
    // The log did record those requests — with the secret replaced.
    expect(log).toContain('/auth/magic-link?token=[redacted]');
    expect(log).toContain('/auth/invite?token=[redacted]');
    for (const token of tokens) expect(log).not.toContain(token);
    expect(log).not.toContain('dev mailbox:');
  });
});

/** On PostgreSQL nothing is locked: any number of processes, each opening the database itself. */
describe.skipIf(!inject('postgresUrl'))('hearback on PostgreSQL', { timeout: 180_000 }, () => {
  let dir: string;
  let drop: () => Promise<void>;
  let env: Record<string, string>;
  const running: ServingProcess[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hb-pg-'));
    const database = await createPostgresDatabase();
    drop = database.drop;
    env = { DATABASE_URL: database.url, WORKER_POLL_MS: '200' };
  });

  afterAll(async () => {
    await Promise.all(running.map((p) => p.stop()));
    await drop?.();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs two servers and a worker side by side, and the CLI beside them', async () => {
    const ports = [await freePort(), await freePort()];
    for (const port of ports)
      running.push(startHearback(['serve'], { cwd: dir, env: { ...env, PORT: String(port) } }));
    running.push(startHearback(['worker'], { cwd: dir, env }));
    await Promise.all([
      running[0]!.waitForOutput(/Hearback on/),
      running[1]!.waitForOutput(/Hearback on/),
      running[2]!.waitForOutput(/hearback worker: dev mailbox/),
    ]);
    const org = await runHearback(['org', 'create', 'Shared', '--admin-email', 'a@shared.test'], {
      cwd: dir,
      env,
    });
    expect(org.code, org.stderr).toBe(0);
    const { apiToken } = JSON.parse(org.stdout) as { apiToken: string };
    for (const port of ports) {
      const jobs = await fetch(`http://localhost:${port}/api/v1/jobs`, {
        headers: { authorization: `Bearer ${apiToken}` },
      });
      expect(jobs.status).toBe(200);
    }
    const migrate = await runHearback(['migrate'], { cwd: dir, env });
    expect(migrate.stdout).toMatch(/up to date/);
    for (const p of running) expect(p.output()).not.toMatch(/in use by|already served/);
    // Idle between its ticks, the worker is still running: nothing but a signal ends it.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect([running[2]!.child.exitCode, running[2]!.child.signalCode]).toEqual([null, null]);
  });
});
