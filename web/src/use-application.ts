import { useCallback, useEffect, useState } from 'react';
import { ApiError, client, dataOf, messageOf, type Schema } from './api.ts';

/**
 * What the application screen shows: the timeline, or the part of it an interviewer may read (no
 * events), with what is owed on the application.
 */
export type ApplicationView = Omit<Schema<'Timeline'>, 'openFollowUps'> & {
  openFollowUps: Pick<Schema<'FollowUp'>, 'id' | 'kind' | 'owedTo' | 'dueAt'>[];
};

/**
 * The timeline, or — for interviewers, who may not read decisions — what they may see: the
 * application, its candidate and job, and what is owed on it.
 */
async function loadTimeline(applicationId: string): Promise<ApplicationView> {
  const path = { params: { path: { id: applicationId } } };
  try {
    return await dataOf(client.GET('/api/v1/applications/{id}/timeline', path));
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 403) throw e;
    const application = await dataOf(client.GET('/api/v1/applications/{id}', path));
    const [candidate, job, owed] = await Promise.all([
      dataOf(client.GET('/api/v1/candidates/{id}', { params: { path: { id: application.candidateId } } })),
      dataOf(client.GET('/api/v1/jobs/{id}', { params: { path: { id: application.jobId } } })),
      dataOf(client.GET('/api/v1/follow-ups', { params: { query: { status: 'open', applicationId } } })),
    ]);
    return { application, candidate, job, events: [], openFollowUps: owed.items };
  }
}

/** One application's view, its interviews and its open follow-ups as the queue shows them; `load` reads them again. */
export function useApplication(applicationId: string) {
  const [timeline, setTimeline] = useState<ApplicationView | null>(null);
  const [interviews, setInterviews] = useState<Schema<'Interview'>[]>([]);
  const [owed, setOwed] = useState<Schema<'FollowUpView'>[] | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(async () => {
    try {
      setTimeline(await loadTimeline(applicationId));
      setInterviews(
        (
          await dataOf(
            client.GET('/api/v1/applications/{id}/interviews', {
              params: { path: { id: applicationId }, query: { limit: 200 } },
            }),
          )
        ).items,
      );
      // The same view of each open follow-up as the queue's: owner, due in words, next step.
      setOwed(
        (
          await dataOf(
            client.GET('/api/v1/follow-ups', {
              params: { query: { status: 'open', applicationId, limit: 200 } },
            }),
          )
        ).items,
      );
    } catch (e) {
      setError(messageOf(e, 'Could not load the application.'));
    }
  }, [applicationId]);
  useEffect(() => {
    void load();
  }, [load]);
  return { timeline, interviews, owed, error, load };
}

/** Once the application is loaded, bring into view (and focus) the part the member came for. */
export function useFocusNext(loaded: boolean, next: string | undefined) {
  useEffect(() => {
    if (!loaded || !next) return;
    const target = document.getElementById(
      next === 'feedback'
        ? 'h-feedback'
        : next === 'call' || next === 'answer-feedback'
          ? 'h-log'
          : 'h-compose',
    );
    target?.scrollIntoView({ block: 'start' });
    target?.focus();
  }, [loaded, next]);
}
