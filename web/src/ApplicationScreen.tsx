import { InterviewsToClose, MyScorecards } from './ApplicationInterviews.tsx';
import { ApplicationTimeline, StillOwed } from './ApplicationTimeline.tsx';
import type { Session } from './api.ts';
import { Signals } from './CandidateSignals.tsx';
import { Composer } from './Composer.tsx';
import { InterviewsPanel } from './InterviewsPanel.tsx';
import { LogContact } from './LogContact.tsx';
import { homeOf, SCREENS } from './nav.ts';
import { PoolInvitationPanel } from './PoolInvitationPanel.tsx';
import { StageForm } from './StageForm.tsx';
import { useApplication, useFocusNext } from './use-application.ts';

interface ApplicationScreenProps {
  applicationId: string;
  session: Session;
  /** The action the follow-up queue sent the member here for: the composer is brought into view. */
  next?: string | undefined;
}

/** One application: its timeline, what is still owed, and the interviews to close. */
export function ApplicationScreen({ applicationId, session, next }: ApplicationScreenProps) {
  const { timeline, interviews, owed, error, load } = useApplication(applicationId);
  useFocusNext(timeline !== null, next);

  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!timeline) return <p role="status">Loading…</p>;
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
      <MyScorecards interviews={interviews} memberId={session.member.id} onSaved={() => void load()} />
      <InterviewsToClose interviews={interviews} onClosed={() => void load()} />
      <ApplicationTimeline events={timeline.events} />
    </>
  );
}
