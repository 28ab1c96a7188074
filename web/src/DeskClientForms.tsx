import { useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, fieldErrorsOf, messageOf, type Body } from './api.ts';
import { fieldsOf, text, type DeskClient } from './desk-types.ts';

type Channel = Body<'/api/v1/clients/{id}/contacts', 'post'>['preferredChannel'];
type RoleKind = Body<'/api/v1/clients/{id}/job-orders', 'post'>['roleKind'];

/** Add a client with the feedback deadlines it agreed to. */
export function ClientForm({ onDone }: { onDone: (m: string) => void }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState('');
  return (
    <form
      aria-label="Add a client"
      onSubmit={(e) => {
        const form = e.currentTarget;
        const f = fieldsOf(e);
        void client
          .POST('/api/v1/clients', {
            body: {
              name: text(f, 'name'),
              feedbackDaysAfterSubmission: Number(f.get('afterSubmission')),
              feedbackDaysAfterInterview: Number(f.get('afterInterview')),
            },
          })
          .then(() => {
            form.reset();
            setErrors({});
            setFailed('');
            onDone('Client added.');
          })
          .catch((err: unknown) => {
            setErrors(fieldErrorsOf(err));
            setFailed(messageOf(err, 'The client could not be added.'));
          });
      }}
    >
      <h3>Add a client</h3>
      <div className="row">
        <label>
          Name <input name="name" required />
        </label>
        <label>
          Answers a submission within (business days){' '}
          <input name="afterSubmission" type="number" min={0} max={60} defaultValue={2} />
        </label>
        <label>
          Decides after an interview within{' '}
          <input name="afterInterview" type="number" min={0} max={60} defaultValue={1} />
        </label>
        <button type="submit">Add client</button>
      </div>
      <Alerts error={[failed, ...Object.values(errors)].filter(Boolean).join(' ')} />
    </form>
  );
}

/** Add a contact at a client, with how they prefer to be reached. */
export function ContactForm({ client: c, onDone }: { client: DeskClient; onDone: (m: string) => void }) {
  const [failed, setFailed] = useState('');
  return (
    <form
      aria-label={`Add a contact to ${c.name}`}
      onSubmit={(e) => {
        const form = e.currentTarget;
        const f = fieldsOf(e);
        void client
          .POST('/api/v1/clients/{id}/contacts', {
            params: { path: { id: c.id } },
            body: {
              name: text(f, 'name'),
              ...(text(f, 'title') && { title: text(f, 'title') }),
              ...(text(f, 'email') && { email: text(f, 'email') }),
              ...(text(f, 'timeZone') && { timeZone: text(f, 'timeZone') }),
              preferredChannel: (text(f, 'channel') || 'email') as Channel,
            },
          })
          .then(() => {
            form.reset();
            setFailed('');
            onDone(`Contact added to ${c.name}.`);
          })
          .catch((err: unknown) => setFailed(messageOf(err, 'The contact could not be added.')));
      }}
    >
      <div className="row">
        <input name="name" aria-label="Contact name" placeholder="Contact name" required />
        <input name="title" aria-label="Contact title" placeholder="Title" />
        <input name="email" type="email" aria-label="Contact email" placeholder="Email" />
        <input name="timeZone" aria-label="Contact time zone" placeholder="Time zone, e.g. Europe/Paris" />
        <select name="channel" aria-label="Preferred channel" defaultValue="email">
          <option value="email">email</option>
          <option value="phone">phone</option>
          <option value="sms">sms</option>
        </select>
        <button type="submit" className="secondary">
          Add contact
        </button>
      </div>
      <Alerts error={failed} />
    </form>
  );
}

/** Add a job order for a client, with its hiring authority (one of the client's contacts). */
export function JobOrderForm({ client: c, onDone }: { client: DeskClient; onDone: (m: string) => void }) {
  const [failed, setFailed] = useState('');
  if (c.contacts.length === 0) return null;
  return (
    <form
      aria-label={`Add a job order for ${c.name}`}
      onSubmit={(e) => {
        const form = e.currentTarget;
        const f = fieldsOf(e);
        void client
          .POST('/api/v1/clients/{id}/job-orders', {
            params: { path: { id: c.id } },
            body: {
              title: text(f, 'title'),
              roleKind: (text(f, 'roleKind') || 'other') as RoleKind,
              hiringAuthorityId: text(f, 'authority'),
            },
          })
          .then(() => {
            form.reset();
            setFailed('');
            onDone(`Job order added for ${c.name}.`);
          })
          .catch((err: unknown) => setFailed(messageOf(err, 'The job order could not be added.')));
      }}
    >
      <div className="row">
        <input name="title" aria-label="Job title" placeholder="Job title" required />
        <select name="roleKind" aria-label="Kind of role" defaultValue="other">
          <option value="sales">sales</option>
          <option value="client_facing">client facing</option>
          <option value="technical">technical</option>
          <option value="other">other</option>
        </select>
        <select name="authority" aria-label="Hiring authority">
          {c.contacts.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          Add job order
        </button>
      </div>
      <Alerts error={failed} />
    </form>
  );
}
