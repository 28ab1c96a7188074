import { useEffect, useState } from 'react';
import { AgencyReportSection } from './AgencyReportSection.tsx';
import { api, ApiError } from './api.ts';
import { CompareChart, HeadlineFigures, ReportTable, TrendCharts, type ReportLine } from './ReportCharts.tsx';

const REPORT = '/reports/follow-ups';
/** A report query's path with its parameters; `format=csv` for the download of the same lines. */
const reportPath = (params: Record<string, string>) => `${REPORT}?${new URLSearchParams(params).toString()}`;

/** Whose figures the trend shows: the whole team, one job, or one person. */
type Scope = { kind: 'team' } | { kind: 'job' | 'owner'; id: string };
const scopeParams = (s: Scope): Record<string, string> =>
  s.kind === 'team' ? {} : s.kind === 'job' ? { jobId: s.id } : { ownerId: s.id };
const scopeValue = (s: Scope) => (s.kind === 'team' ? 'team' : `${s.kind}:${s.id}`);
const scopeOf = (v: string): Scope => {
  const [kind, id] = v.split(':');
  return (kind === 'job' || kind === 'owner') && id ? { kind, id } : { kind: 'team' };
};

/**
 * Reports: did every interviewed candidate hear back, how fast, were promises kept, how often
 * candidates had to ask, and how they rated the experience — for the team, a job or a person,
 * over time and side by side.
 */
export function ReportsScreen() {
  const [total, setTotal] = useState<ReportLine | null>(null);
  const [byJob, setByJob] = useState<ReportLine[]>([]);
  const [byOwner, setByOwner] = useState<ReportLine[]>([]);
  const [trend, setTrend] = useState<ReportLine[]>([]);
  const [bucket, setBucket] = useState<'week' | 'month'>('week');
  const [scope, setScope] = useState<Scope>({ kind: 'team' });
  const [error, setError] = useState('');
  const fail = (e: unknown) => setError(e instanceof ApiError ? e.message : 'Could not load the report.');
  const get = (params: Record<string, string>) =>
    api<{ items: ReportLine[] }>('GET', reportPath({ limit: '200', ...params })).then((r) => r.items);

  useEffect(() => {
    Promise.all([get({ group: 'none' }), get({ group: 'job' }), get({ group: 'owner' })]).then(
      ([t, j, o]) => {
        setTotal(t[0] ?? null);
        setByJob(j);
        setByOwner(o);
      },
      fail,
    );
  }, []);
  useEffect(() => {
    get({ group: bucket, ...scopeParams(scope) }).then(setTrend, fail);
  }, [bucket, scope]);

  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  const trendParams = { group: bucket, ...scopeParams(scope) };
  return (
    <>
      <h1>Reports</h1>
      <p className="meta">Interviews closed in the last 90 days.</p>
      <HeadlineFigures total={total} />
      {total && (
        <section aria-labelledby="over-time">
          <h2 id="over-time">Over time</h2>
          <div className="row">
            <label>
              Whose{' '}
              <select value={scopeValue(scope)} onChange={(e) => setScope(scopeOf(e.target.value))}>
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
              <select
                value={bucket}
                onChange={(e) => setBucket(e.target.value === 'month' ? 'month' : 'week')}
              >
                <option value="week">week</option>
                <option value="month">month</option>
              </select>
            </label>
          </div>
          <TrendCharts lines={trend} bucket={bucket} />
          <ReportTable
            title={bucket === 'week' ? 'By week' : 'By month'}
            first={bucket === 'week' ? 'Week of' : 'Month'}
            lines={trend}
            csvHref={`/api/v1${reportPath({ ...trendParams, format: 'csv' })}`}
          />
        </section>
      )}
      {byJob.length > 0 && (
        <CompareChart id="compare-job" title="Closure rate and promises kept by job (%)" lines={byJob} />
      )}
      <ReportTable
        title="By job"
        first="Job"
        lines={byJob}
        csvHref={`/api/v1${reportPath({ group: 'job', format: 'csv' })}`}
      />
      {byOwner.length > 0 && (
        <CompareChart
          id="compare-owner"
          title="Closure rate and promises kept by person (%)"
          lines={byOwner}
        />
      )}
      <ReportTable
        title="By owner"
        first="Owner"
        lines={byOwner}
        csvHref={`/api/v1${reportPath({ group: 'owner', format: 'csv' })}`}
      />
      <AgencyReportSection />
    </>
  );
}
