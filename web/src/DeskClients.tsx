import { ClientForm, ContactForm, JobOrderForm } from './DeskClientForms.tsx';
import type { DeskClient } from './desk-types.ts';

/** The desk's clients: their agreed deadlines and contacts, with forms to add more. */
export function DeskClients({
  clients,
  onView,
  onDone,
}: {
  clients: DeskClient[];
  onView: (clientId: string) => void;
  onDone: (message: string) => void;
}) {
  return (
    <section aria-labelledby="desk-clients">
      <h2 id="desk-clients">Clients</h2>
      {clients.map((c) => (
        <article key={c.id} className="card" aria-label={c.name}>
          <strong>{c.name}</strong>{' '}
          <button type="button" className="secondary" onClick={() => onView(c.id)}>
            Open client view
          </button>
          <div className="meta">
            Answers a submission in {c.feedbackDaysAfterSubmission} business day(s), an interview in{' '}
            {c.feedbackDaysAfterInterview}; update every {c.updateCadenceDays} business day(s); guarantee{' '}
            {c.guaranteeDays} days.
          </div>
          <ul>
            {c.contacts.map((k) => (
              <li key={k.id}>
                {k.name}
                {k.title && `, ${k.title}`} · prefers {k.preferredChannel}
                {k.email && ` · ${k.email}`}
                {k.phone && ` · ${k.phone}`}
                {k.timeZone && ` · ${k.timeZone}`}
              </li>
            ))}
          </ul>
          {c.jobOrders.length > 0 && (
            <div className="meta">Job orders: {c.jobOrders.map((j) => j.title).join(', ')}</div>
          )}
          {/* Folded away: the desk stays dense; the forms are a click (or Enter) away. */}
          <details>
            <summary>Add a contact or a job order to {c.name}</summary>
            <ContactForm client={c} onDone={onDone} />
            <JobOrderForm client={c} onDone={onDone} />
          </details>
        </article>
      ))}
      <ClientForm onDone={onDone} />
    </section>
  );
}
