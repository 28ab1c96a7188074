import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignInboundEmail,
  dismissInboundEmail,
  getInboundEmail,
  listInboxPage,
  type InboundDeps,
} from '../../services/inbound-mail.service.ts';
import { actorOf } from '../auth.ts';
import { routesOn } from './route-app.ts';
import {
  FollowUpSchema,
  IdParamsSchema,
  IdSchema,
  NoBodySchema,
  PageQuerySchema,
  pageOf,
} from '../schemas.ts';

const INBOUND_STATUSES = ['processed', 'unassigned', 'dismissed'] as const;

export const InboundEmailSchema = z
  .object({
    id: IdSchema,
    applicationId: IdSchema.nullable().describe('The thread it belongs to; null while unassigned.'),
    source: z.enum(['smtp', 'imap', 'api']),
    classification: z.string().describe('reply, auto_reply, bounce or unknown.'),
    matchedBy: z.enum(['token', 'message_id', 'sender', 'assigned', 'none']),
    status: z.enum([...INBOUND_STATUSES, 'unrouted']),
    fromAddress: z.string(),
    fromName: z.string(),
    subject: z.string(),
    bodyText: z.string().describe('The new text only: quoted history and signature removed; plain text.'),
    attachments: z
      .array(z.object({ filename: z.string(), contentType: z.string(), size: z.number().int() }))
      .describe('Listed, never stored.'),
    sizeBytes: z.number().int(),
    touchpointId: IdSchema.nullable(),
    handledBy: IdSchema.nullable(),
    handledAt: z.date().nullable(),
    receivedAt: z.date(),
  })
  .meta({ id: 'InboundEmail' });

/** The inbox: inbound mail Hearback could not match to a thread, waiting to be assigned or dismissed. */
export function inboxRoutes(deps: InboundDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['inbox'];
    const route = routesOn(app, tags);
    route('GET /inbox', 'listInboundEmails', {
      summary: 'List inbound mail (default: unassigned, waiting for someone), newest first',
      schema: {
        querystring: PageQuerySchema.extend({
          status: z
            .enum(INBOUND_STATUSES)
            .optional()
            .describe('Default: unassigned (unless applicationId is given).'),
          applicationId: IdSchema.optional(),
        }),
        response: { 200: pageOf(InboundEmailSchema) },
      },
      handler: async (req) => listInboxPage(deps, req.principal.orgId, req.query),
    });
    route('GET /inbox/:id', 'getInboundEmail', {
      summary: 'One inbound mail',
      schema: { params: IdParamsSchema, response: { 200: InboundEmailSchema } },
      handler: async (req) => getInboundEmail(deps, req.principal.orgId, req.params.id),
    });
    route('POST /inbox/:id/assign', 'assignInboundEmail', {
      summary:
        "Assign an unmatched mail to an application: it is recorded as the candidate's reply and closes what it answers",
      schema: {
        params: IdParamsSchema,
        body: z.strictObject({ applicationId: IdSchema }),
        response: {
          200: z.object({ inbound: InboundEmailSchema, closedFollowUps: z.array(FollowUpSchema) }),
        },
      },
      handler: async (req) =>
        assignInboundEmail(
          deps,
          req.principal.orgId,
          actorOf(req).memberId,
          req.params.id,
          req.body.applicationId,
        ),
    });
    route('POST /inbox/:id/dismiss', 'dismissInboundEmail', {
      summary: 'Dismiss an unmatched mail (spam, not about a candidate)',
      schema: { params: IdParamsSchema, body: NoBodySchema, response: { 200: InboundEmailSchema } },
      handler: async (req) =>
        dismissInboundEmail(deps, req.principal.orgId, actorOf(req).memberId, req.params.id),
    });
  };
}
