/**
 * Inbound mail rules (pure): how a reply finds its thread, what is a person's reply and what is a
 * machine's (auto-replies, bounces), and what of a reply's text is new. Parsing the MIME itself
 * is mailparser's job (src/mail/parse-inbound.ts); this file gets its results.
 */
import type { FollowUpKind, Party } from './follow-up.ts';

/** The token of a reply address: 26 characters of lower-case base32 (130 bits). */
export const REPLY_TOKEN_PATTERN = /^[a-z2-7]{26}$/;

/** Split an address into local part and domain (lower-cased domain). */
function splitAddress(address: string): { local: string; domain: string } | null {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return null;
  return { local: address.slice(0, at), domain: address.slice(at + 1).toLowerCase() };
}

/**
 * The reply address of one message: the deployment's inbound address with the message's token
 * as a plus tag (`replies+TOKEN@example.com`, RFC 5233 subaddressing).
 */
export function replyAddressFor(inboundAddress: string, token: string): string {
  const parts = splitAddress(inboundAddress);
  if (!parts) throw new Error(`not an address: ${inboundAddress}`);
  const base = parts.local.split('+')[0]!;
  return `${base}+${token}@${parts.domain}`;
}

/** The inbound address with any token removed (what is kept once a message is sent). */
export function withoutReplyToken(address: string): string {
  const parts = splitAddress(address);
  if (!parts) return address;
  return `${parts.local.split('+')[0]!}@${parts.domain}`;
}

/**
 * Find a reply token among the addresses a mail was sent to (envelope recipients, To, Cc,
 * Delivered-To): the first `base+TOKEN@domain` of our inbound address. Local parts compare
 * case-insensitively because some relays lower-case them; the token is lower-case by design.
 */
export function replyTokenFrom(addresses: readonly string[], inboundAddress: string): string | null {
  const ours = splitAddress(inboundAddress);
  if (!ours) return null;
  const base = ours.local.split('+')[0]!.toLowerCase();
  for (const address of addresses) {
    const parts = splitAddress(address.trim().replace(/^<|>$/g, ''));
    if (!parts || parts.domain !== ours.domain) continue;
    const [local, tag] = parts.local.toLowerCase().split('+', 2);
    if (local === base && tag && REPLY_TOKEN_PATTERN.test(tag)) return tag;
  }
  return null;
}

/** Message-IDs a mail refers to, most specific first: In-Reply-To, then References newest first. */
export function referencedMessageIds(
  inReplyTo: string | null | undefined,
  references: readonly string[],
): string[] {
  const ids: string[] = [];
  const add = (value: string) => {
    for (const m of value.match(/<[^<>\s]+>/g) ?? []) if (!ids.includes(m)) ids.push(m);
  };
  if (inReplyTo) add(inReplyTo);
  for (const r of [...references].reverse()) add(r);
  return ids.slice(0, 50);
}

/** What a mail is: a person's reply, a machine's automatic answer, or a delivery report. */
export type InboundClass = 'reply' | 'auto_reply' | 'bounce';

/** The facts about a mail that classification needs (header names lower-case). */
export interface InboundFacts {
  headers: ReadonlyMap<string, string>;
  /** The top-level content type, e.g. `multipart/report; report-type=delivery-status`. */
  contentType: string;
  subject: string;
  fromAddress: string;
  /** SMTP MAIL FROM; '' for the null sender that DSNs use (RFC 5321 §4.5.5). null when unknown (IMAP). */
  envelopeFrom: string | null;
  /** Content types of the parts, e.g. `message/delivery-status`. */
  partTypes: readonly string[];
}

const AUTO_SUBJECT =
  /^(auto(matic)?[ -]?(reply|response|antwort)|out of (the )?office|abwesenheitsnotiz|r[ée]ponse automatique|respuesta autom[aá]tica|risposta automatica|on vacation|away from (the )?office|vacation reply)\b/i;
const DAEMON = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;

/**
 * Classify a mail. Bounces: a delivery-status report (RFC 3464), or the null sender / a mailer
 * daemon with a failure subject. Auto-replies: `Auto-Submitted` other than `no` (RFC 3834),
 * `X-Autoreply`/`X-Autorespond`, `Precedence: auto_reply|bulk|junk`, Exchange's
 * `X-Auto-Response-Suppress` on a generated message, or an out-of-office subject.
 */
