import type { FollowUp } from './model.ts';

/** The longest a follow-up may be snoozed: past that it is not waiting, it is abandoned. */
export const MAX_SNOOZE_DAYS = 60;
const DAY = 86_400_000;

/** Why a snooze is refused, with what the caller needs to say so. */
export type SnoozeRefusal =
  | { reason: 'not_open'; status: FollowUp['status'] }
  | { reason: 'not_future' }
  | { reason: 'too_long'; latest: Date }
  | { reason: 'past_promise'; promisedAt: Date };

/** The candidate's promised time, when this follow-up is a contact owed to a candidate by our side. */
export function promiseToCandidate(
  fu: Pick<FollowUp, 'owedBy' | 'owedTo' | 'dueAt' | 'promisedDueAt'>,
): Date | null {
  if (fu.owedTo !== 'candidate' || (fu.owedBy !== 'team' && fu.owedBy !== 'recruiter')) return null;
  return fu.promisedDueAt ?? fu.dueAt;
}

/**
 * Whether a follow-up may be snoozed until `until` at `now`: it must be open, the snooze must end
 * in the future and within {@link MAX_SNOOZE_DAYS}, and — the candidate-facing rule — a contact
 * owed to a candidate may not be snoozed past what they were promised: the sweep would otherwise
 * stay silent while the promise lapsed (no reminder to the owner, no honest "still deciding"
 * update to the candidate). Snoozing up to the promise only quiets the reminders before it. Null
 * when allowed.
 */
export function checkSnooze(
  fu: Pick<FollowUp, 'status' | 'owedBy' | 'owedTo' | 'dueAt' | 'promisedDueAt'>,
  until: Date,
  now: Date,
): SnoozeRefusal | null {
  if (fu.status !== 'open') return { reason: 'not_open', status: fu.status };
  if (until.getTime() <= now.getTime()) return { reason: 'not_future' };
  const latest = new Date(now.getTime() + MAX_SNOOZE_DAYS * DAY);
  if (until.getTime() > latest.getTime()) return { reason: 'too_long', latest };
  const promisedAt = promiseToCandidate(fu);
  if (promisedAt && until.getTime() > promisedAt.getTime()) return { reason: 'past_promise', promisedAt };
  return null;
}

/** Whether the follow-up's reminders are held at `now` (the sweep's rule, in words for views). */
export function isSnoozed(fu: Pick<FollowUp, 'snoozedUntil'>, now: Date): boolean {
  return fu.snoozedUntil !== null && fu.snoozedUntil.getTime() > now.getTime();
}
