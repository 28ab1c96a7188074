import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pg from 'pg';
import semver from 'semver';
import { compiledEntry } from '../../bin/compiled-server.js';
import { systemClock } from '../clock.ts';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { describeOwner } from '../db/data-dir-lock.ts';
import { loadMigrations } from '../db/migrate.ts';
import { isValidTimeZone } from '../domain/business-time.ts';
import { verifySmtp } from '../mail/smtp.transport.ts';
import { packageJson } from '../paths.ts';
import type { DatabaseStatus } from './owner-commands.ts';
import { inspectOwner, isServingOwner, runOwnerCommand } from './owner.ts';
import { describeFailure } from './main.ts';
import { parseNoArguments } from './usage.ts';
import { webBuildState } from './web-build.ts';

type Status = 'ok' | 'warn' | 'fail';
interface Check {
  name: string;
  status: Status;
  detail: string;
}

/** How far the database's clock may be from ours before it is worth a warning. */
const CLOCK_SKEW_WARN_MS = 5_000;
/** How long a check may take (a black-holed SMTP or PostgreSQL host must not hang the doctor). */
const CHECK_TIMEOUT_MS = 15_000;

/**
 * `hearback doctor`: configuration, Node, the data directory and its owner, the database
 * (reachable, migrated), mail (SMTP login), the clock and the web build — one line each, then a
 * summary. Exit 0 when nothing failed (warnings allowed), 1 when a check failed, 2 when the
 * configuration is invalid. It changes nothing: it neither creates nor migrates a database.
 */
export async function runDoctor(args: string[]): Promise<number> {
  parseNoArguments(args);
  const checks: Check[] = [];
  const add = (name: string, status: Status, detail: string) => {
    checks.push({ name, status, detail });
    process.stdout.write(
      `  ${status === 'fail' ? 'FAIL' : status.padEnd(4)}  ${name.padEnd(15)} ${detail}\n`,
    );
  };
  process.stdout.write('hearback doctor\n');

  let config: Config | null = null;
  try {
    config = loadConfig();
    const db =
      config.database.kind === 'pglite'
        ? `PGlite in ${config.database.dataDir}`
        : `PostgreSQL (${redactUrl(config.database.url)})`;
    add(
      'configuration',
      'ok',
      `${db}; links from ${config.publicUrl}${existsSync('.env') ? '; .env read' : ''}`,
    );
  } catch (error) {
    add(
      'configuration',
      'fail',
      error instanceof ConfigError ? error.problems.join('; ') : describeFailure(error).message,
    );
  }

  const engines = nodeEngines();
  add(
    'node',
    semver.satisfies(process.versions.node, engines) ? 'ok' : 'fail',
    `${process.version} (Hearback needs ${engines})`,
  );

  if (config) {
    const database = await checkDataDirectory(config, add);
    if (database) await checkDatabase(config, add);
    if (config.database.kind === 'postgres') await checkTenantLogin(config.database.tenantUrl, add);
    await checkMail(config, add);
  }
  const zones = isValidTimeZone('America/New_York') && isValidTimeZone('Asia/Kolkata');
  if (!zones)
    add(
      'time zones',
      'fail',
      'this Node has no time zone data (built with small-icu?): promises cannot be resolved',
    );

  const web = await webBuildState();
  add('web app', web.state === 'fresh' ? 'ok' : 'warn', web.message);
  add(
    'compiled code',
    (await compiledEntry()) ? 'ok' : 'warn',
    (await compiledEntry())
      ? 'dist/server matches src/'
      : 'src/ changed since the last build: commands run from the sources, slower (`npm run build`; serve rebuilds it)',
  );

  const failed = checks.filter((c) => c.status === 'fail').length;
  const warned = checks.filter((c) => c.status === 'warn').length;
  process.stdout.write(
    `doctor: ${checks.length - failed - warned} ok, ${warned} warning${warned === 1 ? '' : 's'}, ${failed} failed\n`,
  );
  if (!config) return 2;
  return failed > 0 ? 1 : 0;
}

/**
 * PostgreSQL's tenant login (DATABASE_TENANT_URL): without one, SQL on a tenant connection can
 * switch to the cross-tenant role; with one, it must not be able to (docs/SECURITY.md).
 */
