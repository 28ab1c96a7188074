import { receiveEmail, type InboundDeps } from '../../src/services/inbound-mail.service.ts';

/** A plain-text mail as a mail server would hand it over. */
export function rawMail(m: {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId?: string;
}): Buffer {
  return Buffer.from(
    [
      `From: ${m.from}`,
      `To: ${m.to}`,
      `Subject: ${m.subject}`,
      `Message-ID: ${m.messageId ?? `<${crypto.randomUUID()}@mail.example>`}`,
      'Date: Tue, 01 Dec 2026 15:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      m.text,
      '',
    ].join('\r\n'),
  );
}

/** Mail from a known candidate that answers no thread: it waits in their organization's inbox. Returns its id. */
export async function buildUnassignedMail(
  deps: InboundDeps,
  from: string,
  subject = 'A question',
): Promise<string> {
  const received = await receiveEmail(
    deps,
    rawMail({
      from,
      to: deps.identity.inboundAddress ?? 'replies@example.com',
      subject,
      text: 'Is the role still open?',
    }),
    { source: 'api', envelopeFrom: from, envelopeTo: [] },
  );
  if (received.outcome !== 'unassigned' || !received.inboundId) {
    throw new Error(`expected the mail to wait in the inbox, got ${received.outcome}`);
  }
  return received.inboundId;
}
