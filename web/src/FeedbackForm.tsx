import { Alerts } from './Alerts.tsx';
import { when } from './format.ts';
import { ScorecardFields } from './ScorecardFields.tsx';
import { useScorecard, useScorecardSaves } from './use-scorecard.ts';

/**
 * One interviewer's scorecard for one interview: it opens with their draft, else what they
 * submitted last. "Save draft" keeps it for them alone (not feedback given yet); submitting adds a
 * version (the earlier ones are kept) — never overwriting a save they have not seen. Text not yet
 * saved survives a reload of the tab, and a refused save keeps it with the reason.
 */
export function FeedbackForm({
  interviewId,
  title,
  memberId,
  onSaved,
}: {
  interviewId: string;
  title: string;
  memberId: string;
  onSaved: () => void;
}) {
  const card = useScorecard(interviewId, memberId);
  const { typed, saved, draft, message, error } = card;
  const id = `fb-${interviewId}`;

  const { saveDraft, submit } = useScorecardSaves(interviewId, card, onSaved);
  if (!card.loaded && !error) return <p role="status">Loading your feedback on “{title}”…</p>;
  return (
    <form
      className="card"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${id}-h`} style={{ margin: 0 }}>
        Your feedback on “{title}”
      </h3>
      <p className="meta">
        {saved
          ? `Submitted ${when(saved.submittedAt)} (version ${saved.version}). Submitting again keeps this version.`
          : 'Not submitted yet.'}
        {draft && ` Draft saved ${when(draft.savedAt)}: only you can see it until you submit it.`}
      </p>
      <ScorecardFields id={id} typed={typed} />
      <button type="submit">{saved ? 'Submit a new version' : 'Submit feedback'}</button>{' '}
      <button type="button" className="secondary" onClick={() => void saveDraft()}>
        Save draft
      </button>
      {error && saved && (
        <button type="button" className="secondary" onClick={() => void card.loadSaved(false)}>
          Load the latest saved version
        </button>
      )}
      <Alerts notice={message} />
      <Alerts error={error} />
    </form>
  );
}
