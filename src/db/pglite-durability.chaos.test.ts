import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDb } from './db.ts';

const CHILD = fileURLToPath(new URL('../../test/support/pglite-crash-child.ts', import.meta.url));

/** Run the child until it has reported `atLeast` commits, then SIGKILL it; returns the last reported id. */
function commitThenKill(dir: string, start: number, atLeast: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, String(start)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let last = -1;
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) last = Number(line);
      if (last >= start + atLeast - 1) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(last) : reject(new Error(`child exited ${signal}`)),
    );
  });
}

// Embedded mode's promise (README, "Durability"): a commit that returned survives the process being
// killed at any moment. (PGlite runs with fsync off, so a power loss is a different story.)
describe('PGlite durability', () => {
  it('keeps every reported commit across repeated SIGKILLs', { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hb-crash-'));
    try {
      let next = 0;
      for (let round = 0; round < 2; round++) {
        const last = await commitThenKill(dir, next, 50);
        const db = await openDb({ kind: 'pglite', dataDir: dir });
        const rows = await db.query<{ n: number; max: number }>(
          'SELECT count(*)::int AS n, max(id) AS max FROM crash_rows',
        );
        await db.close();
        // Every reported commit is there; at most the one in flight beyond it.
        expect(rows[0]!.max).toBeGreaterThanOrEqual(last);
        expect(rows[0]!.n).toBe(rows[0]!.max + 1);
        next = rows[0]!.max + 1;
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
