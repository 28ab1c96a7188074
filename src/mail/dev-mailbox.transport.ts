import type { Queryable } from '../db/db.ts';
import { insertDevMail } from '../repositories/dev-mailbox.repository.ts';
import type { Clock } from '../clock.ts';
import type { MailTransport, OutgoingEmail } from './transport.ts';

/**
 * The default transport: "delivers" into the database, where /dev/mail and the API show it.
 * Nothing leaves the machine, so a fresh `npm start` can be explored without an SMTP server.
 */
export function createDevMailboxTransport(
  db: Queryable,
  clock: Clock,
  options: { onDelivered?: (email: OutgoingEmail) => void } = {},
): MailTransport {
  return {
    kind: 'dev_mailbox',
    async send(email: OutgoingEmail) {
      const headers: Record<string, string> = {
        'Message-ID': email.messageId,
        Date: email.date.toUTCString(),
        From: `${email.from.name} <${email.from.address}>`,
        To: `${email.to.name} <${email.to.address}>`,
        Subject: email.subject,
      };
      if (email.replyTo) headers['Reply-To'] = email.replyTo;
      if (email.inReplyTo) headers['In-Reply-To'] = email.inReplyTo;
      if (email.references.length > 0) headers.References = email.references.join(' ');
      if (email.automatic) headers['Auto-Submitted'] = 'auto-generated';
      if (email.calendar) headers['Content-Type'] = `text/calendar; method=${email.calendar.method}`;
      await insertDevMail(db, {
        orgId: email.orgId,
        messageId: email.messageId,
        envelopeTo: email.to.address,
        headers,
        subject: email.subject,
        bodyText: email.text,
        bodyHtml: email.html,
        deliveredAt: clock.now(),
        ics: email.calendar?.ics ?? null,
      });
      options.onDelivered?.(email);
    },
    async close() {},
  };
}

const ACCOUNT_LINK = /https?:\/\/[^\s"'<>]+\/auth\/(?:magic-link|invite)\?token=[A-Za-z0-9_%-]+/;

/**
 * The line `hearback serve` prints when the dev mailbox receives a sign-in link or an invitation,
 * so a new user without SMTP can sign in from the terminal. Null for every other email. Only ever
 * called for the dev mailbox: with SMTP, links and tokens never reach a log.
 */
export function accountLinkNotice(email: OutgoingEmail): string | null {
  if (email.kind !== 'sign_in' && email.kind !== 'invite') return null;
  const url = ACCOUNT_LINK.exec(email.text)?.[0];
  if (!url) return null;
  const who = `${email.to.name} <${email.to.address}>`;
  return email.kind === 'sign_in'
    ? `dev mailbox: sign-in link for ${who} (works once, for 10 minutes): ${url}`
    : `dev mailbox: invitation for ${who} (works once, for 7 days): ${url}`;
}
