import { useCallback, useEffect, useRef, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, messageOf, type Schema } from './api.ts';
import { InboundMailCard } from './InboundMailCard.tsx';

type InboundEmail = Schema<'InboundEmail'>;

const PAGE_SIZE = 25;

/** One page of the unmatched mail, after `cursor`. */
function inboxPage(cursor?: string) {
  const query = { limit: PAGE_SIZE, ...(cursor && { cursor }) };
  return dataOf(client.GET('/api/v1/inbox', { params: { query } }));
}

/** The unmatched mail, a page at a time: the first page on mount, `more` for the next. */
function useInbox(setError: (words: string) => void) {
  const [mails, setMails] = useState<InboundEmail[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const first = await inboxPage();
      setMails(first.items);
      setCursor(first.nextCursor);
    } catch (e) {
      setError(messageOf(e, 'Could not load the inbox.'));
    }
  }, [setError]);
  useEffect(() => {
    void load();
  }, [load]);

  async function more() {
    if (!cursor) return;
    try {
      const next = await inboxPage(cursor);
      setMails((m) => [...(m ?? []), ...next.items]);
      setCursor(next.nextCursor);
    } catch (e) {
      setError(messageOf(e, 'Could not load more mail.'));
    }
  }

  return { mails, setMails, cursor, more };
}

/**
 * The inbox: replies Hearback could not match to a thread, from known candidates, waiting for
 * someone to say which application they belong to (or to set them aside).
 */
export function InboxScreen() {
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const { mails, setMails, cursor, more } = useInbox(setError);
  const [open, setOpen] = useState<{ id: string; action: 'assign' | 'dismiss' } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

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
      await client.POST('/api/v1/inbox/{id}/dismiss', { params: { path: { id: m.id } } });
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
              <InboundMailCard
                mail={m}
                open={open?.id === m.id ? open.action : null}
                onOpen={(action) => setOpen(action && { id: m.id, action })}
                onAssigned={(message) => handled(m.id, message)}
                onDismiss={() => void dismiss(m)}
              />
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
