import type { FollowUp } from './api.ts';
import type { QueueFilters } from './queue.ts';
import { KIND_WORDS } from './QueueRow.tsx';
import type { QueueMember } from './useFollowUpQueue.ts';

/**
 * The queue's filters: owner (mine, anyone, or a member), kind, job (among the jobs in the list),
 * overdue only, and the sort. Each change is a new URL.
 */
export function QueueFilterBar({
  filters,
  items,
  members,
  memberId,
  onChange,
}: {
  filters: QueueFilters;
  items: FollowUp[];
  members: QueueMember[];
  memberId: string;
  onChange: (change: Partial<QueueFilters>) => void;
}) {
  const jobs = [...new Map(items.map((f) => [f.job.id, f.job.title])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1]),
  );
  return (
    <div className="row filters" role="group" aria-label="Filters">
      <label>
        Owner{' '}
        <select value={filters.owner} onChange={(e) => onChange({ owner: e.target.value })}>
          <option value="me">Mine</option>
          <option value="anyone">Anyone</option>
          {members
            .filter((m) => m.id !== memberId)
            .map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
        </select>
      </label>
      <label>
        Kind{' '}
        <select value={filters.kind} onChange={(e) => onChange({ kind: e.target.value })}>
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
        <select value={filters.jobId} onChange={(e) => onChange({ jobId: e.target.value })}>
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
          onChange={(e) => onChange({ overdueOnly: e.target.checked })}
        />
        Overdue only
      </label>
      <label>
        Sort{' '}
        <select
          value={filters.sort}
          onChange={(e) => onChange({ sort: e.target.value === 'escalated' ? 'escalated' : 'due' })}
        >
          <option value="due">Soonest due</option>
          <option value="escalated">Most escalated</option>
        </select>
      </label>
    </div>
  );
}
