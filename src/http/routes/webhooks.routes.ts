import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { WEBHOOK_EVENTS } from '../../domain/webhooks.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import {
  changeEndpoint,
  createEndpoint,
  getEndpoint,
  listDeliveriesPage,
  listEndpointsPage,
  removeEndpoint,
  replayDelivery,
  type EndpointView,
  type WebhookSettings,
} from '../../services/webhook.service.ts';
import { actorOf } from '../auth.ts';
import { IdParamsSchema, IdSchema, LineSchema, NoBodySchema, PageQuerySchema, pageOf } from '../schemas.ts';
import { routesOn, type RouteApp } from './route-app.ts';

const EventsSchema = z
  .array(z.enum(WEBHOOK_EVENTS))
  .min(1)
  .max(WEBHOOK_EVENTS.length)
  .describe('The events to deliver (payloads: docs/API.md, Webhooks).');
const UrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .describe('Where to POST. Loopback, private and link-local addresses are refused (SSRF).');

export const WebhookEndpointSchema = z
  .object({
    id: IdSchema,
    kind: z.enum(['webhook', 'slack', 'teams']),
    url: z.string().describe('A chat URL is itself a secret: only its origin is shown.'),
    description: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    recipientId: IdSchema.nullable().describe(
      "Chat endpoints: the member whose reminders and escalations go there; null = the team's.",
    ),
    active: z.boolean(),
    disabledAt: z.date().nullable(),
    disabledReason: z.string().nullable(),
    consecutiveFailures: z.number().int(),
    createdBy: IdSchema.nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'WebhookEndpoint' });

export const WebhookDeliverySchema = z
  .object({
    id: IdSchema,
    endpointId: IdSchema,
    eventId: IdSchema.describe('The same on retries and replays: de-duplicate on it.'),
    eventType: z.enum(WEBHOOK_EVENTS),
    status: z.enum(['pending', 'delivering', 'delivered', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: z.date(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: z.date().nullable(),
    replayOf: IdSchema.nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'WebhookDelivery' });

const DeliveryLogEntrySchema = WebhookDeliverySchema.extend({
  attemptLog: z.array(
    z.object({
      attempt: z.number().int(),
      statusCode: z.number().int().nullable(),
      error: z.string().nullable(),
      durationMs: z.number(),
      at: z.date(),
    }),
  ),
}).meta({ id: 'WebhookDeliveryLogEntry' });

/** An endpoint as the API shows it: the chat member named by their role, the recipient. */
function shown({ memberId, ...e }: EndpointView): z.input<typeof WebhookEndpointSchema> {
  return { ...e, recipientId: memberId };
}

const tags = ['webhooks'];

/** Webhook and chat endpoints, their delivery log and replay (admins). */
export function webhooksRoutes(deps: ServiceDeps & { webhooks: WebhookSettings }): FastifyPluginAsyncZod {
  return async (app) => {
    registerWebhookSubscribeRoutes(app, deps);
    registerWebhookRoutes(app, deps);
    registerWebhookDeliveryRoutes(app, deps);
  };
}

/** Create and list webhooks. */
function registerWebhookSubscribeRoutes(
  app: RouteApp,
  deps: ServiceDeps & { webhooks: WebhookSettings },
): void {
  const route = routesOn(app, tags);
  route('POST /webhooks', 'createWebhookEndpoint', {
    summary: "Register an endpoint; a webhook's signing secret is in this answer and never again",
    schema: {
      body: z.strictObject({
        kind: z.enum(['webhook', 'slack', 'teams']).default('webhook'),
        url: UrlSchema,
        description: LineSchema(200).optional(),
        events: EventsSchema,
        recipientId: IdSchema.nullable()
          .optional()
          .describe(
            "Chat endpoints only: the member whose reminders and escalations go there (default: the team's).",
          ),
      }),
      response: {
        201: z.object({
          endpoint: WebhookEndpointSchema,
          secret: z
            .string()
            .nullable()
            .describe('whsec_…: verify Hearback-Signature with it. Shown once; null for chat endpoints.'),
        }),
      },
    },
    handler: async (req, reply) => {
      const { recipientId, ...input } = req.body;
      const { endpoint, secret } = await createEndpoint(deps, req.principal.orgId, actorOf(req).memberId, {
        ...input,
        memberId: recipientId,
      });
      return reply.code(201).send({ endpoint: shown(endpoint), secret });
    },
  });
  route('GET /webhooks', 'listWebhookEndpoints', {
    summary: 'List endpoints',
    schema: { querystring: PageQuerySchema, response: { 200: pageOf(WebhookEndpointSchema) } },
    handler: async (req) => {
      const page = await listEndpointsPage(deps, req.principal.orgId, req.query);
      return { ...page, items: page.items.map(shown) };
    },
  });
}

/** Read, change and delete a webhook. */
function registerWebhookRoutes(app: RouteApp, deps: ServiceDeps & { webhooks: WebhookSettings }): void {
  const route = routesOn(app, tags);
  route('GET /webhooks/:id', 'getWebhookEndpoint', {
    summary: 'One endpoint',
    schema: { params: IdParamsSchema, response: { 200: WebhookEndpointSchema } },
    handler: async (req) => shown(await getEndpoint(deps, req.principal.orgId, req.params.id)),
  });
  route('PATCH /webhooks/:id', 'updateWebhookEndpoint', {
    summary: 'Change an endpoint; `active: true` re-enables one disabled after failures',
    schema: {
      params: IdParamsSchema,
      body: z.strictObject({
        url: UrlSchema.optional(),
        description: LineSchema(200).optional(),
        events: EventsSchema.optional(),
        active: z.boolean().optional(),
      }),
      response: { 200: WebhookEndpointSchema },
    },
    handler: async (req) => shown(await changeEndpoint(deps, req.principal.orgId, req.params.id, req.body)),
  });
  route('DELETE /webhooks/:id', 'deleteWebhookEndpoint', {
    summary: 'Remove an endpoint; its pending deliveries go with it',
    schema: { params: IdParamsSchema, response: { 204: z.null().describe('Removed.') } },
    handler: async (req, reply) => {
      await removeEndpoint(deps, req.principal.orgId, req.params.id);
      return reply.code(204).send(null);
    },
  });
}

/** A webhook's deliveries, and replaying one. */
function registerWebhookDeliveryRoutes(
  app: RouteApp,
  deps: ServiceDeps & { webhooks: WebhookSettings },
): void {
  const route = routesOn(app, tags);
  route('GET /webhooks/:id/deliveries', 'listWebhookDeliveries', {
    summary: "An endpoint's delivery log, newest first, with each attempt's response code",
    schema: {
      params: IdParamsSchema,
      querystring: PageQuerySchema,
      response: { 200: pageOf(DeliveryLogEntrySchema) },
    },
    handler: async (req) => listDeliveriesPage(deps, req.principal.orgId, req.params.id, req.query),
  });
  route('POST /webhook-deliveries/:id/replay', 'replayWebhookDelivery', {
    summary: 'Send a delivery again: a new delivery of the same event (same event id), due now',
    schema: { params: IdParamsSchema, body: NoBodySchema, response: { 201: WebhookDeliverySchema } },
    handler: async (req, reply) =>
      reply.code(201).send(await replayDelivery(deps, req.principal.orgId, req.params.id)),
  });
}
