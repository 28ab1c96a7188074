import { chmod, lstat, mkdir, unlink } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { CONTROL_PROTOCOL, readLine, RequestSchema, type ControlResponse } from './control-client.ts';
import { isOwnerCommandName, runOwnerCommandHere, type OwnerContext } from './owner-commands.ts';
import { exitCodeForAppError } from './usage.ts';

/**
 * The owner's side of the control channel (the protocol is described in control-client.ts):
 * listen on the socket, run each request's owner command in this process, answer.
 */

/** A listening control channel. */
export interface ControlServer {
  /** Stop taking requests and wait for the ones in progress. */
  close(): Promise<void>;
}

/** Listen on `socketPath` and run each request in `context`. The caller holds the data directory's lock. */
export async function startControlServer(
  socketPath: string,
  context: OwnerContext,
  log: { info(msg: string): void; error(obj: unknown, msg: string): void },
): Promise<ControlServer> {
  await prepareSocketPath(socketPath);
  const inFlight = new Set<Promise<void>>();
  const server = createServer((socket) => {
    const work = serveConnection(socket, context, log).catch((error: unknown) => {
      log.error({ err: error }, 'control channel: connection failed');
    });
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  await listen(server, socketPath);
  // connect() needs write permission on the socket: owner-only means only this user's commands.
  await chmod(socketPath, 0o600);
  return {
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await Promise.allSettled([...inFlight]);
      await unlink(socketPath).catch(() => undefined);
    },
  };
}

async function serveConnection(
  socket: Socket,
  context: OwnerContext,
  log: { info(msg: string): void; error(obj: unknown, msg: string): void },
): Promise<void> {
  const line = await readLine(socket);
  if (line === null) return;
  let response: ControlResponse;
  let command = '?';
  const started = performance.now();
  try {
    const request = RequestSchema.parse(JSON.parse(line));
    command = request.command;
    if (request.v !== CONTROL_PROTOCOL) {
      throw new AppError(
        'validation_failed',
        `the owner speaks control protocol ${CONTROL_PROTOCOL}, this command ${request.v}: run the same Hearback version`,
      );
    }
    if (!isOwnerCommandName(request.command)) {
      throw new AppError('validation_failed', `the owner does not know the command "${request.command}"`);
    }
    response = { ok: true, output: await runOwnerCommandHere(request.command, request.input, context) };
  } catch (error) {
    response = { ok: false, error: toControlError(error) };
    if (response.error.code === 'internal') log.error({ err: error }, `control channel: ${command} failed`);
  }
  // What was asked and how it ended, never the answer: it can hold tokens and sign-in links.
  log.info(
    `control channel: ${command} → ${response.ok ? 'ok' : response.error.code} (${Math.round(performance.now() - started)} ms)`,
  );
  await new Promise<void>((r) => socket.end(`${JSON.stringify(response)}\n`, () => r()));
}

/** The answer's error for a thrown error: AppErrors keep their code; bad input exits 2. */
export function toControlError(error: unknown): { code: string; message: string; exit: 1 | 2 } {
  if (error instanceof AppError)
    return { code: error.code, message: error.message, exit: exitCodeForAppError(error.code) };
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    return {
      code: 'validation_failed',
      message: issue ? `${issue.path.join('.') || 'request'}: ${issue.message}` : 'invalid request',
      exit: 2,
    };
  }
  if (error instanceof SyntaxError)
    return { code: 'validation_failed', message: 'the request is not JSON', exit: 2 };
  return { code: 'internal', message: firstLine(error), exit: 1 };
}

/**
 * Make the socket's place ready: its folder exists and is private, and a socket left by a crashed
 * owner is removed (the caller holds the lock, so no live owner listens there).
 */
async function prepareSocketPath(socketPath: string): Promise<void> {
  const dir = resolve(socketPath, '..');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const info = await lstat(dir);
  if ((info.mode & 0o022) !== 0 || (process.getuid && info.uid !== process.getuid())) {
    throw new Error(
      `${dir} must belong to this user and not be writable by others, to hold the control socket`,
    );
  }
  try {
    const existing = await lstat(socketPath);
    if (!existing.isSocket()) throw new Error(`${socketPath} exists and is not a socket; remove it`);
    await unlink(socketPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.removeListener('error', reject);
      resolvePromise();
    });
  });
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim() || 'unknown error';
}
