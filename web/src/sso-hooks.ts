/** Single sign-on's settings, the form editing them, and saving or removing them. */
import { useCallback, useEffect, useState } from 'react';
import { client, dataOf, messageOf, type Schema } from './api.ts';
import { useBusyAction } from './busy-action.ts';

/** The stored settings (the secret never shown). */
export type SsoSettings = Schema<'SsoSettings'>;
type SsoAnswer = Schema<'SsoAnswer'>;

/** The form's fields: the domains as typed, and '' for no role a first sign-in joins at. */
export interface SsoForm {
  issuer: string;
  clientId: string;
  clientSecret: string;
  domains: string;
  jitRole: NonNullable<SsoSettings['jitRole']> | '';
  passwordsEnabled: boolean;
  signInLinksEnabled: boolean;
}

const EMPTY: SsoForm = {
  issuer: '',
  clientId: '',
  clientSecret: '',
  domains: '',
  jitRole: 'interviewer',
  passwordsEnabled: true,
  signInLinksEnabled: true,
};

const formOf = (s: SsoSettings | null): SsoForm =>
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

/** The settings and the form, with save (confirmed first when it turns a sign-in method off) and remove. */
export function useSsoSettings() {
  const [answer, setAnswer] = useState<SsoAnswer | null>(null);
  const [form, setForm] = useState<SsoForm>(EMPTY);
  const [confirming, setConfirming] = useState<'save' | 'remove' | null>(null);
  const [error, setError] = useState('');
  const { busy, act } = useBusyAction(setError);
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

  function save() {
    setNotice('');
    // The form keeps its text when the server refuses it.
    return act(
      async () => {
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
      },
      'Could not save single sign-on.',
      () => setConfirming(null),
    );
  }

  const remove = () =>
    act(async () => {
      await client.DELETE('/api/v1/organization/sso');
      setConfirming(null);
      setNotice('Single sign-on removed: passwords and sign-in links work again.');
      await load();
    }, 'Could not remove single sign-on.');

  return {
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
  };
}
