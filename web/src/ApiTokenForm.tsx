import { useState } from 'react';
import type { Body } from './api.ts';

/** An access a token can be given. */
export type Scope = NonNullable<Body<'/api/v1/api-tokens', 'post'>['scopes']>[number];

const ACCESS: { scope: Scope; label: string }[] = [
  { scope: 'read', label: 'Read only' },
  { scope: 'write', label: 'Read and write (no admin settings)' },
  { scope: '*', label: 'Everything, including admin settings' },
];

/** Create a token: what it is for, and its access. Cleared only once created: a failure keeps the input. */
export function ApiTokenForm({
  busy,
  onCreate,
}: {
  busy: boolean;
  /** Resolves true once created. */
  onCreate: (name: string, scope: Scope) => Promise<boolean>;
}) {
  const [form, setForm] = useState<{ name: string; scope: Scope }>({ name: '', scope: 'read' });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void onCreate(form.name, form.scope).then((ok) => {
          if (ok) setForm({ name: '', scope: 'read' });
        });
      }}
    >
      <h3>Create a token</h3>
      <label htmlFor="token-name">Name (what it is for)</label>
      <input
        id="token-name"
        required
        maxLength={100}
        value={form.name}
        onChange={(e) => setForm({ ...form, name: e.target.value })}
      />
      <fieldset>
        <legend>Access</legend>
        {ACCESS.map((a) => (
          <label key={a.scope} className="choice">
            <input
              type="radio"
              name="token-scope"
              value={a.scope}
              checked={form.scope === a.scope}
              onChange={() => setForm({ ...form, scope: a.scope })}
            />
            {a.label}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={busy}>
        Create the token
      </button>
    </form>
  );
}
