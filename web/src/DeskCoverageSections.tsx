import type { Schema } from './api.ts';
import { DueTime } from './DueTime.tsx';

type Coverage = Schema<'DeskCoverage'>;
type Candidates = NonNullable<Coverage['jobOrders'][number]['candidates']>;

const names = (c: Candidates) =>
  [
    ...c.earlier.map((e) => `${e.candidateName} (${e.stage})`),
    ...c.pool.map((p) => `${p.candidateName} (talent pool)`),
  ].join(', ') || 'nobody yet: source new candidates';

/** Client jobs with their finalists against the target, and who could fill a short one. */
export function CoverageJobOrders({ jobOrders }: { jobOrders: Coverage['jobOrders'] }) {
  return (
    <section aria-labelledby="desk-coverage">
      <h2 id="desk-coverage">Client jobs: finalists</h2>
      {jobOrders.length === 0 ? (
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
              {jobOrders.map((j) => (
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
  );
}

/** Contacts with no next contact: each one a defect to fix. */
export function ContactsWithoutNextContact({
  contacts,
}: {
  contacts: Coverage['contactsWithoutNextContact'];
}) {
  return (
    <section aria-labelledby="desk-no-next">
      <h2 id="desk-no-next">Contacts with no next contact</h2>
      {contacts.length === 0 ? (
        <p className="empty">Every contact has a next contact.</p>
      ) : (
        <ul>
          {contacts.map((c) => (
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
  );
}

/** Placements in their guarantee, with the next check-in and the guarantee's end. */
export function CoveragePlacements({ placements }: { placements: Coverage['placements'] }) {
  return (
    <section aria-labelledby="desk-placements">
      <h2 id="desk-placements">Placements</h2>
      {placements.length === 0 ? (
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
              {placements.map((p) => (
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
  );
}
