import type { Schema } from './api.ts';
import { when } from './format.ts';
import { day } from './pool.ts';

/** A pool candidate's interview history, and what they were told (the outcome emails they got). */
export function PoolCandidateHistory({ view }: { view: Schema<'PoolCandidate'> }) {
  return (
    <>
      <h3>Interview history</h3>
      <ul>
        {view.applications.map((a) => (
          <li key={a.id}>
            <a href={`#/applications/${a.id}`}>{a.jobTitle}</a> — {a.status}
            {a.interviews.length > 0 && (
              <ul>
                {a.interviews.map((i, n) => (
                  <li key={n}>
                    {i.title}
                    {i.scheduledAt && <span className="meta"> · {when(i.scheduledAt)}</span>}
                    {i.closedAt && <span className="meta"> · closed {day(i.closedAt)}</span>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>

      <h3>What they were told</h3>
      {view.feedbackGiven.length === 0 ? (
        <p className="empty">No outcome email reached them through Hearback.</p>
      ) : (
        view.feedbackGiven.map((f, n) => (
          <details key={n}>
            <summary>
              {f.subject}
              {f.sentAt && <span className="meta"> · {day(f.sentAt)}</span>}
            </summary>
            {/* The stored copy holds the status link masked: say what it was, not a dead address. */}
            <p className="pool-told">
              {f.text.replace(/\S*\/s\/link-hidden(?![A-Za-z0-9_-])/g, '(their status link)')}
            </p>
          </details>
        ))
      )}
    </>
  );
}
