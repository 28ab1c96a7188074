import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { CandidateContactForm } from './CandidateContactForm.tsx';
import { Alerts } from './Alerts.tsx';
import { api, fieldErrorsOf, messageOf, type Page } from './api.ts';
import { ClientInterviewForm, DebriefForm, NudgeDraftHelper, type SubmissionRef } from './DebriefForms.tsx';
import { ClientView } from './ClientView.tsx';
import { DeskCoverage } from './DeskCoverage.tsx';
import { DueTime } from './DueTime.tsx';
import { historyOf, MoreTimeAnswer, RevokeClientLinks, type SubmissionCreated } from './DeskClientLinks.tsx';

interface Contact {
  id: string;
  clientId: string;
  name: string;
  title: string;
  email: string | null;
  phone: string | null;
  preferredChannel: string;
  timeZone: string | null;
}
interface JobOrder {
  id: string;
  title: string;
  hiringAuthorityId: string | null;
}
interface Client {
  id: string;
  name: string;
  feedbackDaysAfterSubmission: number;
  feedbackDaysAfterInterview: number;
  updateCadenceDays: number;
  guaranteeDays: number;
  contacts: Contact[];
  jobOrders: JobOrder[];
}
interface DeskFollowUp {
  id: string;
  kind: string;
  owedTo: string;
  dueAt: string;
  overdue: boolean;
  ladderSteps: number;
  submissionId: string | null;
  candidateName: string | null;
  jobTitle: string | null;
  contactName: string | null;
  clientName: string | null;
}
interface Waiting {
  submissionId: string;
  stage: string;
  submittedAt: string;
  candidateName: string;
  jobTitle: string;
  clientName: string;
  contactName: string;
  contactTimeZone: string | null;
  feedbackDueAt: string;
  daysWaiting: number;
  pastDeadline: boolean;
  ladderSteps: number;
}
interface Desk {
  followUps: DeskFollowUp[];
  waiting: Waiting[];
  clients: Client[];
}
interface Finding {
  code: string;
  severity: string;
  message: string;
  suggestion?: string;
}

/** What each follow-up asks of the recruiter, in a few words. */
const NEXT: Record<string, (f: DeskFollowUp) => string> = {
  client_feedback: (f) => `Nudge ${f.contactName ?? 'the client'} with news`,
  client_update: (f) => `Contact ${f.contactName ?? 'the client'}; set the next contact`,
  update: (f) => `Update ${f.candidateName ?? 'the candidate'}: the client's answer, or where things stand`,
  debrief: (f) => `Debrief ${f.candidateName ?? 'the candidate'}`,
  placement_check_in: (f) =>
    f.owedTo === 'client'
      ? `Check in with ${f.contactName ?? 'the client'} on the placement`
      : `Check in with ${f.candidateName ?? 'the hire'}`,
  backfill: () => 'Backfill: bring a candidate into the final stage',
};

const about = (f: DeskFollowUp) =>
  [
    f.candidateName && `${f.candidateName} · ${f.jobTitle}`,
    f.clientName && `${f.contactName} (${f.clientName})`,
  ]
    .filter(Boolean)
    .join(' — ');

/**
 * The agency recruiter's desk: what is owed today (overdue first, each with its one next action),
 * submissions waiting on clients against the deadline the client agreed, and the clients
 * themselves — add a client, a contact, a job order, submit a candidate, nudge with news.
 */
