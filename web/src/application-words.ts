import type { Schema } from './api.ts';
import { when } from './format.ts';

type TimelineEvent = Schema<'Timeline'>['events'][number];
/** A submitted scorecard as the timeline carries it (drafts never appear there). */
type SubmittedFeedbackEntry = Extract<TimelineEvent, { type: 'feedback_submitted' }>['feedback'];
/** The timeline's entry for the note sent after an interview. */
type WrittenPromiseEntry = Extract<TimelineEvent, { type: 'written_promise' }>['writtenPromise'];

/** What is still owed, in words. */
export const OWED_WORDS: Record<string, string> = {
  outcome: 'The outcome',
  update: 'An update',
  feedback_due: 'Feedback',
  check_in: 'An answer to their check-in',
  reply: 'An answer to their reply',
  decision_due: 'The decision (decide-by)',
  backfill: 'A backfill for the final stage',
};

const RECOMMENDATION_WORDS: Record<string, string> = {
  strong_yes: 'Strong yes',
  yes: 'Yes',
  no: 'No',
  strong_no: 'Strong no',
};

/** One line for a submitted scorecard: the recommendation, the version when edited, the notes. */
export function feedbackWords(f: SubmittedFeedbackEntry): string {
  const head = `${RECOMMENDATION_WORDS[f.recommendation] ?? f.recommendation}${f.version > 1 ? ` (version ${f.version})` : ''}`;
  return f.notes ? `${head}: ${f.notes}` : head;
}

/** Where the note with the promise stands, in words (the timeline's detail). */
export function writtenPromiseWords(w: WrittenPromiseEntry): string {
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
