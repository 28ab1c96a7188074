import type { ComponentProps, MutableRefObject } from 'react';
import { Alerts } from './Alerts.tsx';
import type { CheckedText } from './ComposerChecks.tsx';
import { ComposeForm, DecisionForm } from './ComposerForms.tsx';
import type { Outcome, useDraft } from './composer-hooks.ts';

/** The composer's draft, as `useDraft` gives it. */
type ComposerDraft = ReturnType<typeof useDraft>;

/** Decide and tell the candidate: the decision form first, then the message with its checks. */
export function ComposerDecide({
  applicationId,
  candidateTimeZone,
  outcome,
  setOutcome,
  outcomeChosen,
  d,
  check,
  checkError,
  error,
  setError,
  onChange,
  onSent,
}: {
  applicationId: string;
  candidateTimeZone: string | null;
  outcome: Outcome;
  setOutcome: (o: Outcome) => void;
  outcomeChosen: MutableRefObject<boolean>;
  d: ComposerDraft;
  check: CheckedText | null;
  checkError: string;
  error: string;
  setError: (message: string) => void;
  onChange: () => void;
  onSent: ComponentProps<typeof ComposeForm>['onSent'];
}) {
  return (
    <section className="card" aria-labelledby="h-decide">
      <h3 id="h-decide" style={{ margin: 0 }}>
        Decide and tell the candidate
      </h3>
      {!d.draft ? (
        <DecisionForm
          applicationId={applicationId}
          outcome={outcome}
          onOutcome={(o) => {
            outcomeChosen.current = true;
            setOutcome(o);
          }}
          onDrafted={(draft) => {
            d.adopt(draft);
            onChange();
          }}
          setError={setError}
        />
      ) : (
        <ComposeForm
          draft={d.draft}
          body={d.body}
          onBody={(body) => {
            d.ownDraft.current = true;
            d.setBody(body);
          }}
          setBody={d.setBody}
          html={d.html}
          saved={d.saved}
          lastSaved={d.lastSaved}
          check={check}
          checkError={checkError}
          candidateTimeZone={candidateTimeZone}
          onSent={onSent}
          setError={setError}
        />
      )}
      <Alerts error={error} />
    </section>
  );
}
