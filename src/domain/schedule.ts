/**
 * Why a message goes out when it does. Every scheduled time the API shows comes with its reason:
 * a message held 90 minutes without a word reads as a bug, one held "for the candidate's business
 * hours" reads as care.
 *
 * Pure: no I/O, no clock.
 */

export const SCHEDULE_REASONS = [
  /** Nothing held it back. */
  'immediately',
  /** The undo window after pressing send (policy `undoWindowMinutes`). */
  'undo_window',
  /** The wait after the decision (policy `sendDelayMinutes`). */
  'send_delay',
  /** Final-stage candidates hear by phone first (policy `phoneFirstBusinessDays`). */
  'phone_first_wait',
  /** The sender asked for this time (`sendAt`). */
  'requested_time',
  /** Moved into the candidate's business hours (their zone, else the organization's). */
  'candidate_business_hours',
  /** Moved into the team's business hours (a notice to a member). */
  'team_business_hours',
  /** A delivery attempt failed; this is the next one (exponential backoff). */
  'retry_backoff',
] as const;
export type ScheduleReason = (typeof SCHEDULE_REASONS)[number];

/** A time a message may not go before, and why. */
export interface SendConstraint {
  at: Date;
  because: ScheduleReason;
}

/**
 * When a message goes and why: the latest of its constraints (on a tie, the first listed wins, so
 * list the most telling first), then `place`d into business hours — which becomes the reason when
 * it moves the time.
 */
export function scheduleSend(
  constraints: SendConstraint[],
  place: (earliest: Date) => Date = (earliest) => earliest,
  placedBecause: ScheduleReason = 'candidate_business_hours',
): SendConstraint {
  let latest = constraints[0] ?? null;
  for (const c of constraints) if (!latest || c.at.getTime() > latest.at.getTime()) latest = c;
  if (!latest) throw new Error('scheduleSend needs at least one constraint');
  const at = place(latest.at);
  return at.getTime() > latest.at.getTime()
    ? { at, because: placedBecause }
    : { at, because: latest.because };
}
