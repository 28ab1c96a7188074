import { useEffect, useRef } from 'react';
import type { Schema } from './api.ts';
import { AssignPanel } from './AssignPanel.tsx';
import { when } from './format.ts';

type InboundEmail = Schema<'InboundEmail'>;

/** A mail's sender as people read it: "Jo Rivera <jo@example.com>", or the address alone. */
function senderOf(m: InboundEmail): string {
  return m.fromName ? `${m.fromName} <${m.fromAddress}>` : m.fromAddress;
}

/**
 * One unmatched mail: subject, sender, its plain text and attachments' names, with assigning it
 * to an application or dismissing it (after a confirmation) in place.
 */
export function InboundMailCard({
  mail: m,
  open,
  onOpen,
  onAssigned,
  onDismiss,
}: {
  mail: InboundEmail;
  /** Which action is open on it, if any. */
  open: 'assign' | 'dismiss' | null;
  onOpen: (action: 'assign' | 'dismiss' | null) => void;
  onAssigned: (message: string) => void;
  onDismiss: () => void;
}) {
  return (
    <article aria-labelledby={`mail-${m.id}`}>
      <h2 id={`mail-${m.id}`} style={{ marginTop: 0 }}>
        {m.subject || '(no subject)'}
      </h2>
      <p className="meta">
        From {senderOf(m)} · received {when(m.receivedAt)}
      </p>
      {/* Plain text only: React escapes it, and the API keeps no HTML. */}
      <pre className="mail-text">{m.bodyText || '(no text)'}</pre>
      {m.attachments.length > 0 && (
        <p className="meta">
          Attachments (not kept): {m.attachments.map((a) => a.filename || a.contentType).join(', ')}
        </p>
      )}
      {open === 'assign' ? (
        <AssignPanel mail={m} onCancel={() => onOpen(null)} onAssigned={onAssigned} />
      ) : open === 'dismiss' ? (
        <ConfirmDismiss mail={m} onConfirm={onDismiss} onCancel={() => onOpen(null)} />
      ) : (
        <div className="row">
          <button type="button" onClick={() => onOpen('assign')}>
            Assign to an application
          </button>
          <button type="button" className="secondary" onClick={() => onOpen('dismiss')}>
            Dismiss
          </button>
        </div>
      )}
    </article>
  );
}

/** "Dismiss it?", with keeping it focused: dismissing records nothing. */
function ConfirmDismiss({
  mail,
  onConfirm,
  onCancel,
}: {
  mail: InboundEmail;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div role="group" aria-label={`Confirm dismissing the mail from ${mail.fromAddress}`} className="confirm">
      <p style={{ margin: 0 }}>Dismiss it? It leaves the inbox and is not recorded as a reply from anyone.</p>
      <div className="row">
        <button type="button" className="danger" onClick={onConfirm}>
          Yes, dismiss
        </button>
        <button type="button" className="secondary" ref={keep} onClick={onCancel}>
          Keep it
        </button>
      </div>
    </div>
  );
}
