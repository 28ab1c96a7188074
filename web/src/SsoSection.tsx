import { Alerts } from './Alerts.tsx';
import { ConfirmInline } from './SecretOnce.tsx';
import { SsoFields } from './SsoFields.tsx';
import { useSsoSettings } from './sso-hooks.ts';

/**
 * Single sign-on (admins): the identity provider (issuer, client id, a write-only secret), the email
 * domains it signs in, the role a first sign-in joins at, and the switches that turn passwords and
 * sign-in links off — confirmed first, since the provider becomes the only way in.
 */
export function SsoSection() {
  const {
    answer,
    form,
    setForm,
    confirming,
    setConfirming,
    busy,
    error,
    notice,
    current,
    turnsOff,
    save,
    remove,
  } = useSsoSettings();
  return (
    <section className="card" aria-labelledby="h-sso">
      <h2 id="h-sso" style={{ marginTop: 0 }}>
        Single sign-on
      </h2>
      <p className="meta">
        Members sign in with their company account (OpenID Connect: Google Workspace, Microsoft Entra ID,
        Okta). Register this redirect URI with your provider:{' '}
        <code style={{ overflowWrap: 'anywhere' }}>{answer?.redirectUri ?? '…'}</code>
      </p>
      <Alerts error={error} notice={notice} />
      {answer === null ? (
        !error && <p role="status">Loading single sign-on…</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (turnsOff) setConfirming('save');
            else void save();
          }}
        >
          <SsoFields form={form} current={current} onChange={setForm} />
          {confirming === 'save' ? (
            <ConfirmInline
              label="Confirm turning sign-in methods off"
              question="Members of this organization will sign in only with their company account. Continue?"
              yes="Yes, turn them off"
              busy={busy}
              onYes={() => void save()}
              onNo={() => setConfirming(null)}
            />
          ) : confirming === 'remove' ? (
            <ConfirmInline
              label="Confirm removing single sign-on"
              question="Remove single sign-on? Members sign in with passwords and links again."
              yes="Yes, remove it"
              busy={busy}
              onYes={() => void remove()}
              onNo={() => setConfirming(null)}
            />
          ) : (
            <div className="row">
              <button type="submit" disabled={busy}>
                Save single sign-on
              </button>
              {current && (
                <button type="button" className="secondary" onClick={() => setConfirming('remove')}>
                  Remove single sign-on
                </button>
              )}
            </div>
          )}
        </form>
      )}
    </section>
  );
}
