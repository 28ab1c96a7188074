import { useState } from 'react';
import type { FollowUp, Schema, Session } from './api.ts';
import { DueTime } from './DueTime.tsx';
import { HandOnForm } from './HandOnForm.tsx';

const KIND_WORDS: Record<string, string> = {
  decision_due: 'Decide by',
  outcome: 'Outcome owed to the candidate',
  feedback_due: 'Scorecard',
  update: 'Update owed to the candidate',
  backfill: 'Backfill the final stage',
};

/** One thing waiting: what it is, whose, how far its due time is; decide now, or hand it on. */
export function WaitingCard({
  f,
  session,
  members,
  onReassigned,
}: {
  f: FollowUp;
  session: Session;
  members: Schema<'Member'>[];
  onReassigned: (to: string) => void;
}) {
  const [handing, setHanding] = useState(false);
  const scorecard = f.kind === 'feedback_due' && f.owedTo === 'team';
  const decided = f.kind === 'outcome' && f.decidedNotTold;
  const id = `re-${f.id}`;

  return (
    <article
      className={`card ${f.overdue ? 'overdue' : f.state === 'due_today' ? 'today' : ''}`}
      aria-label={`${f.candidate.name}, ${f.job.title}`}
    >
      <strong>{f.candidate.name}</strong> · {f.job.title}
      {f.escalationLevel > 0 && <span className="badge">Escalated</span>}
      {decided && <span className="badge">Decided, not told</span>}
      <div className="meta">
        {KIND_WORDS[f.kind] ?? f.kind}
        {f.interview && <> · after “{f.interview.title}”</>}
        {f.promiseStatement && <> — promised: “{f.promiseStatement}”</>}
      </div>
      <div className="meta">
        <strong>
          <DueTime at={f.dueAt} timeZone={session.member.timeZone} words={f.dueWords} />
        </strong>{' '}
        · owner {f.ownerId === session.member.id ? 'you' : (f.owner?.name ?? 'nobody')}
      </div>
      <div className="row">
        {scorecard ? (
          <a className="button" href={`#/applications/${f.applicationId}`}>
            Open {f.candidate.name}
          </a>
        ) : (
          <a
            className="button"
            href={`#/applications/${f.applicationId}?next=decide`}
            aria-label={`${decided ? 'Tell the candidate' : 'Decide now'}: ${f.candidate.name}`}
          >
            {decided ? 'Tell the candidate' : 'Decide now'}
          </a>
        )}
        {!scorecard && (
          <button
            type="button"
            className="secondary"
            aria-expanded={handing}
            aria-controls={id}
            onClick={() => setHanding(!handing)}
            aria-label={`Reassign: ${f.candidate.name}`}
          >
            Reassign
          </button>
        )}
      </div>
      {handing && (
        <HandOnForm
          id={id}
          f={f}
          members={members}
          onCancel={() => setHanding(false)}
          onReassigned={(to) => {
            setHanding(false);
            onReassigned(to);
          }}
        />
      )}
    </article>
  );
}
