import type { Schema } from './api.ts';
import { when } from './format.ts';

/** The candidate's outcome note not sent yet, as the messages list answers it. */
export type PendingNote = Pick<
  Schema<'Message'>,
  'kind' | 'audience' | 'status' | 'toAddress' | 'scheduledFor'
>;

/** What telling each outcome means, in the words the confirmation uses. */
export const OUTCOME_WORDS: Record<string, string> = {
  advance: 'they move to the next step',
  reject: 'they were not selected',
  hold: 'we have not decided yet',
  offer: 'we are making an offer',
};

/** What the server said happens to the written note after an outcome call, in a sentence. */
export function noteWords(note: Schema<'WrittenNote'> | null): string {
  if (!note) return '';
  switch (note.status) {
    case 'scheduled':
      return note.sendAt
        ? ` The written note goes to ${note.to} on ${when(note.sendAt, note.timeZone)} (their time), ending with what you said.`
        : ' The written note, ending with what you said, is drafted but not sent: send it from the composer.';
    case 'cancelled':
      return ` The written note will not be sent (${note.reason}).`;
    case 'none':
      return ' No written note is drafted: write one in the composer so they have it in writing.';
  }
}

/**
 * What happens to the written note if this call is logged, in exact terms: to whom, when in the
 * candidate's zone, and with what; or that none goes, and why.
 */
export function plannedNoteWords(
  note: PendingNote | null,
  skip: { reason: string } | null,
  summary: string,
  timeZone: string | null,
): string {
  if (!note) return 'No written note is drafted: write one in the composer so they have it in writing.';
  if (skip) return `No note: ${skip.reason.trim() || '(say why)'}. The written note will not be sent.`;
  const said = `“From our call: ${summary.trim() || '…'}”`;
  return note.scheduledFor
    ? `The written note goes to ${note.toAddress} on ${when(note.scheduledFor, timeZone)}${timeZone ? ' (their time)' : ''}, with this as its last paragraph: ${said}.`
    : `The written note to ${note.toAddress} is a draft: it gets ${said} as its last paragraph and goes once you send it from the composer.`;
}

/** The confirmation of an outcome call: what is recorded as told, the promise kept, the note's fate. */
export function confirmCallWords(
  candidateName: string,
  outcome: string | undefined,
  planned: string,
): string {
  return (
    `You are recording that you told ${candidateName}: ${OUTCOME_WORDS[outcome ?? ''] ?? 'the outcome'}. ` +
    `This marks the promise to them kept. ${planned} You can undo this for a few minutes.`
  );
}
