import { useCallback, useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { api, ApiError, listAll, type FollowUp, type Page, type Session } from './api.ts';
import { JobPolicyEditor, type OrgPolicy } from './JobPolicyEditor.tsx';

interface Job {
  id: string;
  title: string;
  status: string;
  roleKind: string;
  policyOverrides: Record<string, unknown>;
}
interface Application {
  id: string;
  jobId: string;
  stage: string;
  status: string;
}
interface Draft {
  id: string;
  toName: string;
  subject: string;
  bodyText: string;
}

/** Jobs: the pipeline per job (applications by stage and status, what is owed), and closing a job. */
export function JobsScreen({ session }: { session: Session }) {
  const [jobs, setJobs] = useState<Job[] | null>(null);
  const [apps, setApps] = useState<Application[]>([]);
  const [owed, setOwed] = useState<FollowUp[]>([]);
  const [review, setReview] = useState<{ job: Job; drafts: Draft[] } | null>(null);
  const [policy, setPolicy] = useState<OrgPolicy | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const canEdit = session.member.role !== 'interviewer';
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    try {
      const [j, a, f, p] = await Promise.all([
        listAll<Job>('/jobs'),
        api<Page<Application>>('GET', '/applications?limit=200'),
        api<Page<FollowUp>>('GET', '/follow-ups?status=open&limit=200'),
        api<OrgPolicy>('GET', '/policy'),
      ]);
      setJobs(j);
      setPolicy(p);
      setApps(a.items);
      setOwed(f.items);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not load the jobs.');
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  // Closing a job rejects everyone still in it: it asks first, saying so.
  const [closing, setClosing] = useState<{ jobId: string; status: 'closed' | 'filled' } | null>(null);

  async function close(job: Job, status: 'closed' | 'filled') {
    setError('');
    try {
      const r = await api<{ drafts: Draft[]; withoutEmail: string[] }>('POST', `/jobs/${job.id}/close`, {
        status,
      });
      setReview({ job, drafts: r.drafts });
      if (r.withoutEmail.length > 0)
        setNotice(`${r.withoutEmail.length} candidate(s) have no email: call them.`);
      await load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not close the job.');
    }
  }

  async function sendAll() {
    if (!review) return;
    let sent = 0;
    for (const d of review.drafts) {
      try {
        await api('POST', `/messages/${d.id}/send`);
        sent += 1;
      } catch (e) {
        setError(e instanceof ApiError ? `${d.toName}: ${e.message}` : 'Could not send one of the messages.');
      }
    }
    setNotice(`${sent} message(s) scheduled; each can still be undone for a few minutes.`);
    setReview(null);
  }

  if (error && !jobs)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!jobs) return <p role="status">Loading jobs…</p>;
  return (
    <>
      <h1>Jobs</h1>
      <p className="row">
        <a href="/api/v1/exports/jobs.csv" download>
          Export jobs (CSV)
        </a>
        <a href="/api/v1/exports/applications.csv" download>
          Export applications (CSV)
        </a>
      </p>
      <Alerts error={error} />
      <Alerts notice={notice} />
      {review && (
        <section className="card" aria-labelledby="h-review">
          <h2 id="h-review">Review before sending: {review.job.title}</h2>
          <p>Everyone still in this job gets a message. Read them, then send.</p>
          {review.drafts.map((d) => (
            <details key={d.id}>
              <summary>
                {d.toName} — {d.subject}
              </summary>
              <pre style={{ whiteSpace: 'pre-wrap', font: 'inherit' }}>{d.bodyText}</pre>
            </details>
          ))}
          <button onClick={() => void sendAll()}>Send {review.drafts.length} message(s)</button>
        </section>
      )}
      {jobs.length === 0 && <p className="empty">No jobs yet.</p>}
      {jobs.map((job) => {
        const mine = apps.filter((a) => a.jobId === job.id);
        const stages = [...new Set(mine.map((a) => a.stage))];
        const ids = new Set(mine.map((a) => a.id));
        const owedHere = owed.filter((f) => ids.has(f.applicationId) && f.owedBy === 'team');
        return (
          <article key={job.id} className="card" aria-labelledby={`job-${job.id}`}>
            <h2 id={`job-${job.id}`} style={{ marginTop: 0 }}>
              {job.title} <span className="meta">({job.status})</span>
            </h2>
            <p className="meta">
              {mine.length} candidate(s):{' '}
              {stages.map((s) => `${mine.filter((a) => a.stage === s).length} ${s}`).join(', ') || 'none'} ·{' '}
              {mine.filter((a) => a.status === 'active').length} active · {owedHere.length} follow-up(s) owed,{' '}
              {owedHere.filter((f) => f.state === 'overdue').length} overdue
            </p>
            {canEdit && policy && (
              <div className="row">
                <button
                  className="secondary"
                  aria-expanded={editing === job.id}
                  aria-controls={`policy-${job.id}`}
                  onClick={() => setEditing(editing === job.id ? null : job.id)}
                >
                  Policy for {job.title}
                  {Object.keys(job.policyOverrides).length > 0 &&
                    ` (${Object.keys(job.policyOverrides).length} override(s))`}
                </button>
              </div>
            )}
            {canEdit && policy && editing === job.id && (
              <div id={`policy-${job.id}`}>
                <JobPolicyEditor job={job} org={policy} onSaved={() => void load()} />
              </div>
            )}
            {(job.status === 'open' || job.status === 'on_hold') && canEdit && (
              <div className="row">
                <button className="secondary" onClick={() => setClosing({ jobId: job.id, status: 'filled' })}>
                  Filled: tell everyone else
                </button>
                <button className="secondary" onClick={() => setClosing({ jobId: job.id, status: 'closed' })}>
                  Close without hiring
                </button>
              </div>
            )}
            {closing?.jobId === job.id && (
              <div role="group" aria-label={`Confirm closing ${job.title}`} className="confirm">
                {closing.status === 'filled' ? 'Mark the job filled?' : 'Close the job without hiring?'}{' '}
                Everyone still in it becomes rejected and gets a drafted message to review before it is sent.{' '}
                <button
                  className="danger"
                  onClick={() => {
                    const status = closing.status;
                    setClosing(null);
                    void close(job, status);
                  }}
                >
                  Yes, close {job.title}
                </button>{' '}
                <button className="secondary" onClick={() => setClosing(null)}>
                  Keep it open
                </button>
              </div>
            )}
          </article>
        );
      })}
    </>
  );
}
