import { useCallback, useEffect, useState } from 'react';
import { client, dataOf, everyItem, messageOf, type FollowUp, type Schema } from './api.ts';
import { filtersFrom, followUpQueryOf } from './queue.ts';

/** A member who can take a follow-up on. */
export type QueueMember = Schema<'Member'>;

/** What the queue holds and how it changes: loading, the drafts to open, and logging a call. */
export interface FollowUpQueue {
  items: FollowUp[] | null;
  /** The application's candidate-facing draft, by application: "Open draft" and the bulk send use it. */
  drafts: Map<string, string>;
  /** Who can take a follow-up on: active members who may decide and send (not interviewers). */
  members: QueueMember[];
  /** Rows taken off at once while their call is being logged; put back if the request fails. */
  pending: Set<string>;
  error: string;
  notice: string;
  setError: (words: string) => void;
  setNotice: (words: string) => void;
  load: () => Promise<void>;
  logCall: (f: FollowUp) => Promise<void>;
}

/** The candidate-facing draft of each application that has one. */
function draftsByApplication(drafts: Schema<'Message'>[]): Map<string, string> {
  return new Map(
    drafts.flatMap((m) =>
      m.audience === 'candidate' && m.applicationId ? [[m.applicationId, m.id] as const] : [],
    ),
  );
}

/**
 * The follow-up queue of one view (`query`, the URL's filters) for the signed-in member: its
 * follow-ups, the drafts behind them and the members they can be handed to, reloaded on demand.
 */
export function useFollowUpQueue(query: string, member: { id: string; role: string }): FollowUpQueue {
  const { id: memberId, role } = member;
  const [items, setItems] = useState<FollowUp[] | null>(null);
  const [drafts, setDrafts] = useState<Map<string, string>>(new Map());
  const [members, setMembers] = useState<QueueMember[]>([]);
  const [pending, setPending] = useState<Set<string>>(new Set());
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    const filters = filtersFrom(query, role === 'recruiter' || role === 'interviewer');
    try {
      const [page, draftPage, people] = await Promise.all([
        dataOf(client.GET('/api/v1/follow-ups', { params: { query: followUpQueryOf(filters, memberId) } })),
        // Interviewers may not read messages; for them no row has a draft to open.
        role === 'interviewer'
          ? Promise.resolve({ items: [] })
          : dataOf(client.GET('/api/v1/messages', { params: { query: { status: 'draft', limit: 200 } } })),
        role === 'interviewer'
          ? Promise.resolve([])
          : everyItem((q) => client.GET('/api/v1/members', { params: { query: q } })),
      ]);
      setItems(page.items);
      setDrafts(draftsByApplication(draftPage.items));
      setMembers(people.filter((m) => m.active && m.role !== 'interviewer'));
    } catch (e) {
      setError(messageOf(e, 'Could not load the follow-ups.'));
    }
  }, [query, memberId, role]);
  useEffect(() => {
    void load();
  }, [load]);

  async function logCall(f: FollowUp) {
    setError('');
    setNotice('');
    setPending((p) => new Set(p).add(f.id));
    try {
      const r = await dataOf(
        client.POST('/api/v1/touchpoints', {
          body: {
            applicationId: f.applicationId,
            channel: 'phone',
            kind: f.kind === 'check_in' ? 'check_in' : 'debrief',
            fromParty: 'team',
            toParty: 'candidate',
            connected: true,
            followUpId: f.id,
          },
        }),
      );
      setNotice(
        r.closedFollowUps.length > 0 ? `Logged the call with ${f.candidate.name}: done.` : 'Logged the call.',
      );
      await load();
    } catch (e) {
      setError(`${f.candidate.name} is back in the list: ${messageOf(e, 'the call could not be logged.')}`);
    } finally {
      setPending((p) => {
        const left = new Set(p);
        left.delete(f.id);
        return left;
      });
    }
  }

  return { items, drafts, members, pending, error, notice, setError, setNotice, load, logCall };
}
