import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { createSmtpTransport } from '../mail/smtp.transport.ts';
import { closeInterview } from '../services/interview.service.ts';
import { sendMessage } from '../services/message.service.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario, buildRejectionDraft } from '../../test/support/factories.ts';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../../test/support/smtp-sink.ts';
import { runWorkerTick, type WorkerOptions } from './worker.ts';

const identity = { from: { name: 'Acme Hiring', address: 'jobs@acme.test' }, domain: 'acme.test' };
const START = '2026-12-07T09:00:00Z';
const SCENARIOS = 6;
const options: WorkerOptions = { pollMs: 50, batchSize: 50, leaseMs: 60_000, maxAttempts: 8, concurrency: 2 };

// The steps of the run: forward 1–7 hours, then (jumps only) back 2–14 minutes, 40 times: a host
// whose NTP steps its clock both ways, over about a week — past every due date and ladder step.
const FORWARD_H = Array.from({ length: 40 }, (_, i) => 1 + ((i * 5) % 7));
const BACK_MIN = Array.from({ length: 40 }, (_, i) => 2 + ((i * 3) % 13));

/** Build the scenarios: every one owes an outcome by a promised date; every other one's rejection is sent. */
async function build(db: Db, clock: ManualClock): Promise<{ org: string; application: string }[]> {
  const deps = { db, clock, identity };
  const out: { org: string; application: string }[] = [];
  for (let i = 0; i < SCENARIOS; i++) {
    const s = await buildInterviewScenario(deps);
    await closeInterview(deps, s.organization.id, s.interview.id, { statement: 'within 3 days' });
    if (i % 2 === 0) {
      const { draft } = await buildRejectionDraft(deps, s);
      await sendMessage(deps, s.organization.id, draft.id, {}, { memberId: s.recruiter.id });
    }
    out.push({ org: s.organization.id, application: s.application.id });
  }
  return out;
}

/** Per scenario: the kinds of messages written (sorted) and the follow-ups' statuses. */
async function ledger(db: Db, scenarios: { org: string; application: string }[]) {
  const out: { kinds: string[]; followUps: string[] }[] = [];
  for (const { org, application } of scenarios) {
    const messages = await db.query<{ kind: string; audience: string; status: string }>(
      `SELECT kind, audience, status FROM messages WHERE org_id = $1 AND (application_id = $2 OR application_id IS NULL)
        ORDER BY kind, audience, status`,
      [org, application],
    );
    const followUps = await db.query<{ kind: string; status: string }>(
      `SELECT kind, status FROM follow_ups WHERE org_id = $1 AND application_id = $2 ORDER BY kind, status`,
      [org, application],
    );
    out.push({
      kinds: messages.map((m) => `${m.kind}/${m.audience}/${m.status}`),
      followUps: followUps.map((f) => `${f.kind}/${f.status}`),
    });
  }
  return out;
}

/**
 * The worker's clock steps forward hours and back minutes between ticks. Nothing is sent twice,
 * the outbox, events and touchpoints agree, and the ledger ends as it does for a clock that only
 * moves forward through the same instants: the ladder is keyed on stored times, not on the clock
 * being monotonic.
 */
describe.each(backends)('clock jumps on %s', (backend) => {
  let jumped: Db;
  let steady: Db;
  let sink: SmtpSink;
  beforeAll(async () => {
    jumped = await openTestDb(backend);
    steady = await openTestDb(backend);
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
    await jumped.close();
    await steady.close();
  });

  async function run(db: Db, jumps: boolean) {
    const clock = new ManualClock(START);
    const scenarios = await build(db, clock);
    const transport = createSmtpTransport({ url: sink.url, maxConnections: 2 });
    const deps = { db, clock, transport, identity, appUrl: 'http://localhost' };
    const state = { lastDigestAt: null as number | null };
    const from = sink.received.length;
    try {
      for (let i = 0; i < FORWARD_H.length; i++) {
        clock.advance(FORWARD_H[i]! * 3_600_000);
        await runWorkerTick(deps, options, state);
        if (jumps) {
          clock.advance(-BACK_MIN[i]! * 60_000);
          await runWorkerTick(deps, options, state);
          clock.advance(BACK_MIN[i]! * 60_000);
        }
      }
      await runWorkerTick(deps, options, state);
    } finally {
      await transport.close();
    }
    return { scenarios, received: sink.received.slice(from) };
  }

  it('sends nothing twice and ends with the ledger of a steady clock', { timeout: 300_000 }, async () => {
    const a = await run(jumped, true);
    const b = await run(steady, false);
    const perId = (received: ReceivedMail[]) => {
      const m = new Map<string, number>();
      for (const r of received)
        m.set(r.headers.get('message-id')!, (m.get(r.headers.get('message-id')!) ?? 0) + 1);
      return m;
    };
    const counts = perId(a.received);
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]); // nothing sent twice
    expect(a.received.length).toBe(b.received.length);

    const [row] = await jumped.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM messages WHERE status = 'sent') AS sent,
              (SELECT count(*)::int FROM messages WHERE status IN ('scheduled', 'sending', 'failed')) AS unsent,
              (SELECT count(*)::int FROM events WHERE type = 'message_sent') AS sent_events,
              (SELECT count(*)::int FROM messages m WHERE m.status = 'sent'
                  AND NOT EXISTS (SELECT 1 FROM events e WHERE e.org_id = m.org_id AND e.message_id = m.id
                                   AND e.type = 'message_sent')) AS sent_without_event`,
    );
    expect(row).toMatchObject({
      sent: a.received.length,
      unsent: 0,
      sent_events: a.received.length,
      sent_without_event: 0,
    });
    const ids = await jumped.query<{ message_id: string }>(
      `SELECT message_id FROM messages WHERE status = 'sent'`,
    );
    expect(new Set(ids.map((r) => r.message_id))).toEqual(new Set(counts.keys()));
    // Real work happened: outcomes, and the ladder's reminders, updates or escalations.
    expect(a.received.length).toBeGreaterThan(SCENARIOS / 2);

    expect(await ledger(jumped, a.scenarios)).toEqual(await ledger(steady, b.scenarios));
  });
});
