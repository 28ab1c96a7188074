import { useEffect, useState } from 'react';
import { ApiError, client, dataOf, type Schema } from './api.ts';

/** One line of `GET /reports/agency`. */
type AgencyLine = Schema<'AgencyReportLine'>;

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const hours = (x: number | null) => (x === null ? '—' : x < 48 ? `${x} h` : `${Math.round(x / 24)} days`);

/**
 * The agency part of Reports: how fast each client (and each contact) answers, whether nudges got
 * answers, and how submissions became interviews and placements. Shown only to an organization
 * with submissions in the period, so an employer's Reports stay as they were.
 */
export function AgencyReportSection() {
  const [byClient, setByClient] = useState<AgencyLine[]>([]);
  const [byContact, setByContact] = useState<AgencyLine[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    const get = (group: 'client' | 'contact') =>
      dataOf(client.GET('/api/v1/reports/agency', { params: { query: { group, limit: 200 } } })).then(
        (r) => r.items,
      );
    Promise.all([get('client'), get('contact')]).then(
      ([c, k]) => {
        setByClient(c);
        setByContact(k);
      },
      (e: unknown) => setError(e instanceof ApiError ? e.message : 'Could not load the agency report.'),
    );
  }, []);
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (byClient.length === 0) return null;

  const responsiveness = (title: string, first: string, lines: AgencyLine[], csv: string) => {
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
          <a href={`/api/v1/reports/agency?group=${csv}&format=csv`}>Download {title.toLowerCase()} (CSV)</a>
        </p>
      </section>
    );
  };
  return (
    <section aria-labelledby="agency-report">
      <h2 id="agency-report">Clients (agency)</h2>
      <p className="meta">
        Submissions, client feedback and nudges of the last 90 days. Within deadline counts feedback answered
        by the agreed deadline, of the feedback answered or already late.
      </p>
      {responsiveness('By client', 'Client', byClient, 'client')}
      {responsiveness('By contact', 'Contact', byContact, 'contact')}
    </section>
  );
}
