import { useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { api, fieldErrorsOf, messageOf } from './api.ts';

/** The organization's policy fields this editor shows (see PolicySchema in src/domain/policy.ts). */
export interface OrgPolicy {
  timeZone: string;
  defaultPromiseBusinessDays: number;
  reminderLeadBusinessDays: number;
  phoneFirstBusinessDays: number;
  businessHours: { start: string; end: string };
  escalation: EscalationStep[];
  [field: string]: unknown;
}
interface EscalationStep {
  afterBusinessDays: number;
  to: string;
}

const NUMBER_FIELDS = [
  {
    key: 'defaultPromiseBusinessDays',
    label: 'Response window when no promise was made',
    unit: 'business days',
  },
  { key: 'reminderLeadBusinessDays', label: 'Remind the owner before the due date', unit: 'business days' },
  {
    key: 'phoneFirstBusinessDays',
    label: 'Final-stage outcomes wait for a phone call',
    unit: 'business days',
  },
] as const;
type NumberField = (typeof NUMBER_FIELDS)[number]['key'];

const ESCALATE_TO: Record<string, string> = {
  hiring_manager: 'the hiring manager',
  recruiter: 'the recruiter',
  admins: 'the admins',
};

interface Draft {
  numbers: Record<NumberField, string>;
  hours: { on: boolean; start: string; end: string };
  escalation: { on: boolean; steps: { afterBusinessDays: string; to: string }[] };
  /** The written promise after each interview: off for this job only with a reason. */
  writtenPromise: { off: boolean; reason: string };
}

function draftOf(org: OrgPolicy, overrides: Record<string, unknown>): Draft {
  const hours = overrides.businessHours as { start: string; end: string } | undefined;
  const ladder = overrides.escalation as EscalationStep[] | undefined;
  const written = overrides.writtenPromise as { send: boolean; reason?: string } | undefined;
  return {
    writtenPromise: { off: written?.send === false, reason: written?.reason ?? '' },
    numbers: Object.fromEntries(
      NUMBER_FIELDS.map((f) => [f.key, overrides[f.key] === undefined ? '' : String(overrides[f.key])]),
    ) as Record<NumberField, string>,
    hours: { on: hours !== undefined, ...(hours ?? org.businessHours) },
    escalation: {
      on: ladder !== undefined,
      steps: (ladder ?? org.escalation).map((s) => ({
        afterBusinessDays: String(s.afterBusinessDays),
        to: s.to,
      })),
    },
  };
}

/** What the draft overrides; fields left empty (or unticked) inherit the organization's policy. */
function overridesOf(d: Draft, keep: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...keep };
  for (const f of NUMBER_FIELDS) {
    const v = d.numbers[f.key].trim();
    if (v === '') delete out[f.key];
    // Sent as typed (a number when it is one) so the server's message names the real problem.
    else out[f.key] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  }
  if (d.hours.on) out.businessHours = { start: d.hours.start, end: d.hours.end };
  else delete out.businessHours;
  if (d.escalation.on)
    out.escalation = d.escalation.steps.map((s) => ({
      afterBusinessDays: /^\d+$/.test(s.afterBusinessDays.trim())
        ? Number(s.afterBusinessDays)
        : s.afterBusinessDays,
      to: s.to,
    }));
  else delete out.escalation;
  // Sent as typed: a blank reason comes back as reason_required, shown beside the field.
  if (d.writtenPromise.off) out.writtenPromise = { send: false, reason: d.writtenPromise.reason };
  else delete out.writtenPromise;
  return out;
}

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
  const [draft, setDraft] = useState<Draft>(() => draftOf(org, job.policyOverrides));
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
      await api('PATCH', `/jobs/${job.id}`, { policyOverrides: overridesOf(draft, job.policyOverrides) });
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

  const errorOf = (key: string) =>
    fieldErrors[key] ? (
      <p className="field-error" id={`${p}-${key}-err`}>
        {fieldErrors[key]}
      </p>
    ) : null;
  const invalid = (key: string) =>
    fieldErrors[key] ? { 'aria-invalid': true, 'aria-describedby': `${p}-${key}-err` } : {};

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
      {NUMBER_FIELDS.map((f) => (
        <div key={f.key} className="policy-field">
          <label htmlFor={`${p}-${f.key}`}>
            {f.label} ({f.unit})
          </label>
          <input
            id={`${p}-${f.key}`}
            inputMode="numeric"
            placeholder={`organization: ${String(org[f.key])}`}
            value={draft.numbers[f.key]}
            onChange={(e) => setDraft({ ...draft, numbers: { ...draft.numbers, [f.key]: e.target.value } })}
            {...invalid(f.key)}
          />
          <p className="meta inherit">
            Organization: {String(org[f.key])}
            {draft.numbers[f.key].trim() !== '' && ' · overridden for this job'}
          </p>
          {errorOf(f.key)}
        </div>
      ))}

      <fieldset>
        <legend>Business hours</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.hours.on}
            onChange={(e) => setDraft({ ...draft, hours: { ...draft.hours, on: e.target.checked } })}
          />
          Override for this job (organization: {org.businessHours.start}–{org.businessHours.end})
        </label>
        {draft.hours.on && (
          <div className="row" style={{ flexWrap: 'nowrap' }}>
            <div style={{ flex: 1 }}>
              <label htmlFor={`${p}-start`}>From</label>
              <input
                id={`${p}-start`}
                type="time"
                value={draft.hours.start}
                onChange={(e) => setDraft({ ...draft, hours: { ...draft.hours, start: e.target.value } })}
                {...invalid('businessHours')}
              />
            </div>
            <div style={{ flex: 1 }}>
              <label htmlFor={`${p}-end`}>To</label>
              <input
                id={`${p}-end`}
                type="time"
                value={draft.hours.end}
                onChange={(e) => setDraft({ ...draft, hours: { ...draft.hours, end: e.target.value } })}
                {...invalid('businessHours')}
              />
            </div>
          </div>
        )}
        {errorOf('businessHours')}
      </fieldset>

      <fieldset>
        <legend>Escalation when a promise is broken</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.escalation.on}
            onChange={(e) =>
              setDraft({ ...draft, escalation: { ...draft.escalation, on: e.target.checked } })
            }
          />
          Override for this job
        </label>
        <p className="meta inherit">
          Organization:{' '}
          {org.escalation.length === 0
            ? 'nobody'
            : org.escalation
                .map((s) => `${ESCALATE_TO[s.to] ?? s.to} after ${s.afterBusinessDays} business day(s)`)
                .join(', then ')}
        </p>
        {draft.escalation.on &&
          draft.escalation.steps.map((s, i) => {
            const set = (patch: Partial<typeof s>) =>
              setDraft({
                ...draft,
                escalation: {
                  ...draft.escalation,
                  steps: draft.escalation.steps.map((x, j) => (j === i ? { ...x, ...patch } : x)),
                },
              });
            return (
              <div key={i} className="row escalation-step">
                <div>
                  <label htmlFor={`${p}-esc-${i}-days`}>Step {i + 1}: after (business days)</label>
                  <input
                    id={`${p}-esc-${i}-days`}
                    inputMode="numeric"
                    value={s.afterBusinessDays}
                    onChange={(e) => set({ afterBusinessDays: e.target.value })}
                    {...invalid('escalation')}
                  />
                </div>
                <div>
                  <label htmlFor={`${p}-esc-${i}-to`}>tell</label>
                  <select id={`${p}-esc-${i}-to`} value={s.to} onChange={(e) => set({ to: e.target.value })}>
                    {Object.entries(ESCALATE_TO).map(([v, words]) => (
                      <option key={v} value={v}>
                        {words}
                      </option>
                    ))}
                  </select>
                </div>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    setDraft({
                      ...draft,
                      escalation: {
                        ...draft.escalation,
                        steps: draft.escalation.steps.filter((_, j) => j !== i),
                      },
                    })
                  }
                >
                  Remove step {i + 1}
                </button>
              </div>
            );
          })}
        {draft.escalation.on && draft.escalation.steps.length < 5 && (
          <button
            type="button"
            className="secondary"
            onClick={() =>
              setDraft({
                ...draft,
                escalation: {
                  ...draft.escalation,
                  steps: [...draft.escalation.steps, { afterBusinessDays: '', to: 'admins' }],
                },
              })
            }
          >
            Add a step
          </button>
        )}
        {errorOf('escalation')}
      </fieldset>

      <fieldset>
        <legend>Written promise after each interview</legend>
        <p className="meta inherit">
          Organization: closing an interview emails the candidate who will contact them, how and by when, with
          their status link.
        </p>
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.writtenPromise.off}
            onChange={(e) =>
              setDraft({ ...draft, writtenPromise: { ...draft.writtenPromise, off: e.target.checked } })
            }
          />
          Don’t send it for this job (a reason is required)
        </label>
        {draft.writtenPromise.off && (
          <>
            <label htmlFor={`${p}-written-reason`}>Why this job’s candidates get no written promise</label>
            <textarea
              id={`${p}-written-reason`}
              maxLength={500}
              value={draft.writtenPromise.reason}
              onChange={(e) =>
                setDraft({ ...draft, writtenPromise: { ...draft.writtenPromise, reason: e.target.value } })
              }
              {...invalid('writtenPromise')}
            />
          </>
        )}
        {errorOf('writtenPromise')}
      </fieldset>
      {errorOf('')}
      <Alerts error={error} notice={notice} />
      <button type="submit" disabled={busy}>
        Save the policy for {job.title}
      </button>
    </form>
  );
}
