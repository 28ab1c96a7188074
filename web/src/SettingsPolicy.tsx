import { useState } from 'react';
import { client, fieldErrorsOf, type Schema } from './api.ts';

/** A field's validation message, beside its input (linked by aria-describedby). */
function FieldError({ id, errors }: { id: string; errors: Record<string, string> }) {
  return errors[id] ? (
    <p className="field-error" id={`policy-${id}-err`}>
      {errors[id]}
    </p>
  ) : null;
}

/** Settings' policy form: time zone, default promise and undo window; a refused field keeps its value. */
export function PolicySection({
  policy,
  setPolicy,
  act,
}: {
  policy: Schema<'Policy'>;
  setPolicy: (policy: Schema<'Policy'>) => void;
  act: (what: () => Promise<unknown>, done: string) => Promise<void>;
}) {
  const [policyErrors, setPolicyErrors] = useState<Record<string, string>>({});
  const invalid = (key: string) =>
    policyErrors[key] ? { 'aria-invalid': true, 'aria-describedby': `policy-${key}-err` } : {};
  return (
    <section className="card" aria-labelledby="h-policy">
      <h2 id="h-policy" style={{ marginTop: 0 }}>
        Policy
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setPolicyErrors({});
          void act(
            () =>
              client.PUT('/api/v1/policy', { body: policy }).catch((err: unknown) => {
                setPolicyErrors(fieldErrorsOf(err)); // shown beside each field; the form keeps its values
                throw err;
              }),
            'Policy saved.',
          );
        }}
      >
        <label htmlFor="tz">Time zone</label>
        <input
          id="tz"
          value={policy.timeZone}
          onChange={(e) => setPolicy({ ...policy, timeZone: e.target.value })}
          {...invalid('timeZone')}
        />
        <FieldError id="timeZone" errors={policyErrors} />
        <label htmlFor="default-days">Default promise when none was made (business days)</label>
        <input
          id="default-days"
          type="number"
          min={1}
          max={60}
          value={policy.defaultPromiseBusinessDays}
          onChange={(e) => setPolicy({ ...policy, defaultPromiseBusinessDays: Number(e.target.value) })}
          {...invalid('defaultPromiseBusinessDays')}
        />
        <FieldError id="defaultPromiseBusinessDays" errors={policyErrors} />
        <label htmlFor="undo">Undo window after pressing send (minutes)</label>
        <input
          id="undo"
          type="number"
          min={0}
          max={120}
          value={policy.undoWindowMinutes}
          onChange={(e) => setPolicy({ ...policy, undoWindowMinutes: Number(e.target.value) })}
          {...invalid('undoWindowMinutes')}
        />
        <FieldError id="undoWindowMinutes" errors={policyErrors} />
        <button type="submit">Save the policy</button>
      </form>
    </section>
  );
}
