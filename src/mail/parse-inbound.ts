import { simpleParser, type AddressObject, type HeaderValue } from 'mailparser';

/** Limits on what an inbound mail may carry (INBOUND_MAX_BYTES, INBOUND_MAX_ATTACHMENTS). */
export interface InboundLimits {
  /** Mails above this size are refused by the listener and skipped by the poller. */
  maxBytes: number;
  /** Attachments listed per mail; the rest are counted, not listed. */
  maxAttachments: number;
}

/** The parts of a mail that Hearback uses. HTML is parsed to text and dropped, never kept. */
export interface ParsedInbound {
  /** Header names lower-case; values as single strings. */
  headers: Map<string, string>;
  contentType: string;
  subject: string;
  from: { address: string; name: string };
  /** To, Cc, Delivered-To, X-Original-To: where the mail says it went. */
  recipients: string[];
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  /** The text: the text part, or the HTML part turned into text (scripts and styles dropped). */
  text: string;
  /** Text of attached headers or messages (a bounce's copy of the original). */
  returnedText: string;
  attachments: { filename: string; contentType: string; size: number }[];
  attachmentsOmitted: number;
  size: number;
}

function headerText(value: HeaderValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => headerText(v as HeaderValue)).join(', ');
  if (typeof value === 'object' && 'value' in value) {
    const v = value as { value: unknown; text?: string; params?: Record<string, string> };
    if (typeof v.text === 'string') return v.text;
    const params = Object.entries(v.params ?? {})
      .map(([k, p]) => `; ${k}=${p}`)
      .join('');
    return `${typeof v.value === 'string' ? v.value : JSON.stringify(v.value)}${params}`;
  }
  return JSON.stringify(value);
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.flatMap((o) =>
    o.value.flatMap((a) => [
      ...(a.address ? [a.address] : []),
      ...(a.group ?? []).flatMap((g) => (g.address ? [g.address] : [])),
    ]),
  );
}

/**
 * Parse a raw RFC 5322 mail with mailparser. Attachments are listed (name, type, size), their
 * content discarded; the text is capped at 100,000 characters.
 */
export async function parseInboundEmail(raw: Buffer, limits: InboundLimits): Promise<ParsedInbound> {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true });
  const headers = new Map<string, string>();
  for (const [name, value] of parsed.headers) headers.set(name.toLowerCase(), headerText(value));
  const from = parsed.from?.value[0];
  const returned = parsed.attachments.filter((a) =>
    ['text/rfc822-headers', 'message/rfc822', 'message/delivery-status'].includes(a.contentType),
  );
  const listed = parsed.attachments.filter((a) => !returned.includes(a));
  const extraRecipients = ['delivered-to', 'x-original-to', 'envelope-to']
    .flatMap((h) => (headers.get(h) ?? '').split(/[,\s]+/))
    .map((a) => a.replace(/^<|>$/g, ''))
    .filter((a) => a.includes('@'));
  const references = parsed.references
    ? Array.isArray(parsed.references)
      ? parsed.references
      : [parsed.references]
    : [];
  return {
    headers,
    contentType: headers.get('content-type') ?? 'text/plain',
    subject: (parsed.subject ?? '').slice(0, 500),
    from: { address: (from?.address ?? '').toLowerCase(), name: (from?.name ?? '').slice(0, 200) },
    recipients: [...addresses(parsed.to), ...addresses(parsed.cc), ...extraRecipients],
    messageId: parsed.messageId ?? null,
    inReplyTo: parsed.inReplyTo ?? null,
    references,
    text: (parsed.text ?? '').slice(0, 100_000),
    returnedText: returned.map((a) => a.content.toString('utf8').slice(0, 50_000)).join('\n'),
    attachments: listed.slice(0, limits.maxAttachments).map((a) => ({
      filename: (a.filename ?? '(unnamed)').slice(0, 200),
      contentType: a.contentType.slice(0, 100),
      size: a.size,
    })),
    attachmentsOmitted: Math.max(0, listed.length - limits.maxAttachments),
    size: raw.length,
  };
}
