/**
 * Benchmark 7 — start-up: how long `hearback serve` takes to answer its first page, and how much
 * memory it then holds, on PGlite: a first start (a new data directory: the database is created
 * and migrated) and a restart (the directory exists).
 *
 *   npx tsx bench/startup.ts [--runs 3] [--settle 3] [--bin PATH] [--no-write]
 *
 * Each run starts the real binary as `npm start` does (`node bin/hearback.js serve`) in a
 * directory of its own, asks for `/` every 20 ms until it answers 200 (the time from spawning
 * the process to that answer is "first page"), reads the server's resident memory from
 * /proc/PID/status at that moment and again after `--settle` seconds (the worker has ticked),
 * and its peak (VmHWM), then stops it with SIGTERM. What `npm ci` builds once (the web app, the
 * compiled code, the template database: scripts/build.ts) is built first if missing, untimed.
 * Prints the figures and never fails on a time.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCompiledServer } from '../bin/compiled-server.js';
import { buildWeb } from '../src/cli/web-build.ts';
import { createPgliteTemplate } from '../src/db/pglite-dir.ts';
import { args, fmt, machine, numArg, ROOT, table, writeSection } from './lib/common.ts';

const a = args();
const RUNS = numArg(a, 'runs', 3);
const SETTLE_S = numArg(a, 'settle', 3);
/** Another entry point to time (e.g. another checkout's bin/hearback.js); default this checkout's. */
const BIN = a.get('bin') ?? join(ROOT, 'bin/hearback.js');

interface Start {
  firstPageS: number;
  /** CPU seconds the server (and the children it waited for) used until its first page. */
  cpuS: number;
  rssAtFirstPage: number;
  rssSettled: number;
  peak: number;
}

function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** utime + stime + cutime + cstime of /proc/PID/stat, in seconds (USER_HZ is 100 on Linux). */
function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) / 100;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Start `hearback serve` on `dir`, time its first page, read its memory, stop it. */
async function startOnce(dir: string): Promise<Start> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      DATA_DIR: './data',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  const exit = new Promise<void>((r) => child.once('exit', () => ((exited = true), r())));
  let firstPageS = NaN;
  for (;;) {
    if (exited) throw new Error('hearback serve exited before answering');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      await res.arrayBuffer();
      if (res.status === 200) {
        firstPageS = (performance.now() - t0) / 1000;
        break;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const atFirst = memoryOf(child.pid!);
  const cpuS = cpuSecondsOf(child.pid!);
  await new Promise((r) => setTimeout(r, SETTLE_S * 1000));
  const settled = memoryOf(child.pid!);
  child.kill('SIGTERM');
  await exit;
  return { firstPageS, cpuS, rssAtFirstPage: atFirst.rss, rssSettled: settled.rss, peak: settled.peak };
}

function median(values: number[]): number {
  const s = [...values].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

if (!a.has('bin')) {
  // What `npm ci` builds once is not part of a start: make sure it is there before timing.
  const built = [await buildWeb(), await createPgliteTemplate(), await buildCompiledServer()];
  console.log(
    `install-time artifacts: web ${built[0]}, template database ${built[1]}, compiled code ${built[2]}`,
  );
}
const first: Start[] = [];
const restart: Start[] = [];
for (let i = 0; i < RUNS; i++) {
  const dir = await mkdtemp(join(tmpdir(), 'hb-startup-'));
  try {
    const f = await startOnce(dir);
    first.push(f);
    const r = await startOnce(dir);
    restart.push(r);
    console.log(
      `run ${i + 1}: first start ${f.firstPageS.toFixed(2)} s (CPU ${f.cpuS.toFixed(2)} s), ${fmt(f.rssSettled)} MiB (peak ${fmt(f.peak)}); ` +
        `restart ${r.firstPageS.toFixed(2)} s (CPU ${r.cpuS.toFixed(2)} s), ${fmt(r.rssSettled)} MiB (peak ${fmt(r.peak)})`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const row = (name: string, runs: Start[]) => {
  const cell = (pick: (s: Start) => number, digits: number, unit: string) => {
    const v = runs.map(pick);
    return `**${fmt(median(v), digits)}**${unit} (${fmt(Math.min(...v), digits)}–${fmt(Math.max(...v), digits)})`;
  };
  return [
    name,
    cell((s) => s.firstPageS, 2, ' s'),
    cell((s) => s.cpuS, 2, ' s'),
    cell((s) => s.rssAtFirstPage, 0, ' MiB'),
    cell((s) => s.rssSettled, 0, ' MiB'),
    cell((s) => s.peak, 0, ' MiB'),
  ];
};
const result = table(
  [
    'start',
    'first page (median, min–max)',
    'CPU until then',
    'RSS at first page',
    `RSS ${SETTLE_S} s later`,
    'peak RSS',
  ],
  [row('first start (new data directory)', first), row('restart (existing directory)', restart)],
);
console.log(`\n${result}`);
writeSection(
  'startup',
  `### 7. Start-up on PGlite\n\n\`npx tsx bench/startup.ts --runs ${RUNS} --settle ${SETTLE_S}\` — ${await machine()}\n\n${result}`,
);
