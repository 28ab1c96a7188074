import { ESCALATE_TO, type PolicyDraft } from './policy-draft.ts';
import type { PolicyFieldProps } from './PolicyFieldsets.tsx';

type Step = PolicyDraft['escalation']['steps'][number];

/** The job's escalation ladder, when it overrides the organization's: up to five steps. */
export function EscalationFieldset({ draft, setDraft, org, p, errorOf, invalid }: PolicyFieldProps) {
  const setSteps = (steps: Step[]) => setDraft({ ...draft, escalation: { ...draft.escalation, steps } });
  return (
    <fieldset>
      <legend>Escalation when a promise is broken</legend>
      <label className="choice">
        <input
          type="checkbox"
          checked={draft.escalation.on}
          onChange={(e) => setDraft({ ...draft, escalation: { ...draft.escalation, on: e.target.checked } })}
        />
        Override for this job
      </label>
      <p className="meta inherit">
        Organization:{' '}
        {org.escalation.length === 0
          ? 'nobody'
          : org.escalation
              .map((s) => `${ESCALATE_TO[s.to] ?? s.to} after ${s.afterBusinessDays} business day(s)`)
              .join(', then ')}
      </p>
      {draft.escalation.on &&
        draft.escalation.steps.map((s, i) => (
          <EscalationStepRow
            key={i}
            step={s}
            index={i}
            p={p}
            invalid={invalid}
            onChange={(patch) =>
              setSteps(draft.escalation.steps.map((x, j) => (j === i ? { ...x, ...patch } : x)))
            }
            onRemove={() => setSteps(draft.escalation.steps.filter((_, j) => j !== i))}
          />
        ))}
      {draft.escalation.on && draft.escalation.steps.length < 5 && (
        <button
          type="button"
          className="secondary"
          onClick={() => setSteps([...draft.escalation.steps, { afterBusinessDays: '', to: 'admins' }])}
        >
          Add a step
        </button>
      )}
      {errorOf('escalation')}
    </fieldset>
  );
}

/** One step of the ladder: after how many business days, whom to tell, and a way to remove it. */
function EscalationStepRow({
  step,
  index: i,
  p,
  invalid,
  onChange,
  onRemove,
}: {
  step: Step;
  index: number;
  p: string;
  invalid: PolicyFieldProps['invalid'];
  onChange: (patch: Partial<Step>) => void;
  onRemove: () => void;
}) {
  return (
    <div className="row escalation-step">
      <div>
        <label htmlFor={`${p}-esc-${i}-days`}>Step {i + 1}: after (business days)</label>
        <input
          id={`${p}-esc-${i}-days`}
          inputMode="numeric"
          value={step.afterBusinessDays}
          onChange={(e) => onChange({ afterBusinessDays: e.target.value })}
          {...invalid('escalation')}
        />
      </div>
      <div>
        <label htmlFor={`${p}-esc-${i}-to`}>tell</label>
        <select id={`${p}-esc-${i}-to`} value={step.to} onChange={(e) => onChange({ to: e.target.value })}>
          {Object.entries(ESCALATE_TO).map(([v, words]) => (
            <option key={v} value={v}>
              {words}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="secondary" onClick={onRemove}>
        Remove step {i + 1}
      </button>
    </div>
  );
}
