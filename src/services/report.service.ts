import { followUpReport, type ReportGroup, type ReportRow } from '../repositories/report.repository.ts';
import { errors } from '../errors.ts';
import type { ServiceDeps } from './deps.ts';

/** A report row with its rates worked out. */
export interface ReportLine extends ReportRow {
  /** Interviewed candidates who received an outcome, 0–1; null with nobody interviewed. */
  closureRate: number | null;
  /** Promises kept of those that came due, 0–1. */
  promisesKeptRate: number | null;
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);
const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/** The follow-up report for a period, whole or grouped by job, owner or week. */
export async function getFollowUpReport(
  deps: ServiceDeps,
  orgId: string,
  query: {
    from: Date;
    to: Date;
    group: ReportGroup;
    jobId?: string | undefined;
    ownerId?: string | undefined;
  },
): Promise<ReportLine[]> {
  if (query.to.getTime() <= query.from.getTime())
    throw errors.validation('`to` must be after `from`.', { field: 'to' });
  if (query.to.getTime() - query.from.getTime() > 3 * 366 * 86_400_000) {
    throw errors.validation('A report covers at most three years.', { field: 'from' });
  }
  const rows = await followUpReport(
    deps.db.tenant(orgId),
    orgId,
    { ...query, now: deps.clock.now() },
    query.group,
  );
  return rows.map((r) => ({
    ...r,
    medianHoursToOutcome: round1(r.medianHoursToOutcome),
    p90HoursToOutcome: round1(r.p90HoursToOutcome),
    averageRating: round1(r.averageRating),
    closureRate: ratio(r.outcomeDelivered, r.interviewed),
    promisesKeptRate: ratio(r.promisesKept, r.promisesKept + r.promisesBroken),
  }));
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
