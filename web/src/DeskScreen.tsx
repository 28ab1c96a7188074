import { useCallback, useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, messageOf, type Schema } from './api.ts';
import { ClientView } from './ClientView.tsx';
import { DeskClients } from './DeskClients.tsx';
import { DeskCoverage } from './DeskCoverage.tsx';
import { DeskSubmitForm } from './DeskSubmitForm.tsx';
import { DeskToday } from './DeskToday.tsx';
import type { Desk, Waiting } from './desk-types.ts';
import { DeskWaiting } from './DeskWaiting.tsx';

/**
 * The agency recruiter's desk: what is owed today (overdue first, each with its one next action),
 * submissions waiting on clients against the deadline the client agreed, and the clients
 * themselves — add a client, a contact, a job order, submit a candidate, nudge with news.
 */
export function DeskScreen() {
  const [desk, setDesk] = useState<Desk | null>(null);
  const [candidates, setCandidates] = useState<Schema<'Candidate'>[]>([]);
  const [nudging, setNudging] = useState<Waiting | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  // Bumped after every change so the coverage and the client view reload with the desk.
  const [version, setVersion] = useState(0);
  const [viewing, setViewing] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setDesk(await dataOf(client.GET('/api/v1/desk')));
      const page = await dataOf(client.GET('/api/v1/candidates', { params: { query: { limit: 200 } } }));
      setCandidates(page.items);
    } catch (e) {
      setError(messageOf(e, 'The desk could not be loaded.'));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const done = (message: string) => {
    setError('');
    setNotice(message);
    setVersion((v) => v + 1);
    void load();
  };

  if (!desk) return <Alerts error={error} />;
  return (
    <>
      <h1>Desk</h1>
      <Alerts error={error} notice={notice} />
      <DeskToday
        followUps={desk.followUps}
        waiting={desk.waiting}
        onNudge={setNudging}
        onDone={done}
        onDebriefed={(m) => {
          setError('');
          setNotice(m);
          // The form stays open to show the thank-you note; the desk behind it refreshes.
          void load();
        }}
      />
      <DeskWaiting
        waiting={desk.waiting}
        nudging={nudging}
        onNudge={setNudging}
        onDone={done}
        onError={setError}
      />
      <DeskCoverage version={version} />
      {viewing && (
        <ClientView clientId={viewing} version={version} onClose={() => setViewing(null)} onChanged={done} />
      )}
      <DeskSubmitForm clients={desk.clients} candidates={candidates} onDone={done} />
      <DeskClients clients={desk.clients} onView={setViewing} onDone={done} />
    </>
  );
}