export function DeskScreen() {
  const [desk, setDesk] = useState<Desk | null>(null);
  const [candidates, setCandidates] = useState<{ id: string; name: string }[]>([]);
  const [nudging, setNudging] = useState<Waiting | null>(null);
  // The candidate side: an interview at the client to record, a candidate to debrief.
  const [interviewing, setInterviewing] = useState<SubmissionRef | null>(null);
  const [debriefing, setDebriefing] = useState<SubmissionRef | null>(null);
  const [contacting, setContacting] = useState<{
    submissionId: string;
    followUpId: string;
    candidateName: string;
  } | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  // Bumped after every change so the coverage and the client view reload with the desk.
  const [version, setVersion] = useState(0);
  const [viewing, setViewing] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setDesk(await api<Desk>('GET', '/desk'));
      setCandidates((await api<Page<{ id: string; name: string }>>('GET', '/candidates?limit=200')).items);
    } catch (e) {
      setError(messageOf(e, 'The desk could not be loaded.'));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const done = (message: string) => {
    setError('');
    setNotice(message);
    setVersion((v) => v + 1);
    void load();
  };

  if (!desk) return <Alerts error={error} />;
  const waitingById = new Map(desk.waiting.map((w) => [w.submissionId, w]));
  return (
    <>
      <h1>Desk</h1>
      <Alerts error={error} notice={notice} />

      <section aria-labelledby="desk-today">
        <h2 id="desk-today">Today</h2>
        {desk.followUps.length === 0 ? (
          <p className="empty">Nothing owed.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="desk-today">
            <table>
              <thead>
                <tr>
                  <th scope="col">Due</th>
                  <th scope="col">About</th>
                  <th scope="col">Next action</th>
                </tr>
              </thead>
              <tbody>
                {desk.followUps.map((f) => {
                  const w = f.submissionId ? waitingById.get(f.submissionId) : undefined;
                  return (
                    <tr key={f.id} className={f.overdue ? 'overdue' : undefined}>
                      <td>
                        {f.overdue && <strong>Overdue · </strong>}
                        <DueTime at={f.dueAt} />
                      </td>
                      <td>{about(f)}</td>
                      <td>
                        {(NEXT[f.kind] ?? (() => 'Follow up'))(f)}
                        {f.kind === 'debrief' && f.submissionId && (
                          <>
                            {' '}
                            <button
                              type="button"
                              className="secondary"
                              onClick={() =>
                                setDebriefing({
                                  submissionId: f.submissionId!,
                                  candidateName: f.candidateName ?? 'the candidate',
                                  clientName: f.clientName ?? 'the client',
                                })
                              }
                            >
                              Debrief {f.candidateName}
                            </button>
                          </>
                        )}
                        {f.submissionId &&
                          f.owedTo === 'candidate' &&
                          (f.kind === 'update' || f.kind === 'placement_check_in') && (
                            <>
                              {' '}
                              <button
                                type="button"
                                className="secondary"
                                onClick={() =>
                                  setContacting({
                                    submissionId: f.submissionId!,
                                    followUpId: f.id,
                                    candidateName: f.candidateName ?? 'the candidate',
                                  })
                                }
                              >
                                Log contact with {f.candidateName}
                              </button>
                            </>
                          )}
                        {f.kind === 'client_feedback' && w && (
                          <>
                            {' '}
                            <button type="button" className="secondary" onClick={() => setNudging(w)}>
                              Nudge {w.contactName}
                            </button>
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {contacting && (
          <CandidateContactForm
            key={contacting.followUpId}
            {...contacting}
            onClose={() => setContacting(null)}
            onDone={(m) => {
              setContacting(null);
              done(m);
            }}
          />
        )}
        {debriefing && (
          <DebriefForm
            key={debriefing.submissionId}
            submission={debriefing}
            onClose={() => setDebriefing(null)}
            onDone={(m) => {
              setError('');
              setNotice(m);
              // The form stays open to show the thank-you note; the desk behind it refreshes.
              void load();
            }}
          />
        )}
      </section>

      <section aria-labelledby="desk-waiting">
        <h2 id="desk-waiting">Waiting on clients</h2>
        <p>
          <a href="/api/v1/exports/submissions.csv" download>
            Export all submissions (CSV)
          </a>
        </p>
        {desk.waiting.length === 0 ? (
          <p className="empty">No submission is waiting on a client.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="desk-waiting">
            <table>
              <thead>
                <tr>
                  <th scope="col">Candidate · job</th>
                  <th scope="col">Client · contact</th>
                  <th scope="col">Waiting</th>
                  <th scope="col">Agreed deadline</th>
                  <th scope="col">Act</th>
                </tr>
              </thead>
              <tbody>
                {desk.waiting.map((w) => (
                  <tr key={w.submissionId} className={w.pastDeadline ? 'overdue' : undefined}>
                    <td>
                      {w.candidateName} · {w.jobTitle}
                    </td>
                    <td>
                      {w.clientName} · {w.contactName}
                    </td>
                    <td>
                      {w.daysWaiting} day{w.daysWaiting === 1 ? '' : 's'}
                    </td>
                    <td>
                      {w.pastDeadline && <strong>Past the deadline · </strong>}
                      <DueTime at={w.feedbackDueAt} timeZone={w.contactTimeZone} />
                    </td>
                    <td className="row">
                      {w.pastDeadline && (
                        <button type="button" onClick={() => setNudging(w)}>
                          Nudge {w.contactName}
                        </button>
                      )}
                      <ClientAnswer waiting={w} onDone={done} onError={setError} />
                      <MoreTimeAnswer waiting={w} onDone={done} />
                      <RevokeClientLinks waiting={w} onDone={done} onError={setError} />
                      <button type="button" className="secondary" onClick={() => setInterviewing(w)}>
                        Record client interview…
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {interviewing && (
          <ClientInterviewForm
            key={interviewing.submissionId}
            submission={interviewing}
            onClose={() => setInterviewing(null)}
            onDone={(m) => {
              setInterviewing(null);
              done(m);
            }}
          />
        )}
        {nudging && (
          <NudgeComposer
            key={nudging.submissionId}
            waiting={nudging}
            onClose={() => setNudging(null)}
            onSent={() => {
              setNudging(null);
              done(`Nudge to ${nudging.contactName} logged, with the next contact.`);
            }}
          />
        )}
      </section>

      <DeskCoverage version={version} />

      {viewing && (
        <ClientView clientId={viewing} version={version} onClose={() => setViewing(null)} onChanged={done} />
      )}

      <SubmitForm clients={desk.clients} candidates={candidates} onDone={done} />

      <section aria-labelledby="desk-clients">
        <h2 id="desk-clients">Clients</h2>
        {desk.clients.map((c) => (
          <article key={c.id} className="card" aria-label={c.name}>
            <strong>{c.name}</strong>{' '}
            <button type="button" className="secondary" onClick={() => setViewing(c.id)}>
              Open client view
            </button>
            <div className="meta">
              Answers a submission in {c.feedbackDaysAfterSubmission} business day(s), an interview in{' '}
              {c.feedbackDaysAfterInterview}; update every {c.updateCadenceDays} business day(s); guarantee{' '}
              {c.guaranteeDays} days.
            </div>
            <ul>
              {c.contacts.map((k) => (
                <li key={k.id}>
                  {k.name}
                  {k.title && `, ${k.title}`} · prefers {k.preferredChannel}
                  {k.email && ` · ${k.email}`}
                  {k.phone && ` · ${k.phone}`}
                  {k.timeZone && ` · ${k.timeZone}`}
                </li>
              ))}
            </ul>
            {c.jobOrders.length > 0 && (
              <div className="meta">Job orders: {c.jobOrders.map((j) => j.title).join(', ')}</div>
            )}
            {/* Folded away: the desk stays dense; the forms are a click (or Enter) away. */}
            <details>
              <summary>Add a contact or a job order to {c.name}</summary>
              <ContactForm client={c} onDone={done} />
              <JobOrderForm client={c} onDone={done} />
            </details>
          </article>
        ))}
        <ClientForm onDone={done} />
      </section>
    </>
  );
}

/** Fields of a small form, read by name. */
const fieldsOf = (e: FormEvent<HTMLFormElement>) => {
  e.preventDefault();
  return new FormData(e.currentTarget);
};
const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

function ClientForm({ onDone }: { onDone: (m: string) => void }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState('');
  return (
    <form
      aria-label="Add a client"
      onSubmit={(e) => {
        const form = e.currentTarget;
        const f = fieldsOf(e);
        void api('POST', '/clients', {
          name: text(f, 'name'),
          feedbackDaysAfterSubmission: Number(f.get('afterSubmission')),
          feedbackDaysAfterInterview: Number(f.get('afterInterview')),
        })
          .then(() => {
            form.reset();
            setErrors({});
            setFailed('');
            onDone('Client added.');
          })
          .catch((err: unknown) => {
            setErrors(fieldErrorsOf(err));
            setFailed(messageOf(err, 'The client could not be added.'));
          });
      }}
    >
      <h3>Add a client</h3>
      <div className="row">
        <label>
          Name <input name="name" required />
        </label>
        <label>
          Answers a submission within (business days){' '}
          <input name="afterSubmission" type="number" min={0} max={60} defaultValue={2} />
        </label>
        <label>
          Decides after an interview within{' '}
          <input name="afterInterview" type="number" min={0} max={60} defaultValue={1} />
        </label>
        <button type="submit">Add client</button>
      </div>
      <Alerts error={[failed, ...Object.values(errors)].filter(Boolean).join(' ')} />
    </form>
  );
}

function ContactForm({ client, onDone }: { client: Client; onDone: (m: string) => void }) {
  const [failed, setFailed] = useState('');
  return (
    <form
      aria-label={`Add a contact to ${client.name}`}
      onSubmit={(e) => {
        const form = e.currentTarget;
        const f = fieldsOf(e);
        void api('POST', `/clients/${client.id}/contacts`, {
          name: text(f, 'name'),
          ...(text(f, 'title') && { title: text(f, 'title') }),
          ...(text(f, 'email') && { email: text(f, 'email') }),
          ...(text(f, 'timeZone') && { timeZone: text(f, 'timeZone') }),
          preferredChannel: text(f, 'channel') || 'email',
        })
          .then(() => {
            form.reset();
            setFailed('');
            onDone(`Contact added to ${client.name}.`);
          })
          .catch((err: unknown) => setFailed(messageOf(err, 'The contact could not be added.')));
      }}
    >
      <div className="row">
        <input name="name" aria-label="Contact name" placeholder="Contact name" required />
        <input name="title" aria-label="Contact title" placeholder="Title" />
        <input name="email" type="email" aria-label="Contact email" placeholder="Email" />
        <input name="timeZone" aria-label="Contact time zone" placeholder="Time zone, e.g. Europe/Paris" />
        <select name="channel" aria-label="Preferred channel" defaultValue="email">
          <option value="email">email</option>
          <option value="phone">phone</option>
          <option value="sms">sms</option>
        </select>
        <button type="submit" className="secondary">
          Add contact
        </button>
      </div>
      <Alerts error={failed} />
    </form>
  );
}

function JobOrderForm({ client, onDone }: { client: Client; onDone: (m: string) => void }) {
  const [failed, setFailed] = useState('');
  if (client.contacts.length === 0) return null;
  return (
    <form
      aria-label={`Add a job order for ${client.name}`}
      onSubmit={(e) => {
        const form = e.currentTarget;
        const f = fieldsOf(e);
        void api('POST', `/clients/${client.id}/job-orders`, {
          title: text(f, 'title'),
          roleKind: text(f, 'roleKind') || 'other',
          hiringAuthorityId: text(f, 'authority'),
        })
          .then(() => {
            form.reset();
            setFailed('');
            onDone(`Job order added for ${client.name}.`);
          })
          .catch((err: unknown) => setFailed(messageOf(err, 'The job order could not be added.')));
      }}
    >
      <div className="row">
        <input name="title" aria-label="Job title" placeholder="Job title" required />
        <select name="roleKind" aria-label="Kind of role" defaultValue="other">
          <option value="sales">sales</option>
          <option value="client_facing">client facing</option>
          <option value="technical">technical</option>
          <option value="other">other</option>
        </select>
        <select name="authority" aria-label="Hiring authority">
          {client.contacts.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          Add job order
        </button>
      </div>
      <Alerts error={failed} />
    </form>
  );
}

function SubmitForm({
  clients,
  candidates,
  onDone,
}: {
  clients: Client[];
  candidates: { id: string; name: string }[];
  onDone: (m: string) => void;
}) {
  const [failed, setFailed] = useState('');
  const jobs = clients.flatMap((c) => c.jobOrders.map((j) => ({ ...j, client: c.name })));
  if (jobs.length === 0 || candidates.length === 0) return null;
  return (
    <section aria-labelledby="desk-submit">
      <h2 id="desk-submit">Submit a candidate</h2>
      <form
        onSubmit={(e) => {
          const form = e.currentTarget;
          const f = fieldsOf(e);
          void api<SubmissionCreated>('POST', '/submissions', {
            jobId: text(f, 'job'),
            candidateId: text(f, 'candidate'),
            pitch: text(f, 'pitch'),
            consent: f.get('consent') === 'on',
          })
            .then((created) => {
              form.reset();
              setFailed('');
              onDone(
                `Submitted; the client’s feedback is now tracked against their deadline.${historyOf(created)}`,
              );
            })
            .catch((err: unknown) => setFailed(messageOf(err, 'The submission failed.')));
        }}
      >
        <div className="row">
          <select name="candidate" aria-label="Candidate">
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <select name="job" aria-label="Job order">
            {jobs.map((j) => (
              <option key={j.id} value={j.id}>
                {j.title} — {j.client}
              </option>
            ))}
          </select>
        </div>
        <label>
          Pitch (why this candidate)
          <textarea name="pitch" rows={2} required />
        </label>
        <label className="choice">
          <input type="checkbox" name="consent" required /> The candidate agreed to be sent to this client
        </label>
        <button type="submit">Submit candidate</button>
        <Alerts error={failed} />
      </form>
    </section>
  );
}

function ClientAnswer({
  waiting,
  onDone,
  onError,
}: {
  waiting: Waiting;
  onDone: (m: string) => void;
  onError: (m: string) => void;
}) {
  const record = (body: object) =>
    api('POST', `/submissions/${waiting.submissionId}/client-answer`, { channel: 'phone', ...body })
      .then(() => onDone(`Recorded. Tell ${waiting.candidateName} within one business day.`))
      .catch((err: unknown) => onError(messageOf(err, 'The answer could not be recorded.')));
  return (
    <>
      <button type="button" className="secondary" onClick={() => void record({ answer: 'interview' })}>
        Client wants an interview
      </button>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          const reason = window.prompt(`Why did ${waiting.clientName} decline ${waiting.candidateName}?`);
          if (reason?.trim()) void record({ answer: 'decline', reason: reason.trim() });
        }}
      >
        Client declined…
      </button>
    </>
  );
}

function NudgeComposer({
  waiting,
  onClose,
  onSent,
}: {
  waiting: Waiting;
  onClose: () => void;
  onSent: () => void;
}) {
  const [body, setBody] = useState('');
  const [next, setNext] = useState('');
  const [findings, setFindings] = useState<Finding[]>([]);
  const [failed, setFailed] = useState('');
  return (
    <form
      aria-label={`Nudge ${waiting.contactName}`}
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        setFindings([]);
        setFailed('');
        // The same check the server applies: a refused nudge keeps its text, with what to add.
        void api<{ findings: Finding[] }>('POST', '/messages/check', { kind: 'nudge', text: body })
          .then((check) => {
            const blocking = check.findings.filter((f) => f.severity === 'error');
            if (blocking.length > 0) {
              setFindings(blocking);
              setFailed('Not sent: this nudge brings no news.');
              return;
            }
            return api('POST', `/submissions/${waiting.submissionId}/nudges`, {
              text: body,
              channel: 'email',
              nextContactAt: next,
            }).then(onSent);
          })
          .catch((err: unknown) => setFailed(messageOf(err, 'The nudge could not be sent.')));
      }}
    >
      <h3>
        Nudge {waiting.contactName} about {waiting.candidateName}
      </h3>
      <p className="meta">
        Bring news, not a status request: another interview or offer (with the candidate’s consent), new
        availability, a new candidate for the role, a market fact.
      </p>
      <NudgeDraftHelper
        submissionId={waiting.submissionId}
        onDraft={(draft, replace) => setBody((b) => (replace || !b.trim() ? draft : b))}
      />
      <label>
        Message
        <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={4} required />
      </label>
      <label>
        Next contact <input type="date" value={next} onChange={(e) => setNext(e.target.value)} required />
      </label>
      {findings.length > 0 && (
        <ul>
          {findings.map((f) => (
            <li key={f.code}>
              {f.message} {f.suggestion}
            </li>
          ))}
        </ul>
      )}
      <Alerts error={failed} />
      <div className="row">
        <button type="submit">Send nudge</button>
        <button type="button" className="secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
