import { useCallback, useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { api, ApiError, listAll, messageOf, type FollowUp, type Page, type Session } from './api.ts';
import { AddCandidateToJob } from './AddToJob.tsx';
import type { MemberOption } from './form-fields.tsx';
import { JobForm, type JobRecord } from './JobForm.tsx';
import { JobPolicyEditor, type OrgPolicy } from './JobPolicyEditor.tsx';
import { ConfirmInline } from './SecretOnce.tsx';
import { DraftReview, type Draft } from './ToSendScreen.tsx';

type Job = JobRecord;
interface Application {
  id: string;
  jobId: string;
  stage: string;
  status: string;
}
interface CloseOutApplication {
  applicationId: string;
  candidateName: string;
  hasEmail: boolean;
  finalStage: boolean;
  interviewed: boolean;
  openOutcomeFollowUpId: string | null;
  latestDecision: { outcome: string; decidedAt: string } | null;
}
interface CloseOutStage {
  stage: string;
  reach: 'final' | 'interviewed' | 'applied';
  applications: CloseOutApplication[];
}
interface CloseOutResult {
  status: 'closed' | 'filled';
  stages: (CloseOutStage & { drafts: Draft[]; withoutEmail: string[] })[];
  drafts: Draft[];
  withoutEmail: string[];
}

const REACH_WORDS: Record<CloseOutStage['reach'], string> = {
  final: 'reached the final stage',
  interviewed: 'interviewed',
  applied: 'applied, not interviewed',
};

/**
 * Closing a job, deliberately: who was hired (or nobody), everyone still in it by stage, a
 * confirmation that says what will happen, then the drafts per stage to review and send.
 */
function CloseOutPanel({
  job,
  onClosed,
  onCancel,
}: {
  job: Job;
  onClosed: () => void;
  onCancel: () => void;
}) {
  const [stages, setStages] = useState<CloseOutStage[] | null>(null);
  const [noHire, setNoHire] = useState(false);
  const [hired, setHired] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CloseOutResult | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    api<{ stages: CloseOutStage[] }>('GET', `/jobs/${job.id}/close-out`)
      .then((p) => setStages(p.stages))
      .catch((e: unknown) => setError(messageOf(e, 'Could not load who is still in this job.')));
  }, [job.id]);

  if (!stages)
    return error ? (
      <p className="error" role="alert">
        {error}
      </p>
    ) : (
      <p role="status">Loading who is still in {job.title}…</p>
    );

  const everyone = stages.flatMap((g) => g.applications);
  // The hire is usually a finalist: the final stages are offered; with none, everyone is.
  const finalists = stages.filter((g) => g.reach === 'final').flatMap((g) => g.applications);
  const choices = finalists.length > 0 ? finalists : everyone;
  const hiredNames = everyone.filter((a) => hired.has(a.applicationId)).map((a) => a.candidateName);
  const rest = everyone.filter((a) => !hired.has(a.applicationId));
  const ready = noHire || hired.size > 0;

  async function close() {
    setBusy(true);
    setError('');
    try {
      const r = await api<CloseOutResult>('POST', `/jobs/${job.id}/close`, {
        status: noHire ? 'closed' : 'filled',
        hiredApplicationIds: noHire ? [] : [...hired],
      });
      setResult(r);
      onClosed();
    } catch (e) {
      setError(messageOf(e, 'Could not close the job.'));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  if (result) {
    const calls = result.stages.flatMap((g) =>
      g.applications.filter((a) => g.withoutEmail.includes(a.applicationId)),
    );
    return (
      <section className="card" aria-labelledby="h-review">
        <h2 id="h-review">Review before sending: {job.title}</h2>
        <p>
          {job.title} is {result.status}. One message per stage, worded for how far they got. Nothing is sent
          until you send it; the drafts stay in <a href="#/to-send">To send</a> if you leave.
        </p>
        {calls.length > 0 && (
          <p className="notice" role="status">
            No email, call them: {calls.map((a) => a.candidateName).join(', ')}.
          </p>
        )}
        <DraftReview
          groups={result.stages.map((g) => ({
            key: g.stage,
            title: `${g.stage} (${REACH_WORDS[g.reach]})`,
            drafts: g.drafts,
          }))}
          onChanged={() => undefined}
        />
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby={`h-close-${job.id}`}>
      <h2 id={`h-close-${job.id}`}>Close {job.title}</h2>
      <Alerts error={error} />
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
      {confirming ? (
        <ConfirmInline
          label={`Confirm closing ${job.title}`}
          question={
            (noHire
              ? `Close ${job.title} without hiring? `
              : `Mark ${job.title} filled by ${hiredNames.join(', ')}? ${hiredNames.join(', ')} become(s) hired and get(s) no message. `) +
            `The other ${rest.length} become rejected: ${rest.filter((a) => a.hasEmail).length} get a drafted message to review before anything is sent, ` +
            `${rest.filter((a) => !a.hasEmail).length} have no email and are to be called. This cannot be undone.`
          }
          yes={`Yes, close ${job.title}`}
          busy={busy}
          onYes={() => void close()}
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
      )}
    </section>
  );
}

/** The organization's finalist target (the policy's default when unread). */
const orgFinalists = (p: OrgPolicy | null): number => {
  const v: unknown = p?.['finalistTarget'];
  return typeof v === 'number' ? v : 2;
};

/** What a job card needs from the screen. */
interface JobCardProps {
  job: Job;
  apps: Application[];
  owed: FollowUp[];
  policy: OrgPolicy | null;
  members: MemberOption[];
  canEdit: boolean;
  reload: () => void;
}

/** One job: its pipeline in a line, and (for the team) change it, add a candidate, its policy, close it. */
function JobCard({ job, apps, owed, policy, members, canEdit, reload }: JobCardProps) {
  const [open, setOpen] = useState<'change' | 'add' | 'policy' | 'close' | null>(null);
  const [added, setAdded] = useState<{ id: string; name: string } | null>(null);
  const mine = apps.filter((a) => a.jobId === job.id);
  const stages = [...new Set(mine.map((a) => a.stage))];
  const ids = new Set(mine.map((a) => a.id));
  const owedHere = owed.filter((f) => ids.has(f.applicationId) && f.owedBy === 'team');
  const toggle = (panel: typeof open) => setOpen(open === panel ? null : panel);
  const live = job.status === 'open' || job.status === 'on_hold';
  return (
    <article className="card" aria-labelledby={`job-${job.id}`}>
      <h2 id={`job-${job.id}`} style={{ marginTop: 0 }}>
        {job.title} <span className="meta">({job.status})</span>
      </h2>
      <p className="meta">
        {mine.length} candidate(s):{' '}
        {stages.map((s) => `${mine.filter((a) => a.stage === s).length} ${s}`).join(', ') || 'none'} ·{' '}
        {mine.filter((a) => a.status === 'active').length} active · {owedHere.length} follow-up(s) owed,{' '}
        {owedHere.filter((f) => f.state === 'overdue').length} overdue ·{' '}
        <a href={`#/jobs/${job.id}/pipeline`}>Pipeline of {job.title}</a>
      </p>
      {added && (
        <p className="notice" role="status">
          {added.name} is in {job.title}. <a href={`#/applications/${added.id}`}>Open the application</a>
        </p>
      )}
      {canEdit && (
        <div className="row">
          {live && (
            <button className="secondary" aria-expanded={open === 'add'} onClick={() => toggle('add')}>
              Add a candidate to {job.title}
            </button>
          )}
          <button className="secondary" aria-expanded={open === 'change'} onClick={() => toggle('change')}>
            Change {job.title}
          </button>
          {policy && (
            <button
              className="secondary"
              aria-expanded={open === 'policy'}
              aria-controls={`policy-${job.id}`}
              onClick={() => toggle('policy')}
            >
              Policy for {job.title}
              {Object.keys(job.policyOverrides).length > 0 &&
                ` (${Object.keys(job.policyOverrides).length} override(s))`}
            </button>
          )}
          {live && open !== 'close' && (
            <button className="secondary" onClick={() => setOpen('close')}>
              Close job
            </button>
          )}
        </div>
      )}
      {open === 'add' && (
        <AddCandidateToJob
          job={job}
          onAdded={(id, name) => {
            setAdded({ id, name });
            setOpen(null);
            reload();
          }}
          onCancel={() => setOpen(null)}
        />
      )}
      {open === 'change' && (
        <JobForm
          job={job}
          members={members}
          orgFinalistTarget={orgFinalists(policy)}
          onSaved={() => {
            setOpen(null);
            reload();
          }}
          onCancel={() => setOpen(null)}
        />
      )}
      {open === 'policy' && policy && (
        <div id={`policy-${job.id}`}>
          <JobPolicyEditor job={job} org={policy} onSaved={reload} />
        </div>
      )}
      {open === 'close' && <CloseOutPanel job={job} onClosed={reload} onCancel={() => setOpen(null)} />}
    </article>
  );
}

/** Everything the jobs screen shows, loaded together. */
function useJobsData(canEdit: boolean) {
  const [jobs, setJobs] = useState<Job[] | null>(null);
  const [apps, setApps] = useState<Application[]>([]);
  const [owed, setOwed] = useState<FollowUp[]>([]);
  const [policy, setPolicy] = useState<OrgPolicy | null>(null);
  const [members, setMembers] = useState<MemberOption[]>([]);
  const [toSend, setToSend] = useState(0);
  const [error, setError] = useState('');
  const load = useCallback(async () => {
    try {
      const [j, a, f, p, m] = await Promise.all([
        listAll<Job>('/jobs'),
        api<Page<Application>>('GET', '/applications?limit=200'),
        api<Page<FollowUp>>('GET', '/follow-ups?status=open&limit=200'),
        api<OrgPolicy>('GET', '/policy'),
        listAll<MemberOption>('/members'),
      ]);
      setJobs(j);
      setPolicy(p);
      setApps(a.items);
      setOwed(f.items);
      setMembers(m);
      if (canEdit) setToSend((await listAll<{ id: string }>('/messages?status=draft')).length);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not load the jobs.');
    }
  }, [canEdit]);
  useEffect(() => {
    void load();
  }, [load]);
  return { jobs, apps, owed, policy, members, toSend, error, load };
}

/**
 * Jobs: open one, and per job its pipeline (applications by stage and status, what is owed),
 * changing it, adding candidates, its policy, and closing it.
 */
export function JobsScreen({ session }: { session: Session }) {
  const canEdit = session.member.role !== 'interviewer';
  const { jobs, apps, owed, policy, members, toSend, error, load } = useJobsData(canEdit);
  const [opening, setOpening] = useState(false);
  const [notice, setNotice] = useState('');
  if (error && !jobs) return <Alerts error={error} />;
  if (!jobs) return <p role="status">Loading jobs…</p>;
  return (
    <>
      <h1>Jobs</h1>
      <p className="row">
        {canEdit && !opening && <button onClick={() => setOpening(true)}>Open a job</button>}
        <a href="/api/v1/exports/jobs.csv" download>
          Export jobs (CSV)
        </a>
        <a href="/api/v1/exports/applications.csv" download>
          Export applications (CSV)
        </a>
      </p>
      <Alerts error={error} notice={notice} />
      {opening && (
        <JobForm
          job={null}
          members={members}
          orgFinalistTarget={orgFinalists(policy)}
          onSaved={(job) => {
            setOpening(false);
            setNotice(`${job.title} is open. Add its candidates below.`);
            void load();
          }}
          onCancel={() => setOpening(false)}
        />
      )}
      {canEdit && (
        <p>
          <a href="#/to-send">To send ({toSend})</a>: drafted messages not sent yet.
        </p>
      )}
      {jobs.length === 0 && <p className="empty">No jobs yet.</p>}
      {jobs.map((job) => (
        <JobCard
          key={job.id}
          job={job}
          apps={apps}
          owed={owed}
          policy={policy}
          members={members}
          canEdit={canEdit}
          reload={() => void load()}
        />
      ))}
    </>
  );
}
