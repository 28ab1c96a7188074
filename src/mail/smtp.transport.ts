import nodemailer from 'nodemailer';
import type { MailTransport, OutgoingEmail } from './transport.ts';

/** SMTP settings. */
export interface SmtpOptions {
  /** smtp:// or smtps:// URL with credentials, e.g. smtps://user:pass@mail.example.com:465 */
  url: string;
  /** Pooled connections to the relay. Default 5. */
  maxConnections?: number;
  /** DKIM signing, when all three are set. */
  dkim?: { domainName: string; keySelector: string; privateKey: string } | undefined;
  /** Connection, greeting and socket timeouts in ms. Default nodemailer's (2 min, 30 s, 10 min). */
  timeoutMs?: number;
}

/**
 * SMTP through nodemailer with a connection pool. The Message-ID and Date are ours, so a retry
 * after a lost acknowledgement carries the same Message-ID and receivers can de-duplicate.
 */
export function createSmtpTransport(options: SmtpOptions): MailTransport {
  const url = new URL(options.url);
  const transporter = nodemailer.createTransport({
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    host: url.hostname,
    port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
    secure: url.protocol === 'smtps:',
    ...(url.username && {
      auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
    }),
    ...(options.dkim && { dkim: options.dkim }),
    ...(options.timeoutMs !== undefined && {
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
    }),
  });
  return {
    kind: 'smtp',
    async send(email: OutgoingEmail) {
      await transporter.sendMail({
        messageId: email.messageId,
        date: email.date,
        from: email.from,
        to: email.to,
        ...(email.replyTo && { replyTo: email.replyTo }),
        subject: email.subject,
        text: email.text,
        html: email.html,
        ...(email.inReplyTo && { inReplyTo: email.inReplyTo }),
        ...(email.references.length > 0 && { references: email.references }),
        headers: email.automatic ? { 'Auto-Submitted': 'auto-generated' } : {},
        ...(email.envelopeFrom && { envelope: { from: email.envelopeFrom, to: [email.to.address] } }),
        ...(email.calendar && {
          icalEvent: { method: email.calendar.method, filename: 'invite.ics', content: email.calendar.ics },
        }),
      });
    },
    async close() {
      transporter.close();
    },
  };
}

/**
 * Connect to the relay, say EHLO, authenticate and quit, within `timeoutMs`: what `hearback
 * doctor` checks. Rejects with the server's or the network's reason.
 */
export async function verifySmtp(url: string, timeoutMs = 10_000): Promise<void> {
  const u = new URL(url);
  const transporter = nodemailer.createTransport({
    host: u.hostname,
    port: Number(u.port) || (u.protocol === 'smtps:' ? 465 : 587),
    secure: u.protocol === 'smtps:',
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    ...(u.username && {
      auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) },
    }),
  });
  try {
    await transporter.verify();
  } finally {
    transporter.close();
  }
}
