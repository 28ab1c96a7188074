import { useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, messageOf, type Schema } from './api.ts';
import { PoolCandidatePanel } from './PoolCandidatePanel.tsx';
import { hashOf, searchOf, type PoolSearch } from './pool-search.ts';
import { TalentPoolList } from './TalentPoolList.tsx';
import { TalentPoolSearchForm } from './TalentPoolSearchForm.tsx';

/**
 * The talent pool: runners-up who opted in to hear about future roles. Search by text and tags
 * (the address holds the search, so it can be shared), open one to see their history and what
 * they were told, match them into an open job in one action, or take them out of the pool.
 */
export function TalentPoolScreen({ query }: { query: string }) {
  const search = searchOf(query);
  const [page, setPage] = useState<Schema<'PoolEntry'>[] | null>(null);
  const [error, setError] = useState('');
  const key = `${search.q}|${search.tags.join(',')}`;

  useEffect(() => {
    setError('');
    dataOf(
      client.GET('/api/v1/talent-pool', {
        params: { query: { limit: 100, ...(search.q && { q: search.q }), tag: search.tags } },
      }),
    ).then(
      (p) => setPage(p.items),
      (e: unknown) => setError(messageOf(e, 'Could not search the talent pool.')),
    );
    // `key` stands for the search: the parsed arrays are new on every render.
  }, [key]);

  const go = (next: Partial<PoolSearch>) => {
    window.location.hash = hashOf({ ...search, ...next });
  };

  return (
    <>
      <h1>Talent pool</h1>
      <p className="meta">
        Runners-up who said yes to hearing about future roles, for as long as they chose. Stay in touch at the
        cadence you set; match them into a new job when one fits.
      </p>
      <TalentPoolSearchForm search={search} go={go} />
      <Alerts error={error} />
      <TalentPoolList page={page} error={error} search={search} />
      {search.candidate && (
        <PoolCandidatePanel
          key={search.candidate}
          candidateId={search.candidate}
          onClose={() => go({ candidate: null })}
          onRemoved={() => {
            setPage((p) => p?.filter((m) => m.candidateId !== search.candidate) ?? p);
          }}
        />
      )}
    </>
  );
}
