import { useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, messageOf, type Answer } from './api.ts';

/** The part of a waiting submission these controls need. */
interface WaitingSubmission {
  submissionId: string;
  candidateName: string;
  clientName: string;
  contactName: string;
}

/**
 * "The client needs more time", recorded from the desk with the date they will answer by (the
 * client's new deadline). A refused date keeps what was typed, with the reason beside it.
 */
export function MoreTimeAnswer({
  waiting,
  onDone,
}: {
  waiting: WaitingSubmission;
  onDone: (m: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [until, setUntil] = useState('');
  const [summary, setSummary] = useState('');
  const [failed, setFailed] = useState('');
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Client needs more time…
      </button>
    );
  }
  return (
    <form
      aria-label={`More time for ${waiting.clientName}`}
      onSubmit={(e) => {
        e.preventDefault();
        setFailed('');
        void client
          .POST('/api/v1/submissions/{id}/client-answer', {
            params: { path: { id: waiting.submissionId } },
            body: {
              answer: 'more_time',
              until,
              channel: 'phone',
              ...(summary.trim() && { summary: summary.trim() }),
            },
          })
          .then(() => {
            setOpen(false);
            setUntil('');
            setSummary('');
            onDone(
              `Recorded: ${waiting.clientName} answers by ${until}. Tell ${waiting.candidateName} within one business day.`,
            );
          })
          .catch((err: unknown) => setFailed(messageOf(err, 'The new date could not be recorded.')));
      }}
    >
      <label>
        {waiting.contactName} will answer by{' '}
        <input type="date" value={until} onChange={(e) => setUntil(e.target.value)} required />
      </label>
      <label>
        Note (optional) <input value={summary} onChange={(e) => setSummary(e.target.value)} />
      </label>
      <button type="submit">Record more time</button>
      <button type="button" className="secondary" onClick={() => setOpen(false)}>
        Cancel
      </button>
      <Alerts error={failed} />
    </form>
  );
}

/**
 * Withdraw the client's answer links of a submission (a wrong address, a contact who left). It
 * cannot be undone, so it asks first; the client then sees "withdrawn" and replies by email.
 */
export function RevokeClientLinks({
  waiting,
  onDone,
  onError,
}: {
  waiting: WaitingSubmission;
  onDone: (m: string) => void;
  onError: (m: string) => void;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="secondary" onClick={() => setAsking(true)}>
        Withdraw client links…
      </button>
    );
  }
  return (
    <span role="group" aria-label={`Withdraw the answer links sent to ${waiting.contactName}`}>
      Withdraw the answer links sent to {waiting.contactName}? They stop working for good.{' '}
      <button
        type="button"
        className="danger"
        onClick={() =>
          void dataOf(
            client.POST('/api/v1/submissions/{id}/client-links/revoke', {
              params: { path: { id: waiting.submissionId } },
            }),
          )
            .then((r) => {
              setAsking(false);
              onDone(
                r.revoked === 0
                  ? 'No unused answer link was left to withdraw.'
                  : `Withdrew ${r.revoked} answer link${r.revoked === 1 ? '' : 's'} sent to ${waiting.contactName}.`,
              );
            })
            .catch((err: unknown) => onError(messageOf(err, 'The links could not be withdrawn.')))
        }
      >
        Withdraw
      </button>{' '}
      <button type="button" className="secondary" onClick={() => setAsking(false)}>
        Keep them
      </button>
    </span>
  );
}

/** What submitting answers (the desk shows the earlier submissions, outside the window). */
export type SubmissionCreated = Answer<'/api/v1/submissions', 'post'>;

/** The earlier submissions of a new one, as history (empty when there were none). */
export function historyOf(created: SubmissionCreated): string {
  if (created.earlierSubmissions.length === 0) return '';
  const list = created.earlierSubmissions
    .map(
      (e) =>
        `${e.submittedAt.slice(0, 10)} by ${e.recruiterName} (${e.jobTitle}, ${e.stage.replace('_', ' ')})`,
    )
    .join('; ');
  return ` Earlier submissions to this client, outside its ownership window: ${list}.`;
}
