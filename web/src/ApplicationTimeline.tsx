import type { Schema } from './api.ts';
import { feedbackWords, OWED_WORDS, writtenPromiseWords } from './application-words.ts';
import { DueTime } from './DueTime.tsx';
import { EVENT_WORDS } from './event-words.ts';
import { when } from './format.ts';
import { FollowUpTruth } from './FollowUpTruth.tsx';
import type { ApplicationView } from './use-application.ts';

/** What is still owed on the application, each with the queue's view of it once loaded. */
export function StillOwed({
  followUps,
  views,
  memberTimeZone,
}: {
  followUps: ApplicationView['openFollowUps'];
  /** The queue's view of the open follow-ups (owner, due in words, next step); null until loaded. */
  views: Schema<'FollowUpView'>[] | null;
  memberTimeZone: string | null;
}) {
  return (
    <>
      <h2>Still owed</h2>
      {followUps.length === 0 ? (
        <p className="empty">Nothing is owed.</p>
      ) : (
        <ul>
          {followUps.map((f) => {
            // The queue's view of it (owner, due in words, next step), once loaded.
            const view = views?.find((v) => v.id === f.id);
            return (
              <li key={f.id}>
                {f.kind === 'feedback_due' && f.owedTo === 'team'
                  ? 'A scorecard'
                  : (OWED_WORDS[f.kind] ?? f.kind)}
                {view ? (
                  <FollowUpTruth f={view} memberTimeZone={memberTimeZone} />
                ) : (
                  <>
                    {' '}
                    <DueTime at={f.dueAt} timeZone={memberTimeZone} />
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/** Everything that happened on the application, oldest first, with a scorecard's and a written promise's detail. */
export function ApplicationTimeline({ events }: { events: ApplicationView['events'] }) {
  return (
    <>
      <h2>Timeline</h2>
      <ol className="timeline">
        {events.map((e, n) => (
          <li key={n}>
            <strong>{EVENT_WORDS[e.type] ?? e.type}</strong> <span className="meta">{when(e.at)}</span>
            {e.type === 'feedback_submitted' && !!e.feedback && (
              <span className="meta"> — {feedbackWords(e.feedback)}</span>
            )}
            {e.type === 'written_promise' && (
              <span className="meta"> — {writtenPromiseWords(e.writtenPromise)}</span>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
