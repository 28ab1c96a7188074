import { useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, messageOf, type Schema } from './api.ts';
import { NudgeDraftHelper } from './DebriefForms.tsx';
import type { Waiting } from './desk-types.ts';

/**
 * A nudge to a client about a waiting submission: news, not a status request. The server's own
 * check runs first, so a refused nudge keeps its text, with what to add.
 */
export function NudgeComposer({
  waiting,
  onClose,
  onSent,
}: {
  waiting: Waiting;
  onClose: () => void;
  onSent: () => void;
}) {
  const [body, setBody] = useState('');
  const [next, setNext] = useState('');
  const [findings, setFindings] = useState<Schema<'Finding'>[]>([]);
  const [failed, setFailed] = useState('');
  async function send() {
    const check = await dataOf(
      client.POST('/api/v1/messages/check', { body: { kind: 'nudge', text: body } }),
    );
    const blocking = check.findings.filter((f) => f.severity === 'error');
    if (blocking.length > 0) {
      setFindings(blocking);
      setFailed('Not sent: this nudge brings no news.');
      return;
    }
    await client.POST('/api/v1/submissions/{id}/nudges', {
      params: { path: { id: waiting.submissionId } },
      body: { text: body, channel: 'email', nextContactAt: next },
    });
    onSent();
  }
  return (
    <form
      aria-label={`Nudge ${waiting.contactName}`}
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        setFindings([]);
        setFailed('');
        send().catch((err: unknown) => setFailed(messageOf(err, 'The nudge could not be sent.')));
      }}
    >
      <h3>
        Nudge {waiting.contactName} about {waiting.candidateName}
      </h3>
      <p className="meta">
        Bring news, not a status request: another interview or offer (with the candidate’s consent), new
        availability, a new candidate for the role, a market fact.
      </p>
      <NudgeDraftHelper
        submissionId={waiting.submissionId}
        onDraft={(draft, replace) => setBody((b) => (replace || !b.trim() ? draft : b))}
      />
      <label>
        Message
        <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={4} required />
      </label>
      <label>
        Next contact <input type="date" value={next} onChange={(e) => setNext(e.target.value)} required />
      </label>
      {findings.length > 0 && (
        <ul>
          {findings.map((f) => (
            <li key={f.code}>
              {f.message} {f.suggestion}
            </li>
          ))}
        </ul>
      )}
      <Alerts error={failed} />
      <div className="row">
        <button type="submit">Send nudge</button>
        <button type="button" className="secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
