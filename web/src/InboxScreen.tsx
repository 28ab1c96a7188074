import { useCallback, useEffect, useRef, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { api, listAll, messageOf, type Page } from './api.ts';
import { when } from './format.ts';

interface InboundEmail {
  id: string;
  fromAddress: string;
  fromName: string;
  subject: string;
  bodyText: string;
  attachments: { filename: string; contentType: string; size: number }[];
  receivedAt: string;
}

interface Candidate {
  id: string;
  name: string;
  email: string | null;
}

interface Application {
  id: string;
  jobId: string;
  stage: string;
  status: string;
}

const PAGE_SIZE = 25;

/** A mail's sender as people read it: "Jo Rivera <jo@example.com>", or the address alone. */
function senderOf(m: InboundEmail): string {
  return m.fromName ? `${m.fromName} <${m.fromAddress}>` : m.fromAddress;
}

/**
 * The inbox: replies Hearback could not match to a thread, from known candidates, waiting for
 * someone to say which application they belong to (or to set them aside).
 */
export function InboxScreen() {
  const [mails, setMails] = useState<InboundEmail[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [open, setOpen] = useState<{ id: string; action: 'assign' | 'dismiss' } | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    try {
      const page = await api<Page<InboundEmail>>('GET', `/inbox?limit=${PAGE_SIZE}`);
      setMails(page.items);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(messageOf(e, 'Could not load the inbox.'));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function more() {
    if (!cursor) return;
    try {
      const page = await api<Page<InboundEmail>>(
        'GET',
        `/inbox?limit=${PAGE_SIZE}&cursor=${encodeURIComponent(cursor)}`,
      );
      setMails((m) => [...(m ?? []), ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(messageOf(e, 'Could not load more mail.'));
    }
  }

  /** A mail handled: it leaves the list, the outcome is announced, focus returns to the heading. */
  function handled(id: string, message: string) {
    setMails((m) => (m ?? []).filter((x) => x.id !== id));
    setOpen(null);
    setError('');
    setNotice(message);
    heading.current?.focus();
  }

  async function dismiss(m: InboundEmail) {
    setError('');
    try {
      await api('POST', `/inbox/${m.id}/dismiss`);
      handled(m.id, `Dismissed “${m.subject || 'no subject'}” from ${m.fromAddress}.`);
    } catch (e) {
      setError(messageOf(e, 'Could not dismiss the mail.'));
    }
  }

  return (
    <>
      <h1 tabIndex={-1} ref={heading}>
        Inbox
      </h1>
      <p className="meta">
        Replies from candidates that Hearback could not match to a conversation — a new email instead of a
        reply, or a reply from another address. Assign each to the candidate’s application so it counts as
        their reply (and closes what it answers), or dismiss it.
      </p>
      <Alerts error={error} notice={notice} />
      {mails === null ? (
        !error && <p role="status">Loading the inbox…</p>
      ) : mails.length === 0 ? (
        <p className="empty">
          Nothing waiting. When a candidate writes in and Hearback cannot tell which application it is about,
          the mail waits here for someone to assign it, so no reply goes unseen.
        </p>
      ) : (
        <ul className="inbox-list" aria-label="Unmatched mail">
          {mails.map((m) => (
            <li key={m.id} className="card">
              <article aria-labelledby={`mail-${m.id}`}>
                <h2 id={`mail-${m.id}`} style={{ marginTop: 0 }}>
                  {m.subject || '(no subject)'}
                </h2>
                <p className="meta">
                  From {senderOf(m)} · received {when(m.receivedAt)}
                </p>
                {/* Plain text only: React escapes it, and the API keeps no HTML. */}
                <pre className="mail-text">{m.bodyText || '(no text)'}</pre>
                {m.attachments.length > 0 && (
                  <p className="meta">
                    Attachments (not kept): {m.attachments.map((a) => a.filename || a.contentType).join(', ')}
                  </p>
                )}
                {open?.id === m.id && open.action === 'assign' ? (
                  <AssignPanel
                    mail={m}
                    onCancel={() => setOpen(null)}
                    onAssigned={(message) => handled(m.id, message)}
                  />
                ) : open?.id === m.id && open.action === 'dismiss' ? (
                  <ConfirmDismiss mail={m} onConfirm={() => void dismiss(m)} onCancel={() => setOpen(null)} />
                ) : (
                  <div className="row">
                    <button type="button" onClick={() => setOpen({ id: m.id, action: 'assign' })}>
                      Assign to an application
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setOpen({ id: m.id, action: 'dismiss' })}
                    >
                      Dismiss
                    </button>
                  </div>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" className="secondary" onClick={() => void more()}>
          Show more
        </button>
      )}
    </>
  );
}

function ConfirmDismiss({
  mail,
  onConfirm,
  onCancel,
}: {
  mail: InboundEmail;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div role="group" aria-label={`Confirm dismissing the mail from ${mail.fromAddress}`} className="confirm">
      <p style={{ margin: 0 }}>Dismiss it? It leaves the inbox and is not recorded as a reply from anyone.</p>
      <div className="row">
        <button type="button" className="danger" onClick={onConfirm}>
          Yes, dismiss
        </button>
        <button type="button" className="secondary" ref={keep} onClick={onCancel}>
          Keep it
        </button>
      </div>
    </div>
  );
}

/**
 * Choosing the application: find the candidate (by email through the API's exact match, by name
 * among the organization's candidates), then pick one of their applications.
 */
function AssignPanel({
  mail,
  onCancel,
  onAssigned,
}: {
  mail: InboundEmail;
  onCancel: () => void;
  onAssigned: (message: string) => void;
}) {
  const [query, setQuery] = useState(mail.fromAddress);
  const [found, setFound] = useState<Candidate[] | null>(null);
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const [applications, setApplications] = useState<Application[] | null>(null);
  const [jobs, setJobs] = useState<Record<string, string>>({});
  const [applicationId, setApplicationId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const searchInput = useRef<HTMLInputElement>(null);

  const search = useCallback(async (q: string) => {
    setError('');
    setCandidate(null);
    setApplications(null);
    setApplicationId('');
    const term = q.trim().toLowerCase();
    if (!term) {
      setFound([]);
      return;
    }
    try {
      if (term.includes('@') && /^\S+@\S+\.\S+$/.test(term)) {
        const page = await api<Page<Candidate>>('GET', `/candidates?email=${encodeURIComponent(term)}`);
        if (page.items.length > 0) {
          setFound(page.items);
          return;
        }
      }
      const page = await api<Page<Candidate>>('GET', `/candidates?limit=20&q=${encodeURIComponent(term)}`);
      setFound(page.items);
    } catch (e) {
      setError(messageOf(e, 'Could not search the candidates.'));
    }
  }, []);

  // Mail waits here only when its sender is a known candidate: look them up at once.
  useEffect(() => {
    searchInput.current?.focus();
    void search(mail.fromAddress);
  }, [mail.fromAddress, search]);

  async function choose(c: Candidate) {
    setCandidate(c);
    setApplications(null);
    setApplicationId('');
    setError('');
    try {
      const [apps, jobList] = await Promise.all([
        listAll<Application>(`/applications?candidateId=${c.id}`),
        listAll<{ id: string; title: string }>('/jobs'),
      ]);
      setJobs(Object.fromEntries(jobList.map((j) => [j.id, j.title])));
      setApplications(apps);
      if (apps.length === 1) setApplicationId(apps[0]!.id);
    } catch (e) {
      setError(messageOf(e, 'Could not load their applications.'));
    }
  }

  async function assign() {
    if (!candidate || !applicationId) return;
    setBusy(true);
    setError('');
    try {
      const r = await api<{ closedFollowUps: unknown[] }>('POST', `/inbox/${mail.id}/assign`, {
        applicationId,
      });
      const job = jobs[applications?.find((a) => a.id === applicationId)?.jobId ?? ''] ?? 'the job';
      const closed = r.closedFollowUps.length;
      onAssigned(
        `Assigned to ${candidate.name} · ${job}: recorded as their reply` +
          (closed ? `; ${closed} follow-up${closed === 1 ? '' : 's'} it answers closed.` : '.'),
      );
    } catch (e) {
      setError(messageOf(e, 'Could not assign the mail.'));
      setBusy(false);
    }
  }

  const titleId = `assign-${mail.id}`;
  return (
    <div className="assign" role="group" aria-labelledby={titleId}>
      <h3 id={titleId} style={{ marginTop: 0 }}>
        Assign to an application
      </h3>
      <Alerts error={error} />
      <form
        role="search"
        aria-label="Find the candidate"
        onSubmit={(e) => {
          e.preventDefault();
          void search(query);
        }}
      >
        <label htmlFor={`q-${mail.id}`}>Candidate name or email</label>
        <div className="row" style={{ marginTop: 0, flexWrap: 'nowrap' }}>
          <input
            id={`q-${mail.id}`}
            ref={searchInput}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button type="submit" className="secondary">
            Search
          </button>
        </div>
      </form>
      {found !== null &&
        (found.length === 0 ? (
          <p className="empty" role="status">
            No candidate matches “{query}”.
          </p>
        ) : (
          <fieldset>
            <legend>Candidate</legend>
            {found.slice(0, 20).map((c) => (
              <label key={c.id} className="choice">
                <input
                  type="radio"
                  name={`candidate-${mail.id}`}
                  checked={candidate?.id === c.id}
                  onChange={() => void choose(c)}
                />
                {c.name}
                {c.email && <span className="meta"> · {c.email}</span>}
              </label>
            ))}
            {found.length > 20 && <p className="meta">{found.length - 20} more: narrow the search.</p>}
          </fieldset>
        ))}
      {candidate &&
        applications !== null &&
        (applications.length === 0 ? (
          <p className="empty">{candidate.name} has no application to assign this to.</p>
        ) : (
          <fieldset>
            <legend>Application</legend>
            {applications.map((a) => (
              <label key={a.id} className="choice">
                <input
                  type="radio"
                  name={`application-${mail.id}`}
                  checked={applicationId === a.id}
                  onChange={() => setApplicationId(a.id)}
                />
                {jobs[a.jobId] ?? 'A job'} — {a.stage} ({a.status})
              </label>
            ))}
          </fieldset>
        ))}
      <div className="row">
        <button type="button" disabled={busy || !applicationId} onClick={() => void assign()}>
          Assign
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
