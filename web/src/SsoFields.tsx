import { when } from './format.ts';
import type { SsoForm, SsoSettings } from './sso-hooks.ts';

/**
 * Single sign-on's fields: the provider (issuer, client id, a write-only secret), the email
 * domains, the role a first sign-in joins at, and the switches for passwords and sign-in links
 * (which can be turned off only once settings are saved).
 */
export function SsoFields({
  form,
  current,
  onChange,
}: {
  form: SsoForm;
  /** The stored settings, if any. */
  current: SsoSettings | null;
  onChange: (form: SsoForm) => void;
}) {
  return (
    <>
      <SsoTextField
        form={form}
        onChange={onChange}
        name="issuer"
        label="Issuer URL"
        hint="e.g. https://accounts.google.com"
      />
      <SsoTextField form={form} onChange={onChange} name="clientId" label="Client ID" />
      <label htmlFor="sso-secret">Client secret</label>
      <input
        id="sso-secret"
        type="password"
        autoComplete="off"
        value={form.clientSecret}
        required={!current}
        aria-describedby="sso-secret-hint"
        onChange={(e) => onChange({ ...form, clientSecret: e.target.value })}
      />
      <p className="meta" id="sso-secret-hint">
        {current
          ? 'A secret is stored and never shown. Leave this empty to keep it.'
          : 'Stored for the sign-in and never shown again.'}
      </p>
      <SsoTextField
        form={form}
        onChange={onChange}
        name="domains"
        label="Email domains"
        hint="Comma-separated, e.g. acme.com, acme.co.uk"
      />
      <label htmlFor="sso-role">New people join as</label>
      <select
        id="sso-role"
        value={form.jitRole}
        onChange={(e) => onChange({ ...form, jitRole: e.target.value as SsoForm['jitRole'] })}
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
          onChange={(e) => onChange({ ...form, passwordsEnabled: e.target.checked })}
        />{' '}
        Passwords still work
      </label>
      <label>
        <input
          type="checkbox"
          checked={form.signInLinksEnabled}
          disabled={!current}
          onChange={(e) => onChange({ ...form, signInLinksEnabled: e.target.checked })}
        />{' '}
        Emailed sign-in links still work
      </label>
      <p className="meta">
        {current
          ? `Saved ${when(current.updatedAt)}. To turn passwords or links off, sign in once with your company account first.`
          : 'Passwords and links can be turned off once single sign-on is saved and you have signed in with it.'}
      </p>
    </>
  );
}

/** A required text field of the form, with its hint below it. */
function SsoTextField({
  form,
  onChange,
  name: key,
  label,
  hint,
}: {
  form: SsoForm;
  onChange: (form: SsoForm) => void;
  name: 'issuer' | 'clientId' | 'domains';
  label: string;
  hint?: string;
}) {
  return (
    <>
      <label htmlFor={`sso-${key}`}>{label}</label>
      <input
        id={`sso-${key}`}
        value={form[key]}
        required
        onChange={(e) => onChange({ ...form, [key]: e.target.value })}
        {...(hint && { 'aria-describedby': `sso-${key}-hint` })}
      />
      {hint && (
        <p className="meta" id={`sso-${key}-hint`}>
          {hint}
        </p>
      )}
    </>
  );
}
