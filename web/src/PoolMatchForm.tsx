import { useState } from 'react';
import type { Schema } from './api.ts';

/** Match a pool candidate into an open job they are not already in, in one action. */
export function PoolMatchForm({
  choices,
  busy,
  onMatch,
}: {
  /** The open jobs the candidate is not in. */
  choices: Schema<'Job'>[];
  busy: boolean;
  onMatch: (jobId: string) => void;
}) {
  const [jobId, setJobId] = useState('');
  return (
    <>
      <h3>Match to a job</h3>
      {choices.length === 0 ? (
        <p className="empty">No open job they are not already in.</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onMatch(jobId);
          }}
        >
          <label htmlFor="pool-job">Open job</label>
          <select id="pool-job" value={jobId} onChange={(e) => setJobId(e.target.value)} required>
            <option value="">Choose a job…</option>
            {choices.map((j) => (
              <option key={j.id} value={j.id}>
                {j.title}
              </option>
            ))}
          </select>
          <div className="row">
            <button type="submit" disabled={busy || jobId === ''}>
              Match to this job
            </button>
          </div>
        </form>
      )}
    </>
  );
}
