import { useState } from 'react';
import { client, messageOf } from './api.ts';
import { ClientInterviewForm, type SubmissionRef } from './DebriefForms.tsx';
import { MoreTimeAnswer, RevokeClientLinks } from './DeskClientLinks.tsx';
import type { Waiting } from './desk-types.ts';
import { DueTime } from './DueTime.tsx';
import { NudgeComposer } from './NudgeComposer.tsx';

/**
 * The desk's submissions waiting on clients, against the deadline each client agreed: record the
 * client's answer, give them more time, withdraw their links, record an interview at the client,
 * or nudge them with news.
 */
export function DeskWaiting({
  waiting,
  nudging,
  onNudge,
  onDone,
  onError,
}: {
  waiting: Waiting[];
  /** The submission whose nudge is being written (from here or from Today). */
  nudging: Waiting | null;
  onNudge: (w: Waiting | null) => void;
  onDone: (message: string) => void;
  onError: (message: string) => void;
}) {
  const [interviewing, setInterviewing] = useState<SubmissionRef | null>(null);
  return (
    <section aria-labelledby="desk-waiting">
      <h2 id="desk-waiting">Waiting on clients</h2>
      <p>
        <a href="/api/v1/exports/submissions.csv" download>
          Export all submissions (CSV)
        </a>
      </p>
      {waiting.length === 0 ? (
        <p className="empty">No submission is waiting on a client.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="desk-waiting">
          <table>
            <thead>
              <tr>
                <th scope="col">Candidate · job</th>
                <th scope="col">Client · contact</th>
                <th scope="col">Waiting</th>
                <th scope="col">Agreed deadline</th>
                <th scope="col">Act</th>
              </tr>
            </thead>
            <tbody>
              {waiting.map((w) => (
                <WaitingRow
                  key={w.submissionId}
                  waiting={w}
                  onNudge={onNudge}
                  onInterview={setInterviewing}
                  onDone={onDone}
                  onError={onError}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {interviewing && (
        <ClientInterviewForm
          key={interviewing.submissionId}
          submission={interviewing}
          onClose={() => setInterviewing(null)}
          onDone={(m) => {
            setInterviewing(null);
            onDone(m);
          }}
        />
      )}
      {nudging && (
        <NudgeComposer
          key={nudging.submissionId}
          waiting={nudging}
          onClose={() => onNudge(null)}
          onSent={() => {
            onNudge(null);
            onDone(`Nudge to ${nudging.contactName} logged, with the next contact.`);
          }}
        />
      )}
    </section>
  );
}

/** One submission waiting on its client, with what the recruiter can record or do about it. */
function WaitingRow({
  waiting,
  onNudge,
  onInterview,
  onDone,
  onError,
}: {
  waiting: Waiting;
  onNudge: (w: Waiting) => void;
  onInterview: (s: SubmissionRef) => void;
  onDone: (message: string) => void;
  onError: (message: string) => void;
}) {
  return (
    <tr className={waiting.pastDeadline ? 'overdue' : undefined}>
      <td>
        {waiting.candidateName} · {waiting.jobTitle}
      </td>
      <td>
        {waiting.clientName} · {waiting.contactName}
      </td>
      <td>
        {waiting.daysWaiting} day{waiting.daysWaiting === 1 ? '' : 's'}
      </td>
      <td>
        {waiting.pastDeadline && <strong>Past the deadline · </strong>}
        <DueTime at={waiting.feedbackDueAt} timeZone={waiting.contactTimeZone} />
      </td>
      <td className="row">
        {waiting.pastDeadline && (
          <button type="button" onClick={() => onNudge(waiting)}>
            Nudge {waiting.contactName}
          </button>
        )}
        <ClientAnswer waiting={waiting} onDone={onDone} onError={onError} />
        <MoreTimeAnswer waiting={waiting} onDone={onDone} />
        <RevokeClientLinks waiting={waiting} onDone={onDone} onError={onError} />
        <button type="button" className="secondary" onClick={() => onInterview(waiting)}>
          Record client interview…
        </button>
      </td>
    </tr>
  );
}

/** The client's answer, recorded from a call: they want an interview, or they declined (why). */
function ClientAnswer({
  waiting,
  onDone,
  onError,
}: {
  waiting: Waiting;
  onDone: (m: string) => void;
  onError: (m: string) => void;
}) {
  const record = (answer: { answer: 'interview' } | { answer: 'decline'; reason: string }) =>
    client
      .POST('/api/v1/submissions/{id}/client-answer', {
        params: { path: { id: waiting.submissionId } },
        body: { channel: 'phone', ...answer },
      })
      .then(() => onDone(`Recorded. Tell ${waiting.candidateName} within one business day.`))
      .catch((err: unknown) => onError(messageOf(err, 'The answer could not be recorded.')));
  return (
    <>
      <button type="button" className="secondary" onClick={() => void record({ answer: 'interview' })}>
        Client wants an interview
      </button>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          const reason = window.prompt(`Why did ${waiting.clientName} decline ${waiting.candidateName}?`);
          if (reason?.trim()) void record({ answer: 'decline', reason: reason.trim() });
        }}
      >
        Client declined…
      </button>
    </>
  );
}
