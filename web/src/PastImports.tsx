import type { Schema } from './api.ts';
import { when } from './format.ts';

/** The organization's recent imports, each with its refused rows to download. */
export function PastImports({
  past,
  loading,
}: {
  /** null until loaded. */
  past: Schema<'ImportRun'>[] | null;
  /** Say "Loading…" while past is null (not when loading failed). */
  loading: boolean;
}) {
  return (
    <section aria-labelledby="import-past">
      <h2 id="import-past">Past imports</h2>
      {past === null ? (
        loading && <p role="status">Loading…</p>
      ) : past.length === 0 ? (
        <p className="empty">No imports yet.</p>
      ) : (
        <ul aria-label="Past imports">
          {past.map((p) => (
            <li key={p.id}>
              {when(p.createdAt)} · {p.fileName} · {p.status} · {p.rowsImported} imported, {p.rowsRejected}{' '}
              refused
              {p.rowsRejected > 0 && (
                <>
                  {' '}
                  · <a href={`/api/v1/imports/${p.id}/rejected.csv`}>refused rows (CSV)</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
