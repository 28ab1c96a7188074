import { useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, messageOf, type Schema } from './api.ts';
import { DueTime } from './DueTime.tsx';

type Coverage = Schema<'DeskCoverage'>;
type Candidates = NonNullable<Coverage['jobOrders'][number]['candidates']>;

const names = (c: Candidates) =>
  [
    ...c.earlier.map((e) => `${e.candidateName} (${e.stage})`),
    ...c.pool.map((p) => `${p.candidateName} (talent pool)`),
  ].join(', ') || 'nobody yet: source new candidates';

/**
 * The desk's second half: client jobs with their final-stage coverage (finalists against the
 * target, and who could fill a short one), contacts with no next contact (a defect to fix), and
 * placements with their next check-in and the guarantee's end.
 */
export function DeskCoverage({ version }: { version: number }) {
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    dataOf(client.GET('/api/v1/desk/coverage'))
      .then(setCoverage)
      .catch((e: unknown) => setError(messageOf(e, 'Coverage could not be loaded.')));
  }, [version]);
  if (!coverage) return <Alerts error={error} />;
  return (
    <>
      <section aria-labelledby="desk-coverage">
        <h2 id="desk-coverage">Client jobs: finalists</h2>
        {coverage.jobOrders.length === 0 ? (
          <p className="empty">No open job order.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="desk-coverage">
            <table>
              <thead>
                <tr>
                  <th scope="col">Job · client</th>
                  <th scope="col">Finalists / target</th>
                  <th scope="col">Backfill from</th>
                </tr>
              </thead>
              <tbody>
                {coverage.jobOrders.map((j) => (
                  <tr key={j.jobId} className={j.short ? 'overdue' : undefined}>
                    <td>
                      {j.title} · {j.clientName}
                    </td>
                    <td>
                      {j.short && <strong>Short · </strong>}
                      {j.finalists} / {j.target}
                    </td>
                    <td>{j.candidates ? names(j.candidates) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="desk-no-next">
        <h2 id="desk-no-next">Contacts with no next contact</h2>
        {coverage.contactsWithoutNextContact.length === 0 ? (
          <p className="empty">Every contact has a next contact.</p>
        ) : (
          <ul>
            {coverage.contactsWithoutNextContact.map((c) => (
              <li key={c.contactId}>
                <strong>To fix:</strong> {c.contactName} ({c.clientName}) —{' '}
                {c.lastContactAt ? (
                  <>
                    last contact <DueTime at={c.lastContactAt} />, no next contact set
                  </>
                ) : (
                  'never contacted'
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="desk-placements">
        <h2 id="desk-placements">Placements</h2>
        {coverage.placements.length === 0 ? (
          <p className="empty">No placement in its guarantee.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="desk-placements">
            <table>
              <thead>
                <tr>
                  <th scope="col">Candidate · job</th>
                  <th scope="col">Client</th>
                  <th scope="col">Start</th>
                  <th scope="col">Guarantee ends</th>
                  <th scope="col">Next check-in</th>
                </tr>
              </thead>
              <tbody>
                {coverage.placements.map((p) => (
                  <tr key={p.placementId}>
                    <td>
                      {p.candidateName} · {p.jobTitle}
                    </td>
                    <td>{p.clientName}</td>
                    <td>{p.startDate}</td>
                    <td>{p.guaranteeEndsOn}</td>
                    <td>
                      {p.nextCheckInAt ? (
                        <>
                          with {p.nextCheckInWith === 'client' ? 'the client' : p.candidateName},{' '}
                          <DueTime at={p.nextCheckInAt} />
                        </>
                      ) : p.fellThroughOn ? (
                        `fell through ${p.fellThroughOn}`
                      ) : (
                        'none scheduled'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
