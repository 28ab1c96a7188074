import type { Body } from './api.ts';
import { when } from './format.ts';
import type { DecisionsState } from './log-contact-hooks.ts';

type TouchpointInput = Body<'/api/v1/touchpoints', 'post'>;
/** How the contact happened. */
export type Channel = TouchpointInput['channel'];
/** What the contact was about. */
export type ContactKind = TouchpointInput['kind'];

/** How the contact happened, what about, and whether the candidate was reached. */
export function ContactHowFields({
  channel,
  setChannel,
  kind,
  setKind,
  connected,
  setConnected,
}: {
  channel: Channel;
  setChannel: (channel: Channel) => void;
  kind: ContactKind;
  setKind: (kind: ContactKind) => void;
  connected: string;
  setConnected: (connected: string) => void;
}) {
  // The selects offer only the API's values, so their value is one of them.
  return (
    <>
      <label htmlFor="log-channel">How</label>
      <select id="log-channel" value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
        <option value="phone">Phone call</option>
        <option value="in_person">In person</option>
        <option value="email">Email sent outside Hearback</option>
      </select>
      <label htmlFor="log-kind">About</label>
      <select id="log-kind" value={kind} onChange={(e) => setKind(e.target.value as ContactKind)}>
        <option value="outcome">The outcome</option>
        <option value="update">An update</option>
        <option value="debrief">A debrief</option>
        <option value="feedback_due">The feedback they asked for</option>
        <option value="check_in">Their check-in</option>
        <option value="other">Something else</option>
      </select>
      <label htmlFor="log-connected">Did you reach them?</label>
      <select id="log-connected" value={connected} onChange={(e) => setConnected(e.target.value)}>
        <option value="yes">Yes</option>
        <option value="no">No (voicemail, no answer)</option>
      </select>
    </>
  );
}

/** Which recorded decision the call told (none recorded: say to record it first). */
export function ToldDecisionField({
  decisions,
  decisionId,
  setDecisionId,
}: {
  decisions: DecisionsState;
  decisionId: string;
  setDecisionId: (id: string) => void;
}) {
  return (
    <>
      <label htmlFor="log-decision">Which decision did you tell them?</label>
      {decisions.state === 'loading' ? (
        <p className="meta" id="log-decision" role="status">
          Loading the decisions recorded…
        </p>
      ) : decisions.state === 'failed' ? (
        <p className="error" id="log-decision" role="alert">
          The decisions recorded could not be loaded ({decisions.reason}). Reload the page before logging the
          call.
        </p>
      ) : decisions.items.length === 0 ? (
        <p className="meta" id="log-decision">
          No decision is recorded yet: record it in Decide first, then log the call.
        </p>
      ) : (
        <select id="log-decision" value={decisionId} onChange={(e) => setDecisionId(e.target.value)}>
          {decisions.items.map((d) => (
            <option key={d.id} value={d.id}>
              {d.outcome} ({when(d.decidedAt)})
            </option>
          ))}
        </select>
      )}
    </>
  );
}

/** Not sending the written note after an outcome call, with the reason recorded. */
export function SkipNoteFields({
  skipNote,
  setSkipNote,
  skipReason,
  setSkipReason,
}: {
  skipNote: boolean;
  setSkipNote: (skip: boolean) => void;
  skipReason: string;
  setSkipReason: (reason: string) => void;
}) {
  return (
    <>
      <label className="choice">
        <input type="checkbox" checked={skipNote} onChange={(e) => setSkipNote(e.target.checked)} /> Do not
        send the written note after the call
      </label>
      {skipNote && (
        <>
          <label htmlFor="log-skip-reason">Why not (recorded)</label>
          <input id="log-skip-reason" value={skipReason} onChange={(e) => setSkipReason(e.target.value)} />
        </>
      )}
    </>
  );
}

/** What was said on the contact, under the label that says where it goes. */
export function SummaryField({
  label,
  summary,
  setSummary,
}: {
  label: string;
  summary: string;
  setSummary: (summary: string) => void;
}) {
  return (
    <>
      <label htmlFor="log-summary">{label}</label>
      <textarea id="log-summary" value={summary} onChange={(e) => setSummary(e.target.value)} />
    </>
  );
}

/** The confirmation before an outcome call is logged, saying exactly what will happen. */
export function ConfirmCall({ text, onBack }: { text: string; onBack: () => void }) {
  return (
    <div role="group" aria-label="Confirm the call" className="card">
      <p>{text}</p>
      <button type="submit">Confirm: log the call</button>{' '}
      <button type="button" className="secondary" onClick={onBack}>
        Go back
      </button>
    </div>
  );
}
