/** The talent pool's search as the address holds it: `#/talent-pool?q=…&tag=…&tag=…&candidate=…`. */
import { parseTags } from './pool.ts';

/** A search of the pool: free text, tags (all must match), and the candidate opened, if any. */
export interface PoolSearch {
  q: string;
  tags: string[];
  candidate: string | null;
}

/** The search held by the address's query. */
export function searchOf(query: string): PoolSearch {
  const p = new URLSearchParams(query);
  return { q: p.get('q') ?? '', tags: parseTags(p.getAll('tag').join(',')), candidate: p.get('candidate') };
}

/** The address of a search. */
export function hashOf(s: PoolSearch): string {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set('q', s.q.trim());
  for (const t of s.tags) p.append('tag', t);
  if (s.candidate) p.set('candidate', s.candidate);
  const qs = p.toString();
  return `#/talent-pool${qs ? `?${qs}` : ''}`;
}
