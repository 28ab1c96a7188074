import { useCallback, useEffect, useRef, useState } from 'react';
import { client, dataOf, messageOf, type Schema } from './api.ts';

type ImportRun = Schema<'ImportRun'>;

const POLL_MS = 400;

/** The organization's last ten imports (null until loaded), and a way to read them again. */
export function usePastImports(onError: (message: string) => void) {
  const [past, setPast] = useState<ImportRun[] | null>(null);
  const loadPast = useCallback(async () => {
    try {
      setPast((await dataOf(client.GET('/api/v1/imports', { params: { query: { limit: 10 } } }))).items);
    } catch (e) {
      onError(messageOf(e, 'Could not load the past imports.'));
    }
  }, []);
  useEffect(() => {
    void loadPast();
  }, [loadPast]);
  return { past, loadPast };
}

/**
 * While an import runs, read its progress every POLL_MS and hand each reading to `onRead`; stop
 * when it is done (or the screen is left).
 */
export function useImportProgress(
  run: ImportRun | null,
  onRead: (next: ImportRun) => void,
  onError: (message: string) => void,
) {
  // The latest callbacks, so a re-render does not restart the timer.
  const handlers = useRef({ onRead, onError });
  handlers.current = { onRead, onError };
  useEffect(() => {
    if (!run || run.status !== 'running') return;
    const timer = setTimeout(() => {
      dataOf(client.GET('/api/v1/imports/{id}', { params: { path: { id: run.id } } }))
        .then((next) => handlers.current.onRead(next))
        .catch((e: unknown) =>
          handlers.current.onError(messageOf(e, 'Could not read the import’s progress.')),
        );
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [run]);
}

/** The file the person chose, read as text. */
export interface ChosenFile {
  name: string;
  csv: string;
}

/**
 * The chosen file and its preview: which column means what (suggested, then as changed) and the
 * first rows as they would be imported. Each change of file or mapping asks for a new preview.
 */
export function useImportPreview(onError: (message: string) => void) {
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const [preview, setPreview] = useState<Schema<'ImportPreview'> | null>(null);
  const [busy, setBusy] = useState(false);

  async function check(chosen: ChosenFile, given: Record<string, string> | null) {
    setBusy(true);
    onError('');
    try {
      const answer = await dataOf(
        client.POST('/api/v1/imports/preview', {
          body: { fileName: chosen.name, csv: chosen.csv, ...(given && { mapping: given }) },
        }),
      );
      setPreview(answer);
      setMapping(answer.mapping);
    } catch (e) {
      onError(messageOf(e, 'Could not read the file.'));
    } finally {
      setBusy(false);
    }
  }

  /** Forget the preview and take `next` (null: no file), previewing it. */
  async function choose(next: ChosenFile | null) {
    setPreview(null);
    setMapping(null);
    setFile(next);
    if (next) await check(next, null);
  }

  function remap(field: string, header: string) {
    if (!file || !mapping) return;
    const next = { ...mapping };
    if (header === '') delete next[field];
    else next[field] = header;
    setMapping(next);
    void check(file, next);
  }

  return { file, mapping, preview, busy, setBusy, choose, remap };
}
