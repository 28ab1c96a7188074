import { useCallback, useEffect, useRef, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { api, messageOf, type Page } from './api.ts';
import { when } from './format.ts';

/** A row as it would be imported (the parts the screen shows). */
interface PreviewRow {
  job?: { title?: string };
  candidate?: { name?: string; email?: string | null };
  application?: { stage?: string | null };
}

/** What the API answers for a preview (POST /imports/preview). */
interface ImportPreview {
  headers: string[];
  mapping: Record<string, string>;
  mappingProblems: string[];
  rows: { line: number; row: PreviewRow | null; errors: string[] }[];
  fields: string[];
}

/** One import and its progress (GET /imports/{id}). */
interface ImportRun {
  id: string;
  fileName: string;
  status: 'running' | 'done' | 'failed';
  rowsTotal: number;
  rowsDone: number;
  rowsImported: number;
  rowsRejected: number;
  created: Record<string, number>;
  errors: { line: number; errors: string[] }[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** The file the person chose, read as text. */
interface ChosenFile {
  name: string;
  csv: string;
}

// The API refuses larger files; saying so before uploading saves the wait.
const MAX_BYTES = 50 * 1024 * 1024;
const POLL_MS = 400;

/** A field's name as the screen shows it: `candidate_email` → "Candidate email". */
function fieldLabel(field: string): string {
  const words = field.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A sample row in one line: who, for which job, at which stage. */
function rowSummary(row: PreviewRow): string {
  const candidate = [row.candidate?.name, row.candidate?.email].filter(Boolean).join(', ');
  const job = row.job?.title ?? '';
  const stage = row.application?.stage ? ` · ${row.application.stage}` : '';
  return `${candidate} → ${job}${stage}`;
}

/** "3 jobs, 40 candidates, 40 applications, 12 interviews" (what an import added). */
function createdSummary(created: Record<string, number>): string {
  const parts = Object.entries(created).map(([what, n]) => `${n} ${n === 1 ? what.replace(/s$/, '') : what}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing new';
}

/**
 * Import from an ATS export: choose a CSV file, check (and change) which column means what on a
 * preview of the first rows, start it, watch it go, and download the refused rows to fix and
 * upload again. Rows are imported one by one: a bad row is refused with its line number and
 * never stops the others; uploading the same file again adds nothing twice.
 */
export function ImportScreen() {
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [run, setRun] = useState<ImportRun | null>(null);
  const [past, setPast] = useState<ImportRun[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const loadPast = useCallback(async () => {
    try {
      setPast((await api<Page<ImportRun>>('GET', '/imports?limit=10')).items);
    } catch (e) {
      setError(messageOf(e, 'Could not load the past imports.'));
    }
  }, []);
  useEffect(() => {
    void loadPast();
  }, [loadPast]);

  // While an import runs, read its progress; stop when it is done (or the screen is left).
  useEffect(() => {
    if (!run || run.status !== 'running') return;
    const timer = setTimeout(() => {
      api<ImportRun>('GET', `/imports/${run.id}`)
        .then((next) => {
          setRun(next);
          if (next.status !== 'running') {
            void loadPast();
            setNotice(
              next.status === 'done'
                ? `Imported ${next.rowsImported} of ${next.rowsDone} rows from ${next.fileName}.`
                : `The import of ${next.fileName} stopped: ${next.error ?? 'unknown error'}.`,
            );
            resultHeading.current?.focus();
          }
        })
        .catch((e: unknown) => setError(messageOf(e, 'Could not read the import’s progress.')));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [run, loadPast]);

  async function check(chosen: ChosenFile, given: Record<string, string> | null) {
    setBusy(true);
    setError('');
    try {
      const answer = await api<ImportPreview>('POST', '/imports/preview', {
        fileName: chosen.name,
        csv: chosen.csv,
        ...(given && { mapping: given }),
      });
      setPreview(answer);
      setMapping(answer.mapping);
    } catch (e) {
      setError(messageOf(e, 'Could not read the file.'));
    } finally {
      setBusy(false);
    }
  }

  async function choose(input: HTMLInputElement) {
    const chosen = input.files?.[0];
    setRun(null);
    setNotice('');
    setPreview(null);
    setMapping(null);
    if (!chosen) return setFile(null);
    if (chosen.size > MAX_BYTES) {
      setFile(null);
      return setError(`${chosen.name} is larger than 50 MiB; split it into smaller files.`);
    }
    const next = { name: chosen.name, csv: await chosen.text() };
    setFile(next);
    await check(next, null);
  }

  function remap(field: string, header: string) {
    if (!file || !mapping) return;
    const next = { ...mapping };
    if (header === '') delete next[field];
    else next[field] = header;
    setMapping(next);
    void check(file, next);
  }

  async function start() {
    if (!file || !mapping) return;
    setBusy(true);
    setError('');
    setNotice('');
    try {
      setRun(await api<ImportRun>('POST', '/imports', { fileName: file.name, csv: file.csv, mapping }));
    } catch (e) {
      setError(messageOf(e, 'Could not start the import.'));
    } finally {
      setBusy(false);
    }
  }

  const blocked = !preview || preview.mappingProblems.length > 0 || busy || run?.status === 'running';
  return (
    <>
      <h1>Import</h1>
      <p className="meta">
        Bring in the jobs, candidates, applications and interviews you already have, from a CSV file your
        applicant tracking system exports (one row per application). Each row is imported whole or refused
        with its line number; refused rows never stop the others, and importing the same file again adds
        nothing twice. Imported candidates get no email and start no follow-ups.
      </p>
      <Alerts error={error} notice={notice} />

      <section aria-labelledby="import-file" className="card">
        <h2 id="import-file" style={{ marginTop: 0 }}>
          1. Choose a file
        </h2>
        <label htmlFor="import-csv">CSV file</label>
        <input
          id="import-csv"
          type="file"
          accept=".csv,text/csv"
          disabled={run?.status === 'running'}
          onChange={(e) => void choose(e.currentTarget)}
        />
        {busy && !run && <p role="status">Reading {file?.name ?? 'the file'}…</p>}
      </section>

      {preview && file && mapping && (
        <section aria-labelledby="import-mapping" className="card">
          <h2 id="import-mapping" style={{ marginTop: 0 }}>
            2. Check which column means what
          </h2>
          <p className="meta">
            Suggested from the column names in {file.name}. Change any that are wrong; leave a field “not
            imported” when the file has no such column.
          </p>
          {preview.mappingProblems.length > 0 && (
            <div className="error" role="alert">
              <p style={{ marginTop: 0 }}>Before importing, fix the mapping:</p>
              <ul>
                {preview.mappingProblems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="table-scroll">
            <table>
              <caption className="meta">Hearback field and the column it reads</caption>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Column in the file</th>
                </tr>
              </thead>
              <tbody>
                {preview.fields.map((field) => (
                  <tr key={field}>
                    <th scope="row">
                      <label htmlFor={`map-${field}`}>{fieldLabel(field)}</label>
                    </th>
                    <td>
                      <select
                        id={`map-${field}`}
                        value={mapping[field] ?? ''}
                        disabled={busy || run?.status === 'running'}
                        onChange={(e) => remap(field, e.currentTarget.value)}
                      >
                        <option value="">— not imported —</option>
                        {preview.headers.map((h) => (
                          <option key={h} value={h}>
                            {h}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>The first rows, as they would be imported</h3>
          <ul aria-label="Sample rows">
            {preview.rows.map((r) => (
              <li key={r.line}>
                Line {r.line}:{' '}
                {r.row ? (
                  rowSummary(r.row)
                ) : (
                  <span className="error-text">refused — {r.errors.join('; ')}</span>
                )}
              </li>
            ))}
          </ul>
          <button type="button" disabled={blocked} onClick={() => void start()}>
            Import {file.name}
          </button>
        </section>
      )}

      {run && (
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
            max={
              run.status === 'running' ? Math.max(run.rowsTotal, run.rowsDone, 1) : Math.max(run.rowsDone, 1)
            }
            value={run.rowsDone}
          />
          <RunSummary run={run} />
        </section>
      )}

      <section aria-labelledby="import-past">
        <h2 id="import-past">Past imports</h2>
        {past === null ? (
          !error && <p role="status">Loading…</p>
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
    </>
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
