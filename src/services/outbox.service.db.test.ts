import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { createSmtpTransport } from '../mail/smtp.transport.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario, buildRejectionDraft } from '../../test/support/factories.ts';
import { startSmtpSink, type SmtpSink } from '../../test/support/smtp-sink.ts';
import { changeCandidate } from './candidate.service.ts';
import { closeInterview } from './interview.service.ts';
import { getMessage, sendMessage } from './message.service.ts';
import { dispatchDueMessages, retryDelayMs } from './outbox.service.ts';

const identity = { from: { name: 'Acme Hiring', address: 'jobs@acme.test' }, domain: 'acme.test' };

describe('retry delays', () => {
  it('double from 30 seconds and stop at an hour', () => {
    expect([1, 2, 3, 4, 8, 20].map(retryDelayMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000,
    ]);
  });
});

describe.each(backends)('delivery failures and signing on %s', (backend) => {
  let db: Db;
  let sink: SmtpSink;
  const clock = new ManualClock('2026-12-01T15:00:00Z');
  beforeAll(async () => {
    db = await openTestDb(backend);
    sink = await startSmtpSink(() => clock.now());
  });
  afterAll(async () => {
    await sink.close();
    await db.close();
  });

  async function scheduledOutcome(candidateName?: string) {
    const deps = { db, clock, identity };
    const s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    if (candidateName) await changeCandidate(deps, org, s.candidate.id, { name: candidateName });
    await closeInterview(deps, org, s.interview.id, { statement: 'within a week' });
    const { draft } = await buildRejectionDraft(deps, s);
    await sendMessage(deps, org, draft.id, {}, { memberId: s.recruiter.id });
    clock.advance(11 * 60_000);
    return { deps, s, org, messageId: draft.id };
  }

  it('retries with backoff, then fails for good and alerts the owner', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const { deps, s, org, messageId } = await scheduledOutcome();
    const transport = createSmtpTransport({ url: sink.url, maxConnections: 1 });
    const options = { batchSize: 10, leaseMs: 60_000, maxAttempts: 3 };
    try {
      sink.refuse = 'Mailbox unavailable';
      await dispatchDueMessages({ db, clock, transport, identity }, options);
      expect(await getMessage(deps, org, messageId)).toMatchObject({ status: 'scheduled', attempts: 1 });
      clock.advance(29_000);
      await dispatchDueMessages({ db, clock, transport, identity }, options); // not yet: 30 s backoff
      expect((await getMessage(deps, org, messageId)).attempts).toBe(1);
      clock.advance(2_000);
      await dispatchDueMessages({ db, clock, transport, identity }, options);
      expect((await getMessage(deps, org, messageId)).attempts).toBe(2);
      clock.advance(61_000);
      await dispatchDueMessages({ db, clock, transport, identity }, options);
      const failed = await getMessage(deps, org, messageId);
      expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
      expect(failed.lastError).toContain('Mailbox unavailable');
      // The owner hears about it (the alert itself goes through once the relay accepts mail again).
      sink.refuse = null;
      await dispatchDueMessages({ db, clock, transport, identity }, options);
      const alert = sink.received.find((m) => m.envelopeTo.includes(s.recruiter.email));
      expect(alert?.headers.get('subject')).toMatch(/^Not delivered: /);
    } finally {
      sink.refuse = null;
      await transport.close();
    }
  });

  it('signs with DKIM when configured, and keeps CR/LF out of headers', async () => {
    clock.set('2026-12-02T15:00:00Z');
    const { deps, org, messageId } = await scheduledOutcome('Casey\r\nBcc: attacker@evil.test');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const transport = createSmtpTransport({
      url: sink.url,
      dkim: {
        domainName: 'acme.test',
        keySelector: 'hb',
        privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
    });
    try {
      await dispatchDueMessages(
        { db, clock, transport, identity },
        { batchSize: 10, leaseMs: 60_000, maxAttempts: 3 },
      );
      const sent = await getMessage(deps, org, messageId);
      const mail = sink.received.find((m) => m.headers.get('message-id') === sent.messageId)!;
      expect(mail.headers.get('dkim-signature')).toMatch(/d=acme\.test; .*s=hb/);
      expect(mail.headers.get('reply-to')).toBeDefined();
      // The name typed with a line break stays inside the To header's display name.
      expect(mail.headers.has('bcc')).toBe(false);
      expect(mail.envelopeTo).toEqual([sent.toAddress]);
    } finally {
      await transport.close();
    }
  });
});
