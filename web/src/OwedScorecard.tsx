import type { FollowUp, Session } from './api.ts';
import { FeedbackForm } from './ApplicationPanels.tsx';
import { DueTime } from './DueTime.tsx';
import { when } from './format.ts';

/**
 * One scorecard owed: the candidate, the job, the interview and its time, how far the due time
 * is; the scorecard form opens in place, the application is a link away.
 */
export function OwedScorecard({
  f,
  member,
  open,
  onToggle,
  onSaved,
}: {
  f: FollowUp;
  member: Session['member'];
  open: boolean;
  onToggle: () => void;
  onSaved: () => void;
}) {
  const interview = f.interview;
  const at = interview?.scheduledAt ?? interview?.endsAt ?? null;
  const label = `${f.candidate.name}, ${f.job.title}`;
  return (
    <article className={`card ${f.overdue ? 'overdue' : ''}`} aria-label={label}>
      <strong>{f.candidate.name}</strong> · {f.job.title}
      {f.escalationLevel > 0 && <span className="badge">Escalated</span>}
      <div className="meta">
        {interview ? `Interview “${interview.title}”` : 'Interview'}
        {at && <> · {when(at, member.timeZone)}</>}
      </div>
      <div className="meta">
        <strong>
          <DueTime at={f.dueAt} timeZone={member.timeZone} words={f.dueWords} />
        </strong>
      </div>
      <div className="row">
        {interview && (
          <button
            type="button"
            aria-expanded={open}
            aria-controls={`sc-${f.id}`}
            onClick={onToggle}
            aria-label={`Fill in the scorecard: ${f.candidate.name}`}
          >
            {open ? 'Hide the scorecard' : 'Fill in the scorecard'}
          </button>
        )}
        <a
          className="button secondary"
          href={`#/applications/${f.applicationId}?next=feedback`}
          aria-label={`Open the application: ${f.candidate.name}`}
        >
          Open the application
        </a>
      </div>
      {interview && open && (
        <div id={`sc-${f.id}`}>
          <FeedbackForm
            interviewId={interview.id}
            title={interview.title}
            memberId={member.id}
            onSaved={onSaved}
          />
        </div>
      )}
    </article>
  );
}
