import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Db, Queryable } from '../db/db.ts';
import {
  chatPayload,
  endpointUrlProblem,
  signPayload,
  SIGNATURE_HEADER,
  webhookRetryDelayMs,
  type WebhookEvent,
  type WebhookEventType,
} from '../domain/webhooks.ts';
import { errors } from '../errors.ts';
import { insertEvent } from '../repositories/event.repository.ts';
import { listActiveMembersByRole } from '../repositories/member.repository.ts';
import {
  claimDueDeliveries,
  deleteEndpoint,
  findEventSubjects,
  disableEndpoint,
  findDelivery,
  findEndpoint,
  insertAttempt,
  insertDeliveries,
  insertEndpoint,
  insertReplay,
  listDeliveries,
  listEndpoints,
  recordEndpointResult,
  settleDelivery,
  updateEndpoint,
  type ClaimedDelivery,
  type WebhookDelivery,
  type WebhookEndpoint,
} from '../repositories/webhook.repository.ts';
import type { ServiceDeps } from './deps.ts';
import { enqueueMemberNotice, type MailIdentity } from './outbox.service.ts';
import { fetchPage, type Page } from './pagination.ts';
import { requireActiveMember } from './references.ts';
import type { WebhookSender } from '../net/webhook-sender.ts';

/** An event to emit: its type, its data, the application it is about, the members it concerns. */
export interface EventToEmit {
  type: WebhookEventType;
  applicationId: string | null;
  data: Record<string, unknown>;
  /** Members the event is for: per-member chat endpoints only get events naming their member. */
  memberIds?: string[];
}

/**
 * Emit events inside the caller's transaction: one delivery row per subscribed endpoint, written
 * with the change the event reports, so neither exists without the other. Two statements
 * whatever the number of events (the subjects' names, the deliveries).
 */
export async function emitEvents(
  tx: Queryable,
  orgId: string,
  events: EventToEmit[],
  now: Date,
): Promise<void> {
  if (events.length === 0) return;
  const subjects = await findEventSubjects(
    tx,
    orgId,
    events.flatMap((e) => (e.applicationId ? [e.applicationId] : [])),
  );
  await insertDeliveries(
    tx,
    orgId,
    events.map((e) => {
      const id = randomUUID();
      const subject = e.applicationId ? subjects.get(e.applicationId) : undefined;
      const payload: WebhookEvent = {
        id,
        type: e.type,
        occurredAt: now.toISOString(),
        organizationId: orgId,
        data: { ...subject, ...e.data },
      };
      return {
        id,
        type: e.type,
        payload: payload as unknown as Record<string, unknown>,
        memberIds: e.memberIds ?? [],
      };
    }),
    now,
  );
}

/** {@link emitEvents} for one event. */
export async function emitEvent(tx: Queryable, orgId: string, event: EventToEmit, now: Date): Promise<void> {
  await emitEvents(tx, orgId, [event], now);
}

/** Settings of webhook deliveries (WEBHOOK_* in .env.example). */
export interface WebhookSettings {
  /** Allow loopback and private targets (tests, intranet installs). */
  allowPrivateTargets: boolean;
}

/** An endpoint as the API shows it: never its secret, and a chat URL (itself a secret) masked. */
export interface EndpointView extends Omit<WebhookEndpoint, 'secret' | 'url'> {
  url: string;
}

function viewEndpoint(e: WebhookEndpoint): EndpointView {
  const { secret: _secret, ...rest } = e;
  void _secret;
  return { ...rest, url: e.kind === 'webhook' ? e.url : `${new URL(e.url).origin}/…` };
}

/** What registering an endpoint takes. */
export interface EndpointInput {
  kind: WebhookEndpoint['kind'];
  url: string;
  description?: string | undefined;
  events: WebhookEventType[];
  /** Chat endpoints only: the member whose reminders and escalations go there; none = the team's. */
  memberId?: string | null | undefined;
}

/** Register an endpoint; a webhook's signing secret is in the answer, and never again. */
export async function createEndpoint(
  deps: ServiceDeps & { webhooks: WebhookSettings },
  orgId: string,
  actorId: string | null,
  input: EndpointInput,
): Promise<{ endpoint: EndpointView; secret: string | null }> {
  const problem = endpointUrlProblem(input.url, deps.webhooks.allowPrivateTargets);
  if (problem) throw errors.validation(`url ${problem}.`, { field: 'url' });
  if (input.events.length === 0) throw errors.validation('Pick at least one event.', { field: 'events' });
  if (input.kind === 'webhook' && input.memberId) {
    throw errors.validation('memberId is for chat endpoints.', { field: 'memberId' });
  }
  const secret = input.kind === 'webhook' ? `whsec_${randomBytes(32).toString('base64url')}` : null;
  const endpoint = await deps.db.tenant(orgId).transaction(async (tx) => {
    if (input.memberId) await requireActiveMember(tx, orgId, input.memberId, 'memberId');
    return insertEndpoint(tx, {
      orgId,
      kind: input.kind,
      url: input.url,
      description: input.description ?? '',
      events: [...new Set(input.events)],
      secret,
      memberId: input.memberId ?? null,
      createdBy: actorId,
      createdAt: deps.clock.now(),
    });
  });
  return { endpoint: viewEndpoint(endpoint), secret };
}

