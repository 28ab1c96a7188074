import { useRef, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, messageOf, type Schema } from './api.ts';
import { ImportMappingSection } from './ImportMappingSection.tsx';
import { ImportProgressSection } from './ImportProgressSection.tsx';
import { PastImports } from './PastImports.tsx';
import { ImportFileSection, ImportIntro } from './ImportFileSection.tsx';
import { useImportPreview, useImportProgress, usePastImports } from './import-hooks.ts';

type ImportRun = Schema<'ImportRun'>;

// The API refuses larger files; saying so before uploading saves the wait.
const MAX_BYTES = 50 * 1024 * 1024;

/** What to say when an import has ended. */
const endedNotice = (run: ImportRun) =>
  run.status === 'done'
    ? `Imported ${run.rowsImported} of ${run.rowsDone} rows from ${run.fileName}.`
    : `The import of ${run.fileName} stopped: ${run.error ?? 'unknown error'}.`;

/**
 * Import from an ATS export: choose a CSV file, check (and change) which column means what on a
 * preview of the first rows, start it, watch it go, and download the refused rows to fix and
 * upload again. Rows are imported one by one: a bad row is refused with its line number and
 * never stops the others; uploading the same file again adds nothing twice.
 */
export function ImportScreen() {
  const [run, setRun] = useState<ImportRun | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const { file, mapping, preview, busy, setBusy, choose: previewFile, remap } = useImportPreview(setError);
  const { past, loadPast } = usePastImports(setError);
  useImportProgress(
    run,
    (next) => {
      setRun(next);
      if (next.status === 'running') return;
      void loadPast();
      setNotice(endedNotice(next));
      resultHeading.current?.focus();
    },
    setError,
  );

  async function choose(input: HTMLInputElement) {
    const chosen = input.files?.[0];
    setRun(null);
    setNotice('');
    if (!chosen) return previewFile(null);
    if (chosen.size > MAX_BYTES) {
      await previewFile(null);
      return setError(`${chosen.name} is larger than 50 MiB; split it into smaller files.`);
    }
    await previewFile({ name: chosen.name, csv: await chosen.text() });
  }

  async function start() {
    if (!file || !mapping) return;
    setBusy(true);
    setError('');
    setNotice('');
    try {
      setRun(
        await dataOf(
          client.POST('/api/v1/imports', { body: { fileName: file.name, csv: file.csv, mapping } }),
        ),
      );
    } catch (e) {
      setError(messageOf(e, 'Could not start the import.'));
    } finally {
      setBusy(false);
    }
  }

  const blocked = !preview || preview.mappingProblems.length > 0 || busy || run?.status === 'running';
  return (
    <>
      <ImportIntro />
      <Alerts error={error} notice={notice} />

      <ImportFileSection
        fileName={busy && !run ? (file?.name ?? 'the file') : null}
        disabled={run?.status === 'running'}
        onChoose={(input) => void choose(input)}
      />

      {preview && file && mapping && (
        <ImportMappingSection
          preview={preview}
          fileName={file.name}
          mapping={mapping}
          busy={busy}
          running={run?.status === 'running'}
          blocked={blocked}
          onRemap={remap}
          onStart={() => void start()}
        />
      )}

      {run && <ImportProgressSection run={run} resultHeading={resultHeading} />}

      <PastImports past={past} loading={!error} />
    </>
  );
}
