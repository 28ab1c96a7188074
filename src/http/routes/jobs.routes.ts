import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { closeJob, previewJobCloseOut } from '../../services/close-job.service.ts';
import type { MessagingDeps } from '../../services/message-templates.ts';
import { changeJob, createJob, deleteJob, getJob, listJobsPage } from '../../services/job.service.ts';
import { actorOf, principalAllows } from '../auth.ts';
import {
  IdParamsSchema,
  IdSchema,
  JobCreateSchema,
  JobListQuerySchema,
  JobPatchSchema,
  JobSchema,
  MessageSchema,
  pageOf,
} from '../schemas.ts';
import { routesOn, type RouteApp } from './route-app.ts';

const CloseOutStageSchema = z
  .object({
    stage: z.string(),
    reach: z
      .enum(['final', 'interviewed', 'applied'])
      .describe('How far the stage got; the draft is worded for it.'),
    applications: z.array(
      z.object({
        applicationId: IdSchema,
        candidateId: IdSchema,
        candidateName: z.string(),
        hasEmail: z.boolean().describe('Without one, call the candidate.'),
        stage: z.string(),
        status: z.string(),
        finalStage: z.boolean(),
        interviewed: z.boolean(),
        openOutcomeFollowUpId: IdSchema.nullable(),
        latestDecision: z.object({ outcome: z.string(), decidedAt: z.date() }).nullable(),
      }),
    ),
  })
  .meta({ id: 'CloseOutStage' });

const tags = ['jobs'];

/** Jobs (openings). */
export function jobsRoutes(deps: MessagingDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerJobRecordRoutes(app, deps);
    registerJobCloseRoutes(app, deps);
  };
}

/** Open, list, read and change jobs. */
function registerJobRecordRoutes(app: RouteApp, deps: MessagingDeps): void {
  const route = routesOn(app, tags);
  route('POST /jobs', 'createJob', {
    summary: 'Open a job',
    schema: { body: JobCreateSchema, response: { 201: JobSchema } },
    handler: async (req, reply) => reply.code(201).send(await createJob(deps, req.principal.orgId, req.body)),
  });
  route('GET /jobs', 'listJobs', {
    summary: 'List jobs',
    schema: { querystring: JobListQuerySchema, response: { 200: pageOf(JobSchema) } },
    handler: (req) => listJobsPage(deps, req.principal.orgId, req.query),
  });
  route('GET /jobs/:id', 'getJob', {
    summary: 'Get a job',
    schema: { params: IdParamsSchema, response: { 200: JobSchema } },
    handler: (req) => getJob(deps, req.principal.orgId, req.params.id),
  });
  route('PATCH /jobs/:id', 'updateJob', {
    summary: 'Change a job (fields given replace their values; policyOverrides replaces the overrides)',
    schema: { params: IdParamsSchema, body: JobPatchSchema, response: { 200: JobSchema } },
    handler: (req) =>
      changeJob(deps, req.principal.orgId, req.params.id, req.body, {
        policyWrite: principalAllows(req.principal, 'policy:write'),
      }),
  });
}

/** Close out a job (preview, then close or fill) and delete one opened by mistake. */
function registerJobCloseRoutes(app: RouteApp, deps: MessagingDeps): void {
  const route = routesOn(app, tags);
  route('GET /jobs/:id/close-out', 'previewJobCloseOut', {
    summary:
      'Who closing the job would decide: everyone still in process, by stage (furthest first); changes nothing',
    schema: {
      params: IdParamsSchema,
      response: {
        200: z.object({
          job: z.object({ id: IdSchema, title: z.string(), status: z.string() }),
          stages: z.array(CloseOutStageSchema),
          total: z.number().int(),
        }),
      },
    },
    handler: (req) => previewJobCloseOut(deps, req.principal.orgId, req.params.id),
  });
  route('POST /jobs/:id/close', 'closeJob', {
    summary:
      'Close or fill a job: the hires become hired and get no message; everyone else still in it is rejected and gets a draft worded for their stage, to review and send',
    schema: {
      description:
        '`filled` names at least one hire (otherwise `400 hire_required`); `closed` names none. ' +
        'Each rejected candidate gets an outcome follow-up if none is open and, with an email, a ' +
        '`job_closed` draft checked as a rejection. The drafts stay in the "to send" list ' +
        '(`GET /messages?status=draft&jobId=`) until sent, e.g. with `POST /messages/send`. One transaction.',
      params: IdParamsSchema,
      body: z.strictObject({
        status: z.enum(['closed', 'filled']),
        hiredApplicationIds: z
          .array(IdSchema)
          .max(200)
          .optional()
          .describe('Applications of this job, still in process, that were hired. Default: none.'),
      }),
      response: {
        200: z.object({
          status: z.enum(['closed', 'filled']),
          hired: z.array(IdSchema),
          stages: z.array(
            CloseOutStageSchema.extend({
              drafts: z.array(MessageSchema),
              withoutEmail: z.array(IdSchema),
            }),
          ),
          drafts: z.array(MessageSchema).describe('Every draft, stage by stage.'),
          withoutEmail: z.array(IdSchema).describe('Applications whose candidate has no email: call them.'),
        }),
      },
    },
    handler: (req) => closeJob(deps, req.principal.orgId, req.params.id, req.body, actorOf(req)),
  });
  route('DELETE /jobs/:id', 'deleteJob', {
    summary: 'Delete a job without applications',
    schema: { params: IdParamsSchema, response: { 204: z.null().describe('Deleted.') } },
    handler: async (req, reply) => {
      await deleteJob(deps, req.principal.orgId, req.params.id);
      return reply.code(204).send(null);
    },
  });
}
