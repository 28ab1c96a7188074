import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { openDb, wrapPglite, type Db } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import { verifySignature, type WebhookEvent } from '../domain/webhooks.ts';
import { createPostgresDatabase, type Backend, backends } from '../../test/support/db.ts';
import { startSmtpSink } from '../../test/support/smtp-sink.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/support/webhook-receiver.ts';

// Real worker processes in real time: this test reads the wall clock on purpose.
/* eslint-disable no-restricted-syntax, no-restricted-properties */

const CHILD = fileURLToPath(new URL('../../test/support/worker-child.ts', import.meta.url));
const EVENTS = 240;
const SECRET = 'whsec_crash-test-secret';

/** One organization, one endpoint, and EVENTS deliveries due now (as events written by use cases would be). */
async function seed(db: Db, url: string): Promise<void> {
  await db.transaction(async (tx) => {
    const now = new Date();
    const [org] = await tx.query<{ id: string }>(
      `INSERT INTO organizations (name, created_at) VALUES ('Webhook Crash', $1) RETURNING id`,
      [now],
    );
    const [endpoint] = await tx.query<{ id: string }>(
      `INSERT INTO webhook_endpoints (org_id, kind, url, events, secret, created_at, updated_at)
       VALUES ($1, 'webhook', $2, '{interview.closed}', $3, $4, $4) RETURNING id`,
      [org!.id, url, SECRET, now],
    );
    await tx.query(
      `INSERT INTO webhook_deliveries (org_id, endpoint_id, event_id, event_type, payload, status, next_attempt_at,
                                       created_at, updated_at)
       SELECT $1, $2, e.id, 'interview.closed',
              jsonb_build_object('id', e.id, 'type', 'interview.closed', 'occurredAt', $3::timestamptz,
                                 'organizationId', $1::uuid, 'data', jsonb_build_object('n', e.n)),
              'pending', $3, $3, $3
         FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, $4::int) AS n) e`,
      [org!.id, endpoint!.id, now, EVENTS],
    );
  });
}

function startChild(target: string, smtpUrl: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CHILD, target, smtpUrl], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Kill the worker with SIGKILL again and again while it posts webhook deliveries to a real HTTP
 * receiver: every event arrives (signed), duplicates carry the same event id, and the outbox
 * ends with every delivery delivered.
 */
describe.each(backends)('webhook delivery across crashes on %s', (backend: Backend) => {
  it(`loses none of ${EVENTS} events across repeated SIGKILLs`, { timeout: 420_000 }, async () => {
    const receiver: WebhookReceiver = await startWebhookReceiver();
    const sink = await startSmtpSink(() => new Date(0));
    let target: string;
    let cleanup: () => Promise<void>;
    if (backend === 'postgres') {
      const created = await createPostgresDatabase();
      target = created.url;
      cleanup = created.drop;
      const db = await openDb({ kind: 'postgres', url: target, poolMax: 2 });
      await seed(db, receiver.url);
      await db.close();
    } else {
      const dir = await mkdtemp(join(tmpdir(), 'hb-webhook-crash-'));
      target = dir;
      cleanup = () => rm(dir, { recursive: true, force: true });
      const db = wrapPglite(await PGlite.create({ dataDir: dir }));
      await migrate(db);
      await seed(db, receiver.url);
      await db.close();
    }
    const eventIds = () => new Set(receiver.received.map((r) => (JSON.parse(r.body) as WebhookEvent).id));
    let kills = 0;
    try {
      while (eventIds().size < EVENTS && kills < 12) {
        const child = startChild(target, sink.url);
        const exited = new Promise((r) => child.once('exit', r));
        const before = receiver.received.length;
        const started = Date.now();
        while (
          receiver.received.length < before + 60 &&
          eventIds().size < EVENTS &&
          Date.now() - started < 20_000
        ) {
          await sleep(10);
        }
        child.kill('SIGKILL');
        await exited;
        kills += 1;
      }
      // A last worker finishes: killed workers' leases expire and their deliveries are recorded.
      const last = startChild(target, sink.url);
      const exited = new Promise((r) => last.once('exit', r));
      await new Promise<void>((resolve) =>
        last.stdout!.on('data', (d: Buffer) => String(d).includes('ready') && resolve()),
      );
      await sleep(backend === 'pglite' ? 8000 : 5000);
      last.kill('SIGTERM');
      await exited;
    } finally {
      await receiver.close();
      await sink.close();
    }
    const db =
      backend === 'postgres'
        ? await openDb({ kind: 'postgres', url: target, poolMax: 2 })
        : await openDb({ kind: 'pglite', dataDir: target });
    try {
      const statuses = await db.query<{ status: string; n: number }>(
        `SELECT status, count(*)::int AS n FROM webhook_deliveries GROUP BY status`,
      );
      const duplicates = receiver.received.length - eventIds().size;
      console.log(
        `[webhook crash test, ${backend}] ${EVENTS} events, ${kills} SIGKILLs, ${receiver.received.length} posts, ${duplicates} duplicates (same event id)`,
      );
      expect(kills).toBeGreaterThanOrEqual(3);
      expect(eventIds().size).toBe(EVENTS);
      for (const r of receiver.received) {
        const t = Number(/t=(\d+)/.exec(String(r.headers['hearback-signature']))?.[1]);
        expect(verifySignature(SECRET, String(r.headers['hearback-signature']), r.body, t)).toBe(true);
      }
      expect(statuses).toEqual([{ status: 'delivered', n: EVENTS }]);
    } finally {
      await db.close();
      await cleanup();
    }
  });
});
