import type { Config } from '../config.ts';
import {
  DataDirLockedError,
  describeOwner,
  readDataDirLock,
  type LockOwner,
  type LockState,
  type OwnerInfo,
} from '../db/data-dir-lock.ts';
import { controlSocketPath, ControlUnavailableError, sendControlRequest } from './control-client.ts';
import type { OwnerCommandName, OwnerContext, OwnerInput, OwnerOutput } from './owner-commands.ts';
import type { Runtime } from './runtime.ts';
import { CliFailure } from './usage.ts';

/**
 * Who runs a command that needs the database. On PostgreSQL: this process, always (any number
 * of processes may connect). On PGlite: the owner, through its control channel, when a `serve`
 * or `worker` holds the data directory; this process, under the lock, when nobody does; and when
 * a one-off command (another `org create`, a `demo`) holds it, this process waits for it to
 * finish. Never a second opener.
 *
 * The path through the channel loads neither PGlite nor the services: a command sent to a
 * running server starts in a fraction of the time of one that opens the database.
 */

/** How long a command waits for another one-off command, or for a starting owner to listen. */
const WAIT_MS = 120_000;

/** What the command printed and who ran it. */
export interface OwnerResult<K extends OwnerCommandName> {
  output: OwnerOutput<K>;
  /** `local`: this process opened the database; `owner`: the serving process ran it. */
  via: 'local' | 'owner';
  /** The serving process, when it ran the command. */
  owner: LockOwner | null;
}

/** Say something to the person at the terminal (stderr: stdout is the command's answer). */
export type Notice = (line: string) => void;

/** Run owner command `name` wherever the database's owner is (see above). */
export async function runOwnerCommand<K extends OwnerCommandName>(
  config: Config,
  name: K,
  input: OwnerInput<K>,
  notice: Notice,
  options: { onProgress?: OwnerContext['onProgress'] } = {},
): Promise<OwnerResult<K>> {
  const deadline = performance.now() + WAIT_MS;
  let announced = '';
  for (;;) {
    const lock = await inspectOwner(config);
    let owner = lock.state === 'held' ? lock.owner : null;
    if (!owner) {
      try {
        return { output: await runHere(config, name, input, options.onProgress), via: 'local', owner: null };
      } catch (error) {
        // Taken between our look and our open: go through whoever has it now.
        if (!(error instanceof DataDirLockedError)) throw error;
        owner = error.owner;
      }
    }
    if (owner.controlSocket) {
      const answer = await askOwner(config, owner, name, input);
      if (answer) return answer;
      // Still starting (not listening yet) or just gone: look again.
      if (announced !== owner.nonce) {
        announced = owner.nonce;
        notice(`waiting for ${describeOwner(owner)} to finish starting …`);
      }
    } else if (announced !== owner.nonce) {
      announced = owner.nonce;
      notice(`waiting for ${describeOwner(owner)} to finish with ${dataDirOf(config)} …`);
    }
    if (performance.now() > deadline) {
      throw new CliFailure(
        `${dataDirOf(config)} is still in use by ${describeOwner(owner)}; try again when it has finished`,
      );
    }
    await sleep(150);
  }
}

/** Open the database in this process (under the lock on PGlite), run the command, close. */
async function runHere<K extends OwnerCommandName>(
  config: Config,
  name: K,
  input: OwnerInput<K>,
  onProgress?: OwnerContext['onProgress'],
): Promise<OwnerOutput<K>> {
  const [{ openRuntime }, { ownerCommandMigrates, runOwnerCommandHere }] = await Promise.all([
    import('./runtime.ts'),
    import('./owner-commands.ts'),
  ]);
  const runtime = await openRuntime(config, { command: name }, { migrate: ownerCommandMigrates(name) });
  try {
    return await runOwnerCommandHere(name, input, {
      runtime,
      via: 'local',
      lock: runtime.db.lock?.owner ?? null,
      onProgress,
    });
  } finally {
    await runtime.db.close();
  }
}

