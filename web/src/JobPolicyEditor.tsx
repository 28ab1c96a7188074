import { useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, fieldErrorsOf, messageOf } from './api.ts';
import { EscalationFieldset } from './EscalationFieldset.tsx';
import { draftOf, overridesOf, type OrgPolicy, type PolicyDraft } from './policy-draft.ts';
import {
  BusinessHoursFieldset,
  fieldMarksOf,
  PolicyNumberFields,
  WrittenPromiseFieldset,
  type PolicyFieldProps,
} from './PolicyFieldsets.tsx';

export type { OrgPolicy } from './policy-draft.ts';

/**
 * One job's policy: the organization's value beside each field, the job's override where it has
 * one. A failed save keeps everything typed and shows each problem beside its field.
 */
export function JobPolicyEditor({
  job,
  org,
  onSaved,
}: {
  job: { id: string; title: string; policyOverrides: Record<string, unknown> };
  org: OrgPolicy;
  onSaved: () => void;
}) {
  const [draft, setDraft] = useState<PolicyDraft>(() => draftOf(org, job.policyOverrides));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const p = `pol-${job.id}`;

  async function save() {
    setError('');
    setNotice('');
    setFieldErrors({});
    setBusy(true);
    try {
      await client.PATCH('/api/v1/jobs/{id}', {
        params: { path: { id: job.id } },
        body: { policyOverrides: overridesOf(draft, job.policyOverrides) },
      });
      setNotice(`Saved the policy for ${job.title}.`);
      onSaved();
    } catch (e) {
      const byField = fieldErrorsOf(e, 'policyOverrides');
      setFieldErrors(byField);
      setError(
        Object.keys(byField).length > 0
          ? 'Some fields need fixing; nothing was saved.'
          : messageOf(e, 'Could not save the policy.'),
      );
    } finally {
      setBusy(false);
    }
  }

  const fields: PolicyFieldProps = { draft, setDraft, org, p, ...fieldMarksOf(p, fieldErrors) };

  return (
    <form
      noValidate
      className="policy-editor"
      aria-labelledby={`${p}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id={`${p}-h`} style={{ marginTop: 0 }}>
        Policy for {job.title}
      </h3>
      <p className="meta">
        Empty fields follow the organization’s policy (shown beside each one). Times are in {org.timeZone}.
      </p>
      <PolicyNumberFields {...fields} />
      <BusinessHoursFieldset {...fields} />
      <EscalationFieldset {...fields} />
      <WrittenPromiseFieldset {...fields} />
      {fields.errorOf('')}
      <Alerts error={error} notice={notice} />
      <button type="submit" disabled={busy}>
        Save the policy for {job.title}
      </button>
    </form>
  );
}
