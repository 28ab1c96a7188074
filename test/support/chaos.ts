/**
 * The chaos run shared by `bench/chaos.ts` (the full version) and `src/worker/chaos-run.chaos.test.ts`
 * (the CI version): seed outcome messages due now, run the real `hearback worker` and `hearback
 * serve` against the database, deliver to an SMTP sink on 127.0.0.1, SIGKILL them at random
 * moments, restart PostgreSQL with an immediate shutdown, let it drain, and count what arrived.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { openDb, wrapPglite, type Db } from '../../src/db/db.ts';
import { migrate } from '../../src/db/migrate.ts';
import { startHearback, type ServingProcess } from './hearback-process.ts';
import { startSmtpSink, type ReceivedMail } from './smtp-sink.ts';

// Real processes killed in real time: the wall clock is read on purpose.
/* eslint-disable no-restricted-syntax, no-restricted-properties */

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PGBIN = process.env.PGBIN ?? '/usr/lib/postgresql/15/bin';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Seed one organization with `n` applications, each owed an outcome with an outcome email due now. */
export async function seedOutcomeMessages(db: Db, n: number): Promise<void> {
  await db.transaction(async (tx) => {
    const now = new Date();
    const [org] = await tx.query<{ id: string }>(
      `INSERT INTO organizations (name, created_at) VALUES ('Crash Test', $1) RETURNING id`,
      [now],
    );
    const orgId = org!.id;
    const [member] = await tx.query<{ id: string }>(
      `INSERT INTO members (org_id, email, name, role, created_at, updated_at)
       VALUES ($1, 'owner@crash.test', 'Owner', 'recruiter', $2, $2) RETURNING id`,
      [orgId, now],
    );
    const [job] = await tx.query<{ id: string }>(
      `INSERT INTO jobs (org_id, title, role_kind, created_at, updated_at) VALUES ($1, 'Role', 'other', $2, $2) RETURNING id`,
      [orgId, now],
    );
    await tx.query(
      `WITH c AS (
         INSERT INTO candidates (org_id, name, email, created_at, updated_at)
         SELECT $1, 'Candidate ' || i, 'c' || i || '@candidates.test', $2, $2 FROM generate_series(1, $4::int) AS i
         RETURNING id, email),
       a AS (
         INSERT INTO applications (org_id, job_id, candidate_id, created_at, updated_at)
         SELECT $1, $3, c.id, $2, $2 FROM c RETURNING id, candidate_id),
       f AS (
         INSERT INTO follow_ups (org_id, application_id, kind, owed_by, owed_to, owner_id, due_at, created_at, updated_at)
         SELECT $1, a.id, 'outcome', 'team', 'candidate', $5, $2::timestamptz + interval '7 days', $2, $2 FROM a
         RETURNING id, application_id)
       INSERT INTO messages (id, org_id, application_id, follow_up_id, kind, audience, to_address, to_name, subject,
                             body_text, body_html, automatic, status, send_at, message_id, created_by, created_at, updated_at)
       SELECT x.id, $1, x.application_id, x.follow_up_id, 'outcome', 'candidate', x.email, 'Candidate',
              'Your application', 'Body', '<p>Body</p>', false, 'scheduled', $2, '<' || x.id || '@crash.test>', $5, $2, $2
         FROM (SELECT gen_random_uuid() AS id, a.id AS application_id, f.id AS follow_up_id, c.email
                 FROM a JOIN c ON c.id = a.candidate_id JOIN f ON f.application_id = a.id) x`,
      [orgId, now, job!.id, n, member!.id],
    );
  });
}

/** What a drained chaos run left, counted from the SMTP sink and the database. */
export interface ChaosCounts {
  /** Messages seeded. */
  messages: number;
  /** Every SMTP transaction the sink accepted. */
  deliveries: number;
  /** Messages that arrived exactly once. */
  exactlyOnce: number;
  /** Deliveries beyond the first of a message. */
  duplicates: number;
  /** Messages that arrived more than once. */
  duplicatedMessages: number;
  /** Deliveries whose Message-ID is not a seeded message's, or a candidate who got two different Message-IDs. */
  foreignOrSplit: number;
  /** Seeded messages that never arrived. */
  lost: number;
  /** Messages not recorded as sent after the drain (still queued, sending or failed). */
  notRecorded: number;
  /** Follow-ups whose outcome arrived but that are still open. */
  wronglyOpen: number;
}

