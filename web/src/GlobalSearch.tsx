import { useEffect, useRef, useState } from 'react';
import { api, messageOf, type Page } from './api.ts';

interface Found {
  candidates: { id: string; name: string; email: string | null }[];
  jobs: { id: string; title: string; status: string }[];
}

/** True when a key press belongs to a field being typed in. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/**
 * Find anything from every screen: candidates by part of their name or email, jobs by part of the
 * title. `/` jumps here (unless a field is being typed in); a candidate opens their profile, a job
 * its follow-ups. Only what the member may read is searched.
 */
export function GlobalSearch({ permissions }: { permissions: readonly string[] }) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const canCandidates = permissions.includes('candidates:read');
  const canJobs = permissions.includes('jobs:read');

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      e.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setFound(null);
      return;
    }
    // Typing settles before asking: one request per pause, not per key; a stale answer is dropped.
    let stale = false;
    const timer = setTimeout(() => {
      const param = encodeURIComponent(q);
      void Promise.all([
        canCandidates
          ? api<Page<Found['candidates'][number]>>('GET', `/candidates?q=${param}&limit=8`)
          : Promise.resolve({ items: [] }),
        canJobs
          ? api<Page<Found['jobs'][number]>>('GET', `/jobs?q=${param}&limit=5`)
          : Promise.resolve({ items: [] }),
      ])
        .then(([c, j]) => {
          if (stale) return;
          setError('');
          setFound({ candidates: c.items, jobs: j.items });
        })
        .catch((e: unknown) => !stale && setError(messageOf(e, 'Search failed.')));
    }, 200);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [text, canCandidates, canJobs]);

  if (!canCandidates && !canJobs) return null;
  const close = () => {
    setText('');
    setFound(null);
  };
  return (
    <div className="search" role="search">
      <label htmlFor="global-search" className="visually-hidden">
        Search candidates and jobs
      </label>
      <input
        id="global-search"
        ref={input}
        type="search"
        placeholder="Search (/)"
        value={text}
        autoComplete="off"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && close()}
        maxLength={100}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {found && (
        <div className="search-results" aria-live="polite">
          {found.candidates.length + found.jobs.length === 0 ? (
            <p className="empty">Nothing matches “{text.trim()}”.</p>
          ) : (
            <ul aria-label="Search results">
              {found.candidates.map((c) => (
                <li key={c.id}>
                  <a href={`#/candidates/${c.id}`} onClick={close}>
                    {c.name}
                  </a>{' '}
                  <span className="meta">candidate{c.email ? ` · ${c.email}` : ''}</span>
                </li>
              ))}
              {found.jobs.map((j) => (
                <li key={j.id}>
                  <a href={`#/follow-ups?owner=anyone&job=${j.id}`} onClick={close}>
                    {j.title}
                  </a>{' '}
                  <span className="meta">job · {j.status} · its follow-ups</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
