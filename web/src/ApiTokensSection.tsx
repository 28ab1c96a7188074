import { useCallback, useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, everyItem, messageOf, type Body, type Schema } from './api.ts';
import { ConfirmInline, SecretOnce } from './SecretOnce.tsx';

type ApiToken = Schema<'ApiToken'>;
type Scope = NonNullable<Body<'/api/v1/api-tokens', 'post'>['scopes']>[number];

const ACCESS: { scope: Scope; label: string }[] = [
  { scope: 'read', label: 'Read only' },
  { scope: 'write', label: 'Read and write (no admin settings)' },
  { scope: '*', label: 'Everything, including admin settings' },
];

const SCOPE_WORDS: Record<string, string> = { read: 'read', write: 'read and write', '*': 'everything' };

function day(iso: string | null): string {
  return iso
    ? new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
    : '—';
}

/** API tokens: the list, issuing one (its secret shown once) and revoking one after a confirmation. */
export function ApiTokensSection() {
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [form, setForm] = useState<{ name: string; scope: Scope }>({ name: '', scope: 'read' });
  const [issued, setIssued] = useState<{ name: string; token: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    try {
      setTokens(await everyItem((query) => client.GET('/api/v1/api-tokens', { params: { query } })));
    } catch (e) {
      setError(messageOf(e, 'Could not load the API tokens.'));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function create() {
    setError('');
    setNotice('');
    setBusy(true);
    try {
      const r = await dataOf(
        client.POST('/api/v1/api-tokens', { body: { name: form.name, scopes: [form.scope] } }),
      );
      setIssued({ name: r.name, token: r.token });
      setForm({ name: '', scope: 'read' }); // cleared only once it worked: a failure keeps the input
      await load();
    } catch (e) {
      setError(messageOf(e, 'Could not create the token.'));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(t: ApiToken) {
    setError('');
    setBusy(true);
    try {
      await client.POST('/api/v1/api-tokens/{id}/revoke', { params: { path: { id: t.id } } });
      setConfirming(null);
      setNotice(`Revoked “${t.name}”: it no longer works.`);
      await load();
    } catch (e) {
      setError(messageOf(e, 'Could not revoke the token.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="h-tokens">
      <h2 id="h-tokens" style={{ marginTop: 0 }}>
        API tokens
      </h2>
      <p className="meta">
        For integrations such as an ATS sync. See <a href="/api/docs">the API docs</a>.
      </p>
      <Alerts error={error} notice={notice} />
      {issued && (
        <SecretOnce
          headingId="h-issued"
          id="new-token"
          title={<>Your new token “{issued.name}”</>}
          label="Token"
          value={issued.token}
          onNotice={setNotice}
          onDone={() => setIssued(null)}
        >
          <p>
            <strong>Copy it now: you won’t see this token again.</strong> Hearback keeps only a fingerprint of
            it.
          </p>
        </SecretOnce>
      )}
      {tokens === null ? (
        !error && <p role="status">Loading tokens…</p>
      ) : tokens.length === 0 ? (
        <p className="empty">No tokens yet.</p>
      ) : (
        <ul className="token-list" aria-label="API tokens">
          {tokens.map((t) => (
            <li key={t.id} className={t.revokedAt ? 'revoked' : undefined}>
              <div>
                <strong>{t.name}</strong>
                <div className="meta">
                  Access: {t.scopes.map((s) => SCOPE_WORDS[s] ?? s).join(', ')} · created {day(t.createdAt)} ·
                  last used {t.lastUsedAt ? day(t.lastUsedAt) : 'never'}
                  {t.revokedAt && <> · revoked {day(t.revokedAt)}</>}
                </div>
              </div>
              {!t.revokedAt &&
                (confirming === t.id ? (
                  <ConfirmInline
                    label={`Confirm revoking ${t.name}`}
                    question="Revoke it? Integrations using it stop working within seconds."
                    yes={`Yes, revoke ${t.name}`}
                    busy={busy}
                    onYes={() => void revoke(t)}
                    onNo={() => setConfirming(null)}
                  />
                ) : (
                  <button type="button" className="secondary" onClick={() => setConfirming(t.id)}>
                    Revoke {t.name}
                  </button>
                ))}
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create();
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
    </section>
  );
}