/** Count a drained run: the sink's deliveries against the database's messages and follow-ups. */
export async function countChaos(db: Db, received: ReceivedMail[]): Promise<ChaosCounts> {
  const rows = await db.query<{ message_id: string; to_address: string; status: string; fu_status: string }>(
    `SELECT m.message_id, m.to_address, m.status, f.status AS fu_status
       FROM messages m JOIN follow_ups f ON f.org_id = m.org_id AND f.id = m.follow_up_id
      WHERE m.kind = 'outcome'`,
  );
  const perId = new Map<string, number>();
  const idsPerRecipient = new Map<string, Set<string>>();
  for (const mail of received) {
    const id = mail.headers.get('message-id') ?? '';
    perId.set(id, (perId.get(id) ?? 0) + 1);
    const to = mail.envelopeTo.join(',');
    if (!idsPerRecipient.has(to)) idsPerRecipient.set(to, new Set());
    idsPerRecipient.get(to)!.add(id);
  }
  const known = new Set(rows.map((r) => r.message_id));
  let foreignOrSplit = [...perId.keys()].filter((id) => !known.has(id)).length;
  for (const ids of idsPerRecipient.values()) if (ids.size > 1) foreignOrSplit += ids.size - 1;
  const counts = rows.map((r) => perId.get(r.message_id) ?? 0);
  return {
    messages: rows.length,
    deliveries: received.length,
    exactlyOnce: counts.filter((n) => n === 1).length,
    duplicates: counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    duplicatedMessages: counts.filter((n) => n > 1).length,
    foreignOrSplit,
    lost: counts.filter((n) => n === 0).length,
    notRecorded: rows.filter((r) => r.status !== 'sent').length,
    wronglyOpen: rows.filter((r) => (perId.get(r.message_id) ?? 0) > 0 && r.fu_status !== 'done').length,
  };
}

/** A throwaway PostgreSQL cluster this run owns, so it can crash and restart it. */
export interface Cluster {
  url: string;
  /** `pg_ctl -m immediate stop` (no checkpoint: crash recovery on start), then start again. */
  crashRestart(downMs: number): Promise<void>;
  destroy(): Promise<void>;
}

/** Whether PostgreSQL's server binaries are installed here (the PostgreSQL half needs them). */
export async function postgresInstalled(): Promise<boolean> {
  return run(`${PGBIN}/pg_ctl`, ['--version']).then(
    () => true,
    () => false,
  );
}

async function asOwner(command: string): Promise<void> {
  if (process.getuid?.() === 0) await run('su', ['postgres', '-s', '/bin/bash', '-c', command]);
  else await run('bash', ['-c', command]);
}

/** Start a cluster with scripts/start-postgres.sh, then restart it with fsync on (a durability test). */
export async function startCluster(): Promise<Cluster> {
  // A path that does not exist yet: the script creates it and gives it to the `postgres` user.
  const dir = join(tmpdir(), `hb-chaos-pg-${process.pid}-${Date.now()}`);
  const { stdout } = await run('bash', [join(ROOT, 'scripts/start-postgres.sh'), dir], { cwd: ROOT });
  const url = stdout.trim();
  const port = new URL(url).port;
  const start = () =>
    asOwner(
      `'${PGBIN}/pg_ctl' -D '${dir}' -l '${dir}/server.log' -w start ` +
        `-o "-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on" >/dev/null`,
    );
  const stop = (mode: string) => asOwner(`'${PGBIN}/pg_ctl' -D '${dir}' -m ${mode} stop >/dev/null`);
  await stop('fast');
  await start();
  return {
    url,
    async crashRestart(downMs) {
      await stop('immediate');
      await sleep(downMs);
      await start();
    },
    async destroy() {
      await run('bash', [join(ROOT, 'scripts/stop-postgres.sh'), dir]).catch(() => {});
    },
  };
}

