// The follow-up queue's pure parts: its filters as a shareable URL, its groups, and what a key
// press does. Kept apart from the screen so they are tested without a browser.
import type { FollowUp } from './api.ts';
import type { paths } from './api-schema.ts';

/** What the queue shows; every field is in the URL so a view can be shared or saved as a link. */
export interface QueueFilters {
  /** `me`, `anyone`, or a member's id. */
  owner: string;
  kind: string;
  jobId: string;
  overdueOnly: boolean;
  /** `due` (soonest first) or `escalated` (most escalated first, then soonest). */
  sort: 'due' | 'escalated';
}

/** The saved views a team reaches for most; each is just a set of filters. */
export const SAVED_VIEWS: { label: string; filters: Partial<QueueFilters> }[] = [
  { label: 'My overdue', filters: { owner: 'me', overdueOnly: true } },
  { label: 'Escalated', filters: { owner: 'anyone', sort: 'escalated' } },
  { label: 'All open', filters: { owner: 'anyone', overdueOnly: false, kind: '', jobId: '' } },
];

/** The filters in a query string (`owner=me&kind=outcome&overdue=1`), with the role's defaults for what is missing. */
export function filtersFrom(query: string, mineByDefault: boolean): QueueFilters {
  const q = new URLSearchParams(query);
  const sort = q.get('sort');
  return {
    owner: q.get('owner') || (mineByDefault ? 'me' : 'anyone'),
    kind: q.get('kind') ?? '',
    jobId: q.get('job') ?? '',
    overdueOnly: q.get('overdue') === '1',
    sort: sort === 'escalated' ? 'escalated' : 'due',
  };
}

/** The query string for a set of filters: only what differs from an empty view, in a fixed order. */
export function queryOf(f: QueueFilters): string {
  const q = new URLSearchParams();
  q.set('owner', f.owner);
  if (f.kind) q.set('kind', f.kind);
  if (f.jobId) q.set('job', f.jobId);
  if (f.overdueOnly) q.set('overdue', '1');
  if (f.sort !== 'due') q.set('sort', f.sort);
  return q.toString();
}

/** The query of GET /follow-ups for a view. */
export type FollowUpQuery = NonNullable<paths['/api/v1/follow-ups']['get']['parameters']['query']>;

/** The list query for a set of filters (the job is filtered here: the list has no job parameter). */
export function followUpQueryOf(f: QueueFilters, memberId: string): FollowUpQuery {
  return {
    status: 'open',
    limit: 200,
    ...(f.owner !== 'anyone' && { ownerId: f.owner === 'me' ? memberId : f.owner }),
    // From the URL, so any text: the API refuses a kind it does not know.
    ...(f.kind && { kind: f.kind as FollowUp['kind'] }),
    ...(f.overdueOnly && { overdue: 'true' as const }),
  };
}

/** The API request for a set of filters, as a path under /api/v1. */
export function requestOf(f: QueueFilters, memberId: string): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(followUpQueryOf(f, memberId))) q.set(key, String(value));
  return `/follow-ups?${q.toString()}`;
}

/** The CSV of the same view (every page of it; the job is not a filter of the export). */
export function exportHrefOf(f: QueueFilters, memberId: string): string {
  const q = new URLSearchParams(requestOf(f, memberId).split('?')[1]);
  q.delete('limit');
  return `/api/v1/exports/follow-ups.csv?${q.toString()}`;
}

export type GroupTone = 'overdue' | 'today' | '';

/** One band of the queue. */
export interface QueueGroup {
  title: string;
  tone: GroupTone;
  items: FollowUp[];
}

const WEEK_MS = 7 * 24 * 3_600_000;

/**
 * The queue by urgency: what the team owes overdue, due today, due within the week, later; then
 * what others owe. "Today" and "overdue" are the server's words (its clock and the organization's
 * zone); the week is counted from `now`, the server's time as the page knows it.
 */
export function groupQueue(items: FollowUp[], filters: QueueFilters, now: number): QueueGroup[] {
  const shown = filters.jobId ? items.filter((f) => f.job.id === filters.jobId) : items;
  const sorted = [...shown].sort((a, b) =>
    filters.sort === 'escalated' && a.escalationLevel !== b.escalationLevel
      ? b.escalationLevel - a.escalationLevel
      : a.dueAt.localeCompare(b.dueAt),
  );
  const ours = sorted.filter((f) => f.owedBy === 'team');
  const upcoming = ours.filter((f) => f.state === 'upcoming');
  const withinWeek = (f: FollowUp) => new Date(f.dueAt).getTime() - now <= WEEK_MS;
  return [
    { title: 'Overdue', tone: 'overdue', items: ours.filter((f) => f.state === 'overdue') },
    { title: 'Due today', tone: 'today', items: ours.filter((f) => f.state === 'due_today') },
    { title: 'This week', tone: '', items: upcoming.filter(withinWeek) },
    { title: 'Later', tone: '', items: upcoming.filter((f) => !withinWeek(f)) },
    { title: 'Waiting on others', tone: '', items: sorted.filter((f) => f.owedBy !== 'team') },
  ];
}

/** What a key does on the queue. */
export type QueueKey = 'next' | 'previous' | 'open' | 'email' | 'call' | 'select' | 'help' | 'close';

const KEYS: Record<string, QueueKey> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  o: 'open',
  Enter: 'open',
  e: 'email',
  c: 'call',
  x: 'select',
  '?': 'help',
  Escape: 'close',
};

/** The shortcuts as the help panel lists them. */
export const SHORTCUTS: [string, string][] = [
  ['j / ↓', 'next follow-up'],
  ['k / ↑', 'previous follow-up'],
  ['o / Enter', 'open the candidate’s application'],
  ['e', 'write: open the draft, decide, or send the update'],
  ['c', 'log a call'],
  ['x', 'select for a bulk action'],
  ['?', 'show or hide these shortcuts'],
];

/**
 * The queue action for a key press, or null: none while a person types in a field, none with a
 * modifier (the browser's and the screen reader's own shortcuts stay theirs).
 */
export function queueKeyOf(e: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  targetTag: string;
  targetEditable: boolean;
}): QueueKey | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.targetEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.targetTag)) return null;
  // Enter on a link or a button is that control's own.
  if (e.key === 'Enter' && ['A', 'BUTTON'].includes(e.targetTag)) return null;
  return KEYS[e.key] ?? null;
}
