import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cancelInterview,
  createCalendarFeed,
  rescheduleInterview,
  revokeCalendarFeed,
} from '../../services/calendar.service.ts';
import type { MessagingDeps } from '../../services/message-templates.ts';
import { actorOf } from '../auth.ts';
import { routesOn } from './route-app.ts';
import {
  DATE_MEANS,
  DateOrInstantSchema,
  IdParamsSchema,
  IdSchema,
  InterviewSchema,
  LineSchema,
  NoBodySchema,
} from '../schemas.ts';

/** Calendars: an interview's time and people (invitations follow), and a member's private feed. */
export function calendarRoutes(deps: MessagingDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const route = routesOn(app, ['interviews']);
    route('PATCH /interviews/:id', 'rescheduleInterview', {
      summary:
        'Change an interview’s time, place or interviewers: invitations are updated (same UID), a removed interviewer gets a cancellation',
      schema: {
        params: IdParamsSchema,
        body: z.strictObject({
          title: LineSchema(200).optional(),
          scheduledAt: DateOrInstantSchema(DATE_MEANS.start).optional(),
          endsAt: DateOrInstantSchema(DATE_MEANS.start).optional(),
          location: LineSchema(500).optional(),
          interviewerIds: z.array(IdSchema).max(50).optional(),
        }),
        response: { 200: InterviewSchema },
      },
      handler: async (req) => rescheduleInterview(deps, req.principal.orgId, req.params.id, req.body),
    });
    route('POST /interviews/:id/cancel', 'cancelInterview', {
      summary: 'Cancel an interview: everyone invited gets a cancellation of the same event',
      schema: { params: IdParamsSchema, body: NoBodySchema, response: { 200: InterviewSchema } },
      handler: async (req) => cancelInterview(deps, req.principal.orgId, req.params.id),
    });
    route('POST /calendar-feed', 'createCalendarFeed', {
      tags: ['calendar'],
      summary:
        'Create (or replace) your private calendar feed of interviews and due follow-ups; the URL is shown once',
      schema: {
        body: NoBodySchema,
        response: {
          201: z.object({
            url: z.string().describe('Subscribe to it in a calendar app. Its token is the credential.'),
          }),
        },
      },
      handler: async (req, reply) =>
        reply.code(201).send(await createCalendarFeed(deps, req.principal.orgId, actorOf(req).memberId)),
    });
    route('DELETE /calendar-feed', 'revokeCalendarFeed', {
      tags: ['calendar'],
      summary: 'Revoke your calendar feed: its URL answers 404 from now on',
      schema: { response: { 204: z.null().describe('Revoked.') } },
      handler: async (req, reply) => {
        await revokeCalendarFeed(deps, req.principal.orgId, actorOf(req).memberId);
        return reply.code(204).send(null);
      },
    });
  };
}