/** What to run. */
export interface ChaosOptions {
  backend: 'postgres' | 'pglite';
  messages: number;
  /** SIGKILLs of the worker or the server (PGlite: of the server, the one process). */
  kills: number;
  /** Immediate-shutdown restarts of PostgreSQL, spread over the kills (ignored on PGlite). */
  pgRestarts: number;
  /** The whole run stops by itself after this, drained or not. */
  timeLimitMs: number;
  /** Progress lines. */
  log?: (line: string) => void;
  /** Seed of the kill schedule (reproducible moments). */
  seed?: number;
}

/** A finished run: what was done to it and what it left. */
export interface ChaosResult extends ChaosCounts {
  backend: 'postgres' | 'pglite';
  workerKills: number;
  serverKills: number;
  pgRestarts: number;
  /** Exits nobody asked for (e.g. a process that gave up while PostgreSQL was down). */
  ownExits: number;
  /** Whether every message was recorded as sent before the time limit. */
  drained: boolean;
  seconds: number;
  drainSeconds: number;
}

/** A small seeded PRNG (mulberry32): the kill schedule is reproducible from `--seed`. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One role the run keeps alive and kills: its command line and the process now running. */
interface Role {
  name: 'worker' | 'server';
  args: string[];
  /** What it prints when it works (kills are timed from there, not from a slow start). */
  ready: RegExp;
  proc: ServingProcess | null;
  ownExits: number;
}

