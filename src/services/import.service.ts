import { Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import type { Queryable, ScopedDb } from '../db/db.ts';
import {
  IMPORT_FIELDS,
  mappingProblems,
  readImportRow,
  suggestMapping,
  type ImportMapping,
  type ImportRow,
} from '../domain/csv-import.ts';
import { errors } from '../errors.ts';
import {
  findImportRun,
  insertImportRun,
  listImportRuns,
  rejectedCsvOf,
  updateImportRun,
  upsertImportedApplication,
  upsertImportedApplications,
  upsertImportedCandidate,
  upsertImportedCandidatesByExternalId,
  upsertImportedInterview,
  upsertImportedInterviews,
  upsertImportedJob,
  upsertImportedJobsByExternalId,
  type ImportRun,
} from '../repositories/import.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import type { ServiceDeps } from './deps.ts';
import { fetchPage, type Page } from './pagination.ts';

/** Rows written per transaction. */
const BATCH = 250;
/** Files larger than this are refused (50 MiB). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** One CSV record with the line it starts on (the header is line 1). */
interface CsvRecord {
  line: number;
  values: string[];
}

/** Read CSV records from a stream with csv-parse, streaming, counting bytes for progress. */
async function* records(source: Readable, onBytes: (n: number) => void): AsyncGenerator<CsvRecord> {
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
  const parser = source.pipe(counter).pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      max_record_size: 100_000,
    }),
  );
  let previousEnd = 0;
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { line: previousEnd + 1, values: item.record };
    previousEnd = item.info.lines;
  }
}

/** What a preview shows before anything is written. */
export interface ImportPreview {
  headers: string[];
  /** The mapping that will be used: the one given, else the suggested one. */
  mapping: ImportMapping;
  suggested: ImportMapping;
  /** Problems with the mapping itself; importing is refused while there are any. */
  mappingProblems: string[];
  /** The first rows as they would be imported, or their problems. */
  rows: { line: number; row: ImportRow | null; errors: string[] }[];
  fields: readonly string[];
}

/** Read the header and the first rows of a file, with the suggested (or given) mapping applied. */
export async function previewImport(
  deps: ServiceDeps,
  orgId: string,
  source: Readable,
  mapping?: ImportMapping,
  sample = 5,
): Promise<ImportPreview> {
  const zone = (await findOrganization(deps.db.tenant(orgId), orgId))?.policy.timeZone ?? 'UTC';
  let headers: string[] = [];
  const rows: ImportPreview['rows'] = [];
  let used: ImportMapping = {};
  for await (const r of records(source, () => {})) {
    if (r.line === 1) {
      headers = r.values.map((h) => h.trim());
      used = mapping ?? suggestMapping(headers);
      continue;
    }
    const cells = Object.fromEntries(headers.map((h, i) => [h, r.values[i] ?? '']));
    const read = readImportRow(cells, used, zone);
    rows.push({ line: r.line, row: read.row, errors: read.errors });
    if (rows.length >= sample) break;
  }
  source.destroy();
  return {
    headers,
    mapping: used,
    suggested: suggestMapping(headers),
    mappingProblems: headers.length === 0 ? ['the file is empty'] : mappingProblems(used, headers),
    rows,
    fields: IMPORT_FIELDS,
  };
}

/** Progress of a running import. */
export interface ImportProgress {
  rowsDone: number;
  rowsImported: number;
  rowsRejected: number;
  bytesRead: number;
}

/** What an import did. */
export interface ImportResult {
  run: ImportRun;
  /** The refused rows as CSV: `line` and `errors`, then the original columns. */
  rejectedCsv: string;
}

/**
 * Import a CSV file, streaming. The rule is per row: every row that reads cleanly is imported
 * whole (its job, candidate, application and interview, or none of them), every other row is
 * refused with its line number and reasons and written to the rejected-rows file. Re-running
 * the same file creates nothing new: rows are matched by external ids (else by email, title).
 * Rows are written in transactions of 250; a batch that fails in the database is replayed one
 * row at a time (each in a savepoint) so that only the row at fault is refused.
 */
