import type { Schema } from './api.ts';

/**
 * How a client answers: the median days to feedback and the share answered within the deadline
 * they agreed, beside that deadline.
 */
export function ClientFeedbackRecord({ record }: { record: Schema<'ClientRecord'> }) {
  const f = record.feedback;
  return (
    <>
      <h3>Feedback record</h3>
      <dl className="meta" aria-label="Feedback record">
        <dt>Median days to feedback</dt>
        <dd>
          {f.medianDaysToFeedback === null
            ? 'no answer yet'
            : `${f.medianDaysToFeedback} day${f.medianDaysToFeedback === 1 ? '' : 's'}`}
        </dd>
        <dt>Answered within the agreed deadline</dt>
        <dd>
          {f.shareWithinDeadline === null
            ? 'nothing due yet'
            : `${Math.round(f.shareWithinDeadline * 100)}% (${f.answered} answered, ${f.overdue} unanswered past the deadline)`}
        </dd>
        <dt>Agreed deadline after a submission</dt>
        <dd>{record.client.feedbackDaysAfterSubmission} business day(s)</dd>
      </dl>
    </>
  );
}
