import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { openDb } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import { createPostgresDatabase, type Backend, backends } from '../../test/support/db.ts';
import { seedOutcomeMessages } from '../../test/support/chaos.ts';
import { startSmtpSink } from '../../test/support/smtp-sink.ts';

// This test runs real worker processes in real time: it reads the wall clock on purpose.
/* eslint-disable no-restricted-properties */

const CHILD = fileURLToPath(new URL('../../test/support/worker-child.ts', import.meta.url));
const MESSAGES = 2000;

// A test that times out leaves its loop running, and its worker outlived the run (for twenty
// minutes, on a loaded machine): once the test's signal aborts, no new worker starts and the live
// ones are killed, as they are when this test process exits.
const children = new Set<ChildProcess>();
const killChildren = () => {
  for (const child of children) child.kill('SIGKILL');
};
process.once('exit', killChildren);

function startChild(target: string, smtpUrl: string, signal: AbortSignal): ChildProcess {
  signal.throwIfAborted();
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, target, smtpUrl], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Kill the worker with SIGKILL again and again while it delivers thousands of messages to a
 * real SMTP server: every message arrives, duplicates (the price of at-least-once) carry the
 * same Message-ID, and the database ends with every message sent and every follow-up done.
 */
// The time limit is the loop's own bound (40 kills, at most 20 s each) plus set-up and the last
// worker: a run takes a minute or two on a quiet machine, and took 15 on two cores shared with
// other work (load average 16), where each worker spent most of its 20 s starting.
describe.each(backends)('worker crashes on %s', (backend: Backend) => {
  it(`loses none of ${MESSAGES} messages across repeated SIGKILLs`, { timeout: 1_200_000 }, async (ctx) => {
    const { signal } = ctx;
    signal.addEventListener('abort', killChildren);
    const sink = await startSmtpSink(() => new Date(0));
    let target: string;
    let cleanup: () => Promise<void>;
    if (backend === 'postgres') {
      const created = await createPostgresDatabase();
      target = created.url;
      cleanup = created.drop;
      const db = await openDb({ kind: 'postgres', url: target, poolMax: 2 });
      await seedOutcomeMessages(db, MESSAGES);
      await db.close();
    } else {
      const dir = await mkdtemp(join(tmpdir(), 'hb-crash-worker-'));
      target = dir;
      cleanup = () => rm(dir, { recursive: true, force: true });
      const instance = await PGlite.create({ dataDir: dir });
      const { wrapPglite } = await import('../db/db.ts');
      const db = wrapPglite(instance);
      await migrate(db);
      await seedOutcomeMessages(db, MESSAGES);
      await db.close();
    }
    const uniqueReceived = () => new Set(sink.received.map((m) => m.headers.get('message-id'))).size;
    let kills = 0;
    try {
      // Kill mid-delivery until everything has arrived at least once.
      while (uniqueReceived() < MESSAGES && kills < 40) {
        const child = startChild(target, sink.url, signal);
        const exited = new Promise((r) => child.once('exit', r));
        const before = sink.received.length;
        const started = Date.now();
        // Let it deliver a little (or give up waiting after 20 s), then pull the plug.
        while (
          sink.received.length < before + 150 &&
          uniqueReceived() < MESSAGES &&
          Date.now() - started < 20_000
        ) {
          await sleep(20);
        }
        child.kill('SIGKILL');
        await exited;
        kills += 1;
      }
      // A last worker, left to finish: leases of killed workers expire and their rows are recorded.
      // The time to finish counts from when it is ready: starting takes seconds on a loaded machine.
      const last = startChild(target, sink.url, signal);
      const exited = new Promise((r) => last.once('exit', r));
      await Promise.race([new Promise((ready) => last.stdout!.once('data', ready)), exited]);
      await sleep(backend === 'pglite' ? 6000 : 4000);
      last.kill('SIGTERM');
      await exited;
    } finally {
      await sink.close();
    }

    const db =
      backend === 'postgres'
        ? await openDb({ kind: 'postgres', url: target, poolMax: 2 })
        : await openDb({ kind: 'pglite', dataDir: target });
    try {
      const statuses = await db.query<{ status: string; n: number }>(
        `SELECT status, count(*)::int AS n FROM messages GROUP BY status`,
      );
      const done = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM follow_ups WHERE status = 'done'`,
      );
      const touchpoints = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM touchpoints`);
      const ids = await db.query<{ message_id: string }>(`SELECT message_id FROM messages`);
      const known = new Set(ids.map((r) => r.message_id));

      const perId = new Map<string, number>();
      for (const m of sink.received)
        perId.set(m.headers.get('message-id')!, (perId.get(m.headers.get('message-id')!) ?? 0) + 1);
      const duplicates = sink.received.length - perId.size;
      console.log(
        `[crash test, ${backend}] ${MESSAGES} messages, ${kills} SIGKILLs, ${sink.received.length} deliveries, ` +
          `${duplicates} duplicates (same Message-ID), ${[...perId.values()].filter((n) => n > 1).length} messages delivered twice or more`,
      );

      expect(kills).toBeGreaterThanOrEqual(3);
      expect(perId.size).toBe(MESSAGES); // none lost
      for (const id of perId.keys()) expect(known.has(id)).toBe(true); // every duplicate is a known Message-ID
      expect(statuses).toEqual([{ status: 'sent', n: MESSAGES }]);
      expect(done[0]!.n).toBe(MESSAGES);
      expect(touchpoints[0]!.n).toBe(MESSAGES);
    } finally {
      await db.close();
      await cleanup();
    }
  });
});
