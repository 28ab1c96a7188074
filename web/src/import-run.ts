import { useRef, useState } from 'react';
import { client, dataOf, messageOf, type Schema } from './api.ts';
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
 * The import screen's state: the file chosen and its preview, the import run started from it and
 * watched as it goes, and the past imports; `choose` and `start` are what the screen's buttons do.
 */
export function useImportRun() {
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
  return { run, error, notice, resultHeading, file, mapping, preview, busy, remap, past, choose, start };
}
