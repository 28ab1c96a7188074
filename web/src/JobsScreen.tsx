import { useCallback, useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, everyItem, messageOf, type Schema, type Session } from './api.ts';
import { JobCard, orgFinalists } from './JobCard.tsx';
import { JobForm } from './JobForm.tsx';
import type { OrgPolicy } from './JobPolicyEditor.tsx';

/** Everything the jobs screen shows, loaded together. */
function useJobsData(canEdit: boolean) {
  const [jobs, setJobs] = useState<Schema<'Job'>[] | null>(null);
  const [apps, setApps] = useState<Schema<'Application'>[]>([]);
  const [owed, setOwed] = useState<Schema<'FollowUpView'>[]>([]);
  const [policy, setPolicy] = useState<OrgPolicy | null>(null);
  const [members, setMembers] = useState<Schema<'Member'>[]>([]);
  const [toSend, setToSend] = useState(0);
  const [error, setError] = useState('');
  const load = useCallback(async () => {
    try {
      const [j, a, f, p, m] = await Promise.all([
        everyItem((query) => client.GET('/api/v1/jobs', { params: { query } })),
        dataOf(client.GET('/api/v1/applications', { params: { query: { limit: 200 } } })),
        dataOf(client.GET('/api/v1/follow-ups', { params: { query: { status: 'open', limit: 200 } } })),
        dataOf(client.GET('/api/v1/policy')),
        everyItem((query) => client.GET('/api/v1/members', { params: { query } })),
      ]);
      setJobs(j);
      setPolicy(p);
      setApps(a.items);
      setOwed(f.items);
      setMembers(m);
      if (canEdit)
        setToSend(
          (
            await everyItem((query) =>
              client.GET('/api/v1/messages', { params: { query: { ...query, status: 'draft' } } }),
            )
          ).length,
        );
    } catch (e) {
      setError(messageOf(e, 'Could not load the jobs.'));
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
