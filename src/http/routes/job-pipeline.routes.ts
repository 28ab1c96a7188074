import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.ts';
import { getJobPipeline } from '../../services/job-pipeline.service.ts';
import { routesOn } from './route-app.ts';
import { IdParamsSchema, IdSchema } from '../schemas.ts';

const PipelineCardSchema = z
  .object({
    applicationId: IdSchema,
    stage: z.string(),
    status: z.string(),
    finalStage: z.boolean(),
    stageSince: z.date().describe('When it entered its stage (its creation, if it never moved).'),
    daysInStage: z.int(),
    candidate: z.object({ id: IdSchema, name: z.string() }),
    followUp: z
      .object({
        id: IdSchema,
        kind: z.string(),
        dueAt: z.date(),
        overdue: z.boolean(),
        dueWords: z.string().describe('"due in 2 hours", "3 days late", by the server\'s clock.'),
        snoozedUntil: z.date().nullable(),
      })
      .nullable()
      .describe('The open follow-up our side owes on it, due soonest; null when nothing is owed.'),
  })
  .meta({ id: 'PipelineCard' });

const JobPipelineSchema = z
  .object({
    job: z.object({ id: IdSchema, title: z.string(), status: z.string() }),
    columns: z.array(z.object({ stage: z.string(), cards: z.array(PipelineCardSchema) })),
  })
  .meta({ id: 'JobPipeline' });

/** A job's pipeline: its applications by stage. */
export function jobPipelineRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const route = routesOn(app, ['jobs']);
    route('GET /jobs/:id/pipeline', 'getJobPipeline', {
      summary: "A job's pipeline: everyone still in the running, in columns by stage",
      schema: {
        description:
          "The job's stages in its order (each shown, even when empty), then any other stage an application is in, by name. Each card: the candidate, days in the stage, and the open follow-up the team owes soonest with its due time (overdue marked). At most 500 cards. Move a card with PATCH /applications/{id} `{ stage }`.",
        params: IdParamsSchema,
        response: { 200: JobPipelineSchema },
      },
      handler: (req) => getJobPipeline(deps, req.principal.orgId, req.params.id),
    });
  };
}
