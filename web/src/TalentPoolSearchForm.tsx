import { useEffect, useState } from 'react';
import { parseTags } from './pool.ts';
import type { PoolSearch } from './pool-search.ts';

/**
 * The talent pool's search form: text, and tags added as chips (Enter or a comma) and removed
 * one by one. It changes the address, which runs the search.
 */
export function TalentPoolSearchForm({
  search,
  go,
}: {
  search: PoolSearch;
  /** Move to a search (merged into the current one). */
  go: (next: Partial<PoolSearch>) => void;
}) {
  const [text, setText] = useState(search.q);
  const [tagDraft, setTagDraft] = useState('');
  useEffect(() => setText(search.q), [search.q]);
  const addTags = (raw: string) => {
    const more = parseTags(raw).filter((t) => !search.tags.includes(t));
    setTagDraft('');
    if (more.length > 0) go({ tags: [...search.tags, ...more], q: text });
  };
  const filtered = search.q !== '' || search.tags.length > 0;
  return (
    <form
      className="card"
      role="search"
      aria-label="Search the talent pool"
      onSubmit={(e) => {
        e.preventDefault();
        const more = parseTags(tagDraft).filter((t) => !search.tags.includes(t));
        setTagDraft('');
        go({ q: text, tags: [...search.tags, ...more], candidate: null });
      }}
    >
      <label htmlFor="pool-q">Name, interests, job or tag</label>
      <input id="pool-q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
      <label htmlFor="pool-tag">Only with the tags</label>
      <input
        id="pool-tag"
        value={tagDraft}
        placeholder="Type a tag and press Enter"
        aria-describedby="pool-tag-list"
        onChange={(e) => {
          if (e.target.value.endsWith(',')) addTags(e.target.value);
          else setTagDraft(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && tagDraft.trim()) {
            e.preventDefault();
            addTags(tagDraft);
          }
        }}
      />
      <ul className="chips" id="pool-tag-list" aria-label="Tags searched">
        {search.tags.map((t) => (
          <li key={t} className="chip">
            {t}
            <button
              type="button"
              aria-label={`Remove the tag ${t}`}
              onClick={() => go({ tags: search.tags.filter((x) => x !== t) })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="row">
        <button type="submit">Search</button>
        {filtered && (
          <a className="button secondary" href="#/talent-pool">
            Clear the search
          </a>
        )}
      </div>
    </form>
  );
}
