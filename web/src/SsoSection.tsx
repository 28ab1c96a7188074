import { useCallback, useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, messageOf, type Schema } from './api.ts';
import { when } from './format.ts';
import { ConfirmInline } from './SecretOnce.tsx';

type SsoSettings = Schema<'SsoSettings'>;
type SsoAnswer = Schema<'SsoAnswer'>;

/** The form's fields: the domains as typed, and '' for no role a first sign-in joins at. */
interface Form {
  issuer: string;
  clientId: string;
  clientSecret: string;
  domains: string;
  jitRole: NonNullable<SsoSettings['jitRole']> | '';
  passwordsEnabled: boolean;
  signInLinksEnabled: boolean;
}

const EMPTY: Form = {
  issuer: '',
  clientId: '',
  clientSecret: '',
  domains: '',
  jitRole: 'interviewer',
  passwordsEnabled: true,
  signInLinksEnabled: true,
};

const formOf = (s: SsoSettings | null): Form =>
  s
    ? {
        issuer: s.issuer,
        clientId: s.clientId,
        clientSecret: '',
        domains: s.emailDomains.join(', '),
        jitRole: s.jitRole ?? '',
        passwordsEnabled: s.passwordsEnabled,
        signInLinksEnabled: s.signInLinksEnabled,
      }
    : EMPTY;

/**
 * Single sign-on (admins): the identity provider (issuer, client id, a write-only secret), the email
 * domains it signs in, the role a first sign-in joins at, and the switches that turn passwords and
 * sign-in links off — confirmed first, since the provider becomes the only way in.
 */
export function SsoSection() {
  const [answer, setAnswer] = useState<SsoAnswer | null>(null);
  const [form, setForm] = useState<Form>(EMPTY);
  const [confirming, setConfirming] = useState<'save' | 'remove' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    try {
      const a = await dataOf(client.GET('/api/v1/organization/sso'));
      setAnswer(a);
      setForm(formOf(a.settings));
    } catch (e) {
      setError(messageOf(e, 'Could not load single sign-on.'));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const current = answer?.settings ?? null;
  // Turning a switch off is what needs a confirmation; turning one on never does.
  const turnsOff =
    (!form.passwordsEnabled && (current?.passwordsEnabled ?? true)) ||
    (!form.signInLinksEnabled && (current?.signInLinksEnabled ?? true));

  async function save() {
    setError('');
    setNotice('');
    setBusy(true);
    try {
      // The form keeps its text when the server refuses it.
      await client.PUT('/api/v1/organization/sso', {
        body: {
          issuer: form.issuer.trim(),
          clientId: form.clientId.trim(),
          ...(form.clientSecret && { clientSecret: form.clientSecret }),
          emailDomains: form.domains
            .split(/[\s,]+/)
            .map((d) => d.trim())
            .filter(Boolean),
          jitRole: form.jitRole || null,
          passwordsEnabled: form.passwordsEnabled,
          signInLinksEnabled: form.signInLinksEnabled,
        },
      });
      setConfirming(null);
      setNotice('Single sign-on saved.');
      await load();
    } catch (e) {
      setConfirming(null);
      setError(messageOf(e, 'Could not save single sign-on.'));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setError('');
    setBusy(true);
    try {
      await client.DELETE('/api/v1/organization/sso');
      setConfirming(null);
      setNotice('Single sign-on removed: passwords and sign-in links work again.');
      await load();
    } catch (e) {
      setError(messageOf(e, 'Could not remove single sign-on.'));
    } finally {
      setBusy(false);
    }
  }

  const field = (key: 'issuer' | 'clientId' | 'domains', label: string, hint?: string) => (
    <>
      <label htmlFor={`sso-${key}`}>{label}</label>
      <input
        id={`sso-${key}`}
        value={form[key]}
        required
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        {...(hint && { 'aria-describedby': `sso-${key}-hint` })}
      />
      {hint && (
        <p className="meta" id={`sso-${key}-hint`}>
          {hint}
        </p>
      )}
    </>
  );

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
          {field('issuer', 'Issuer URL', 'e.g. https://accounts.google.com')}
          {field('clientId', 'Client ID')}
          <label htmlFor="sso-secret">Client secret</label>
          <input
            id="sso-secret"
            type="password"
            autoComplete="off"
            value={form.clientSecret}
            required={!current}
            aria-describedby="sso-secret-hint"
            onChange={(e) => setForm({ ...form, clientSecret: e.target.value })}
          />
          <p className="meta" id="sso-secret-hint">
            {current
              ? 'A secret is stored and never shown. Leave this empty to keep it.'
              : 'Stored for the sign-in and never shown again.'}
          </p>
          {field('domains', 'Email domains', 'Comma-separated, e.g. acme.com, acme.co.uk')}
          <label htmlFor="sso-role">New people join as</label>
          <select
            id="sso-role"
            value={form.jitRole}
            onChange={(e) => setForm({ ...form, jitRole: e.target.value as Form['jitRole'] })}
          >
            <option value="">Nobody joins: only existing members sign in</option>
            <option value="interviewer">Interviewer</option>
            <option value="hiring_manager">Hiring manager</option>
            <option value="recruiter">Recruiter</option>
            <option value="admin">Admin</option>
          </select>
          <label>
            <input
              type="checkbox"
              checked={form.passwordsEnabled}
              disabled={!current}
              onChange={(e) => setForm({ ...form, passwordsEnabled: e.target.checked })}
            />{' '}
            Passwords still work
          </label>
          <label>
            <input
              type="checkbox"
              checked={form.signInLinksEnabled}
              disabled={!current}
              onChange={(e) => setForm({ ...form, signInLinksEnabled: e.target.checked })}
            />{' '}
            Emailed sign-in links still work
          </label>
          <p className="meta">
            {current
              ? `Saved ${when(current.updatedAt)}. To turn passwords or links off, sign in once with your company account first.`
              : 'Passwords and links can be turned off once single sign-on is saved and you have signed in with it.'}
          </p>
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
