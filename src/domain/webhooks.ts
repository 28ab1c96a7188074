/**
 * Webhooks and chat notifications (pure): the events an endpoint can subscribe to, how a
 * delivery is signed and verified, the retry schedule, which addresses an endpoint may never
 * reach, and how an event reads in Slack or Microsoft Teams.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import ipaddr from 'ipaddr.js';

/** Events an endpoint can pick. */
export const WEBHOOK_EVENTS = [
  'interview.closed',
  'promise.due_soon',
  'promise.broken',
  'promise.escalated',
  'outcome.delivered',
  'decision.recorded',
  'candidate.replied',
  'candidate.withdrew',
  'client_feedback.received',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** What each event's `data` holds beyond the application, candidate and job (docs/API.md, OpenAPI `webhooks`). */
export const WEBHOOK_EVENT_DATA: Record<WebhookEventType, string> = {
  'interview.closed': 'An interview was closed with its promise: `interview`, `promise`, `dueText`.',
  'promise.due_soon': "An outcome is due soon (the owner's reminder): `followUp {id, dueAt}`, `dueText`.",
  'promise.broken': 'A promised time passed with no outcome: `followUp {id, dueAt, ownerId}`, `dueText`.',
  'promise.escalated':
    'An overdue promise went up the ladder: `followUp`, `level`, `to` (`hiring_manager`, `recruiter`, `admins`).',
  'outcome.delivered': 'The candidate was told the outcome: `followUp {id, dueAt, doneAt, kept}`.',
  'decision.recorded': 'A decision was recorded: `decision {id, outcome, decidedAt}` (never the reasons).',
  'candidate.replied':
    'The candidate replied by email: `reply {inboundEmailId, subject, receivedAt}`, `closedFollowUpIds`.',
  'candidate.withdrew': 'The candidate withdrew the application: nothing more.',
  'client_feedback.received': "An agency's client answered about a submission: `followUp {id, dueAt}`.",
};

/** What every event carries; `data` depends on the type (documented in the OpenAPI webhooks). */
export interface WebhookEvent {
  id: string;
  type: WebhookEventType;
  occurredAt: string;
  organizationId: string;
  data: Record<string, unknown>;
}

/** The header carrying the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = 'Hearback-Signature';

/** The signature of a body at a time: HMAC-SHA256 over `${timestamp}.${body}` with the endpoint's secret. */
export function signPayload(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/**
 * Verify a signature header as a receiver should: the MAC matches (compared in constant time) and
 * the timestamp is within `toleranceSeconds` of `nowSeconds` (a replayed old request is refused).
 */
export function verifySignature(
  secret: string,
  header: string,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = new Map(
    header.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !/^[0-9a-f]{64}$/.test(v1)) {
    return false;
  }
  const expected = Buffer.from(signPayload(secret, t, body).split('v1=')[1]!, 'hex');
  return timingSafeEqual(expected, Buffer.from(v1, 'hex'));
}

/** Delay before the next attempt after `attempt` failed ones: 30 s doubling, capped at six hours. */
export function webhookRetryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 6 * 3_600_000);
}

/**
 * May a delivery connect to this IP address? Only public unicast addresses: never loopback,
 * private, link-local (cloud metadata lives at 169.254.169.254), unique-local, carrier-grade NAT,
 * multicast, reserved or unspecified — unless the deployment allows private targets (tests,
 * an intranet-only install).
 */
export function isAllowedTarget(ip: string, allowPrivate: boolean): boolean {
  if (!ipaddr.isValid(ip)) return false;
  if (allowPrivate) return true;
  let address = ipaddr.parse(ip);
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    address = (address as ipaddr.IPv6).toIPv4Address();
  }
  return address.range() === 'unicast';
}

/**
 * Check an endpoint URL as typed: http(s), a host, no credentials in it. Returns the problem, or
 * null. Where the host resolves is checked at each delivery (DNS can change).
 */
export function endpointUrlProblem(value: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute http:// or https:// URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http:// or https:// URL';
  if (url.username || url.password) return 'must not carry credentials; use the signing secret';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host) && !isAllowedTarget(host, allowPrivate)) {
    return 'must not point at a private, loopback or link-local address';
  }
  if (!allowPrivate && /^(localhost|.*\.localhost|.*\.local|.*\.internal)$/i.test(host)) {
    return 'must not point at a local host name';
  }
  return null;
}

/** A line for people: what happened, about whom, and where to act. */
export function describeEvent(event: WebhookEvent): string {
  const d = event.data as {
    candidate?: { name?: string };
    job?: { title?: string };
    dueAt?: string;
    /** The due time as people read it, in the organization's zone. */
    dueText?: string;
    level?: number;
    outcome?: string;
  };
  const who = d.candidate?.name ?? 'a candidate';
  const due = d.dueText ?? d.dueAt;
  const job = d.job?.title ? ` (${d.job.title})` : '';
  switch (event.type) {
    case 'interview.closed':
      return `Interview closed with ${who}${job}: the outcome is due ${due ?? 'as promised'}.`;
    case 'promise.due_soon':
      return `Reminder: the outcome for ${who}${job} is due ${due ?? 'soon'}.`;
    case 'promise.broken':
      return `Promise broken: ${who}${job} was promised an outcome by ${due ?? 'now'}.`;
    case 'promise.escalated':
      return `Escalation (level ${d.level ?? 1}): the outcome for ${who}${job} is overdue since ${due ?? 'its due time'}.`;
    case 'outcome.delivered':
      return `Outcome delivered to ${who}${job}.`;
    case 'decision.recorded':
      return `Decision recorded for ${who}${job}: ${d.outcome ?? ''}.`;
    case 'candidate.replied':
      return `${who}${job} replied.`;
    case 'candidate.withdrew':
      return `${who}${job} withdrew.`;
    case 'client_feedback.received':
      return `Client feedback received on ${who}${job}.`;
  }
}

/**
 * The body a chat incoming webhook takes. Slack: `text` with a link in its mrkdwn form. Teams:
 * a MessageCard (what Teams incoming webhooks accept) with an "Open in Hearback" action.
 */
export function chatPayload(
  kind: 'slack' | 'teams',
  event: WebhookEvent,
  link: string,
): Record<string, unknown> {
  const text = describeEvent(event);
  if (kind === 'slack') {
    // Slack's mrkdwn treats <, > and & as markup: escape them in what people typed.
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return { text: `${escaped} <${link}|Open in Hearback>` };
  }
  return {
    '@type': 'MessageCard',
    '@context': 'https://schema.org/extensions',
    summary: text.slice(0, 120),
    text,
    potentialAction: [
      { '@type': 'OpenUri', name: 'Open in Hearback', targets: [{ os: 'default', uri: link }] },
    ],
  };
}
