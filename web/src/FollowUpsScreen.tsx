import { Alerts } from './Alerts.tsx';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type FollowUp, type Page, type Session } from './api.ts';

function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** Home: what is owed, by urgency — overdue, due today, upcoming, waiting on others. */
export function FollowUpsScreen({ session }: { session: Session }) {
  const [items, setItems] = useState<FollowUp[] | null>(null);
  const [mine, setMine] = useState(
    session.member.role === 'recruiter' || session.member.role === 'interviewer',
  );
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    try {
      const q = `/follow-ups?status=open&limit=200${mine ? `&ownerId=${session.member.id}` : ''}`;
      setItems((await api<Page<FollowUp>>('GET', q)).items);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not load the follow-ups.');
    }
  }, [mine, session.member.id]);
  useEffect(() => {
    void load();
  }, [load]);

  async function logCall(f: FollowUp) {
    setError('');
    try {
      const r = await api<{ closedFollowUps: unknown[] }>('POST', '/touchpoints', {
        applicationId: f.applicationId,
        channel: 'phone',
        kind: f.kind === 'check_in' ? 'check_in' : 'outcome',
        fromParty: 'team',
        toParty: 'candidate',
        connected: true,
        followUpId: f.id,
      });
      setNotice(
        r.closedFollowUps.length > 0 ? `Logged the call with ${f.candidate.name}: done.` : 'Logged the call.',
      );
      await load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not log the call.');
    }
  }

  if (items === null && !error) return <p role="status">Loading follow-ups…</p>;
  // The server's clock and the organization's time zone decide what is overdue or due today.
  const ours = (items ?? []).filter((f) => f.owedBy === 'team');
  const groups: [string, FollowUp[], string][] = [
    ['Overdue', ours.filter((f) => f.state === 'overdue'), 'overdue'],
    ['Due today', ours.filter((f) => f.state === 'due_today'), 'today'],
    ['Upcoming', ours.filter((f) => f.state === 'upcoming'), ''],
    ['Waiting on others', (items ?? []).filter((f) => f.owedBy !== 'team'), ''],
  ];
  return (
    <>
      <h1>Follow-ups</h1>
      <div className="row">
        <label style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', margin: 0, fontWeight: 400 }}>
          <input
            type="checkbox"
            style={{ width: 'auto' }}
            checked={mine}
            onChange={(e) => setMine(e.target.checked)}
          />
          Only mine
        </label>
      </div>
      <Alerts error={error} />
      <Alerts notice={notice} />
      {groups.map(([title, list, tone]) => (
        <section key={title} aria-labelledby={`g-${title}`}>
          <h2 id={`g-${title}`}>
            {title} ({list.length})
          </h2>
          {list.length === 0 && <p className="empty">Nothing here.</p>}
          {list.map((f) => (
            <article key={f.id} className={`card ${tone}`}>
              <strong>{f.candidate.name}</strong> · {f.job.title}
              <div className="meta">
                {f.kind === 'outcome' ? 'Outcome' : f.kind.replace('_', ' ')} due {when(f.dueAt)}
                {f.promiseStatement && <> — promised: “{f.promiseStatement}”</>}
              </div>
              <div className="row">
                <a className="button secondary" href={`#/applications/${f.applicationId}`}>
                  Open {f.candidate.name}
                </a>
                {f.owedBy === 'team' && (
                  <button
                    onClick={() => void logCall(f)}
                    aria-label={`Log call (reached) with ${f.candidate.name}`}
                  >
                    Log call (reached)
                  </button>
                )}
              </div>
            </article>
          ))}
        </section>
      ))}
    </>
  );
}
