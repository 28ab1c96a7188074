import { ConfirmInline } from './SecretOnce.tsx';
import { WebhookDeliveryLog } from './WebhookDeliveryLog.tsx';
import { EVENTS, type Endpoint } from './webhook-words.ts';

/**
 * One registered endpoint: where it stands and its events, with its delivery log (shown or
 * hidden), enable or disable, and remove after a confirmation.
 */
export function WebhookEndpointItem({
  endpoint: e,
  busy,
  confirming,
  showingLog,
  onConfirm,
  onToggleLog,
  onSetActive,
  onRemove,
}: {
  endpoint: Endpoint;
  busy: boolean;
  /** Removing it is being confirmed. */
  confirming: boolean;
  showingLog: boolean;
  onConfirm: (asking: boolean) => void;
  onToggleLog: () => void;
  onSetActive: (active: boolean) => void;
  onRemove: () => void;
}) {
  return (
    <li className={e.active ? undefined : 'revoked'}>
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
      {confirming ? (
        <ConfirmInline
          label={`Confirm removing ${e.url}`}
          question="Remove it? Deliveries still waiting are dropped with it."
          yes="Yes, remove it"
          busy={busy}
          onYes={onRemove}
          onNo={() => onConfirm(false)}
        />
      ) : (
        <div className="row">
          <button
            type="button"
            className="secondary"
            aria-expanded={showingLog}
            aria-controls={`log-${e.id}`}
            onClick={onToggleLog}
          >
            {showingLog ? 'Hide deliveries' : 'Deliveries'}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => onSetActive(!e.active)}>
            {e.active ? 'Disable' : 'Enable'}
          </button>
          <button type="button" className="secondary" onClick={() => onConfirm(true)}>
            Remove
          </button>
        </div>
      )}
      {showingLog && <WebhookDeliveryLog endpoint={e} />}
    </li>
  );
}
