import { Alerts } from './Alerts.tsx';
import { ImportMappingSection } from './ImportMappingSection.tsx';
import { ImportProgressSection } from './ImportProgressSection.tsx';
import { PastImports } from './PastImports.tsx';
import { ImportFileSection, ImportIntro } from './ImportFileSection.tsx';
import { useImportRun } from './import-run.ts';

/**
 * Import from an ATS export: choose a CSV file, check (and change) which column means what on a
 * preview of the first rows, start it, watch it go, and download the refused rows to fix and
 * upload again. Rows are imported one by one: a bad row is refused with its line number and
 * never stops the others; uploading the same file again adds nothing twice.
 */
export function ImportScreen() {
  const { run, error, notice, resultHeading, file, mapping, preview, busy, remap, past, choose, start } =
    useImportRun();

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
