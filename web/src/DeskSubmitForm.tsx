import { useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, messageOf } from './api.ts';
import { historyOf } from './DeskClientLinks.tsx';
import { fieldsOf, text, type DeskClient } from './desk-types.ts';

/** Submit a candidate to a client's job order, with the pitch and the candidate's consent. */
export function DeskSubmitForm({
  clients,
  candidates,
  onDone,
}: {
  clients: DeskClient[];
  candidates: { id: string; name: string }[];
  onDone: (m: string) => void;
}) {
  const [failed, setFailed] = useState('');
  const jobs = clients.flatMap((c) => c.jobOrders.map((j) => ({ ...j, client: c.name })));
  if (jobs.length === 0 || candidates.length === 0) return null;
  return (
    <section aria-labelledby="desk-submit">
      <h2 id="desk-submit">Submit a candidate</h2>
      <form
        onSubmit={(e) => {
          const form = e.currentTarget;
          const f = fieldsOf(e);
          dataOf(
            client.POST('/api/v1/submissions', {
              body: {
                jobId: text(f, 'job'),
                candidateId: text(f, 'candidate'),
                pitch: text(f, 'pitch'),
                // The checkbox is required, so only a checked one is sent.
                consent: (f.get('consent') === 'on') as true,
              },
            }),
          )
            .then((created) => {
              form.reset();
              setFailed('');
              onDone(
                `Submitted; the client’s feedback is now tracked against their deadline.${historyOf(created)}`,
              );
            })
            .catch((err: unknown) => setFailed(messageOf(err, 'The submission failed.')));
        }}
      >
        <div className="row">
          <select name="candidate" aria-label="Candidate">
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <select name="job" aria-label="Job order">
            {jobs.map((j) => (
              <option key={j.id} value={j.id}>
                {j.title} — {j.client}
              </option>
            ))}
          </select>
        </div>
        <label>
          Pitch (why this candidate)
          <textarea name="pitch" rows={2} required />
        </label>
        <label className="choice">
          <input type="checkbox" name="consent" required /> The candidate agreed to be sent to this client
        </label>
        <button type="submit">Submit candidate</button>
        <Alerts error={failed} />
      </form>
    </section>
  );
}
