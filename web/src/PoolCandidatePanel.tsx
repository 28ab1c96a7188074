import { useCallback, useEffect, useRef, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { ApiError, client, dataOf, everyItem, messageOf, type Schema } from './api.ts';
import { useBusyAction } from './busy-action.ts';
import { membershipWords } from './pool.ts';
import { PoolCandidateHistory } from './PoolCandidateHistory.tsx';
import { PoolMatchForm } from './PoolMatchForm.tsx';
import { ConfirmInline } from './SecretOnce.tsx';

/** One pool candidate's view, the open jobs, and the panel's actions: match to a job, remove. */
function usePoolCandidate(candidateId: string, onRemoved: () => void) {
  const [view, setView] = useState<Schema<'PoolCandidate'> | null>(null);
  const [jobs, setJobs] = useState<Schema<'Job'>[]>([]);
  const [matched, setMatched] = useState<{ id: string; jobTitle: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  const { busy, act } = useBusyAction(setError);
  const [notice, setNotice] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const load = useCallback(async () => {
    try {
      setView(
        await dataOf(client.GET('/api/v1/talent-pool/{id}', { params: { path: { id: candidateId } } })),
      );
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 404
          ? 'This candidate is not in the talent pool.'
          : messageOf(e, 'Could not load the candidate.'),
      );
    }
  }, [candidateId]);
  useEffect(() => {
    void load().then(() => heading.current?.focus());
    everyItem((query) =>
      client.GET('/api/v1/jobs', { params: { query: { ...query, status: 'open' } } }),
    ).then(
      (all) => setJobs(all.filter((j) => j.status === 'open')),
      () => setJobs([]),
    );
  }, [load]);
  const match = (jobId: string) =>
    act(async () => {
      const a = await dataOf(
        client.POST('/api/v1/talent-pool/{id}/match', {
          params: { path: { id: candidateId } },
          body: { jobId },
        }),
      );
      setMatched({ id: a.id, jobTitle: jobs.find((j) => j.id === jobId)?.title ?? 'the job' });
      await load();
    }, 'Could not match the candidate.');
  const remove = () =>
    act(async () => {
      await client.DELETE('/api/v1/talent-pool/{id}', { params: { path: { id: candidateId } } });
      setConfirming(false);
      setNotice('Removed from the talent pool. Their stay-in-touch follow-ups are cancelled.');
      onRemoved();
      await load();
    }, 'Could not remove the candidate.');
  return { view, jobs, matched, confirming, setConfirming, busy, error, notice, heading, match, remove };
}

/** One pool candidate: interview history, what they were told, match to a job, remove. */
export function PoolCandidatePanel({
  candidateId,
  onClose,
  onRemoved,
}: {
  candidateId: string;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const { view, jobs, matched, confirming, setConfirming, busy, error, notice, heading, match, remove } =
    usePoolCandidate(candidateId, onRemoved);
  if (!view)
    return (
      <section className="card" aria-label="Pool candidate">
        <Alerts error={error} />
        {!error && <p role="status">Loading…</p>}
      </section>
    );
  const m = view.membership;
  const inPool = m.status === 'opted_in';
  const inJobs = new Set(view.applications.map((a) => a.jobId));
  return (
    <section className="card" aria-labelledby="h-pool-candidate">
      <h2 id="h-pool-candidate" tabIndex={-1} ref={heading} style={{ marginTop: 0 }}>
        {view.candidate.name}
      </h2>
      <p>
        <strong>{membershipWords(m)}</strong>
      </p>
      <p className="meta">
        {view.candidate.email ?? 'No email address'}
        {view.candidate.phone && <> · {view.candidate.phone}</>} · stay in touch every {m.cadenceDays} days
      </p>
      {m.offer && <p>We offered to keep them posted about: {m.offer}</p>}
      {m.interests && <p>They want to hear about: {m.interests}</p>}
      <PoolCandidateHistory view={view} />
      {inPool && (
        <PoolMatchForm
          choices={jobs.filter((j) => !inJobs.has(j.id))}
          busy={busy}
          onMatch={(id) => void match(id)}
        />
      )}
      {matched && (
        <p className="notice" role="status">
          {view.candidate.name} is now in {matched.jobTitle}.{' '}
          <a href={`#/applications/${matched.id}`}>Open the new application</a>
        </p>
      )}
      <Alerts error={error} notice={notice} />
      <div className="row">
        {inPool &&
          (confirming ? (
            <ConfirmInline
              label={`Confirm removing ${view.candidate.name} from the talent pool`}
              question={`Remove ${view.candidate.name} from the talent pool? Their stay-in-touch follow-ups are cancelled, and you would have to invite them again.`}
              yes="Remove from the pool"
              busy={busy}
              onYes={() => void remove()}
              onNo={() => setConfirming(false)}
            />
          ) : (
            <button type="button" className="secondary" onClick={() => setConfirming(true)}>
              Remove from pool
            </button>
          ))}
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}
