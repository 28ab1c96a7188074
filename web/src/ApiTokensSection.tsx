import { Alerts } from './Alerts.tsx';
import { useApiTokens } from './api-token-hooks.ts';
import { ApiTokenForm } from './ApiTokenForm.tsx';
import { ApiTokenItem } from './ApiTokenItem.tsx';
import { SecretOnce } from './SecretOnce.tsx';

/** API tokens: the list, issuing one (its secret shown once) and revoking one after a confirmation. */
export function ApiTokensSection() {
  const {
    tokens,
    issued,
    setIssued,
    confirming,
    setConfirming,
    busy,
    error,
    notice,
    setNotice,
    create,
    revoke,
  } = useApiTokens();

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
            <ApiTokenItem
              key={t.id}
              token={t}
              busy={busy}
              confirming={confirming === t.id}
              onConfirm={(asking) => setConfirming(asking ? t.id : null)}
              onRevoke={() => void revoke(t)}
            />
          ))}
        </ul>
      )}
      <ApiTokenForm busy={busy} onCreate={create} />
    </section>
  );
}
