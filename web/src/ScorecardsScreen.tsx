import { useCallback, useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, messageOf, type FollowUp, type Session } from './api.ts';
import { OwedScorecard } from './OwedScorecard.tsx';

/**
 * An interviewer's home (issue 17): the scorecards they owe, soonest due first, each with the
 * candidate, the job, the interview and how far its due time is — and the scorecard form itself,
 * one click away. A saved scorecard leaves the list.
 */
export function ScorecardsScreen({ session }: { session: Session }) {
  const me = session.member;
  const [items, setItems] = useState<FollowUp[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    try {
      const page = await dataOf(
        client.GET('/api/v1/follow-ups', {
          params: { query: { status: 'open', ownerId: me.id, kind: 'feedback_due', limit: 200 } },
        }),
      );
      // Owed to the team it is a scorecard; owed to a candidate it is their request for feedback.
      setItems(page.items.filter((f) => f.owedTo === 'team'));
    } catch (e) {
      setError(messageOf(e, 'Could not load your scorecards.'));
    }
  }, [me.id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (items === null) return error ? <Alerts error={error} /> : <p role="status">Loading your scorecards…</p>;
  return (
    <>
      <h1>Scorecards I owe</h1>
      <p className="meta">
        Your judgement of each interview you gave, while it is fresh: the decision, and the promise made to
        the candidate, wait on it.
      </p>
      <Alerts error={error} notice={notice} />
      {items.length === 0 && <p className="empty">You owe no scorecards.</p>}
      {items.map((f) => (
        <OwedScorecard
          key={f.id}
          f={f}
          member={me}
          open={open === f.id}
          onToggle={() => setOpen(open === f.id ? null : f.id)}
          onSaved={() => {
            setOpen(null);
            setNotice(`Scorecard for ${f.candidate.name} saved: it is off your list.`);
            void load();
          }}
        />
      ))}
    </>
  );
}
