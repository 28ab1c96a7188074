import { Alerts } from './Alerts.tsx';
import { SecretOnce } from './SecretOnce.tsx';
import { WebhookEndpointItem } from './WebhookEndpointItem.tsx';
import { useWebhookEndpoints } from './webhook-hooks.ts';
import { WebhookRegisterForm } from './WebhookRegisterForm.tsx';

/**
 * Webhooks (admins): register an endpoint (its signing secret shown once), disable or enable it,
 * remove it after a confirmation, and read each endpoint's delivery log with replay.
 */
export function WebhooksSection() {
  const {
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
  } = useWebhookEndpoints();

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
            <WebhookEndpointItem
              key={e.id}
              endpoint={e}
              busy={busy}
              confirming={confirming === e.id}
              showingLog={logOf === e.id}
              onConfirm={(asking) => setConfirming(asking ? e.id : null)}
              onToggleLog={() => setLogOf(logOf === e.id ? null : e.id)}
              onSetActive={(active) => void setActive(e, active)}
              onRemove={() => void remove(e)}
            />
          ))}
        </ul>
      )}
      <WebhookRegisterForm busy={busy} onRegister={register} />
    </section>
  );
}
