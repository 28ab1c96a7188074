import { useState } from 'react';
import { api, messageOf, type FollowUp } from './api.ts';
import { SnoozeForm } from './SnoozeForm.tsx';

/** A member who can take a follow-up on. */
export interface QueueMember {
  id: string;
  name: string;
  role: string;
  active: boolean;
}

type SendResult = { id: string; outcome: 'scheduled' } | { id: string; outcome: 'refused'; reason: string };

/**
 * What can be done to several selected follow-ups at once: send their reviewed drafts (each as a
 * single send would go: checks, business hours, the undo window) after a confirmation, or hand
 * them to another member with a reason, or snooze them until a time with a reason. Whatever is
 * refused says why and stays in the queue.
 */
export function QueueBulkBar({
  chosen,
  drafts,
  members,
  onDone,
  onError,
  onClear,
}: {
  chosen: FollowUp[];
  /** The candidate-facing draft of each application that has one. */
  drafts: Map<string, string>;
  members: QueueMember[];
  onDone: (words: string) => void;
  onError: (words: string) => void;
  onClear: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [ownerId, setOwnerId] = useState('');
  const [reason, setReason] = useState('');
  const sendable = chosen.filter((f) => drafts.has(f.applicationId));
  const draftIds = [...new Set(sendable.map((f) => drafts.get(f.applicationId)!))];

  async function send() {
    setBusy(true);
    onError('');
    try {
      const r = await api<{ results: SendResult[] }>('POST', '/messages/send', { ids: draftIds });
      const sent = r.results.filter((x) => x.outcome === 'scheduled').length;
      const refused = r.results.flatMap((x) => (x.outcome === 'refused' ? [x.reason] : []));
      setConfirming(false);
      onDone(
        `${sent} message(s) scheduled; each can be undone from To send until it goes.` +
          (refused.length > 0 ? ` ${refused.length} not sent: ${refused.join(' ')}` : ''),
      );
    } catch (e) {
      onError(messageOf(e, 'Could not send the messages.'));
    } finally {
      setBusy(false);
    }
  }

  async function reassign() {
    setBusy(true);
    onError('');
    const failed: string[] = [];
    for (const f of chosen) {
      try {
        await api('POST', `/follow-ups/${f.id}/reassign`, { ownerId, ...(reason.trim() && { reason }) });
      } catch (e) {
        failed.push(`${f.candidate.name}: ${messageOf(e, 'not handed on.')}`);
      }
    }
    setBusy(false);
    const to = members.find((m) => m.id === ownerId)?.name ?? 'the new owner';
    if (failed.length > 0) onError(failed.join(' '));
    if (failed.length < chosen.length) {
      setReason('');
      onDone(`${chosen.length - failed.length} follow-up(s) handed to ${to}.`);
    }
  }

  return (
    <section className="card bulk" aria-label="Bulk actions">
      <strong>{chosen.length} selected</strong>
      {confirming ? (
        <span className="row">
          Send {draftIds.length} reviewed message(s) to {sendable.map((f) => f.candidate.name).join(', ')}?
          <button disabled={busy} onClick={() => void send()}>
            Yes, send {draftIds.length}
          </button>
          <button className="secondary" disabled={busy} onClick={() => setConfirming(false)}>
            Not now
          </button>
        </span>
      ) : (
        <button
          disabled={busy || draftIds.length === 0}
          onClick={() => setConfirming(true)}
          title={draftIds.length === 0 ? 'None of the selected has a reviewed draft to send.' : undefined}
        >
          Send reviewed drafts ({draftIds.length})
        </button>
      )}
      <span className="row">
        <label>
          Hand to{' '}
          <select value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
            <option value="">Choose…</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Reason <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        </label>
        <button className="secondary" disabled={busy || !ownerId} onClick={() => void reassign()}>
          Reassign {chosen.length}
        </button>
      </span>
      <SnoozeForm chosen={chosen} onDone={onDone} onError={onError} />
      <button className="secondary" onClick={onClear}>
        Clear selection
      </button>
    </section>
  );
}
