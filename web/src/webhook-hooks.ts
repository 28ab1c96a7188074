/** The webhooks section's state and actions: the endpoints, register, enable/disable, remove. */
import { useCallback, useEffect, useState } from 'react';
import { client, dataOf, everyItem, messageOf } from './api.ts';
import { useBusyAction } from './busy-action.ts';
import type { EndpointDraft } from './WebhookRegisterForm.tsx';
import type { Endpoint } from './webhook-words.ts';

/** The organization's endpoints, with the section's messages and its actions on them. */
export function useWebhookEndpoints() {
  const [endpoints, setEndpoints] = useState<Endpoint[] | null>(null);
  const [issued, setIssued] = useState<{ url: string; secret: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);
  const [error, setError] = useState('');
  const { busy, act } = useBusyAction(setError);
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    try {
      setEndpoints(await everyItem((query) => client.GET('/api/v1/webhooks', { params: { query } })));
    } catch (e) {
      setError(messageOf(e, 'Could not load the webhooks.'));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function register(form: EndpointDraft): Promise<boolean> {
    setError('');
    setNotice('');
    if (form.events.length === 0) {
      setError('Pick at least one event to send.');
      return false;
    }
    return act(async () => {
      const r = await dataOf(
        client.POST('/api/v1/webhooks', {
          body: {
            url: form.url,
            events: form.events,
            ...(form.description.trim() && { description: form.description.trim() }),
          },
        }),
      );
      if (r.secret) setIssued({ url: r.endpoint.url, secret: r.secret });
      await load();
    }, 'Could not register the endpoint.');
  }

  const setActive = (e: Endpoint, active: boolean) =>
    act(async () => {
      await client.PATCH('/api/v1/webhooks/{id}', { params: { path: { id: e.id } }, body: { active } });
      setNotice(
        active ? `Enabled ${e.url}: new events go to it again.` : `Disabled ${e.url}: nothing is sent to it.`,
      );
      await load();
    }, 'Could not change the endpoint.');

  const remove = (e: Endpoint) =>
    act(async () => {
      await client.DELETE('/api/v1/webhooks/{id}', { params: { path: { id: e.id } } });
      setConfirming(null);
      if (logOf === e.id) setLogOf(null);
      setNotice(`Removed ${e.url}.`);
      await load();
    }, 'Could not remove the endpoint.');

  return {
    endpoints,
    issued,
    setIssued,
    confirming,
    setConfirming,
    logOf,
    setLogOf,
    busy,
    error,
    notice,
    setNotice,
    register,
    setActive,
    remove,
  };
}
