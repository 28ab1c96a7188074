import { useState } from 'react';
import { useDecisions, usePendingNote, useTouchpointLog } from './log-contact-hooks.ts';
import { confirmCallWords, plannedNoteWords } from './log-contact-words.ts';
import type { Channel, ContactKind } from './LogContactFields.tsx';

/** What opens the log-a-contact form: the application, its candidate, and what to do once logged. */
export interface LogContactProps {
  applicationId: string;
  candidateName: string;
  /** The candidate's zone, if on record: the note's time is said in it. */
  candidateTimeZone?: string | null | undefined;
  /** What the contact is about when the screen was opened for it (e.g. their feedback request). */
  initialKind?: string | undefined;
  onLogged: () => void;
}

/**
 * The log-a-contact form's state: how and what the contact was, the decision told, the written
 * note skipped or not, the confirmation of an outcome told by voice, and the touchpoint logged.
 */
export function useLogContactForm({
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
    (decisions.state === 'loaded' ? decisions.items : []).find((d) => d.id === decisionId)?.outcome,
    plannedNoteWords(note, skipNote ? { reason: skipReason } : null, summary, candidateTimeZone ?? null),
  );
  return {
    how: { channel, setChannel, kind, setKind, connected, setConnected },
    told: { decisions, decisionId, setDecisionId },
    skip: { skipNote, setSkipNote, skipReason, setSkipReason },
    ...{ summary, setSummary, note, confirming, setConfirming, confirmText, tellsOutcome },
    ...{ logged, message, error, setError, submit, undo },
  };
}
