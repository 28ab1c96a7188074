import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { IMPORT_FIELDS, type ImportField } from '../../domain/csv-import.ts';
import { APPLICATION_STATUSES, ROLE_KINDS } from '../../domain/model.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import {
  getImportRun,
  getRejectedRows,
  listImportsPage,
  MAX_IMPORT_BYTES,
  previewImport,
  startImport,
} from '../../services/import.service.ts';
import { actorOf } from '../auth.ts';
import { IdParamsSchema, IdSchema, LineSchema, PageQuerySchema, pageOf } from '../schemas.ts';
import { routesOn, type RouteApp } from './route-app.ts';

/** Field → the column header it reads; a field left out is not imported. */
const MappingSchema = z
  .strictObject(
    Object.fromEntries(IMPORT_FIELDS.map((f) => [f, z.string().max(200).optional()])) as Record<
      ImportField,
      z.ZodOptional<z.ZodString>
    >,
  )
  .describe('Field → the column header it reads. Without it, the mapping suggested from the headers.');

const UploadSchema = z.strictObject({
  fileName: LineSchema(200).describe('The file the CSV came from (shown in the list of imports).'),
  csv: z
    .string()
    .min(1)
    .describe('The whole file as text (UTF-8). At most 50 MiB; the first line is the header.'),
  mapping: MappingSchema.optional(),
});

// JSON escaping can grow a CSV (quotes become \"): leave room above the file limit itself; the
// service refuses a file over MAX_IMPORT_BYTES with a clear problem.
const UPLOAD_BODY_LIMIT = Math.ceil(MAX_IMPORT_BYTES * 1.25);

const ExternalIdSchema = z.string().nullable();
/** A row as it would be imported (the domain's ImportRow). */
const ImportedRowSchema = z.object({
  job: z.object({ externalId: ExternalIdSchema, title: z.string(), roleKind: z.enum(ROLE_KINDS) }),
  candidate: z.object({
    externalId: ExternalIdSchema,
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    timeZone: z.string().nullable(),
  }),
  application: z.object({
    externalId: ExternalIdSchema,
    stage: z.string().nullable(),
    status: z.enum(APPLICATION_STATUSES).nullable(),
  }),
  interview: z
    .object({
      externalId: ExternalIdSchema,
      title: z.string(),
      scheduledAt: z.date().nullable(),
      endsAt: z.date().nullable(),
    })
    .nullable(),
});

const ImportRowSchema = z.object({
  line: z.number().int().describe('Line in the file (the header is line 1).'),
  row: ImportedRowSchema.nullable().describe('The row as it would be imported.'),
  errors: z.array(z.string()).describe('Why the row would be refused; empty when it reads cleanly.'),
});

const ImportPreviewSchema = z
  .object({
    headers: z.array(z.string()),
    mapping: z.record(z.string(), z.string()).describe('The mapping that will be used.'),
    suggested: z.record(z.string(), z.string()).describe('The mapping suggested from the headers.'),
    mappingProblems: z.array(z.string()).describe('Importing is refused while there are any.'),
    rows: z.array(ImportRowSchema),
    fields: z.array(z.string()).describe('Every field a column can be mapped to.'),
  })
  .meta({ id: 'ImportPreview' });

export const ImportRunSchema = z
  .object({
    id: IdSchema,
    fileName: z.string(),
    mapping: z.record(z.string(), z.string()),
    status: z.enum(['running', 'done', 'failed']),
    rowsTotal: z.number().int(),
    rowsDone: z.number().int(),
    rowsImported: z.number().int(),
    rowsRejected: z.number().int(),
    created: z
      .record(z.string(), z.number().int())
      .describe('New jobs, candidates, applications, interviews.'),
    errors: z
      .array(z.object({ line: z.number().int(), errors: z.array(z.string()) }))
      .describe('The refused rows: line number and reasons.'),
    error: z.string().nullable().describe('Why a failed import stopped.'),
    createdBy: IdSchema.nullable(),
    createdAt: z.date(),
    finishedAt: z.date().nullable(),
  })
  .meta({ id: 'ImportRun' });

const tags = ['imports'];

/**
 * Imports from the upload screen: preview a file's mapping, start it (it runs in the background,
 * per row — clean rows imported whole, the rest refused with their line numbers), watch its
 * progress, download the refused rows. The same service as `hearback import`.
 */
export function importsRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerImportRunRoutes(app, deps);
    registerImportHistoryRoutes(app, deps);
  };
}

/** Preview an import, then run it. */
function registerImportRunRoutes(app: RouteApp, deps: ServiceDeps): void {
  const route = routesOn(app, tags);
  route('POST /imports/preview', 'previewImport', {
    summary: 'Read a CSV file’s header and first rows with the suggested (or given) mapping; writes nothing',
    schema: { body: UploadSchema, response: { 200: ImportPreviewSchema } },
    bodyLimit: UPLOAD_BODY_LIMIT,
    handler: async (req) => {
      const { csv, mapping } = req.body;
      const preview = await previewImport(deps, req.principal.orgId, Readable.from([csv]), mapping);
      return {
        ...preview,
        mapping: definedOnly(preview.mapping),
        suggested: definedOnly(preview.suggested),
        fields: [...preview.fields],
      };
    },
  });
  route('POST /imports', 'createImport', {
    summary:
      'Start importing a CSV file (jobs, candidates, applications, interviews); follow it with getImport',
    schema: { body: UploadSchema, response: { 202: ImportRunSchema } },
    bodyLimit: UPLOAD_BODY_LIMIT,
    handler: async (req, reply) => {
      const run = await startImport(deps, req.principal.orgId, actorOf(req).memberId, req.body);
      return reply.code(202).send(run);
    },
  });
}

/** List and read past imports and download their rejected rows. */
function registerImportHistoryRoutes(app: RouteApp, deps: ServiceDeps): void {
  const route = routesOn(app, tags);
  route('GET /imports', 'listImports', {
    summary: 'Imports, newest first',
    schema: { querystring: PageQuerySchema, response: { 200: pageOf(ImportRunSchema) } },
    handler: async (req) => listImportsPage(deps, req.principal.orgId, req.query),
  });
  route('GET /imports/:id', 'getImport', {
    summary: 'One import, with its progress and the refused rows’ line numbers',
    schema: { params: IdParamsSchema, response: { 200: ImportRunSchema } },
    handler: async (req) => getImportRun(deps, req.principal.orgId, req.params.id),
  });
  route('GET /imports/:id/rejected.csv', 'getImportRejectedRows', {
    summary: 'The refused rows as CSV: line and errors, then the original columns',
    schema: { params: IdParamsSchema, response: { 200: z.string().describe('text/csv') } },
    handler: async (req, reply) => {
      const csv = await getRejectedRows(deps, req.principal.orgId, req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="rejected-rows.csv"')
        .send(csv);
    },
  });
}

/** A mapping without the fields left out (JSON has no `undefined`). */
function definedOnly(mapping: Partial<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).filter((e): e is [string, string] => e[1] !== undefined));
}
