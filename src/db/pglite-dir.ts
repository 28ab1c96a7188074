import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';
import { MIGRATIONS_DIR } from './migrate.ts';

/**
 * Creating a PGlite database (initdb) is the slowest part of a first start (~12 s of CPU here) and
 * runs a second PostgreSQL and an initdb WebAssembly instance inside the process, whose memory V8
 * keeps long after they close: a server that created its database in-process held ~850 MiB, one
 * that reopened an existing directory ~350 MiB (BENCHMARKS.md, start-up). So initdb (and the
 * migrations) run once, at install (`npm ci` → `scripts/build.ts`), into a template kept in
 * dist/pglite-template/, and a new data directory is a copy of it; without a template, a short
 * child process runs initdb. Either way the files are staged in a folder inside the data directory
 * and moved into place with PG_VERSION last: PGlite (like PostgreSQL) takes a directory with
 * PG_VERSION for a database, so an interrupted creation is never mistaken for one. The caller
 * holds the directory's lock.
 */

/** Names PostgreSQL puts in a data directory (what an interrupted move can leave behind). */
const POSTGRES_ENTRY =
  /^(base|global|pg_[a-z_]+|postgresql(\.auto)?\.conf|postmaster\.(opts|pid)|PG_VERSION)$/;
/** Names Hearback puts there: the lock, the control socket, a creation in progress. */
const HEARBACK_ENTRY = /^(hearback\.(lock|sock)(\..+)?|\.init-[0-9a-f]+)$/;

/** Create the PGlite database in `dataDir` unless it has one; a no-op for an existing database. */
export async function createPgliteDirIfMissing(dataDir: string): Promise<'created' | 'exists'> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return 'exists';
  const entries = await readdir(dataDir);
  const foreign = entries.filter((e) => !POSTGRES_ENTRY.test(e) && !HEARBACK_ENTRY.test(e));
  if (foreign.length > 0) {
    throw new Error(
      `${dataDir} holds no database but other files (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}): point DATA_DIR at a new or empty directory`,
    );
  }
  // Without PG_VERSION these are the remains of an interrupted creation: start again.
  for (const e of entries) {
    if (POSTGRES_ENTRY.test(e) || e.startsWith('.init-'))
      await rm(join(dataDir, e), { recursive: true, force: true });
  }
  const staging = join(dataDir, `.init-${randomBytes(6).toString('hex')}`);
  try {
    const template = pgliteTemplateDir();
    if (template && existsSync(join(template, 'PG_VERSION')))
      await cp(template, staging, { recursive: true });
    else await runInitdbChild(staging);
    const created = (await readdir(staging)).filter((e) => e !== 'PG_VERSION');
    for (const e of created) await rename(join(staging, e), join(dataDir, e));
    await rename(join(staging, 'PG_VERSION'), join(dataDir, 'PG_VERSION'));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return 'created';
}

/**
 * Where the template database lives: one per PGlite version and set of migrations (a template
 * made before a new migration still works — `migrate` applies the rest — but a fresh one saves
 * that work at every first start). Null when the PGlite version cannot be read.
 */
export function pgliteTemplateDir(): string | null {
  try {
    const pkg = JSON.parse(
      readFileSync(join(PROJECT_ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
    ) as { version: string };
    const migrations = createHash('sha256');
    for (const file of readdirSync(MIGRATIONS_DIR).sort()) {
      migrations.update(file).update(readFileSync(join(MIGRATIONS_DIR, file)));
    }
    return join(
      PROJECT_ROOT,
      'dist/pglite-template',
      `${pkg.version}-${migrations.digest('hex').slice(0, 12)}`,
    );
  } catch {
    return null;
  }
}

/**
 * Create the template database (at install: `scripts/build.ts`): initdb in a child process, then
 * the migrations, in this process — never the server's. Older templates are removed.
 */
export async function createPgliteTemplate(): Promise<'created' | 'exists' | 'unavailable'> {
  const template = pgliteTemplateDir();
  if (!template) return 'unavailable';
  if (existsSync(join(template, 'PG_VERSION'))) return 'exists';
  await mkdir(dirname(template), { recursive: true });
  const staging = `${template}.tmp-${randomBytes(6).toString('hex')}`;
  try {
    await runInitdbChild(staging);
    // Imported here: db.ts imports this module to create directories.
    const [{ PGlite }, { wrapPglite }, { migrate }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('./db.ts'),
      import('./migrate.ts'),
    ]);
    const db = wrapPglite(await PGlite.create({ dataDir: staging }));
    try {
      await migrate(db);
    } finally {
      await db.close();
    }
    // Whole or not at all: a complete template appears under its name in one rename.
    await rename(staging, template).catch((error: unknown) => {
      if (!existsSync(join(template, 'PG_VERSION'))) throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  for (const other of await readdir(dirname(template))) {
    const path = join(dirname(template), other);
    if (path !== template && !other.includes('.tmp-')) await rm(path, { recursive: true, force: true });
  }
  return 'created';
}

const CHILD = `
const [dir] = process.argv.slice(1);
const { PGlite } = await import('@electric-sql/pglite');
const db = await PGlite.create({ dataDir: dir });
await db.close();
`;

/** Run PGlite's initdb for `dir` in a child process. */
function runInitdbChild(dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', CHILD, resolvePath(dir)],
      // Evaluated code resolves packages from its working directory: the project's.
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else {
        const reason = stderr.trim().split('\n').filter(Boolean).pop() ?? `exit ${code ?? signal}`;
        reject(new Error(`could not create the database in ${dir}: ${reason}`));
      }
    });
  });
}
