import { useEffect, useState, type FormEvent } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, type Schema } from './api.ts';
import { useFormErrors } from './form-fields.tsx';

type ApplicationRecord = Schema<'Application'>;

/** The application and its job's stages, for the stage input's suggestions. */
function useJobStages(applicationId: string) {
  const [app, setApp] = useState<ApplicationRecord | null>(null);
  const [stages, setStages] = useState<string[]>([]);
  useEffect(() => {
    void (async () => {
      const a = await dataOf(
        client.GET('/api/v1/applications/{id}', { params: { path: { id: applicationId } } }),
      );
      setApp(a);
      const job = await dataOf(client.GET('/api/v1/jobs/{id}', { params: { path: { id: a.jobId } } }));
      setStages(job.stages);
    })().catch(() => undefined);
  }, [applicationId]);
  return { app, stages };
}

/**
 * Move an application to another stage (the job's stages are offered as suggestions; another
 * name is allowed and shows in its own pipeline column), and say whether it is the final stage: finalists hear the outcome by phone first.
 */
export function StageForm({ applicationId, onMoved }: { applicationId: string; onMoved: () => void }) {
  const { app, stages } = useJobStages(applicationId);
  const [stage, setStage] = useState<string | null>(null);
  const [final, setFinal] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const p = `stage-${applicationId}`;
  const errs = useFormErrors(p);
  if (!app) return null;
  const value = stage ?? app.stage;
  const isFinal = final ?? app.finalStage;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    errs.clear();
    setNotice('');
    if (value.trim() === '') return errs.set('stage', 'Name the stage.');
    setBusy(true);
    client
      .PATCH('/api/v1/applications/{id}', {
        params: { path: { id: applicationId } },
        body: { stage: value.trim(), finalStage: isFinal },
      })
      .then(() => {
        setNotice(`Moved to ${value.trim()}.`);
        onMoved();
      })
      .catch((err: unknown) => errs.fail(err, 'Could not move the application.'))
      .finally(() => setBusy(false));
  };
  return (
    <form noValidate aria-labelledby={`${p}-h`} onSubmit={submit}>
      <h2 id={`${p}-h`}>Stage</h2>
      <label htmlFor={`${p}-stage`}>Move to stage</label>
      <input
        id={`${p}-stage`}
        list={`${p}-stages`}
        value={value}
        onChange={(e) => setStage(e.target.value)}
        {...errs.invalid('stage')}
      />
      <datalist id={`${p}-stages`}>
        {stages.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {errs.errorOf('stage')}
      <label className="choice">
        <input type="checkbox" checked={isFinal} onChange={(e) => setFinal(e.target.checked)} /> The final
        stage (they hear the outcome by phone first)
      </label>
      <Alerts error={errs.error} notice={notice} />
      <button type="submit" disabled={busy}>
        Move
      </button>
    </form>
  );
}
