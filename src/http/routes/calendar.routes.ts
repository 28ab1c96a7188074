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
    app.patch(
      '/interviews/:id',
      {
        schema: {
          operationId: 'rescheduleInterview',
          tags: ['interviews'],
          summary:
            'Change an interview’s time, place or interviewers: invitations are updated (same UID), a removed interviewer gets a cancellation',
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
      },
      async (req) => rescheduleInterview(deps, req.principal.orgId, req.params.id, req.body),
    );
    app.post(
      '/interviews/:id/cancel',
      {
        schema: {
          operationId: 'cancelInterview',
          tags: ['interviews'],
          summary: 'Cancel an interview: everyone invited gets a cancellation of the same event',
          params: IdParamsSchema,
          body: NoBodySchema,
          response: { 200: InterviewSchema },
        },
      },
      async (req) => cancelInterview(deps, req.principal.orgId, req.params.id),
    );
    app.post(
      '/calendar-feed',
      {
        schema: {
          operationId: 'createCalendarFeed',
          tags: ['calendar'],
          summary:
            'Create (or replace) your private calendar feed of interviews and due follow-ups; the URL is shown once',
          body: NoBodySchema,
          response: {
            201: z.object({
              url: z.string().describe('Subscribe to it in a calendar app. Its token is the credential.'),
            }),
          },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await createCalendarFeed(deps, req.principal.orgId, actorOf(req).memberId)),
    );
    app.delete(
      '/calendar-feed',
      {
        schema: {
          operationId: 'revokeCalendarFeed',
          tags: ['calendar'],
          summary: 'Revoke your calendar feed: its URL answers 404 from now on',
          response: { 204: z.null().describe('Revoked.') },
        },
      },
      async (req, reply) => {
        await revokeCalendarFeed(deps, req.principal.orgId, actorOf(req).memberId);
        return reply.code(204).send(null);
      },
    );
  };
}
