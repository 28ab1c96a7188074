import { useEffect, useState, type FormEvent } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, everyItem, type Schema } from './api.ts';
import { CandidateForm, type CandidateRecord } from './CandidateForm.tsx';
import { FormButtons, useFormErrors } from './form-fields.tsx';

type JobOption = Schema<'Job'>;
interface ApplyDraft {
  stage: string;
  agencyName: string;
  agencyEmail: string;
}

const emptyApply: ApplyDraft = { stage: '', agencyName: '', agencyEmail: '' };

/** Put a candidate in a job; the agency recruiter only when one is named. */
function createApplication(jobId: string, candidateId: string, d: ApplyDraft) {
  const agency = d.agencyName.trim() || d.agencyEmail.trim();
  return dataOf(
    client.POST('/api/v1/applications', {
      body: {
        jobId,
        candidateId,
        ...(d.stage.trim() && { stage: d.stage.trim() }),
        ...(agency && { agencyRecruiter: { name: d.agencyName.trim(), email: d.agencyEmail.trim() } }),
      },
    }),
  );
}

/** The application's inputs: the stage it starts in and the agency recruiter the candidate came through. */
function ApplyFields({
  p,
  draft,
  set,
  errs,
  stages,
}: {
  p: string;
  draft: ApplyDraft;
  set: (d: ApplyDraft) => void;
  errs: ReturnType<typeof useFormErrors>;
  /** The chosen job's stages (empty until a job is chosen). */
  stages: readonly string[];
}) {
  return (
    <>
      <label htmlFor={`${p}-stage`}>Stage</label>
      <select
        id={`${p}-stage`}
        value={draft.stage}
        onChange={(e) => set({ ...draft, stage: e.target.value })}
        {...errs.invalid('stage')}
      >
        <option value="">{stages[0] ? `the job’s first (${stages[0]})` : 'the job’s first'}</option>
        {stages.slice(1).map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      {errs.errorOf('stage')}
      <fieldset>
        <legend>Came through an agency recruiter (optional)</legend>
        <label htmlFor={`${p}-agencyName`}>Their name</label>
        <input
          id={`${p}-agencyName`}
          value={draft.agencyName}
          onChange={(e) => set({ ...draft, agencyName: e.target.value })}
          {...errs.invalid('agencyRecruiter')}
        />
        <label htmlFor={`${p}-agencyEmail`}>Their email</label>
        <input
          id={`${p}-agencyEmail`}
          type="email"
          value={draft.agencyEmail}
          onChange={(e) => set({ ...draft, agencyEmail: e.target.value })}
          {...errs.invalid('agencyRecruiter')}
        />
        {errs.errorOf('agencyRecruiter')}
      </fieldset>
    </>
  );
}

/** From a candidate's profile: put them in one of the open jobs. */
export function AddToJob({
  candidate,
  onAdded,
  onCancel,
}: {
  candidate: { id: string; name: string };
  onAdded: (applicationId: string, jobTitle: string) => void;
  onCancel: () => void;
}) {
  const [jobs, setJobs] = useState<JobOption[] | null>(null);
  const [jobId, setJobId] = useState('');
  const [draft, setDraft] = useState<ApplyDraft>(emptyApply);
  const [busy, setBusy] = useState(false);
  const p = `add-${candidate.id}`;
  const errs = useFormErrors(p);
  useEffect(() => {
    everyItem((query) => client.GET('/api/v1/jobs', { params: { query: { ...query, status: 'open' } } }))
      .then(setJobs)
      .catch((e: unknown) => errs.fail(e, 'Could not load the jobs.'));
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    errs.clear();
    if (!jobId) return errs.set('jobId', 'Choose a job.');
    setBusy(true);
    createApplication(jobId, candidate.id, draft)
      .then((a) => onAdded(a.id, jobs?.find((j) => j.id === jobId)?.title ?? 'the job'))
      .catch((err: unknown) => errs.fail(err, 'Could not add the candidate to the job.'))
      .finally(() => setBusy(false));
  };
  return (
    <form noValidate className="card" aria-labelledby={`${p}-h`} onSubmit={submit}>
      <h2 id={`${p}-h`} style={{ marginTop: 0 }}>
        Add {candidate.name} to a job
      </h2>
      <label htmlFor={`${p}-jobId`}>Job</label>
      <select
        id={`${p}-jobId`}
        value={jobId}
        onChange={(e) => {
          setJobId(e.target.value);
          // Another job has other stages: start from its first again.
          setDraft({ ...draft, stage: '' });
        }}
        {...errs.invalid('jobId')}
      >
        <option value="">{jobs ? 'choose an open job' : 'loading…'}</option>
        {jobs?.map((j) => (
          <option key={j.id} value={j.id}>
            {j.title}
          </option>
        ))}
      </select>
      {errs.errorOf('jobId')}
      <ApplyFields
        p={p}
        draft={draft}
        set={setDraft}
        errs={errs}
        stages={jobs?.find((j) => j.id === jobId)?.stages ?? []}
      />
      <Alerts error={errs.error} />
      <FormButtons submitLabel="Add to the job" busy={busy} onCancel={onCancel} />
    </form>
  );
}

/** Candidates whose name or email contains the typed text, once typing pauses. */
function useCandidateSearch(q: string): CandidateRecord[] {
  const [found, setFound] = useState<CandidateRecord[]>([]);
  useEffect(() => {
    const text = q.trim();
    if (text.length < 2) return setFound([]);
    let current = true;
    const timer = setTimeout(() => {
      dataOf(client.GET('/api/v1/candidates', { params: { query: { q: text, limit: 8 } } }))
        .then((p) => current && setFound(p.items))
        .catch(() => undefined);
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q]);
  return found;
}

/**
 * From a job: find the candidate already on file (by name or email) and add them, or add a new
 * candidate and put them in the job in one go.
 */
export function AddCandidateToJob({
  job,
  onAdded,
  onCancel,
}: {
  job: { id: string; title: string };
  onAdded: (applicationId: string, candidateName: string) => void;
  onCancel: () => void;
}) {
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const found = useCandidateSearch(q);
  const p = `add-to-${job.id}`;
  const errs = useFormErrors(p);
  const add = (c: CandidateRecord) => {
    errs.clear();
    createApplication(job.id, c.id, emptyApply)
      .then((a) => onAdded(a.id, c.name))
      .catch((err: unknown) => errs.fail(err, `Could not add ${c.name} to ${job.title}.`));
  };
  if (creating)
    return (
      <>
        <Alerts error={errs.error} />
        <CandidateForm
          candidate={null}
          saveLabel={`Add to ${job.title}`}
          onSaved={add}
          onCancel={() => setCreating(false)}
        />
      </>
    );
  return (
    <section className="card" aria-labelledby={`${p}-h`}>
      <h3 id={`${p}-h`} style={{ marginTop: 0 }}>
        Add a candidate to {job.title}
      </h3>
      <label htmlFor={`${p}-q`}>Find a candidate on file (name or email)</label>
      <input id={`${p}-q`} value={q} autoComplete="off" onChange={(e) => setQ(e.target.value)} />
      <ul aria-label="Candidates on file">
        {found.map((c) => (
          <li key={c.id}>
            {c.name} <span className="meta">{c.email}</span>{' '}
            <button type="button" className="secondary" onClick={() => add(c)}>
              Add {c.name}
            </button>
          </li>
        ))}
      </ul>
      <Alerts error={errs.error} />
      <div className="row">
        <button type="button" onClick={() => setCreating(true)}>
          New candidate
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
