import { exportHrefOf, queryOf, SAVED_VIEWS, SHORTCUTS, type QueueFilters } from './queue.ts';

/** The queue's heading: the saved views (as links from the current filters), the CSV, the shortcuts. */
export function QueueHead({
  filters,
  memberId,
  help,
  onHelp,
}: {
  filters: QueueFilters;
  memberId: string;
  help: boolean;
  onHelp: () => void;
}) {
  return (
    <div className="queue-head">
      <h1>Follow-ups</h1>
      <nav aria-label="Saved views" className="views">
        {SAVED_VIEWS.map((v) => (
          <a key={v.label} href={`#/follow-ups?${queryOf({ ...filters, ...v.filters })}`}>
            {v.label}
          </a>
        ))}
        <a href={exportHrefOf(filters, memberId)} download>
          Export CSV
        </a>
        <button className="secondary small" onClick={onHelp} aria-expanded={help}>
          Shortcuts (?)
        </button>
      </nav>
    </div>
  );
}

/** The keyboard shortcuts of the queue, as a list. */
export function QueueShortcuts() {
  return (
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
  );
}
