import { useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, messageOf, type Schema } from './api.ts';
import {
  ContactsWithoutNextContact,
  CoverageJobOrders,
  CoveragePlacements,
} from './DeskCoverageSections.tsx';

type Coverage = Schema<'DeskCoverage'>;

/**
 * The desk's second half: client jobs with their final-stage coverage (finalists against the
 * target, and who could fill a short one), contacts with no next contact (a defect to fix), and
 * placements with their next check-in and the guarantee's end.
 */
export function DeskCoverage({ version }: { version: number }) {
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    dataOf(client.GET('/api/v1/desk/coverage'))
      .then(setCoverage)
      .catch((e: unknown) => setError(messageOf(e, 'Coverage could not be loaded.')));
  }, [version]);
  if (!coverage) return <Alerts error={error} />;
  return (
    <>
      <CoverageJobOrders jobOrders={coverage.jobOrders} />
      <ContactsWithoutNextContact contacts={coverage.contactsWithoutNextContact} />
      <CoveragePlacements placements={coverage.placements} />
    </>
  );
}
