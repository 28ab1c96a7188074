import { useState } from 'react';
import type { Schema } from './api.ts';
import { CloseInterview } from './CloseInterview.tsx';
import { FeedbackForm } from './FeedbackForm.tsx';

/** The member's scorecards: one per interview they sat on. */
export function MyScorecards({
  interviews,
  memberId,
  onSaved,
}: {
  interviews: Schema<'Interview'>[];
  memberId: string;
  onSaved: () => void;
}) {
  const mine = interviews.filter((i) => i.interviewerIds.includes(memberId));
  return (
    <>
      {mine.length > 0 && (
        <h2 id="h-feedback" tabIndex={-1}>
          Feedback
        </h2>
      )}
      {mine.map((i) => (
        <FeedbackForm key={i.id} interviewId={i.id} title={i.title} memberId={memberId} onSaved={onSaved} />
      ))}
    </>
  );
}

/** The interviews still open, each to close with what was said; then what happened to the written promise. */
export function InterviewsToClose({
  interviews,
  onClosed,
}: {
  interviews: Schema<'Interview'>[];
  onClosed: () => void;
}) {
  const [closedNote, setClosedNote] = useState('');
  const open = interviews.filter((i) => !i.closedAt && !i.cancelledAt);
  return (
    <>
      {open.length > 0 && <h2>Close an interview</h2>}
      {open.map((i) => (
        <CloseInterview
          key={i.id}
          interview={i}
          onClosed={(summary) => {
            setClosedNote(`Interview closed. ${summary}`);
            onClosed();
          }}
        />
      ))}
      {closedNote && (
        <p role="status" className="written-promise">
          {closedNote}
        </p>
      )}
    </>
  );
}
