/** Step 1 of an import: choose the CSV file. */
export function ImportFileSection({
  fileName,
  disabled,
  onChoose,
}: {
  /** The file being read, to say so; null when nothing is being read. */
  fileName: string | null;
  disabled: boolean;
  onChoose: (input: HTMLInputElement) => void;
}) {
  return (
    <section aria-labelledby="import-file" className="card">
      <h2 id="import-file" style={{ marginTop: 0 }}>
        1. Choose a file
      </h2>
      <label htmlFor="import-csv">CSV file</label>
      <input
        id="import-csv"
        type="file"
        accept=".csv,text/csv"
        disabled={disabled}
        onChange={(e) => onChoose(e.currentTarget)}
      />
      {fileName !== null && <p role="status">Reading {fileName}…</p>}
    </section>
  );
}

/** What an import does, said before anything is chosen. */
export function ImportIntro() {
  return (
    <>
      <h1>Import</h1>
      <p className="meta">
        Bring in the jobs, candidates, applications and interviews you already have, from a CSV file your
        applicant tracking system exports (one row per application). Each row is imported whole or refused
        with its line number; refused rows never stop the others, and importing the same file again adds
        nothing twice. Imported candidates get no email and start no follow-ups.
      </p>
    </>
  );
}
