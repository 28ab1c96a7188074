import type { FollowUp } from './api.ts';
import { DueTime } from './DueTime.tsx';
import { nextStepWords } from './FollowUpTruth.tsx';
import { when } from './format.ts';
import { snoozeWords } from './SnoozeForm.tsx';

export const KIND_WORDS: Record<string, string> = {
  outcome: 'Outcome',
  update: 'Update',
  feedback_due: 'Feedback',
  thank_you: 'Thank-you note',
  check_in: 'Reply to a check-in',
  debrief: 'Debrief',
  client_feedback: 'Client feedback',
  client_update: 'Client update',
  backfill: 'Backfill the final stage',
  decision_due: 'Decision (decide-by)',
};

/** The one next step for a follow-up the team owes: a link into the application, or a call to log here. */
export type NextAction = { label: string; next: string; writes: boolean } | { label: 'Log call'; call: true };

/** What a member in `role` does next on a follow-up, or null when it is not theirs to act on here. */
export function nextActionOf(f: FollowUp, hasDraft: boolean, role: string): NextAction | null {
  if (f.owedBy !== 'team') return null;
  if (hasDraft && (f.kind === 'outcome' || f.kind === 'update'))
    return { label: 'Open draft', next: 'draft', writes: true };
  switch (f.kind) {
    case 'outcome':
      return role === 'interviewer' ? null : { label: 'Decide', next: 'decide', writes: true };
    case 'update':
      return role === 'interviewer' ? null : { label: 'Send update', next: 'update', writes: true };
    case 'feedback_due':
      // Owed to the candidate, it is their request for feedback: answered by a contact that reaches
      // them. Owed inside the team, it is a scorecard.
      if (f.owedTo === 'candidate')
        return role === 'interviewer'
          ? null
          : { label: 'Answer feedback request', next: 'answer-feedback', writes: true };
      return { label: 'Give feedback', next: 'feedback', writes: true };
    case 'decision_due':
      // The hiring manager's decision, owed inside the team before the candidate's promise.
      return role === 'interviewer' ? null : { label: 'Decide', next: 'decide', writes: true };
    case 'backfill':
      // Owed inside the team, not a contact: the card opens the finalist who left; no call to log.
      return null;
    case 'check_in':
    case 'debrief':
      return role === 'interviewer' ? null : { label: 'Log call', call: true };
    case 'thank_you':
    case 'client_feedback':
    case 'client_update':
    case 'reply':
    case 'reach_another_way':
    case 'stay_in_touch':
    case 'placement_check_in':
      return role === 'interviewer' ? null : { label: 'Log a call', next: 'call', writes: false };
  }
}

/** The kind in words, a scorecard named as such. */
function kindWords(f: FollowUp): string {
  if (f.kind === 'feedback_due' && f.owedTo === 'team') return 'Scorecard';
  return KIND_WORDS[f.kind] ?? f.kind;
}

/**
 * One follow-up as one dense line of the queue: who and which job, what is owed, how far the due
 * time is (absolute on hover), its owner, and the next step with the due time in the member's
 * and the candidate's zone. The line is cut to fit; the whole of it is on hover and is the row's
 * text for assistive technology; the application's screen (o) has it all laid out.
 */
export function QueueRow({
  f,
  tone,
  action,
  current,
  selected,
  memberTimeZone,
  role,
  onSelect,
  onFocus,
  onLogCall,
}: {
  f: FollowUp;
  tone: string;
  action: NextAction | null;
  current: boolean;
  selected: boolean;
  memberTimeZone: string | null;
  role: string;
  onSelect: (on: boolean) => void;
  onFocus: () => void;
  onLogCall: () => void;
}) {
  const mine = when(f.dueAt, memberTimeZone);
  const theirs = when(f.dueAt, f.candidateTimeZone);
  const snoozed = snoozeWords(f, memberTimeZone);
  const detail =
    (snoozed ? `${snoozed} · ` : '') +
    `Next: ${nextStepWords(f, memberTimeZone)} Due ${mine} (your time)` +
    (theirs !== mine ? ` · ${theirs} (candidate’s time)` : '') +
    (f.promisedDueAt ? ` · the candidate was promised ${when(f.promisedDueAt, f.candidateTimeZone)}` : '');
  return (
    <article
      className={`qrow ${tone}${current ? ' current' : ''}`}
      aria-label={`${f.candidate.name}, ${f.job.title}`}
      aria-current={current ? 'true' : undefined}
      tabIndex={current ? 0 : -1}
      data-follow-up={f.id}
      onFocus={onFocus}
    >
      <input
        type="checkbox"
        checked={selected}
        onChange={(e) => onSelect(e.target.checked)}
        aria-label={`Select ${f.candidate.name}`}
      />
      <span className="qwho">
        <strong>{f.candidate.name}</strong> · {f.job.title}
      </span>
      <span className="qkind">
        {kindWords(f)}
        {f.owedBy !== 'team' && ` (owed by the ${f.owedBy})`}
        {f.escalationLevel > 0 && <span className="badge">Escalated</span>}
        {f.decidedNotTold && <span className="badge">Decided, not told</span>}
        {snoozed && <span className="badge">Snoozed</span>}
      </span>
      <span className="qdue">
        <strong>
          {f.dueWords ? <DueTime at={f.dueAt} timeZone={memberTimeZone} words={f.dueWords} /> : f.state}
        </strong>{' '}
        · owner {f.owner?.name ?? 'nobody'}
      </span>
      <span className="qnext" title={detail}>
        {snoozed && <>{snoozed} · </>}
        Next: {nextStepWords(f, memberTimeZone)} Due {mine} (your time)
        {theirs !== mine && <> · {theirs} (candidate’s time)</>}
        {f.promisedDueAt && <> · the candidate was promised {when(f.promisedDueAt, f.candidateTimeZone)}</>}
        {f.promiseStatement && <> · promised: “{f.promiseStatement}”</>}
      </span>
      <QueueRowActions f={f} action={action} role={role} onLogCall={onLogCall} />
    </article>
  );
}

/** The row's buttons: its next step (a link, or logging a call here), a call to log, and Open. */
function QueueRowActions({
  f,
  action,
  role,
  onLogCall,
}: {
  f: FollowUp;
  action: NextAction | null;
  role: string;
  onLogCall: () => void;
}) {
  const href = `#/applications/${f.applicationId}`;
  return (
    <span className="qactions">
      {action &&
        ('call' in action ? (
          <button onClick={onLogCall} aria-label={`Log call (reached) with ${f.candidate.name}`}>
            Log call (reached)
          </button>
        ) : (
          <a
            className="button"
            href={`${href}?next=${action.next}`}
            aria-label={`${action.label}: ${f.candidate.name}`}
          >
            {action.label}
          </a>
        ))}
      {f.owedTo !== 'team' && action && !('call' in action) && action.writes && role !== 'interviewer' && (
        // An outcome call must say what was told: it is logged on the application, not in one click.
        <a
          className="button secondary"
          href={`${href}?next=call`}
          aria-label={`Log a call with ${f.candidate.name}`}
        >
          Log a call
        </a>
      )}
      <a className="button secondary" href={href} aria-label={`Open ${f.candidate.name}`}>
        Open
      </a>
    </span>
  );
}
