import { useState, type FormEvent } from 'react';
import { NextContactFields } from './NextContactFields.tsx';
import { Alerts } from './Alerts.tsx';
import { FormButtons } from './form-fields.tsx';
import { client, dataOf, fieldErrorsOf, messageOf, type Schema } from './api.ts';

type Channel = Schema<'CandidateContactCreateInput'>['channel'];

const value = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v.trim() : '';
};

/**
 * Log a contact with a submitted candidate from the desk: the recruiter told them the client's
 * answer, where things stand, or checked in. Like every contact it sets the next one or says why
 * there is none; a refused form keeps what was typed.
 */
export function CandidateContactForm({
  submissionId,
  followUpId,
  candidateName,
  onDone,
  onClose,
}: {
  submissionId: string;
  /** The follow-up this contact fulfils. */
  followUpId: string;
  candidateName: string;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const [noNext, setNoNext] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setFailed('');
    setErrors({});
    setBusy(true);
    void dataOf(
      client.POST('/api/v1/submissions/{id}/candidate-contacts', {
        params: { path: { id: submissionId } },
        // The select offers only the API's channels.
        body: {
          channel: (value(f, 'channel') || 'phone') as Channel,
          summary: value(f, 'summary'),
          followUpId,
          ...(noNext
            ? { noNextContactReason: value(f, 'noNextContactReason') }
            : { nextContactAt: value(f, 'nextContactAt') }),
        },
      }),
    )
      .then((r) =>
        onDone(
          `Contact with ${candidateName} logged` +
            (r.closedFollowUpIds.length > 0 ? ': done.' : '.') +
            (r.nextContact ? ' The next contact is on your desk.' : ''),
        ),
      )
      .catch((err: unknown) => {
        setErrors(fieldErrorsOf(err));
        setFailed(messageOf(err, 'The contact could not be logged.'));
      })
      .finally(() => setBusy(false));
  };
  return (
    <form aria-label={`Contact with ${candidateName}`} className="card" onSubmit={submit}>
      <h3>Log the contact with {candidateName}</h3>
      <label>
        How{' '}
        <select name="channel" defaultValue="phone">
          <option value="phone">phone</option>
          <option value="email">email</option>
          <option value="in_person">in person</option>
          <option value="sms">sms</option>
        </select>
      </label>
      <label>
        What you told them
        <textarea name="summary" rows={2} required />
      </label>
      <NextContactFields name={candidateName} none={noNext} onNone={setNoNext} />
      <Alerts error={[failed, ...Object.values(errors)].filter(Boolean).join(' ')} />
      <FormButtons submitLabel="Log the contact" busy={busy} onCancel={onClose} />
    </form>
  );
}
