import { useState } from 'react';
import { Alerts } from './Alerts.tsx';
import type { Session } from './api.ts';
import { serverNow } from './format.ts';
import { QueueBulkBar } from './QueueBulkBar.tsx';
import { QueueFilterBar } from './QueueFilterBar.tsx';
import { QueueGroups } from './QueueGroups.tsx';
import { QueueHead, QueueShortcuts } from './QueueHead.tsx';
import { filtersFrom, groupQueue, queryOf, type QueueFilters } from './queue.ts';
import { useFollowUpQueue } from './useFollowUpQueue.ts';
import { useQueueKeys } from './useQueueKeys.ts';

/**
 * Home of a recruiter: what is owed, by urgency — overdue, due today, this week, later, waiting on
 * others — one dense line each. Filters live in the URL (a view can be shared or bookmarked); the
 * keyboard moves and acts (j/k, o, e, c, x, ?); several rows can be sent, or handed on, at once.
 */
export function FollowUpsScreen({ session, query = '' }: { session: Session; query?: string }) {
  const me = session.member;
  const filters = filtersFrom(query, me.role === 'recruiter' || me.role === 'interviewer');
  const queue = useFollowUpQueue(query, me);
  const { items, drafts, members, error, notice, setError, setNotice, load } = queue;
  const [selected, setSelected] = useState<Set<string>>(new Set());

  const groups = items
    ? groupQueue(
        items.filter((f) => !queue.pending.has(f.id)),
        filters,
        serverNow(),
      )
    : [];
  // The rows in the order the keyboard walks them.
  const rows = groups.flatMap((g) => g.items);
  const logCall = (f: (typeof rows)[number]) => void queue.logCall(f);
  const keys = useQueueKeys({ rows, drafts, role: me.role, selected, toggle, logCall, setNotice });

  const setFilters = (change: Partial<QueueFilters>) => {
    setSelected(new Set());
    keys.setCurrent(0);
    window.location.hash = `#/follow-ups?${queryOf({ ...filters, ...change })}`;
  };

  function toggle(id: string, on: boolean) {
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  if (items === null) return error ? <Alerts error={error} /> : <p role="status">Loading follow-ups…</p>;
  const chosen = rows.filter((f) => selected.has(f.id));
  return (
    <div className="queue">
      <QueueHead filters={filters} memberId={me.id} help={keys.help} onHelp={() => keys.setHelp((h) => !h)} />
      <QueueFilterBar
        filters={filters}
        items={items}
        members={members}
        memberId={me.id}
        onChange={setFilters}
      />
      {keys.help && <QueueShortcuts />}
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
      <div ref={keys.list} onKeyDown={keys.onKey}>
        <QueueGroups
          groups={groups}
          rows={rows}
          at={keys.at}
          drafts={drafts}
          selected={selected}
          memberTimeZone={me.timeZone}
          role={me.role}
          onSelect={toggle}
          onFocus={keys.setCurrent}
          onLogCall={logCall}
        />
      </div>
    </div>
  );
}
