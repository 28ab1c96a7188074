import type { Schema } from './api.ts';
import { DueTime } from './DueTime.tsx';

type OpenSubmission = Schema<'ClientRecord'>['openSubmissions'][number];

const STAGE_WORDS: Record<string, string> = {
  submitted: 'submitted',
  client_reviewing: 'client reviewing',
  interviewing: 'interviewing',
  offered: 'offered',
};

/** A client's open submissions with their feedback deadline, each one a click from being placed. */
export function ClientOpenSubmissions({
  submissions,
  onPlace,
}: {
  submissions: OpenSubmission[];
  onPlace: (s: OpenSubmission) => void;
}) {
  return (
    <>
      {submissions.length === 0 ? (
        <p className="empty">No open submission.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="client-view">
          <table>
            <thead>
              <tr>
                <th scope="col">Candidate · job</th>
                <th scope="col">Contact</th>
                <th scope="col">Stage</th>
                <th scope="col">Waiting</th>
                <th scope="col">Feedback due</th>
                <th scope="col">Act</th>
              </tr>
            </thead>
            <tbody>
              {submissions.map((s) => (
                <tr key={s.submissionId} className={s.pastDeadline ? 'overdue' : undefined}>
                  <td>
                    {s.candidateName} · {s.jobTitle}
                  </td>
                  <td>{s.contactName}</td>
                  <td>{STAGE_WORDS[s.stage] ?? s.stage}</td>
                  <td>
                    {s.daysWaiting} day{s.daysWaiting === 1 ? '' : 's'}
                  </td>
                  <td>
                    {s.feedbackDueAt ? (
                      <>
                        {s.pastDeadline && <strong>Past the deadline · </strong>}
                        <DueTime at={s.feedbackDueAt} />
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <button type="button" className="secondary" onClick={() => onPlace(s)}>
                      Place {s.candidateName}…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
