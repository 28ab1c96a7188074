import type { ReactNode } from 'react';
import type { Schema } from './api.ts';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/** One line of `GET /reports/follow-ups`, as the generated API types say. */
export type ReportLine = Schema<'ReportLine'>;

/** A 0–1 rate as a whole percentage, or a dash. */
export const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
/** Hours as hours under two days, else days, or a dash. */
export const hours = (x: number | null) =>
  x === null ? '—' : x < 48 ? `${x} h` : `${Math.round(x / 24)} days`;

const BLUE = '#2945c4';
const AMBER = '#a15c00';
const GREEN = '#1d7a3a';

/**
 * A chart with its accessible name: the figure is an image named by its caption (the chart's
 * marks are not readable one by one), and the table beside it carries the same figures as text.
 */
function ChartFigure({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <figure className="chart" role="group" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <div role="img" aria-label={`${title} (chart; the same figures are in the table below)`}>
        <ResponsiveContainer width="100%" height={200}>
          {children as never}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Lines as chart points: rates in percent, a period's label as its name. */
function pointsOf(lines: ReportLine[]) {
  return lines.map((l) => ({
    name: l.label ?? l.key ?? 'All',
    closure: l.closureRate === null ? null : Math.round(l.closureRate * 100),
    kept: l.promisesKeptRate === null ? null : Math.round(l.promisesKeptRate * 100),
    median: l.medianHoursToOutcome,
    p90: l.p90HoursToOutcome,
    inquiries: l.statusInquiries,
    updates: l.updatesSent,
    rating: l.averageRating,
  }));
}

/**
 * The report over time (one point per week or month): closure rate and promises kept, the
 * interview→outcome time (median and p90, the spread of the distribution), status inquiries
 * received, and the candidates' average rating.
 */
export function TrendCharts({ lines, bucket }: { lines: ReportLine[]; bucket: 'week' | 'month' }) {
  const data = pointsOf(lines);
  const per = bucket === 'week' ? 'by week of interview' : 'by month of interview';
  const axis = { stroke: '#444', fontSize: 11 };
  return (
    <div className="charts">
      <ChartFigure id="trend-rates" title={`Closure rate and promises kept, ${per} (%)`}>
        <LineChart data={data} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" tick={axis} />
          <YAxis domain={[0, 100]} unit="%" tick={axis} width={44} />
          <Tooltip />
          <Legend />
          <Line dataKey="closure" name="Closure rate" stroke={BLUE} strokeWidth={2} connectNulls />
          <Line dataKey="kept" name="Promises kept" stroke={GREEN} strokeWidth={2} connectNulls />
        </LineChart>
      </ChartFigure>
      <ChartFigure id="trend-time" title={`Interview to outcome, hours, ${per} (median and p90)`}>
        <BarChart data={data} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" tick={axis} />
          <YAxis unit=" h" tick={axis} width={52} />
          <Tooltip />
          <Legend />
          <Bar dataKey="median" name="Median" fill={BLUE} />
          <Bar dataKey="p90" name="90th percentile" fill={AMBER} />
        </BarChart>
      </ChartFigure>
      <ChartFigure id="trend-inquiries" title={`Status inquiries received and updates sent, ${per}`}>
        <BarChart data={data} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" tick={axis} />
          <YAxis allowDecimals={false} tick={axis} width={36} />
          <Tooltip />
          <Legend />
          <Bar dataKey="inquiries" name="Status inquiries" fill={AMBER} />
          <Bar dataKey="updates" name="Updates sent" fill={BLUE} />
        </BarChart>
      </ChartFigure>
      <ChartFigure id="trend-rating" title={`Candidates' average rating (1–5), ${per}`}>
        <LineChart data={data} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" tick={axis} />
          <YAxis domain={[1, 5]} tick={axis} width={36} />
          <Tooltip />
          <Line dataKey="rating" name="Average rating" stroke={GREEN} strokeWidth={2} connectNulls />
        </LineChart>
      </ChartFigure>
    </div>
  );
}

/** Closure rate and promises kept side by side for each job or person. */
export function CompareChart({ id, title, lines }: { id: string; title: string; lines: ReportLine[] }) {
  const axis = { stroke: '#444', fontSize: 11 };
  return (
    <ChartFigure id={id} title={title}>
      <BarChart data={pointsOf(lines)} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" tick={axis} interval={0} />
        <YAxis domain={[0, 100]} unit="%" tick={axis} width={44} />
        <Tooltip />
        <Legend />
        <Bar dataKey="closure" name="Closure rate" fill={BLUE} />
        <Bar dataKey="kept" name="Promises kept" fill={GREEN} />
      </BarChart>
    </ChartFigure>
  );
}

/** The table behind a chart (its text alternative), with a link to the same lines as CSV. */
export function ReportTable({
  title,
  first,
  lines,
  csvHref,
}: {
  title: string;
  first: string;
  lines: ReportLine[];
  csvHref: string;
}) {
  const id = `t-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {/* Focusable so keyboard users can scroll a table wider than a phone. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={id}>
        <table>
          <thead>
            <tr>
              <th scope="col">{first}</th>
              <th scope="col">Interviewed</th>
              <th scope="col">Heard back</th>
              <th scope="col">Closure rate</th>
              <th scope="col">Median time to outcome</th>
              <th scope="col">p90</th>
              <th scope="col">Promises kept</th>
              <th scope="col">Status inquiries</th>
              <th scope="col">Average rating</th>
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
                <td>{hours(l.p90HoursToOutcome)}</td>
                <td>{pct(l.promisesKeptRate)}</td>
                <td>{l.statusInquiries}</td>
                <td>{l.averageRating ?? '—'}</td>
                <td>{l.overdueNow}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href={csvHref} download>
          Download {title.toLowerCase()} (CSV)
        </a>
      </p>
    </section>
  );
}

/** One headline figure: the number large, what it is under it. */
function Figure({ value, children }: { value: ReactNode; children: ReactNode }) {
  return (
    <div className="card" role="listitem">
      <strong style={{ fontSize: '1.6rem' }}>{value}</strong>
      <div className="meta">{children}</div>
    </div>
  );
}

/** The period's headline figures for the whole team, or a note that there is nothing yet. */
export function HeadlineFigures({ total }: { total: ReportLine | null }) {
  if (!total) return <p className="empty">No interviews closed in this period yet.</p>;
  return (
    <div className="row" role="list" aria-label="Headline figures">
      <Figure value={pct(total.closureRate)}>
        closure rate ({total.outcomeDelivered} of {total.interviewed} heard back)
      </Figure>
      <Figure value={hours(total.medianHoursToOutcome)}>
        median to outcome (p90 {hours(total.p90HoursToOutcome)})
      </Figure>
      <Figure value={pct(total.promisesKeptRate)}>promises kept ({total.updatesSent} updates sent)</Figure>
      <Figure value={total.statusInquiries}>status inquiries received</Figure>
      <Figure value={total.averageRating ?? '—'}>candidates&apos; average rating (1–5)</Figure>
    </div>
  );
}