/** The organization's endpoints. */
export async function listEndpointsPage(
  deps: ServiceDeps,
  orgId: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<Page<EndpointView>> {
  const endpoints = await fetchPage(
    query,
    (page) => listEndpoints(deps.db.tenant(orgId), orgId, page),
    (e) => e.createdAt,
  );
  return { items: endpoints.items.map(viewEndpoint), nextCursor: endpoints.nextCursor };
}

/** One endpoint. */
export async function getEndpoint(deps: ServiceDeps, orgId: string, id: string): Promise<EndpointView> {
  const e = await findEndpoint(deps.db.tenant(orgId), orgId, id);
  if (!e) throw errors.notFound('Webhook endpoint', id);
  return viewEndpoint(e);
}

/** Change an endpoint; `active: true` re-enables one that was disabled after failures. */
export async function changeEndpoint(
  deps: ServiceDeps & { webhooks: WebhookSettings },
  orgId: string,
  id: string,
  patch: {
    url?: string | undefined;
    description?: string | undefined;
    events?: WebhookEventType[] | undefined;
    active?: boolean | undefined;
  },
): Promise<EndpointView> {
  if (patch.url !== undefined) {
    const problem = endpointUrlProblem(patch.url, deps.webhooks.allowPrivateTargets);
    if (problem) throw errors.validation(`url ${problem}.`, { field: 'url' });
  }
  if (patch.events?.length === 0) throw errors.validation('Pick at least one event.', { field: 'events' });
  const e = await updateEndpoint(
    deps.db.tenant(orgId),
    orgId,
    id,
    {
      ...(patch.url !== undefined && { url: patch.url }),
      ...(patch.description !== undefined && { description: patch.description }),
      ...(patch.events !== undefined && { events: [...new Set(patch.events)] }),
      ...(patch.active !== undefined && { active: patch.active }),
    },
    deps.clock.now(),
  );
  if (!e) throw errors.notFound('Webhook endpoint', id);
  return viewEndpoint(e);
}

/** Remove an endpoint and its delivery log. */
export async function removeEndpoint(deps: ServiceDeps, orgId: string, id: string): Promise<void> {
  const removed = await deps.db.tenant(orgId).transaction((tx) => deleteEndpoint(tx, orgId, id));
  if (!removed) throw errors.notFound('Webhook endpoint', id);
}

/** A delivery with its attempts, for the delivery log. */
export type DeliveryView = Awaited<ReturnType<typeof listDeliveries>>[number];

/** An endpoint's delivery log, newest first. */
export async function listDeliveriesPage(
  deps: ServiceDeps,
  orgId: string,
  endpointId: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<Page<DeliveryView>> {
  const tenant = deps.db.tenant(orgId);
  if (!(await findEndpoint(tenant, orgId, endpointId))) throw errors.notFound('Webhook endpoint', endpointId);
  return fetchPage(
    query,
    (page) => listDeliveries(tenant, orgId, endpointId, page),
    (d) => d.createdAt,
  );
}

/** Send a delivery again: a new delivery of the same event (same event id), due now. */
export async function replayDelivery(
  deps: ServiceDeps,
  orgId: string,
  deliveryId: string,
): Promise<WebhookDelivery> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const original = await findDelivery(tx, orgId, deliveryId);
    if (!original) throw errors.notFound('Webhook delivery', deliveryId);
    if (original.status === 'pending' || original.status === 'delivering') {
      throw errors.invalidState('This delivery is still being attempted.', { status: original.status });
    }
    return insertReplay(tx, original, deps.clock.now());
  });
}

/** Settings of the delivery worker. */
export interface DeliveryOptions {
  batchSize: number;
  leaseMs: number;
  /** Attempts before a delivery fails for good and its endpoint is disabled. */
  maxAttempts: number;
  /** Deliveries in flight at once. Default 5. */
  concurrency?: number;
}

/** What one pass did. */
export interface DeliveryResult {
  claimed: number;
  delivered: number;
  retried: number;
  failed: number;
}

/**
 * Claim due deliveries and post them. At-least-once: a worker that dies after the receiver
 * answered but before recording it leaves the row `delivering`; the lease expires and another
 * worker posts it again, with the same event id and delivery id for the receiver to de-duplicate.
 */
