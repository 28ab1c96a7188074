import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { closeJob, type MessagingDeps } from '../../services/message.service.ts';
import { changeJob, createJob, deleteJob, getJob, listJobsPage } from '../../services/job.service.ts';
import { actorOf } from '../auth.ts';
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

/** Jobs (openings). */
export function jobsRoutes(deps: MessagingDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['jobs'];
    app.post(
      '/jobs',
      {
        schema: {
          operationId: 'createJob',
          tags,
          summary: 'Open a job',
          body: JobCreateSchema,
          response: { 201: JobSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await createJob(deps, req.principal.orgId, req.body)),
    );
    app.get(
      '/jobs',
      {
        schema: {
          operationId: 'listJobs',
          tags,
          summary: 'List jobs',
          querystring: JobListQuerySchema,
          response: { 200: pageOf(JobSchema) },
        },
      },
      (req) => listJobsPage(deps, req.principal.orgId, req.query),
    );
    app.get(
      '/jobs/:id',
      {
        schema: {
          operationId: 'getJob',
          tags,
          summary: 'Get a job',
          params: IdParamsSchema,
          response: { 200: JobSchema },
        },
      },
      (req) => getJob(deps, req.principal.orgId, req.params.id),
    );
    app.patch(
      '/jobs/:id',
      {
        schema: {
          operationId: 'updateJob',
          tags,
          summary: 'Change a job (fields given replace their values; policyOverrides replaces the overrides)',
          params: IdParamsSchema,
          body: JobPatchSchema,
          response: { 200: JobSchema },
        },
      },
      (req) => changeJob(deps, req.principal.orgId, req.params.id, req.body),
    );
    app.post(
      '/jobs/:id/close',
      {
        schema: {
          operationId: 'closeJob',
          tags,
          summary:
            'Close or fill a job: drafts an outcome for every candidate still in it, to review and send',
          params: IdParamsSchema,
          body: z.strictObject({ status: z.enum(['closed', 'filled']) }),
          response: {
            200: z.object({
              drafts: z.array(MessageSchema),
              withoutEmail: z
                .array(IdSchema)
                .describe('Applications whose candidate has no email: call them.'),
            }),
          },
        },
      },
      (req) => closeJob(deps, req.principal.orgId, req.params.id, req.body, actorOf(req)),
    );
    app.delete(
      '/jobs/:id',
      {
        schema: {
          operationId: 'deleteJob',
          tags,
          summary: 'Delete a job without applications',
          params: IdParamsSchema,
          response: { 204: z.null().describe('Deleted.') },
        },
      },
      async (req, reply) => {
        await deleteJob(deps, req.principal.orgId, req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