export async function importCsv(
  deps: ServiceDeps,
  orgId: string,
  actorId: string | null,
  source: Readable,
  options: {
    fileName: string;
    mapping?: ImportMapping | undefined;
    /** Rows in the file, when known (for the page's progress bar). */
    rowsTotal?: number;
    onProgress?: (p: ImportProgress) => void;
    /** An import run already recorded (the API records it before starting). */
    run?: ImportRun;
  },
): Promise<ImportResult> {
  const tenant = deps.db.tenant(orgId);
  const zone = (await findOrganization(tenant, orgId))?.policy.timeZone ?? 'UTC';
  const s: ImportState = {
    orgId,
    tenant,
    now: deps.clock.now(),
    mapping: options.mapping ?? {},
    run: options.run ?? null,
    created: { jobs: 0, candidates: 0, applications: 0, interviews: 0 },
    rejected: [],
    rowsDone: 0,
    rowsImported: 0,
    bytesRead: 0,
    jobIds: new Map(),
    onProgress: options.onProgress,
  };
  let headers: string[] = [];
  let batch: PendingRow[] = [];
  for await (const r of records(source, (n) => (s.bytesRead += n))) {
    if (r.line === 1) {
      headers = r.values.map((h) => h.trim());
      await startImportRun(s, headers, source, actorId, options);
      continue;
    }
    s.rowsDone += 1;
    const row = readRecord(s, r, headers, zone);
    if (!row) continue;
    batch.push(row);
    if (batch.length >= BATCH) {
      await flushImportBatch(s, batch);
      batch = [];
    }
  }
  await flushImportBatch(s, batch);
  if (!s.run) throw errors.validation('The file is empty: it has no header row.');
  return finishImport(deps, s, s.run, headers);
}

/** The state of one running import: what it has read, written and refused so far. */
interface ImportState {
  orgId: string;
  tenant: ScopedDb;
  now: Date;
  mapping: ImportMapping;
  run: ImportRun | null;
  created: { jobs: number; candidates: number; applications: number; interviews: number };
  rejected: { line: number; values: string[]; errors: string[] }[];
  rowsDone: number;
  rowsImported: number;
  bytesRead: number;
  /** Job ids found or created by committed batches, by {@link jobKeyOf}. */
  jobIds: Map<string, string>;
  onProgress: ((p: ImportProgress) => void) | undefined;
}

/** A row that read cleanly, waiting for its batch. */
interface PendingRow {
  line: number;
  values: string[];
  row: ImportRow;
}

/** The header row: check the mapping against it and record the run (unless the API did). */
async function startImportRun(
  s: ImportState,
  headers: string[],
  source: Readable,
  actorId: string | null,
  options: { fileName: string; mapping?: ImportMapping | undefined; rowsTotal?: number },
): Promise<void> {
  if (!options.mapping) s.mapping = suggestMapping(headers);
  const problems = mappingProblems(s.mapping, headers);
  if (problems.length > 0) {
    source.destroy();
    throw errors.validation(`The column mapping is incomplete: ${problems.join('; ')}.`, { problems });
  }
  s.run ??= await insertImportRun(s.tenant, {
    orgId: s.orgId,
    fileName: options.fileName,
    mapping: s.mapping,
    rowsTotal: options.rowsTotal ?? 0,
    createdBy: actorId,
    at: s.now,
  });
}

/** One data record read through the mapping; null (and refused with its reasons) when it does not read. */
function readRecord(s: ImportState, r: CsvRecord, headers: string[], zone: string): PendingRow | null {
  if (r.values.length !== headers.length) {
    s.rejected.push({
      line: r.line,
      values: r.values,
      errors: [`expected ${headers.length} columns, found ${r.values.length}`],
    });
    return null;
  }
  const cells = Object.fromEntries(headers.map((h, i) => [h, r.values[i] ?? '']));
  const read = readImportRow(cells, s.mapping, zone);
  if (read.row === null) {
    s.rejected.push({ line: r.line, values: r.values, errors: read.errors });
    return null;
  }
  return { line: r.line, values: r.values, row: read.row };
}

/** Report progress to the caller and on the run. */
async function reportImportProgress(s: ImportState): Promise<void> {
  s.onProgress?.({
    rowsDone: s.rowsDone,
    rowsImported: s.rowsImported,
    rowsRejected: s.rejected.length,
    bytesRead: s.bytesRead,
  });
  if (s.run) {
    await updateImportRun(s.tenant, s.orgId, s.run.id, {
      rowsDone: s.rowsDone,
      rowsImported: s.rowsImported,
      rowsRejected: s.rejected.length,
      created: s.created,
    });
  }
}

/** The key a job is matched by within one import: its external id, else its title. */
function jobKeyOf(row: ImportRow): string {
  return row.job.externalId ? `x:${row.job.externalId}` : `t:${row.job.title.toLowerCase()}`;
}

/** The last of each key, in first-seen order (a file naming a thing twice: its last row wins). */
function lastBy<T>(items: T[], key: (t: T) => string): T[] {
  return [...new Map(items.map((t) => [key(t), t])).values()];
}

/**
 * Write a batch: in one transaction, a few set-based statements (the fast path); job ids are
 * cached only once it has committed. If it fails, replay it one row per savepoint so that only the
 * row at fault is refused.
 */
