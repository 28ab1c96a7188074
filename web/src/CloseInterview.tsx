import { useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, messageOf, type Schema } from './api.ts';
import { when } from './format.ts';

const WARNING_WORDS: Record<string, string> = {
  vague: 'Vague',
  silent_rejection: 'Silence as a rejection',
  past_date: 'A date in the past',
  far_future: 'Very far away',
};

/** Close an interview: type what was said, see the promise it makes, as you type. */
export function CloseInterview({
  interview,
  onClosed,
}: {
  interview: Pick<Schema<'Interview'>, 'id' | 'title'>;
  /** Called with what happened to the written promise, in words. */
  onClosed: (summary: string) => void;
}) {
  const [statement, setStatement] = useState('');
  const [preview, setPreview] = useState<Schema<'InterviewClosePreview'> | null>(null);
  const [previewError, setPreviewError] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => {
      dataOf(
        client.POST('/api/v1/interviews/{id}/promise-preview', {
          params: { path: { id: interview.id } },
          body: { statement },
        }),
      ).then(
        (p) => {
          setPreview(p);
          setPreviewError('');
        },
        (e: unknown) => setPreviewError(messageOf(e, 'The preview is unavailable.')),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [statement, interview.id]);

  async function close() {
    setError('');
    setBusy(true);
    try {
      const closed = await dataOf(
        client.POST('/api/v1/interviews/{id}/close', {
          params: { path: { id: interview.id } },
          body: { statement },
        }),
      );
      onClosed(closed.writtenPromise.summary);
    } catch (e) {
      setError(messageOf(e, 'Could not close the interview.')); // the statement stays as typed
    } finally {
      setBusy(false);
    }
  }

  const id = `statement-${interview.id}`;
  return (
    <form
      className="card"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void close();
      }}
    >
      <h3 id={`${id}-h`} style={{ margin: 0 }}>
        Close “{interview.title}”
      </h3>
      <label htmlFor={id}>What did you tell the candidate about next steps?</label>
      <textarea
        id={id}
        value={statement}
        onChange={(e) => setStatement(e.target.value)}
        placeholder="We'll get back to you within three business days."
      />
      <div aria-live="polite" className="promise-preview">
        {preview && <PromisePreview preview={preview} />}
        {previewError && <p className="meta">{previewError}</p>}
      </div>
      <Alerts error={error} />
      <button type="submit" disabled={busy}>
        Close the interview
      </button>
    </form>
  );
}

/** The promise a statement makes, as typed: when it is due for the team and the candidate, who owns it. */
function PromisePreview({ preview }: { preview: Schema<'InterviewClosePreview'> }) {
  return (
    <>
      <p className="meta">
        Due <strong>{when(preview.team.dueAt, preview.team.timeZone)}</strong> for the team (
        {preview.team.timeZone}){preview.resolution === 'policy_default' && ' — the policy default'}
      </p>
      <p className="meta">
        {preview.candidate ? (
          <>
            For the candidate: <strong>{when(preview.candidate.dueAt, preview.candidate.timeZone)}</strong> (
            {preview.candidate.timeZone})
          </>
        ) : (
          'The candidate’s time zone is not on record.'
        )}
      </p>
      <p className="meta">
        {preview.owner ? (
          <>
            Owner: <strong>{preview.owner.name}</strong> holds this follow-up.
          </>
        ) : (
          'Nobody owns it yet: the job has neither a recruiter nor a hiring manager.'
        )}
      </p>
      <p className="meta written-promise">{preview.writtenPromise.summary}</p>
      {preview.warnings.map((w, n) => (
        <p key={w} className="warning">
          <strong>{WARNING_WORDS[w] ?? w}:</strong> {preview.advice[n]}
        </p>
      ))}
    </>
  );
}
