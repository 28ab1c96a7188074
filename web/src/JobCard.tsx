import { useState } from 'react';
import { AddCandidateToJob } from './AddToJob.tsx';
import type { Schema } from './api.ts';
import { CloseOutPanel } from './CloseOutPanel.tsx';
import { JobForm } from './JobForm.tsx';
import { JobPolicyEditor, type OrgPolicy } from './JobPolicyEditor.tsx';

type Job = Schema<'Job'>;

/** The organization's finalist target (the policy's default when unread). */
export const orgFinalists = (p: OrgPolicy | null): number => {
  const v: unknown = p?.['finalistTarget'];
  return typeof v === 'number' ? v : 2;
};

/** What a job card needs from the screen. */
interface JobCardProps {
  job: Job;
  apps: Schema<'Application'>[];
  owed: Schema<'FollowUpView'>[];
  policy: OrgPolicy | null;
  members: Schema<'Member'>[];
  canEdit: boolean;
  reload: () => void;
}

/** One job: its pipeline in a line, and (for the team) change it, add a candidate, its policy, close it. */
export function JobCard({ job, apps, owed, policy, members, canEdit, reload }: JobCardProps) {
  const [open, setOpen] = useState<'change' | 'add' | 'policy' | 'close' | null>(null);
  const [added, setAdded] = useState<{ id: string; name: string } | null>(null);
  const toggle = (panel: typeof open) => setOpen(open === panel ? null : panel);
  const live = job.status === 'open' || job.status === 'on_hold';
  return (
    <article className="card" aria-labelledby={`job-${job.id}`}>
      <h2 id={`job-${job.id}`} style={{ marginTop: 0 }}>
        {job.title} <span className="meta">({job.status})</span>
      </h2>
      <JobSummary job={job} apps={apps} owed={owed} />
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

/** A job's pipeline in a line: candidates by stage, active, follow-ups owed and overdue. */
function JobSummary({ job, apps, owed }: Pick<JobCardProps, 'job' | 'apps' | 'owed'>) {
  const mine = apps.filter((a) => a.jobId === job.id);
  const stages = [...new Set(mine.map((a) => a.stage))];
  const ids = new Set(mine.map((a) => a.id));
  const owedHere = owed.filter((f) => ids.has(f.applicationId) && f.owedBy === 'team');
  return (
    <p className="meta">
      {mine.length} candidate(s):{' '}
      {stages.map((s) => `${mine.filter((a) => a.stage === s).length} ${s}`).join(', ') || 'none'} ·{' '}
      {mine.filter((a) => a.status === 'active').length} active · {owedHere.length} follow-up(s) owed,{' '}
      {owedHere.filter((f) => f.state === 'overdue').length} overdue ·{' '}
      <a href={`#/jobs/${job.id}/pipeline`}>Pipeline of {job.title}</a>
    </p>
  );
}
