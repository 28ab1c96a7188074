import { Alerts } from './Alerts.tsx';
import { EVENT_WORDS } from './event-words.ts';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, messageOf, type FollowUp, type Page, type Session } from './api.ts';
import { FeedbackForm, LogContact, PoolInvitationPanel, Signals } from './ApplicationPanels.tsx';
import { Composer } from './Composer.tsx';
import { DueTime } from './DueTime.tsx';
import { homeOf, SCREENS } from './nav.ts';
import { FollowUpTruth } from './FollowUpTruth.tsx';
import type { ScheduledInterview } from './InterviewForm.tsx';
import { InterviewsPanel } from './InterviewsPanel.tsx';
import { StageForm } from './StageForm.tsx';
import { when } from './format.ts';

interface Interview extends ScheduledInterview {
  promise: { statement: string; dueAt: string; warnings: string[] } | null;
}
interface TimelineEvent {
  type: string;
  at: string;
  [key: string]: unknown;
}
interface Timeline {
  application: { id: string; status: string; stage: string; candidateId: string };
  candidate: { name: string; email: string | null; timeZone: string | null };
  job: { title: string; roleKind: string; status: string };
  events: TimelineEvent[];
  openFollowUps: { id: string; kind: string; owedTo: string; dueAt: string }[];
}
interface Preview {
  dueAt: string;
  dueDate: string;
  timeZone: string;
  resolution: string;
  warnings: string[];
  advice: string[];
  candidate: { timeZone: string; dueAt: string } | null;
  team: { timeZone: string; dueAt: string };
  owner: { id: string; name: string } | null;
  writtenPromise: WrittenPromise;
}
/** What closing does (or did) about the note to the candidate: queued, or why not. */
interface WrittenPromise {
  status: 'scheduled' | 'off' | 'no_email' | 'not_sent';
  sendAt: string | null;
  reason: string | null;
  summary: string;
}
/** The timeline's entry for the note sent after an interview. */
interface WrittenPromiseEntry {
  status: string;
  sendAt: string | null;
  reason: string | null;
}

const WARNING_WORDS: Record<string, string> = {
  vague: 'Vague',
  silent_rejection: 'Silence as a rejection',
  past_date: 'A date in the past',
  far_future: 'Very far away',
};

/** What is still owed, in words. */
const OWED_WORDS: Record<string, string> = {
  outcome: 'The outcome',
  update: 'An update',
  feedback_due: 'Feedback',
  check_in: 'An answer to their check-in',
  reply: 'An answer to their reply',
  decision_due: 'The decision (decide-by)',
  backfill: 'A backfill for the final stage',
};

/** A submitted scorecard as the timeline carries it (drafts never appear there). */
interface SubmittedFeedbackEntry {
  recommendation: string;
  notes: string;
  version: number;
}

const RECOMMENDATION_WORDS: Record<string, string> = {
  strong_yes: 'Strong yes',
  yes: 'Yes',
  no: 'No',
  strong_no: 'Strong no',
};

/** One line for a submitted scorecard: the recommendation, the version when edited, the notes. */
function feedbackWords(f: SubmittedFeedbackEntry): string {
  const head = `${RECOMMENDATION_WORDS[f.recommendation] ?? f.recommendation}${f.version > 1 ? ` (version ${f.version})` : ''}`;
  return f.notes ? `${head}: ${f.notes}` : head;
}

/** Where the note with the promise stands, in words (the timeline's detail). */
function writtenPromiseWords(w: WrittenPromiseEntry): string {
  switch (w.status) {
    case 'scheduled':
      return `scheduled for ${w.sendAt ? when(w.sendAt) : 'later'}`;
    case 'sending':
      return 'being sent';
    case 'sent':
      return 'sent';
    case 'draft':
      return 'back to a draft (undone)';
    case 'cancelled':
      return 'cancelled';
    case 'failed':
      return 'not delivered';
    case 'off':
      return `not sent: this job does not send one (${w.reason ?? 'no reason recorded'})`;
    case 'no_email':
      return 'not sent: no email address';
    default:
      return w.status;
  }
}

