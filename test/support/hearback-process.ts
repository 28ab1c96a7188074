import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

// Real processes in real time: these helpers read the wall clock on purpose.
/* eslint-disable no-restricted-properties */

/** The `hearback` binary of this checkout. */
export const HEARBACK_BIN = fileURLToPath(new URL('../../bin/hearback.js', import.meta.url));

/**
 * The environment a test gives `hearback`: the suite's own, minus every Hearback setting (a
 * developer's DATABASE_URL or SMTP_URL must not leak in), plus `env`.
 */
export function hearbackEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) =>
        !/^(PORT|HOST|DATABASE_URL|DATABASE_POOL_MAX|DATA_DIR|PUBLIC_URL|SMTP_URL|SMTP_POOL_SIZE|MAIL_FROM|DKIM_.*|WORKER_.*|SEND_MAX_ATTEMPTS|LOG_LEVEL)$/.test(
          k,
        ),
    ),
  );
  return { ...base, ...env };
}

/** What a finished `hearback` run printed. */
export interface HearbackRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `hearback ARGS` to the end in `cwd` (so no .env of the checkout is read); never throws. */
export function runHearback(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; input?: string; timeoutMs?: number },
): Promise<HearbackRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [HEARBACK_BIN, ...args],
      { cwd: options.cwd, env: hearbackEnv(options.env ?? {}), timeout: options.timeoutMs ?? 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    if (options.input !== undefined) child.stdin!.end(options.input);
  });
}

/** A `hearback serve` (or worker) running in the background. */
export interface ServingProcess {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) when it ends. */
  exited: Promise<number | string>;
  /** Wait until its output matches. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<number | string>;
}

/** Start `hearback ARGS` in the background. */
export function startHearback(
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): ServingProcess {
  const child = spawn(process.execPath, [HEARBACK_BIN, ...args], {
    cwd: options.cwd,
    env: hearbackEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  let ended = false;
  void exited.then(() => (ended = true));
  return {
    child,
    output: () => out,
    exited,
    async waitForOutput(pattern, timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = out.match(pattern);
        if (match) return match;
        if (ended) throw new Error(`process ended before printing ${pattern}:\n${out.slice(-3000)}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${out.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      if (!ended) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
