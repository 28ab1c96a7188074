import type { Schema } from './api.ts';
import { when } from './format.ts';
import { day } from './pool.ts';
import { hashOf, type PoolSearch } from './pool-search.ts';

/**
 * The pool's search results: loading, nobody (for this search, or at all — with how candidates
 * join), or the candidates with their job, consent, next stay-in-touch, interests and tags.
 */
export function TalentPoolList({
  page,
  error,
  search,
}: {
  page: Schema<'PoolEntry'>[] | null;
  error: string;
  search: PoolSearch;
}) {
  const filtered = search.q !== '' || search.tags.length > 0;
  if (page === null && !error) return <p role="status">Loading…</p>;
  if (page && page.length === 0) {
    return filtered ? (
      <p className="empty" role="status">
        Nobody in the pool matches this search. Try fewer tags, or <a href="#/talent-pool">see everyone</a>.
      </p>
    ) : (
      <div className="card empty" role="status">
        <p style={{ marginTop: 0 }}>
          <strong>Nobody is in the talent pool yet.</strong>
        </p>
        <p>
          Candidates join it themselves: open the application of a runner-up who was not selected (or whose
          role closed) and use “Invite to stay in touch”. They are emailed, and they say yes — and for how
          long — on their status page. Only those who say yes appear here.
        </p>
      </div>
    );
  }
  // After a failed first search the list is shown empty, as before the split.
  const items = page ?? [];
  return (
    <>
      <h2 id="h-pool-list">
        {items.length} {items.length === 1 ? 'candidate' : 'candidates'}
      </h2>
      <ul className="pool-list" aria-labelledby="h-pool-list">
        {items.map((m) => (
          <li key={m.id} className="card">
            <h3 style={{ margin: 0 }}>
              <a
                href={hashOf({ ...search, candidate: m.candidateId })}
                aria-current={search.candidate === m.candidateId ? 'true' : undefined}
              >
                {m.candidate.name}
              </a>
            </h3>
            <p className="meta" style={{ margin: '0.25rem 0' }}>
              Runner-up for {m.job.title} · in the pool until {m.consentUntil ? day(m.consentUntil) : '—'} ·
              next stay-in-touch {m.nextContactAt ? when(m.nextContactAt) : 'not scheduled'}
            </p>
            {m.interests && <p style={{ margin: '0.25rem 0' }}>Wants to hear about: {m.interests}</p>}
            {m.tags.length > 0 && <EntryTags name={m.candidate.name} tags={m.tags} search={search} />}
          </li>
        ))}
      </ul>
    </>
  );
}

/** A pool entry's tags: each one not yet searched is a link that adds it to the search. */
function EntryTags({ name, tags, search }: { name: string; tags: string[]; search: PoolSearch }) {
  return (
    <ul className="chips" aria-label={`Tags of ${name}`}>
      {tags.map((t) => (
        <li key={t} className="chip">
          {search.tags.includes(t) ? (
            t
          ) : (
            <a href={hashOf({ ...search, tags: [...search.tags, t] })} aria-label={`Search by the tag ${t}`}>
              {t}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
