import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SCHEDULE_REASONS } from '../../domain/schedule.ts';
import {
  getMyFeedback,
  listFeedbackPage,
  listFeedbackVersionsPage,
  saveFeedbackDraft,
  submitFeedback,
} from '../../services/feedback.service.ts';
import {
  closeInterview,
  createInterview,
  getInterview,
  previewCloseInterview,
  type InterviewDeps,
} from '../../services/interview.service.ts';
import { actorOf } from '../auth.ts';
import {
  FeedbackCreateSchema,
  FeedbackDraftReplaceSchema,
  FeedbackDraftSchema,
  FeedbackSchema,
  MyFeedbackSchema,
  FollowUpSchema,
  IdParamsSchema,
  IdSchema,
  InterviewCloseSchema,
  InterviewCreateSchema,
  InterviewPromiseSchema,
  InterviewSchema,
  PageQuerySchema,
  pageOf,
  PromiseWarningSchema,
} from '../schemas.ts';
import { routesOn, type RouteApp } from './route-app.ts';

const WrittenPromiseSchema = z
  .object({
    status: z
      .enum(['scheduled', 'off', 'no_email', 'not_sent'])
      .describe(
        '`scheduled`: the note is queued for `sendAt`; `off`: the job does not send one (`reason`); `no_email`: the candidate has no working email address.',
      ),
    messageId: IdSchema.nullable().describe('The queued message, after closing (null in a preview).'),
    sendAt: z
      .date()
      .nullable()
      .describe("When it goes: the candidate's next business slot after the undo window."),
    scheduledBecause: z.enum(SCHEDULE_REASONS).nullable(),
    candidateTimeZone: z.string().describe("The candidate's zone, else the organization's."),
    yourTimeZone: z.string().describe('Your zone (the member closing), else the organization’s.'),
    reason: z.string().nullable().describe('Why the job does not send it (`off`).'),
    summary: z
      .string()
      .describe(
        'What will happen, in words: "A written note with this promise goes to … at … their time (…) — … your time (…)."',
      ),
  })
  .meta({ id: 'WrittenPromise' });

const ClosedInterviewSchema = z
  .object({
    interview: InterviewSchema,
    promise: InterviewPromiseSchema.extend({
      dueDate: z.string().describe("The due date, local to the organization's time zone."),
      timeZone: z.string(),
    }),
    followUp: FollowUpSchema,
    superseded: z.array(FollowUpSchema).describe('Earlier open outcome promises this one replaced.'),
    writtenPromise: WrittenPromiseSchema.describe(
      'The note to the candidate with this promise and their status link: queued, or why not.',
    ),
  })
  .meta({ id: 'ClosedInterview' });

const ZonedTimeSchema = z.object({
  timeZone: z.string(),
  dueAt: z.string().describe("ISO 8601 with that zone's offset."),
});
const InterviewClosePreviewSchema = z
  .object({
    dueAt: z.string().describe("ISO 8601 with the organization's offset."),
    dueDate: z.string(),
    timeZone: z.string().describe("The calendar's zone: the job's policy, else the organization's."),
    resolution: z.enum(['parsed', 'policy_default']),
    rule: z.string(),
    matchedText: z.string().nullable(),
    warnings: z.array(PromiseWarningSchema),
    advice: z.array(z.string()).describe('For each warning, what it means and a better wording.'),
    candidate: ZonedTimeSchema.nullable().describe("In the candidate's zone; null when it is unknown."),
    team: ZonedTimeSchema.describe("In the owner's zone, else the organization's."),
    owner: z.object({ id: IdSchema, name: z.string() }).nullable(),
    writtenPromise: WrittenPromiseSchema.describe('What closing now would do about the written promise.'),
  })
  .meta({ id: 'InterviewClosePreview' });

const tags = ['interviews'];

/** Interviews, their close (the promise) and their feedback. */
export function interviewsRoutes(deps: InterviewDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerInterviewRoutes(app, deps);
    registerFeedbackRoutes(app, deps);
    registerFeedbackHistoryRoutes(app, deps);
  };
}

