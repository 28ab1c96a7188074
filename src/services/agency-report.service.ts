/**
 * The agency report (issue #16, item 11): per client, per contact or for the whole agency, how
 * responsive clients are, whether nudges got answers, how submissions became interviews and
 * placements, and how placements fared in their guarantee. Same period rules as the follow-up
 * report.
 */
import { agencyFigures, groupFacts, type AgencyReportFigures } from '../domain/agency-report.ts';
import { instantOf, type DateOrInstant } from '../domain/business-time.ts';
import { formatCell } from '../domain/csv-export.ts';
import { errors } from '../errors.ts';
import {
  agencyReportFacts,
  agencyReportLabels,
  type AgencyReportGroup,
} from '../repositories/agency-report.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import type { ServiceDeps } from './deps.ts';
import { pageOfArray, type Page, type PageQuery } from './pagination.ts';

const DAY = 86_400_000;
const DEFAULT_DAYS = 90;

/** One line of the agency report. */
export interface AgencyReportLine extends AgencyReportFigures {
  /** The group: a client id, a contact id, or null for the whole agency. */
  key: string | null;
  label: string;
}

/** What the agency report covers. */
export interface AgencyReportQuery {
  /** Start of the period; a plain date is the start of that day in the organization's zone. Default: 90 days ago. */
  from?: DateOrInstant | undefined;
  /** End of the period (exclusive instant, or an inclusive plain date). Default: now. */
  to?: DateOrInstant | undefined;
  group: AgencyReportGroup;
}

/**
 * The agency report for [from, to): one line for the agency (`none`), or one per client or per
 * contact that had anything in the period, clients by name.
 */
export async function getAgencyReport(
  deps: ServiceDeps,
  orgId: string,
  query: AgencyReportQuery,
): Promise<AgencyReportLine[]> {
  const now = deps.clock.now();
  return deps.db.tenant(orgId).transaction(async (tx) => {
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
    const facts = await agencyReportFacts(tx, orgId, { from, to }, query.group);
    const labels = await agencyReportLabels(tx, orgId, query.group);
    if (query.group === 'none') return [{ key: null, label: labels[0]!.label, ...agencyFigures(facts, now) }];
    const names = new Map(labels.map((l) => [l.key, l.label]));
    return [
      ...groupFacts(
        facts,
        labels.map((l) => l.key),
      ),
    ].map(([key, groupFacts]) => ({
      key,
      label: names.get(key) ?? key,
      ...agencyFigures(groupFacts, now),
    }));
  });
}

/** The agency report's lines a page at a time (the JSON answer; the CSV has them all). */
export async function getAgencyReportPage(
  deps: ServiceDeps,
  orgId: string,
  query: AgencyReportQuery & PageQuery,
): Promise<Page<AgencyReportLine>> {
  return pageOfArray(await getAgencyReport(deps, orgId, query), query);
}

/** The columns of the agency report's CSV, in order. */
export const AGENCY_REPORT_COLUMNS: readonly (keyof AgencyReportLine)[] = [
  'key',
  'label',
  'submissions',
  'interviewed',
  'offered',
  'placed',
  'interviewRate',
  'placementRate',
  'feedbackOwed',
  'feedbackAnswered',
  'medianHoursToFeedback',
  'answeredWithinDeadline',
  'withinDeadlineRate',
  'waitingPastDeadline',
  'nudges',
  'nudgesAnswered',
  'nudgesAnsweredRate',
  'placementsKept',
  'placementsInGuarantee',
  'placementsFellThrough',
];

/** The agency report as CSV (RFC 4180), cells that could run as formulas neutralised. */
export function agencyReportToCsv(lines: AgencyReportLine[]): string {
  const cell = (v: unknown) => {
    const s = formatCell(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return (
    [
      AGENCY_REPORT_COLUMNS.join(','),
      ...lines.map((l) => AGENCY_REPORT_COLUMNS.map((c) => cell(l[c])).join(',')),
    ].join('\r\n') + '\r\n'
  );
}
