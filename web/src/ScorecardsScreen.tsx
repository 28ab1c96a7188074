import { useCallback, useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { api, messageOf, type FollowUp, type Page, type Session } from './api.ts';
import { FeedbackForm } from './ApplicationPanels.tsx';
import { DueTime } from './DueTime.tsx';
import { when } from './format.ts';

/**
 * An interviewer's home (issue 17): the scorecards they owe, soonest due first, each with the
 * candidate, the job, the interview and how far its due time is — and the scorecard form itself,
 * one click away. A saved scorecard leaves the list.
 */
export function ScorecardsScreen({ session }: { session: Session }) {
  const me = session.member;
  const [items, setItems] = useState<FollowUp[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    try {
      const page = await api<Page<FollowUp>>(
        'GET',
        `/follow-ups?status=open&ownerId=${me.id}&kind=feedback_due&limit=200`,
      );
      // Owed to the team it is a scorecard; owed to a candidate it is their request for feedback.
      setItems(page.items.filter((f) => f.owedTo === 'team'));
    } catch (e) {
      setError(messageOf(e, 'Could not load your scorecards.'));
    }
  }, [me.id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (items === null) return error ? <Alerts error={error} /> : <p role="status">Loading your scorecards…</p>;
  return (
    <>
      <h1>Scorecards I owe</h1>
      <p className="meta">
        Your judgement of each interview you gave, while it is fresh: the decision, and the promise made to
        the candidate, wait on it.
      </p>
      <Alerts error={error} notice={notice} />
      {items.length === 0 && <p className="empty">You owe no scorecards.</p>}
      {items.map((f) => {
        const interview = f.interview;
        const at = interview?.scheduledAt ?? interview?.endsAt ?? null;
        const label = `${f.candidate.name}, ${f.job.title}`;
        return (
          <article key={f.id} className={`card ${f.overdue ? 'overdue' : ''}`} aria-label={label}>
            <strong>{f.candidate.name}</strong> · {f.job.title}
            {f.escalationLevel > 0 && <span className="badge">Escalated</span>}
            <div className="meta">
              {interview ? `Interview “${interview.title}”` : 'Interview'}
              {at && <> · {when(at, me.timeZone)}</>}
            </div>
            <div className="meta">
              <strong>
                <DueTime at={f.dueAt} timeZone={me.timeZone} words={f.dueWords} />
              </strong>
            </div>
            <div className="row">
              {interview && (
                <button
                  type="button"
                  aria-expanded={open === f.id}
                  aria-controls={`sc-${f.id}`}
                  onClick={() => setOpen(open === f.id ? null : f.id)}
                  aria-label={`Fill in the scorecard: ${f.candidate.name}`}
                >
                  {open === f.id ? 'Hide the scorecard' : 'Fill in the scorecard'}
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
            {interview && open === f.id && (
              <div id={`sc-${f.id}`}>
                <FeedbackForm
                  interviewId={interview.id}
                  title={interview.title}
                  memberId={me.id}
                  onSaved={() => {
                    setOpen(null);
                    setNotice(`Scorecard for ${f.candidate.name} saved: it is off your list.`);
                    void load();
                  }}
                />
              </div>
            )}
          </article>
        );
      })}
    </>
  );
}
