import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acquireDataDirLock,
  DataDirLockedError,
  LOCK_FILE,
  processStartOf,
  readDataDirLock,
  type LockOwner,
} from './data-dir-lock.ts';

const NOW = new Date('2026-11-30T10:00:00Z');

/** The pid of a process that has already exited (and, for a while, is not reused). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

/** A lock file as another process would have written it. */
function lockOf(overrides: Partial<LockOwner>): LockOwner {
  return {
    pid: process.pid,
    processStart: processStartOf(process.pid),
    bootId: null,
    host: hostname(),
    command: 'serve',
    since: NOW.toISOString(),
    controlSocket: null,
    url: null,
    worker: true,
    nonce: 'someone-else',
    ...overrides,
  };
}

describe('the data directory lock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hb-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const writeLock = (owner: LockOwner | string) =>
    writeFile(join(dir, LOCK_FILE), typeof owner === 'string' ? owner : JSON.stringify(owner));

  it('lets one owner in and names it to the next, then lets the next in once released', async () => {
    const lock = await acquireDataDirLock(dir, { command: 'serve', worker: true }, NOW);
    const error = await acquireDataDirLock(dir, { command: 'org create' }, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as DataDirLockedError).owner).toMatchObject({ pid: process.pid, command: 'serve' });
    expect((error as Error).message).toContain(`pid ${process.pid}`);
    expect(await readDataDirLock(dir)).toMatchObject({ state: 'held' });
    await lock.release();
    expect(await readDataDirLock(dir)).toEqual({ state: 'free' });
    const next = await acquireDataDirLock(dir, { command: 'org create' }, NOW);
    await next.release();
  });

  it('creates a missing directory for its owner only', async () => {
    const nested = join(dir, 'a', 'data');
    const lock = await acquireDataDirLock(nested, { command: 'serve' }, NOW);
    const { stat } = await import('node:fs/promises');
    expect((await stat(nested)).mode & 0o777).toBe(0o700);
    await lock.release();
  });

  it('clears the lock of a process that is gone (a SIGKILLed owner)', async () => {
    await writeLock(lockOf({ pid: deadPid(), processStart: null }));
    expect(await readDataDirLock(dir)).toMatchObject({
      state: 'stale',
      reason: expect.stringContaining('gone'),
    });
    const lock = await acquireDataDirLock(dir, { command: 'serve' }, NOW);
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it.skipIf(processStartOf(process.pid) === null)(
    'clears a lock whose pid now belongs to another process (pid reuse)',
    async () => {
      await writeLock(lockOf({ processStart: '1' }));
      expect(await readDataDirLock(dir)).toMatchObject({
        state: 'stale',
        reason: expect.stringContaining('another process'),
      });
      const lock = await acquireDataDirLock(dir, { command: 'serve' }, NOW);
      await lock.release();
    },
  );

  it('clears a lock written before a reboot, and honours one from another host', async () => {
    const bootId = (await readFile('/proc/sys/kernel/random/boot_id', 'utf8').catch(() => '')).trim();
    if (bootId) {
      await writeLock(lockOf({ bootId: 'an-earlier-boot' }));
      expect(await readDataDirLock(dir)).toMatchObject({ state: 'stale' });
    }
    // A network volume shared with another machine: its processes cannot be checked from here.
    await writeLock(lockOf({ host: 'elsewhere.example', pid: deadPid() }));
    const error = await acquireDataDirLock(dir, { command: 'serve' }, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as Error).message).toContain('on host elsewhere.example');
  });

  it('waits out a lock being written, and clears one left unreadable by a crash', async () => {
    await writeLock('');
    expect(await readDataDirLock(dir)).toMatchObject({ state: 'held' });
    const old = new Date('2020-01-01T00:00:00Z'); // long before any lock being written now
    await utimes(join(dir, LOCK_FILE), old, old);
    expect(await readDataDirLock(dir)).toMatchObject({ state: 'stale' });
    const lock = await acquireDataDirLock(dir, { command: 'serve' }, NOW);
    await lock.release();
  });

  it('gives a stale lock to exactly one of many racing for it', async () => {
    const dead = deadPid();
    for (let round = 0; round < 5; round++) {
      await writeLock(lockOf({ pid: dead, processStart: null, nonce: `stale-${round}` }));
      const attempts = await Promise.allSettled(
        Array.from({ length: 40 }, (_, i) => acquireDataDirLock(dir, { command: `racer ${i}` }, NOW)),
      );
      const won = attempts.filter((a) => a.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const a of attempts) {
        if (a.status === 'rejected') expect(a.reason).toBeInstanceOf(DataDirLockedError);
      }
      await (
        won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof acquireDataDirLock>>>
      ).value.release();
    }
  });

  it('releases only its own lock', async () => {
    const lock = await acquireDataDirLock(dir, { command: 'serve' }, NOW);
    // Someone removed ours and took the directory (an operator clearing it by hand): not ours to remove.
    await writeLock(lockOf({ nonce: 'theirs' }));
    await lock.release();
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ nonce: 'theirs' });
  });

  it('records what the owner says about itself, and updates it atomically', async () => {
    const lock = await acquireDataDirLock(
      dir,
      { command: 'serve', controlSocket: '/x.sock', worker: true },
      NOW,
    );
    await lock.update({ url: 'http://localhost:4000' });
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({
      command: 'serve',
      controlSocket: '/x.sock',
      url: 'http://localhost:4000',
      worker: true,
      since: NOW.toISOString(),
    });
    await lock.release();
  });

  it('refuses a directory other users can write to', async () => {
    await chmod(dir, 0o777);
    await expect(acquireDataDirLock(dir, { command: 'serve' }, NOW)).rejects.toThrow(
      /writable by other users/,
    );
  });
});
