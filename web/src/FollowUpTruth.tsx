import type { FollowUp } from './api.ts';
import { DueTime } from './DueTime.tsx';
import { when } from './format.ts';

const STEP_WORDS: Record<string, string> = {
  reminder: 'Reminder to',
  update: 'Update with a new date to',
  escalation: 'Escalates to',
};
const ROLE_WORDS: Record<string, string> = {
  owner: 'the owner',
  candidate: 'the candidate',
  hiring_manager: 'the hiring manager',
  recruiter: 'the recruiter',
  admins: 'the admins',
};

/** The next step as a sentence: "Reminder to Dana Reyes Tue 1 Dec, 09:00 EST". */
export function nextStepWords(f: FollowUp, timeZone: string | null): string {
  if (!f.nextStep) return 'Nothing more happens on its own.';
  const who = f.nextStep.to || `${ROLE_WORDS[f.nextStep.toRole] ?? f.nextStep.toRole} (nobody active)`;
  return `${STEP_WORDS[f.nextStep.action] ?? f.nextStep.action} ${who} ${when(f.nextStep.at, timeZone)}.`;
}

/**
 * What a follow-up's row states (issue 13): who owns it, how far the due time is (worded by the
 * server's clock, never the browser's), the due time in the member's zone and the candidate's,
 * what happens next on its own, and whether the team decided without telling the candidate yet.
 */
export function FollowUpTruth({ f, memberTimeZone }: { f: FollowUp; memberTimeZone: string | null }) {
  const mine = when(f.dueAt, memberTimeZone);
  const theirs = when(f.dueAt, f.candidateTimeZone);
  return (
    <>
      <div className="meta">
        {f.decidedNotTold && <span className="badge">Decided, not told</span>}{' '}
        <strong>
          {f.dueWords ? <DueTime at={f.dueAt} timeZone={memberTimeZone} words={f.dueWords} /> : f.state}
        </strong>{' '}
        · owner {f.owner?.name ?? 'nobody'}
      </div>
      <div className="meta">
        Due {mine} (your time)
        {theirs !== mine && <> · {theirs} (candidate’s time)</>}
        {f.promisedDueAt && <> · the candidate was promised {when(f.promisedDueAt, f.candidateTimeZone)}</>}
      </div>
      <div className="meta">Next: {nextStepWords(f, memberTimeZone)}</div>
    </>
  );
}
