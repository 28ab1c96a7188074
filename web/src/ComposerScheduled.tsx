import { Alerts } from './Alerts.tsx';
import type { Schema } from './api.ts';
import { when } from './format.ts';

/** Why a message goes at its time, as the API says it (`scheduledBecause`), in words. */
const SCHEDULED_BECAUSE: Record<NonNullable<Schema<'Message'>['scheduledBecause']>, string> = {
  immediately: 'as soon as it can',
  undo_window: 'after the undo window',
  send_delay: 'after the wait your policy sets after a decision',
  phone_first_wait: 'after a business day for your call: final-stage candidates hear by phone first',
  requested_time: 'at the time you chose',
  candidate_business_hours: 'in the candidate’s business hours',
  team_business_hours: 'in the team’s business hours',
  retry_backoff: 'on a retry after a failed delivery',
};

/** A message sent (scheduled): when it goes and why then, the call script when a call comes first, and undo. */
export function ComposerScheduled({
  sent,
  script,
  candidateTimeZone,
  error,
  onUndo,
}: {
  sent: Schema<'Message'>;
  script: string[] | null;
  candidateTimeZone: string | null;
  error: string;
  onUndo: () => void;
}) {
  return (
    <section className="card" aria-labelledby="h-sent">
      <h3 id="h-sent" style={{ margin: 0 }}>
        Scheduled
      </h3>
      <p role="status">
        “{sent.subject}” goes out {sent.scheduledFor ? when(sent.scheduledFor) : 'soon'}
        {sent.scheduledFor && candidateTimeZone && (
          <> ({when(sent.scheduledFor, candidateTimeZone)} for the candidate)</>
        )}
        {sent.scheduledBecause && SCHEDULED_BECAUSE[sent.scheduledBecause]
          ? `: ${SCHEDULED_BECAUSE[sent.scheduledBecause]}.`
          : '.'}
      </p>
      {script && (
        <>
          <h4>Call first — the written note follows a business day later, after your call</h4>
          <ol>
            {script.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ol>
        </>
      )}
      <button className="secondary" onClick={onUndo}>
        Undo
      </button>
      <Alerts error={error} />
    </section>
  );
}
