import type { Schema } from './api.ts';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const hours = (x: number | null) => (x === null ? '—' : x < 48 ? `${x} h` : `${Math.round(x / 24)} days`);

/**
 * One grouping of the agency report (by client or by contact): feedback owed and how fast it
 * came, within the deadline or late, nudges answered, the submission funnel and placements kept,
 * with the table as CSV.
 */
export function AgencyResponsivenessTable({
  title,
  first,
  lines,
  group,
}: {
  title: string;
  /** The first column's heading: what a line is. */
  first: string;
  lines: Schema<'AgencyReportLine'>[];
  group: 'client' | 'contact';
}) {
  const id = `agency-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={id}>
        <table>
          <thead>
            <tr>
              <th scope="col">{first}</th>
              <th scope="col">Feedback owed</th>
              <th scope="col">Median to feedback</th>
              <th scope="col">Within deadline</th>
              <th scope="col">Late, still waiting</th>
              <th scope="col">Nudges answered</th>
              <th scope="col">Submitted → interviewed → placed</th>
              <th scope="col">Placements kept / in guarantee / fell through</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.key ?? 'all'}>
                <th scope="row">{l.label}</th>
                <td>{l.feedbackOwed}</td>
                <td>{hours(l.medianHoursToFeedback)}</td>
                <td>
                  {pct(l.withinDeadlineRate)} ({l.answeredWithinDeadline} of{' '}
                  {l.feedbackAnswered + l.waitingPastDeadline})
                </td>
                <td>{l.waitingPastDeadline}</td>
                <td>
                  {l.nudgesAnswered} of {l.nudges} ({pct(l.nudgesAnsweredRate)})
                </td>
                <td>
                  {l.submissions} → {l.interviewed} ({pct(l.interviewRate)}) → {l.placed} (
                  {pct(l.placementRate)})
                </td>
                <td>
                  {l.placementsKept} / {l.placementsInGuarantee} / {l.placementsFellThrough}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href={`/api/v1/reports/agency?group=${group}&format=csv`}>Download {title.toLowerCase()} (CSV)</a>
      </p>
    </section>
  );
}
