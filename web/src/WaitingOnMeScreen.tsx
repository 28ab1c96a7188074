import { useCallback, useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, everyItem, messageOf, type FollowUp, type Schema, type Session } from './api.ts';
import type { FollowUpQuery } from './queue.ts';
import { WaitingCard } from './WaitingCard.tsx';

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
  const [members, setMembers] = useState<Schema<'Member'>[]>([]);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    try {
      const list = (query: FollowUpQuery) =>
        dataOf(
          client.GET('/api/v1/follow-ups', { params: { query: { status: 'open', limit: 200, ...query } } }),
        );
      const [decideBy, outcomes, toMe, people] = await Promise.all([
        list({ ownerId: me.id, kind: 'decision_due' }),
        list({ hiringManagerId: me.id, kind: 'outcome' }),
        list({ escalatedTo: me.id }),
        everyItem((query) => client.GET('/api/v1/members', { params: { query } })),
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
