import { useCallback, useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { ApiError, client, dataOf, fieldErrorsOf, messageOf, type Schema } from './api.ts';
import { membershipWords, parseTags } from './pool.ts';
import { PoolInvitationForm, type PoolInvitationTyped } from './PoolInvitationForm.tsx';

type PoolMembership = Schema<'PoolMembership'>;

/**
 * "Invite to stay in touch": for a runner-up who was not selected, or whose role closed. The
 * candidate is emailed and answers on their status page; this panel shows where the invitation
 * stands (invited, opted in, declined). Refused input keeps its text, with the API's reason at the field.
 */
export function PoolInvitationPanel({
  applicationId,
  candidateId,
  candidateName,
  eligible,
}: {
  applicationId: string;
  candidateId: string;
  candidateName: string;
  /** Rejected, or the job closed: only then may they be invited. */
  eligible: boolean;
}) {
  const { membership, setMembership, defaults, error, setError } = usePoolMembership(candidateId);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  async function invite({ offer, tags, cadence, months }: PoolInvitationTyped) {
    setError('');
    setNotice('');
    setFieldErrors({});
    setBusy(true);
    try {
      const m = await dataOf(
        client.POST('/api/v1/applications/{id}/pool-invitation', {
          params: { path: { id: applicationId } },
          body: {
            offer,
            tags: parseTags(tags),
            ...(cadence.trim() !== '' && { cadenceDays: Number(cadence) }),
            ...(months !== '' && { consentMonths: Number(months) }),
          },
        }),
      );
      setMembership(m);
      setNotice(`Invitation sent to ${candidateName}. They answer on their status page.`);
    } catch (e) {
      setFieldErrors(fieldErrorsOf(e));
      setError(messageOf(e, 'Could not send the invitation.'));
    } finally {
      setBusy(false);
    }
  }

  if (membership === undefined && !error) return null;
  const open = membership && ['invited', 'opted_in', 'declined'].includes(membership.status);
  if (!open && !eligible) return null;
  return (
    <section className="card" aria-labelledby="h-pool">
      <h2 id="h-pool" style={{ marginTop: 0 }}>
        Stay in touch
      </h2>
      {membership && open ? (
        <PoolMembershipState
          membership={membership}
          candidateId={candidateId}
          candidateName={candidateName}
        />
      ) : (
        <PoolInvitationForm
          candidateName={candidateName}
          defaults={defaults}
          fieldErrors={fieldErrors}
          busy={busy}
          onInvite={(typed) => void invite(typed)}
        />
      )}
      <Alerts error={error} notice={notice} />
    </section>
  );
}

/**
 * The candidate's place in the talent pool (undefined until read, null when they have none) and
 * the policy's defaults, shown as the placeholders of what may be left empty.
 */
function usePoolMembership(candidateId: string) {
  const [membership, setMembership] = useState<PoolMembership | null | undefined>(undefined);
  const [defaults, setDefaults] = useState<{ cadenceDays: number; consentMonths: number } | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(async () => {
    try {
      setMembership(
        (await dataOf(client.GET('/api/v1/talent-pool/{id}', { params: { path: { id: candidateId } } })))
          .membership,
      );
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setMembership(null);
      else setError(messageOf(e, 'Could not load the talent pool.'));
    }
  }, [candidateId]);
  useEffect(() => {
    void load();
    dataOf(client.GET('/api/v1/policy')).then(
      (p) => setDefaults(p.talentPool),
      () => setDefaults(null),
    );
  }, [load]);
  return { membership, setMembership, defaults, error, setError };
}

/** Where the invitation stands: invited, opted in or declined, what for, and how often. */
function PoolMembershipState({
  membership,
  candidateId,
  candidateName,
}: {
  membership: PoolMembership;
  candidateId: string;
  candidateName: string;
}) {
  return (
    <div>
      <p className="pool-state">
        <strong>{membershipWords(membership)}</strong>
      </p>
      <p className="meta">
        What for: {membership.offer || 'future roles'}
        {membership.tags.length > 0 && <> · Tags: {membership.tags.join(', ')}</>} · Every{' '}
        {membership.cadenceDays} days
      </p>
      {membership.interests && <p className="meta">They want to hear about: {membership.interests}</p>}
      {membership.status === 'opted_in' && (
        <p>
          <a href={`#/talent-pool?candidate=${candidateId}`}>Open {candidateName} in the talent pool</a>
        </p>
      )}
    </div>
  );
}
