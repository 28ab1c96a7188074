import { useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, messageOf, type Schema } from './api.ts';
import { CloseOutReview, REACH_WORDS, type CloseOutResult } from './CloseOutReview.tsx';
import { ConfirmInline } from './SecretOnce.tsx';

type CloseOutStage = Schema<'CloseOutStage'>;
type CloseOutApplication = CloseOutStage['applications'][number];

/** The confirmation's question: who is hired, who becomes rejected, who gets a draft and who a call. */
function closeQuestion(title: string, noHire: boolean, hiredNames: string[], rest: CloseOutApplication[]) {
  return (
    (noHire
      ? `Close ${title} without hiring? `
      : `Mark ${title} filled by ${hiredNames.join(', ')}? ${hiredNames.join(', ')} become(s) hired and get(s) no message. `) +
    `The other ${rest.length} become rejected: ${rest.filter((a) => a.hasEmail).length} get a drafted message to review before anything is sent, ` +
    `${rest.filter((a) => !a.hasEmail).length} have no email and are to be called. This cannot be undone.`
  );
}

/** Everyone still in a job, by stage (null until loaded), and why they could not be loaded. */
function useCloseOutStages(jobId: string) {
  const [stages, setStages] = useState<CloseOutStage[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    dataOf(client.GET('/api/v1/jobs/{id}/close-out', { params: { path: { id: jobId } } }))
      .then((p) => setStages(p.stages))
      .catch((e: unknown) => setError(messageOf(e, 'Could not load who is still in this job.')));
  }, [jobId]);
  return { stages, error, setError };
}

/**
 * Closing a job, deliberately: who was hired (or nobody), everyone still in it by stage, a
 * confirmation that says what will happen, then the drafts per stage to review and send.
 */
export function CloseOutPanel({
  job,
  onClosed,
  onCancel,
}: {
  job: Schema<'Job'>;
  onClosed: () => void;
  onCancel: () => void;
}) {
  const { stages, error, setError } = useCloseOutStages(job.id);
  const [noHire, setNoHire] = useState(false);
  const [hired, setHired] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CloseOutResult | null>(null);

  if (!stages)
    return error ? (
      <p className="error" role="alert">
        {error}
      </p>
    ) : (
      <p role="status">Loading who is still in {job.title}…</p>
    );

  const everyone = stages.flatMap((g) => g.applications);
  const hiredNames = everyone.filter((a) => hired.has(a.applicationId)).map((a) => a.candidateName);
  const rest = everyone.filter((a) => !hired.has(a.applicationId));
  const ready = noHire || hired.size > 0;

  async function close() {
    setBusy(true);
    setError('');
    try {
      const r = await dataOf(
        client.POST('/api/v1/jobs/{id}/close', {
          params: { path: { id: job.id } },
          body: { status: noHire ? 'closed' : 'filled', hiredApplicationIds: noHire ? [] : [...hired] },
        }),
      );
      setResult(r);
      onClosed();
    } catch (e) {
      setError(messageOf(e, 'Could not close the job.'));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  if (result) return <CloseOutReview title={job.title} result={result} />;
  return (
    <section className="card" aria-labelledby={`h-close-${job.id}`}>
      <h2 id={`h-close-${job.id}`}>Close {job.title}</h2>
      <Alerts error={error} />
      <HiredFieldset
        stages={stages}
        hired={hired}
        setHired={setHired}
        noHire={noHire}
        setNoHire={setNoHire}
      />
      <StillInJob stages={stages} hired={hired} />
      <CloseOutActions
        title={job.title}
        question={closeQuestion(job.title, noHire, hiredNames, rest)}
        ready={ready}
        confirming={confirming}
        setConfirming={setConfirming}
        busy={busy}
        onClose={() => void close()}
        onCancel={onCancel}
      />
    </section>
  );
}

/** Who was hired: the finalists to tick (everyone when nobody reached the final stage), or no hire. */
function HiredFieldset({
  stages,
  hired,
  setHired,
  noHire,
  setNoHire,
}: {
  stages: CloseOutStage[];
  hired: Set<string>;
  setHired: (hired: Set<string>) => void;
  noHire: boolean;
  setNoHire: (noHire: boolean) => void;
}) {
  // The hire is usually a finalist: the final stages are offered; with none, everyone is.
  const finalists = stages.filter((g) => g.reach === 'final').flatMap((g) => g.applications);
  const choices = finalists.length > 0 ? finalists : stages.flatMap((g) => g.applications);
  return (
    <fieldset>
      <legend>Who was hired?</legend>
      {choices.map((a) => (
        <label key={a.applicationId} className="choice">
          <input
            type="checkbox"
            disabled={noHire}
            checked={hired.has(a.applicationId)}
            onChange={(e) => {
              const next = new Set(hired);
              if (e.target.checked) next.add(a.applicationId);
              else next.delete(a.applicationId);
              setHired(next);
            }}
          />{' '}
          {a.candidateName}
        </label>
      ))}
      <label className="choice">
        <input
          type="checkbox"
          checked={noHire}
          onChange={(e) => {
            setNoHire(e.target.checked);
            if (e.target.checked) setHired(new Set());
          }}
        />{' '}
        No hire: close without hiring
      </label>
    </fieldset>
  );
}

/** Everyone still in the job, by stage, with what closing means for each. */
function StillInJob({ stages, hired }: { stages: CloseOutStage[]; hired: Set<string> }) {
  return (
    <>
      <h3>Everyone still in it, by stage</h3>
      {stages.length === 0 && <p className="empty">Nobody is still in process.</p>}
      {stages.map((g) => (
        <div key={g.stage} role="group" aria-label={`Stage ${g.stage}`}>
          <h4>
            {g.stage} <span className="meta">({REACH_WORDS[g.reach]})</span>
          </h4>
          <ul>
            {g.applications.map((a) => (
              <li key={a.applicationId}>
                {a.candidateName}
                {hired.has(a.applicationId) && <strong> — hired: no message</strong>}
                <span className="meta">
                  {!a.hasEmail && ' · no email: call them'}
                  {a.openOutcomeFollowUpId && ' · outcome follow-up open'}
                  {a.latestDecision && ` · last decision: ${a.latestDecision.outcome}`}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

/** Continue to a confirmation that says what closing will do (or keep the job open); then close. */
function CloseOutActions({
  title,
  question,
  ready,
  confirming,
  setConfirming,
  busy,
  onClose,
  onCancel,
}: {
  title: string;
  question: string;
  /** Who was hired (or "no hire") has been chosen. */
  ready: boolean;
  confirming: boolean;
  setConfirming: (confirming: boolean) => void;
  busy: boolean;
  onClose: () => void;
  onCancel: () => void;
}) {
  return confirming ? (
    <ConfirmInline
      label={`Confirm closing ${title}`}
      question={question}
      yes={`Yes, close ${title}`}
      busy={busy}
      onYes={onClose}
      onNo={() => setConfirming(false)}
    />
  ) : (
    <div className="row">
      <button disabled={!ready} onClick={() => setConfirming(true)}>
        Continue
      </button>
      <button className="secondary" onClick={onCancel}>
        Keep it open
      </button>
      {!ready && <span className="meta">Choose who was hired, or “No hire”.</span>}
    </div>
  );
}
