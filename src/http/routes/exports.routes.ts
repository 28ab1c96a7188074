import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { stringify } from 'csv-stringify';
import type { Readable, Writable } from 'node:stream';
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { exportFileName, formatCell, valueAt, type ExportListName } from '../../domain/csv-export.ts';
import { listClientsPage, listSubmissionsPage } from '../../services/agency.service.ts';
import { listApplicationsPage } from '../../services/application.service.ts';
import { listCandidatesPage } from '../../services/candidate.service.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import {
  EXPORT_PAGE_SIZE,
  exportOrganization,
  pagesOf,
  type ExportRequester,
} from '../../services/export.service.ts';
import { listFollowUpsPage } from '../../services/follow-up.service.ts';
import { listOrganizationInterviewsPage } from '../../services/interview.service.ts';
import { listJobsPage } from '../../services/job.service.ts';
import { listMessagesPage } from '../../services/message.service.ts';
import type { Page } from '../../services/pagination.ts';
import { searchTalentPool } from '../../services/talent-pool.service.ts';
import {
  ApplicationListQuerySchema,
  ApplicationSchema,
  BooleanQuery,
  CandidateListQuerySchema,
  CandidateSchema,
  FollowUpListQuerySchema,
  FollowUpViewSchema,
  IdSchema,
  InterviewSchema,
  JobListQuerySchema,
  JobSchema,
  MessageListQuerySchema,
  MessageSchema,
  PageQuerySchema,
} from '../schemas.ts';
import { ClientSchema, SubmissionListQuerySchema, SubmissionSchema } from './agency.schemas.ts';
import { routesOn } from './route-app.ts';
import { PoolEntrySchema, TalentPoolQuerySchema } from './talent-pool.routes.ts';

/**
 * Exports: every list as CSV (`GET /exports/<list>.csv`, the list's own filters) and the whole
 * organization as JSON (`GET /exports/organization.json`, admins). A CSV export reads its list
 * through the list's own page function, a page at a time: the same filters, order, permission and
 * row-level security as the list, the same field names as columns, and one page in memory.
 */

/** A column: its name (a field of the list's items, nested ones dotted) and where its value is. */
export interface CsvColumn {
  name: string;
  path: string[];
}

/**
 * The columns of a list's item schema: every field in order, a nested object's fields as
 * `parent.child`; lists and free-form records stay one cell. Known before the first row, so the
 * header never depends on the data.
 */
export function csvColumnsOf(
  schema: z.ZodType,
  omit: readonly string[] = [],
  prefix: string[] = [],
): CsvColumn[] {
  const inner = unwrap(schema);
  if (!(inner instanceof z.ZodObject)) return [{ name: prefix.join('.'), path: prefix }];
  const columns: CsvColumn[] = [];
  const shape: Record<string, z.ZodType> = inner.shape;
  for (const [key, field] of Object.entries(shape)) {
    if (prefix.length === 0 && omit.includes(key)) continue;
    columns.push(...csvColumnsOf(field, omit, [...prefix, key]));
  }
  return columns;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (;;) {
    if (s instanceof z.ZodNullable || s instanceof z.ZodOptional || s instanceof z.ZodDefault) {
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodPipe) {
      s = s.out as z.ZodType;
    } else {
      return s;
    }
  }
}

type Filters = Record<string, unknown>;

/** One exportable list: its filters, its items, and its page function. */
export interface ExportList {
  /** The file and path name: `/exports/<name>.csv`. */
  name: ExportListName;
  operationId: string;
  summary: string;
  /** The list's own query (its page parameters are left out: the export reads every page). */
  query: z.ZodObject;
  item: z.ZodType;
  /** Top-level fields left out of the CSV, with why in the docs. */
  omit?: readonly string[];
  page(
    deps: ServiceDeps,
    orgId: string,
    filters: Filters,
    cursor: string | undefined,
  ): Promise<Page<unknown>>;
}

const withoutPaging = (schema: z.ZodObject) => schema.omit({ cursor: true, limit: true }).strict();
const pageQuery = (cursor: string | undefined) => ({ cursor, limit: EXPORT_PAGE_SIZE });

/** Interviews have no list of their own in the API but the application's: the export adds one. */
const InterviewExportQuerySchema = z.strictObject({
  applicationId: IdSchema.optional(),
  closed: BooleanQuery.optional().describe('true: closed interviews only; false: not yet closed.'),
});

