import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { MessagingDeps } from '../../services/message-templates.ts';
import {
  cancelFollowUp,
  createFollowUp,
  getFollowUp,
  listFollowUpsPage,
  reassignFollowUp,
} from '../../services/follow-up.service.ts';
import {
  FollowUpCancelSchema,
  FollowUpCreateSchema,
  FollowUpListQuerySchema,
  FollowUpReassignSchema,
  FollowUpViewSchema,
  IdParamsSchema,
  pageOf,
} from '../schemas.ts';
import { routesOn } from './route-app.ts';
import { actorOf } from '../auth.ts';

/** Follow-ups: who owes whom a contact, by when. */
export function followUpsRoutes(deps: MessagingDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['follow-ups'];
    const route = routesOn(app, tags);
    route('GET /follow-ups', 'listFollowUps', {
      summary: 'List follow-ups by due time',
      schema: { querystring: FollowUpListQuerySchema, response: { 200: pageOf(FollowUpViewSchema) } },
      handler: (req) => listFollowUpsPage(deps, req.principal.orgId, req.query),
    });
    route('POST /follow-ups', 'createFollowUp', {
      summary: 'Open a follow-up by hand',
      schema: { body: FollowUpCreateSchema, response: { 201: FollowUpViewSchema } },
      handler: async (req, reply) =>
        reply.code(201).send(await createFollowUp(deps, req.principal.orgId, req.body, actorOf(req))),
    });
    route('GET /follow-ups/:id', 'getFollowUp', {
      summary: 'Get a follow-up',
      schema: { params: IdParamsSchema, response: { 200: FollowUpViewSchema } },
      handler: (req) => getFollowUp(deps, req.principal.orgId, req.params.id),
    });
    route('POST /follow-ups/:id/cancel', 'cancelFollowUp', {
      summary: 'Cancel an open follow-up, with a reason',
      schema: { params: IdParamsSchema, body: FollowUpCancelSchema, response: { 200: FollowUpViewSchema } },
      handler: (req) => cancelFollowUp(deps, req.principal.orgId, req.params.id, req.body.reason),
    });
    route('POST /follow-ups/:id/reassign', 'assignFollowUp', {
      summary: 'Hand an open follow-up to another member',
      schema: {
        description:
          'The new owner (an active member of your organization, not an interviewer) gets its reminders from now on and is told at once by email, with a link; its due time and ladder stay. A scorecard cannot be handed on (409). Recorded in the audit log and as a `follow_up_reassigned` event.',
        params: IdParamsSchema,
        body: FollowUpReassignSchema,
        response: { 200: FollowUpViewSchema },
      },
      handler: (req) => reassignFollowUp(deps, req.principal.orgId, req.params.id, req.body, actorOf(req)),
    });
  };
}
