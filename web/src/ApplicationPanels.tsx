import { Alerts } from './Alerts.tsx';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, fieldErrorsOf, messageOf } from './api.ts';
import { when } from './format.ts';
import { membershipWords, parseTags, type PoolMembership } from './pool.ts';

/** What the candidate did on their own: signals for a tie-break, never a reason to reject (principle 6). */
export function Signals({
  events,
  roleKind,
}: {
  events: { type: string; touchpoint?: { kind: string; fromParty: string; summary: string } }[];
  roleKind: string;
}) {
  const mine = events.flatMap((e) =>
    e.type === 'touchpoint' && e.touchpoint?.fromParty === 'candidate' ? [e.touchpoint] : [],
  );
  const thanks = mine.filter((t) => t.kind === 'thank_you');
  const checkIns = mine.filter((t) => t.kind === 'check_in');
  const weighty = roleKind === 'sales' || roleKind === 'client_facing';
  return (
    <section className="card" aria-labelledby="h-signals">
      <h2 id="h-signals" style={{ marginTop: 0 }}>
        Candidate signals
      </h2>
      <p>
        {thanks.length > 0 ? 'Sent a thank-you note.' : 'No thank-you note.'}{' '}
        {checkIns.length > 0 && `Checked in ${checkIns.length} time(s).`}
      </p>
      <p className="meta">
        A tie-breaker between otherwise equal candidates
        {weighty ? ' — a stronger one for this role, where following up is part of the job' : ''}. Never a
        reason to reject.
      </p>
      {thanks.map((t, i) => (
        <blockquote key={i}>{t.summary}</blockquote>
      ))}
    </section>
  );
}

/** What the server said happens to the written note after an outcome call. */
type WrittenNote =
  | {
      status: 'scheduled';
      messageId: string;
      sendAt: string | null;
      to: string;
      timeZone: string;
      text: string;
    }
  | { status: 'cancelled'; messageId: string; reason: string }
  | { status: 'none' };

const OUTCOME_WORDS: Record<string, string> = {
  advance: 'they move to the next step',
  reject: 'they were not selected',
  hold: 'we have not decided yet',
  offer: 'we are making an offer',
};

function noteWords(note: WrittenNote | null): string {
  if (!note) return '';
  switch (note.status) {
    case 'scheduled':
      return note.sendAt
        ? ` The written note goes to ${note.to} on ${when(note.sendAt, note.timeZone)} (their time), ending with what you said.`
        : ' The written note, ending with what you said, is drafted but not sent: send it from the composer.';
    case 'cancelled':
      return ` The written note will not be sent (${note.reason}).`;
    case 'none':
      return ' No written note is drafted: write one in the composer so they have it in writing.';
  }
}

/** The candidate's outcome note not sent yet, as the messages list answers it. */
interface PendingNote {
  kind: string;
  audience: string;
  status: string;
  toAddress: string;
  scheduledFor: string | null;
}

/**
 * What happens to the written note if this call is logged, in exact terms: to whom, when in the
 * candidate's zone, and with what; or that none goes, and why.
 */
function plannedNoteWords(
  note: PendingNote | null,
  skip: { reason: string } | null,
  summary: string,
  timeZone: string | null,
): string {
  if (!note) return 'No written note is drafted: write one in the composer so they have it in writing.';
  if (skip) return `No note: ${skip.reason.trim() || '(say why)'}. The written note will not be sent.`;
  const said = `“From our call: ${summary.trim() || '…'}”`;
  return note.scheduledFor
    ? `The written note goes to ${note.toAddress} on ${when(note.scheduledFor, timeZone)}${timeZone ? ' (their time)' : ''}, with this as its last paragraph: ${said}.`
    : `The written note to ${note.toAddress} is a draft: it gets ${said} as its last paragraph and goes once you send it from the composer.`;
}

/**
 * Log a call, a meeting or an email that happened outside Hearback. An outcome told by voice
 * closes the promise only with the decision told and a summary of what was said, after a
 * confirmation that says exactly what will happen; it can be undone for a few minutes.
 */
