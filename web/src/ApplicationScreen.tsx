import { useEffect, useState } from 'react';
import { ApplicationTimeline, StillOwed } from './ApplicationTimeline.tsx';
import type { Session } from './api.ts';
import { Signals } from './CandidateSignals.tsx';
import { CloseInterview } from './CloseInterview.tsx';
import { Composer } from './Composer.tsx';
import { FeedbackForm } from './FeedbackForm.tsx';
import { InterviewsPanel } from './InterviewsPanel.tsx';
import { LogContact } from './LogContact.tsx';
import { homeOf, SCREENS } from './nav.ts';
import { PoolInvitationPanel } from './PoolInvitationPanel.tsx';
import { StageForm } from './StageForm.tsx';
import { useApplication } from './use-application.ts';

/** One application: its timeline, what is still owed, and the interviews to close. */
export function ApplicationScreen({
  applicationId,
  session,
  next,
}: {
  applicationId: string;
  session: Session;
  /** The action the follow-up queue sent the member here for: the composer is brought into view. */
  next?: string | undefined;
}) {
  const { timeline, interviews, owed, error, load } = useApplication(applicationId);
  const [closedNote, setClosedNote] = useState('');
  const loaded = timeline !== null;
  useEffect(() => {
    if (!loaded || !next) return;
    const target = document.getElementById(
      next === 'feedback'
        ? 'h-feedback'
        : next === 'call' || next === 'answer-feedback'
          ? 'h-log'
          : 'h-compose',
    );
    target?.scrollIntoView({ block: 'start' });
    target?.focus();
  }, [loaded, next]);

  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!timeline) return <p role="status">Loading…</p>;
  const open = interviews.filter((i) => !i.closedAt && !i.cancelledAt);
  const may = (p: (typeof session.permissions)[number]) => session.permissions.includes(p);
  return (
    <>
      <p>
        <a href="#/">← {SCREENS.find((x) => x.path === homeOf(session.member.role))?.label ?? 'Home'}</a>
      </p>
      <h1>
        {timeline.candidate.name} · {timeline.job.title}
      </h1>
      <p className="meta">
        Status: {timeline.application.status} · Stage: {timeline.application.stage}
      </p>
      <StillOwed followUps={timeline.openFollowUps} views={owed} memberTimeZone={session.member.timeZone} />
      {session.member.role !== 'interviewer' &&
        !['withdrawn', 'hired'].includes(timeline.application.status) && (
          <>
            <h2 id="h-compose" tabIndex={-1}>
              Decide
            </h2>
            <Composer
              applicationId={applicationId}
              candidateTimeZone={timeline.candidate.timeZone}
              initialOutcome={next === 'update' ? 'hold' : undefined}
              onChange={() => void load()}
            />
          </>
        )}
      <Signals events={timeline.events} roleKind={timeline.job.roleKind} />
      {session.member.role !== 'interviewer' && (
        <LogContact
          applicationId={applicationId}
          candidateName={timeline.candidate.name}
          candidateTimeZone={timeline.candidate.timeZone}
          initialKind={next === 'answer-feedback' ? 'feedback_due' : undefined}
          onLogged={() => void load()}
        />
      )}
      {session.member.role !== 'interviewer' && (
        <PoolInvitationPanel
          applicationId={applicationId}
          candidateId={timeline.application.candidateId}
          candidateName={timeline.candidate.name}
          eligible={
            timeline.application.status === 'rejected' ||
            timeline.job.status === 'closed' ||
            timeline.job.status === 'filled'
          }
        />
      )}
      {may('applications:write') && <StageForm applicationId={applicationId} onMoved={() => void load()} />}
      {may('interviews:write') && (
        <InterviewsPanel
          applicationId={applicationId}
          interviews={interviews}
          candidateTimeZone={timeline.candidate.timeZone}
          onChanged={() => void load()}
        />
      )}
      {interviews.some((i) => i.interviewerIds.includes(session.member.id)) && (
        <h2 id="h-feedback" tabIndex={-1}>
          Feedback
        </h2>
      )}
      {interviews
        .filter((i) => i.interviewerIds.includes(session.member.id))
        .map((i) => (
          <FeedbackForm
            key={i.id}
            interviewId={i.id}
            title={i.title}
            memberId={session.member.id}
            onSaved={() => void load()}
          />
        ))}
      {open.length > 0 && <h2>Close an interview</h2>}
      {open.map((i) => (
        <CloseInterview
          key={i.id}
          interview={i}
          onClosed={(summary) => {
            setClosedNote(`Interview closed. ${summary}`);
            void load();
          }}
        />
      ))}
      {closedNote && (
        <p role="status" className="written-promise">
          {closedNote}
        </p>
      )}
      <ApplicationTimeline events={timeline.events} />
    </>
  );
}
