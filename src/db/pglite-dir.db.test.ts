import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPgliteDirIfMissing } from './pglite-dir.ts';

describe('creating a PGlite directory', { timeout: 120_000 }, () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hb-pgdir-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('replaces the remains of an interrupted creation, beside the lock, with PG_VERSION last', async () => {
    // What a creation killed halfway through the move leaves: PostgreSQL entries, no PG_VERSION.
    await mkdir(join(dir, 'base'));
    await writeFile(join(dir, 'base', 'half-written'), 'x');
    await mkdir(join(dir, '.init-0badc0ffee'));
    await writeFile(join(dir, 'hearback.lock'), '{}');
    expect(await createPgliteDirIfMissing(dir)).toBe('created');
    const entries = await readdir(dir);
    expect(entries).toContain('PG_VERSION');
    expect(entries).toContain('hearback.lock');
    expect(entries.filter((e) => e.startsWith('.init-'))).toEqual([]);
    expect(existsSync(join(dir, 'base', 'half-written'))).toBe(false);
    expect(await createPgliteDirIfMissing(dir)).toBe('exists');
  });

  it('refuses a directory that holds other files and no database', async () => {
    await writeFile(join(dir, 'notes.txt'), 'mine');
    await expect(createPgliteDirIfMissing(dir)).rejects.toThrow(
      /holds no database but other files \(notes\.txt\)/,
    );
    expect(await readdir(dir)).toEqual(['notes.txt']);
  });
});
