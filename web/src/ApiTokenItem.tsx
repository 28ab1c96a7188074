import type { Schema } from './api.ts';
import { ConfirmInline } from './SecretOnce.tsx';

const SCOPE_WORDS: Record<string, string> = { read: 'read', write: 'read and write', '*': 'everything' };

function day(iso: string | null): string {
  return iso
    ? new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
    : '—';
}

/** One API token: its access, when it was created and last used, and revoke after a confirmation. */
export function ApiTokenItem({
  token: t,
  busy,
  confirming,
  onConfirm,
  onRevoke,
}: {
  token: Schema<'ApiToken'>;
  busy: boolean;
  /** Revoking it is being confirmed. */
  confirming: boolean;
  onConfirm: (asking: boolean) => void;
  onRevoke: () => void;
}) {
  return (
    <li className={t.revokedAt ? 'revoked' : undefined}>
      <div>
        <strong>{t.name}</strong>
        <div className="meta">
          Access: {t.scopes.map((s) => SCOPE_WORDS[s] ?? s).join(', ')} · created {day(t.createdAt)} · last
          used {t.lastUsedAt ? day(t.lastUsedAt) : 'never'}
          {t.revokedAt && <> · revoked {day(t.revokedAt)}</>}
        </div>
      </div>
      {!t.revokedAt &&
        (confirming ? (
          <ConfirmInline
            label={`Confirm revoking ${t.name}`}
            question="Revoke it? Integrations using it stop working within seconds."
            yes={`Yes, revoke ${t.name}`}
            busy={busy}
            onYes={onRevoke}
            onNo={() => onConfirm(false)}
          />
        ) : (
          <button type="button" className="secondary" onClick={() => onConfirm(true)}>
            Revoke {t.name}
          </button>
        ))}
    </li>
  );
}
