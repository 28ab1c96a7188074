import { useEffect, useState, type FormEvent } from 'react';
import { Alerts } from './Alerts.tsx';
import { FormButtons } from './form-fields.tsx';
import { client, dataOf, fieldErrorsOf, messageOf, type Answer, type Body, type Schema } from './api.ts';
import { DebriefFields } from './DebriefFields.tsx';
import { DebriefThankYou } from './DebriefThankYou.tsx';

/** A submission as these forms name it. */
export interface SubmissionRef {
  submissionId: string;
  candidateName: string;
  clientName: string;
  contactName?: string | null;
}

/** What logging a debrief answers: the thank-you note it suggests and the next contact. */
export type DebriefLogged = Answer<'/api/v1/submissions/{id}/debriefs', 'post'>;
type DebriefChannel = Body<'/api/v1/submissions/{id}/debriefs', 'post'>['channel'];

const value = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v.trim() : '';
};

/**
 * Record an interview at the client: when, who interviewed (the client's people, by name) and
 * what the client promised. The promise is resolved in the contact's business time by the server.
 */
export function ClientInterviewForm({
  submission,
  onDone,
  onClose,
}: {
  submission: SubmissionRef;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState('');
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const at = value(f, 'at');
    setFailed('');
    setErrors({});
    dataOf(
      client.POST('/api/v1/submissions/{id}/client-interviews', {
        params: { path: { id: submission.submissionId } },
        body: {
          // The browser's local time, as an instant: the server reads it in the contact's zone.
          at: at ? new Date(at).toISOString() : '',
          interviewers: value(f, 'interviewers')
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
          promise: value(f, 'promise'),
        },
      }),
    )
      .then((r) => {
        onDone(
          `Interview at ${submission.clientName} recorded. The client’s feedback is due ${new Date(
            r.clientFeedback.dueAt,
          ).toLocaleString()}; debrief ${submission.candidateName} by ${new Date(r.debrief.dueAt).toLocaleString()}.`,
        );
      })
      .catch((err: unknown) => {
        setErrors(fieldErrorsOf(err));
        setFailed(messageOf(err, 'The interview could not be recorded.'));
      });
  };
  return (
    <form
      aria-label={`Record the interview of ${submission.candidateName} at ${submission.clientName}`}
      className="card"
      onSubmit={submit}
    >
      <h3>
        Interview of {submission.candidateName} at {submission.clientName}
      </h3>
      <div className="row">
        <label>
          When <input name="at" type="datetime-local" required />
        </label>
        <label>
          Interviewers (their names, comma-separated) <input name="interviewers" required />
        </label>
      </div>
      <label>
        What the client promised (as said, e.g. “We’ll decide by Friday”)
        <input name="promise" required />
      </label>
      <Alerts error={[failed, ...Object.values(errors)].filter(Boolean).join(' ')} />
      <FormButtons submitLabel="Record interview" onCancel={onClose} />
    </form>
  );
}

/**
 * The debrief with the candidate right after a client interview, as a short guided form. Like
 * every contact it sets the next contact or says why there is none. Once logged it shows the
 * thank-you note it suggests, for the recruiter to pass on.
 */
export function DebriefForm({
  submission,
  onDone,
  onClose,
}: {
  submission: SubmissionRef;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const [noNext, setNoNext] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState('');
  const [logged, setLogged] = useState<DebriefLogged | null>(null);
  const name = submission.candidateName;
  if (logged) return <DebriefThankYou name={name} logged={logged} onClose={onClose} />;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const optional = (key: string) => (value(f, key) ? { [key]: value(f, key) } : {});
    setFailed('');
    setErrors({});
    dataOf(
      client.POST('/api/v1/submissions/{id}/debriefs', {
        params: { path: { id: submission.submissionId } },
        body: {
          channel: (value(f, 'channel') || 'phone') as DebriefChannel,
          impressions: value(f, 'impressions'),
          interestLevel: Number(value(f, 'interestLevel')),
          ...optional('surprises'),
          ...optional('nextSteps'),
          ...optional('questionsForClient'),
          ...optional('availability'),
          mayMentionOtherProcesses: f.get('mayMention') === 'on',
          ...(noNext
            ? { noNextContactReason: value(f, 'noNextContactReason') }
            : { nextContactAt: value(f, 'nextContactAt') }),
        },
      }),
    )
      .then((r) => {
        setLogged(r);
        onDone(`Debrief with ${name} logged.`);
      })
      .catch((err: unknown) => {
        setErrors(fieldErrorsOf(err));
        setFailed(messageOf(err, 'The debrief could not be logged.'));
      });
  };
  return (
    <form aria-label={`Debrief ${name}`} className="card" onSubmit={submit}>
      <h3>
        Debrief {name} after the interview at {submission.clientName}
      </h3>
      <DebriefFields name={name} noNext={noNext} onNoNext={setNoNext} />
      <Alerts error={[failed, ...Object.values(errors)].filter(Boolean).join(' ')} />
      <FormButtons submitLabel="Log debrief" onCancel={onClose} />
    </form>
  );
}

/**
 * The nudge composer's draft: what is new since the last contact with the client (the debrief's
 * news, other interviews with consent, new candidates, facts the recruiter adds). The draft fills
 * an empty message (a redraft with a fact replaces it), which stays editable; with nothing new it lists what could be added instead.
 */
export function NudgeDraftHelper({
  submissionId,
  onDraft,
}: {
  submissionId: string;
  /** `replace`: the recruiter asked for it (a fact added); otherwise only an empty message is filled. */
  onDraft: (text: string, replace: boolean) => void;
}) {
  const [draft, setDraft] = useState<Schema<'NudgeDraft'> | null>(null);
  const [facts, setFacts] = useState<string[]>([]);
  const [fact, setFact] = useState('');
  const [failed, setFailed] = useState('');
  useEffect(() => {
    dataOf(
      client.POST('/api/v1/submissions/{id}/nudge-drafts', {
        params: { path: { id: submissionId } },
        body: facts.length ? { facts } : {},
      }),
    )
      .then((d) => {
        setDraft(d);
        if (d.text) onDraft(d.text, facts.length > 0);
      })
      .catch((err: unknown) => setFailed(messageOf(err, 'No draft could be made.')));
    // Redrafted when a fact is added (replacing the message: an explicit ask); onDraft is a setter.
  }, [submissionId, facts]);
  return (
    <div className="meta" aria-label="Draft from news" role="group">
      <Alerts error={failed} />
      {draft && draft.text === null && <p>Nothing new since your last contact: no draft.</p>}
      {draft && draft.couldAdd.length > 0 && (
        <>
          <p>{draft.text === null ? 'You could add:' : 'You could also add:'}</p>
          <ul>
            {draft.couldAdd.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      )}
      <div className="row">
        <input
          aria-label="A fact to add (market, references)"
          placeholder="A fact to add (market, references)"
          value={fact}
          onChange={(e) => setFact(e.target.value)}
        />
        <button
          type="button"
          className="secondary"
          disabled={!fact.trim()}
          onClick={() => {
            setFacts([...facts, fact.trim()]);
            setFact('');
          }}
        >
          Redraft with this fact
        </button>
      </div>
    </div>
  );
}
