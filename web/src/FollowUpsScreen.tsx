import { useCallback, useEffect, useRef, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { api, listAll, messageOf, type FollowUp, type Page, type Session } from './api.ts';
import { serverNow } from './format.ts';
import { QueueBulkBar, type QueueMember } from './QueueBulkBar.tsx';
import { KIND_WORDS, nextActionOf, QueueRow } from './QueueRow.tsx';
import {
  exportHrefOf,
  filtersFrom,
  groupQueue,
  queryOf,
  queueKeyOf,
  requestOf,
  SAVED_VIEWS,
  SHORTCUTS,
  type QueueFilters,
} from './queue.ts';

/**
 * Home of a recruiter: what is owed, by urgency — overdue, due today, this week, later, waiting on
 * others — one dense line each. Filters live in the URL (a view can be shared or bookmarked); the
 * keyboard moves and acts (j/k, o, e, c, x, ?); several rows can be sent, or handed on, at once.
 */
export function FollowUpsScreen({ session, query = '' }: { session: Session; query?: string }) {
  const role = session.member.role;
  const filters = filtersFrom(query, role === 'recruiter' || role === 'interviewer');
  const request = requestOf(filters, session.member.id);
  const [items, setItems] = useState<FollowUp[] | null>(null);
  // The application's candidate-facing draft, by application: "Open draft" and the bulk send use it.
  const [drafts, setDrafts] = useState<Map<string, string>>(new Map());
  const [members, setMembers] = useState<QueueMember[]>([]);
  // Rows taken off at once while their call is being logged; put back if the request fails.
  const [pending, setPending] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [current, setCurrent] = useState(0);
  const [help, setHelp] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const list = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    try {
      const [page, draftPage, people] = await Promise.all([
        api<Page<FollowUp>>('GET', request),
        // Interviewers may not read messages; for them no row has a draft to open.
        role === 'interviewer'
          ? Promise.resolve({ items: [] })
          : api<Page<{ id: string; applicationId: string | null; audience: string }>>(
              'GET',
              '/messages?status=draft&limit=200',
            ),
        role === 'interviewer' ? Promise.resolve([]) : listAll<QueueMember>('/members'),
      ]);
      setItems(page.items);
      setDrafts(
        new Map(
          draftPage.items.flatMap((m) =>
            m.audience === 'candidate' && m.applicationId ? [[m.applicationId, m.id] as const] : [],
          ),
        ),
      );
      // Who can take a follow-up on: active members who may decide and send (not interviewers).
      setMembers(people.filter((m) => m.active && m.role !== 'interviewer'));
    } catch (e) {
      setError(messageOf(e, 'Could not load the follow-ups.'));
    }
  }, [request, role]);
  useEffect(() => {
    void load();
  }, [load]);

  const setFilters = (change: Partial<QueueFilters>) => {
    setSelected(new Set());
    setCurrent(0);
    window.location.hash = `#/follow-ups?${queryOf({ ...filters, ...change })}`;
  };

  async function logCall(f: FollowUp) {
    setError('');
    setNotice('');
    setPending((p) => new Set(p).add(f.id));
    try {
      const r = await api<{ closedFollowUps: unknown[] }>('POST', '/touchpoints', {
        applicationId: f.applicationId,
        channel: 'phone',
        kind: f.kind === 'check_in' ? 'check_in' : 'debrief',
        fromParty: 'team',
        toParty: 'candidate',
        connected: true,
        followUpId: f.id,
      });
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

  const groups = items
    ? groupQueue(
        items.filter((f) => !pending.has(f.id)),
        filters,
        serverNow(),
      )
    : [];
  // The rows in the order the keyboard walks them.
  const rows = groups.flatMap((g) => g.items);
  const at = Math.min(current, Math.max(0, rows.length - 1));

  function onKey(e: React.KeyboardEvent) {
    const target = e.target as HTMLElement;
    const key = queueKeyOf({
      key: e.key,
      ctrlKey: e.ctrlKey,
      metaKey: e.metaKey,
      altKey: e.altKey,
      targetTag: target.tagName,
      targetEditable: target.isContentEditable,
    });
    if (!key) return;
    const f = rows[at];
    const move = (to: number) => {
      const i = Math.max(0, Math.min(rows.length - 1, to));
      setCurrent(i);
      list.current?.querySelector<HTMLElement>(`[data-follow-up="${rows[i]?.id}"]`)?.focus();
    };
    e.preventDefault();
    if (key === 'help') return setHelp((h) => !h);
    if (key === 'close') return setHelp(false);
    if (key === 'next') return move(at + 1);
    if (key === 'previous') return move(at - 1);
    if (!f) return;
    const href = `#/applications/${f.applicationId}`;
    const action = nextActionOf(f, drafts.has(f.applicationId), role);
    if (key === 'open') window.location.hash = href;
    else if (key === 'select') toggle(f.id, !selected.has(f.id));
    else if (key === 'email') {
      if (action && !('call' in action) && action.writes)
        window.location.hash = `${href}?next=${action.next}`;
      else setNotice(`Nothing to write for ${f.candidate.name} from here.`);
    } else if (key === 'call') {
      if (action && 'call' in action) void logCall(f);
      else if (role !== 'interviewer' && f.owedBy === 'team') window.location.hash = `${href}?next=call`;
    }
  }

  function toggle(id: string, on: boolean) {
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  if (items === null) return error ? <Alerts error={error} /> : <p role="status">Loading follow-ups…</p>;
  const jobs = [...new Map(items.map((f) => [f.job.id, f.job.title])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1]),
  );
  const chosen = rows.filter((f) => selected.has(f.id));
  return (
    <div className="queue">
      <div className="queue-head">
        <h1>Follow-ups</h1>
        <nav aria-label="Saved views" className="views">
          {SAVED_VIEWS.map((v) => (
            <a key={v.label} href={`#/follow-ups?${queryOf({ ...filters, ...v.filters })}`}>
              {v.label}
            </a>
          ))}
          <a href={exportHrefOf(filters, session.member.id)} download>
            Export CSV
          </a>
          <button className="secondary small" onClick={() => setHelp((h) => !h)} aria-expanded={help}>
            Shortcuts (?)
          </button>
        </nav>
      </div>
      <div className="row filters" role="group" aria-label="Filters">
        <label>
          Owner{' '}
          <select value={filters.owner} onChange={(e) => setFilters({ owner: e.target.value })}>
            <option value="me">Mine</option>
            <option value="anyone">Anyone</option>
            {members
              .filter((m) => m.id !== session.member.id)
              .map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          Kind{' '}
          <select value={filters.kind} onChange={(e) => setFilters({ kind: e.target.value })}>
            <option value="">Any</option>
            {Object.entries(KIND_WORDS).map(([k, words]) => (
              <option key={k} value={k}>
                {words}
              </option>
            ))}
          </select>
        </label>
        <label>
          Job{' '}
          <select value={filters.jobId} onChange={(e) => setFilters({ jobId: e.target.value })}>
            <option value="">Any</option>
            {jobs.map(([id, title]) => (
              <option key={id} value={id}>
                {title}
              </option>
            ))}
          </select>
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={filters.overdueOnly}
            onChange={(e) => setFilters({ overdueOnly: e.target.checked })}
          />
          Overdue only
        </label>
        <label>
          Sort{' '}
          <select
            value={filters.sort}
            onChange={(e) => setFilters({ sort: e.target.value === 'escalated' ? 'escalated' : 'due' })}
          >
            <option value="due">Soonest due</option>
            <option value="escalated">Most escalated</option>
          </select>
        </label>
      </div>
      {help && (
        <section aria-label="Keyboard shortcuts" className="card">
          <dl className="shortcuts">
            {SHORTCUTS.map(([keys, what]) => (
              <div key={keys}>
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <Alerts error={error} notice={notice} />
      {chosen.length > 0 && (
        <QueueBulkBar
          chosen={chosen}
          drafts={drafts}
          members={members}
          onDone={(words) => {
            setSelected(new Set());
            setNotice(words);
            void load();
          }}
          onError={setError}
          onClear={() => setSelected(new Set())}
        />
      )}
      <div ref={list} onKeyDown={onKey}>
        {groups.map(({ title, tone, items: group }) =>
          // Empty bands are left out (a dense queue); an empty queue says so once.
          group.length === 0 ? null : (
            <section key={title} aria-labelledby={`g-${title}`}>
              <h2 id={`g-${title}`}>
                {title} ({group.length})
              </h2>
              {group.map((f) => {
                const index = rows.indexOf(f);
                return (
                  <QueueRow
                    key={f.id}
                    f={f}
                    tone={tone}
                    action={nextActionOf(f, drafts.has(f.applicationId), role)}
                    current={index === at}
                    selected={selected.has(f.id)}
                    memberTimeZone={session.member.timeZone}
                    role={role}
                    onSelect={(on) => toggle(f.id, on)}
                    onFocus={() => setCurrent(index)}
                    onLogCall={() => void logCall(f)}
                  />
                );
              })}
            </section>
          ),
        )}
        {rows.length === 0 && <p className="empty">Nothing here: nothing owed matches this view.</p>}
      </div>
    </div>
  );
}