/** Every list a team can export, in one table (route-permissions.ts has each route's permission). */
export const EXPORT_LISTS: readonly ExportList[] = [
  {
    name: 'follow-ups',
    operationId: 'exportFollowUps',
    summary: 'Follow-ups as CSV, with the filters of listFollowUps',
    query: withoutPaging(FollowUpListQuerySchema),
    item: FollowUpViewSchema,
    page: (deps, orgId, f, cursor) => listFollowUpsPage(deps, orgId, { ...f, ...pageQuery(cursor) }),
  },
  {
    name: 'applications',
    operationId: 'exportApplications',
    summary: 'Applications as CSV, with the filters of listApplications',
    query: withoutPaging(ApplicationListQuerySchema),
    item: ApplicationSchema,
    page: (deps, orgId, f, cursor) => listApplicationsPage(deps, orgId, { ...f, ...pageQuery(cursor) }),
  },
  {
    name: 'candidates',
    operationId: 'exportCandidates',
    summary: 'Candidates as CSV, with the filters of listCandidates',
    query: withoutPaging(CandidateListQuerySchema),
    item: CandidateSchema,
    page: (deps, orgId, f, cursor) => listCandidatesPage(deps, orgId, { ...f, ...pageQuery(cursor) }),
  },
  {
    name: 'jobs',
    operationId: 'exportJobs',
    summary: 'Jobs as CSV, with the filters of listJobs',
    query: withoutPaging(JobListQuerySchema),
    item: JobSchema,
    page: (deps, orgId, f, cursor) => listJobsPage(deps, orgId, { ...f, ...pageQuery(cursor) }),
  },
  {
    name: 'interviews',
    operationId: 'exportInterviews',
    summary: "The organization's interviews as CSV, oldest first",
    query: InterviewExportQuerySchema,
    item: InterviewSchema,
    page: (deps, orgId, f, cursor) =>
      listOrganizationInterviewsPage(deps, orgId, { ...f, ...pageQuery(cursor) }),
  },
  {
    name: 'talent-pool',
    operationId: 'exportTalentPool',
    summary: 'The talent pool as CSV, with the search of searchTalentPool',
    query: withoutPaging(TalentPoolQuerySchema),
    item: PoolEntrySchema,
    page: (deps, orgId, f, cursor) => {
      const tag = f.tag as string | string[] | undefined;
      return searchTalentPool(deps, orgId, {
        tags: tag === undefined ? [] : Array.isArray(tag) ? tag : [tag],
        q: f.q as string | undefined,
        ...pageQuery(cursor),
      });
    },
  },
  {
    name: 'submissions',
    operationId: 'exportSubmissions',
    summary: 'Submissions (agency) as CSV, with the filters of listSubmissions',
    query: withoutPaging(SubmissionListQuerySchema),
    item: SubmissionSchema,
    page: (deps, orgId, f, cursor) => listSubmissionsPage(deps, orgId, { ...f, ...pageQuery(cursor) }),
  },
  {
    name: 'messages',
    operationId: 'exportMessages',
    summary: 'Messages as CSV, newest first, with the filters of listMessages (no HTML body)',
    query: withoutPaging(MessageListQuerySchema),
    item: MessageSchema,
    // The HTML body says what bodyText says, in markup no spreadsheet shows.
    omit: ['bodyHtml'],
    page: (deps, orgId, f, cursor) => listMessagesPage(deps, orgId, { ...f, ...pageQuery(cursor) }),
  },
  {
    name: 'clients',
    operationId: 'exportClients',
    summary: "An agency's clients and their agreed terms as CSV, oldest first",
    query: withoutPaging(PageQuerySchema),
    item: ClientSchema,
    page: (deps, orgId, _f, cursor) => listClientsPage(deps, orgId, pageQuery(cursor)),
  },
];

const OrganizationExportSchema = z
  .looseObject({
    format: z.literal('hearback-organization-export'),
    version: z.literal(1),
    organizationId: IdSchema,
    exportedAt: z.date(),
    schemaVersion: z.number().int().describe('The highest database migration applied.'),
    excluded: z
      .object({
        tables: z.record(z.string(), z.string()),
        columns: z.record(z.string(), z.record(z.string(), z.string())),
      })
      .describe('What was left out (secrets, credentials, transient state), with why.'),
    tables: z
      .record(z.string(), z.array(z.record(z.string(), z.unknown())))
      .describe("Each table's rows of the organization, with the database's column names."),
  })
  .meta({ id: 'OrganizationExport' });