async function flushImportBatch(s: ImportState, rows: PendingRow[]): Promise<void> {
  if (rows.length === 0) return;
  const before = { ...s.created };
  try {
    const made = await s.tenant.transaction(async (tx) =>
      writeImportBatch(
        tx,
        s,
        rows.map((r) => r.row),
      ),
    );
    for (const [k, v] of made) s.jobIds.set(k, v);
    s.rowsImported += rows.length;
  } catch (e) {
    if (process.env.DEBUG_IMPORT) console.error('batch failed', e);
    Object.assign(s.created, before);
    await s.tenant.transaction(async (tx) => {
      for (const r of rows) {
        await tx.exec('SAVEPOINT import_row');
        try {
          const made = await writeImportRow(tx, s, r.row);
          await tx.exec('RELEASE SAVEPOINT import_row');
          s.created.jobs += made.jobs;
          s.created.candidates += made.candidates;
          s.created.applications += made.applications;
          s.created.interviews += made.interviews;
          s.rowsImported += 1;
        } catch (error) {
          await tx.exec('ROLLBACK TO SAVEPOINT import_row');
          s.rejected.push({
            line: r.line,
            values: r.values,
            errors: [`not saved: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`],
          });
        }
      }
    });
  }
  await reportImportProgress(s);
}

/** Write one row (the slow path) and say what it created; the caller counts it once it is kept. */
async function writeImportRow(
  tx: Queryable,
  s: ImportState,
  row: ImportRow,
): Promise<ImportState['created']> {
  const { orgId, now } = s;
  let jobId = s.jobIds.get(jobKeyOf(row));
  let jobInserted = false;
  if (!jobId) {
    const job = await upsertImportedJob(tx, orgId, row.job, now);
    jobInserted = job.inserted;
    jobId = job.id;
  }
  const candidate = await upsertImportedCandidate(tx, orgId, row.candidate, now);
  const application = await upsertImportedApplication(tx, orgId, jobId, candidate.id, row.application, now);
  const interview = row.interview
    ? await upsertImportedInterview(tx, orgId, application.id, row.interview, now)
    : null;
  return {
    jobs: jobInserted ? 1 : 0,
    candidates: candidate.inserted ? 1 : 0,
    applications: application.inserted ? 1 : 0,
    interviews: interview?.inserted ? 1 : 0,
  };
}

/** Write a batch of rows set-based; returns the job ids it created or found (to cache). */
async function writeImportBatch(
  tx: Queryable,
  s: ImportState,
  rows: ImportRow[],
): Promise<Map<string, string>> {
  const jobs = await upsertBatchJobs(tx, s, rows);
  const jobId = (r: ImportRow) => s.jobIds.get(jobKeyOf(r)) ?? jobs.get(jobKeyOf(r))!;
  const candidateIds = await upsertBatchCandidates(tx, s, rows);
  const applications = await upsertImportedApplications(
    tx,
    s.orgId,
    lastBy(
      rows.map((r) => ({ jobId: jobId(r), candidateId: candidateIds.get(r)!, a: r.application })),
      (x) => `${x.jobId}:${x.candidateId}`,
    ),
    s.now,
    { stage: s.mapping.application_stage !== undefined, status: s.mapping.application_status !== undefined },
  );
  for (const a of applications.values()) if (a.inserted) s.created.applications += 1;
  s.created.interviews += await upsertImportedInterviews(
    tx,
    s.orgId,
    rows.flatMap((r) =>
      r.interview
        ? [{ applicationId: applications.get(`${jobId(r)}:${candidateIds.get(r)!}`)!.id, i: r.interview }]
        : [],
    ),
    s.now,
  );
  return jobs;
}

/** The batch's jobs not cached yet: by external id in one statement, the rest by title. */
async function upsertBatchJobs(
  tx: Queryable,
  s: ImportState,
  rows: ImportRow[],
): Promise<Map<string, string>> {
  const jobs = new Map<string, string>();
  const byExternal = lastBy(
    rows.filter((r) => r.job.externalId && !s.jobIds.has(jobKeyOf(r))),
    (r) => r.job.externalId!,
  ).map((r) => ({ externalId: r.job.externalId!, title: r.job.title, roleKind: r.job.roleKind }));
  for (const [ext, j] of await upsertImportedJobsByExternalId(tx, s.orgId, byExternal, s.now)) {
    jobs.set(`x:${ext}`, j.id);
    if (j.inserted) s.created.jobs += 1;
  }
  for (const r of rows) {
    const key = jobKeyOf(r);
    if (s.jobIds.has(key) || jobs.has(key)) continue;
    const j = await upsertImportedJob(tx, s.orgId, r.job, s.now);
    jobs.set(key, j.id);
    if (j.inserted) s.created.jobs += 1;
  }
  return jobs;
}

