import { useCallback, useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, everyItem, messageOf, type Schema } from './api.ts';
import { DraftReview } from './DraftReview.tsx';
import type { Draft, DraftGroup } from './useDraftReview.ts';

export { DraftReview } from './DraftReview.tsx';
export type { Draft, DraftGroup } from './useDraftReview.ts';

/** The drafts by the job of their application; drafts without one go under "Other drafts". */
function groupByJob(drafts: Draft[], jobs: Schema<'Job'>[], apps: Schema<'Application'>[]): DraftGroup[] {
  const appById = new Map(apps.map((a) => [a.id, a]));
  const groups = new Map<string, DraftGroup>();
  for (const d of drafts) {
    const app = d.applicationId ? appById.get(d.applicationId) : undefined;
    const job = app ? jobs.find((j) => j.id === app.jobId) : undefined;
    const key = job?.id ?? 'other';
    const group = groups.get(key) ?? { key, title: job ? job.title : 'Other drafts', drafts: [] };
    group.drafts.push(d);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * "To send": every draft of the organization not sent yet, by job, so leaving a screen loses
 * nothing; reviewed and sent in bulk here.
 */
export function ToSendScreen() {
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [jobs, setJobs] = useState<Schema<'Job'>[]>([]);
  const [apps, setApps] = useState<Schema<'Application'>[]>([]);
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    try {
      const [d, j, a] = await Promise.all([
        everyItem((query) =>
          client.GET('/api/v1/messages', { params: { query: { ...query, status: 'draft' } } }),
        ),
        everyItem((query) => client.GET('/api/v1/jobs', { params: { query } })),
        everyItem((query) => client.GET('/api/v1/applications', { params: { query } })),
      ]);
      setDrafts(d);
      setJobs(j);
      setApps(a);
    } catch (e) {
      setError(messageOf(e, 'Could not load the drafts.'));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (!drafts)
    return error ? (
      <p className="error" role="alert">
        {error}
      </p>
    ) : (
      <p role="status">Loading drafts…</p>
    );
  return (
    <>
      <h1>To send</h1>
      <Alerts error={error} />
      <p>
        Drafts not sent yet, by job. Read them, edit where needed, then send the selected ones; each can be
        undone until it goes.
      </p>
      <DraftReview groups={groupByJob(drafts, jobs, apps)} onChanged={() => void load()} />
    </>
  );
}
