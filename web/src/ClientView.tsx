import { useCallback, useEffect, useRef, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, messageOf, type Schema } from './api.ts';
import { DueTime } from './DueTime.tsx';
import { PlacementForm } from './PlacementPanel.tsx';

type ClientRecord = Schema<'ClientRecord'>;
type OpenSubmission = ClientRecord['openSubmissions'][number];

const STAGE_WORDS: Record<string, string> = {
  submitted: 'submitted',
  client_reviewing: 'client reviewing',
  interviewing: 'interviewing',
  offered: 'offered',
};

/**
 * One client at a glance: every open submission with its deadline, and how the client answers
 * (median days to feedback, the share answered within the deadline they agreed). A submission
 * with an offer, or in interviews, can be placed from here.
 */
export function ClientView({
  clientId,
  version,
  onClose,
  onChanged,
}: {
  clientId: string;
  /** Bumped by the desk after any change, so the view reloads. */
  version: number;
  onClose: () => void;
  onChanged: (message: string) => void;
}) {
  const [record, setRecord] = useState<ClientRecord | null>(null);
  const [placing, setPlacing] = useState<OpenSubmission | null>(null);
  const [error, setError] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const load = useCallback(async () => {
    try {
      setRecord(
        await dataOf(client.GET('/api/v1/clients/{id}/record', { params: { path: { id: clientId } } })),
      );
    } catch (e) {
      setError(messageOf(e, 'The client could not be loaded.'));
    }
  }, [clientId]);
  useEffect(() => {
    void load();
  }, [load, version]);

  const loaded = record !== null;
  // Keyboard users land on the view they opened.
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded, clientId]);

  if (!record) return <Alerts error={error} />;
  const f = record.feedback;
  return (
    <section aria-labelledby="client-view" className="card">
      <div className="row">
        <h2 id="client-view" ref={heading} tabIndex={-1}>
          {record.client.name}
        </h2>
        <button type="button" className="secondary" onClick={onClose}>
          Close client view
        </button>
      </div>
      <Alerts error={error} />
      <h3>Feedback record</h3>
      <dl className="meta" aria-label="Feedback record">
        <dt>Median days to feedback</dt>
        <dd>
          {f.medianDaysToFeedback === null
            ? 'no answer yet'
            : `${f.medianDaysToFeedback} day${f.medianDaysToFeedback === 1 ? '' : 's'}`}
        </dd>
        <dt>Answered within the agreed deadline</dt>
        <dd>
          {f.shareWithinDeadline === null
            ? 'nothing due yet'
            : `${Math.round(f.shareWithinDeadline * 100)}% (${f.answered} answered, ${f.overdue} unanswered past the deadline)`}
        </dd>
        <dt>Agreed deadline after a submission</dt>
        <dd>{record.client.feedbackDaysAfterSubmission} business day(s)</dd>
      </dl>
      <h3>Open submissions</h3>
      {record.openSubmissions.length === 0 ? (
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
              {record.openSubmissions.map((s) => (
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
                    <button type="button" className="secondary" onClick={() => setPlacing(s)}>
                      Place {s.candidateName}…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {placing && (
        <PlacementForm
          key={placing.submissionId}
          submissionId={placing.submissionId}
          candidateName={placing.candidateName}
          defaultGuaranteeDays={record.client.guaranteeDays}
          onCancel={() => setPlacing(null)}
          onPlaced={(p) => {
            setPlacing(null);
            onChanged(
              `${placing.candidateName} placed; guarantee until ${p.guaranteeEndsOn}, ${p.checkIns.length} check-ins scheduled.`,
            );
          }}
        />
      )}
    </section>
  );
}
