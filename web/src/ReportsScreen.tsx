import { useEffect, useState } from 'react';
import { AgencyReportSection } from './AgencyReportSection.tsx';
import { api, ApiError } from './api.ts';

interface Line {
  key: string | null;
  label: string | null;
  interviewed: number;
  outcomeDelivered: number;
  closureRate: number | null;
  medianHoursToOutcome: number | null;
  p90HoursToOutcome: number | null;
  promisesKept: number;
  promisesBroken: number;
  promisesKeptRate: number | null;
  updatesSent: number;
  overdueNow: number;
}

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const hours = (x: number | null) => (x === null ? '—' : x < 48 ? `${x} h` : `${Math.round(x / 24)} days`);

/** Closure rate over time, as bars: a plain SVG with a text alternative (the table below it). */
function ClosureChart({ weeks }: { weeks: Line[] }) {
  const w = 36;
  const width = Math.max(weeks.length * w, w);
  return (
    <svg
      role="img"
      aria-label="Closure rate by week of interview"
      viewBox={`0 0 ${width} 130`}
      style={{ width: '100%', maxWidth: width, height: 'auto' }}
    >
      {weeks.map((l, i) => {
        const h = Math.round((l.closureRate ?? 0) * 100);
        return (
          <g key={l.key}>
            <rect x={i * w + 6} y={110 - h} width={w - 12} height={h} fill="#2945c4">
              <title>{`${l.key}: ${pct(l.closureRate)}`}</title>
            </rect>
            <text x={i * w + w / 2} y={125} fontSize="9" textAnchor="middle">
              {l.key?.slice(5)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Reports: did every interviewed candidate hear back, how fast, and were promises kept. */
export function ReportsScreen() {
  const [total, setTotal] = useState<Line | null>(null);
  const [byJob, setByJob] = useState<Line[]>([]);
  const [byOwner, setByOwner] = useState<Line[]>([]);
  const [weeks, setWeeks] = useState<Line[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    const get = (group: string) =>
      api<{ items: Line[] }>('GET', `/reports/follow-ups?group=${group}`).then((r) => r.items);
    Promise.all([get('none'), get('job'), get('owner'), get('week')]).then(
      ([t, j, o, w]) => {
        setTotal(t[0] ?? null);
        setByJob(j);
        setByOwner(o);
        setWeeks(w);
      },
      (e: unknown) => setError(e instanceof ApiError ? e.message : 'Could not load the report.'),
    );
  }, []);

  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  const table = (title: string, lines: Line[]) => (
    <section aria-labelledby={`t-${title}`}>
      <h2 id={`t-${title}`}>{title}</h2>
      {/* Focusable so keyboard users can scroll a table wider than a phone. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`t-${title}`}>
        <table>
          <thead>
            <tr>
              <th scope="col">{title === 'By job' ? 'Job' : 'Owner'}</th>
              <th scope="col">Interviewed</th>
              <th scope="col">Heard back</th>
              <th scope="col">Closure rate</th>
              <th scope="col">Median time to outcome</th>
              <th scope="col">Promises kept</th>
              <th scope="col">Overdue now</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.key ?? 'all'}>
                <th scope="row">{l.label ?? l.key ?? 'All'}</th>
                <td>{l.interviewed}</td>
                <td>{l.outcomeDelivered}</td>
                <td>{pct(l.closureRate)}</td>
                <td>{hours(l.medianHoursToOutcome)}</td>
                <td>{pct(l.promisesKeptRate)}</td>
                <td>{l.overdueNow}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
  return (
    <>
      <h1>Reports</h1>
      <p className="meta">Interviews closed in the last 90 days.</p>
      {total ? (
        <div className="row" role="list" aria-label="Headline figures">
          <div className="card" role="listitem">
            <strong style={{ fontSize: '1.6rem' }}>{pct(total.closureRate)}</strong>
            <div className="meta">
              closure rate ({total.outcomeDelivered} of {total.interviewed} heard back)
            </div>
          </div>
          <div className="card" role="listitem">
            <strong style={{ fontSize: '1.6rem' }}>{hours(total.medianHoursToOutcome)}</strong>
            <div className="meta">median to outcome (p90 {hours(total.p90HoursToOutcome)})</div>
          </div>
          <div className="card" role="listitem">
            <strong style={{ fontSize: '1.6rem' }}>{pct(total.promisesKeptRate)}</strong>
            <div className="meta">promises kept ({total.updatesSent} updates sent)</div>
          </div>
        </div>
      ) : (
        <p className="empty">No interviews closed in this period yet.</p>
      )}
      {weeks.length > 0 && (
        <>
          <h2>Closure rate by week</h2>
          <ClosureChart weeks={weeks} />
        </>
      )}
      {table('By job', byJob)}
      {table('By owner', byOwner)}
      <p>
        <a href="/api/v1/reports/follow-ups?group=job&format=csv">Download by job (CSV)</a>
      </p>
      <AgencyReportSection />
    </>
  );
}
