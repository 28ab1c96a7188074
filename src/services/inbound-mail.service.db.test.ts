import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { createImapFetcher } from '../mail/imap-fetcher.ts';
import { createSmtpTransport } from '../mail/smtp.transport.ts';
import { startSmtpListener, type SmtpListener } from '../mail/smtp-listener.ts';
import { listEventsOfApplication } from '../repositories/event.repository.ts';
import { listMessages } from '../repositories/message.repository.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario, buildRejectionDraft } from '../../test/support/factories.ts';
import { startImapServer } from '../../test/support/imap-server.ts';
import { startSmtpSink, type SmtpSink } from '../../test/support/smtp-sink.ts';
import { getApplicationTimeline } from './application.service.ts';
import { getCandidate } from './candidate.service.ts';
import { createFollowUp, getFollowUp, listFollowUpsPage } from './follow-up.service.ts';
import {
  assignInboundEmail,
  listInboxPage,
  pollImapMailbox,
  receiveEmail,
  type InboundDeps,
} from './inbound-mail.service.ts';
import { closeInterview } from './interview.service.ts';
import { getMessage, sendMessage } from './message.service.ts';
import { dispatchDueMessages } from './outbox.service.ts';
import { sweepFollowUps } from './sweep.service.ts';
import { logTouchpoint } from './touchpoint.service.ts';

const identity = {
  from: { name: 'Acme Hiring', address: 'jobs@acme.test' },
  domain: 'acme.test',
  inboundAddress: 'replies@hb.acme.test',
};
const limits = { maxBytes: 200_000, maxAttachments: 5 };

