/**
 * Deadlines inside the team (pure): the chain interview → scorecards → decision → outcome, each
 * link owed by a named person by a time, so that the promise made to the candidate can be kept.
 */
import {
  endOfBusinessDay,
  endOfBusinessDaysAfter,
  localDateOf,
  subtractBusinessDays,
  type BusinessCalendar,
} from './business-time.ts';

/** When an interviewer's scorecard is due: close of business `n` business days after the interview. */
export function scorecardDueTime(interviewEnd: Date, n: number, cal: BusinessCalendar): Date {
  return endOfBusinessDaysAfter(interviewEnd, n, cal);
}

/**
 * The decide-by time: close of business `n` business days before the promised time, so that
 * the outcome can still reach the candidate by then. Never earlier than `now` allows: when that
 * day has passed already, the promise itself (or, if it has passed too, now).
 */
export function decideByTime(promisedAt: Date, n: number, cal: BusinessCalendar, now: Date): Date {
  const before =
    n === 0
      ? promisedAt
      : endOfBusinessDay(subtractBusinessDays(localDateOf(promisedAt, cal.timeZone), n, cal), cal);
  if (before.getTime() > now.getTime()) return before;
  return promisedAt.getTime() > now.getTime() ? promisedAt : now;
}
