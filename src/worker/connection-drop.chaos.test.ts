import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../clock.ts';
import { openDb } from '../db/db.ts';
import { createSmtpTransport } from '../mail/smtp.transport.ts';
import { seedOutcomeMessages } from '../../test/support/chaos.ts';
import { backends, createPostgresDatabase } from '../../test/support/db.ts';
import { startSmtpSink } from '../../test/support/smtp-sink.ts';
import { startWorker } from './worker.ts';

// Real connections dropped in real time: the wall clock is read on purpose.
/* eslint-disable no-restricted-syntax, no-restricted-properties */

const MESSAGES = 600;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * PostgreSQL drops the worker's connections mid-transaction (`pg_terminate_backend` of every
 * backend with a transaction open, again and again, while it claims, sends and records). Each
 * transaction commits whole or not at all: at the end every message is sent exactly as often as it
 * is recorded — one `sent` row, one event, one touchpoint, its follow-up done — and the worker
 * recovered by itself (its pool replaced the dead connections), losing nothing.
 */
describe.skipIf(!backends.includes('postgres'))('database connections dropped mid-transaction', () => {
  it(
    `the worker recovers and nothing of ${MESSAGES} messages is half-written`,
    { timeout: 300_000 },
    async () => {
      const { url, drop } = await createPostgresDatabase();
      const sink = await startSmtpSink(() => new Date());
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const db = await openDb({ kind: 'postgres', url, poolMax: 4 });
      const transport = createSmtpTransport({ url: sink.url, maxConnections: 4 });
      const errors: string[] = [];
      try {
        await seedOutcomeMessages(db, MESSAGES);
        const worker = startWorker(
          {
            db,
            clock: systemClock,
            transport,
            identity: { from: { name: 'Drop Test', address: 'hiring@crash.test' }, domain: 'crash.test' },
            appUrl: 'http://localhost',
          },
          { pollMs: 50, batchSize: 50, leaseMs: 2000, maxAttempts: 50, concurrency: 4 },
          { info: () => {}, error: (obj) => errors.push(String((obj as { err?: unknown }).err)) },
        );
        // Terminate every backend of this database that is inside a transaction, every 100 ms, until
        // 20 were cut mid-transaction.
        let cut = 0;
        const arrived = () => new Set(sink.received.map((m) => m.headers.get('message-id'))).size;
        const started = Date.now();
        while (cut < 20 && arrived() < MESSAGES && Date.now() - started < 120_000) {
          // OFFSET 0 keeps the filter in a subquery: PostgreSQL may evaluate a WHERE clause's terms in
          // any order, and must not terminate this admin connection itself.
          const { rows } = await admin.query<{ pid: number }>(
            `SELECT pid FROM (SELECT pid FROM pg_stat_activity
                               WHERE datname = current_database() AND pid <> pg_backend_pid()
                                 AND xact_start IS NOT NULL OFFSET 0) AS busy
              WHERE pg_terminate_backend(pid)`,
          );
          cut += rows.length;
          await sleep(100);
        }
        // Then let it drain without interference: leases of the cut transactions expire and are retried.
        const drainStarted = Date.now();
        for (;;) {
          const { rows } = await admin.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM messages WHERE status <> 'sent'`,
          );
          if (rows[0]!.n === 0 || Date.now() - drainStarted > 60_000) break;
          await sleep(200);
        }
        await worker.stop();
        console.log(
          `[connection drops] ${cut} backends cut mid-transaction, ${errors.length} failed ticks, ` +
            `${sink.received.length} deliveries of ${MESSAGES} messages`,
        );
        expect(cut).toBeGreaterThanOrEqual(20);
        expect(errors.length).toBeGreaterThan(0); // the cuts did land in the worker's work

        const { rows: counts } = await admin.query<Record<string, number>>(
          `SELECT (SELECT count(*)::int FROM messages WHERE status = 'sent') AS sent,
                (SELECT count(*)::int FROM events WHERE type = 'message_sent') AS sent_events,
                (SELECT count(*)::int FROM touchpoints WHERE kind = 'outcome') AS touchpoints,
                (SELECT count(*)::int FROM follow_ups WHERE kind = 'outcome' AND status = 'done') AS done,
                (SELECT count(*)::int FROM messages WHERE status = 'sent' AND sent_at IS NULL) AS sent_without_time`,
        );
        expect(counts[0]).toEqual({
          sent: MESSAGES,
          sent_events: MESSAGES,
          touchpoints: MESSAGES,
          done: MESSAGES,
          sent_without_time: 0,
        });
        const { rows: ids } = await admin.query<{ message_id: string }>(`SELECT message_id FROM messages`);
        const known = new Set(ids.map((r) => r.message_id));
        const arrivedIds = new Set(sink.received.map((m) => m.headers.get('message-id')!));
        expect(arrivedIds.size).toBe(MESSAGES); // none lost
        for (const id of arrivedIds) expect(known.has(id)).toBe(true); // duplicates only of a known Message-ID
      } finally {
        await transport.close();
        await db.close();
        await admin.end();
        await sink.close();
        await drop();
      }
    },
  );
});
