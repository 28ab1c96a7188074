import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agencyReportToCsv,
  getAgencyReport,
  getAgencyReportPage,
} from '../../services/agency-report.service.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { routesOn } from './route-app.ts';
import { PageQuerySchema, pageOf, ReportPeriodQueryFields } from '../schemas.ts';

const rate = (what: string) =>
  z.number().nullable().describe(`${what}, 0–1; null when there is nothing to divide by.`);

/** One line of the agency report. */
export const AgencyReportLineSchema = z
  .object({
    key: z
      .string()
      .nullable()
      .describe('The group: a client id, a contact id, or null for the whole agency.'),
    label: z.string(),
    submissions: z.int().describe('Submissions made in the period.'),
    interviewed: z.int().describe('Of those, interviewed by the client.'),
    offered: z.int(),
    placed: z.int(),
    interviewRate: rate('Interviewed of submitted'),
    placementRate: rate('Placed of interviewed'),
    feedbackOwed: z
      .int()
      .describe('Client feedback owed (after a submission or an interview) opened in the period.'),
    feedbackAnswered: z.int(),
    medianHoursToFeedback: z
      .number()
      .nullable()
      .describe('Median hours from owing feedback to answering it.'),
    answeredWithinDeadline: z.int().describe("Answered by the client's agreed deadline."),
    withinDeadlineRate: rate('Answered within the deadline, of those answered or already past it'),
    waitingPastDeadline: z.int().describe('Still unanswered and past the agreed deadline now.'),
    nudges: z.int().describe('Nudges sent in the period.'),
    nudgesAnswered: z.int().describe('Nudges followed by a client answer before the next nudge.'),
    nudgesAnsweredRate: rate('Nudges answered of sent'),
    placementsKept: z.int().describe('Placements whose guarantee ended with the person still there.'),
    placementsInGuarantee: z.int(),
    placementsFellThrough: z.int().describe('Placements that fell through inside their guarantee.'),
  })
  .meta({ id: 'AgencyReportLine' });

/** The agency report: client responsiveness, nudges answered, the submission funnel, placements in guarantee. */
export function agencyReportRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const route = routesOn(app, ['reports']);
    route('GET /reports/agency', 'getAgencyReport', {
      summary:
        'The agency report: client responsiveness, nudges answered, submissions to interviews and placements (JSON pages, or the whole as CSV)',
      schema: {
        querystring: PageQuerySchema.extend({
          ...ReportPeriodQueryFields,
          group: z.enum(['none', 'client', 'contact']).default('none'),
          format: z.enum(['json', 'csv']).default('json').describe('csv: every line, no paging.'),
        }).strict(),
        response: {
          200: pageOf(AgencyReportLineSchema).describe(
            'The report lines (JSON); with format=csv, text/csv with every line.',
          ),
        },
      },
      handler: async (req, reply) => {
        if (req.query.format === 'csv') {
          const lines = await getAgencyReport(deps, req.principal.orgId, req.query);
          return (
            reply
              .type('text/csv; charset=utf-8')
              .header('content-disposition', `attachment; filename="hearback-agency-${req.query.group}.csv"`)
              .serializer((payload) => payload as string)
              // The documented 200 is the JSON page; the CSV is sent as text, past its serializer.
              .send(agencyReportToCsv(lines) as never)
          );
        }
        return getAgencyReportPage(deps, req.principal.orgId, req.query);
      },
    });
  };
}
