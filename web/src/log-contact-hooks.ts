import { useCallback, useEffect, useState } from 'react';
import { client, dataOf, messageOf, type Body, type Schema } from './api.ts';
import { noteWords, type PendingNote } from './log-contact-words.ts';

/** What is known of the application's decisions: still loading, not loadable, or the list. */
export type DecisionsState =
  | { state: 'loading' }
  | { state: 'failed'; reason: string }
  | { state: 'loaded'; items: Schema<'Decision'>[] };

/**
 * The application's decisions, oldest first, and the one chosen as told (the latest by default).
 * Loading and failure are states of their own: an empty list shown while loading would tell the
 * recruiter that no decision is recorded when one is.
 */
export function useDecisions(applicationId: string) {
  const [decisions, setDecisions] = useState<DecisionsState>({ state: 'loading' });
  const [decisionId, setDecisionId] = useState('');
  useEffect(() => {
    setDecisions({ state: 'loading' });
    dataOf(
      client.GET('/api/v1/applications/{id}/decisions', {
        params: { path: { id: applicationId }, query: { limit: 100 } },
      }),
    )
      .then((page) => {
        setDecisions({ state: 'loaded', items: page.items });
        setDecisionId((d) => d || (page.items.at(-1)?.id ?? ''));
      })
      .catch((e: unknown) =>
        setDecisions({ state: 'failed', reason: messageOf(e, 'the server did not answer') }),
      );
  }, [applicationId]);
  return { decisions, decisionId, setDecisionId };
}

/** The candidate's outcome note not sent yet (null when there is none), and a way to read it again. */
export function usePendingNote(applicationId: string) {
  const [note, setNote] = useState<PendingNote | null>(null);
  const loadNote = useCallback(() => {
    dataOf(client.GET('/api/v1/messages', { params: { query: { applicationId, limit: 200 } } }))
      .then((page) => {
        const pending = page.items.filter(
          (m) =>
            m.audience === 'candidate' &&
            (m.status === 'scheduled' || m.status === 'draft') &&
            (m.kind === 'outcome' || m.kind === 'job_closed'),
        );
        setNote(pending.at(-1) ?? null);
      })
      .catch(() => setNote(null));
  }, [applicationId]);
  useEffect(() => loadNote(), [loadNote]);
  return { note, loadNote };
}

/**
 * Logging a contact and undoing it for a few minutes: what was said happened (with what becomes
 * of the written note), and any refusal. `log` answers whether it was logged.
 */
export function useTouchpointLog(onChanged: () => void) {
  const [logged, setLogged] = useState<{ id: string; undoUntil: string | null } | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  async function log(body: Body<'/api/v1/touchpoints', 'post'>): Promise<boolean> {
    setError('');
    try {
      const r = await dataOf(client.POST('/api/v1/touchpoints', { body }));
      setMessage(
        (r.closedFollowUps.length > 0 ? 'Logged; the promise it answers is kept.' : 'Logged.') +
          noteWords(r.writtenNote),
      );
      setLogged({ id: r.touchpoint.id, undoUntil: r.undoUntil });
      onChanged();
      return true;
    } catch (e) {
      // The typed summary stays in the form, with the reason it was refused.
      setError(messageOf(e, 'Could not log it.'));
      return false;
    }
  }
  async function undo() {
    if (!logged) return;
    setError('');
    try {
      await client.POST('/api/v1/touchpoints/{id}/undo', { params: { path: { id: logged.id } } });
      setMessage('Undone: the promise is open again, and the written note no longer carries your summary.');
      setLogged(null);
      onChanged();
    } catch (e) {
      setError(messageOf(e, 'Could not undo it.'));
    }
  }
  return { logged, message, error, setError, log, undo };
}
