/**
 * Placements and their guarantee, and a client's feedback record (pure). A placement is not the
 * end of the work: the recruiter checks in with the new hire on the first day, at a month and
 * before the guarantee runs out, and with the client before it runs out, because a start that
 * goes wrong inside the guarantee costs a replacement search. And a client's habits in answering
 * are a fact the recruiter uses: how long they take, and how often they keep the deadline they
 * agreed to.
 */
import {
  addBusinessDays,
  addCalendarDays,
  endOfBusinessDay,
  subtractBusinessDays,
  type BusinessCalendar,
} from './business-time.ts';

/** The fee of a placement: a percent of the first year's salary, or a fixed amount. */
export type PlacementFee =
  { kind: 'percent'; percent: number } | { kind: 'fixed'; amount: number; currency: string };

/** Common guarantee periods, in calendar days (any 0–365 is accepted). */
export const COMMON_GUARANTEE_DAYS = [30, 60, 90] as const;

/** Business days before the guarantee's last day that its closing check-ins fall. */
export const CHECK_IN_BUSINESS_DAYS_BEFORE_END = 3;

/** The last day a guarantee of `days` calendar days from `startDate` covers. */
export function guaranteeEndsOn(startDate: string, days: number): string {
  return addCalendarDays(startDate, days);
}

/** Which check-in of a placement a follow-up is. */
export type CheckInMoment = 'first_day' | 'day_30' | 'before_guarantee_end';

/** One scheduled check-in: with whom, which, and when it is due. */
export interface PlannedCheckIn {
  with: 'candidate' | 'client';
  moment: CheckInMoment;
  dueAt: Date;
}

/**
 * The check-ins a placement schedules. With the candidate: the close of their first day (the
 * first business day on or after the start), thirty days on, and a few business days before the
 * guarantee ends; with the client contact, the same day before the end. Thirty days is left out
 * when it would not come before the closing check-in; the closing ones when there is no
 * guarantee. Each in the business time of the person checked in with.
 */
export function planCheckIns(
  startDate: string,
  guaranteeDays: number,
  calendars: { candidate: BusinessCalendar; client: BusinessCalendar },
): PlannedCheckIn[] {
  const cand = calendars.candidate;
  const firstDay = addBusinessDays(startDate, 0, cand);
  const out: PlannedCheckIn[] = [
    { with: 'candidate', moment: 'first_day', dueAt: endOfBusinessDay(firstDay, cand) },
  ];
  if (guaranteeDays === 0) return out;
  const end = guaranteeEndsOn(startDate, guaranteeDays);
  const beforeEnd = (cal: BusinessCalendar) => {
    const day = subtractBusinessDays(end, CHECK_IN_BUSINESS_DAYS_BEFORE_END, cal);
    // A short guarantee: never before the first day.
    return day > firstDay ? day : addBusinessDays(firstDay, 1, cal);
  };
  const candidateEnd = beforeEnd(cand);
  const day30 = addBusinessDays(addCalendarDays(startDate, 30), 0, cand);
  if (day30 < candidateEnd) {
    out.push({ with: 'candidate', moment: 'day_30', dueAt: endOfBusinessDay(day30, cand) });
  }
  out.push({
    with: 'candidate',
    moment: 'before_guarantee_end',
    dueAt: endOfBusinessDay(candidateEnd, cand),
  });
  out.push({
    with: 'client',
    moment: 'before_guarantee_end',
    dueAt: endOfBusinessDay(beforeEnd(calendars.client), calendars.client),
  });
  return out;
}

/** Whether a placement that fell through on `fellOn` did so inside its guarantee (its last day included). */
export function fellWithinGuarantee(fellOn: string, guaranteeEnd: string): boolean {
  return fellOn <= guaranteeEnd;
}

/** One feedback the client owed: when it was asked for, its deadline, and when it came (if it did). */
export interface FeedbackOwed {
  askedAt: Date;
  dueAt: Date;
  answeredAt: Date | null;
}

/** A client's record in answering. */
export interface FeedbackRecord {
  /** Feedback asked for and answered. */
  answered: number;
  /** Still unanswered after its deadline. */
  overdue: number;
  /** Median days from the ask to the answer (one decimal); null with no answer yet. */
  medianDaysToFeedback: number | null;
  /** Of the feedback whose deadline has passed or that was answered, the share answered by the deadline (0–1); null when none. */
  shareWithinDeadline: number | null;
}

const DAY_MS = 86_400_000;

/**
 * A client's feedback record at `now`. Feedback not yet due and unanswered counts nowhere (it may
 * still come in time); feedback past its deadline and unanswered counts as missed.
 */
export function feedbackRecord(items: readonly FeedbackOwed[], now: Date): FeedbackRecord {
  const answered = items.filter((i) => i.answeredAt !== null);
  const overdue = items.filter((i) => i.answeredAt === null && i.dueAt.getTime() < now.getTime());
  const days = answered
    .map((i) => (i.answeredAt!.getTime() - i.askedAt.getTime()) / DAY_MS)
    .sort((a, b) => a - b);
  let median: number | null = null;
  if (days.length > 0) {
    const mid = Math.floor(days.length / 2);
    const m = days.length % 2 === 1 ? days[mid]! : (days[mid - 1]! + days[mid]!) / 2;
    median = Math.round(m * 10) / 10;
  }
  const judged = answered.length + overdue.length;
  const inTime = answered.filter((i) => i.answeredAt!.getTime() <= i.dueAt.getTime()).length;
  return {
    answered: answered.length,
    overdue: overdue.length,
    medianDaysToFeedback: median,
    shareWithinDeadline: judged === 0 ? null : Math.round((inTime / judged) * 1000) / 1000,
  };
}

/** Coverage of a job order's final stage: finalists against the target, and whether it is short. */
export function coverageOf(
  finalists: number,
  target: number,
): { finalists: number; target: number; short: boolean } {
  return { finalists, target, short: target > 0 && finalists < target };
}
