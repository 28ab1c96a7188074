import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.ts';
import { getFollowUpReport, getFollowUpReportPage, reportToCsv } from '../../services/report.service.ts';
import { routesOn } from './route-app.ts';
import { IdSchema, PageQuerySchema, pageOf, ReportPeriodQueryFields } from '../schemas.ts';

const ReportLineSchema = z
  .object({
    key: z
      .string()
      .nullable()
      .describe(
        'The group: a job id, an owner id, a week (its Monday, YYYY-MM-DD), a month (YYYY-MM), or null for the total.',
      ),
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

/** Reports: closure rate, time to outcome, promises kept, per job, owner or week; JSON or CSV. */
export function reportsRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const route = routesOn(app, ['reports']);
    route('GET /reports/follow-ups', 'getFollowUpReport', {
      summary: 'The follow-up report for interviews closed in the period (JSON pages, or the whole as CSV)',
      schema: {
        querystring: PageQuerySchema.extend({
          ...ReportPeriodQueryFields,
          group: z
            .enum(['none', 'job', 'owner', 'week', 'month'])
            .default('none')
            .describe(
              'week and month are time series (by the week or month of the first closed interview); combine with jobId or ownerId for one job or person over time.',
            ),
          jobId: IdSchema.optional(),
          ownerId: IdSchema.optional(),
          format: z.enum(['json', 'csv']).default('json').describe('csv: every line, no paging.'),
        }).strict(),
        response: {
          200: pageOf(ReportLineSchema).describe(
            'The report lines (JSON); with format=csv, text/csv with every line.',
          ),
        },
      },
      handler: async (req, reply) => {
        if (req.query.format === 'csv') {
          const lines = await getFollowUpReport(deps, req.principal.orgId, req.query);
          return (
            reply
              .type('text/csv; charset=utf-8')
              .header('content-disposition', 'attachment; filename="hearback-follow-ups.csv"')
              .serializer((payload) => payload as string)
              // The documented 200 is the JSON page; the CSV is sent as text, past its serializer.
              .send(reportToCsv(lines) as never)
          );
        }
        return getFollowUpReportPage(deps, req.principal.orgId, req.query);
      },
    });
  };
}
