/** The API tokens section's state and actions: the tokens, create one, revoke one. */
import { useCallback, useEffect, useState } from 'react';
import { client, dataOf, everyItem, messageOf, type Schema } from './api.ts';
import type { Scope } from './ApiTokenForm.tsx';
import { useBusyAction } from './busy-action.ts';

type ApiToken = Schema<'ApiToken'>;

/** The organization's API tokens, the one just issued (shown once), and create and revoke. */
export function useApiTokens() {
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [issued, setIssued] = useState<{ name: string; token: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState('');
  const { busy, act } = useBusyAction(setError);
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

  const create = (name: string, scope: Scope) => {
    setNotice('');
    return act(async () => {
      const r = await dataOf(client.POST('/api/v1/api-tokens', { body: { name, scopes: [scope] } }));
      setIssued({ name: r.name, token: r.token });
      await load();
    }, 'Could not create the token.');
  };

  const revoke = (t: ApiToken) =>
    act(async () => {
      await client.POST('/api/v1/api-tokens/{id}/revoke', { params: { path: { id: t.id } } });
      setConfirming(null);
      setNotice(`Revoked “${t.name}”: it no longer works.`);
      await load();
    }, 'Could not revoke the token.');

  return {
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
  };
}
