import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPostgresDatabase } from '../../test/support/db.ts';
import { runHearback } from '../../test/support/hearback-process.ts';

/**
 * `hearback doctor` with real neighbours: an SMTP server that wants a login, a PostgreSQL
 * database nobody has migrated, a data directory with a lock left by a killed process.
 */
describe('hearback doctor', { timeout: 120_000 }, () => {
  let dir: string;
  let smtp: SMTPServer;
  let smtpPort: number;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hb-doctor-'));
    smtp = new SMTPServer({
      authMethods: ['PLAIN', 'LOGIN'],
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'hearback' && auth.password === 'right horse')
          callback(null, { user: 'hearback' });
        else callback(new Error('Invalid username or password'));
      },
    });
    smtp.on('error', () => {});
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  });

  const doctor = (env: Record<string, string>) => runHearback(['doctor'], { cwd: dir, env });

  it('logs in to the SMTP relay, and fails with its reason when the password is wrong', async () => {
    const good = await doctor({
      DATA_DIR: './none',
      SMTP_URL: `smtp://hearback:right%20horse@127.0.0.1:${smtpPort}`,
    });
    expect(good.stdout).toMatch(/ok\s+mail\s+smtp:\/\/127\.0\.0\.1:\d+: connected and logged in as hearback/);
    expect(good.stdout).not.toContain('right horse');
    expect(good.code).toBe(0);

    const bad = await doctor({ DATA_DIR: './none', SMTP_URL: `smtp://hearback:wrong@127.0.0.1:${smtpPort}` });
    expect(bad.stdout).toMatch(/FAIL\s+mail\s+smtp:\/\/127\.0\.0\.1:\d+: .*Invalid/);
    expect(bad.stdout).toMatch(/doctor: \d+ ok, \d+ warnings?, 1 failed/);
    expect(bad.code).toBe(1);
  });

  it('says a lock left by a killed process is no obstacle', async () => {
    await mkdir(join(dir, 'stale'), { mode: 0o700 });
    await writeFile(
      join(dir, 'stale', 'hearback.lock'),
      JSON.stringify({
        pid: 2 ** 22 + 1,
        host: (await import('node:os')).hostname(),
        command: 'serve',
        nonce: 'x',
      }),
    );
    const r = await doctor({ DATA_DIR: './stale' });
    expect(r.stdout).toMatch(/ok\s+data directory\s+.*not in use \(a lock left by a stopped process/);
    expect(r.stdout).toMatch(/no database in it yet|does not exist/);
  });

  it.skipIf(!inject('postgresUrl'))(
    'checks that the tenant login cannot become the system role',
    async () => {
      const login = `hearback_doctor_tenant_${process.pid}`;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP ROLE IF EXISTS ${login}`);
      await admin.query(`CREATE ROLE ${login} LOGIN IN ROLE hearback_app`);
      // A private database: a connection to the run's template would block others copying it.
      const database = await createPostgresDatabase();
      try {
        const tenant = new URL(database.url);
        tenant.username = login;
        const good = await doctor({ DATABASE_URL: database.url, DATABASE_TENANT_URL: tenant.toString() });
        expect(good.stdout).toMatch(new RegExp(`ok\\s+tenant login\\s+${login}: hearback_app only`));
        // The owner's login as the tenant login: it can switch roles, so the check fails.
        const bad = await doctor({ DATABASE_URL: database.url, DATABASE_TENANT_URL: database.url });
        expect(bad.stdout).toMatch(/FAIL\s+tenant login\s+.*can switch to hearback_system/);
        expect(bad.code).toBe(1);
      } finally {
        await database.drop();
        await admin.query(`DROP ROLE IF EXISTS ${login}`);
        await admin.end();
      }
    },
  );

  it.skipIf(!inject('postgresUrl'))('fails on a database with pending migrations', async () => {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const name = `hearback_doctor_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      const r = await doctor({ DATABASE_URL: url.toString() });
      expect(r.stdout).toMatch(
        /FAIL\s+database\s+PostgreSQL [\d.]+.*migrations pending: run `hearback migrate`/,
      );
      expect(r.stdout).toMatch(/ok\s+clock\s+/);
      // One login for tenant and system work is a warning, with what to do.
      expect(r.stdout).toMatch(
        /warn\s+tenant login\s+DATABASE_URL does tenant and system work: set DATABASE_TENANT_URL/,
      );
      expect(r.code).toBe(1);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
