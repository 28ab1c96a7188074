import { useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { when } from './format.ts';
import { useDecisions, usePendingNote, useTouchpointLog } from './log-contact-hooks.ts';
import { confirmCallWords, plannedNoteWords } from './log-contact-words.ts';
import {
  ConfirmCall,
  ContactHowFields,
  SkipNoteFields,
  SummaryField,
  ToldDecisionField,
  type Channel,
  type ContactKind,
} from './LogContactFields.tsx';

const SUMMARY_ENDS_NOTE =
  'What you said (a short summary, at least 20 characters; it ends the written note they receive)';
const SUMMARY_OF_CALL = 'What you said (a short summary, at least 20 characters)';

interface LogContactProps {
  applicationId: string;
  candidateName: string;
  /** The candidate's zone, if on record: the note's time is said in it. */
  candidateTimeZone?: string | null | undefined;
  /** What the contact is about when the screen was opened for it (e.g. their feedback request). */
  initialKind?: string | undefined;
  onLogged: () => void;
}

/**
 * Log a call, a meeting or an email that happened outside Hearback. An outcome told by voice
 * closes the promise only with the decision told and a summary of what was said, after a
 * confirmation that says exactly what will happen; it can be undone for a few minutes.
 */
export function LogContact({
  applicationId,
  candidateName,
  candidateTimeZone,
  initialKind,
  onLogged,
}: LogContactProps) {
  const [channel, setChannel] = useState<Channel>('phone');
  // An unknown kind from the link is refused by the API with its reason, like any other.
  const [kind, setKind] = useState((initialKind ?? 'outcome') as ContactKind);
  const [connected, setConnected] = useState('yes');
  const [summary, setSummary] = useState('');
  const { decisions, decisionId, setDecisionId } = useDecisions(applicationId);
  const [skipNote, setSkipNote] = useState(false);
  const [skipReason, setSkipReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { note, loadNote } = usePendingNote(applicationId);
  const { logged, message, error, setError, log, undo } = useTouchpointLog(() => {
    loadNote();
    onLogged();
  });
  const tellsOutcome = kind === 'outcome' && connected === 'yes' && channel !== 'email';

  async function submit() {
    const done = await log({
      applicationId,
      channel,
      kind,
      fromParty: 'team',
      toParty: 'candidate',
      connected: connected === 'yes',
      summary,
      ...(tellsOutcome && decisionId && { decisionId }),
      ...(tellsOutcome && skipNote && { skipWrittenNote: { reason: skipReason } }),
    });
    if (done) {
      setSummary('');
      setSkipNote(false);
      setSkipReason('');
    }
    setConfirming(false);
  }
  const confirmText = confirmCallWords(
    candidateName,
    decisions.find((d) => d.id === decisionId)?.outcome,
    plannedNoteWords(note, skipNote ? { reason: skipReason } : null, summary, candidateTimeZone ?? null),
  );
  return (
    <form
      className="card"
      aria-labelledby="h-log"
      onSubmit={(e) => {
        e.preventDefault();
        if (tellsOutcome && !confirming) {
          setError(''); // the earlier refusal no longer applies to what is being confirmed
          setConfirming(true);
        } else void submit();
      }}
    >
      <h2 id="h-log" style={{ marginTop: 0 }} tabIndex={-1}>
        Log a call or a contact
      </h2>
      <ContactHowFields {...{ channel, setChannel, kind, setKind, connected, setConnected }} />
      {tellsOutcome && <ToldDecisionField {...{ decisions, decisionId, setDecisionId }} />}
      <SummaryField
        label={!tellsOutcome ? 'Summary' : note && !skipNote ? SUMMARY_ENDS_NOTE : SUMMARY_OF_CALL}
        summary={summary}
        setSummary={setSummary}
      />
      {tellsOutcome && <SkipNoteFields {...{ skipNote, setSkipNote, skipReason, setSkipReason }} />}
      {confirming ? (
        <ConfirmCall text={confirmText} onBack={() => setConfirming(false)} />
      ) : (
        <button type="submit">Log it</button>
      )}
      <Alerts notice={message} />
      {logged?.undoUntil && (
        <button type="button" className="secondary" onClick={() => void undo()}>
          Undo (until {when(logged.undoUntil)})
        </button>
      )}
      <Alerts error={error} />
    </form>
  );
}
