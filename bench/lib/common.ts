/**
 * Shared plumbing of the benchmarks: a database of their own on the admin URL, the machine's
 * description, argument parsing, and the one place results are written into BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { systemClock } from '../../src/clock.ts';
import { openDb, type Db } from '../../src/db/db.ts';
import { migrate } from '../../src/db/migrate.ts';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Admin URL of the PostgreSQL the benchmarks use (scripts/start-postgres.sh prints one). */
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55432/postgres';

/** `--name value` / `--flag` arguments of the running benchmark. */
export function args(): Map<string, string> {
  const out = new Map<string, string>();
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out.set(a.slice(2), next);
      i++;
    } else out.set(a.slice(2), 'true');
  }
  return out;
}

/** A numeric argument with its default. */
export function numArg(a: Map<string, string>, name: string, fallback: number): number {
  const v = a.get(name);
  if (v === undefined) return fallback;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number`);
  return n;
}

/** The URL of database `name` on the admin URL's server (default: the benchmarks' cluster). */
export function databaseUrl(name: string, adminUrl = ADMIN_URL): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Drop and create database `name` (only ever bench_* names) on the admin URL's server (default:
 * the benchmarks' cluster), then migrate it; returns its URL.
 */
export async function freshDatabase(name: string, adminUrl = ADMIN_URL): Promise<string> {
  if (!/^bench_[a-z0-9_]+$/.test(name)) throw new Error(`refusing database name ${name}`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(name, adminUrl);
  const db = await openDb({ kind: 'postgres', url, poolMax: 2 });
  await migrate(db);
  await db.close();
  return url;
}

/** A migrated in-memory PGlite. */
export async function freshPglite(): Promise<Db> {
  const db = await openDb({ kind: 'pglite' });
  await migrate(db);
  return db;
}

/** Drop a bench database (end of a run). */
export async function dropDatabase(name: string): Promise<void> {
  if (!/^bench_[a-z0-9_]+$/.test(name)) throw new Error(`refusing database name ${name}`);
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * One line describing the machine, the software and the date; `url` is the PostgreSQL described
 * (default ADMIN_URL; a benchmark with a cluster of its own passes that one's).
 */
export async function machine(url: string = ADMIN_URL): Promise<string> {
  const cpus = os.cpus();
  let server = 'n/a';
  try {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const r = await c.query<{ v: string; fsync: string }>(
      `SELECT current_setting('server_version') AS v, current_setting('fsync') AS fsync`,
    );
    server = `PostgreSQL ${r.rows[0]!.v} (fsync=${r.rows[0]!.fsync})`;
    await c.end();
  } catch {
    // No server running: the PGlite-only parts still describe the machine.
  }
  const day = systemClock.now().toISOString().slice(0, 16).replace('T', ' ');
  return (
    `${day} UTC · ${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'} · ` +
    `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM · load average ${os.loadavg()[0]!.toFixed(1)} (1 min) · ` +
    `Node ${process.version} · ${server} · ` +
    `commit ${gitHead()}`
  );
}

function gitHead(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    // The code measured is the working tree: say so when src/ or migrations/ differ from the commit.
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'migrations'], { cwd: ROOT })
      .toString()
      .trim();
    return dirty ? `${head} + uncommitted changes in src/ or migrations/` : head;
  } catch {
    return 'unknown';
  }
}

/** Seconds since `start` (performance.now()). */
export function since(start: number): number {
  return (performance.now() - start) / 1000;
}

/** `n` formatted with thousands separators. */
export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Peak resident set size of this process so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** The p-th percentile (0–100) of `values`. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** A markdown table. */
export function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const RESULTS = `${ROOT}BENCHMARKS.md`;

/**
 * Replace this benchmark's section of BENCHMARKS.md (between its markers), keeping the others
 * and the hand-written parts. `--no-write` leaves the file alone (smoke runs).
 */
export function writeSection(name: string, markdown: string): void {
  if (process.argv.includes('--no-write')) return;
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const text = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmarks\n';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  const next =
    a >= 0 && b > a
      ? text.slice(0, a) + block + text.slice(b + end.length)
      : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(RESULTS, next);
  console.log(`\nwrote the "${name}" section of BENCHMARKS.md`);
}
