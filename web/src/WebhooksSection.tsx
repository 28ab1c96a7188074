import { useCallback, useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, everyItem, messageOf, type Schema } from './api.ts';
import { when } from './format.ts';
import { ConfirmInline, SecretOnce } from './SecretOnce.tsx';

type Endpoint = Schema<'WebhookEndpoint'>;
type Delivery = Schema<'WebhookDelivery'>;
type EventType = Endpoint['events'][number];

/** The events an endpoint can pick (WEBHOOK_EVENTS in src/domain/webhooks.ts), in words. */
const EVENTS: { type: EventType; label: string }[] = [
  { type: 'interview.closed', label: 'Interview closed (with its promise)' },
  { type: 'promise.due_soon', label: 'Promise due soon' },
  { type: 'promise.broken', label: 'Promise broken' },
  { type: 'promise.escalated', label: 'Promise escalated' },
  { type: 'outcome.delivered', label: 'Outcome delivered' },
  { type: 'decision.recorded', label: 'Decision recorded' },
  { type: 'candidate.replied', label: 'Candidate replied' },
  { type: 'candidate.withdrew', label: 'Candidate withdrew' },
  { type: 'client_feedback.received', label: 'Client feedback received' },
];

const STATUS_WORDS: Record<Delivery['status'], string> = {
  pending: 'waiting to be sent',
  delivering: 'being sent',
  delivered: 'delivered',
  failed: 'failed',
};

/**
 * Webhooks (admins): register an endpoint (its signing secret shown once), disable or enable it,
 * remove it after a confirmation, and read each endpoint's delivery log with replay.
 */
