import { Alerts } from './Alerts.tsx';
import { when } from './format.ts';
import { useDraftReview, type Draft, type DraftGroup } from './useDraftReview.ts';

const KIND_WORDS: Record<string, string> = {
  job_closed: 'job closed',
  outcome: 'outcome',
  update: 'update',
  written_promise: 'written promise',
};

/**
 * Drafts to review, edit and send in bulk. Each goes as a single send would (undo window, business
 * hours, checks); a refused one stays here with its text and says why. What was scheduled can be
 * undone from here, back to a draft.
 */
export function DraftReview({ groups: given, onChanged }: { groups: DraftGroup[]; onChanged: () => void }) {
  const review = useDraftReview(given, onChanged);
  const { groups, all, selected, busy } = review;
  return (
    <div className="draft-review">
      <Alerts error={review.error} notice={review.notice} />
      {review.scheduled.length > 0 && (
        <ScheduledDrafts scheduled={review.scheduled} onUndo={(m) => void review.undo(m)} />
      )}
      {all.length === 0 && <p className="empty">Nothing to send.</p>}
      {groups
        .filter((g) => g.drafts.length > 0)
        .map((g) => (
          <section key={g.key} aria-label={g.title}>
            <h3>{g.title}</h3>
            {g.drafts.map((d) => (
              <DraftItem
                key={d.id}
                d={d}
                selected={!review.unselected.has(d.id)}
                edited={review.texts[d.id]}
                refused={review.refused[d.id]}
                onSelect={(on) => review.toggle(d.id, on)}
                onEdit={(text) => review.edit(d.id, text)}
                onSave={() => void review.saveOne(d)}
              />
            ))}
          </section>
        ))}
      {all.length > 0 && (
        <button disabled={busy || selected.length === 0} onClick={() => void review.sendSelected()}>
          Send selected ({selected.length})
        </button>
      )}
    </div>
  );
}

/** What was scheduled from here, each with its time and an undo. */
function ScheduledDrafts({ scheduled, onUndo }: { scheduled: Draft[]; onUndo: (m: Draft) => void }) {
  return (
    <section aria-label="Scheduled">
      <h3>Scheduled</h3>
      <ul>
        {scheduled.map((m) => (
          <li key={m.id}>
            {m.toName}: goes {m.scheduledFor ? when(m.scheduledFor) : 'soon'}{' '}
            <button className="secondary" onClick={() => onUndo(m)}>
              Undo {m.toName}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * One draft: selected or not, to whom and what, why it was refused, and its text to read and edit
 * with the checks' findings beside it.
 */
function DraftItem({
  d,
  selected,
  edited,
  refused,
  onSelect,
  onEdit,
  onSave,
}: {
  d: Draft;
  selected: boolean;
  /** The text as edited here, unsaved; undefined when untouched. */
  edited: string | undefined;
  refused: string | undefined;
  onSelect: (on: boolean) => void;
  onEdit: (text: string) => void;
  onSave: () => void;
}) {
  const problems = d.check?.findings.filter((f) => f.severity !== 'info') ?? [];
  return (
    <div className="draft">
      <label className="choice">
        <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} /> {d.toName} —{' '}
        {d.subject} <span className="meta">({KIND_WORDS[d.kind] ?? d.kind})</span>
      </label>
      {refused && (
        <p className="error" role="alert">
          Not sent to {d.toName}: {refused}
        </p>
      )}
      <details>
        <summary>Read and edit the message to {d.toName}</summary>
        <textarea
          aria-label={`Message to ${d.toName}`}
          rows={12}
          value={edited ?? d.bodyText}
          onChange={(e) => onEdit(e.target.value)}
        />
        {problems.length > 0 && (
          <ul aria-label={`Checks on the message to ${d.toName}`}>
            {problems.map((f) => (
              <li key={f.code}>
                {f.severity === 'error' ? 'Must fix: ' : 'Consider: '}
                {f.message}
              </li>
            ))}
          </ul>
        )}
        <button className="secondary" disabled={edited === undefined} onClick={onSave}>
          Save changes
        </button>
      </details>
    </div>
  );
}
