import { useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { FormButtons } from './form-fields.tsx';
import { client, dataOf, fieldErrorsOf, messageOf, type FollowUp, type Schema } from './api.ts';

/**
 * Handing one follow-up to another member, with an optional reason kept in the audit log. A
 * refusal keeps what was chosen and typed, with the reason beside the field.
 */
export function HandOnForm({
  id,
  f,
  members,
  onCancel,
  onReassigned,
}: {
  /** The form's element id (the Reassign button controls it). */
  id: string;
  f: FollowUp;
  members: Schema<'Member'>[];
  onCancel: () => void;
  onReassigned: (to: string) => void;
}) {
  const [ownerId, setOwnerId] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const candidates = members.filter((m) => m.id !== f.ownerId);

  async function reassign() {
    setBusy(true);
    setError('');
    setFieldErrors({});
    try {
      const r = await dataOf(
        client.POST('/api/v1/follow-ups/{id}/reassign', {
          params: { path: { id: f.id } },
          body: { ownerId, ...(reason.trim() && { reason: reason.trim() }) },
        }),
      );
      onReassigned(r.owner?.name ?? 'the new owner');
    } catch (e) {
      setFieldErrors(fieldErrorsOf(e));
      setError(messageOf(e, 'Could not hand it on.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      id={id}
      aria-label={`Hand ${f.candidate.name}’s follow-up to someone else`}
      onSubmit={(e) => {
        e.preventDefault();
        void reassign();
      }}
    >
      <OwnerSelect
        id={id}
        members={candidates}
        value={ownerId}
        error={fieldErrors.ownerId}
        onChange={setOwnerId}
      />
      <label htmlFor={`${id}-reason`}>Why (optional; kept in the audit log)</label>
      <input id={`${id}-reason`} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      <FormButtons
        submitLabel="Hand it on"
        busy={busy || ownerId === ''}
        onCancel={onCancel}
        cancelLabel="Keep it"
      />
      <Alerts error={error} />
    </form>
  );
}

/** The new owner, among the members who may take it on, with the reason a choice was refused. */
function OwnerSelect({
  id,
  members,
  value,
  error,
  onChange,
}: {
  id: string;
  members: Schema<'Member'>[];
  value: string;
  error: string | undefined;
  onChange: (ownerId: string) => void;
}) {
  return (
    <>
      <label htmlFor={`${id}-owner`}>New owner</label>
      <select
        id={`${id}-owner`}
        value={value}
        required
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-owner-err` : undefined}
      >
        <option value="">Choose a member…</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name} ({m.role.replace('_', ' ')})
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-owner-err`} className="error">
          {error}
        </p>
      )}
    </>
  );
}
