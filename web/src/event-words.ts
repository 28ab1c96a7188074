/** A timeline event's type in words, as the application screen and the candidate profile show it. */
export const EVENT_WORDS: Record<string, string> = {
  application_created: 'Applied',
  interview_scheduled: 'Interview scheduled',
  interview_closed: 'Interview closed with a promise',
  feedback_submitted: 'Feedback submitted',
  decision_made: 'Decision recorded',
  touchpoint: 'Contact',
  follow_up_opened: 'Follow-up opened',
  follow_up_done: 'Follow-up done',
  follow_up_cancelled: 'Follow-up cancelled',
  follow_up_snoozed: 'Follow-up snoozed',
  written_promise: 'Written promise to the candidate',
};