export async function dispatchDueDeliveries(
  deps: { db: Db; clock: Clock; sender: WebhookSender; identity: MailIdentity; appUrl: string },
  options: DeliveryOptions,
): Promise<DeliveryResult> {
  const now = deps.clock.now();
  const claimed = await claimDueDeliveries(
    deps.db.system(),
    now,
    new Date(now.getTime() + options.leaseMs),
    options.batchSize,
  );
  const result: DeliveryResult = { claimed: claimed.length, delivered: 0, retried: 0, failed: 0 };
  const queue = [...claimed];
  const workers = Array.from({ length: Math.min(options.concurrency ?? 5, queue.length) }, async () => {
    for (let d = queue.shift(); d; d = queue.shift()) result[await deliverOne(deps, d, options)] += 1;
  });
  await Promise.all(workers);
  return result;
}

/** The link a chat message offers: the application, else the follow-up list. */
function linkFor(appUrl: string, payload: Record<string, unknown>): string {
  const application = (payload.data as { application?: { id?: string } } | undefined)?.application?.id;
  return application ? `${appUrl}/#/applications/${application}` : `${appUrl}/#/`;
}

async function deliverOne(
  deps: { db: Db; clock: Clock; sender: WebhookSender; identity: MailIdentity; appUrl: string },
  d: ClaimedDelivery,
  options: DeliveryOptions,
): Promise<'delivered' | 'retried' | 'failed'> {
  const event = d.payload as unknown as WebhookEvent;
  const body =
    d.endpoint.kind === 'webhook'
      ? JSON.stringify(event)
      : JSON.stringify(chatPayload(d.endpoint.kind, event, linkFor(deps.appUrl, d.payload)));
  const sentAt = deps.clock.now();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Hearback-Webhooks/1',
  };
  if (d.endpoint.kind === 'webhook' && d.endpoint.secret) {
    headers[SIGNATURE_HEADER.toLowerCase()] = signPayload(
      d.endpoint.secret,
      Math.floor(sentAt.getTime() / 1000),
      body,
    );
    headers['hearback-event'] = d.eventType;
    headers['hearback-event-id'] = d.eventId;
    headers['hearback-delivery'] = d.id;
  }
  let statusCode: number | null = null;
  let error: string | null = null;
  const started = performance.now();
  try {
    statusCode = (await deps.sender.post({ url: d.endpoint.url, headers, body })).statusCode;
    if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const durationMs = Math.round(performance.now() - started);
  const now = deps.clock.now();
  const ok = error === null;
  const final = !ok && d.attempts >= options.maxAttempts;
  return deps.db.tenant(d.orgId).transaction(async (tx) => {
    await insertAttempt(tx, {
      orgId: d.orgId,
      deliveryId: d.id,
      attempt: d.attempts,
      statusCode,
      error,
      durationMs,
      at: now,
    });
    const settled = await settleDelivery(
      tx,
      d.orgId,
      d.id,
      ok
        ? { status: 'delivered', statusCode: statusCode! }
        : final
          ? { status: 'failed', statusCode, error: error! }
          : {
              status: 'pending',
              retryAt: new Date(now.getTime() + webhookRetryDelayMs(d.attempts)),
              statusCode,
              error: error!,
            },
      now,
    );
    // Another worker reclaimed it after our lease ran out and recorded it already.
    if (!settled) return ok ? 'delivered' : 'retried';
    await recordEndpointResult(tx, d.orgId, d.endpointId, ok, now);
    if (final) await disableAfterFailure(tx, deps.identity, d, error!, now);
    return ok ? 'delivered' : final ? 'failed' : 'retried';
  });
}

/**
 * A delivery that failed every attempt disables its endpoint (its later deliveries wait, nothing
 * is dropped) and tells the admins, who can fix the receiver, re-enable it and replay.
 */
async function disableAfterFailure(
  tx: Queryable,
  identity: MailIdentity,
  d: ClaimedDelivery,
  error: string,
  now: Date,
): Promise<void> {
  const reason = `${d.attempts} attempts failed; last: ${error}`.slice(0, 500);
  const disabled = await disableEndpoint(tx, d.orgId, d.endpointId, reason, now);
  if (!disabled) return;
  await insertEvent(tx, {
    orgId: d.orgId,
    type: 'webhook_disabled',
    data: {
      endpointId: d.endpointId,
      url: disabled.kind === 'webhook' ? disabled.url : disabled.kind,
      reason,
    },
    at: now,
  });
  for (const admin of await listActiveMembersByRole(tx, d.orgId, 'admin')) {
    await enqueueMemberNotice(
      tx,
      identity,
      {
        orgId: d.orgId,
        applicationId: null,
        member: admin,
        kind: 'failure_alert',
        subject: `Webhook disabled: ${disabled.description || disabled.kind}`,
        text:
          `Hi ${admin.name},\n\nHearback stopped sending to the ${disabled.kind} endpoint ` +
          `"${disabled.description || (disabled.kind === 'webhook' ? disabled.url : disabled.kind)}": ${reason}.\n\n` +
          `Its events are kept. Fix the receiver, enable the endpoint again in Settings → Webhooks, and ` +
          `replay the failed deliveries from its log.`,
      },
      now,
    );
  }
}
