/**
 * Candidate-side follow-up by the book (principle 5), as pure rules: a thank-you within 48 hours,
 * short and specific; no check-in before the promised date has passed plus a grace period; never
 * a flood. And principle 6: these are signals, never gates — nothing here affects a decision.
 */
import { endOfBusinessDaysAfter } from './business-time.ts';
import { calendarOf, type Policy } from './policy.ts';

const HOUR = 3_600_000;

/** The 48-hour thank-you window after an interview. */
export function thankYouWindow(interviewEndedAt: Date, now: Date): { open: boolean; hoursLeft: number } {
  const left = Math.ceil((interviewEndedAt.getTime() + 48 * HOUR - now.getTime()) / HOUR);
  return { open: left > 0, hoursLeft: Math.max(0, left) };
}

/** A finding about a candidate's note. */
export interface NoteFinding {
  code: 'empty' | 'too_long' | 'pressure' | 'gift' | 'social_media';
  message: string;
}

const PRESSURE =
  /\b(need (an|your) answer|when will i (hear|know)|deadline|other offers?|competing offers?|asap|urgent(ly)?|why haven'?t (i|you))\b/i;
const GIFT = /\b(gifts?|voucher|gift ?card|coffee on me|send you (a|some)|flowers|bottle of)\b/i;
const SOCIAL = /\b(linkedin|instagram|facebook|twitter|tiktok|follow me|connect with me|add me on)\b/i;

/** Check a thank-you note or a check-in: short and specific, no pressure, gifts or social-media requests. */
export function checkCandidateNote(
  text: string,
  wordLimit: number,
): { words: number; findings: NoteFinding[] } {
  const words = text.trim() === '' ? 0 : text.trim().split(/\s+/).length;
  const findings: NoteFinding[] = [];
  if (words === 0) findings.push({ code: 'empty', message: 'Write a few words first.' });
  if (words > wordLimit)
    findings.push({ code: 'too_long', message: `Keep it under ${wordLimit} words; yours has ${words}.` });
  if (PRESSURE.test(text))
    findings.push({
      code: 'pressure',
      message: 'Leave out pressure about timing; the team has a date to keep.',
    });
  if (GIFT.test(text))
    findings.push({
      code: 'gift',
      message: 'Please do not offer gifts: it puts interviewers in an awkward spot.',
    });
  if (SOCIAL.test(text))
    findings.push({ code: 'social_media', message: 'Leave social-media requests out of the note.' });
  return { words, findings };
}

/** Whether a candidate may check in now, and if not, when and why. */
export type CheckInState =
  | { allowed: true; remaining: number }
  | { allowed: false; reason: 'no_promise' | 'limit_reached' | 'answered'; opensAt: null }
  | { allowed: false; reason: 'before_grace' | 'too_soon'; opensAt: Date };

/**
 * Check-ins open once the promised date has passed plus `checkInGraceBusinessDays`, at most
 * `maxCheckIns` times, `checkInSpacingBusinessDays` apart. `previous` are the earlier check-ins.
 */
export function checkInState(
  input: { promisedDueAt: Date | null; outcomeDelivered: boolean; previous: Date[]; now: Date },
  policy: Policy,
): CheckInState {
  if (input.outcomeDelivered) return { allowed: false, reason: 'answered', opensAt: null };
  if (!input.promisedDueAt) return { allowed: false, reason: 'no_promise', opensAt: null };
  if (input.previous.length >= policy.maxCheckIns)
    return { allowed: false, reason: 'limit_reached', opensAt: null };
  const cal = calendarOf(policy);
  const after = (instant: Date, days: number) =>
    days === 0 ? instant : endOfBusinessDaysAfter(instant, days, cal);
  const opens = after(input.promisedDueAt, policy.checkInGraceBusinessDays);
  if (input.now.getTime() < opens.getTime())
    return { allowed: false, reason: 'before_grace', opensAt: opens };
  const last = input.previous.at(-1);
  if (last) {
    const next = after(last, policy.checkInSpacingBusinessDays);
    if (input.now.getTime() < next.getTime()) return { allowed: false, reason: 'too_soon', opensAt: next };
  }
  return { allowed: true, remaining: policy.maxCheckIns - input.previous.length };
}
