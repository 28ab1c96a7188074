import { useCallback, useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, messageOf } from './api.ts';
import { when } from './format.ts';
import { STATUS_WORDS, type Delivery, type Endpoint } from './webhook-words.ts';

/** One endpoint's delivery log, newest first, a page at a time, with replay of finished deliveries. */
export function WebhookDeliveryLog({ endpoint }: { endpoint: Endpoint }) {
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
                <DeliveryRow key={d.id} delivery={d} onReplay={() => void replay(d)} />
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

/** One delivery: its event, when, where it stands, its last response, and replay once finished. */
function DeliveryRow({ delivery: d, onReplay }: { delivery: Delivery; onReplay: () => void }) {
  return (
    <tr>
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
            onClick={onReplay}
          >
            Replay
          </button>
        )}
      </td>
    </tr>
  );
}