describe.each(backends)('replies coming back on %s', (backend) => {
  let db: Db;
  let sink: SmtpSink;
  let listener: SmtpListener;
  const clock = new ManualClock('2026-12-01T15:00:00Z');
  let deps: InboundDeps;

  beforeAll(async () => {
    db = await openTestDb(backend);
    deps = { db, clock, identity, publicUrl: 'https://hb.acme.test', limits };
    sink = await startSmtpSink(() => clock.now());
    listener = await startSmtpListener({
      port: 0,
      host: '127.0.0.1',
      maxBytes: limits.maxBytes,
      domain: 'hb.acme.test',
      onMail: async (raw, envelope) => {
        await receiveEmail(deps, raw, envelope);
      },
      log: { error: () => {} },
    });
  });
  afterAll(async () => {
    await listener.close();
    await sink.close();
    await db.close();
  });

  /** A candidate who owes a check-in, and the email that asked them, delivered to the sink. */
  async function askedForCheckIn() {
    const s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    await closeInterview(deps, org, s.interview.id, { statement: 'We will get back to you within a week' });
    const checkIn = await createFollowUp(
      deps,
      org,
      {
        applicationId: s.application.id,
        kind: 'check_in',
        owedBy: 'candidate',
        owedTo: 'team',
        dueAt: new Date(clock.now().getTime() + 3 * 86_400_000),
      },
      { memberId: s.recruiter.id },
    );
    const { draft } = await buildRejectionDraft(deps, s);
    await sendMessage(deps, org, draft.id, {}, { memberId: s.recruiter.id });
    clock.advance(11 * 60_000);
    const transport = createSmtpTransport({ url: sink.url, maxConnections: 1 });
    try {
      await dispatchDueMessages(
        { db, clock, transport, identity },
        { batchSize: 50, leaseMs: 60_000, maxAttempts: 3 },
      );
    } finally {
      await transport.close();
    }
    const sent = await getMessage(deps, org, draft.id);
    const received = sink.received.find((m) => m.headers.get('message-id') === sent.messageId)!;
    return { s, org, checkIn, sent, received, replyTo: received.headers.get('reply-to')! };
  }

  async function sendOverSmtp(message: SendMailOptions) {
    const client = nodemailer.createTransport({
      host: '127.0.0.1',
      port: listener.port,
      secure: false,
      ignoreTLS: true,
    });
    try {
      return await client.sendMail(message);
    } finally {
      client.close();
    }
  }

  it('gives each message its own reply address, also as the envelope sender', async () => {
    const { sent, received, replyTo } = await askedForCheckIn();
    expect(replyTo).toMatch(/^replies\+[a-z2-7]{26}@hb\.acme\.test$/);
    expect(received.envelopeFrom).toBe(replyTo);
    // Once sent, only the token's hash is kept.
    expect(sent.replyTo).toBe('replies@hb.acme.test');
    expect(sent.replyTokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a reply over SMTP closes the check-in, appears in the timeline, pauses updates and waits in the owner’s queue', async () => {
    const { s, org, checkIn, sent, replyTo } = await askedForCheckIn();
    clock.advance(60 * 60_000);
    await sendOverSmtp({
      from: `Casey Candidate <${s.candidate.email}>`,
      to: replyTo,
      subject: `Re: ${sent.subject}`,
      inReplyTo: sent.messageId,
      references: [sent.messageId],
      text: `Thank you for letting me know. I would love to hear about future roles.\n\nOn Tue, 1 Dec 2026, Riley Recruiter <${replyTo}> wrote:\n> ${sent.bodyText.split('\n')[0]}\n> Best`,
      html: '<p>Thank you for letting me know.</p><script>alert(1)</script>',
    });
    expect((await getFollowUp(deps, org, checkIn.id)).status).toBe('done');
    const timeline = await getApplicationTimeline(deps, org, s.application.id);
    const reply = timeline.events.find(
      (e) =>
        e.type === 'touchpoint' && e.touchpoint.direction === 'inbound' && e.touchpoint.channel === 'email',
    );
    expect(reply?.type === 'touchpoint' && reply.touchpoint).toMatchObject({
      kind: 'check_in',
      fromParty: 'candidate',
    });
    const summary = reply?.type === 'touchpoint' ? reply.touchpoint.summary : '';
    expect(summary).toContain('I would love to hear about future roles.');
    expect(summary).not.toContain('wrote:');
    expect(summary).not.toContain('<script>');
    expect(timeline.application.awaitingReplySince).not.toBeNull();
    const queue = await listFollowUpsPage(deps, org, { status: 'open', ownerId: s.recruiter.id, limit: 50 });
    expect(queue.items.map((f) => f.kind)).toContain('reply');
    const notices = await listMessages(
      db.tenant(org),
      org,
      { applicationId: s.application.id },
      { after: null, limit: 50 },
    );
    expect(notices.find((m) => m.kind === 'reply_notice')).toMatchObject({ toAddress: s.recruiter.email });
    const [mail] = (await listInboxPage(deps, org, { applicationId: s.application.id, limit: 10 })).items;
    expect(mail).toMatchObject({
      status: 'processed',
      matchedBy: 'token',
      classification: 'reply',
      source: 'smtp',
    });

    // Answering the reply (a call that reached them) lets automatic updates run again.
    await logTouchpoint(
      deps,
      org,
      {
        applicationId: s.application.id,
        channel: 'phone',
        connected: true,
        kind: 'other',
        fromParty: 'team',
        toParty: 'candidate',
      },
      { memberId: s.recruiter.id },
    );
    expect(
      (await getApplicationTimeline(deps, org, s.application.id)).application.awaitingReplySince,
    ).toBeNull();
  });

  it('an auto-reply closes nothing; a hard bounce marks the address and opens a reach-another-way follow-up', async () => {
    const { s, org, checkIn, sent, replyTo } = await askedForCheckIn();
    await sendOverSmtp({
      from: s.candidate.email!,
      to: replyTo,
      subject: `Out of Office: ${sent.subject}`,
      headers: { 'Auto-Submitted': 'auto-replied' },
      text: 'I am away until Monday.',
    });
    expect((await getFollowUp(deps, org, checkIn.id)).status).toBe('open');
    const events = await listEventsOfApplication(db.tenant(org), org, s.application.id);
    expect(events.map((e) => e.type)).toContain('auto_reply_received');
    const open = await listFollowUpsPage(deps, org, {
      status: 'open',
      applicationId: s.application.id,
      limit: 50,
    });
    expect(open.items.map((f) => f.kind)).not.toContain('reply');

    // A DSN from the null sender to the reply address (where bounces of this message go).
    const dsn = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.com>',
      `To: ${replyTo}`,
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
      '',
      '--B',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '--B',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.com',
      '',
      `Final-Recipient: rfc822; ${s.candidate.email}`,
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
      '',
      '--B',
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: ${sent.messageId}`,
      '',
      '--B--',
      '',
    ].join('\r\n');
    await sendOverSmtp({ envelope: { from: '', to: [replyTo] }, raw: dsn });
    const candidate = await getCandidate(deps, org, s.candidate.id);
    expect(candidate.emailBouncedAt).not.toBeNull();
    const after = await listFollowUpsPage(deps, org, {
      status: 'open',
      applicationId: s.application.id,
      limit: 50,
    });
    expect(after.items.find((f) => f.kind === 'reach_another_way')).toMatchObject({
      ownerId: s.recruiter.id,
    });
    expect((await getFollowUp(deps, org, checkIn.id)).status).toBe('open');
    // The same DSN delivered again (an MX retry) is recorded once.
    await sendOverSmtp({ envelope: { from: '', to: [replyTo] }, raw: dsn });
    const bounced = (
      await listInboxPage(deps, org, { applicationId: s.application.id, limit: 10 })
    ).items.filter((m) => m.classification === 'bounce');
    expect(bounced).toHaveLength(1);
  });

  it('refuses mail over the size limit and mail for other domains', async () => {
    await expect(
      sendOverSmtp({
        from: 'a@example.com',
        to: 'replies@hb.acme.test',
        subject: 'big',
        text: 'x'.repeat(limits.maxBytes + 10),
      }),
    ).rejects.toThrow(/552|exceeds/);
    await expect(
      sendOverSmtp({ from: 'a@example.com', to: 'someone@elsewhere.test', text: 'relay?' }),
    ).rejects.toThrow(/550|Relay/);
  });

  it('mail that matches no thread waits in the inbox until someone assigns it', async () => {
    const { s, org, checkIn } = await askedForCheckIn();
    await sendOverSmtp({
      from: s.candidate.email!,
      to: 'replies@hb.acme.test',
      subject: 'A question',
      text: 'Hello, is the role still open?',
    });
    const inbox = await listInboxPage(deps, org, { limit: 10 });
    const waiting = inbox.items.find((m) => m.subject === 'A question')!;
    expect(waiting).toMatchObject({
      status: 'unassigned',
      matchedBy: 'sender',
      applicationId: s.application.id,
    });
    const { closedFollowUps } = await assignInboundEmail(
      deps,
      org,
      s.recruiter.id,
      waiting.id,
      s.application.id,
    );
    expect(closedFollowUps.map((f) => f.id)).toEqual([checkIn.id]);
    expect(
      (await listInboxPage(deps, org, { limit: 10 })).items.find((m) => m.id === waiting.id),
    ).toBeUndefined();
  });

  it('while a reply waits, the sweep sends no automatic update', async () => {
    const { s, org, sent, replyTo } = await askedForCheckIn();
    await sendOverSmtp({
      from: s.candidate.email!,
      to: replyTo,
      inReplyTo: sent.messageId,
      subject: 'Re',
      text: 'Any news?',
    });
    // The rejection was delivered, so no outcome is owed; promise a new outcome to have one overdue.
    await createFollowUp(
      deps,
      org,
      {
        applicationId: s.application.id,
        kind: 'outcome',
        owedBy: 'team',
        owedTo: 'candidate',
        ownerId: s.recruiter.id,
        dueAt: new Date(clock.now().getTime() + 60_000),
      },
      { memberId: s.recruiter.id },
    );
    clock.advance(2 * 86_400_000);
    await sweepFollowUps({ ...deps, appUrl: deps.publicUrl }, { batchSize: 100, onlyOrgId: org });
    const events = await listEventsOfApplication(db.tenant(org), org, s.application.id);
    expect(events.map((e) => e.type)).toContain('update_paused');
    expect(events.map((e) => e.type)).not.toContain('update_sent');
  });

  it('the same through an IMAP mailbox, read once', async () => {
    clock.set('2026-12-08T15:00:00Z'); // a Tuesday afternoon: the email goes at once
    const { s, org, checkIn, sent, replyTo } = await askedForCheckIn();
    const raw = [
      `From: Casey Candidate <${s.candidate.email}>`,
      `To: ${replyTo}`,
      `Subject: Re: ${sent.subject}`,
      `Message-ID: <imap-reply-${s.application.id}@example.com>`,
      `In-Reply-To: ${sent.messageId}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Thanks, that is clear. Please keep me in mind.',
      '',
      '-- ',
      'Casey',
      '',
    ].join('\r\n');
    const server = await startImapServer([raw]);
    try {
      const fetcher = createImapFetcher(server.url);
      expect(await pollImapMailbox(deps, fetcher)).toBe(1);
      expect((await getFollowUp(deps, org, checkIn.id)).status).toBe('done');
      const timeline = await getApplicationTimeline(deps, org, s.application.id);
      const reply = timeline.events.find(
        (e) =>
          e.type === 'touchpoint' && e.touchpoint.channel === 'email' && e.touchpoint.direction === 'inbound',
      );
      expect(reply?.type === 'touchpoint' ? reply.touchpoint.summary : '').toContain(
        'Please keep me in mind.',
      );
      expect(reply?.type === 'touchpoint' ? reply.touchpoint.summary : '').not.toContain('Casey\n');
      // Polled again: nothing new, nothing recorded twice.
      expect(await pollImapMailbox(deps, fetcher)).toBe(0);
      const mails = (await listInboxPage(deps, org, { applicationId: s.application.id, limit: 10 })).items;
      expect(mails.filter((m) => m.source === 'imap')).toHaveLength(1);
      expect(mails.find((m) => m.source === 'imap')).toMatchObject({ matchedBy: 'token' });
    } finally {
      await server.close();
    }
  });
});
