import { useRef, useState } from 'react';
import { client, dataOf, messageOf } from './api.ts';
import { useDraft, useMessageCheck, type Outcome } from './composer-hooks.ts';
import { ComposerDecide } from './ComposerDecide.tsx';
import { ComposerScheduled } from './ComposerScheduled.tsx';

/** Decide, then compose the candidate's message with the checks beside it, and send (with an undo). */
export function Composer({
  applicationId,
  candidateTimeZone,
  initialOutcome,
  onChange,
}: {
  applicationId: string;
  candidateTimeZone: string | null;
  /** Preselect an outcome, e.g. `hold` when the follow-up queue asks for an update. */
  initialOutcome?: Outcome | undefined;
  onChange: () => void;
}) {
  const [outcome, setOutcome] = useState<Outcome>(initialOutcome ?? 'reject');
  // Set once the member picks an outcome: a slow first load must not change it under them.
  const outcomeChosen = useRef(false);
  const d = useDraft(applicationId, outcomeChosen, setOutcome);
  const { check, checkError } = useMessageCheck(d.draft, d.body, outcome);
  const [script, setScript] = useState<string[] | null>(null);
  const [error, setError] = useState('');

  async function undo() {
    if (!d.sent) return;
    try {
      // Back to the composer with the text: the draft and its one decision stay.
      const draft = await dataOf(
        client.POST('/api/v1/messages/{id}/undo', { params: { path: { id: d.sent.id } }, body: {} }),
      );
      d.setSent(null);
      setScript(null);
      d.adopt(draft);
      onChange();
    } catch (e) {
      setError(messageOf(e, 'Too late to undo.'));
    }
  }

  if (d.sent)
    return (
      <ComposerScheduled
        sent={d.sent}
        script={script}
        candidateTimeZone={candidateTimeZone}
        error={error}
        onUndo={() => void undo()}
      />
    );
  return (
    <ComposerDecide
      applicationId={applicationId}
      candidateTimeZone={candidateTimeZone}
      outcome={outcome}
      setOutcome={setOutcome}
      outcomeChosen={outcomeChosen}
      d={d}
      check={check}
      checkError={checkError}
      error={error}
      setError={setError}
      onChange={onChange}
      onSent={(r) => {
        d.setSent(r.message);
        setScript(r.callScript);
        onChange();
      }}
    />
  );
}
