import { useCallback, useEffect, useRef, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, messageOf, type Schema } from './api.ts';
import { ClientFeedbackRecord } from './ClientFeedbackRecord.tsx';
import { ClientOpenSubmissions } from './ClientOpenSubmissions.tsx';
import { PlacementForm } from './PlacementPanel.tsx';

type ClientRecord = Schema<'ClientRecord'>;
type OpenSubmission = ClientRecord['openSubmissions'][number];

/**
 * One client at a glance: every open submission with its deadline, and how the client answers
 * (median days to feedback, the share answered within the deadline they agreed). A submission
 * with an offer, or in interviews, can be placed from here.
 */
export function ClientView({
  clientId,
  version,
  onClose,
  onChanged,
}: {
  clientId: string;
  /** Bumped by the desk after any change, so the view reloads. */
  version: number;
  onClose: () => void;
  onChanged: (message: string) => void;
}) {
  const [record, setRecord] = useState<ClientRecord | null>(null);
  const [placing, setPlacing] = useState<OpenSubmission | null>(null);
  const [error, setError] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const load = useCallback(async () => {
    try {
      setRecord(
        await dataOf(client.GET('/api/v1/clients/{id}/record', { params: { path: { id: clientId } } })),
      );
    } catch (e) {
      setError(messageOf(e, 'The client could not be loaded.'));
    }
  }, [clientId]);
  useEffect(() => {
    void load();
  }, [load, version]);

  const loaded = record !== null;
  // Keyboard users land on the view they opened.
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded, clientId]);

  if (!record) return <Alerts error={error} />;
  return (
    <section aria-labelledby="client-view" className="card">
      <div className="row">
        <h2 id="client-view" ref={heading} tabIndex={-1}>
          {record.client.name}
        </h2>
        <button type="button" className="secondary" onClick={onClose}>
          Close client view
        </button>
      </div>
      <Alerts error={error} />
      <ClientFeedbackRecord record={record} />
      <h3>Open submissions</h3>
      <ClientOpenSubmissions submissions={record.openSubmissions} onPlace={setPlacing} />
      {placing && (
        <PlacementForm
          key={placing.submissionId}
          submissionId={placing.submissionId}
          candidateName={placing.candidateName}
          defaultGuaranteeDays={record.client.guaranteeDays}
          onCancel={() => setPlacing(null)}
          onPlaced={(p) => {
            setPlacing(null);
            onChanged(
              `${placing.candidateName} placed; guarantee until ${p.guaranteeEndsOn}, ${p.checkIns.length} check-ins scheduled.`,
            );
          }}
        />
      )}
    </section>
  );
}
