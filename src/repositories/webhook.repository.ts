import type { Queryable } from '../db/db.ts';
import { keysetPage, type KeysetPage } from '../db/sql.ts';
import type { WebhookEventType } from '../domain/webhooks.ts';

/** An endpoint an admin registered. */
export interface WebhookEndpoint {
  id: string;
  orgId: string;
  kind: 'webhook' | 'slack' | 'teams';
  url: string;
  description: string;
  events: WebhookEventType[];
  secret: string | null;
  memberId: string | null;
  active: boolean;
  disabledAt: Date | null;
  disabledReason: string | null;
  consecutiveFailures: number;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface EndpointRow {
  id: string;
  org_id: string;
  kind: WebhookEndpoint['kind'];
  url: string;
  description: string;
  events: WebhookEventType[];
  secret: string | null;
  member_id: string | null;
  active: boolean;
  disabled_at: Date | null;
  disabled_reason: string | null;
  consecutive_failures: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

const toEndpoint = (r: EndpointRow): WebhookEndpoint => ({
  id: r.id,
  orgId: r.org_id,
  kind: r.kind,
  url: r.url,
  description: r.description,
  events: r.events,
  secret: r.secret,
  memberId: r.member_id,
  active: r.active,
  disabledAt: r.disabled_at,
  disabledReason: r.disabled_reason,
  consecutiveFailures: r.consecutive_failures,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Register an endpoint. */
export async function insertEndpoint(
  q: Queryable,
  e: Pick<
    WebhookEndpoint,
    'orgId' | 'kind' | 'url' | 'description' | 'events' | 'secret' | 'memberId' | 'createdBy' | 'createdAt'
  >,
): Promise<WebhookEndpoint> {
  const [row] = await q.query<EndpointRow>(
    `INSERT INTO webhook_endpoints (org_id, kind, url, description, events, secret, member_id, created_by,
                                    created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING *`,
    [e.orgId, e.kind, e.url, e.description, e.events, e.secret, e.memberId, e.createdBy, e.createdAt],
  );
  return toEndpoint(row!);
}

/** One endpoint. */
export async function findEndpoint(q: Queryable, orgId: string, id: string): Promise<WebhookEndpoint | null> {
  const [row] = await q.query<EndpointRow>(`SELECT * FROM webhook_endpoints WHERE org_id = $1 AND id = $2`, [
    orgId,
    id,
  ]);
  return row ? toEndpoint(row) : null;
}

/** Endpoints by creation, a page at a time. */
export async function listEndpoints(
  q: Queryable,
  orgId: string,
  page: KeysetPage,
): Promise<WebhookEndpoint[]> {
  const k = keysetPage(page, { by: 'created_at', firstParam: 2 });
  const rows = await q.query<EndpointRow>(
    `SELECT * FROM webhook_endpoints
      WHERE org_id = $1 AND ${k.where}
      ${k.orderLimit}`,
    [orgId, ...k.params],
  );
  return rows.map(toEndpoint);
}

/** Change an endpoint's settings; re-enabling clears the failure count. */
export async function updateEndpoint(
  q: Queryable,
  orgId: string,
  id: string,
  patch: {
    url?: string;
    description?: string;
    events?: string[];
    active?: boolean;
    memberId?: string | null;
  },
  at: Date,
): Promise<WebhookEndpoint | null> {
  const [row] = await q.query<EndpointRow>(
    `UPDATE webhook_endpoints
        SET url = coalesce($3, url), description = coalesce($4, description), events = coalesce($5, events),
            active = coalesce($6, active),
            member_id = CASE WHEN $7 THEN $8::uuid ELSE member_id END,
            disabled_at = CASE WHEN $6 THEN NULL ELSE disabled_at END,
            disabled_reason = CASE WHEN $6 THEN NULL ELSE disabled_reason END,
            consecutive_failures = CASE WHEN $6 THEN 0 ELSE consecutive_failures END,
            updated_at = $9
      WHERE org_id = $1 AND id = $2 RETURNING *`,
    [
      orgId,
      id,
      patch.url ?? null,
      patch.description ?? null,
      patch.events ?? null,
      patch.active ?? null,
      patch.memberId !== undefined,
      patch.memberId ?? null,
      at,
    ],
  );
  return row ? toEndpoint(row) : null;
}

/** Remove an endpoint and its log. */
export async function deleteEndpoint(q: Queryable, orgId: string, id: string): Promise<boolean> {
  await q.query(
    `DELETE FROM webhook_attempts WHERE org_id = $1
        AND delivery_id IN (SELECT id FROM webhook_deliveries WHERE org_id = $1 AND endpoint_id = $2)`,
    [orgId, id],
  );
  await q.query(`DELETE FROM webhook_deliveries WHERE org_id = $1 AND endpoint_id = $2`, [orgId, id]);
  const rows = await q.query(`DELETE FROM webhook_endpoints WHERE org_id = $1 AND id = $2 RETURNING id`, [
    orgId,
    id,
  ]);
  return rows.length > 0;
}

/** An event to fan out: its payload, and the members it concerns (for per-member chat endpoints). */
export interface OutgoingEvent {
  id: string;
  type: WebhookEventType;
  payload: Record<string, unknown>;
  memberIds: string[];
}

/**
 * Write one delivery per subscribed, active endpoint for each event, in one statement, inside the
 * caller's transaction (the same one as the change the event reports). A per-member chat
 * endpoint only gets the events that concern its member.
 */
export async function insertDeliveries(
  q: Queryable,
  orgId: string,
  events: OutgoingEvent[],
  now: Date,
): Promise<number> {
  if (events.length === 0) return 0;
  const rows = await q.query<{ n: number }>(
    `WITH ev AS (
       SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, type text, payload jsonb, member_ids uuid[])
     ), ins AS (
       INSERT INTO webhook_deliveries (org_id, endpoint_id, event_id, event_type, payload, status,
                                       next_attempt_at, created_at, updated_at)
       SELECT $1, e.id, ev.id, ev.type, ev.payload, 'pending', $3, $3, $3
         FROM ev JOIN webhook_endpoints e
           ON e.org_id = $1 AND e.active AND ev.type = ANY(e.events)
          AND (e.member_id IS NULL OR e.member_id = ANY(ev.member_ids))
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM ins`,
    [
      orgId,
      JSON.stringify(
        events.map((e) => ({ id: e.id, type: e.type, payload: e.payload, member_ids: e.memberIds })),
      ),
      now,
    ],
  );
  return rows[0]?.n ?? 0;
}

/** A delivery in the outbox. */
export interface WebhookDelivery {
  id: string;
  orgId: string;
  endpointId: string;
  eventId: string;
  eventType: WebhookEventType;
  payload: Record<string, unknown>;
  status: 'pending' | 'delivering' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: Date;
  leaseUntil: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  replayOf: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface DeliveryRow {
  id: string;
  org_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: WebhookEventType;
  payload: Record<string, unknown>;
  status: WebhookDelivery['status'];
  attempts: number;
  next_attempt_at: Date;
  lease_until: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  replay_of: string | null;
  created_at: Date;
  updated_at: Date;
}

const toDelivery = (r: DeliveryRow): WebhookDelivery => ({
  id: r.id,
  orgId: r.org_id,
  endpointId: r.endpoint_id,
  eventId: r.event_id,
  eventType: r.event_type,
  payload: r.payload,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  leaseUntil: r.lease_until,
  lastStatusCode: r.last_status_code,
  lastError: r.last_error,
  deliveredAt: r.delivered_at,
  replayOf: r.replay_of,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** A claimed delivery with what sending it needs. */
export interface ClaimedDelivery extends WebhookDelivery {
  endpoint: Pick<WebhookEndpoint, 'kind' | 'url' | 'secret'>;
}

/**
 * Claim due deliveries across organizations: pending and due, or delivering with an expired
 * lease (a worker died mid-delivery). Endpoints that are disabled keep theirs pending.
 */
export async function claimDueDeliveries(
  q: Queryable,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<ClaimedDelivery[]> {
  const rows = await q.query<
    DeliveryRow & { kind: WebhookEndpoint['kind']; url: string; secret: string | null }
  >(
    `WITH due AS (
       SELECT d.id FROM webhook_deliveries d
         JOIN webhook_endpoints e ON e.org_id = d.org_id AND e.id = d.endpoint_id AND e.active
        WHERE (d.status = 'pending' AND d.next_attempt_at <= $1) OR (d.status = 'delivering' AND d.lease_until < $1)
        ORDER BY d.next_attempt_at
        LIMIT $3
        FOR UPDATE OF d SKIP LOCKED
     )
     UPDATE webhook_deliveries d
        SET status = 'delivering', lease_until = $2, attempts = d.attempts + 1, updated_at = $1
       FROM due, webhook_endpoints e
      WHERE d.id = due.id AND e.org_id = d.org_id AND e.id = d.endpoint_id
     RETURNING d.*, e.kind, e.url, e.secret`,
    [now, leaseUntil, limit],
  );
  return rows.map((r) => ({ ...toDelivery(r), endpoint: { kind: r.kind, url: r.url, secret: r.secret } }));
}

/** Record one attempt in the delivery log. */
export async function insertAttempt(
  q: Queryable,
  a: {
    orgId: string;
    deliveryId: string;
    attempt: number;
    statusCode: number | null;
    error: string | null;
    durationMs: number;
    at: Date;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO webhook_attempts (org_id, delivery_id, attempt, status_code, error, duration_ms, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [a.orgId, a.deliveryId, a.attempt, a.statusCode, a.error?.slice(0, 1000) ?? null, a.durationMs, a.at],
  );
}

/** Settle a delivery after an attempt: delivered, back to pending at `retryAt`, or failed. */
export async function settleDelivery(
  q: Queryable,
  orgId: string,
  id: string,
  outcome:
    | { status: 'delivered'; statusCode: number }
    | { status: 'pending'; retryAt: Date; statusCode: number | null; error: string }
    | { status: 'failed'; statusCode: number | null; error: string },
  at: Date,
): Promise<WebhookDelivery | null> {
  const [row] = await q.query<DeliveryRow>(
    `UPDATE webhook_deliveries
        SET status = $3, last_status_code = $4, last_error = $5,
            next_attempt_at = coalesce($6, next_attempt_at), lease_until = NULL,
            delivered_at = CASE WHEN $3 = 'delivered' THEN $7 ELSE delivered_at END, updated_at = $7
      WHERE org_id = $1 AND id = $2 AND status = 'delivering' RETURNING *`,
    [
      orgId,
      id,
      outcome.status,
      outcome.statusCode,
      outcome.status === 'delivered' ? null : outcome.error.slice(0, 1000),
      outcome.status === 'pending' ? outcome.retryAt : null,
      at,
    ],
  );
  return row ? toDelivery(row) : null;
}

/** Count a failure against an endpoint (or reset the count on a success); returns the new count. */
export async function recordEndpointResult(
  q: Queryable,
  orgId: string,
  id: string,
  success: boolean,
  at: Date,
): Promise<number> {
  const [row] = await q.query<{ consecutive_failures: number }>(
    `UPDATE webhook_endpoints
        SET consecutive_failures = CASE WHEN $3 THEN 0 ELSE consecutive_failures + 1 END, updated_at = $4
      WHERE org_id = $1 AND id = $2 RETURNING consecutive_failures`,
    [orgId, id, success, at],
  );
  return row?.consecutive_failures ?? 0;
}

/** Disable an endpoint (its pending deliveries wait until it is enabled again). */
export async function disableEndpoint(
  q: Queryable,
  orgId: string,
  id: string,
  reason: string,
  at: Date,
): Promise<WebhookEndpoint | null> {
  const [row] = await q.query<EndpointRow>(
    `UPDATE webhook_endpoints SET active = false, disabled_at = $3, disabled_reason = $4, updated_at = $3
      WHERE org_id = $1 AND id = $2 AND active RETURNING *`,
    [orgId, id, at, reason],
  );
  return row ? toEndpoint(row) : null;
}

/** One delivery. */
export async function findDelivery(q: Queryable, orgId: string, id: string): Promise<WebhookDelivery | null> {
  const [row] = await q.query<DeliveryRow>(`SELECT * FROM webhook_deliveries WHERE org_id = $1 AND id = $2`, [
    orgId,
    id,
  ]);
  return row ? toDelivery(row) : null;
}

/** An endpoint's deliveries, newest first, with their attempts. */
export async function listDeliveries(
  q: Queryable,
  orgId: string,
  endpointId: string,
  page: KeysetPage,
): Promise<
  (WebhookDelivery & {
    attemptLog: {
      attempt: number;
      statusCode: number | null;
      error: string | null;
      durationMs: number;
      at: Date;
    }[];
  })[]
> {
  const k = keysetPage(page, { by: 'd.created_at', id: 'd.id', firstParam: 3, descending: true });
  const rows = await q.query<
    DeliveryRow & {
      attempt_log: {
        attempt: number;
        status_code: number | null;
        error: string | null;
        duration_ms: number;
        at: string;
      }[];
    }
  >(
    `SELECT d.*, coalesce((SELECT jsonb_agg(jsonb_build_object('attempt', a.attempt, 'status_code', a.status_code,
                                   'error', a.error, 'duration_ms', a.duration_ms, 'at', a.at) ORDER BY a.at)
                             FROM webhook_attempts a WHERE a.org_id = d.org_id AND a.delivery_id = d.id), '[]') AS attempt_log
       FROM webhook_deliveries d
      WHERE d.org_id = $1 AND d.endpoint_id = $2
        AND ${k.where}
      ${k.orderLimit}`,
    [orgId, endpointId, ...k.params],
  );
  return rows.map((r) => ({
    ...toDelivery(r),
    attemptLog: r.attempt_log.map((a) => ({
      attempt: a.attempt,
      statusCode: a.status_code,
      error: a.error,
      durationMs: a.duration_ms,
      at: new Date(a.at),
    })),
  }));
}

/** Queue a delivery again with the same event (same event id, so receivers can de-duplicate). */
export async function insertReplay(
  q: Queryable,
  original: WebhookDelivery,
  now: Date,
): Promise<WebhookDelivery> {
  const [row] = await q.query<DeliveryRow>(
    `INSERT INTO webhook_deliveries (org_id, endpoint_id, event_id, event_type, payload, status, next_attempt_at,
                                     replay_of, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, 'pending', $6, $7, $6, $6) RETURNING *`,
    [
      original.orgId,
      original.endpointId,
      original.eventId,
      original.eventType,
      JSON.stringify(original.payload),
      now,
      original.id,
    ],
  );
  return toDelivery(row!);
}

/** Who and what an event is about, as webhook payloads name them (no contact details). */
export interface EventSubject {
  application: { id: string; status: string };
  candidate: { id: string; name: string };
  job: { id: string; title: string };
}

/** The subjects (application, candidate, job) of events about these applications, in one statement. */
export async function findEventSubjects(
  tx: Queryable,
  orgId: string,
  applicationIds: string[],
): Promise<Map<string, EventSubject>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await tx.query<{
    id: string;
    status: string;
    candidate_id: string;
    candidate_name: string;
    job_id: string;
    job_title: string;
  }>(
    `SELECT a.id, a.status, c.id AS candidate_id, c.name AS candidate_name, j.id AS job_id, j.title AS job_title
       FROM applications a
       JOIN candidates c ON c.org_id = a.org_id AND c.id = a.candidate_id
       JOIN jobs j ON j.org_id = a.org_id AND j.id = a.job_id
      WHERE a.org_id = $1 AND a.id = ANY($2::uuid[])`,
    [orgId, [...new Set(applicationIds)]],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        application: { id: r.id, status: r.status },
        candidate: { id: r.candidate_id, name: r.candidate_name },
        job: { id: r.job_id, title: r.job_title },
      },
    ]),
  );
}
