import type { paths } from './api-schema.ts';
import { ReportTable, TrendCharts, type ReportLine } from './ReportCharts.tsx';

/** The query parameters of the follow-up report (GET /reports/follow-ups). */
export type ReportQuery = NonNullable<paths['/api/v1/reports/follow-ups']['get']['parameters']['query']>;

/** The download of a report's lines as CSV: the same query with `format=csv`. */
export function csvHrefOf(query: ReportQuery): string {
  const params = Object.entries({ ...query, format: 'csv' }).map(([k, v]) => [k, String(v)]);
  return `/api/v1/reports/follow-ups?${new URLSearchParams(params).toString()}`;
}

/** Whose figures the trend shows: the whole team, one job, or one person. */
export type Scope = { kind: 'team' } | { kind: 'job' | 'owner'; id: string };
/** The report query that narrows to a scope. */
export const scopeParams = (s: Scope): ReportQuery =>
  s.kind === 'team' ? {} : s.kind === 'job' ? { jobId: s.id } : { ownerId: s.id };
const scopeValue = (s: Scope) => (s.kind === 'team' ? 'team' : `${s.kind}:${s.id}`);
const scopeOf = (v: string): Scope => {
  const [kind, id] = v.split(':');
  return (kind === 'job' || kind === 'owner') && id ? { kind, id } : { kind: 'team' };
};

interface ReportTrendSectionProps {
  lines: ReportLine[];
  byJob: ReportLine[];
  byOwner: ReportLine[];
  bucket: 'week' | 'month';
  onBucket: (bucket: 'week' | 'month') => void;
  scope: Scope;
  onScope: (scope: Scope) => void;
}

/** The report over time: whose figures and by week or month, as charts and a table. */
export function ReportTrendSection({
  lines,
  byJob,
  byOwner,
  bucket,
  onBucket,
  scope,
  onScope,
}: ReportTrendSectionProps) {
  return (
    <section aria-labelledby="over-time">
      <h2 id="over-time">Over time</h2>
      <div className="row">
        <label>
          Whose{' '}
          <select value={scopeValue(scope)} onChange={(e) => onScope(scopeOf(e.target.value))}>
            <option value="team">The whole team</option>
            {byJob.map((l) => (
              <option key={`job:${l.key}`} value={`job:${l.key}`}>
                Job: {l.label}
              </option>
            ))}
            {byOwner.map((l) => (
              <option key={`owner:${l.key}`} value={`owner:${l.key}`}>
                Person: {l.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          By{' '}
          <select value={bucket} onChange={(e) => onBucket(e.target.value === 'month' ? 'month' : 'week')}>
            <option value="week">week</option>
            <option value="month">month</option>
          </select>
        </label>
      </div>
      <TrendCharts lines={lines} bucket={bucket} />
      <ReportTable
        title={bucket === 'week' ? 'By week' : 'By month'}
        first={bucket === 'week' ? 'Week of' : 'Month'}
        lines={lines}
        csvHref={csvHrefOf({ group: bucket, ...scopeParams(scope) })}
      />
    </section>
  );
}