export function LogContact({
  applicationId,
  candidateName,
  candidateTimeZone,
  initialKind,
  onLogged,
}: {
  applicationId: string;
  candidateName: string;
  /** The candidate's zone, if on record: the note's time is said in it. */
  candidateTimeZone?: string | null | undefined;
  /** What the contact is about when the screen was opened for it (e.g. their feedback request). */
  initialKind?: string | undefined;
  onLogged: () => void;
}) {
  const [channel, setChannel] = useState('phone');
  const [kind, setKind] = useState(initialKind ?? 'outcome');
  const [connected, setConnected] = useState('yes');
  const [summary, setSummary] = useState('');
  const [decisions, setDecisions] = useState<{ id: string; outcome: string; decidedAt: string }[]>([]);
  const [decisionId, setDecisionId] = useState('');
  const [skipNote, setSkipNote] = useState(false);
  const [skipReason, setSkipReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [logged, setLogged] = useState<{ id: string; undoUntil: string | null } | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    api<{ items: { id: string; outcome: string; decidedAt: string }[] }>(
      'GET',
      `/applications/${applicationId}/decisions?limit=100`,
    )
      .then((page) => {
        setDecisions(page.items);
        setDecisionId((d) => d || (page.items.at(-1)?.id ?? ''));
      })
      .catch(() => setDecisions([]));
  }, [applicationId]);
  const [note, setNote] = useState<PendingNote | null>(null);
  const loadNote = useCallback(() => {
    api<{ items: PendingNote[] }>('GET', `/messages?applicationId=${applicationId}&limit=200`)
      .then((page) => {
        const pending = page.items.filter(
          (m) =>
            m.audience === 'candidate' &&
            (m.status === 'scheduled' || m.status === 'draft') &&
            (m.kind === 'outcome' || m.kind === 'job_closed'),
        );
        setNote(pending.at(-1) ?? null);
      })
      .catch(() => setNote(null));
  }, [applicationId]);
  useEffect(() => loadNote(), [loadNote]);
  const tellsOutcome = kind === 'outcome' && connected === 'yes' && channel !== 'email';
  const planned = plannedNoteWords(
    note,
    skipNote ? { reason: skipReason } : null,
    summary,
    candidateTimeZone ?? null,
  );
  const chosen = decisions.find((d) => d.id === decisionId);

  async function submit() {
    setError('');
    try {
      const r = await api<{
        touchpoint: { id: string };
        closedFollowUps: unknown[];
        writtenNote: WrittenNote | null;
        undoUntil: string | null;
      }>('POST', '/touchpoints', {
        applicationId,
        channel,
        kind,
        fromParty: 'team',
        toParty: 'candidate',
        connected: connected === 'yes',
        summary,
        ...(tellsOutcome && decisionId && { decisionId }),
        ...(tellsOutcome && skipNote && { skipWrittenNote: { reason: skipReason } }),
      });
      setMessage(
        (r.closedFollowUps.length > 0 ? 'Logged; the promise it answers is kept.' : 'Logged.') +
          noteWords(r.writtenNote),
      );
      setLogged({ id: r.touchpoint.id, undoUntil: r.undoUntil });
      loadNote();
      setSummary('');
      setSkipNote(false);
      setSkipReason('');
      onLogged();
    } catch (e) {
      // The typed summary stays in the form, with the reason it was refused.
      setError(e instanceof ApiError ? e.message : 'Could not log it.');
    } finally {
      setConfirming(false);
    }
  }
  async function undo() {
    if (!logged) return;
    setError('');
    try {
      await api('POST', `/touchpoints/${logged.id}/undo`, {});
      setMessage('Undone: the promise is open again, and the written note no longer carries your summary.');
      loadNote();
      setLogged(null);
      onLogged();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not undo it.');
    }
  }
  return (
    <form
      className="card"
      aria-labelledby="h-log"
      onSubmit={(e) => {
        e.preventDefault();
        if (tellsOutcome && !confirming) {
          setError(''); // the earlier refusal no longer applies to what is being confirmed
          setConfirming(true);
        } else void submit();
      }}
    >
      <h2 id="h-log" style={{ marginTop: 0 }} tabIndex={-1}>
        Log a call or a contact
      </h2>
      <label htmlFor="log-channel">How</label>
      <select id="log-channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
        <option value="phone">Phone call</option>
        <option value="in_person">In person</option>
        <option value="email">Email sent outside Hearback</option>
      </select>
      <label htmlFor="log-kind">About</label>
      <select id="log-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
        <option value="outcome">The outcome</option>
        <option value="update">An update</option>
        <option value="debrief">A debrief</option>
        <option value="feedback_due">The feedback they asked for</option>
        <option value="check_in">Their check-in</option>
        <option value="other">Something else</option>
      </select>
      <label htmlFor="log-connected">Did you reach them?</label>
      <select id="log-connected" value={connected} onChange={(e) => setConnected(e.target.value)}>
        <option value="yes">Yes</option>
        <option value="no">No (voicemail, no answer)</option>
      </select>
      {tellsOutcome && (
        <>
          <label htmlFor="log-decision">Which decision did you tell them?</label>
          {decisions.length === 0 ? (
            <p className="meta" id="log-decision">
              No decision is recorded yet: record it in Decide first, then log the call.
            </p>
          ) : (
            <select id="log-decision" value={decisionId} onChange={(e) => setDecisionId(e.target.value)}>
              {decisions.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.outcome} ({when(d.decidedAt)})
                </option>
              ))}
            </select>
          )}
        </>
      )}
      <label htmlFor="log-summary">
        {tellsOutcome
          ? note && !skipNote
            ? 'What you said (a short summary, at least 20 characters; it ends the written note they receive)'
            : 'What you said (a short summary, at least 20 characters)'
          : 'Summary'}
      </label>
      <textarea id="log-summary" value={summary} onChange={(e) => setSummary(e.target.value)} />
      {tellsOutcome && (
        <>
          <label className="choice">
            <input type="checkbox" checked={skipNote} onChange={(e) => setSkipNote(e.target.checked)} /> Do
            not send the written note after the call
          </label>
          {skipNote && (
            <>
              <label htmlFor="log-skip-reason">Why not (recorded)</label>
              <input
                id="log-skip-reason"
                value={skipReason}
                onChange={(e) => setSkipReason(e.target.value)}
              />
            </>
          )}
        </>
      )}
      {confirming ? (
        <div role="group" aria-label="Confirm the call" className="card">
          <p>
            You are recording that you told {candidateName}:{' '}
            {OUTCOME_WORDS[chosen?.outcome ?? ''] ?? 'the outcome'}. This marks the promise to them kept.{' '}
            {planned} You can undo this for a few minutes.
          </p>
          <button type="submit">Confirm: log the call</button>{' '}
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Go back
          </button>
        </div>
      ) : (
        <button type="submit">Log it</button>
      )}
      <Alerts notice={message} />
      {logged?.undoUntil && (
        <button type="button" className="secondary" onClick={() => void undo()}>
          Undo (until {when(logged.undoUntil)})
        </button>
      )}
      <Alerts error={error} />
    </form>
  );
}

