import type { ReactNode } from 'react';
import { NUMBER_FIELDS, type OrgPolicy, type PolicyDraft } from './policy-draft.ts';

/** What every part of the policy editor shares: the draft, the ids' prefix and the field errors. */
export interface PolicyFieldProps {
  draft: PolicyDraft;
  setDraft: (draft: PolicyDraft) => void;
  org: OrgPolicy;
  /** The prefix of the editor's element ids (one editor per job). */
  p: string;
  /** The refusal shown beside a field, or nothing. */
  errorOf: (key: string) => ReactNode;
  /** The attributes marking a refused field invalid and pointing at its message. */
  invalid: (key: string) => { 'aria-invalid'?: boolean; 'aria-describedby'?: string };
}

/** A field's refusal beside it and the attributes that point at it, from the failed save's messages. */
export function fieldMarksOf(
  p: string,
  fieldErrors: Record<string, string>,
): Pick<PolicyFieldProps, 'errorOf' | 'invalid'> {
  return {
    errorOf: (key) =>
      fieldErrors[key] ? (
        <p className="field-error" id={`${p}-${key}-err`}>
          {fieldErrors[key]}
        </p>
      ) : null,
    invalid: (key) =>
      fieldErrors[key] ? { 'aria-invalid': true, 'aria-describedby': `${p}-${key}-err` } : {},
  };
}

/** The number fields, each with the organization's value beside it. */
export function PolicyNumberFields({ draft, setDraft, org, p, errorOf, invalid }: PolicyFieldProps) {
  return (
    <>
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
    </>
  );
}

/** The job's business hours, when it overrides the organization's. */
export function BusinessHoursFieldset({ draft, setDraft, org, p, errorOf, invalid }: PolicyFieldProps) {
  return (
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
  );
}

/** Whether the job sends the written promise after each interview; turning it off needs a reason. */
export function WrittenPromiseFieldset({ draft, setDraft, p, errorOf, invalid }: PolicyFieldProps) {
  return (
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
  );
}
