import { useEffect, useState, type FormEvent } from 'react';
import { Alerts } from './Alerts.tsx';
import { ApiError, client, dataOf, type Schema } from './api.ts';
import { FormButtons, useFormErrors } from './form-fields.tsx';

/** A candidate as the form reads and writes it. */
export type CandidateRecord = Schema<'Candidate'>;

interface Draft {
  name: string;
  email: string;
  phone: string;
  timeZone: string;
  source: string;
}

// Where candidates usually come from; the team may write anything else ("referred by Ana").
const SOURCE_SUGGESTIONS = [
  'referral',
  'job board',
  'agency',
  'sourced',
  'careers site',
  'event',
  'internal',
];

/** Every IANA zone this browser knows, for the time-zone select. */
const ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The candidate who already has this email (not `exceptId`), if any. */
async function findByEmail(email: string, exceptId?: string): Promise<CandidateRecord | null> {
  const page = await dataOf(client.GET('/api/v1/candidates', { params: { query: { email, limit: 2 } } }));
  return page.items.find((c) => c.id !== exceptId) ?? null;
}

/**
 * Who already has the typed email, looked up once typing pauses: one person is one candidate, so
 * the form links to them instead of adding a second.
 */
function useDuplicate(email: string, exceptId?: string) {
  const [duplicate, setDuplicate] = useState<CandidateRecord | null>(null);
  const trimmed = email.trim();
  useEffect(() => {
    if (!EMAIL.test(trimmed)) {
      setDuplicate(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      findByEmail(trimmed, exceptId)
        .then((c) => current && setDuplicate(c))
        .catch(() => undefined);
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [trimmed, exceptId]);
  return { duplicate, recheck: () => findByEmail(trimmed, exceptId).then(setDuplicate) };
}

const bodyOf = (d: Draft) => ({
  name: d.name,
  email: d.email.trim() || null,
  phone: d.phone.trim() || null,
  timeZone: d.timeZone || null,
  source: d.source.trim() || null,
});

/**
 * Add a candidate or change one: name, email, phone, time zone and source. An email already on file is
 * named with a link to its candidate instead of a second record; a refused save keeps what was
 * typed, with each problem beside its field.
 */
export function CandidateForm({
  candidate,
  onSaved,
  onCancel,
  saveLabel,
}: {
  /** The candidate to change; null adds one. */
  candidate: CandidateRecord | null;
  onSaved: (c: CandidateRecord) => void;
  onCancel: () => void;
  saveLabel?: string;
}) {
  const [draft, setDraft] = useState<Draft>({
    name: candidate?.name ?? '',
    email: candidate?.email ?? '',
    phone: candidate?.phone ?? '',
    timeZone: candidate?.timeZone ?? '',
    source: candidate?.source ?? '',
  });
  const [busy, setBusy] = useState(false);
  const p = `cand-form-${candidate?.id ?? 'new'}`;
  const errs = useFormErrors(p);
  const { duplicate, recheck } = useDuplicate(draft.email, candidate?.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    errs.clear();
    if (draft.name.trim() === '') return errs.set('name', 'Give the candidate’s name.');
    if (duplicate) return errs.set('email', `${duplicate.name} already has this email.`);
    setBusy(true);
    const body = bodyOf(draft);
    dataOf(
      candidate
        ? client.PATCH('/api/v1/candidates/{id}', { params: { path: { id: candidate.id } }, body })
        : client.POST('/api/v1/candidates', { body }),
    )
      .then(onSaved)
      .catch((err: unknown) => {
        errs.fail(err, 'Could not save the candidate.');
        if (err instanceof ApiError && err.code === 'candidate_exists') {
          errs.set('email', err.message);
          void recheck();
        }
      })
      .finally(() => setBusy(false));
  };
  return (
    <form noValidate className="card" aria-labelledby={`${p}-h`} onSubmit={submit}>
      <h2 id={`${p}-h`} style={{ marginTop: 0 }}>
        {candidate ? `Change ${candidate.name}` : 'Add a candidate'}
      </h2>
      <CandidateFields p={p} draft={draft} set={(d) => setDraft({ ...draft, ...d })} errs={errs} />
      {duplicate && (
        <p className="notice" role="status">
          {duplicate.name} already has this email.{' '}
          <a href={`#/candidates/${duplicate.id}`}>Open {duplicate.name}</a> instead of adding a second
          candidate.
        </p>
      )}
      <Alerts error={errs.error} />
      <FormButtons
        submitLabel={saveLabel ?? (candidate ? 'Save the candidate' : 'Add the candidate')}
        busy={busy}
        onCancel={onCancel}
      />
    </form>
  );
}

/** The candidate's inputs, each with its message beside it. */
function CandidateFields({
  p,
  draft,
  set,
  errs,
}: {
  p: string;
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
  errs: ReturnType<typeof useFormErrors>;
}) {
  const text = (key: 'name' | 'email' | 'phone', label: string, type = 'text') => (
    <>
      <label htmlFor={`${p}-${key}`}>{label}</label>
      <input
        id={`${p}-${key}`}
        type={type}
        autoComplete="off"
        value={draft[key]}
        onChange={(e) => set({ [key]: e.target.value })}
        {...errs.invalid(key)}
      />
      {errs.errorOf(key)}
    </>
  );
  return (
    <>
      {text('name', 'Name')}
      {text('email', 'Email', 'email')}
      {text('phone', 'Phone', 'tel')}
      <label htmlFor={`${p}-timeZone`}>Time zone</label>
      <select
        id={`${p}-timeZone`}
        value={draft.timeZone}
        onChange={(e) => set({ timeZone: e.target.value })}
        {...errs.invalid('timeZone')}
      >
        <option value="">the organization’s</option>
        {ZONES.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </select>
      {errs.errorOf('timeZone')}
      <label htmlFor={`${p}-source`}>Source (where they came from)</label>
      <input
        id={`${p}-source`}
        list={`${p}-sources`}
        autoComplete="off"
        maxLength={100}
        value={draft.source}
        onChange={(e) => set({ source: e.target.value })}
        {...errs.invalid('source')}
      />
      <datalist id={`${p}-sources`}>
        {SOURCE_SUGGESTIONS.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {errs.errorOf('source')}
    </>
  );
}