/** A saved scorecard as the API answers it. */
interface SavedFeedback {
  interviewerId: string;
  recommendation: string;
  ratings: Record<string, number>;
  notes: string;
  submittedAt: string;
  version: number;
}

/** A draft scorecard as the API answers it: the author's alone. */
interface DraftFeedback {
  recommendation: string | null;
  ratings: Record<string, number>;
  notes: string;
  baseVersion: number;
  savedAt: string;
}

/** What is typed in a scorecard form and not saved yet, kept in the tab across a reload. */
interface UnsavedScorecard {
  recommendation: string;
  ratings: { communication: number; role_skills: number };
  notes: string;
}

const unsavedKey = (interviewId: string, memberId: string) => `hearback:scorecard:${interviewId}:${memberId}`;

function readUnsaved(key: string): UnsavedScorecard | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as UnsavedScorecard) : null;
  } catch {
    return null; // storage off or a value from another version: nothing to restore
  }
}

function writeUnsaved(key: string, value: UnsavedScorecard | null): void {
  try {
    if (value) sessionStorage.setItem(key, JSON.stringify(value));
    else sessionStorage.removeItem(key);
  } catch {
    // Storage off (private mode, quota): the form still works, only a reload loses unsaved text.
  }
}

const ratingsOf = (r: Record<string, number>) => ({
  communication: r.communication ?? 3,
  role_skills: r.role_skills ?? 3,
});

