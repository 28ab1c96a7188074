import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { mkdir, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * One owner per PGlite data directory. PGlite is one PostgreSQL backend in one process: a second
 * process opening the same files does not see the first one's buffers and corrupts them. So the
 * owner writes `hearback.lock` in the directory (created with O_EXCL, so exactly one process
 * wins), and everyone else either talks to the owner (the control channel) or waits.
 *
 * A crashed owner (SIGKILL, power loss) cannot remove its lock, so a lock is only honoured while
 * its process lives: the file names the pid, and on Linux also the process's start time and the
 * boot id, so a pid reused by an unrelated process after a crash or a reboot does not keep the
 * directory locked. A lock written on another host (a shared network volume) cannot be checked
 * and is always honoured.
 */

/** The lock file's name inside the data directory. */
export const LOCK_FILE = 'hearback.lock';

/** Who holds a data directory, as written in its lock file. */
export interface LockOwner {
  pid: number;
  /** Start time of the process in clock ticks since boot (Linux), to tell a reused pid apart. */
  processStart: string | null;
  /** The kernel's boot id (Linux): a lock from before a reboot is stale whatever its pid. */
  bootId: string | null;
  host: string;
  /** What the owner runs: `serve`, `worker`, `org create` … */
  command: string;
  /** When it took the directory, ISO 8601. */
  since: string;
  /** The owner's control socket when it takes commands from other processes; null otherwise. */
  controlSocket: string | null;
  /** The owner's public URL when it serves HTTP. */
  url: string | null;
  /** Whether the owner runs the worker. */
  worker: boolean;
  /** Random, to recognise our own lock when releasing it. */
  nonce: string;
}

/** What a process says about itself when it takes a directory. */
export type OwnerInfo = Pick<LockOwner, 'command'> &
  Partial<Pick<LockOwner, 'controlSocket' | 'url' | 'worker'>>;

/** The directory is held by a live process. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(`${dataDir} is in use by ${describeOwner(owner)}`);
    this.name = 'DataDirLockedError';
  }
}

/** A held lock; release it after closing the database. */
export interface DataDirLock {
  readonly dataDir: string;
  readonly owner: LockOwner;
  /** Rewrite what the lock says about the owner (e.g. its URL once it listens). */
  update(patch: Partial<Pick<LockOwner, 'controlSocket' | 'url' | 'worker'>>): Promise<void>;
  /** Remove the lock if it is still ours. Idempotent. */
  release(): Promise<void>;
}

/** The state of a data directory's lock. */
export type LockState =
  | { state: 'free' }
  | { state: 'held'; owner: LockOwner }
  | { state: 'stale'; owner: LockOwner | null; reason: string };

/** "`hearback serve` (pid 123, since …)" for messages. */
export function describeOwner(owner: LockOwner): string {
  if (owner.pid === 0) return 'another process (taking it right now)';
  const where = owner.host === hostname() ? '' : ` on host ${owner.host}`;
  return `\`hearback ${owner.command}\` (pid ${owner.pid}${where}, since ${owner.since})`;
}

/**
 * Take the data directory for this process, creating the directory (owner-only) when missing.
 * Throws DataDirLockedError when a live process holds it; clears a stale lock first.
 */
export async function acquireDataDirLock(dataDir: string, info: OwnerInfo, now: Date): Promise<DataDirLock> {
  const dir = resolve(dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await assertPrivateDirectory(dir);
  const path = join(dir, LOCK_FILE);
  let owner: LockOwner = {
    pid: process.pid,
    processStart: processStartOf(process.pid),
    bootId: currentBootId(),
    host: hostname(),
    command: info.command,
    since: now.toISOString(),
    controlSocket: info.controlSocket ?? null,
    url: info.url ?? null,
    worker: info.worker ?? false,
    nonce: randomBytes(12).toString('hex'),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o600);
      try {
        await handle.writeFile(`${JSON.stringify(owner)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const state = await inspectLock(path);
    if (state.state === 'held') throw new DataDirLockedError(dataDir, state.owner);
    if (state.state === 'stale') await clearStaleLock(path, state);
    // 'free': removed between our attempt and the look; try again. Bounded so a bug cannot spin.
    if (attempt > 200) throw new Error(`Could not take the lock ${path}: it keeps changing.`);
    await sleep(attempt < 10 ? 10 : 50);
  }

  let released = false;
  const releaseSync = () => {
    if (released) return;
    released = true;
    try {
      const current = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
      if (current.nonce === owner.nonce) unlinkSync(path);
    } catch {
      // Gone or unreadable: nothing of ours to remove.
    }
  };
  // A process that exits without closing its database still leaves no lock behind.
  process.once('exit', releaseSync);
  return {
    dataDir,
    get owner() {
      return owner;
    },
    async update(patch) {
      owner = { ...owner, ...patch };
      // Write aside and rename over: readers see the old or the new lock, never half of one.
      const tmp = `${path}.${owner.nonce}.tmp`;
      await writeFile(tmp, `${JSON.stringify(owner)}\n`, { mode: 0o600 });
      await rename(tmp, path);
    },
    async release() {
      process.removeListener('exit', releaseSync);
      releaseSync();
    },
  };
}

/** Who holds the data directory, without taking it. */
export async function readDataDirLock(dataDir: string): Promise<LockState> {
  return inspectLock(join(resolve(dataDir), LOCK_FILE));
}

async function inspectLock(path: string): Promise<LockState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'free' };
    throw error;
  }
  let owner: LockOwner | null = null;
  try {
    owner = JSON.parse(text) as LockOwner;
  } catch {
    // Created but not yet written (the owner is between open and write), or left half-written by
    // a crash at exactly that moment: young means the former.
    const age = await ageMs(path);
    return age !== null && age > 5_000
      ? { state: 'stale', owner: null, reason: 'unreadable lock file' }
      : { state: 'held', owner: placeholderOwner() };
  }
  const verdict = liveness(owner);
  return verdict === 'alive' ? { state: 'held', owner } : { state: 'stale', owner, reason: verdict };
}

/** 'alive', or why the owner is certainly gone. */
function liveness(owner: LockOwner): string {
  if (owner.host !== hostname()) return 'alive'; // cannot look at another host's processes
  const bootId = currentBootId();
  if (owner.bootId && bootId && owner.bootId !== bootId) return 'written before the last reboot';
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: the pid exists but belongs to another user — alive as far as we can tell.
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return `process ${owner.pid} is gone`;
  }
  const start = processStartOf(owner.pid);
  if (owner.processStart && start && owner.processStart !== start)
    return `pid ${owner.pid} now belongs to another process`;
  return 'alive';
}

/**
 * Remove a stale lock, under a short-lived second lock so two processes clearing the same stale
 * lock cannot remove the fresh lock the faster one has just written in its place.
 */
async function clearStaleLock(path: string, stale: Extract<LockState, { state: 'stale' }>): Promise<void> {
  const mutex = `${path}.takeover`;
  try {
    const handle = await open(mutex, 'wx', 0o600);
    await handle.close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Someone else is clearing it. A takeover lasts milliseconds; an old one was left by a crash.
    const age = await ageMs(mutex);
    if (age !== null && age > 5_000) await unlink(mutex).catch(() => undefined);
    return;
  }
  try {
    const again = await inspectLock(path);
    const same =
      again.state === 'stale' &&
      (again.owner === null || stale.owner === null
        ? again.owner === stale.owner
        : again.owner.nonce === stale.owner.nonce);
    if (same) await unlink(path).catch(() => undefined);
  } finally {
    await unlink(mutex).catch(() => undefined);
  }
}

/**
 * The data directory holds the database and the control socket: it must not be writable by other
 * users, who could otherwise replace the socket or the lock.
 */
async function assertPrivateDirectory(dir: string): Promise<void> {
  const s = await stat(dir);
  if (!s.isDirectory()) throw new Error(`${dir} is not a directory`);
  if ((s.mode & 0o022) !== 0) {
    throw new Error(
      `${dir} is writable by other users (mode ${(s.mode & 0o777).toString(8)}); run \`chmod go-w ${dir}\``,
    );
  }
  const uid = process.getuid?.();
  if (uid !== undefined && uid !== 0 && s.uid !== uid) {
    throw new Error(`${dir} belongs to another user (uid ${s.uid}); run Hearback as its owner`);
  }
}

function placeholderOwner(): LockOwner {
  return {
    pid: 0,
    processStart: null,
    bootId: null,
    host: hostname(),
    command: '(starting)',
    since: '',
    controlSocket: null,
    url: null,
    worker: false,
    nonce: '',
  };
}

/** Field 22 of /proc/PID/stat: when the process started, in clock ticks since boot. Null off Linux. */
export function processStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

let bootIdCache: string | null | undefined;
function currentBootId(): string | null {
  if (bootIdCache === undefined) {
    const file = '/proc/sys/kernel/random/boot_id';
    bootIdCache = existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
  }
  return bootIdCache;
}

async function ageMs(path: string): Promise<number | null> {
  try {
    // eslint-disable-next-line no-restricted-properties -- compared with a file's mtime, not business time
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return null;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
