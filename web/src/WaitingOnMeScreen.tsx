import { useCallback, useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { api, fieldErrorsOf, listAll, messageOf, type FollowUp, type Page, type Session } from './api.ts';
import { DueTime } from './DueTime.tsx';

interface MemberRow {
  id: string;
  name: string;
  role: string;
  active: boolean;
}

const KIND_WORDS: Record<string, string> = {
  decision_due: 'Decide by',
  outcome: 'Outcome owed to the candidate',
  feedback_due: 'Scorecard',
  update: 'Update owed to the candidate',
  backfill: 'Backfill the final stage',
};

/**
 * A hiring manager's home (issue 17): the decisions waiting on them — their decide-by times and
 * the interviewed candidates of their jobs not yet decided — and what was escalated to them (broken
 * promises, late scorecards), each with "Decide now" and, when someone else should take it,
 * "Reassign".
 */
export function WaitingOnMeScreen({ session }: { session: Session }) {
  const me = session.member;
  const [decisions, setDecisions] = useState<FollowUp[] | null>(null);
  const [escalated, setEscalated] = useState<FollowUp[]>([]);
  const [members, setMembers] = useState<MemberRow[]>([]);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    try {
      const list = (q: string) => api<Page<FollowUp>>('GET', `/follow-ups?status=open&limit=200&${q}`);
      const [decideBy, outcomes, toMe, people] = await Promise.all([
        list(`ownerId=${me.id}&kind=decision_due`),
        list(`hiringManagerId=${me.id}&kind=outcome`),
        list(`escalatedTo=${me.id}`),
        listAll<MemberRow>('/members'),
      ]);
      // Scorecards I owe myself are on their own screen; the rest escalated to me is here.
      const escalations = toMe.items.filter((f) => f.ownerId !== me.id);
      const shown = new Set(escalations.map((f) => f.id));
      const withDecideBy = new Set(decideBy.items.map((f) => f.applicationId));
      // An interviewed candidate of my job whose outcome is undecided, when no decide-by tracks it.
      const undecided = outcomes.items.filter(
        (f) => !f.decidedNotTold && !withDecideBy.has(f.applicationId) && !shown.has(f.id),
      );
      setDecisions(
        [...decideBy.items.filter((f) => !shown.has(f.id)), ...undecided].sort((a, b) =>
          a.dueAt.localeCompare(b.dueAt),
        ),
      );
      setEscalated(escalations);
      // Who can take a follow-up on: active members who may decide and send (not interviewers).
      setMembers(people.filter((m) => m.active && m.role !== 'interviewer'));
    } catch (e) {
      setError(messageOf(e, 'Could not load what waits on you.'));
    }
  }, [me.id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (decisions === null)
    return error ? <Alerts error={error} /> : <p role="status">Loading what waits on you…</p>;
  const card = (f: FollowUp) => (
    <WaitingCard
      key={f.id}
      f={f}
      session={session}
      members={members}
      onReassigned={(to) => {
        setError('');
        setNotice(`${f.candidate.name}: handed to ${to}.`);
        void load();
      }}
    />
  );
  return (
    <>
      <h1>Waiting on me</h1>
      <Alerts error={error} notice={notice} />
      <section aria-labelledby="w-decisions">
        <h2 id="w-decisions">Decisions due ({decisions.length})</h2>
        {decisions.length === 0 && <p className="empty">No decision waits on you.</p>}
        {decisions.map(card)}
      </section>
      <section aria-labelledby="w-escalated">
        <h2 id="w-escalated">Escalated to me ({escalated.length})</h2>
        {escalated.length === 0 && <p className="empty">Nothing was escalated to you.</p>}
        {escalated.map(card)}
      </section>
    </>
  );
}

/** One thing waiting: what it is, whose, how far its due time is; decide now, or hand it on. */
function WaitingCard({
  f,
  session,
  members,
  onReassigned,
}: {
  f: FollowUp;
  session: Session;
  members: MemberRow[];
  onReassigned: (to: string) => void;
}) {
  const [handing, setHanding] = useState(false);
  const [ownerId, setOwnerId] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const scorecard = f.kind === 'feedback_due' && f.owedTo === 'team';
  const decided = f.kind === 'outcome' && f.decidedNotTold;
  const id = `re-${f.id}`;
  const candidates = members.filter((m) => m.id !== f.ownerId);

  async function reassign() {
    setBusy(true);
    setError('');
    setFieldErrors({});
    try {
      const r = await api<FollowUp>('POST', `/follow-ups/${f.id}/reassign`, {
        ownerId,
        ...(reason.trim() && { reason: reason.trim() }),
      });
      setHanding(false);
      onReassigned(r.owner?.name ?? 'the new owner');
    } catch (e) {
      // What was chosen and typed stays, with the reason it was refused.
      setFieldErrors(fieldErrorsOf(e));
      setError(messageOf(e, 'Could not hand it on.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <article
      className={`card ${f.overdue ? 'overdue' : f.state === 'due_today' ? 'today' : ''}`}
      aria-label={`${f.candidate.name}, ${f.job.title}`}
    >
      <strong>{f.candidate.name}</strong> · {f.job.title}
      {f.escalationLevel > 0 && <span className="badge">Escalated</span>}
      {decided && <span className="badge">Decided, not told</span>}
      <div className="meta">
        {KIND_WORDS[f.kind] ?? f.kind}
        {f.interview && <> · after “{f.interview.title}”</>}
        {f.promiseStatement && <> — promised: “{f.promiseStatement}”</>}
      </div>
      <div className="meta">
        <strong>
          <DueTime at={f.dueAt} timeZone={session.member.timeZone} words={f.dueWords} />
        </strong>{' '}
        · owner {f.ownerId === session.member.id ? 'you' : (f.owner?.name ?? 'nobody')}
      </div>
      <div className="row">
        {scorecard ? (
          <a className="button" href={`#/applications/${f.applicationId}`}>
            Open {f.candidate.name}
          </a>
        ) : (
          <a
            className="button"
            href={`#/applications/${f.applicationId}?next=decide`}
            aria-label={`${decided ? 'Tell the candidate' : 'Decide now'}: ${f.candidate.name}`}
          >
            {decided ? 'Tell the candidate' : 'Decide now'}
          </a>
        )}
        {!scorecard && (
          <button
            type="button"
            className="secondary"
            aria-expanded={handing}
            aria-controls={id}
            onClick={() => setHanding(!handing)}
            aria-label={`Reassign: ${f.candidate.name}`}
          >
            Reassign
          </button>
        )}
      </div>
      {handing && (
        <form
          id={id}
          aria-label={`Hand ${f.candidate.name}’s follow-up to someone else`}
          onSubmit={(e) => {
            e.preventDefault();
            void reassign();
          }}
        >
          <label htmlFor={`${id}-owner`}>New owner</label>
          <select
            id={`${id}-owner`}
            value={ownerId}
            required
            onChange={(e) => setOwnerId(e.target.value)}
            aria-invalid={fieldErrors.ownerId ? true : undefined}
            aria-describedby={fieldErrors.ownerId ? `${id}-owner-err` : undefined}
          >
            <option value="">Choose a member…</option>
            {candidates.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({m.role.replace('_', ' ')})
              </option>
            ))}
          </select>
          {fieldErrors.ownerId && (
            <p id={`${id}-owner-err`} className="error">
              {fieldErrors.ownerId}
            </p>
          )}
          <label htmlFor={`${id}-reason`}>Why (optional; kept in the audit log)</label>
          <input
            id={`${id}-reason`}
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="row">
            <button type="submit" disabled={busy || ownerId === ''}>
              Hand it on
            </button>
            <button type="button" className="secondary" onClick={() => setHanding(false)}>
              Keep it
            </button>
          </div>
          <Alerts error={error} />
        </form>
      )}
    </article>
  );
}
