import { useEffect, useState } from 'react';
import { AgencyReportSection } from './AgencyReportSection.tsx';
import { client, dataOf, messageOf } from './api.ts';
import { CompareChart, HeadlineFigures, ReportTable, type ReportLine } from './ReportCharts.tsx';
import {
  csvHrefOf,
  ReportTrendSection,
  scopeParams,
  type ReportQuery,
  type Scope,
} from './ReportTrendSection.tsx';

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
  const fail = (e: unknown) => setError(messageOf(e, 'Could not load the report.'));
  const get = async (query: ReportQuery) =>
    (await dataOf(client.GET('/api/v1/reports/follow-ups', { params: { query: { limit: 200, ...query } } })))
      .items;

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
  return (
    <>
      <h1>Reports</h1>
      <p className="meta">Interviews closed in the last 90 days.</p>
      <HeadlineFigures total={total} />
      {total && (
        <ReportTrendSection
          lines={trend}
          byJob={byJob}
          byOwner={byOwner}
          bucket={bucket}
          onBucket={setBucket}
          scope={scope}
          onScope={setScope}
        />
      )}
      {byJob.length > 0 && (
        <CompareChart id="compare-job" title="Closure rate and promises kept by job (%)" lines={byJob} />
      )}
      <ReportTable title="By job" first="Job" lines={byJob} csvHref={csvHrefOf({ group: 'job' })} />
      {byOwner.length > 0 && (
        <CompareChart
          id="compare-owner"
          title="Closure rate and promises kept by person (%)"
          lines={byOwner}
        />
      )}
      <ReportTable title="By owner" first="Owner" lines={byOwner} csvHref={csvHrefOf({ group: 'owner' })} />
      <AgencyReportSection />
    </>
  );
}
