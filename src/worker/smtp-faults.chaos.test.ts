import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { createSmtpTransport } from '../mail/smtp.transport.ts';
import { getMessage, sendMessage } from '../services/message.service.ts';
import { dispatchDueMessages, retryDelayMs } from '../services/outbox.service.ts';
import { closeInterview } from '../services/interview.service.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario, buildRejectionDraft } from '../../test/support/factories.ts';
import { freePort } from '../../test/support/hearback-process.ts';
import { startSmtpSink, type SmtpSink } from '../../test/support/smtp-sink.ts';

const identity = { from: { name: 'Acme Hiring', address: 'jobs@acme.test' }, domain: 'acme.test' };
const MAX_ATTEMPTS = 3;

/**
 * The relay misbehaves in each way a real one does — refuses the connection, accepts it and says
 * nothing, answers 4xx, answers 5xx after reading the whole message. The outbox's promise
 * (src/services/outbox.service.ts): the message stays queued and is retried with backoff, fails
 * visibly (status `failed`, the owner alerted) after SEND_MAX_ATTEMPTS, and is never recorded as
 * delivered — no `sent`, no touchpoint, its follow-up still open — until a relay accepts it.
 */
describe.each(backends)('SMTP faults on %s', (backend) => {
  let db: Db;
  let sink: SmtpSink;
  let silent: Server;
  const silentSockets = new Set<Socket>();
  const clock = new ManualClock('2026-12-01T15:00:00Z');
  beforeAll(async () => {
    db = await openTestDb(backend);
    sink = await startSmtpSink(() => clock.now());
    // Accepts connections and never answers (no greeting): a relay that hangs.
    silent = createServer((socket) => {
      silentSockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => silentSockets.delete(socket));
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    for (const s of silentSockets) s.destroy();
    await new Promise((r) => silent.close(r));
    await sink.close();
    await db.close();
  });

  async function scheduledOutcome() {
    const deps = { db, clock, identity };
    const s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    await closeInterview(deps, org, s.interview.id, { statement: 'within a week' });
    const { draft } = await buildRejectionDraft(deps, s);
    await sendMessage(deps, org, draft.id, {}, { memberId: s.recruiter.id });
    clock.advance(11 * 60_000); // past the undo window
    return { deps, s, org, messageId: draft.id };
  }

  /** What the database says about one message: its row, its events, its touchpoints, its follow-up. */
  async function ledger(org: string, messageId: string, applicationId: string) {
    const message = await getMessage({ db, clock }, org, messageId);
    const events = await db.query<{ type: string }>(
      `SELECT type FROM events WHERE org_id = $1 AND message_id = $2 ORDER BY at, type`,
      [org, messageId],
    );
    const [touch] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM touchpoints WHERE org_id = $1 AND application_id = $2 AND kind = 'outcome'`,
      [org, applicationId],
    );
    const [open] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM follow_ups WHERE org_id = $1 AND application_id = $2 AND kind = 'outcome' AND status = 'open'`,
      [org, applicationId],
    );
    return { message, events: events.map((e) => e.type), touchpoints: touch!.n, openOutcome: open!.n };
  }

  const faults: { name: string; url: () => Promise<string>; setup?: () => void; error: RegExp }[] = [
    {
      name: 'refusing connections',
      url: async () => `smtp://127.0.0.1:${await freePort()}`,
      error: /ECONNREFUSED/,
    },
    {
      name: 'timing out (connected, never greets)',
      url: async () => `smtp://127.0.0.1:${(silent.address() as { port: number }).port}`,
      error: /Greeting never received|timeout/i,
    },
    {
      name: 'answering 4xx at RCPT',
      url: async () => sink.url,
      setup: () =>
        Object.assign(sink, { refuse: 'Try again later', refuseCode: 451, refuseAfterData: false }),
      error: /451/,
    },
    {
      name: 'answering 5xx after DATA',
      url: async () => sink.url,
      setup: () =>
        Object.assign(sink, { refuse: 'Message rejected', refuseCode: 554, refuseAfterData: true }),
      error: /554/,
    },
  ];

  for (const fault of faults) {
    it(
      `${fault.name}: retried with backoff, then failed visibly, never recorded as delivered`,
      { timeout: 60_000 },
      async () => {
        clock.set('2026-12-01T15:00:00Z');
        const { s, org, messageId } = await scheduledOutcome();
        fault.setup?.();
        const before = sink.received.length;
        const broken = createSmtpTransport({ url: await fault.url(), maxConnections: 1, timeoutMs: 1500 });
        const options = { batchSize: 10, leaseMs: 60_000, maxAttempts: MAX_ATTEMPTS };
        try {
          for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            const r = await dispatchDueMessages({ db, clock, transport: broken, identity }, options);
            expect(r.sent).toBe(0);
            const l = await ledger(org, messageId, s.application.id);
            expect(l.message.attempts).toBe(attempt);
            expect(l.message.lastError).toMatch(fault.error);
            expect(l.message.status).toBe(attempt < MAX_ATTEMPTS ? 'scheduled' : 'failed');
            expect(l.events).not.toContain('message_sent');
            expect(l.touchpoints).toBe(0);
            expect(l.openOutcome).toBe(1);
            // Not before its backoff: a pass now claims nothing of it.
            clock.advance(retryDelayMs(attempt) - 1000);
            if (attempt < MAX_ATTEMPTS) {
              expect(
                (await dispatchDueMessages({ db, clock, transport: broken, identity }, options)).claimed,
              ).toBe(0);
            }
            clock.advance(1000);
          }
          const l = await ledger(org, messageId, s.application.id);
          expect(l.events.filter((e) => e === 'message_retry')).toHaveLength(MAX_ATTEMPTS - 1);
          expect(l.events).toContain('message_failed');
          // Nothing reached the relay's mailbox for this candidate.
          expect(
            sink.received.slice(before).filter((m) => m.envelopeTo.includes(s.candidate.email!)),
          ).toEqual([]);
        } finally {
          Object.assign(sink, { refuse: null, refuseCode: 550, refuseAfterData: false });
          await broken.close();
        }
        // The owner is alerted once a relay takes mail again; the candidate's message stays failed.
        const good = createSmtpTransport({ url: sink.url, maxConnections: 1 });
        try {
          await dispatchDueMessages({ db, clock, transport: good, identity }, options);
        } finally {
          await good.close();
        }
        const alerts = sink.received.slice(before).filter((m) => m.envelopeTo.includes(s.recruiter.email));
        expect(alerts.map((m) => m.headers.get('subject'))).toEqual([
          expect.stringMatching(/^Not delivered: /),
        ]);
        expect((await ledger(org, messageId, s.application.id)).message.status).toBe('failed');
      },
    );
  }

  it(
    'a temporary fault that clears: delivered once, recorded once, its follow-up closed',
    { timeout: 60_000 },
    async () => {
      clock.set('2026-12-02T15:00:00Z');
      const { s, org, messageId } = await scheduledOutcome();
      const transport = createSmtpTransport({ url: sink.url, maxConnections: 1, timeoutMs: 1500 });
      const options = { batchSize: 10, leaseMs: 60_000, maxAttempts: MAX_ATTEMPTS };
      try {
        Object.assign(sink, { refuse: 'Greylisted', refuseCode: 450 });
        await dispatchDueMessages({ db, clock, transport, identity }, options);
        sink.refuse = null;
        clock.advance(retryDelayMs(1));
        const r = await dispatchDueMessages({ db, clock, transport, identity }, options);
        expect(r.sent).toBeGreaterThanOrEqual(1); // this one (and any alert left by an earlier test)
      } finally {
        Object.assign(sink, { refuse: null, refuseCode: 550 });
        await transport.close();
      }
      const l = await ledger(org, messageId, s.application.id);
      expect(l.message).toMatchObject({ status: 'sent', attempts: 2 });
      expect(l.events.filter((e) => e === 'message_sent')).toHaveLength(1);
      expect(l.touchpoints).toBe(1);
      expect(l.openOutcome).toBe(0);
      const toCandidate = sink.received.filter((m) => m.envelopeTo.includes(s.candidate.email!));
      // The outcome arrived once (closing the interview also told the candidate when to expect it).
      expect(toCandidate.filter((m) => m.headers.get('message-id') === l.message.messageId)).toHaveLength(1);
    },
  );
});