/**
 * Run the chaos: kills at random moments (after a random share of the deliveries still owed, or
 * a random few seconds), PostgreSQL crashed and restarted between them, then a drain with both
 * processes left alive until every message is recorded as sent (or the time limit).
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const log = options.log ?? (() => {});
  const rand = random(options.seed ?? 1);
  const started = Date.now();
  const deadline = started + options.timeLimitMs;
  const cwd = await mkdtemp(join(tmpdir(), 'hb-chaos-cwd-'));
  const sink = await startSmtpSink(() => new Date());
  let cluster: Cluster | null = null;
  let dataDir: string | null = null;
  const roles: Role[] = [];
  try {
    const env: Record<string, string> = {
      SMTP_URL: sink.url,
      SMTP_POOL_SIZE: '4',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      WORKER_POLL_MS: '100',
      WORKER_LEASE_SECONDS: '5',
      // Every kill and restart can cost a claimed message an attempt; the product's 8 is for a
      // relay that refuses, and a run of 50 kills must not fail a message for that alone.
      SEND_MAX_ATTEMPTS: '30',
    };
    let db: Db;
    if (options.backend === 'postgres') {
      cluster = await startCluster();
      env.DATABASE_URL = cluster.url;
      env.DATABASE_POOL_MAX = '4';
      db = await openDb({ kind: 'postgres', url: cluster.url, poolMax: 2 });
      await migrate(db);
    } else {
      dataDir = await mkdtemp(join(tmpdir(), 'hb-chaos-pglite-'));
      env.DATA_DIR = dataDir;
      db = wrapPglite(await PGlite.create({ dataDir }));
      await migrate(db);
    }
    await seedOutcomeMessages(db, options.messages);
    await db.close();
    log(`seeded ${options.messages} outcome messages on ${options.backend} in ${secondsSince(started)} s`);

    // PGlite's data directory has one owner: `serve` (web and worker in one process) alone.
    if (options.backend === 'postgres')
      roles.push({ name: 'worker', args: ['worker'], ready: /hearback worker:/, proc: null, ownExits: 0 });
    roles.push({ name: 'server', args: ['serve'], ready: /Hearback on/, proc: null, ownExits: 0 });
    const ensureRunning = () => {
      for (const role of roles) {
        if (role.proc && role.proc.child.exitCode === null && role.proc.child.signalCode === null) continue;
        if (role.proc) role.ownExits += 1;
        role.proc = startHearback(role.args, { cwd, env });
      }
    };
    const uniqueArrived = () => new Set(sink.received.map((m) => m.headers.get('message-id'))).size;
    const kills = { worker: 0, server: 0 };
    let restarts = 0;
    const restartEvery = options.pgRestarts > 0 ? Math.floor(options.kills / (options.pgRestarts + 1)) : 0;
    const budgetEnd = started + options.timeLimitMs * 0.7;
    for (let k = 0; k < options.kills && Date.now() < budgetEnd; k++) {
      ensureRunning();
      for (const role of roles) await role.proc!.waitForOutput(role.ready, 120_000).catch(() => {});
      // A random moment: after a random share of the deliveries a kill may cost, or a few seconds.
      const owed = Math.max(1, options.messages - uniqueArrived());
      const target =
        sink.received.length + Math.floor(rand() * Math.max(2, (2 * owed) / (options.kills - k)));
      const until = Date.now() + 500 + rand() * 4000;
      while (sink.received.length < target && Date.now() < until) await sleep(10);
      const victim = roles[Math.floor(rand() * roles.length)]!;
      if (victim.proc) {
        victim.proc.child.kill('SIGKILL');
        await victim.proc.exited;
        victim.proc = null;
        kills[victim.name] += 1;
      }
      if (cluster && restartEvery > 0 && restarts < options.pgRestarts && (k + 1) % restartEvery === 0) {
        log(`restarting PostgreSQL (immediate shutdown) after kill ${k + 1}`);
        await cluster.crashRestart(200 + rand() * 1500);
        restarts += 1;
      }
      if ((k + 1) % 10 === 0)
        log(`${k + 1} kills, ${uniqueArrived()}/${options.messages} arrived, ${secondsSince(started)} s`);
    }
    // Restarts the kills did not reach (a short run) happen now, before the drain.
    while (cluster && restarts < options.pgRestarts) {
      await cluster.crashRestart(500);
      restarts += 1;
    }
    // Drain: both processes alive (restarted if one gave up) until every message is recorded.
    const drainStarted = Date.now();
    const check =
      options.backend === 'postgres'
        ? await openDb({ kind: 'postgres', url: cluster!.url, poolMax: 1 })
        : null;
    let drained = false;
    while (Date.now() < deadline) {
      ensureRunning();
      if (check) {
        const [row] = await check.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM messages WHERE kind = 'outcome' AND status <> 'sent'`,
        );
        if (row!.n === 0) {
          drained = true;
          break;
        }
      } else if (uniqueArrived() >= options.messages) {
        // PGlite cannot be read while `serve` owns it: wait for every message to arrive, then
        // for leases of killed runs to expire and their rows to be recorded.
        await sleep(8000);
        drained = true;
        break;
      }
      await sleep(250);
    }
    await check?.close();
    const drainSeconds = secondsSince(drainStarted);
    for (const role of roles) await role.proc?.stop();
    const final =
      options.backend === 'postgres'
        ? await openDb({ kind: 'postgres', url: cluster!.url, poolMax: 1 })
        : await openDb({ kind: 'pglite', dataDir: dataDir! });
    let counts: ChaosCounts;
    try {
      counts = await countChaos(final, sink.received);
    } finally {
      await final.close();
    }
    return {
      backend: options.backend,
      ...counts,
      drained: drained && counts.notRecorded === 0,
      workerKills: kills.worker,
      serverKills: kills.server,
      pgRestarts: restarts,
      ownExits: roles.reduce((sum, r) => sum + r.ownExits, 0),
      seconds: secondsSince(started),
      drainSeconds,
    };
  } finally {
    for (const role of roles) role.proc?.child.kill('SIGKILL');
    await sink.close();
    await cluster?.destroy();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await rm(cwd, { recursive: true, force: true });
  }
}

function secondsSince(t: number): number {
  return Math.round((Date.now() - t) / 100) / 10;
}

/** The summary table of one or more runs (markdown, for the terminal and BENCHMARKS.md). */
export function chaosTable(results: ChaosResult[]): string {
  const lines = [
    '| backend | messages | kills (worker + server) | PG restarts | deliveries | exactly once | duplicates (messages) | other Message-ID | lost | not recorded sent | wrongly open | own exits | seconds (drain) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.backend === 'postgres' ? 'PostgreSQL' : 'PGlite'} | ${r.messages.toLocaleString('en')} | ` +
        `${r.workerKills + r.serverKills} (${r.workerKills} + ${r.serverKills}) | ${r.pgRestarts} | ` +
        `${r.deliveries.toLocaleString('en')} | ${r.exactlyOnce.toLocaleString('en')} | ${r.duplicates} (${r.duplicatedMessages}) | ` +
        `${r.foreignOrSplit} | ${r.lost} | ${r.notRecorded} | ${r.wronglyOpen} | ${r.ownExits} | ${r.seconds} (${r.drainSeconds}) |`,
    );
  }
  return lines.join('\n');
}