/** Exports: lists as CSV, the organization as JSON. */
export function exportsRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['exports'];
    const route = routesOn(app, tags);
    for (const list of EXPORT_LISTS) {
      const columns = csvColumnsOf(list.item, list.omit);
      route(`GET /exports/${list.name}.csv`, list.operationId, {
        summary: list.summary,
        schema: {
          querystring: list.query,
          produces: ['text/csv'],
          response: {
            200: z.string().describe(`CSV with a header row: ${columns.map((c) => c.name).join(', ')}.`),
          },
        },
        handler: async (req, reply) =>
          sendDownload(
            reply,
            await openListCsv(deps, req.principal.orgId, list, req.query as Filters),
            exportFileName(list.name, deps.clock.now(), 'csv'),
            'text/csv',
          ),
      });
    }
    route('GET /exports/organization.json', 'exportOrganization', {
      summary: "The whole organization's data as JSON, secrets left out (admins)",
      schema: { produces: ['application/json'], response: { 200: OrganizationExportSchema } },
      handler: async (req, reply) =>
        sendDownload(
          reply,
          await openOrganizationJson(deps, req.principal.orgId, { memberId: req.principal.memberId }),
          exportFileName('organization', deps.clock.now(), 'json'),
          'application/json',
        ),
    });
  };
}

/**
 * A list as a CSV stream, its rows read a page at a time as the reader takes them. The first page
 * is read before this resolves, so a refusal (a filter naming nothing, a cursor) is still an error
 * the caller can answer with; a failure after that ends the stream with the error.
 */
export async function openListCsv(
  deps: ServiceDeps,
  orgId: string,
  list: ExportList,
  filters: Filters,
): Promise<Readable> {
  const columns = csvColumnsOf(list.item, list.omit);
  const pages = pagesOf((cursor) => list.page(deps, orgId, filters, cursor));
  const first = await pages.next();
  const csv = stringify({ header: true, columns: columns.map((c) => c.name) });
  void pumpCsv(csv, first.done ? null : first.value, pages, columns);
  return csv;
}

/**
 * The organization's JSON export as a stream (see exportOrganization). The organization is found
 * and the export recorded in the audit log before this resolves.
 */
export async function openOrganizationJson(
  deps: ServiceDeps,
  orgId: string,
  requester: ExportRequester,
): Promise<Readable> {
  const pieces = exportOrganization(deps, orgId, requester);
  const first = await pieces.next();
  const out = new PassThrough();
  void pumpText(out, first.done ? null : first.value, pieces);
  return out;
}

function sendDownload(reply: FastifyReply, body: Readable, fileName: string, type: string) {
  return reply
    .header('content-type', `${type}; charset=utf-8`)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

/** Resolve when `stream` can take more, or has closed (the client went away). */
function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/** Write every page's rows to `csv`, waiting when the client reads slower than the database. */
async function pumpCsv(
  csv: ReturnType<typeof stringify>,
  first: unknown[] | null,
  rest: AsyncGenerator<unknown[]>,
  columns: CsvColumn[],
): Promise<void> {
  try {
    for (let page = first; page !== null;) {
      for (const item of page) {
        if (csv.destroyed) return;
        if (!csv.write(columns.map((c) => formatCell(valueAt(item, c.path))))) await drained(csv);
      }
      if (csv.destroyed) return;
      const next = await rest.next();
      page = next.done ? null : next.value;
    }
    csv.end();
  } catch (error) {
    // Too late for an error response: the download ends short, and the log says why.
    csv.destroy(error as Error);
  } finally {
    await rest.return(undefined);
  }
}

/** Write `first` and every piece after it to `out`, with the same back-pressure. */
async function pumpText(out: PassThrough, first: string | null, rest: AsyncGenerator<string>): Promise<void> {
  try {
    for (let piece = first; piece !== null;) {
      if (out.destroyed) return;
      if (!out.write(piece)) await drained(out);
      const next = await rest.next();
      piece = next.done ? null : next.value;
    }
    out.end();
  } catch (error) {
    out.destroy(error as Error);
  } finally {
    await rest.return(undefined);
  }
}
