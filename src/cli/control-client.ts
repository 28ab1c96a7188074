import { createHash } from 'node:crypto';
import { createConnection, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';

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
export const MAX_REQUEST_BYTES = 1_048_576;
// Unix socket paths are limited to ~108 bytes (sun_path); leave room.
const MAX_SOCKET_PATH = 100;

export const RequestSchema = z
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
export function readLine(socket: Socket): Promise<string | null> {
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
