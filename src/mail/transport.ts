import type { Message } from '../domain/model.ts';

/** An email ready for the wire. Header values are already free of CR/LF (see src/domain/email.ts). */
export interface OutgoingEmail {
  orgId: string;
  messageId: string;
  date: Date;
  from: { name: string; address: string };
  to: { name: string; address: string };
  replyTo: string | null;
  subject: string;
  text: string;
  html: string;
  inReplyTo: string | null;
  references: string[];
  /** Sent by the system on its own: adds `Auto-Submitted: auto-generated` (RFC 3834). */
  automatic: boolean;
  /** SMTP MAIL FROM when not the From address (the reply address, so bounces find the thread). */
  envelopeFrom?: string | null;
  /** A calendar invitation: sent as a text/calendar alternative (iTIP) and an .ics attachment. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; ics: string } | null;
  /** What the message is (`outcome`, `sign_in`, `invite` …); never sent, the dev mailbox reads it. */
  kind: Message['kind'];
}

/** Where emails go: SMTP in production, the dev mailbox by default. */
export interface MailTransport {
  readonly kind: 'smtp' | 'dev_mailbox';
  /** Hand the email over; resolves once the next hop accepted it, rejects otherwise. */
  send(email: OutgoingEmail): Promise<void>;
  /** Release connections. */
  close(): Promise<void>;
}
