import type { FollowUp } from './api.ts';
import type { QueueGroup } from './queue.ts';
import { nextActionOf, QueueRow } from './QueueRow.tsx';

/**
 * The queue's bands (overdue, due today, …), each with its dense rows; empty bands are left out
 * and an empty queue says so once.
 */
export function QueueGroups({
  groups,
  rows,
  at,
  drafts,
  selected,
  memberTimeZone,
  role,
  onSelect,
  onFocus,
  onLogCall,
}: {
  groups: QueueGroup[];
  /** Every row, in the order the keyboard walks them. */
  rows: FollowUp[];
  /** The index of the current row in `rows`. */
  at: number;
  drafts: Map<string, string>;
  selected: Set<string>;
  memberTimeZone: string | null;
  role: string;
  onSelect: (id: string, on: boolean) => void;
  onFocus: (index: number) => void;
  onLogCall: (f: FollowUp) => void;
}) {
  return (
    <>
      {groups.map(({ title, tone, items: group }) =>
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
                  memberTimeZone={memberTimeZone}
                  role={role}
                  onSelect={(on) => onSelect(f.id, on)}
                  onFocus={() => onFocus(index)}
                  onLogCall={() => onLogCall(f)}
                />
              );
            })}
          </section>
        ),
      )}
      {rows.length === 0 && <p className="empty">Nothing here: nothing owed matches this view.</p>}
    </>
  );
}