/** Close an interview: type what was said, see the promise it makes, as you type. */
function CloseInterview({
  interview,
  onClosed,
}: {
  interview: Interview;
  /** Called with what happened to the written promise, in words. */
  onClosed: (summary: string) => void;
}) {
  const [statement, setStatement] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => {
      api<Preview>('POST', `/interviews/${interview.id}/promise-preview`, { statement }).then(
        (p) => {
          setPreview(p);
          setPreviewError('');
        },
        (e: unknown) => setPreviewError(messageOf(e, 'The preview is unavailable.')),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [statement, interview.id]);

  async function close() {
    setError('');
    setBusy(true);
    try {
      const closed = await api<{ writtenPromise: WrittenPromise }>(
        'POST',
        `/interviews/${interview.id}/close`,
        { statement },
      );
      onClosed(closed.writtenPromise.summary);
    } catch (e) {
      setError(messageOf(e, 'Could not close the interview.')); // the statement stays as typed
    } finally {
      setBusy(false);
    }
  }

  const id = `statement-${interview.id}`;
  return (
    <form
      className="card"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void close();
      }}
    >
      <h3 id={`${id}-h`} style={{ margin: 0 }}>
        Close “{interview.title}”
      </h3>
      <label htmlFor={id}>What did you tell the candidate about next steps?</label>
      <textarea
        id={id}
        value={statement}
        onChange={(e) => setStatement(e.target.value)}
        placeholder="We'll get back to you within three business days."
      />
      <div aria-live="polite" className="promise-preview">
        {preview && (
          <>
            <p className="meta">
              Due <strong>{when(preview.team.dueAt, preview.team.timeZone)}</strong> for the team (
              {preview.team.timeZone}){preview.resolution === 'policy_default' && ' — the policy default'}
            </p>
            <p className="meta">
              {preview.candidate ? (
                <>
                  For the candidate:{' '}
                  <strong>{when(preview.candidate.dueAt, preview.candidate.timeZone)}</strong> (
                  {preview.candidate.timeZone})
                </>
              ) : (
                'The candidate’s time zone is not on record.'
              )}
            </p>
            <p className="meta">
              {preview.owner ? (
                <>
                  Owner: <strong>{preview.owner.name}</strong> holds this follow-up.
                </>
              ) : (
                'Nobody owns it yet: the job has neither a recruiter nor a hiring manager.'
              )}
            </p>
            <p className="meta written-promise">{preview.writtenPromise.summary}</p>
            {preview.warnings.map((w, n) => (
              <p key={w} className="warning">
                <strong>{WARNING_WORDS[w] ?? w}:</strong> {preview.advice[n]}
              </p>
            ))}
          </>
        )}
        {previewError && <p className="meta">{previewError}</p>}
      </div>
      <Alerts error={error} />
      <button type="submit" disabled={busy}>
        Close the interview
      </button>
    </form>
  );
}

/**
 * The timeline, or — for interviewers, who may not read decisions — what they may see: the
 * application, its candidate and job, and what is owed on it.
 */
async function loadTimeline(applicationId: string): Promise<Timeline> {
  try {
    return await api<Timeline>('GET', `/applications/${applicationId}/timeline`);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 403) throw e;
    const application = await api<Timeline['application'] & { jobId: string }>(
      'GET',
      `/applications/${applicationId}`,
    );
    const [candidate, job, owed] = await Promise.all([
      api<Timeline['candidate']>('GET', `/candidates/${application.candidateId}`),
      api<Timeline['job']>('GET', `/jobs/${application.jobId}`),
      api<{ items: Timeline['openFollowUps'] }>(
        'GET',
        `/follow-ups?status=open&applicationId=${applicationId}`,
      ),
    ]);
    return { application, candidate, job, events: [], openFollowUps: owed.items };
  }
}

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
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [interviews, setInterviews] = useState<Interview[]>([]);
  const [owed, setOwed] = useState<FollowUp[] | null>(null);
  const [error, setError] = useState('');
  const [closedNote, setClosedNote] = useState('');
  const load = useCallback(async () => {
    try {
      setTimeline(await loadTimeline(applicationId));
      setInterviews(
        (await api<{ items: Interview[] }>('GET', `/applications/${applicationId}/interviews?limit=200`))
          .items,
      );
      // The same view of each open follow-up as the queue's: owner, due in words, next step.
      setOwed(
        (await api<Page<FollowUp>>('GET', `/follow-ups?status=open&applicationId=${applicationId}&limit=200`))
          .items,
      );
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not load the application.');
    }
  }, [applicationId]);
  useEffect(() => {
    void load();
  }, [load]);
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
      <h2>Still owed</h2>
      {timeline.openFollowUps.length === 0 ? (
        <p className="empty">Nothing is owed.</p>
      ) : (
        <ul>
          {timeline.openFollowUps.map((f) => {
            // The queue's view of it (owner, due in words, next step), once loaded.
            const view = owed?.find((v) => v.id === f.id);
            return (
              <li key={f.id}>
                {f.kind === 'feedback_due' && f.owedTo === 'team'
                  ? 'A scorecard'
                  : (OWED_WORDS[f.kind] ?? f.kind)}
                {view ? (
                  <FollowUpTruth f={view} memberTimeZone={session.member.timeZone} />
                ) : (
                  <>
                    {' '}
                    <DueTime at={f.dueAt} timeZone={session.member.timeZone} />
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
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
      <h2>Timeline</h2>
      <ol className="timeline">
        {timeline.events.map((e, n) => (
          <li key={n}>
            <strong>{EVENT_WORDS[e.type] ?? e.type}</strong> <span className="meta">{when(e.at)}</span>
            {e.type === 'feedback_submitted' && !!e.feedback && (
              <span className="meta"> — {feedbackWords(e.feedback as SubmittedFeedbackEntry)}</span>
            )}
            {e.type === 'written_promise' && (
              <span className="meta"> — {writtenPromiseWords(e.writtenPromise as WrittenPromiseEntry)}</span>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
