import { useEffect, useRef, useState } from 'react';
import { SearchResults, type Found } from './SearchResults.tsx';
import { client, dataOf, messageOf } from './api.ts';

/** True when a key press belongs to a field being typed in. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** `/` moves focus to `input` (unless a field is being typed in). */
function useSlashToFocus(input: React.RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      e.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [input]);
}

/**
 * What `text` finds (null under two characters): candidates and jobs the member may read. Typing
 * settles before asking: one request per pause, not per key; a stale answer is dropped.
 */
function useSearch(text: string, canCandidates: boolean, canJobs: boolean) {
  const [found, setFound] = useState<Found | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setFound(null);
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      void Promise.all([
        canCandidates
          ? dataOf(client.GET('/api/v1/candidates', { params: { query: { q, limit: 8 } } }))
          : Promise.resolve({ items: [] }),
        canJobs
          ? dataOf(client.GET('/api/v1/jobs', { params: { query: { q, limit: 5 } } }))
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
  return { found, setFound, error };
}

/**
 * Find anything from every screen: candidates by part of their name or email, jobs by part of the
 * title. `/` jumps here (unless a field is being typed in); a candidate opens their profile, a job
 * its follow-ups. Only what the member may read is searched.
 */
export function GlobalSearch({ permissions }: { permissions: readonly string[] }) {
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const canCandidates = permissions.includes('candidates:read');
  const canJobs = permissions.includes('jobs:read');
  useSlashToFocus(input);
  const { found, setFound, error } = useSearch(text, canCandidates, canJobs);

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
      {found && <SearchResults found={found} text={text} onChoose={close} />}
    </div>
  );
}
