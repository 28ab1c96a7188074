import type { Schema } from './api.ts';

/** What a search found: candidates and jobs. */
export interface Found {
  candidates: Schema<'Candidate'>[];
  jobs: Schema<'Job'>[];
}

/** The search's answers: a candidate opens their profile, a job its follow-ups. */
export function SearchResults({
  found,
  text,
  onChoose,
}: {
  found: Found;
  text: string;
  onChoose: () => void;
}) {
  return (
    <div className="search-results" aria-live="polite">
      {found.candidates.length + found.jobs.length === 0 ? (
        <p className="empty">Nothing matches “{text.trim()}”.</p>
      ) : (
        <ul aria-label="Search results">
          {found.candidates.map((c) => (
            <li key={c.id}>
              <a href={`#/candidates/${c.id}`} onClick={onChoose}>
                {c.name}
              </a>{' '}
              <span className="meta">candidate{c.email ? ` · ${c.email}` : ''}</span>
            </li>
          ))}
          {found.jobs.map((j) => (
            <li key={j.id}>
              <a href={`#/follow-ups?owner=anyone&job=${j.id}`} onClick={onChoose}>
                {j.title}
              </a>{' '}
              <span className="meta">job · {j.status} · its follow-ups</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
