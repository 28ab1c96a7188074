import { followUpReport, type ReportGroup, type ReportRow } from '../repositories/report.repository.ts';
import { errors } from '../errors.ts';
import { instantOf, type DateOrInstant } from '../domain/business-time.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import type { ServiceDeps } from './deps.ts';
import { pageOfArray, type Page, type PageQuery } from './pagination.ts';

const DAY = 86_400_000;

/** A report row with its rates worked out. */
export interface ReportLine extends ReportRow {
  /** Interviewed candidates who received an outcome, 0–1; null with nobody interviewed. */
  closureRate: number | null;
  /** Promises kept of those that came due, 0–1. */
  promisesKeptRate: number | null;
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);
const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/** What a report covers. */
export interface ReportQuery {
  /** Start of the period; a plain date is the start of that day in the organization's zone. Default: 90 days ago. */
  from?: DateOrInstant | undefined;
  /** End of the period (exclusive instant, or an inclusive plain date: the end of that day). Default: now. */
  to?: DateOrInstant | undefined;
  group: ReportGroup;
  jobId?: string | undefined;
  ownerId?: string | undefined;
}

const DEFAULT_DAYS = 90;

/**
 * The follow-up report for interviews closed in [from, to), whole or grouped by job, owner,
 * week or month. Plain dates are read in the organization's time zone: `from` from the start of its day,
 * `to` to the end of its day (inclusive).
 */
export async function getFollowUpReport(
  deps: ServiceDeps,
  orgId: string,
  query: ReportQuery,
): Promise<ReportLine[]> {
  const now = deps.clock.now();
  const rows = await deps.db.tenant(orgId).transaction(async (tx) => {
    const zone = (await findOrganization(tx, orgId))!.policy.timeZone;
    const to = query.to ? instantOf(query.to, zone, 'end') : now;
    const from = query.from
      ? instantOf(query.from, zone, 'start')
      : new Date(now.getTime() - DEFAULT_DAYS * DAY);
    if (to.getTime() <= from.getTime())
      throw errors.validation('`to` must be after `from`.', { field: 'to' });
    if (to.getTime() - from.getTime() > 3 * 366 * DAY) {
      throw errors.validation('A report covers at most three years.', { field: 'from' });
    }
    return followUpReport(
      tx,
      orgId,
      { from, to, jobId: query.jobId, ownerId: query.ownerId, now },
      query.group,
    );
  });
  return rows.map((r) => ({
    ...r,
    medianHoursToOutcome: round1(r.medianHoursToOutcome),
    p90HoursToOutcome: round1(r.p90HoursToOutcome),
    averageRating: round1(r.averageRating),
    closureRate: ratio(r.outcomeDelivered, r.interviewed),
    promisesKeptRate: ratio(r.promisesKept, r.promisesKept + r.promisesBroken),
  }));
}

/** The report's lines a page at a time (the JSON answer; the CSV has them all). */
export async function getFollowUpReportPage(
  deps: ServiceDeps,
  orgId: string,
  query: ReportQuery & PageQuery,
): Promise<Page<ReportLine>> {
  return pageOfArray(await getFollowUpReport(deps, orgId, query), query);
}

/** The report as CSV (RFC 4180): one header line, one line per row; cells that could be read as formulas are neutralised. */
export function reportToCsv(lines: ReportLine[]): string {
  const columns: (keyof ReportLine)[] = [
    'key',
    'label',
    'interviewed',
    'outcomeDelivered',
    'closureRate',
    'medianHoursToOutcome',
    'p90HoursToOutcome',
    'promisesKept',
    'promisesBroken',
    'promisesKeptRate',
    'updatesSent',
    'overdueNow',
    'statusInquiries',
    'averageRating',
  ];
  const cell = (v: string | number | null) => {
    let s = v === null ? '' : String(v);
    // A job title starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return (
    [columns.join(','), ...lines.map((l) => columns.map((c) => cell(l[c])).join(','))].join('\r\n') + '\r\n'
  );
}
