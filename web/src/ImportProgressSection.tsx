import type { RefObject } from 'react';
import type { Schema } from './api.ts';

type ImportRun = Schema<'ImportRun'>;

/** "3 jobs, 40 candidates, 40 applications, 12 interviews" (what an import added). */
function createdSummary(created: Record<string, number>): string {
  const parts = Object.entries(created).map(([what, n]) => `${n} ${n === 1 ? what.replace(/s$/, '') : what}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing new';
}

/** Step 3 of an import: its progress while it runs, then what it did. */
export function ImportProgressSection({
  run,
  resultHeading,
}: {
  run: ImportRun;
  /** Focused when the import ends, so a screen reader hears the result. */
  resultHeading: RefObject<HTMLHeadingElement | null>;
}) {
  return (
    <section aria-labelledby="import-result" className="card">
      <h2 id="import-result" tabIndex={-1} ref={resultHeading} style={{ marginTop: 0 }}>
        3. {run.status === 'running' ? 'Importing' : run.status === 'done' ? 'Imported' : 'Stopped'}{' '}
        {run.fileName}
      </h2>
      <label htmlFor="import-progress">
        {run.status === 'running'
          ? // A quoted cell may span lines: the total counted before reading is an estimate.
            `${run.rowsDone} of about ${run.rowsTotal} rows read`
          : `${run.rowsDone} rows read`}
      </label>
      <progress
        id="import-progress"
        max={run.status === 'running' ? Math.max(run.rowsTotal, run.rowsDone, 1) : Math.max(run.rowsDone, 1)}
        value={run.rowsDone}
      />
      <RunSummary run={run} />
    </section>
  );
}

/** What an import did: counts, the refused lines and why, and the refused rows to download. */
function RunSummary({ run }: { run: ImportRun }) {
  if (run.status === 'failed') {
    return (
      <p className="error" role="alert">
        It stopped after {run.rowsDone} rows: {run.error}. Uploading the file again carries on without
        duplicating what was imported.
      </p>
    );
  }
  return (
    <>
      <p>
        {run.rowsImported} rows imported ({createdSummary(run.created)}), {run.rowsRejected} refused.
      </p>
      {run.errors.length > 0 && (
        <>
          <ul aria-label="Refused rows">
            {run.errors.slice(0, 20).map((e) => (
              <li key={e.line}>
                Line {e.line}: {e.errors.join('; ')}
              </li>
            ))}
          </ul>
          {run.errors.length > 20 && <p className="meta">…and {run.errors.length - 20} more in the file.</p>}
          {run.status === 'done' && (
            <a href={`/api/v1/imports/${run.id}/rejected.csv`} download="rejected-rows.csv">
              Download the refused rows (CSV) to fix and import again
            </a>
          )}
        </>
      )}
    </>
  );
}
