import { Alerts } from './Alerts.tsx';
import { when } from './format.ts';
import { useLogContactForm, type LogContactProps } from './log-contact-form.ts';
import {
  ConfirmCall,
  ContactHowFields,
  SkipNoteFields,
  SummaryField,
  ToldDecisionField,
} from './LogContactFields.tsx';

const SUMMARY_ENDS_NOTE =
  'What you said (a short summary, at least 20 characters; it ends the written note they receive)';
const SUMMARY_OF_CALL = 'What you said (a short summary, at least 20 characters)';

/**
 * Log a call, a meeting or an email that happened outside Hearback. An outcome told by voice
 * closes the promise only with the decision told and a summary of what was said, after a
 * confirmation that says exactly what will happen; it can be undone for a few minutes.
 */
export function LogContact(props: LogContactProps) {
  const f = useLogContactForm(props);
  return (
    <form
      className="card"
      aria-labelledby="h-log"
      onSubmit={(e) => {
        e.preventDefault();
        if (f.tellsOutcome && !f.confirming) {
          f.setError(''); // the earlier refusal no longer applies to what is being confirmed
          f.setConfirming(true);
        } else void f.submit();
      }}
    >
      <h2 id="h-log" style={{ marginTop: 0 }} tabIndex={-1}>
        Log a call or a contact
      </h2>
      <ContactHowFields {...f.how} />
      {f.tellsOutcome && <ToldDecisionField {...f.told} />}
      <SummaryField
        label={!f.tellsOutcome ? 'Summary' : f.note && !f.skip.skipNote ? SUMMARY_ENDS_NOTE : SUMMARY_OF_CALL}
        summary={f.summary}
        setSummary={f.setSummary}
      />
      {f.tellsOutcome && <SkipNoteFields {...f.skip} />}
      {f.confirming ? (
        <ConfirmCall text={f.confirmText} onBack={() => f.setConfirming(false)} />
      ) : (
        <button type="submit">Log it</button>
      )}
      <Alerts notice={f.message} />
      {f.logged?.undoUntil && (
        <button type="button" className="secondary" onClick={() => void f.undo()}>
          Undo (until {when(f.logged.undoUntil)})
        </button>
      )}
      <Alerts error={f.error} />
    </form>
  );
}
