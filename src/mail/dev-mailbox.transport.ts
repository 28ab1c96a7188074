import type { Queryable } from '../db/db.ts';
import { insertDevMail } from '../repositories/dev-mailbox.repository.ts';
import type { Clock } from '../clock.ts';
import type { MailTransport, OutgoingEmail } from './transport.ts';

/**
 * The default transport: "delivers" into the database, where /dev/mail and the API show it.
 * Nothing leaves the machine, so a fresh `npm start` can be explored without an SMTP server.
 */
export function createDevMailboxTransport(db: Queryable, clock: Clock): MailTransport {
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
    },
    async close() {},
  };
}
