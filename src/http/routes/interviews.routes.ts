import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.ts';
import { listFeedback, submitFeedback } from '../../services/feedback.service.ts';
import { closeInterview, createInterview, getInterview } from '../../services/interview.service.ts';
import {
  FeedbackCreateSchema,
  FeedbackSchema,
  FollowUpSchema,
  IdParamsSchema,
  InterviewCloseSchema,
  InterviewCreateSchema,
  InterviewPromiseSchema,
  InterviewSchema,
} from '../schemas.ts';

const ClosedInterviewSchema = z
  .object({
    interview: InterviewSchema,
    promise: InterviewPromiseSchema.extend({
      dueDate: z.string().describe("The due date, local to the organization's time zone."),
      timeZone: z.string(),
    }),
    followUp: FollowUpSchema,
    superseded: z.array(FollowUpSchema).describe('Earlier open outcome promises this one replaced.'),
  })
  .meta({ id: 'ClosedInterview' });

/** Interviews, their close (the promise) and their feedback. */
export function interviewsRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['interviews'];
    app.post(
      '/interviews',
      {
        schema: {
          tags,
          summary: 'Create an interview',
          body: InterviewCreateSchema,
          response: { 201: InterviewSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await createInterview(deps, req.principal.orgId, req.body)),
    );
    app.get(
      '/interviews/:id',
      {
        schema: {
          tags,
          summary: 'Get an interview',
          params: IdParamsSchema,
          response: { 200: InterviewSchema },
        },
      },
      (req) => getInterview(deps, req.principal.orgId, req.params.id),
    );
    app.post(
      '/interviews/:id/close',
      {
        schema: {
          tags,
          summary: 'Close an interview with the promise made at its end; opens the outcome follow-up',
          params: IdParamsSchema,
          body: InterviewCloseSchema,
          response: { 200: ClosedInterviewSchema },
        },
      },
      (req) => closeInterview(deps, req.principal.orgId, req.params.id, req.body),
    );
    app.post(
      '/interviews/:id/feedback',
      {
        schema: {
          tags: ['feedback'],
          summary: "Submit an interviewer's scorecard (resubmitting replaces it)",
          params: IdParamsSchema,
          body: FeedbackCreateSchema,
          response: { 201: FeedbackSchema },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await submitFeedback(deps, req.principal.orgId, req.params.id, req.body)),
    );
    app.get(
      '/interviews/:id/feedback',
      {
        schema: {
          tags: ['feedback'],
          summary: "An interview's scorecards",
          params: IdParamsSchema,
          response: { 200: z.array(FeedbackSchema) },
        },
      },
      (req) => listFeedback(deps, req.principal.orgId, req.params.id),
    );
  };
}