/** The batch's candidates: by external id in one statement, the rest one by one; their ids by row. */
async function upsertBatchCandidates(
  tx: Queryable,
  s: ImportState,
  rows: ImportRow[],
): Promise<Map<ImportRow, string>> {
  const candidates = await upsertImportedCandidatesByExternalId(
    tx,
    s.orgId,
    lastBy(
      rows.filter((r) => r.candidate.externalId).map((r) => r.candidate),
      (c) => c.externalId!,
    ),
    s.now,
  );
  for (const c of candidates.values()) if (c.inserted) s.created.candidates += 1;
  const candidateIds = new Map<ImportRow, string>();
  for (const r of rows) {
    if (r.candidate.externalId) {
      candidateIds.set(r, candidates.get(r.candidate.externalId)!.id);
    } else {
      const c = await upsertImportedCandidate(tx, s.orgId, r.candidate, s.now);
      if (c.inserted) s.created.candidates += 1;
      candidateIds.set(r, c.id);
    }
  }
  return candidateIds;
}

/** Record the run as done with its refused rows, and return it with the rejected-rows file. */
async function finishImport(
  deps: ServiceDeps,
  s: ImportState,
  run: ImportRun,
  headers: string[],
): Promise<ImportResult> {
  s.rejected.sort((a, b) => a.line - b.line);
  const rejectedCsv =
    s.rejected.length === 0
      ? ''
      : // Line and reasons first: a short or long row cannot push them under another column.
        stringify([
          ['line', 'errors', ...headers],
          ...s.rejected.map((r) => [String(r.line), r.errors.join('; '), ...r.values]),
        ]);
  await updateImportRun(s.tenant, s.orgId, run.id, {
    rowsDone: s.rowsDone,
    rowsImported: s.rowsImported,
    rowsRejected: s.rejected.length,
    created: s.created,
    errors: s.rejected.map((r) => ({ line: r.line, errors: r.errors })),
    rejectedCsv,
    status: 'done',
    finishedAt: deps.clock.now(),
  });
  s.onProgress?.({
    rowsDone: s.rowsDone,
    rowsImported: s.rowsImported,
    rowsRejected: s.rejected.length,
    bytesRead: s.bytesRead,
  });
  return { run: (await findImportRun(s.tenant, s.orgId, run.id))!, rejectedCsv };
}

/**
 * Start an import of CSV text in the background (the upload screen): the run is recorded at
 * once and its progress can be read while it goes on.
 */
export async function startImport(
  deps: ServiceDeps,
  orgId: string,
  actorId: string | null,
  input: { fileName: string; csv: string; mapping?: ImportMapping | undefined },
): Promise<ImportRun> {
  if (Buffer.byteLength(input.csv) > MAX_IMPORT_BYTES) {
    throw errors.validation('The file is larger than 50 MiB; split it.', { field: 'csv' });
  }
  const preview = await previewImport(deps, orgId, Readable.from([input.csv]), input.mapping, 0);
  if (preview.mappingProblems.length > 0) {
    throw errors.validation(`The column mapping is incomplete: ${preview.mappingProblems.join('; ')}.`, {
      problems: preview.mappingProblems,
    });
  }
  const rowsTotal = Math.max(0, input.csv.split(/\r?\n/).filter((l) => l.trim() !== '').length - 1);
  const run = await insertImportRun(deps.db.tenant(orgId), {
    orgId,
    fileName: input.fileName,
    mapping: preview.mapping,
    rowsTotal,
    createdBy: actorId,
    at: deps.clock.now(),
  });
  void importCsv(deps, orgId, actorId, Readable.from([input.csv]), {
    fileName: input.fileName,
    mapping: preview.mapping,
    rowsTotal,
    run,
  }).catch(async (error: unknown) => {
    await updateImportRun(deps.db.tenant(orgId), orgId, run.id, {
      rowsDone: 0,
      rowsImported: 0,
      rowsRejected: 0,
      created: {},
      status: 'failed',
      error: error instanceof Error ? error.message.slice(0, 500) : String(error),
      finishedAt: deps.clock.now(),
    }).catch(() => undefined);
  });
  return run;
}

/** One import, with its progress and refused rows' line numbers. */
export async function getImportRun(deps: ServiceDeps, orgId: string, id: string): Promise<ImportRun> {
  const run = await findImportRun(deps.db.tenant(orgId), orgId, id);
  if (!run) throw errors.notFound('Import', id);
  return run;
}

/** The refused rows of an import, as CSV. */
export async function getRejectedRows(deps: ServiceDeps, orgId: string, id: string): Promise<string> {
  const csv = await rejectedCsvOf(deps.db.tenant(orgId), orgId, id);
  if (csv === null) throw errors.notFound('Import', id);
  return csv;
}

/** Imports, newest first. */
export async function listImportsPage(
  deps: ServiceDeps,
  orgId: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<Page<ImportRun>> {
  return fetchPage(
    query,
    (page) => listImportRuns(deps.db.tenant(orgId), orgId, page),
    (r) => r.createdAt,
  );
}
