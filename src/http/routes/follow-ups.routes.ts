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
import { actorOf } from '../auth.ts';

/** Follow-ups: who owes whom a contact, by when. */
export function followUpsRoutes(deps: MessagingDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['follow-ups'];
    app.get(
      '/follow-ups',
      {
        schema: {
          operationId: 'listFollowUps',
          tags,
          summary: 'List follow-ups by due time',
          querystring: FollowUpListQuerySchema,
          response: { 200: pageOf(FollowUpViewSchema) },
        },
      },
      (req) => listFollowUpsPage(deps, req.principal.orgId, req.query),
    );
    app.post(
      '/follow-ups',
      {
        schema: {
          operationId: 'createFollowUp',
          tags,
          summary: 'Open a follow-up by hand',
          body: FollowUpCreateSchema,
          response: { 201: FollowUpViewSchema },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await createFollowUp(deps, req.principal.orgId, req.body, actorOf(req))),
    );
    app.get(
      '/follow-ups/:id',
      {
        schema: {
          operationId: 'getFollowUp',
          tags,
          summary: 'Get a follow-up',
          params: IdParamsSchema,
          response: { 200: FollowUpViewSchema },
        },
      },
      (req) => getFollowUp(deps, req.principal.orgId, req.params.id),
    );
    app.post(
      '/follow-ups/:id/cancel',
      {
        schema: {
          operationId: 'cancelFollowUp',
          tags,
          summary: 'Cancel an open follow-up, with a reason',
          params: IdParamsSchema,
          body: FollowUpCancelSchema,
          response: { 200: FollowUpViewSchema },
        },
      },
      (req) => cancelFollowUp(deps, req.principal.orgId, req.params.id, req.body.reason),
    );
    app.post(
      '/follow-ups/:id/reassign',
      {
        schema: {
          operationId: 'assignFollowUp',
          tags,
          summary: 'Hand an open follow-up to another member',
          description:
            'The new owner (an active member of your organization, not an interviewer) gets its reminders from now on and is told at once by email, with a link; its due time and ladder stay. A scorecard cannot be handed on (409). Recorded in the audit log and as a `follow_up_reassigned` event.',
          params: IdParamsSchema,
          body: FollowUpReassignSchema,
          response: { 200: FollowUpViewSchema },
        },
      },
      (req) => reassignFollowUp(deps, req.principal.orgId, req.params.id, req.body, actorOf(req)),
    );
  };
}
