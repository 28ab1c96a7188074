/**
 * Candidate-side follow-up by the book (principle 5), as pure rules: a thank-you within 48 hours,
 * short and specific; no check-in before the promised date has passed plus a grace period; never
 * a flood. The words themselves are read by the message checks (message-check/). And principle 6: these are signals, never gates — nothing here affects a decision.
 */
import { endOfBusinessDaysAfter } from './business-time.ts';
import { checkMessage, type Finding } from './message-check/index.ts';
import { calendarOf, type Policy } from './policy.ts';

const HOUR = 3_600_000;

/** The 48-hour thank-you window after an interview. */
export function thankYouWindow(interviewEndedAt: Date, now: Date): { open: boolean; hoursLeft: number } {
  const left = Math.ceil((interviewEndedAt.getTime() + 48 * HOUR - now.getTime()) / HOUR);
  return { open: left > 0, hoursLeft: Math.max(0, left) };
}

/** A finding that refuses a candidate's note (the coaching ones do not refuse). */
export interface NoteFinding {
  code: 'empty' | 'too_long' | 'ultimatum' | 'gift' | 'friend_request' | 'flood';
  message: string;
  suggestion?: string;
}

/**
 * Check a thank-you note or a check-in with the message checks (one engine with the composer, the
 * CLI and the API): the blocking findings — empty, too long, a gift, a social-media request, an
 * ultimatum — refuse the note; a polite mention of another offer and its deadline is information
 * and passes. `coaching` holds the rest (not specific, late, no reaffirmed interest), one
 * suggestion each, to show without refusing.
 */
export function checkCandidateNote(
  text: string,
  wordLimit: number,
  kind: 'thank_you' | 'check_in' = 'thank_you',
): { words: number; findings: NoteFinding[]; coaching: Finding[] } {
  const check = checkMessage(kind, typeof text === 'string' ? text : '', { maxWords: wordLimit });
  const findings: NoteFinding[] = [];
  const coaching: Finding[] = [];
  for (const f of check.findings) {
    if (f.severity === 'error' && BLOCKING.has(f.code)) {
      findings.push({
        code: f.code as NoteFinding['code'],
        message: f.code === 'empty' ? 'Write a few words first.' : f.message,
        ...(f.suggestion && { suggestion: f.suggestion }),
      });
    } else coaching.push(f);
  }
  return { words: check.wordCount, findings, coaching };
}

const BLOCKING = new Set(['empty', 'too_long', 'ultimatum', 'gift', 'friend_request', 'flood']);

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
