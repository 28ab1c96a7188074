import { useState, type FormEvent } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, type Schema } from './api.ts';
import { FormButtons, MemberSelect, useFormErrors, type MemberOption } from './form-fields.tsx';
import { stageListProblem } from './stages.ts';
import { StagesEditor, stageRowsOf, type StageRow } from './StagesEditor.tsx';

/** A job as the form reads and writes it. */
export type JobRecord = Schema<'Job'>;
type RoleKind = JobRecord['roleKind'];

const ROLE_KIND_WORDS: Record<RoleKind, string> = {
  sales: 'sales',
  client_facing: 'client-facing',
  technical: 'technical',
  other: 'other',
};

interface Draft {
  title: string;
  roleKind: RoleKind;
  hiringManagerId: string;
  recruiterId: string;
  finalistTarget: string;
  stages: StageRow[];
}

// A new job's stages until the team changes them (the server's default list).
const NEW_JOB_STAGES = ['applied', 'screen', 'interview', 'final', 'offer'];

const draftOf = (job: JobRecord | null): Draft => ({
  title: job?.title ?? '',
  roleKind: job?.roleKind ?? 'other',
  hiringManagerId: job?.hiringManagerId ?? '',
  recruiterId: job?.recruiterId ?? '',
  finalistTarget:
    typeof job?.policyOverrides.finalistTarget === 'number' ? String(job.policyOverrides.finalistTarget) : '',
  stages: stageRowsOf(job?.stages ?? NEW_JOB_STAGES),
});

/** The finalist target is a per-job policy override: blank follows the organization's. */
function overridesWith(keep: Record<string, unknown>, finalistTarget: string): Record<string, unknown> {
  const out = { ...keep };
  const v = finalistTarget.trim();
  if (v === '') delete out.finalistTarget;
  // Sent as typed when it is not a number, so the server's message names the problem at the field.
  else out.finalistTarget = /^\d+$/.test(v) ? Number(v) : v;
  return out;
}

/** Save the draft: create, then set the override, or change all at once. Returns the job. */
async function saveJob(job: JobRecord | null, d: Draft): Promise<JobRecord> {
  const fields = {
    title: d.title,
    roleKind: d.roleKind,
    hiringManagerId: d.hiringManagerId || null,
    recruiterId: d.recruiterId || null,
    stages: d.stages.map((r) => r.name.trim()),
  };
  const change = (id: string, policyOverrides: Record<string, unknown>, more: Partial<typeof fields> = {}) =>
    dataOf(
      client.PATCH('/api/v1/jobs/{id}', { params: { path: { id } }, body: { ...more, policyOverrides } }),
    );
  if (job) return change(job.id, overridesWith(job.policyOverrides, d.finalistTarget), fields);
  const created = await dataOf(client.POST('/api/v1/jobs', { body: fields }));
  if (d.finalistTarget.trim() === '') return created;
  return change(created.id, overridesWith({}, d.finalistTarget));
}

/**
 * Open a job or change one: title, role kind, hiring manager, recruiter, how many finalists it
 * keeps and its stages. A refused save keeps what was typed and says what is wrong beside the field.
 */
export function JobForm({
  job,
  members,
  orgFinalistTarget,
  onSaved,
  onCancel,
}: {
  /** The job to change; null opens a new one. */
  job: JobRecord | null;
  members: MemberOption[];
  orgFinalistTarget: number;
  onSaved: (job: JobRecord) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(job));
  const [busy, setBusy] = useState(false);
  const [badStages, setBadStages] = useState<number[]>([]);
  const p = `job-form-${job?.id ?? 'new'}`;
  const errs = useFormErrors(p);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    errs.clear();
    const stagesProblem = stageListProblem(draft.stages.map((r) => r.name));
    setBadStages(stagesProblem?.rows ?? []);
    if (stagesProblem) errs.set('stages', stagesProblem.message);
    if (draft.title.trim() === '') errs.set('title', 'Give the job a title.');
    if (stagesProblem || draft.title.trim() === '') return;
    setBusy(true);
    saveJob(job, draft)
      .then(onSaved)
      // The override's message comes back under policyOverrides: it is the finalist field's.
      .catch((err: unknown) => errs.fail(err, 'Could not save the job.', 'policyOverrides'))
      .finally(() => setBusy(false));
  };
  return (
    <form noValidate className="card" aria-labelledby={`${p}-h`} onSubmit={submit}>
      <h2 id={`${p}-h`} style={{ marginTop: 0 }}>
        {job ? `Change ${job.title}` : 'Open a job'}
      </h2>
      <JobFields
        p={p}
        draft={draft}
        set={set}
        members={members}
        errs={errs}
        orgFinalistTarget={orgFinalistTarget}
      />
      <StagesEditor
        p={p}
        rows={draft.stages}
        onChange={(stages) => set({ stages })}
        invalidRows={badStages}
        error={errs.errorOf('stages')}
      />
      <Alerts error={errs.error} />
      <FormButtons submitLabel={job ? 'Save the job' : 'Open the job'} busy={busy} onCancel={onCancel} />
    </form>
  );
}

/** The job's inputs, each with its message beside it. */
function JobFields({
  p,
  draft,
  set,
  members,
  errs,
  orgFinalistTarget,
}: {
  p: string;
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
  members: MemberOption[];
  errs: ReturnType<typeof useFormErrors>;
  orgFinalistTarget: number;
}) {
  return (
    <>
      <label htmlFor={`${p}-title`}>Title</label>
      <input
        id={`${p}-title`}
        value={draft.title}
        onChange={(e) => set({ title: e.target.value })}
        {...errs.invalid('title')}
      />
      {errs.errorOf('title')}
      <label htmlFor={`${p}-roleKind`}>Role kind</label>
      <select
        id={`${p}-roleKind`}
        value={draft.roleKind}
        onChange={(e) => set({ roleKind: e.target.value as RoleKind })}
      >
        {Object.entries(ROLE_KIND_WORDS).map(([v, w]) => (
          <option key={v} value={v}>
            {w}
          </option>
        ))}
      </select>
      {errs.errorOf('roleKind')}
      <label htmlFor={`${p}-hiringManagerId`}>Hiring manager</label>
      <MemberSelect
        id={`${p}-hiringManagerId`}
        members={members}
        roles={['hiring_manager', 'admin', 'recruiter']}
        value={draft.hiringManagerId}
        onChange={(v) => set({ hiringManagerId: v })}
        invalid={errs.invalid('hiringManagerId')}
      />
      {errs.errorOf('hiringManagerId')}
      <label htmlFor={`${p}-recruiterId`}>Recruiter</label>
      <MemberSelect
        id={`${p}-recruiterId`}
        members={members}
        roles={['recruiter', 'admin']}
        value={draft.recruiterId}
        onChange={(v) => set({ recruiterId: v })}
        invalid={errs.invalid('recruiterId')}
      />
      {errs.errorOf('recruiterId')}
      <label htmlFor={`${p}-finalistTarget`}>Finalists to keep in the final stage</label>
      <input
        id={`${p}-finalistTarget`}
        inputMode="numeric"
        placeholder={`organization: ${orgFinalistTarget}`}
        value={draft.finalistTarget}
        onChange={(e) => set({ finalistTarget: e.target.value })}
        {...errs.invalid('finalistTarget')}
      />
      {errs.errorOf('finalistTarget')}
    </>
  );
}