export function WebhooksSection() {
  const [endpoints, setEndpoints] = useState<Endpoint[] | null>(null);
  const [form, setForm] = useState<{ url: string; description: string; events: EventType[] }>({
    url: '',
    description: '',
    events: [],
  });
  const [issued, setIssued] = useState<{ url: string; secret: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
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

  async function register() {
    setError('');
    setNotice('');
    if (form.events.length === 0) {
      setError('Pick at least one event to send.');
      return;
    }
    setBusy(true);
    try {
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
      setForm({ url: '', description: '', events: [] }); // cleared only once it worked
      await load();
    } catch (e) {
      setError(messageOf(e, 'Could not register the endpoint.'));
    } finally {
      setBusy(false);
    }
  }

  async function setActive(e: Endpoint, active: boolean) {
    setError('');
    setBusy(true);
    try {
      await client.PATCH('/api/v1/webhooks/{id}', { params: { path: { id: e.id } }, body: { active } });
      setNotice(
        active ? `Enabled ${e.url}: new events go to it again.` : `Disabled ${e.url}: nothing is sent to it.`,
      );
      await load();
    } catch (err) {
      setError(messageOf(err, 'Could not change the endpoint.'));
    } finally {
      setBusy(false);
    }
  }

  async function remove(e: Endpoint) {
    setError('');
    setBusy(true);
    try {
      await client.DELETE('/api/v1/webhooks/{id}', { params: { path: { id: e.id } } });
      setConfirming(null);
      if (logOf === e.id) setLogOf(null);
      setNotice(`Removed ${e.url}.`);
      await load();
    } catch (err) {
      setError(messageOf(err, 'Could not remove the endpoint.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="h-webhooks">
      <h2 id="h-webhooks" style={{ marginTop: 0 }}>
        Webhooks
      </h2>
      <p className="meta">
        Hearback POSTs each chosen event to your endpoint, signed with its secret (header Hearback-Signature),
        retrying failures. See “Webhooks (outgoing)” in <a href="/api/docs">the API docs</a>.
      </p>
      <Alerts error={error} notice={notice} />
      {issued && (
        <SecretOnce
          headingId="h-webhook-secret"
          id="new-webhook-secret"
          title={<>Signing secret for {issued.url}</>}
          label="Secret"
          value={issued.secret}
          onNotice={setNotice}
          onDone={() => setIssued(null)}
        >
          <p>
            <strong>Copy it now: you won’t see this secret again.</strong> Your endpoint uses it to check that
            a delivery came from Hearback.
          </p>
        </SecretOnce>
      )}
      {endpoints === null ? (
        !error && <p role="status">Loading webhooks…</p>
      ) : endpoints.length === 0 ? (
        <p className="empty">No endpoints yet.</p>
      ) : (
        <ul className="token-list" aria-label="Webhook endpoints">
          {endpoints.map((e) => (
            <li key={e.id} className={e.active ? undefined : 'revoked'}>
              <div style={{ flex: '1 1 20rem', minWidth: 0 }}>
                <strong style={{ overflowWrap: 'anywhere' }}>{e.url}</strong>
                {e.kind !== 'webhook' && <span className="meta"> ({e.kind})</span>}
                {e.description && <div>{e.description}</div>}
                <div className="meta">
                  {e.active ? 'Active' : e.disabledReason ? `Disabled: ${e.disabledReason}` : 'Disabled'}
                  {e.consecutiveFailures > 0 && ` · ${e.consecutiveFailures} failures in a row`} · events:{' '}
                  {e.events.map((t) => EVENTS.find((x) => x.type === t)?.label ?? t).join(', ')}
                </div>
              </div>
              {confirming === e.id ? (
                <ConfirmInline
                  label={`Confirm removing ${e.url}`}
                  question="Remove it? Deliveries still waiting are dropped with it."
                  yes="Yes, remove it"
                  busy={busy}
                  onYes={() => void remove(e)}
                  onNo={() => setConfirming(null)}
                />
              ) : (
                <div className="row">
                  <button
                    type="button"
                    className="secondary"
                    aria-expanded={logOf === e.id}
                    aria-controls={`log-${e.id}`}
                    onClick={() => setLogOf(logOf === e.id ? null : e.id)}
                  >
                    {logOf === e.id ? 'Hide deliveries' : 'Deliveries'}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    onClick={() => void setActive(e, !e.active)}
                  >
                    {e.active ? 'Disable' : 'Enable'}
                  </button>
                  <button type="button" className="secondary" onClick={() => setConfirming(e.id)}>
                    Remove
                  </button>
                </div>
              )}
              {logOf === e.id && <DeliveryLog endpoint={e} />}
            </li>
          ))}
        </ul>
      )}
      <form
        aria-labelledby="h-webhook-new"
        onSubmit={(e) => {
          e.preventDefault();
          void register();
        }}
      >
        <h3 id="h-webhook-new">Register an endpoint</h3>
        <label htmlFor="webhook-url">URL (https://…)</label>
        <input
          id="webhook-url"
          type="url"
          required
          maxLength={2000}
          value={form.url}
          onChange={(e) => setForm({ ...form, url: e.target.value })}
        />
        <label htmlFor="webhook-description">Description (optional)</label>
        <input
          id="webhook-description"
          maxLength={200}
          value={form.description}
          onChange={(e) => setForm({ ...form, description: e.target.value })}
        />
        <fieldset>
          <legend>Events to send</legend>
          {EVENTS.map((ev) => (
            <label key={ev.type} className="choice">
              <input
                type="checkbox"
                checked={form.events.includes(ev.type)}
                onChange={(e) =>
                  setForm({
                    ...form,
                    events: e.target.checked
                      ? [...form.events, ev.type]
                      : form.events.filter((t) => t !== ev.type),
                  })
                }
              />
              {ev.label}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={busy}>
          Register the endpoint
        </button>
      </form>
    </section>
  );
}

/** One endpoint's delivery log, newest first, a page at a time, with replay of finished deliveries. */
function DeliveryLog({ endpoint }: { endpoint: Endpoint }) {
  const [items, setItems] = useState<Delivery[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  const load = useCallback(
    async (after: string | null) => {
      try {
        const page = await dataOf(
          client.GET('/api/v1/webhooks/{id}/deliveries', {
            params: { path: { id: endpoint.id }, query: { limit: 20, ...(after && { cursor: after }) } },
          }),
        );
        setItems((old) => (after ? [...(old ?? []), ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (e) {
        setError(messageOf(e, 'Could not load the deliveries.'));
      }
    },
    [endpoint.id],
  );
  useEffect(() => {
    void load(null);
  }, [load]);

  async function replay(d: Delivery) {
    setError('');
    try {
      await client.POST('/api/v1/webhook-deliveries/{id}/replay', { params: { path: { id: d.id } } });
      setNotice(`Replaying ${d.eventType}: it is sent again now, with the same event id.`);
      await load(null);
    } catch (e) {
      setError(messageOf(e, 'Could not replay the delivery.'));
    }
  }

  return (
    <div id={`log-${endpoint.id}`} style={{ flexBasis: '100%', minWidth: 0 }}>
      <Alerts error={error} notice={notice} />
      {items === null ? (
        !error && <p role="status">Loading deliveries…</p>
      ) : items.length === 0 ? (
        <p className="empty">Nothing sent to it yet.</p>
      ) : (
        // Positioned, so the hidden "Actions" label scrolls with the table instead of widening the page.
        <div className="table-scroll" style={{ position: 'relative' }}>
          <table className="deliveries">
            <caption className="meta" style={{ textAlign: 'left' }}>
              Deliveries to {endpoint.url}, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Created</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last response</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td>
                    {d.eventType}
                    {d.replayOf && <span className="meta"> (replay)</span>}
                  </td>
                  <td>{when(d.createdAt)}</td>
                  <td>
                    {STATUS_WORDS[d.status]}
                    {d.status === 'pending' && d.attempts > 0 && (
                      <span className="meta"> · next try {when(d.nextAttemptAt)}</span>
                    )}
                  </td>
                  <td>{d.attempts}</td>
                  <td>
                    {d.lastStatusCode ?? '—'}
                    {d.lastError && <span className="meta"> · {d.lastError}</span>}
                  </td>
                  <td>
                    {(d.status === 'delivered' || d.status === 'failed') && (
                      <button
                        type="button"
                        className="secondary"
                        aria-label={`Replay ${d.eventType} from ${when(d.createdAt)}`}
                        onClick={() => void replay(d)}
                      >
                        Replay
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <button type="button" className="secondary" onClick={() => void load(cursor)}>
          Show older deliveries
        </button>
      )}
    </div>
  );
}
