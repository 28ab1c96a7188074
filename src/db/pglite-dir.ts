import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Creating a PGlite database (initdb) runs a second PostgreSQL and an initdb WebAssembly instance
 * inside the process; their memory is garbage only after they close, and V8 keeps it for a long
 * while: a server that created its database in-process held ~850 MiB, one that reopened an
 * existing directory ~350 MiB (BENCHMARKS.md, start-up). So a new directory is created by a short
 * child process, into a folder inside the data directory, and moved into place with PG_VERSION
 * last: PGlite (like PostgreSQL) takes a directory with PG_VERSION for a database, so an
 * interrupted creation is never mistaken for one. The caller holds the directory's lock.
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
    await runInitdbChild(staging);
    const created = (await readdir(staging)).filter((e) => e !== 'PG_VERSION');
    for (const e of created) await rename(join(staging, e), join(dataDir, e));
    await rename(join(staging, 'PG_VERSION'), join(dataDir, 'PG_VERSION'));
  } finally {
    await rm(staging, { recursive: true, force: true });
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
      { cwd: fileURLToPath(new URL('../../', import.meta.url)), stdio: ['ignore', 'ignore', 'pipe'] },
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
