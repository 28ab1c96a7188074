import { useState, type FormEvent } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, type Schema } from './api.ts';
import { FormButtons, useFormErrors, type MemberOption } from './form-fields.tsx';
import { when } from './format.ts';

/** An interview as scheduling reads and writes it. */
export type ScheduledInterview = Pick<
  Schema<'Interview'>,
  'id' | 'title' | 'scheduledAt' | 'endsAt' | 'location' | 'interviewerIds' | 'closedAt' | 'cancelledAt'
>;

interface Draft {
  title: string;
  at: string;
  minutes: string;
  interviewerIds: string[];
  location: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** An instant as a `datetime-local` value in the browser's zone. */
const localInput = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

const draftOf = (i: ScheduledInterview | null): Draft => ({
  title: i?.title ?? 'Interview',
  at: i?.scheduledAt ? localInput(i.scheduledAt) : '',
  minutes:
    i?.scheduledAt && i.endsAt
      ? String(Math.round((Date.parse(i.endsAt) - Date.parse(i.scheduledAt)) / 60_000))
      : '60',
  interviewerIds: i?.interviewerIds ?? [],
  location: i?.location ?? '',
});

/** The request body: the local time read in the browser's zone, the end from the duration. */
function bodyOf(d: Draft) {
  const start = new Date(d.at);
  return {
    title: d.title,
    scheduledAt: start.toISOString(),
    endsAt: new Date(start.getTime() + Number(d.minutes) * 60_000).toISOString(),
    interviewerIds: d.interviewerIds,
    ...(d.location.trim() && { location: d.location.trim() }),
  };
}

/**
 * Schedule an interview on an application, or move one: when (in this browser's zone, with the
 * candidate's time beside it), how long, who interviews, and where or the link. Invitations follow.
 */
export function InterviewForm({
  applicationId,
  interview,
  members,
  candidateTimeZone,
  onSaved,
  onCancel,
}: {
  applicationId: string;
  /** The interview to move; null schedules one. */
  interview: ScheduledInterview | null;
  members: MemberOption[];
  candidateTimeZone: string | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(interview));
  const [busy, setBusy] = useState(false);
  const p = `iv-form-${interview?.id ?? 'new'}`;
  const errs = useFormErrors(p);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    errs.clear();
    if (!draft.at || Number.isNaN(Date.parse(draft.at)))
      return errs.set('scheduledAt', 'Choose a day and time.');
    if (!/^\d+$/.test(draft.minutes) || Number(draft.minutes) < 5)
      return errs.set('endsAt', 'A duration of at least 5 minutes.');
    setBusy(true);
    dataOf<unknown>(
      interview
        ? client.PATCH('/api/v1/interviews/{id}', {
            params: { path: { id: interview.id } },
            body: bodyOf(draft),
          })
        : client.POST('/api/v1/interviews', { body: { applicationId, ...bodyOf(draft) } }),
    )
      .then(onSaved)
      .catch((err: unknown) => errs.fail(err, 'Could not schedule the interview.'))
      .finally(() => setBusy(false));
  };
  return (
    <form noValidate className="card" aria-labelledby={`${p}-h`} onSubmit={submit}>
      <h3 id={`${p}-h`} style={{ marginTop: 0 }}>
        {interview ? `Move “${interview.title}”` : 'Schedule an interview'}
      </h3>
      <InterviewFields
        p={p}
        draft={draft}
        set={(d) => setDraft({ ...draft, ...d })}
        members={members}
        candidateTimeZone={candidateTimeZone}
        errs={errs}
      />
      <Alerts error={errs.error} />
      <FormButtons
        submitLabel={interview ? 'Move the interview' : 'Schedule the interview'}
        busy={busy}
        onCancel={onCancel}
      />
    </form>
  );
}

/** The interview's inputs, each with its message beside it. */
function InterviewFields({
  p,
  draft,
  set,
  members,
  candidateTimeZone,
  errs,
}: {
  p: string;
  draft: Draft;
  set: (d: Partial<Draft>) => void;
  members: MemberOption[];
  candidateTimeZone: string | null;
  errs: ReturnType<typeof useFormErrors>;
}) {
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const start = draft.at && !Number.isNaN(Date.parse(draft.at)) ? new Date(draft.at).toISOString() : null;
  return (
    <>
      <label htmlFor={`${p}-title`}>Title</label>
      <input
        id={`${p}-title`}
        value={draft.title}
        onChange={(e) => set({ title: e.target.value })}
        {...errs.invalid('title')}
      />
      {errs.errorOf('title')}
      <label htmlFor={`${p}-at`}>When (your time, {browserZone})</label>
      <input
        id={`${p}-at`}
        type="datetime-local"
        value={draft.at}
        onChange={(e) => set({ at: e.target.value })}
        {...errs.invalid('scheduledAt')}
      />
      {start && (
        <p className="meta">
          For the candidate: {when(start, candidateTimeZone)}
          {!candidateTimeZone && ' (their zone is not on file)'}
        </p>
      )}
      {errs.errorOf('scheduledAt')}
      <label htmlFor={`${p}-minutes`}>Duration (minutes)</label>
      <input
        id={`${p}-minutes`}
        inputMode="numeric"
        value={draft.minutes}
        onChange={(e) => set({ minutes: e.target.value })}
        {...errs.invalid('endsAt')}
      />
      {errs.errorOf('endsAt')}
      <InterviewerChoices
        p={p}
        members={members}
        chosen={draft.interviewerIds}
        onChange={(ids) => set({ interviewerIds: ids })}
      />
      {errs.errorOf('interviewerIds')}
      <label htmlFor={`${p}-location`}>Where, or the video link</label>
      <input
        id={`${p}-location`}
        value={draft.location}
        onChange={(e) => set({ location: e.target.value })}
        {...errs.invalid('location')}
      />
      {errs.errorOf('location')}
    </>
  );
}

/** Who interviews: the organization's active members, as checkboxes. */
function InterviewerChoices({
  p,
  members,
  chosen,
  onChange,
}: {
  p: string;
  members: MemberOption[];
  chosen: string[];
  onChange: (ids: string[]) => void;
}) {
  return (
    <fieldset>
      <legend>Interviewers</legend>
      {members
        .filter((m) => m.active || chosen.includes(m.id))
        .map((m) => (
          <label key={m.id} className="choice">
            <input
              type="checkbox"
              name={`${p}-interviewers`}
              checked={chosen.includes(m.id)}
              onChange={(e) =>
                onChange(e.target.checked ? [...chosen, m.id] : chosen.filter((id) => id !== m.id))
              }
            />{' '}
            {m.name} <span className="meta">({m.role.replace('_', ' ')})</span>
          </label>
        ))}
    </fieldset>
  );
}
