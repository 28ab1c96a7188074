import { useState, type ReactNode } from 'react';
import { fieldErrorsOf, messageOf, type Schema } from './api.ts';

/** Members as the pickers list them. */
export type MemberOption = Schema<'Member'>;

/**
 * A form's failure: the problem's messages by field (shown beside each input) and one line for the
 * form. The inputs are not touched, so a refused form keeps what was typed.
 */
export function useFormErrors(prefix: string) {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  return {
    fields,
    error,
    clear: () => {
      setFields({});
      setError('');
    },
    /** Show a failed save; `under` also reads nested paths (`policyOverrides.x` as `x`). */
    fail: (e: unknown, fallback: string, under = '') => {
      const byField = { ...fieldErrorsOf(e), ...(under ? fieldErrorsOf(e, under) : {}) };
      if (under) delete byField[under];
      setFields(byField);
      setError(
        Object.keys(byField).length > 0
          ? 'Some fields need fixing; nothing was saved.'
          : messageOf(e, fallback),
      );
    },
    /** Set one field's message, e.g. a problem the client found before sending. */
    set: (key: string, message: string) => setFields((f) => ({ ...f, [key]: message })),
    /** The input's aria attributes while its field is refused. */
    invalid: (key: string) =>
      fields[key] ? { 'aria-invalid': true as const, 'aria-describedby': `${prefix}-${key}-err` } : {},
    /** The field's message, beside it. */
    errorOf: (key: string): ReactNode =>
      fields[key] ? (
        <p className="field-error" id={`${prefix}-${key}-err`}>
          {fields[key]}
        </p>
      ) : null,
  };
}

/** A select of the organization's active members, optionally only some roles; "nobody" is the empty value. */
export function MemberSelect({
  id,
  members,
  value,
  onChange,
  roles,
  invalid,
}: {
  id: string;
  members: MemberOption[];
  value: string;
  onChange: (id: string) => void;
  roles?: readonly string[];
  invalid?: object;
}) {
  const shown = members.filter(
    (m) => (m.active || m.id === value) && (!roles || roles.includes(m.role) || m.id === value),
  );
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} {...invalid}>
      <option value="">nobody</option>
      {shown.map((m) => (
        <option key={m.id} value={m.id}>
          {m.name} ({m.role.replace('_', ' ')})
        </option>
      ))}
    </select>
  );
}

/**
 * A form's closing row: the submit button, and a secondary button (Cancel unless named) that
 * leaves without saving. `busy` holds the submit button while a save is under way.
 */
export function FormButtons({
  submitLabel,
  busy,
  onCancel,
  cancelLabel = 'Cancel',
}: {
  submitLabel: ReactNode;
  busy?: boolean;
  onCancel: () => void;
  cancelLabel?: string;
}) {
  return (
    <div className="row">
      <button type="submit" disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}
