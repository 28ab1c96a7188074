import { createHash } from 'node:crypto';
import { chmod, lstat, mkdir, unlink } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { exitCodeForAppError } from './usage.ts';
import { runOwnerCommandHere, isOwnerCommandName, type OwnerContext } from './owner-commands.ts';

/**
 * The control channel: while a process owns a PGlite data directory (`hearback serve` or
 * `hearback worker`), every other `hearback` command asks it to do the work instead of opening
 * the database itself. A Unix socket in the data directory, owner-only (0600 in a directory no
 * one else can write), one JSON request and one JSON answer per connection, newline-terminated:
 *
 *   → {"v":1,"command":"org create","input":{…}}
 *   ← {"ok":true,"output":{…}}   or   {"ok":false,"error":{"code":"…","message":"…","exit":2}}
 *
 * The owner runs the same use cases (`owner-commands.ts`) it would run for itself, so a command
 * behaves the same whether it was run locally or through the channel. Like a daemon and its CLI;
 * unlike exposing PGlite's one backend to several clients (see docs/ARCHITECTURE.md).
 */

/** Protocol version; a client and an owner of different versions refuse each other clearly. */
export const CONTROL_PROTOCOL = 1;
const MAX_REQUEST_BYTES = 1_048_576;
// Unix socket paths are limited to ~108 bytes (sun_path); leave room.
const MAX_SOCKET_PATH = 100;

const RequestSchema = z
  .object({ v: z.number().int(), command: z.string().max(100), input: z.unknown() })
  .strict();

/** An answer on the channel. */
export type ControlResponse =
  { ok: true; output: unknown } | { ok: false; error: { code: string; message: string; exit: 1 | 2 } };

const ResponseSchema: z.ZodType<ControlResponse> = z.union([
  z.object({ ok: z.literal(true), output: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string(), exit: z.union([z.literal(1), z.literal(2)]) }),
  }),
]);

/**
 * Where the owner of `dataDir` listens: `hearback.sock` in the directory, or — when that path is
 * too long for a Unix socket — a file named after the directory in a private folder of the temp
 * directory. Every process computes the same path; the lock file records it as well.
 */
export function controlSocketPath(dataDir: string): string {
  const inDir = join(resolve(dataDir), 'hearback.sock');
  if (Buffer.byteLength(inDir) <= MAX_SOCKET_PATH) return inDir;
  const digest = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 24);
  return join(tmpdir(), `hearback-${process.getuid?.() ?? 'user'}`, `${digest}.sock`);
}

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

/** The channel could not be reached (no socket, nobody listening): the caller may retry or open locally. */
export class ControlUnavailableError extends Error {
  override name = 'ControlUnavailableError';
}

/**
 * Send one request to the owner listening on `socketPath` and wait for its answer (as long as
 * the command takes). Throws ControlUnavailableError when nobody listens there.
 */
export async function sendControlRequest(
  socketPath: string,
  command: string,
  input: unknown,
): Promise<ControlResponse> {
  const socket = createConnection(socketPath);
  try {
    await new Promise<void>((resolvePromise, reject) => {
      socket.once('connect', resolvePromise);
      socket.once('error', reject);
    });
  } catch (error) {
    socket.destroy();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ECONNREFUSED')
      throw new ControlUnavailableError(`${socketPath}: ${code}`);
    throw error;
  }
  socket.write(`${JSON.stringify({ v: CONTROL_PROTOCOL, command, input })}\n`);
  const line = await readLine(socket);
  socket.destroy();
  if (line === null) {
    throw new Error('the owner closed the control channel without answering (did it stop?); see its log');
  }
  return ResponseSchema.parse(JSON.parse(line));
}

/** Read one newline-terminated line (bounded); null if the peer closed first. */
function readLine(socket: Socket): Promise<string | null> {
  return new Promise((resolvePromise, reject) => {
    let buffer = '';
    socket.setEncoding('utf8');
    const done = (value: string | null, error?: Error) => {
      socket.removeAllListeners('data');
      socket.removeAllListeners('end');
      socket.removeAllListeners('error');
      socket.on('error', () => undefined);
      if (error) reject(error);
      else resolvePromise(value);
    };
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      const newline = buffer.indexOf('\n');
      if (newline >= 0) done(buffer.slice(0, newline));
      else if (buffer.length > MAX_REQUEST_BYTES) {
        socket.destroy();
        done(null, new Error('control channel: message too large'));
      }
    });
    socket.on('end', () => done(null));
    socket.on('error', (error) => done(null, error));
  });
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