/** Schedule, read and close interviews, and preview the promise a close would make. */
function registerInterviewRoutes(app: RouteApp, deps: InterviewDeps): void {
  const route = routesOn(app, tags);
  route('POST /interviews', 'createInterview', {
    summary: 'Create an interview',
    schema: { body: InterviewCreateSchema, response: { 201: InterviewSchema } },
    handler: async (req, reply) =>
      reply.code(201).send(await createInterview(deps, req.principal.orgId, req.body)),
  });
  route('GET /interviews/:id', 'getInterview', {
    summary: 'Get an interview',
    schema: { params: IdParamsSchema, response: { 200: InterviewSchema } },
    handler: (req) => getInterview(deps, req.principal.orgId, req.params.id),
  });
  route('POST /interviews/:id/close', 'closeInterview', {
    summary: 'Close an interview with the promise made at its end; opens the outcome follow-up',
    schema: { params: IdParamsSchema, body: InterviewCloseSchema, response: { 200: ClosedInterviewSchema } },
    handler: (req) => closeInterview(deps, req.principal.orgId, req.params.id, req.body, actorOf(req)),
  });
  route('POST /interviews/:id/promise-preview', 'previewInterviewClose', {
    summary: 'Preview closing an interview: the due date in both zones, the owner, the warnings',
    schema: {
      params: IdParamsSchema,
      body: InterviewCloseSchema.pick({ statement: true, ownerId: true, endedAt: true }),
      response: { 200: InterviewClosePreviewSchema },
    },
    handler: (req) => previewCloseInterview(deps, req.principal.orgId, req.params.id, req.body, actorOf(req)),
  });
}

/** Submit and list an interview's feedback, and save a draft of one's own. */
function registerFeedbackRoutes(app: RouteApp, deps: InterviewDeps): void {
  const route = routesOn(app, ['feedback']);
  route('POST /interviews/:id/feedback', 'submitFeedback', {
    summary:
      'Save your scorecard for an interview you gave: a resubmission becomes its next version (earlier versions are kept; 409 if `baseVersion` is not the current one)',
    schema: { params: IdParamsSchema, body: FeedbackCreateSchema, response: { 201: FeedbackSchema } },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(await submitFeedback(deps, req.principal.orgId, req.params.id, req.body, actorOf(req))),
  });
  route('GET /interviews/:id/feedback', 'listFeedback', {
    summary: "An interview's scorecards",
    schema: {
      params: IdParamsSchema,
      querystring: PageQuerySchema,
      response: { 200: pageOf(FeedbackSchema) },
    },
    handler: (req) => listFeedbackPage(deps, req.principal.orgId, req.params.id, req.query),
  });
  route('PUT /interviews/:id/feedback/draft', 'replaceFeedbackDraft', {
    summary:
      'Save your scorecard as a draft, without submitting it: seen by you alone, not counted as feedback given, settles nothing (409 if `baseVersion` is not the current submitted version)',
    schema: {
      params: IdParamsSchema,
      body: FeedbackDraftReplaceSchema,
      response: { 200: FeedbackDraftSchema },
    },
    handler: (req) => saveFeedbackDraft(deps, req.principal.orgId, req.params.id, req.body, actorOf(req)),
  });
}

/** One's own feedback, and an interviewer's earlier versions. */
function registerFeedbackHistoryRoutes(app: RouteApp, deps: InterviewDeps): void {
  const route = routesOn(app, ['feedback']);
  route('GET /interviews/:id/feedback/mine', 'getMyFeedback', {
    summary: 'Your own scorecard on an interview: your draft and your latest submitted version',
    schema: { params: IdParamsSchema, response: { 200: MyFeedbackSchema } },
    handler: (req) => getMyFeedback(deps, req.principal.orgId, req.params.id, actorOf(req)),
  });
  route('GET /interviews/:id/feedback/:interviewerId/versions', 'listFeedbackVersions', {
    summary: "Every saved version of one interviewer's scorecard on an interview, the newest first",
    schema: {
      params: z.strictObject({ id: IdSchema, interviewerId: IdSchema }),
      querystring: PageQuerySchema,
      response: { 200: pageOf(FeedbackSchema) },
    },
    handler: (req) =>
      listFeedbackVersionsPage(deps, req.principal.orgId, req.params.id, req.params.interviewerId, req.query),
  });
}
