import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changeApplication,
  createApplication,
  deleteApplication,
  getApplication,
  getApplicationTimeline,
  listApplicationEventsPage,
  listApplicationsPage,
} from '../../services/application.service.ts';
import { listDecisionsPage, recordDecision } from '../../services/decision.service.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { listInterviewsPage } from '../../services/interview.service.ts';
import { MESSAGE_STATUSES } from '../../domain/model.ts';
import { actorOf } from '../auth.ts';
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
  PageQuerySchema,
  pageOf,
  TouchpointSchema,
} from '../schemas.ts';
import type { RouteApp } from './route-app.ts';

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
  z.object({
    type: z.literal('written_promise'),
    at: z.date(),
    writtenPromise: z
      .object({
        interviewId: IdSchema.nullable(),
        status: z
          .enum([...MESSAGE_STATUSES, 'off', 'no_email'])
          .describe(
            'The queued note as it stands now (`scheduled` until it goes, `draft` after an undo, `sent` …), or why none was queued.',
          ),
        messageId: IdSchema.nullable(),
        sendAt: z.date().nullable(),
        reason: z.string().nullable().describe('The job’s reason for not sending it (`off`).'),
      })
      .describe('The note to the candidate with the promise made as the interview closed.'),
  }),
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

const EventSchema = z
  .object({
    id: IdSchema,
    type: z.string(),
    followUpId: IdSchema.nullable(),
    messageId: IdSchema.nullable(),
    memberId: IdSchema.nullable().describe('The member who acted; null when Hearback acted on its own.'),
    data: z.record(z.string(), z.unknown()),
    at: z.date(),
  })
  .meta({ id: 'Event' });

const tags = ['applications'];

/** Applications: a candidate in a job, with its timeline and decisions. */
export function applicationsRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerApplicationRoutes(app, deps);
    registerApplicationChangeRoutes(app, deps);
    registerApplicationHistoryRoutes(app, deps);
    registerDecisionRoutes(app, deps);
  };
}

/** Create, list and read applications. */
function registerApplicationRoutes(app: RouteApp, deps: ServiceDeps): void {
  app.post(
    '/applications',
    {
      schema: {
        operationId: 'createApplication',
        tags,
        summary: 'Put a candidate into a job',
        body: ApplicationCreateSchema,
        response: { 201: ApplicationSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createApplication(deps, req.principal.orgId, req.body)),
  );
  app.get(
    '/applications',
    {
      schema: {
        operationId: 'listApplications',
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
        operationId: 'getApplication',
        tags,
        summary: 'Get an application',
        params: IdParamsSchema,
        response: { 200: ApplicationSchema },
      },
    },
    (req) => getApplication(deps, req.principal.orgId, req.params.id),
  );
}

/** Change an application and delete one. */
function registerApplicationChangeRoutes(app: RouteApp, deps: ServiceDeps): void {
  app.patch(
    '/applications/:id',
    {
      schema: {
        operationId: 'updateApplication',
        tags,
        summary:
          'Change stage, status, final stage or agency recruiter (withdrawn cancels every open follow-up)',
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
    {
      schema: {
        operationId: 'deleteApplication',
        tags,
        summary: 'Delete an application without history',
        params: IdParamsSchema,
        response: { 204: z.null().describe('Deleted.') },
      },
    },
    async (req, reply) => {
      await deleteApplication(deps, req.principal.orgId, req.params.id);
      return reply.code(204).send(null);
    },
  );
}

/** An application's timeline, events and interviews. */
function registerApplicationHistoryRoutes(app: RouteApp, deps: ServiceDeps): void {
  app.get(
    '/applications/:id/timeline',
    {
      schema: {
        operationId: 'getApplicationTimeline',
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
        operationId: 'listApplicationEvents',
        tags,
        summary: 'What was done on an application: reminders, updates, escalations, sends, overrides',
        params: IdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: pageOf(EventSchema) },
      },
    },
    (req) => listApplicationEventsPage(deps, req.principal.orgId, req.params.id, req.query),
  );
  app.get(
    '/applications/:id/interviews',
    {
      schema: {
        operationId: 'listApplicationInterviews',
        tags,
        summary: "An application's interviews, oldest first",
        params: IdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: pageOf(InterviewSchema) },
      },
    },
    (req) => listInterviewsPage(deps, req.principal.orgId, req.params.id, req.query),
  );
}

/** Record and list an application's decisions. */
function registerDecisionRoutes(app: RouteApp, deps: ServiceDeps): void {
  app.post(
    '/applications/:id/decisions',
    {
      schema: {
        operationId: 'recordDecision',
        tags: ['decisions'],
        summary: 'Record your decision (it does not tell the candidate: the outcome follow-up stays open)',
        params: IdParamsSchema,
        body: DecisionCreateSchema,
        response: {
          201: z.object({ decision: DecisionSchema, outcomeFollowUp: FollowUpSchema.nullable() }),
        },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await recordDecision(deps, req.principal.orgId, req.params.id, req.body, actorOf(req))),
  );
  app.get(
    '/applications/:id/decisions',
    {
      schema: {
        operationId: 'listDecisions',
        tags: ['decisions'],
        summary: "An application's decisions, oldest first",
        params: IdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: pageOf(DecisionSchema) },
      },
    },
    (req) => listDecisionsPage(deps, req.principal.orgId, req.params.id, req.query),
  );
}
