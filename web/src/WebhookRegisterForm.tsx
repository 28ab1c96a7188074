import { useState } from 'react';
import { EVENTS, type EventType } from './webhook-words.ts';

/** A new endpoint as typed. */
export interface EndpointDraft {
  url: string;
  description: string;
  events: EventType[];
}

/**
 * Register an endpoint: its URL, a description, and the events to send. The form is cleared only
 * once the endpoint is registered, so a refused one keeps what was typed.
 */
export function WebhookRegisterForm({
  busy,
  onRegister,
}: {
  busy: boolean;
  /** Resolves true once registered. */
  onRegister: (draft: EndpointDraft) => Promise<boolean>;
}) {
  const [form, setForm] = useState<EndpointDraft>({ url: '', description: '', events: [] });
  return (
    <form
      aria-labelledby="h-webhook-new"
      onSubmit={(e) => {
        e.preventDefault();
        void onRegister(form).then((ok) => {
          if (ok) setForm({ url: '', description: '', events: [] });
        });
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
  );
}