/**
 * One interviewer's scorecard for one interview: it opens with their draft, else what they
 * submitted last. "Save draft" keeps it for them alone (not feedback given yet); submitting adds a
 * version (the earlier ones are kept) — never overwriting a save they have not seen. Text not yet
 * saved survives a reload of the tab, and a refused save keeps it with the reason.
 */
export function FeedbackForm({
  interviewId,
  title,
  memberId,
  onSaved,
}: {
  interviewId: string;
  title: string;
  memberId: string;
  onSaved: () => void;
}) {
  const [recommendation, setRecommendation] = useState('');
  const [notes, setNotes] = useState('');
  const [ratings, setRatings] = useState({ communication: 3, role_skills: 3 });
  const [saved, setSaved] = useState<SavedFeedback | null>(null);
  const [draft, setDraft] = useState<DraftFeedback | null>(null);
  const [dirty, setDirty] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const id = `fb-${interviewId}`;
  const storageKey = unsavedKey(interviewId, memberId);

  const fill = (f: { recommendation: string | null; ratings: Record<string, number>; notes: string }) => {
    setRecommendation(f.recommendation ?? '');
    setNotes(f.notes);
    setRatings(ratingsOf(f.ratings));
  };

  const loadSaved = useCallback(
    async (keepUnsaved: boolean) => {
      try {
        const mine = await api<{ draft: DraftFeedback | null; submitted: SavedFeedback | null }>(
          'GET',
          `/interviews/${interviewId}/feedback/mine`,
        );
        setSaved(mine.submitted);
        setDraft(mine.draft);
        const unsaved = keepUnsaved ? readUnsaved(storageKey) : null;
        if (unsaved) {
          // What was typed and never saved is newer than anything stored: it wins, and says so.
          fill(unsaved);
          setDirty(true);
          setMessage('Restored what you typed before the page reloaded. It is not saved yet.');
        } else {
          const from = mine.draft ?? mine.submitted;
          if (from) fill(from);
          setDirty(false);
          if (!keepUnsaved) writeUnsaved(storageKey, null);
        }
        setError('');
        setLoaded(true);
      } catch (e) {
        setError(messageOf(e, 'Could not load your saved feedback.'));
      }
    },
    [interviewId, storageKey],
  );
  useEffect(() => {
    void loadSaved(true);
  }, [loadSaved]);
  useEffect(() => {
    if (dirty) writeUnsaved(storageKey, { recommendation, ratings, notes });
  }, [dirty, storageKey, recommendation, ratings, notes]);

  function edited() {
    setDirty(true);
    setMessage('');
  }

  async function saveDraft() {
    setError('');
    setMessage('');
    try {
      const r = await api<DraftFeedback>('PUT', `/interviews/${interviewId}/feedback/draft`, {
        recommendation: recommendation || null,
        ratings,
        notes,
        baseVersion: saved?.version ?? 0,
      });
      setDraft(r);
      setDirty(false);
      writeUnsaved(storageKey, null);
      setMessage('Draft saved. Only you can see it; it is not submitted.');
    } catch (e) {
      // What was typed stays in the form (and in the tab), with the reason.
      setError(e instanceof ApiError ? e.message : 'Could not save the draft.');
    }
  }

  async function submit() {
    setError('');
    setMessage('');
    if (!recommendation) {
      setError('Choose a recommendation before submitting. Your text is kept; you can also save a draft.');
      return;
    }
    try {
      const r = await api<SavedFeedback>('POST', `/interviews/${interviewId}/feedback`, {
        recommendation,
        ratings,
        notes,
        baseVersion: saved?.version ?? 0,
      });
      setSaved(r);
      setDraft(null);
      setDirty(false);
      writeUnsaved(storageKey, null);
      setMessage(r.version > 1 ? `Feedback submitted as version ${r.version}.` : 'Feedback submitted.');
      onSaved();
    } catch (e) {
      // What was typed stays in the form; the author reloads the newer save deliberately.
      setError(e instanceof ApiError ? e.message : 'Could not save the feedback.');
    }
  }
  if (!loaded && !error) return <p role="status">Loading your feedback on “{title}”…</p>;
  return (
    <form
      className="card"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${id}-h`} style={{ margin: 0 }}>
        Your feedback on “{title}”
      </h3>
      <p className="meta">
        {saved
          ? `Submitted ${when(saved.submittedAt)} (version ${saved.version}). Submitting again keeps this version.`
          : 'Not submitted yet.'}
        {draft && ` Draft saved ${when(draft.savedAt)}: only you can see it until you submit it.`}
      </p>
      <label htmlFor={`${id}-rec`}>Recommendation</label>
      <select
        id={`${id}-rec`}
        value={recommendation}
        onChange={(e) => {
          setRecommendation(e.target.value);
          edited();
        }}
      >
        <option value="">Not chosen yet</option>
        <option value="strong_yes">Strong yes</option>
        <option value="yes">Yes</option>
        <option value="no">No</option>
        <option value="strong_no">Strong no</option>
      </select>
      {(Object.keys(ratings) as (keyof typeof ratings)[]).map((k) => (
        <div key={k}>
          <label htmlFor={`${id}-${k}`}>{k === 'role_skills' ? 'Role skills' : 'Communication'} (1–5)</label>
          <input
            id={`${id}-${k}`}
            type="number"
            min={1}
            max={5}
            value={ratings[k]}
            onChange={(e) => {
              setRatings({ ...ratings, [k]: Number(e.target.value) });
              edited();
            }}
          />
        </div>
      ))}
      <label htmlFor={`${id}-notes`}>Notes (internal; never shown to the candidate)</label>
      <textarea
        id={`${id}-notes`}
        value={notes}
        onChange={(e) => {
          setNotes(e.target.value);
          edited();
        }}
      />
      <button type="submit">{saved ? 'Submit a new version' : 'Submit feedback'}</button>{' '}
      <button type="button" className="secondary" onClick={() => void saveDraft()}>
        Save draft
      </button>
      {error && saved && (
        <button type="button" className="secondary" onClick={() => void loadSaved(false)}>
          Load the latest saved version
        </button>
      )}
      <Alerts notice={message} />
      <Alerts error={error} />
    </form>
  );
}

/**
 * "Invite to stay in touch": for a runner-up who was not selected, or whose role closed. The
 * candidate is emailed and answers on their status page; this panel shows where the invitation
 * stands (invited, opted in, declined). Refused input keeps its text, with the API's reason at the field.
 */
export function PoolInvitationPanel({
  applicationId,
  candidateId,
  candidateName,
  eligible,
}: {
  applicationId: string;
  candidateId: string;
  candidateName: string;
  /** Rejected, or the job closed: only then may they be invited. */
  eligible: boolean;
}) {
  const [membership, setMembership] = useState<PoolMembership | null | undefined>(undefined);
  const [defaults, setDefaults] = useState<{ cadenceDays: number; consentMonths: number } | null>(null);
  const [offer, setOffer] = useState('');
  const [tags, setTags] = useState('');
  const [cadence, setCadence] = useState('');
  const [months, setMonths] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setMembership(
        (await api<{ membership: PoolMembership }>('GET', `/talent-pool/${candidateId}`)).membership,
      );
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setMembership(null);
      else setError(messageOf(e, 'Could not load the talent pool.'));
    }
  }, [candidateId]);
  useEffect(() => {
    void load();
    // The policy's defaults, shown as the placeholders of what may be left empty.
    api<{ talentPool?: { cadenceDays: number; consentMonths: number } }>('GET', '/policy').then(
      (p) => setDefaults(p.talentPool ?? null),
      () => setDefaults(null),
    );
  }, [load]);

  async function invite() {
    setError('');
    setNotice('');
    setFieldErrors({});
    setBusy(true);
    try {
      const m = await api<PoolMembership>('POST', `/applications/${applicationId}/pool-invitation`, {
        offer,
        tags: parseTags(tags),
        ...(cadence.trim() !== '' && { cadenceDays: Number(cadence) }),
        ...(months !== '' && { consentMonths: Number(months) }),
      });
      setMembership(m);
      setNotice(`Invitation sent to ${candidateName}. They answer on their status page.`);
    } catch (e) {
      setFieldErrors(fieldErrorsOf(e));
      setError(messageOf(e, 'Could not send the invitation.'));
    } finally {
      setBusy(false);
    }
  }

  if (membership === undefined && !error) return null;
  const open = membership && ['invited', 'opted_in', 'declined'].includes(membership.status);
  if (!open && !eligible) return null;
  const err = (key: string) =>
    fieldErrors[key] ? (
      <p className="field-error" id={`pool-${key}-err`}>
        {fieldErrors[key]}
      </p>
    ) : null;
  const described = (key: string, hint?: string) => {
    const ids = [hint, fieldErrors[key] ? `pool-${key}-err` : undefined].filter(Boolean).join(' ');
    return { 'aria-invalid': fieldErrors[key] ? true : undefined, 'aria-describedby': ids || undefined };
  };
  return (
    <section className="card" aria-labelledby="h-pool">
      <h2 id="h-pool" style={{ marginTop: 0 }}>
        Stay in touch
      </h2>
      {membership && open ? (
        <div>
          <p className="pool-state">
            <strong>{membershipWords(membership)}</strong>
          </p>
          <p className="meta">
            What for: {membership.offer || 'future roles'}
            {membership.tags.length > 0 && <> · Tags: {membership.tags.join(', ')}</>} · Every{' '}
            {membership.cadenceDays} days
          </p>
          {membership.interests && <p className="meta">They want to hear about: {membership.interests}</p>}
          {membership.status === 'opted_in' && (
            <p>
              <a href={`#/talent-pool?candidate=${candidateId}`}>Open {candidateName} in the talent pool</a>
            </p>
          )}
        </div>
      ) : (
        <form
          aria-label="Invite to stay in touch"
          onSubmit={(e) => {
            e.preventDefault();
            void invite();
          }}
        >
          <p className="meta">
            {candidateName} was not selected, or the role closed. Invite them to hear about future roles: they
            choose on their status page, for how long, and nothing about them enters the pool until they say
            yes.
          </p>
          <label htmlFor="pool-offer">What will you keep them posted about?</label>
          <textarea
            id="pool-offer"
            value={offer}
            maxLength={500}
            onChange={(e) => setOffer(e.target.value)}
            placeholder="Senior sales roles in London over the next year"
            {...described('offer')}
          />
          {err('offer')}
          <label htmlFor="pool-tags">Tags (comma-separated, for your search)</label>
          <input
            id="pool-tags"
            value={tags}
            onChange={(e) => setTags(e.target.value)}
            placeholder="sales, london"
            {...described('tags')}
          />
          {err('tags')}
          <div className="row pool-numbers">
            <div>
              <label htmlFor="pool-cadence">Stay in touch every (days)</label>
              <input
                id="pool-cadence"
                inputMode="numeric"
                value={cadence}
                onChange={(e) => setCadence(e.target.value)}
                placeholder={defaults ? `${defaults.cadenceDays} (the policy’s)` : 'the policy’s'}
                {...described('cadenceDays')}
              />
              {err('cadenceDays')}
            </div>
            <div>
              <label htmlFor="pool-months">Suggested consent (months)</label>
              <select
                id="pool-months"
                value={months}
                onChange={(e) => setMonths(e.target.value)}
                {...described('consentMonths', 'pool-months-hint')}
              >
                <option value="">
                  {defaults ? `${defaults.consentMonths} (the policy’s)` : 'The policy’s'}
                </option>
                {[3, 6, 12, 24, 36].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
              <p className="meta" id="pool-months-hint" style={{ margin: '0.25rem 0 0' }}>
                The candidate chooses; this is offered first.
              </p>
              {err('consentMonths')}
            </div>
          </div>
          <div className="row">
            <button type="submit" disabled={busy}>
              Invite to stay in touch
            </button>
          </div>
        </form>
      )}
      <Alerts error={error} notice={notice} />
    </section>
  );
}
