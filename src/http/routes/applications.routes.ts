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
import { routesOn, type RouteApp } from './route-app.ts';

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
  const route = routesOn(app, tags);
  route('POST /applications', 'createApplication', {
    summary: 'Put a candidate into a job',
    schema: { body: ApplicationCreateSchema, response: { 201: ApplicationSchema } },
    handler: async (req, reply) =>
      reply.code(201).send(await createApplication(deps, req.principal.orgId, req.body)),
  });
  route('GET /applications', 'listApplications', {
    summary: 'List applications',
    schema: { querystring: ApplicationListQuerySchema, response: { 200: pageOf(ApplicationSchema) } },
    handler: (req) => listApplicationsPage(deps, req.principal.orgId, req.query),
  });
  route('GET /applications/:id', 'getApplication', {
    summary: 'Get an application',
    schema: { params: IdParamsSchema, response: { 200: ApplicationSchema } },
    handler: (req) => getApplication(deps, req.principal.orgId, req.params.id),
  });
}

/** Change an application and delete one. */
function registerApplicationChangeRoutes(app: RouteApp, deps: ServiceDeps): void {
  const route = routesOn(app, tags);
  route('PATCH /applications/:id', 'updateApplication', {
    summary: 'Change stage, status, final stage or agency recruiter (withdrawn cancels every open follow-up)',
    schema: {
      params: IdParamsSchema,
      body: ApplicationPatchSchema,
      response: { 200: ApplicationSchema.extend({ cancelledFollowUps: z.array(FollowUpSchema) }) },
    },
    handler: async (req) => {
      const { application, cancelledFollowUps } = await changeApplication(
        deps,
        req.principal.orgId,
        req.params.id,
        req.body,
      );
      return { ...application, cancelledFollowUps };
    },
  });
  route('DELETE /applications/:id', 'deleteApplication', {
    summary: 'Delete an application without history',
    schema: { params: IdParamsSchema, response: { 204: z.null().describe('Deleted.') } },
    handler: async (req, reply) => {
      await deleteApplication(deps, req.principal.orgId, req.params.id);
      return reply.code(204).send(null);
    },
  });
}

/** An application's timeline, events and interviews. */
function registerApplicationHistoryRoutes(app: RouteApp, deps: ServiceDeps): void {
  const route = routesOn(app, tags);
  route('GET /applications/:id/timeline', 'getApplicationTimeline', {
    summary: 'Everything that happened on an application, and what is still owed',
    schema: { params: IdParamsSchema, response: { 200: TimelineSchema } },
    handler: (req) => getApplicationTimeline(deps, req.principal.orgId, req.params.id),
  });
  route('GET /applications/:id/events', 'listApplicationEvents', {
    summary: 'What was done on an application: reminders, updates, escalations, sends, overrides',
    schema: { params: IdParamsSchema, querystring: PageQuerySchema, response: { 200: pageOf(EventSchema) } },
    handler: (req) => listApplicationEventsPage(deps, req.principal.orgId, req.params.id, req.query),
  });
  route('GET /applications/:id/interviews', 'listApplicationInterviews', {
    summary: "An application's interviews, oldest first",
    schema: {
      params: IdParamsSchema,
      querystring: PageQuerySchema,
      response: { 200: pageOf(InterviewSchema) },
    },
    handler: (req) => listInterviewsPage(deps, req.principal.orgId, req.params.id, req.query),
  });
}

/** Record and list an application's decisions. */
function registerDecisionRoutes(app: RouteApp, deps: ServiceDeps): void {
  const route = routesOn(app, ['decisions']);
  route('POST /applications/:id/decisions', 'recordDecision', {
    summary: 'Record your decision (it does not tell the candidate: the outcome follow-up stays open)',
    schema: {
      params: IdParamsSchema,
      body: DecisionCreateSchema,
      response: {
        201: z.object({ decision: DecisionSchema, outcomeFollowUp: FollowUpSchema.nullable() }),
      },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(await recordDecision(deps, req.principal.orgId, req.params.id, req.body, actorOf(req))),
  });
  route('GET /applications/:id/decisions', 'listDecisions', {
    summary: "An application's decisions, oldest first",
    schema: {
      params: IdParamsSchema,
      querystring: PageQuerySchema,
      response: { 200: pageOf(DecisionSchema) },
    },
    handler: (req) => listDecisionsPage(deps, req.principal.orgId, req.params.id, req.query),
  });
}
