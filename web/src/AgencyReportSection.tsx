import { useEffect, useState } from 'react';
import { AgencyResponsivenessTable } from './AgencyResponsivenessTable.tsx';
import { ApiError, client, dataOf, type Schema } from './api.ts';

/** One line of `GET /reports/agency`. */
type AgencyLine = Schema<'AgencyReportLine'>;

/**
 * The agency part of Reports: how fast each client (and each contact) answers, whether nudges got
 * answers, and how submissions became interviews and placements. Shown only to an organization
 * with submissions in the period, so an employer's Reports stay as they were.
 */
export function AgencyReportSection() {
  const [byClient, setByClient] = useState<AgencyLine[]>([]);
  const [byContact, setByContact] = useState<AgencyLine[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    const get = (group: 'client' | 'contact') =>
      dataOf(client.GET('/api/v1/reports/agency', { params: { query: { group, limit: 200 } } })).then(
        (r) => r.items,
      );
    Promise.all([get('client'), get('contact')]).then(
      ([c, k]) => {
        setByClient(c);
        setByContact(k);
      },
      (e: unknown) => setError(e instanceof ApiError ? e.message : 'Could not load the agency report.'),
    );
  }, []);
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (byClient.length === 0) return null;

  return (
    <section aria-labelledby="agency-report">
      <h2 id="agency-report">Clients (agency)</h2>
      <p className="meta">
        Submissions, client feedback and nudges of the last 90 days. Within deadline counts feedback answered
        by the agreed deadline, of the feedback answered or already late.
      </p>
      <AgencyResponsivenessTable title="By client" first="Client" lines={byClient} group="client" />
      <AgencyResponsivenessTable title="By contact" first="Contact" lines={byContact} group="contact" />
    </section>
  );
}
