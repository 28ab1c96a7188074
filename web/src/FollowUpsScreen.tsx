import { useCallback, useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { api, messageOf, type FollowUp, type Page, type Session } from './api.ts';
import { FollowUpTruth } from './FollowUpTruth.tsx';

const KIND_WORDS: Record<string, string> = {
  outcome: 'Outcome',
  update: 'Update',
  feedback_due: 'Feedback',
  thank_you: 'Thank-you note',
  check_in: 'Reply to a check-in',
  debrief: 'Debrief',
  client_feedback: 'Client feedback',
  client_update: 'Client update',
  backfill: 'Backfill the final stage',
  decision_due: 'Decision (decide-by)',
};

/** The one next step for a follow-up the team owes: a link into the application, or a call to log here. */
type NextAction = { label: string; next: string } | { label: 'Log call'; call: true };

function nextActionOf(f: FollowUp, hasDraft: boolean, role: string): NextAction | null {
  if (f.owedBy !== 'team') return null;
  if (hasDraft && (f.kind === 'outcome' || f.kind === 'update'))
    return { label: 'Open draft', next: 'draft' };
  switch (f.kind) {
    case 'outcome':
      return role === 'interviewer' ? null : { label: 'Decide', next: 'decide' };
    case 'update':
      return role === 'interviewer' ? null : { label: 'Send update', next: 'update' };
    case 'feedback_due':
      // Owed to the candidate, it is their request for feedback: answered by a contact that reaches
      // them. Owed inside the team, it is a scorecard.
      if (f.owedTo === 'candidate')
        return role === 'interviewer' ? null : { label: 'Answer feedback request', next: 'answer-feedback' };
      return { label: 'Give feedback', next: 'feedback' };
    case 'decision_due':
      // The hiring manager's decision, owed inside the team before the candidate's promise.
      return role === 'interviewer' ? null : { label: 'Decide', next: 'decide' };
    case 'backfill':
      // Owed inside the team, not a contact: the card opens the finalist who left; no call to log.
      return null;
    case 'check_in':
    case 'debrief':
      return role === 'interviewer' ? null : { label: 'Log call', call: true };
    default:
      return role === 'interviewer' ? null : { label: 'Log a call', next: 'call' };
  }
}

/** Home: what is owed, by urgency — overdue, due today, upcoming, waiting on others. */
export function FollowUpsScreen({ session }: { session: Session }) {
  const role = session.member.role;
  const [items, setItems] = useState<FollowUp[] | null>(null);
  const [drafts, setDrafts] = useState<Set<string>>(new Set());
  // Rows taken off at once while their call is being logged; put back if the request fails.
  const [pending, setPending] = useState<Set<string>>(new Set());
  const [mine, setMine] = useState(role === 'recruiter' || role === 'interviewer');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    try {
      const q = `/follow-ups?status=open&limit=200${mine ? `&ownerId=${session.member.id}` : ''}`;
      const [page, draftPage] = await Promise.all([
        api<Page<FollowUp>>('GET', q),
        // Interviewers may not read messages; for them no row has a draft to open.
        role === 'interviewer'
          ? Promise.resolve({ items: [] })
          : api<Page<{ applicationId: string | null; audience: string }>>(
              'GET',
              '/messages?status=draft&limit=200',
            ),
      ]);
      setItems(page.items);
      setDrafts(
        new Set(
          draftPage.items.flatMap((m) =>
            m.audience === 'candidate' && m.applicationId ? [m.applicationId] : [],
          ),
        ),
      );
    } catch (e) {
      setError(messageOf(e, 'Could not load the follow-ups.'));
    }
  }, [mine, session.member.id, role]);
  useEffect(() => {
    void load();
  }, [load]);

  async function logCall(f: FollowUp) {
    setError('');
    setNotice('');
    setPending((p) => new Set(p).add(f.id));
    try {
      const r = await api<{ closedFollowUps: unknown[] }>('POST', '/touchpoints', {
        applicationId: f.applicationId,
        channel: 'phone',
        kind: f.kind === 'check_in' ? 'check_in' : 'debrief',
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
      setError(`${f.candidate.name} is back in the list: ${messageOf(e, 'the call could not be logged.')}`);
    } finally {
      setPending((p) => {
        const left = new Set(p);
        left.delete(f.id);
        return left;
      });
    }
  }

  if (items === null) return error ? <Alerts error={error} /> : <p role="status">Loading follow-ups…</p>;
  // The server's clock and the organization's time zone decide what is overdue or due today.
  const shown = items.filter((f) => !pending.has(f.id));
  const ours = shown.filter((f) => f.owedBy === 'team');
  const groups: [string, FollowUp[], string][] = [
    ['Overdue', ours.filter((f) => f.state === 'overdue'), 'overdue'],
    ['Due today', ours.filter((f) => f.state === 'due_today'), 'today'],
    ['Upcoming', ours.filter((f) => f.state === 'upcoming'), ''],
    ['Waiting on others', shown.filter((f) => f.owedBy !== 'team'), ''],
  ];
  return (
    <>
      <h1>Follow-ups</h1>
      <div className="row">
        <label className="choice" style={{ margin: 0 }}>
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />
          Only mine
        </label>
        <a
          href={`/api/v1/exports/follow-ups.csv?status=open${mine ? `&ownerId=${session.member.id}` : ''}`}
          download
        >
          Export CSV
        </a>
      </div>
      <Alerts error={error} notice={notice} />
      {groups.map(([title, list, tone]) => (
        <section key={title} aria-labelledby={`g-${title}`}>
          <h2 id={`g-${title}`}>
            {title} ({list.length})
          </h2>
          {list.length === 0 && <p className="empty">Nothing here.</p>}
          {list.map((f) => {
            const action = nextActionOf(f, drafts.has(f.applicationId), role);
            const href = `#/applications/${f.applicationId}`;
            return (
              <article
                key={f.id}
                className={`card ${tone}`}
                aria-label={`${f.candidate.name}, ${f.job.title}`}
              >
                <strong>{f.candidate.name}</strong> · {f.job.title}
                {f.escalationLevel > 0 && <span className="badge">Escalated</span>}
                <div className="meta">
                  {f.kind === 'feedback_due' && f.owedTo === 'team'
                    ? 'Scorecard'
                    : (KIND_WORDS[f.kind] ?? f.kind)}
                  {f.owedBy !== 'team' && ` (owed by the ${f.owedBy})`}
                  {f.promiseStatement && <> — promised: “{f.promiseStatement}”</>}
                </div>
                <FollowUpTruth f={f} memberTimeZone={session.member.timeZone} />
                <div className="row">
                  {action &&
                    ('call' in action ? (
                      <button
                        onClick={() => void logCall(f)}
                        aria-label={`Log call (reached) with ${f.candidate.name}`}
                      >
                        Log call (reached)
                      </button>
                    ) : (
                      <a
                        className="button"
                        href={`${href}?next=${action.next}`}
                        aria-label={`${action.label}: ${f.candidate.name}`}
                      >
                        {action.label}
                      </a>
                    ))}
                  {f.owedBy === 'team' &&
                    f.owedTo !== 'team' &&
                    action &&
                    !('call' in action) &&
                    role !== 'interviewer' && (
                      // An outcome call must say what was told: it is logged on the application, not in one click.
                      <a
                        className="button secondary"
                        href={`${href}?next=call`}
                        aria-label={`Log a call with ${f.candidate.name}`}
                      >
                        Log a call
                      </a>
                    )}
                  <a className="button secondary" href={href}>
                    Open {f.candidate.name}
                  </a>
                </div>
              </article>
            );
          })}
        </section>
      ))}
    </>
  );
}
