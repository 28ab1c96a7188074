import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changeApplication,
  createApplication,
  deleteApplication,
  getApplication,
  getApplicationTimeline,
  listApplicationEvents,
  listApplicationsPage,
} from '../../services/application.service.ts';
import { listDecisions, recordDecision } from '../../services/decision.service.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { listInterviews } from '../../services/interview.service.ts';
import {
  ApplicationCreateSchema,
  ApplicationListQuerySchema,
  ApplicationPatchSchema,
  ApplicationSchema,
  CandidateSchema,
  DecisionCreateSchema,
  DecisionSchema,
  FeedbackSchema,
  FollowUpSchema,
  IdParamsSchema,
  IdSchema,
  InterviewSchema,
  JobSchema,
  pageOf,
  TouchpointSchema,
} from '../schemas.ts';

const TimelineEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('application_created'), at: z.date(), application: ApplicationSchema }),
  z.object({ type: z.literal('interview_scheduled'), at: z.date(), interview: InterviewSchema }),
  z.object({ type: z.literal('interview_closed'), at: z.date(), interview: InterviewSchema }),
  z.object({ type: z.literal('feedback_submitted'), at: z.date(), feedback: FeedbackSchema }),
  z.object({ type: z.literal('decision_made'), at: z.date(), decision: DecisionSchema }),
  z.object({ type: z.literal('touchpoint'), at: z.date(), touchpoint: TouchpointSchema }),
  z.object({ type: z.literal('follow_up_opened'), at: z.date(), followUp: FollowUpSchema }),
  z.object({ type: z.literal('follow_up_done'), at: z.date(), followUp: FollowUpSchema }),
  z.object({ type: z.literal('follow_up_cancelled'), at: z.date(), followUp: FollowUpSchema }),
]);

const TimelineSchema = z
  .object({
    application: ApplicationSchema,
    candidate: CandidateSchema,
    job: JobSchema,
    events: z.array(TimelineEventSchema),
    openFollowUps: z.array(FollowUpSchema),
  })
  .meta({ id: 'Timeline' });

/** Applications: a candidate in a job, with its timeline and decisions. */
export function applicationsRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['applications'];
    app.post(
      '/applications',
      {
        schema: {
          tags,
          summary: 'Put a candidate into a job',
          body: ApplicationCreateSchema,
          response: { 201: ApplicationSchema },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await createApplication(deps, req.principal.orgId, req.body)),
    );
    app.get(
      '/applications',
      {
        schema: {
          tags,
          summary: 'List applications',
          querystring: ApplicationListQuerySchema,
          response: { 200: pageOf(ApplicationSchema) },
        },
      },
      (req) => listApplicationsPage(deps, req.principal.orgId, req.query),
    );
    app.get(
      '/applications/:id',
      {
        schema: {
          tags,
          summary: 'Get an application',
          params: IdParamsSchema,
          response: { 200: ApplicationSchema },
        },
      },
      (req) => getApplication(deps, req.principal.orgId, req.params.id),
    );
    app.patch(
      '/applications/:id',
      {
        schema: {
          tags,
          summary: 'Change stage or status (withdrawn cancels every open follow-up)',
          params: IdParamsSchema,
          body: ApplicationPatchSchema,
          response: { 200: ApplicationSchema.extend({ cancelledFollowUps: z.array(FollowUpSchema) }) },
        },
      },
      async (req) => {
        const { application, cancelledFollowUps } = await changeApplication(
          deps,
          req.principal.orgId,
          req.params.id,
          req.body,
        );
        return { ...application, cancelledFollowUps };
      },
    );
    app.delete(
      '/applications/:id',
      { schema: { tags, summary: 'Delete an application without history', params: IdParamsSchema } },
      async (req, reply) => {
        await deleteApplication(deps, req.principal.orgId, req.params.id);
        return reply.code(204).send();
      },
    );
    app.get(
      '/applications/:id/timeline',
      {
        schema: {
          tags,
          summary: 'Everything that happened on an application, and what is still owed',
          params: IdParamsSchema,
          response: { 200: TimelineSchema },
        },
      },
      (req) => getApplicationTimeline(deps, req.principal.orgId, req.params.id),
    );
    app.get(
      '/applications/:id/events',
      {
        schema: {
          tags,
          summary: 'What the system did on its own: reminders, updates, escalations, sends, overrides',
          params: IdParamsSchema,
          response: {
            200: z.array(
              z.object({
                id: IdSchema,
                type: z.string(),
                followUpId: IdSchema.nullable(),
                messageId: IdSchema.nullable(),
                memberId: IdSchema.nullable(),
                data: z.record(z.string(), z.unknown()),
                at: z.date(),
              }),
            ),
          },
        },
      },
      (req) => listApplicationEvents(deps, req.principal.orgId, req.params.id),
    );
    app.get(
      '/applications/:id/interviews',
      {
        schema: {
          tags,
          summary: "An application's interviews",
          params: IdParamsSchema,
          response: { 200: z.array(InterviewSchema) },
        },
      },
      (req) => listInterviews(deps, req.principal.orgId, req.params.id),
    );
    app.post(
      '/applications/:id/decisions',
      {
        schema: {
          tags: ['decisions'],
          summary: 'Record a decision (it does not tell the candidate: the outcome follow-up stays open)',
          params: IdParamsSchema,
          body: DecisionCreateSchema,
          response: {
            201: z.object({ decision: DecisionSchema, outcomeFollowUp: FollowUpSchema.nullable() }),
          },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await recordDecision(deps, req.principal.orgId, req.params.id, req.body)),
    );
    app.get(
      '/applications/:id/decisions',
      {
        schema: {
          tags: ['decisions'],
          summary: "An application's decisions",
          params: IdParamsSchema,
          response: { 200: z.array(DecisionSchema) },
        },
      },
      (req) => listDecisions(deps, req.principal.orgId, req.params.id),
    );
  };
}
