import { useCallback, useEffect, useRef, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { api, ApiError, listAll, messageOf, type Page } from './api.ts';
import { when } from './format.ts';
import { day, membershipWords, parseTags, type PoolCandidate, type PoolEntry } from './pool.ts';
import { ConfirmInline } from './SecretOnce.tsx';

interface Job {
  id: string;
  title: string;
  status: string;
}

/** The search as the address holds it: `#/talent-pool?q=…&tag=…&tag=…&candidate=…`. */
function searchOf(query: string): { q: string; tags: string[]; candidate: string | null } {
  const p = new URLSearchParams(query);
  return { q: p.get('q') ?? '', tags: parseTags(p.getAll('tag').join(',')), candidate: p.get('candidate') };
}

function hashOf(s: { q: string; tags: string[]; candidate: string | null }): string {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set('q', s.q.trim());
  for (const t of s.tags) p.append('tag', t);
  if (s.candidate) p.set('candidate', s.candidate);
  const qs = p.toString();
  return `#/talent-pool${qs ? `?${qs}` : ''}`;
}

/**
 * The talent pool: runners-up who opted in to hear about future roles. Search by text and tags
 * (the address holds the search, so it can be shared), open one to see their history and what
 * they were told, match them into an open job in one action, or take them out of the pool.
 */
export function TalentPoolScreen({ query }: { query: string }) {
  const search = searchOf(query);
  const [text, setText] = useState(search.q);
  const [tagDraft, setTagDraft] = useState('');
  const [page, setPage] = useState<PoolEntry[] | null>(null);
  const [error, setError] = useState('');
  const key = `${search.q}|${search.tags.join(',')}`;

  useEffect(() => setText(search.q), [search.q]);
  useEffect(() => {
    const params = new URLSearchParams({ limit: '100' });
    if (search.q) params.set('q', search.q);
    for (const t of search.tags) params.append('tag', t);
    setError('');
    api<Page<PoolEntry>>('GET', `/talent-pool?${params.toString()}`).then(
      (p) => setPage(p.items),
      (e: unknown) => setError(messageOf(e, 'Could not search the talent pool.')),
    );
    // `key` stands for the search: the parsed arrays are new on every render.
  }, [key]);

  const go = (next: Partial<typeof search>) => {
    window.location.hash = hashOf({ ...search, ...next });
  };
  const addTags = (raw: string) => {
    const more = parseTags(raw).filter((t) => !search.tags.includes(t));
    setTagDraft('');
    if (more.length > 0) go({ tags: [...search.tags, ...more], q: text });
  };
  const filtered = search.q !== '' || search.tags.length > 0;

  return (
    <>
      <h1>Talent pool</h1>
      <p className="meta">
        Runners-up who said yes to hearing about future roles, for as long as they chose. Stay in touch at the
        cadence you set; match them into a new job when one fits.
      </p>
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
      <Alerts error={error} />
      {page === null && !error ? (
        <p role="status">Loading…</p>
      ) : page && page.length === 0 ? (
        filtered ? (
          <p className="empty" role="status">
            Nobody in the pool matches this search. Try fewer tags, or{' '}
            <a href="#/talent-pool">see everyone</a>.
          </p>
        ) : (
          <div className="card empty" role="status">
            <p style={{ marginTop: 0 }}>
              <strong>Nobody is in the talent pool yet.</strong>
            </p>
            <p>
              Candidates join it themselves: open the application of a runner-up who was not selected (or
              whose role closed) and use “Invite to stay in touch”. They are emailed, and they say yes — and
              for how long — on their status page. Only those who say yes appear here.
            </p>
          </div>
        )
      ) : (
        <>
          <h2 id="h-pool-list">
            {page?.length ?? 0} {page?.length === 1 ? 'candidate' : 'candidates'}
          </h2>
          <ul className="pool-list" aria-labelledby="h-pool-list">
            {page?.map((m) => (
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
                  Runner-up for {m.job.title} · in the pool until {m.consentUntil ? day(m.consentUntil) : '—'}{' '}
                  · next stay-in-touch {m.nextContactAt ? when(m.nextContactAt) : 'not scheduled'}
                </p>
                {m.interests && <p style={{ margin: '0.25rem 0' }}>Wants to hear about: {m.interests}</p>}
                {m.tags.length > 0 && (
                  <ul className="chips" aria-label={`Tags of ${m.candidate.name}`}>
                    {m.tags.map((t) => (
                      <li key={t} className="chip">
                        {search.tags.includes(t) ? (
                          t
                        ) : (
                          <a
                            href={hashOf({ ...search, tags: [...search.tags, t] })}
                            aria-label={`Search by the tag ${t}`}
                          >
                            {t}
                          </a>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
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

/** One pool candidate: interview history, what they were told, match to a job, remove. */
function PoolCandidatePanel({
  candidateId,
  onClose,
  onRemoved,
}: {
  candidateId: string;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const [view, setView] = useState<PoolCandidate | null>(null);
  const [jobs, setJobs] = useState<Job[]>([]);
  const [jobId, setJobId] = useState('');
  const [matched, setMatched] = useState<{ id: string; jobTitle: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    try {
      setView(await api<PoolCandidate>('GET', `/talent-pool/${candidateId}`));
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 404
          ? 'This candidate is not in the talent pool.'
          : messageOf(e, 'Could not load the candidate.'),
      );
    }
  }, [candidateId]);
  useEffect(() => {
    void load().then(() => heading.current?.focus());
    listAll<Job>('/jobs?status=open').then(
      (all) => setJobs(all.filter((j) => j.status === 'open')),
      () => setJobs([]),
    );
  }, [load]);

  async function match() {
    setError('');
    setBusy(true);
    try {
      const a = await api<{ id: string }>('POST', `/talent-pool/${candidateId}/match`, { jobId });
      setMatched({ id: a.id, jobTitle: jobs.find((j) => j.id === jobId)?.title ?? 'the job' });
      await load();
    } catch (e) {
      setError(messageOf(e, 'Could not match the candidate.'));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setError('');
    setBusy(true);
    try {
      await api('DELETE', `/talent-pool/${candidateId}`);
      setConfirming(false);
      setNotice('Removed from the talent pool. Their stay-in-touch follow-ups are cancelled.');
      onRemoved();
      await load();
    } catch (e) {
      setError(messageOf(e, 'Could not remove the candidate.'));
    } finally {
      setBusy(false);
    }
  }

  if (!view)
    return (
      <section className="card" aria-label="Pool candidate">
        <Alerts error={error} />
        {!error && <p role="status">Loading…</p>}
      </section>
    );
  const m = view.membership;
  const inPool = m.status === 'opted_in';
  const inJobs = new Set(view.applications.map((a) => a.jobId));
  const choices = jobs.filter((j) => !inJobs.has(j.id));
  return (
    <section className="card" aria-labelledby="h-pool-candidate">
      <h2 id="h-pool-candidate" tabIndex={-1} ref={heading} style={{ marginTop: 0 }}>
        {view.candidate.name}
      </h2>
      <p>
        <strong>{membershipWords(m)}</strong>
      </p>
      <p className="meta">
        {view.candidate.email ?? 'No email address'}
        {view.candidate.phone && <> · {view.candidate.phone}</>} · stay in touch every {m.cadenceDays} days
      </p>
      {m.offer && <p>We offered to keep them posted about: {m.offer}</p>}
      {m.interests && <p>They want to hear about: {m.interests}</p>}

      <h3>Interview history</h3>
      <ul>
        {view.applications.map((a) => (
          <li key={a.id}>
            <a href={`#/applications/${a.id}`}>{a.jobTitle}</a> — {a.status}
            {a.interviews.length > 0 && (
              <ul>
                {a.interviews.map((i, n) => (
                  <li key={n}>
                    {i.title}
                    {i.scheduledAt && <span className="meta"> · {when(i.scheduledAt)}</span>}
                    {i.closedAt && <span className="meta"> · closed {day(i.closedAt)}</span>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>

      <h3>What they were told</h3>
      {view.feedbackGiven.length === 0 ? (
        <p className="empty">No outcome email reached them through Hearback.</p>
      ) : (
        view.feedbackGiven.map((f, n) => (
          <details key={n}>
            <summary>
              {f.subject}
              {f.sentAt && <span className="meta"> · {day(f.sentAt)}</span>}
            </summary>
            {/* The stored copy holds the status link masked: say what it was, not a dead address. */}
            <p className="pool-told">
              {f.text.replace(/\S*\/s\/link-hidden(?![A-Za-z0-9_-])/g, '(their status link)')}
            </p>
          </details>
        ))
      )}

      {inPool && (
        <>
          <h3>Match to a job</h3>
          {choices.length === 0 ? (
            <p className="empty">No open job they are not already in.</p>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void match();
              }}
            >
              <label htmlFor="pool-job">Open job</label>
              <select id="pool-job" value={jobId} onChange={(e) => setJobId(e.target.value)} required>
                <option value="">Choose a job…</option>
                {choices.map((j) => (
                  <option key={j.id} value={j.id}>
                    {j.title}
                  </option>
                ))}
              </select>
              <div className="row">
                <button type="submit" disabled={busy || jobId === ''}>
                  Match to this job
                </button>
              </div>
            </form>
          )}
        </>
      )}
      {matched && (
        <p className="notice" role="status">
          {view.candidate.name} is now in {matched.jobTitle}.{' '}
          <a href={`#/applications/${matched.id}`}>Open the new application</a>
        </p>
      )}
      <Alerts error={error} notice={notice} />
      <div className="row">
        {inPool &&
          (confirming ? (
            <ConfirmInline
              label={`Confirm removing ${view.candidate.name} from the talent pool`}
              question={`Remove ${view.candidate.name} from the talent pool? Their stay-in-touch follow-ups are cancelled, and you would have to invite them again.`}
              yes="Remove from the pool"
              busy={busy}
              onYes={() => void remove()}
              onNo={() => setConfirming(false)}
            />
          ) : (
            <button type="button" className="secondary" onClick={() => setConfirming(true)}>
              Remove from pool
            </button>
          ))}
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}