/** Ask the owner; null when it does not answer yet (starting) or any more (gone). */
async function askOwner<K extends OwnerCommandName>(
  config: Config,
  owner: LockOwner,
  name: K,
  input: OwnerInput<K>,
): Promise<OwnerResult<K> | null> {
  let response;
  try {
    response = await sendControlRequest(
      owner.controlSocket ?? controlSocketPath(dataDirOf(config)),
      name,
      input,
    );
  } catch (error) {
    if (error instanceof ControlUnavailableError) return null;
    throw error;
  }
  if (!response.ok) throw new CliFailure(response.error.message, response.error.exit);
  return { output: response.output as OwnerOutput<K>, via: 'owner', owner };
}

/** The lock of the configured PGlite directory (always free on PostgreSQL). */
export async function inspectOwner(config: Config): Promise<LockState> {
  return config.database.kind === 'pglite' ? readDataDirLock(config.database.dataDir) : { state: 'free' };
}

/** Whether `owner` is a long-running owner (serve, worker) that takes commands, not a one-off command. */
export function isServingOwner(owner: LockOwner): boolean {
  return owner.controlSocket !== null;
}

/**
 * Open the database for a long-running owner (`serve`, `worker`): take the lock, or wait for a
 * one-off command to finish, or fail at once — with one line naming the owner — when another
 * long-running process has it.
 */
export async function openServingRuntime(config: Config, info: OwnerInfo, notice: Notice): Promise<Runtime> {
  const { openRuntime } = await import('./runtime.ts');
  const deadline = performance.now() + WAIT_MS;
  let announced = '';
  for (;;) {
    try {
      return await openRuntime(config, info);
    } catch (error) {
      if (!(error instanceof DataDirLockedError)) throw error;
      const owner = error.owner;
      if (isServingOwner(owner) || owner.pid === process.pid) {
        throw new CliFailure(alreadyOwnedMessage(info, owner, dataDirOf(config)));
      }
      if (announced !== owner.nonce) {
        announced = owner.nonce;
        notice(`waiting for ${describeOwner(owner)} to finish with ${dataDirOf(config)} …`);
      }
      if (performance.now() > deadline) {
        throw new CliFailure(`${dataDirOf(config)} is still in use by ${describeOwner(owner)}`);
      }
      await sleep(150);
    }
  }
}

/** The one line a second `serve` or an extra `worker` exits with. */
export function alreadyOwnedMessage(me: OwnerInfo, owner: LockOwner, dataDir: string): string {
  const who = describeOwner(owner).replace(/\)$/, owner.url ? `, ${owner.url})` : ')');
  const postgres = 'use PostgreSQL (DATABASE_URL) to run several processes';
  if (me.command === 'worker') {
    return owner.worker
      ? `${dataDir} is served by ${who}, which already runs the worker; ${postgres}${unverifiable(owner, dataDir)}`
      : `${dataDir} is served by ${who} without the worker, and a PGlite directory takes one process: restart it with the worker, or ${postgres}${unverifiable(owner, dataDir)}`;
  }
  if (owner.command === 'worker') {
    return `${dataDir} is in use by ${who}: stop it first (\`hearback serve\` runs the worker itself), or ${postgres}${unverifiable(owner, dataDir)}`;
  }
  return `${dataDir} is already served by ${who}: one process per PGlite directory; stop it first, or ${postgres}${unverifiable(owner, dataDir)}`;
}

/** Where a pid cannot be told apart from a reused one (no /proc), say how to clear a wrong lock. */
function unverifiable(owner: LockOwner, dataDir: string): string {
  return owner.processStart === null && owner.pid > 0
    ? ` (if pid ${owner.pid} is not Hearback, delete ${dataDir}/hearback.lock)`
    : '';
}

function dataDirOf(config: Config): string {
  return config.database.kind === 'pglite' ? config.database.dataDir : '(PostgreSQL)';
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
