import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.ts';
import { getFollowUpReport, reportToCsv } from '../../services/report.service.ts';
import { IdSchema, InstantSchema } from '../schemas.ts';

const ReportLineSchema = z
  .object({
    key: z
      .string()
      .nullable()
      .describe('The group: a job id, an owner id, a week (YYYY-MM-DD), or null for the total.'),
    label: z.string().nullable(),
    interviewed: z.number().int(),
    outcomeDelivered: z.number().int(),
    closureRate: z.number().nullable().describe('Interviewed candidates who received an outcome, 0–1.'),
    medianHoursToOutcome: z.number().nullable(),
    p90HoursToOutcome: z.number().nullable(),
    promisesKept: z.number().int(),
    promisesBroken: z.number().int(),
    promisesKeptRate: z.number().nullable(),
    updatesSent: z.number().int(),
    overdueNow: z.number().int(),
    statusInquiries: z.number().int(),
    averageRating: z.number().nullable(),
  })
  .meta({ id: 'ReportLine' });

const DAY = 86_400_000;

/** Reports: closure rate, time to outcome, promises kept, per job, owner or week; JSON or CSV. */
export function reportsRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/reports/follow-ups',
      {
        schema: {
          tags: ['reports'],
          summary: 'The follow-up report for interviews closed in [from, to)',
          querystring: z.strictObject({
            from: InstantSchema.optional().describe('Default: 90 days ago.'),
            to: InstantSchema.optional().describe('Default: now.'),
            group: z.enum(['none', 'job', 'owner', 'week']).default('none'),
            jobId: IdSchema.optional(),
            ownerId: IdSchema.optional(),
            format: z.enum(['json', 'csv']).default('json'),
          }),
          response: { 200: z.union([z.object({ items: z.array(ReportLineSchema) }), z.string()]) },
        },
      },
      async (req, reply) => {
        const now = deps.clock.now();
        const lines = await getFollowUpReport(deps, req.principal.orgId, {
          from: req.query.from ?? new Date(now.getTime() - 90 * DAY),
          to: req.query.to ?? now,
          group: req.query.group,
          jobId: req.query.jobId,
          ownerId: req.query.ownerId,
        });
        if (req.query.format === 'csv') {
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', 'attachment; filename="hearback-follow-ups.csv"')
            .send(reportToCsv(lines));
        }
        return { items: lines };
      },
    );
  };
}
