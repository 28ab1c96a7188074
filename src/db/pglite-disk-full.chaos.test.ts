import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDb } from './db.ts';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('../../test/support/disk-full-child.ts', import.meta.url));

/** Whether this process may mount a tmpfs (root, not in a container that forbids it). */
async function canMountTmpfs(): Promise<boolean> {
  if (process.getuid?.() !== 0) return false;
  const probe = await mkdtemp(join(tmpdir(), 'hb-tmpfs-probe-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]);
    await run('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    await rm(probe, { recursive: true, force: true });
  }
}

/** Run the writer child to its end: the last commit it reported and every other line it printed. */
function fillUntilFull(dir: string): Promise<{ last: number; lines: string[]; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let last = -1;
    let out = '';
    const lines: string[] = [];
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => lines.push(`stderr: ${d.toString().trim()}`));
    child.on('error', reject);
    child.on('exit', (code) => {
      for (const line of out.split('\n').filter(Boolean)) {
        if (/^\d+$/.test(line)) last = Number(line);
        else lines.push(line);
      }
      resolve({ last, lines, code });
    });
  });
}

const mountable = await canMountTmpfs();

// Disk full is simulated with a small tmpfs mounted over the data directory's parent (root only;
// elsewhere this test is skipped and says so).
describe.skipIf(!mountable)('PGlite on a full disk', () => {
  it(
    'fails the write with a clear error, corrupts nothing, and opens afterwards',
    { timeout: 180_000 },
    async () => {
      const mountpoint = await mkdtemp(join(tmpdir(), 'hb-disk-full-'));
      await run('mount', ['-t', 'tmpfs', '-o', 'size=96m', 'tmpfs', mountpoint]);
      try {
        const dir = join(mountpoint, 'data');
        await mkdir(dir);
        const filled = await fillUntilFull(dir);
        console.log(`[disk full] last commit ${filled.last}; ${filled.lines.join(' | ')}`);
        // The writer was told, in words: no space left.
        expect(filled.last).toBeGreaterThan(10);
        expect(filled.lines.join('\n')).toMatch(
          /error: .*(No space left on device|could not (extend|write))/i,
        );

        // Room again (the administrator freed space): the directory opens, nothing reported is missing.
        await run('mount', ['-o', 'remount,size=256m', mountpoint]);
        const db = await openDb({ kind: 'pglite', dataDir: dir });
        try {
          const [rows] = await db.query<{ n: number; max: number; bad: number }>(
            `SELECT count(*)::int AS n, max(id)::int AS max,
                  count(*) FILTER (WHERE length(payload) <> 65536)::int AS bad FROM fill`,
          );
          expect(rows!.max).toBeGreaterThanOrEqual(filled.last); // every reported commit survived
          expect(rows!.n).toBe(rows!.max + 1); // and no row is missing or torn in between
          expect(rows!.bad).toBe(0);
          // The schema is whole and it takes writes again.
          const [mig] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM schema_migrations`);
          expect(mig!.n).toBeGreaterThan(20);
          await db.query(`INSERT INTO fill (id, payload) VALUES ($1, repeat('x', 65536))`, [rows!.max + 1]);
        } finally {
          await db.close();
        }
      } finally {
        await run('umount', ['-l', mountpoint]).catch(() => {});
        await rm(mountpoint, { recursive: true, force: true });
      }
    },
  );
});