export function classifyInbound(facts: InboundFacts): InboundClass {
  const h = (name: string) => (facts.headers.get(name) ?? '').trim().toLowerCase();
  const ct = facts.contentType.toLowerCase();
  if (
    (ct.startsWith('multipart/report') && /report-type\s*=\s*"?delivery-status/.test(ct)) ||
    facts.partTypes.some((t) => t.toLowerCase() === 'message/delivery-status')
  ) {
    return 'bounce';
  }
  const daemon = DAEMON.test(facts.fromAddress) || facts.envelopeFrom === '';
  if (
    daemon &&
    /(undeliver|delivery (status|failure|has failed)|returned mail|failure notice|not delivered)/i.test(
      facts.subject,
    )
  ) {
    return 'bounce';
  }
  const autoSubmitted = h('auto-submitted');
  if (autoSubmitted && autoSubmitted !== 'no') return 'auto_reply';
  if (
    facts.headers.has('x-autoreply') ||
    facts.headers.has('x-autorespond') ||
    facts.headers.has('x-autoresponse')
  ) {
    return 'auto_reply';
  }
  if (['auto_reply', 'bulk', 'junk', 'list'].includes(h('precedence'))) return 'auto_reply';
  if (h('x-auto-response-suppress') && /^(auto|out of office)/i.test(facts.subject)) return 'auto_reply';
  if (AUTO_SUBJECT.test(facts.subject.replace(/^(re|aw|fwd?):\s*/i, ''))) return 'auto_reply';
  if (daemon) return 'auto_reply';
  return 'reply';
}

/** One recipient's fate in a delivery-status report. */
export interface DeliveryStatus {
  recipient: string | null;
  action: string | null;
  /** The RFC 3463 status code, e.g. 5.1.1. */
  status: string | null;
  diagnostic: string | null;
}

/** Parse the per-recipient fields of a `message/delivery-status` body (RFC 3464 §2.3). */
export function parseDeliveryStatus(text: string): DeliveryStatus[] {
  // Unfold continuation lines, then split into blocks: the first is per-message, the rest per-recipient.
  const unfolded = text.replace(/\r?\n[ \t]+/g, ' ');
  const blocks = unfolded.split(/\r?\n\s*\r?\n/).map((block) => {
    const fields = new Map<string, string>();
    for (const line of block.split(/\r?\n/)) {
      const i = line.indexOf(':');
      if (i > 0) fields.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
    }
    return fields;
  });
  const value = (f: Map<string, string>, name: string) => {
    const v = f.get(name);
    if (!v) return null;
    // "rfc822; someone@example.com" → the address; "smtp; 550 5.1.1 …" → the text.
    const semi = v.indexOf(';');
    return (semi >= 0 ? v.slice(semi + 1) : v).trim() || null;
  };
  return blocks
    .filter((f) => f.has('final-recipient') || f.has('original-recipient') || f.has('action'))
    .map((f) => ({
      recipient: value(f, 'final-recipient') ?? value(f, 'original-recipient'),
      action: f.get('action')?.toLowerCase() ?? null,
      status: /\d\.\d{1,3}\.\d{1,3}/.exec(f.get('status') ?? '')?.[0] ?? null,
      diagnostic: value(f, 'diagnostic-code'),
    }));
}

/**
 * Is this report a hard bounce (the address will never work: 5.x.x with action failed), a soft
 * one (4.x.x, delayed — the relay keeps trying), or unknown? Without a parseable report, a
 * mailer daemon's "undeliverable" is taken as hard only when its text carries a 5xx code.
 */
export function bounceSeverity(statuses: readonly DeliveryStatus[], fallbackText = ''): 'hard' | 'soft' {
  if (statuses.length > 0) {
    return statuses.some((s) => s.action === 'failed' || s.status?.startsWith('5')) ? 'hard' : 'soft';
  }
  return /\b5\d\d\b|\b5\.\d{1,3}\.\d{1,3}\b/.test(fallbackText) ? 'hard' : 'soft';
}

/** The Message-ID of the original message quoted in a bounce (its headers or whole text). */
export function originalMessageIdIn(text: string): string | null {
  return /^message-id:\s*(<[^<>\s]+>)/im.exec(text)?.[1] ?? null;
}

// Lines that start a quoted earlier message, in the common clients and languages.
const QUOTE_HEADER = [
  /^on\b.{0,200}\bwrote:\s*$/i, // Gmail, Apple Mail, Thunderbird
  /^le\b.{0,200}\ba écrit\s?:\s*$/i,
  /^am\b.{0,200}\bschrieb\b.{0,200}:\s*$/i,
  /^el\b.{0,200}\bescribió:\s*$/i,
  /^il giorno\b.{0,200}\bha scritto:\s*$/i,
  /^op\b.{0,200}\bschreef\b.{0,200}:\s*$/i,
  /^-{2,}\s*original message\s*-{2,}$/i,
  /^-{2,}\s*(ursprüngliche nachricht|message d'origine|mensaje original)\s*-{2,}$/i,
  /^_{20,}$/, // Outlook's rule before the quoted header block
  /^begin forwarded message:/i,
];
// A signature starts here: the standard delimiter, or a mobile client's boilerplate.
const SIGNATURE = [
  /^-- ?$/,
  /^sent from my \w+/i,
  /^get outlook for \w+/i,
  /^envoyé de mon \w+/i,
  /^von meinem \w+ gesendet/i,
];

/**
 * The new part of a reply: everything before the quoted history (`>` lines, "On … wrote:",
 * Outlook's header block) and before the signature. A header split over two lines ("On Mon, …
 * <x@y.z>\nwrote:") is joined before matching. Falls back to the whole text when stripping
 * would leave nothing (a reply that is all quote is still shown).
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const joined = i + 1 < lines.length ? `${line} ${lines[i + 1]!.trim()}` : line;
    // Outlook without a rule: "From: … / Sent: … / To: … / Subject: …".
    const outlookBlock =
      /^from:\s/i.test(line) &&
      lines.slice(i + 1, i + 5).some((l) => /^(sent|date|to|subject):\s/i.test(l.trim()));
    const quoteHeader = QUOTE_HEADER.some((re) => re.test(line) || re.test(joined));
    if (line.startsWith('>') || quoteHeader || outlookBlock) {
      end = i;
      break;
    }
    if (SIGNATURE.some((re) => re.test(line))) {
      end = i;
      break;
    }
  }
  const kept = lines.slice(0, end).join('\n').trim();
  return kept.length > 0 ? kept : text.trim();
}

/**
 * Which follow-ups a party's reply answers: what that party owed the team. A candidate's reply
 * answers a check-in they were asked for; a client's reply, the feedback they owed.
 */
export function followUpKindsAnsweredBy(party: Party): FollowUpKind[] {
  switch (party) {
    case 'candidate':
      return ['check_in'];
    case 'client':
      return ['client_feedback'];
    case 'recruiter':
      return ['debrief'];
    case 'team':
      return [];
  }
}
