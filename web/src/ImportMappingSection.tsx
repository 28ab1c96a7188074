import type { Schema } from './api.ts';

type ImportPreview = Schema<'ImportPreview'>;
type PreviewRow = NonNullable<ImportPreview['rows'][number]['row']>;

/** A field's name as the screen shows it: `candidate_email` → "Candidate email". */
function fieldLabel(field: string): string {
  const words = field.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A sample row in one line: who, for which job, at which stage. */
function rowSummary(row: PreviewRow): string {
  const candidate = [row.candidate.name, row.candidate.email].filter(Boolean).join(', ');
  const stage = row.application.stage ? ` · ${row.application.stage}` : '';
  return `${candidate} → ${row.job.title}${stage}`;
}

interface ImportMappingSectionProps {
  preview: ImportPreview;
  fileName: string;
  mapping: Record<string, string>;
  busy: boolean;
  running: boolean;
  /** Importing is not possible now (mapping problems, busy, or an import running). */
  blocked: boolean;
  onRemap: (field: string, header: string) => void;
  onStart: () => void;
}

/** Step 2 of an import: which column means what, the first rows as they would be imported, and start. */
export function ImportMappingSection({
  preview,
  fileName,
  mapping,
  busy,
  running,
  blocked,
  onRemap,
  onStart,
}: ImportMappingSectionProps) {
  return (
    <section aria-labelledby="import-mapping" className="card">
      <h2 id="import-mapping" style={{ marginTop: 0 }}>
        2. Check which column means what
      </h2>
      <p className="meta">
        Suggested from the column names in {fileName}. Change any that are wrong; leave a field “not imported”
        when the file has no such column.
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
      <MappingTable preview={preview} mapping={mapping} disabled={busy || running} onRemap={onRemap} />
      <h3>The first rows, as they would be imported</h3>
      <ul aria-label="Sample rows">
        {preview.rows.map((r) => (
          <li key={r.line}>
            Line {r.line}:{' '}
            {r.row ? rowSummary(r.row) : <span className="error-text">refused — {r.errors.join('; ')}</span>}
          </li>
        ))}
      </ul>
      <button type="button" disabled={blocked} onClick={onStart}>
        Import {fileName}
      </button>
    </section>
  );
}

/** Each Hearback field with the column of the file it reads, changeable. */
function MappingTable({
  preview,
  mapping,
  disabled,
  onRemap,
}: {
  preview: ImportPreview;
  mapping: Record<string, string>;
  disabled: boolean;
  onRemap: (field: string, header: string) => void;
}) {
  return (
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
                  disabled={disabled}
                  onChange={(e) => onRemap(field, e.currentTarget.value)}
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
  );
}