async function checkTenantLogin(
  tenantUrl: string | undefined,
  add: (n: string, s: Status, d: string) => void,
): Promise<void> {
  if (!tenantUrl) {
    add(
      'tenant login',
      'warn',
      'DATABASE_URL does tenant and system work: set DATABASE_TENANT_URL to a login in hearback_app only (docs/SECURITY.md)',
    );
    return;
  }
  const client = new pg.Client({ connectionString: tenantUrl, connectionTimeoutMillis: CHECK_TIMEOUT_MS });
  try {
    await client.connect();
    const [row] = (
      await client.query<{ login: string; app: boolean; system: boolean }>(
        `SELECT current_user AS login,
                pg_has_role(current_user, 'hearback_app', 'MEMBER') AS app,
                pg_has_role(current_user, 'hearback_system', 'MEMBER') AS system`,
      )
    ).rows;
    if (!row!.app) add('tenant login', 'fail', `${row!.login} is not a member of hearback_app`);
    else if (row!.system)
      add('tenant login', 'fail', `${row!.login} can switch to hearback_system: remove it from that role`);
    else add('tenant login', 'ok', `${row!.login}: hearback_app only`);
  } catch (error) {
    add('tenant login', 'fail', `${redactUrl(tenantUrl)}: ${describeFailure(error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The data directory and who holds it; whether there is a database to look at. */
async function checkDataDirectory(
  config: Config,
  add: (n: string, s: Status, d: string) => void,
): Promise<boolean> {
  if (config.database.kind !== 'pglite') return true;
  const dir = resolve(config.database.dataDir);
  if (!existsSync(dir)) {
    add('data directory', 'warn', `${dir} does not exist yet: \`npm start\` (or any command) creates it`);
    return false;
  }
  const info = await stat(dir);
  if ((info.mode & 0o022) !== 0) {
    add(
      'data directory',
      'fail',
      `${dir} is writable by other users (mode ${(info.mode & 0o777).toString(8)}): chmod go-w it`,
    );
    return false;
  }
  const lock = await inspectOwner(config);
  const hasDatabase = existsSync(join(dir, 'PG_VERSION'));
  switch (lock.state) {
    case 'free':
      add('data directory', 'ok', `${dir}: not in use${hasDatabase ? '' : '; no database in it yet'}`);
      return hasDatabase;
    case 'stale':
      add(
        'data directory',
        'ok',
        `${dir}: not in use (a lock left by a stopped process — ${lock.reason} — is cleared by the next start)${hasDatabase ? '' : '; no database in it yet'}`,
      );
      return hasDatabase;
    case 'held':
      if (isServingOwner(lock.owner)) {
        add(
          'data directory',
          'ok',
          `${dir}: owned by ${describeOwner(lock.owner)}${lock.owner.url ? ` at ${lock.owner.url}` : ''}; other commands go through it`,
        );
        return true;
      }
      add(
        'data directory',
        'warn',
        `${dir}: in use by ${describeOwner(lock.owner)}; run doctor again when it has finished`,
      );
      return false;
  }
}

/** Reachable and migrated, and the clock against the database's. */
async function checkDatabase(config: Config, add: (n: string, s: Status, d: string) => void): Promise<void> {
  let status: DatabaseStatus;
  let via: string;
  try {
    const result = await withTimeout(
      runOwnerCommand(config, 'status', {}, () => undefined),
      CHECK_TIMEOUT_MS,
      'the database did not answer',
    );
    status = result.output;
    via = result.via === 'owner' ? ' (asked the serving process)' : '';
  } catch (error) {
    add('database', 'fail', describeFailure(error).message);
    return;
  }
  const known = (await loadMigrations()).length;
  const where = `${status.serverVersion}${via}`;
  if (status.version === known) {
    add(
      'database',
      'ok',
      `${where}; all ${known} migrations applied; ${status.organizations} organization${status.organizations === 1 ? '' : 's'}`,
    );
  } else if (status.version < known) {
    add(
      'database',
      'fail',
      `${where}; ${known - status.version} of ${known} migrations pending: run \`hearback migrate\` (serve migrates at start)`,
    );
  } else {
    add(
      'database',
      'fail',
      `${where}; at migration ${status.version}, newer than this code's ${known}: run the newer Hearback`,
    );
  }
  const now = systemClock.now();
  const skew = status.clockSkewMs;
  const latest = status.latestRecordAt ? Date.parse(status.latestRecordAt) : null;
  if (latest !== null && latest - now.getTime() > 60_000) {
    add(
      'clock',
      'fail',
      `${now.toISOString()} is before the newest record (${status.latestRecordAt}): the clock is behind`,
    );
  } else if (Math.abs(skew) > CLOCK_SKEW_WARN_MS) {
    add(
      'clock',
      'warn',
      `${now.toISOString()}; the database's clock differs by ${(skew / 1000).toFixed(1)} s`,
    );
  } else {
    add(
      'clock',
      'ok',
      `${now.toISOString()}; the database agrees within ${(Math.abs(skew) / 1000).toFixed(1)} s`,
    );
  }
}

async function checkMail(config: Config, add: (n: string, s: Status, d: string) => void): Promise<void> {
  const transport = config.mail.transport;
  if (transport.kind === 'dev_mailbox') {
    add(
      'mail',
      'warn',
      'no SMTP_URL: mail stays in the dev mailbox (/dev/mail); `hearback serve` prints sign-in links, `hearback sign-in-link` makes one',
    );
    return;
  }
  const url = new URL(transport.url);
  const target = `${url.protocol}//${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`;
  try {
    await withTimeout(verifySmtp(transport.url, 10_000), CHECK_TIMEOUT_MS, 'no answer');
    add(
      'mail',
      'ok',
      `${target}: connected${url.username ? ` and logged in as ${decodeURIComponent(url.username)}` : ''}`,
    );
  } catch (error) {
    add('mail', 'fail', `${target}: ${describeFailure(error).message}`);
  }
}

function nodeEngines(): string {
  return packageJson().engines.node;
}

/** A connection URL without its password. */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${message} within ${ms / 1000} s`)), ms);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}
