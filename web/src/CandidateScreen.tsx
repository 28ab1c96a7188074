import { useCallback, useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { AddToJob } from './AddToJob.tsx';
import { ApiError, client, dataOf, everyItem, messageOf, type Schema, type Session } from './api.ts';
import { CandidateForm } from './CandidateForm.tsx';
import { EVENT_WORDS } from './event-words.ts';
import { DueTime } from './DueTime.tsx';
import { KIND_WORDS } from './QueueRow.tsx';
import { when } from './format.ts';

type Candidate = Schema<'Candidate'>;
type Event = Pick<Schema<'Timeline'>['events'][number], 'type' | 'at'> & { applicationId: string };
interface Profile {
  candidate: Candidate;
  applications: (Schema<'Application'> & { jobTitle: string; open: Schema<'FollowUpView'>[] })[];
  /** Every application's timeline, newest first; null when the member may not read timelines. */
  events: Event[] | null;
}

async function loadProfile(candidateId: string): Promise<Profile> {
  const [candidate, applications] = await Promise.all([
    dataOf(client.GET('/api/v1/candidates/{id}', { params: { path: { id: candidateId } } })),
    everyItem((query) =>
      client.GET('/api/v1/applications', { params: { query: { ...query, candidateId } } }),
    ),
  ]);
  const rows = await Promise.all(
    applications.map(async (a) => {
      const [job, open] = await Promise.all([
        dataOf(client.GET('/api/v1/jobs/{id}', { params: { path: { id: a.jobId } } })),
        dataOf(
          client.GET('/api/v1/follow-ups', {
            params: { query: { status: 'open', applicationId: a.id, limit: 200 } },
          }),
        ),
      ]);
      return { ...a, jobTitle: job.title, open: open.items };
    }),
  );
  let events: Event[] | null = [];
  try {
    const timelines = await Promise.all(
      applications.map((a) =>
        dataOf(client.GET('/api/v1/applications/{id}/timeline', { params: { path: { id: a.id } } })),
      ),
    );
    events = timelines
      .flatMap((t, i) =>
        t.events.map((e) => ({ type: e.type, at: e.at, applicationId: applications[i]!.id })),
      )
      .sort((x, y) => y.at.localeCompare(x.at));
  } catch (e) {
    // Interviewers may not read decisions, so not the timeline: the profile says so instead.
    if (!(e instanceof ApiError) || e.status !== 403) throw e;
    events = null;
  }
  return { candidate, applications: rows, events };
}

/** The profile's actions: edit the candidate, add them to a job; what happened is said above them. */
function ProfileActions({
  candidate,
  session,
  reload,
}: {
  candidate: Candidate;
  session: Session;
  reload: () => void;
}) {
  const [open, setOpen] = useState<'edit' | 'add' | null>(null);
  const [notice, setNotice] = useState<{ text: string; applicationId?: string } | null>(null);
  const canEdit = session.permissions.includes('candidates:write');
  const canApply = session.permissions.includes('applications:write');
  return (
    <>
      {notice && (
        <p className="notice" role="status">
          {notice.text}{' '}
          {notice.applicationId && (
            <a href={`#/applications/${notice.applicationId}`}>Open the application</a>
          )}
        </p>
      )}
      <div className="row">
        {canEdit && (
          <button className="secondary" aria-expanded={open === 'edit'} onClick={() => setOpen('edit')}>
            Edit
          </button>
        )}
        {canApply && (
          <button className="secondary" aria-expanded={open === 'add'} onClick={() => setOpen('add')}>
            Add to a job
          </button>
        )}
      </div>
      {open === 'edit' && (
        <CandidateForm
          candidate={candidate}
          onSaved={(c) => {
            setOpen(null);
            setNotice({ text: `Saved ${c.name}.` });
            reload();
          }}
          onCancel={() => setOpen(null)}
        />
      )}
      {open === 'add' && (
        <AddToJob
          candidate={candidate}
          onAdded={(applicationId, jobTitle) => {
            setOpen(null);
            setNotice({ text: `${candidate.name} is in ${jobTitle}.`, applicationId });
            reload();
          }}
          onCancel={() => setOpen(null)}
        />
      )}
    </>
  );
}

/**
 * A candidate's profile: how to reach them, every application with what is still owed on it and
 * by whom, and one timeline across their applications (messages, calls, promises, feedback,
 * decisions), newest first. Each application links to its own screen for acting on it.
 */
export function CandidateScreen({ candidateId, session }: { candidateId: string; session: Session }) {
  const [profile, setProfile] = useState<Profile | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(async () => {
    try {
      setProfile(await loadProfile(candidateId));
    } catch (e) {
      setError(messageOf(e, 'Could not load the candidate.'));
    }
  }, [candidateId]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!profile) return error ? <Alerts error={error} /> : <p role="status">Loading the candidate…</p>;
  const { candidate, applications, events } = profile;
  const jobOf = new Map(applications.map((a) => [a.id, a.jobTitle]));
  return (
    <>
      <h1>{candidate.name}</h1>
      <ProfileActions candidate={candidate} session={session} reload={() => void load()} />
      <dl className="facts">
        <dt>Email</dt>
        <dd>
          {candidate.email ? <a href={`mailto:${candidate.email}`}>{candidate.email}</a> : 'none on file'}
        </dd>
        <dt>Phone</dt>
        <dd>{candidate.phone ?? 'none on file'}</dd>
        <dt>Time zone</dt>
        <dd>{candidate.timeZone ?? 'the organization’s'}</dd>
        <dt>Source</dt>
        <dd>{candidate.source ?? 'not recorded'}</dd>
        <dt>In Hearback since</dt>
        <dd>{when(candidate.createdAt)}</dd>
      </dl>
      <h2>Applications ({applications.length})</h2>
      {applications.length === 0 && <p className="empty">No applications.</p>}
      {applications.map((a) => (
        <section key={a.id} className="card" aria-label={`${a.jobTitle} application`}>
          <strong>{a.jobTitle}</strong>{' '}
          <span className="meta">
            · stage {a.stage} · {a.status}
          </span>
          {a.open.length === 0 ? (
            <p className="meta">Nothing owed on it.</p>
          ) : (
            <ul>
              {a.open.map((f) => (
                <li key={f.id}>
                  {KIND_WORDS[f.kind] ?? f.kind} owed by the {f.owedBy} —{' '}
                  <DueTime at={f.dueAt} words={f.dueWords} /> · owner {f.owner?.name ?? 'nobody'}
                  {f.decidedNotTold && <span className="badge">Decided, not told</span>}
                </li>
              ))}
            </ul>
          )}
          <a className="button secondary" href={`#/applications/${a.id}`}>
            Open the application
          </a>
        </section>
      ))}
      <h2>Timeline</h2>
      {events === null ? (
        <p className="meta">Your role does not see timelines; each application shows what you may act on.</p>
      ) : events.length === 0 ? (
        <p className="empty">Nothing has happened yet.</p>
      ) : (
        <ol className="timeline">
          {events.map((e, i) => (
            <li key={`${e.applicationId}-${i}`}>
              <strong>{EVENT_WORDS[e.type] ?? e.type}</strong> <span className="meta">{when(e.at)}</span>{' '}
              <span className="meta">· {jobOf.get(e.applicationId)}</span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
