/**
 * The written promise (DESIGN.md, principle 1): right after an interview the candidate gets, in
 * writing, what was said at its end — thanks, what happens next, who will contact them, how, and
 * by when, in their own time zone — and the link to their status page.
 *
 * Pure: no I/O, no clock. The services decide whether it goes and when; this module words it.
 */
import { candidateTemplateContext } from './candidate-context.ts';
import { DateTime } from 'luxon';

/** The promise's due time as the candidate reads it: "Friday 4 December, 17:00". */
export function promiseDueWords(dueAt: Date, timeZone: string): string {
  return DateTime.fromJSDate(dueAt, { zone: timeZone }).setLocale('en-GB').toFormat('cccc d LLLL, HH:mm');
}

/**
 * How the candidate will be contacted with the outcome, in the words of the note: final-stage
 * candidates hear by phone first when the policy says so (phone-first rule) and a number is
 * known; everyone else by email.
 */
export function contactHow(input: {
  finalStage: boolean;
  phoneFirstBusinessDays: number;
  hasPhone: boolean;
}): { channel: 'phone' | 'email'; words: string } {
  if (input.finalStage && input.phoneFirstBusinessDays > 0 && input.hasPhone) {
    return { channel: 'phone', words: 'by phone, with an email to follow' };
  }
  return { channel: 'email', words: 'by email' };
}

/** The facts a written promise's template is rendered from. */
export interface WrittenPromiseFacts {
  organizationName: string;
  candidateName: string;
  jobTitle: string;
  interviewTitle: string;
  ownerName: string;
  ownerEmail: string;
  /** The statement as said at the end of the interview. */
  statement: string;
  dueAt: Date;
  /** The candidate's time zone, else the organization's. */
  timeZone: string;
  contactWords: string;
  /** Where the status link goes (masked; the dispatcher mints the real one). */
  statusLink: string;
}

/** The template context of a written promise (variables as `TEMPLATE_VARIABLES.written_promise`). */
export function writtenPromiseContext(f: WrittenPromiseFacts): Record<string, unknown> {
  return {
    ...candidateTemplateContext({
      organizationName: f.organizationName,
      candidateName: f.candidateName,
      jobTitle: f.jobTitle,
      owner: { name: f.ownerName, email: f.ownerEmail },
      statusLink: f.statusLink,
    }),
    interview: { title: f.interviewTitle },
    due: promiseDueWords(f.dueAt, f.timeZone),
    time_zone: f.timeZone,
    contact_how: f.contactWords,
    promise: f.statement,
  };
}

/** "Monday 7 December, 09:00" in a zone, for the sentence below. */
function at(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).setLocale('en-GB').toFormat('cccc d LLLL, HH:mm');
}

/**
 * What closing will do, in one sentence for the person closing: "A written note with this
 * promise goes to Casey Candidate at Monday 7 December, 09:00 their time (Europe/Berlin) —
 * Monday 7 December, 08:00 your time (Europe/London)."
 */
export function describeWrittenPromiseSend(input: {
  candidateName: string;
  sendAt: Date;
  candidateTimeZone: string;
  yourTimeZone: string;
}): string {
  const theirs = `${at(input.sendAt, input.candidateTimeZone)} their time (${input.candidateTimeZone})`;
  const yours =
    input.yourTimeZone === input.candidateTimeZone
      ? 'your time too'
      : `${at(input.sendAt, input.yourTimeZone)} your time (${input.yourTimeZone})`;
  return `A written note with this promise goes to ${input.candidateName} at ${theirs} — ${yours}.`;
}

/** Why no written promise goes, in one sentence for the person closing. */
export function describeWrittenPromiseSkipped(
  why: { kind: 'off'; reason: string } | { kind: 'no_email'; candidateName: string },
): string {
  return why.kind === 'off'
    ? `No written note goes: this job does not send one (“${why.reason}”).`
    : `No written note goes: ${why.candidateName} has no working email address. Tell them the promise another way.`;
}
