import { useState } from 'react';
import { client, dataOf, messageOf, type FollowUp } from './api.ts';
import { SnoozeForm } from './SnoozeForm.tsx';
import type { QueueMember } from './useFollowUpQueue.ts';

export type { QueueMember } from './useFollowUpQueue.ts';

/** What a bulk action reports back to the queue. */
interface BulkProps {
  chosen: FollowUp[];
  onDone: (words: string) => void;
  onError: (words: string) => void;
  /** One action at a time: while one runs, the others wait. */
  busy: boolean;
  setBusy: (on: boolean) => void;
}

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
}: Omit<BulkProps, 'busy' | 'setBusy'> & {
  /** The candidate-facing draft of each application that has one. */
  drafts: Map<string, string>;
  members: QueueMember[];
  onClear: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const props = { chosen, onDone, onError, busy, setBusy };
  return (
    <section className="card bulk" aria-label="Bulk actions">
      <strong>{chosen.length} selected</strong>
      <BulkSend {...props} drafts={drafts} />
      <BulkReassign {...props} members={members} />
      <SnoozeForm chosen={chosen} onDone={onDone} onError={onError} />
      <button className="secondary" onClick={onClear}>
        Clear selection
      </button>
    </section>
  );
}

/** Send the selected rows' reviewed drafts, after saying to whom. */
function BulkSend({
  chosen,
  drafts,
  onDone,
  onError,
  busy,
  setBusy,
}: BulkProps & { drafts: Map<string, string> }) {
  const [confirming, setConfirming] = useState(false);
  const sendable = chosen.filter((f) => drafts.has(f.applicationId));
  const draftIds = [...new Set(sendable.map((f) => drafts.get(f.applicationId)!))];

  async function send() {
    setBusy(true);
    onError('');
    try {
      const r = await dataOf(client.POST('/api/v1/messages/send', { body: { ids: draftIds } }));
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

  return confirming ? (
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
  );
}

/** Hand the selected rows to another member, with a reason; each refusal is named. */
function BulkReassign({
  chosen,
  members,
  onDone,
  onError,
  busy,
  setBusy,
}: BulkProps & { members: QueueMember[] }) {
  const [ownerId, setOwnerId] = useState('');
  const [reason, setReason] = useState('');

  async function reassign() {
    setBusy(true);
    onError('');
    const failed: string[] = [];
    for (const f of chosen) {
      try {
        await client.POST('/api/v1/follow-ups/{id}/reassign', {
          params: { path: { id: f.id } },
          body: { ownerId, ...(reason.trim() && { reason }) },
        });
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
  );
}
