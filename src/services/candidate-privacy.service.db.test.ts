import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { createDevMailboxTransport } from '../mail/dev-mailbox.transport.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario } from '../../test/support/factories.ts';
import { changeCandidate } from './candidate.service.ts';
import { candidateAccess, openStatusLink } from './candidate-session.service.ts';
import { createStatusLink } from './candidate-links.ts';
import { eraseCandidate } from './candidate-privacy.service.ts';
import { sendThankYou } from './candidate-notes.service.ts';
import { recordDecision } from './decision.service.ts';
import { submitFeedback } from './feedback.service.ts';
import {
  beginIdempotentRequest,
  finishIdempotentRequest,
  purgeExpiredIdempotencyKeys,
} from './idempotency.service.ts';
import { closeInterview, createInterview } from './interview.service.ts';
import { logTouchpoint } from './touchpoint.service.ts';
import { dispatchDueMessages } from './outbox.service.ts';

const identity = { from: { name: 'Acme Hiring', address: 'jobs@acme.test' }, domain: 'acme.test' };
const PUBLIC = 'https://hb.example';

/** Every row of every text, varchar, array and jsonb column of every table that holds a needle. */
async function scan(db: Db, needles: string[]): Promise<string[]> {
  const columns = await db.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        AND c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')`,
  );
  expect(columns.length).toBeGreaterThan(50); // the catalog was read, not an empty list
  const hits: string[] = [];
  for (const { table_name, column_name } of columns) {
    for (const needle of needles) {
      const [row] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}"::text ILIKE $1`,
        [`%${needle}%`],
      );
      if (row!.n > 0) hits.push(`${table_name}.${column_name} holds "${needle}" (${row!.n} rows)`);
    }
  }
  return hits;
}

// Issue #14, finding 3: after a candidate erased themself, no row of any table holds them.
describe.each(backends)('erasure on %s', (backend) => {
  let db: Db;
  const clock = new ManualClock('2026-12-01T15:00:00Z');
  beforeAll(async () => {
    db = await openTestDb(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  it('leaves no trace of the candidate in any column of any table', async () => {
    const deps = { db, clock, identity, publicUrl: PUBLIC };
    const s = await buildInterviewScenario(deps, { interviewEndsAt: new Date('2026-12-01T14:00:00Z') });
    const org = s.organization.id;
    const name = 'Zephyrine Quillfeather';
    const email = 'zephyrine.quill@example.org';
    const phone = '+1 202 555 0177';
    const note = 'marmalade sunrise over the harbour';
    // Where they came from can name them (or the person who referred them): erasure clears it.
    const source = 'referral from Ana Marrowfield';
    await changeCandidate(deps, org, s.candidate.id, { name, email, phone, source });
    // The team writes about the candidate by name, in every place that takes prose.
    await createInterview(deps, org, {
      applicationId: s.application.id,
      title: `Final round with Zephyrine Quillfeather`,
      interviewerIds: [s.manager.id],
    });
    await closeInterview(deps, org, s.interview.id, { statement: 'within a week' });
    await submitFeedback(
      deps,
      org,
      s.interview.id,
      { recommendation: 'yes', notes: `Zephyrine was clear; call ${phone} for references.` },
      { memberId: s.manager.id },
    );
    await recordDecision(
      deps,
      org,
      s.application.id,
      {
        outcome: 'reject',
        reasons: ['Zephyrine needs deeper enterprise experience'],
        recommendation: 'Own a full sales cycle, Zephyrine.',
        notes: `Told ${email} informally.`,
      },
      { memberId: s.manager.id },
    );
    await logTouchpoint(
      deps,
      org,
      {
        applicationId: s.application.id,
        channel: 'phone',
        kind: 'other',
        fromParty: 'team',
        toParty: 'candidate',
        connected: true,
        summary: `Called Zephyrine Quillfeather at ${phone}`,
      },
      { memberId: s.recruiter.id },
    );
    // An API client's stored response quotes the candidate (replayed for an Idempotency-Key).
    const fingerprint = 'f'.repeat(64);
    expect((await beginIdempotentRequest(deps, org, 'erase-me', fingerprint)).action).toBe('proceed');
    await finishIdempotentRequest(deps, org, 'erase-me', 201, { id: s.candidate.id, name, email, phone });

    // The candidate writes to the team; the interviewers are notified, quoting them.
    const url = await db
      .tenant(org)
      .transaction((tx) => createStatusLink(tx, PUBLIC, org, s.application.id, clock.now()));
    const session = (await openStatusLink(deps, url.slice(`${PUBLIC}/s/`.length)))!;
    const access = (await candidateAccess(deps, session))!;
    await sendThankYou(deps, access, `Thank you for the conversation, I loved the ${note}.`);
    const transport = createDevMailboxTransport(db.system(), clock);
    await dispatchDueMessages(
      { db, clock, transport, identity },
      { batchSize: 50, leaseMs: 60_000, maxAttempts: 3 },
    );

    const needles = [name, 'Zephyrine', 'Quillfeather', email, phone, note, source];
    // The test can fail: before erasure every needle is somewhere.
    const before = await scan(db, needles);
    for (const needle of needles) expect(before.join('\n')).toContain(`"${needle}"`);

    const result = await eraseCandidate(deps, access);
    expect(result.erasedAt).not.toBeNull();
    expect(await scan(db, needles)).toEqual([]);
    if (db.kind === 'postgres') {
      // The dead row versions that held them were vacuumed away, not left for autovacuum.
      let vacuumed: { last_vacuum: Date | null }[] = [];
      for (let i = 0; i < 20 && !vacuumed[0]?.last_vacuum; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        vacuumed = await db.query(`SELECT last_vacuum FROM pg_stat_user_tables WHERE relname = 'candidates'`);
      }
      expect(vacuumed[0]?.last_vacuum).toBeTruthy();
    }
  });

  it('forgets stored API responses after 24 hours, and the worker purges them', async () => {
    clock.set('2026-12-02T09:00:00Z');
    const deps = { db, clock };
    const s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    const a = 'a'.repeat(64);
    expect((await beginIdempotentRequest(deps, org, 'ttl', a)).action).toBe('proceed');
    await finishIdempotentRequest(deps, org, 'ttl', 201, { name: 'Someone' });
    clock.advance(23 * 3_600_000);
    expect((await beginIdempotentRequest(deps, org, 'ttl', a)).action).toBe('replay');
    clock.advance(2 * 3_600_000);
    // After a day the key is claimed afresh, even for another request.
    expect((await beginIdempotentRequest(deps, org, 'ttl', 'b'.repeat(64))).action).toBe('proceed');
    await finishIdempotentRequest(deps, org, 'other', 201, {});
    await beginIdempotentRequest(deps, org, 'old', a);
    await finishIdempotentRequest(deps, org, 'old', 201, { name: 'Old' });
    clock.advance(25 * 3_600_000);
    expect(await purgeExpiredIdempotencyKeys(deps)).toBeGreaterThanOrEqual(2);
    const left = await db.query(`SELECT 1 FROM idempotency_keys WHERE org_id = $1`, [org]);
    expect(left).toHaveLength(0);
  });
});
