import type React from 'react';
import { useEffect, useRef, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { api, ApiError, messageOf } from './api.ts';
import { when } from './format.ts';

interface Finding {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  excerpt?: string;
  /** The span the finding is about, as offsets into the checked text. */
  start?: number;
  end?: number;
  /** One thing to write instead, or to add. */
  suggestion?: string;
}
interface Check {
  elements: Record<string, boolean>;
  findings: Finding[];
}
interface Message {
  id: string;
  kind: string;
  audience: string;
  toName: string;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  status: string;
  scheduledFor: string | null;
  scheduledBecause: string | null;
  createdAt: string;
  checkKind?: string | null;
  check: (Check & { blocking: boolean }) | null;
}

const ELEMENT_WORDS: Record<string, string> = {
  not_selected: 'Says they were not selected',
  reason: 'Gives a specific reason',
  recommendation: 'Recommends something for the future',
  good_luck: 'Thanks them and wishes them well',
  stay_in_touch: 'Invites them to stay in touch',
  next_steps: 'Describes the next steps',
  who: 'Says whom they will meet or hear from',
  timeline: 'Gives a timeline',
  still_deciding: 'Says the decision is still being made',
  new_date: 'Gives a new date',
};

/** Why a message goes at its time, as the API says it (`scheduledBecause`), in words. */
const SCHEDULED_BECAUSE: Record<string, string> = {
  immediately: 'as soon as it can',
  undo_window: 'after the undo window',
  send_delay: 'after the wait your policy sets after a decision',
  phone_first_wait: 'after a business day for your call: final-stage candidates hear by phone first',
  requested_time: 'at the time you chose',
  candidate_business_hours: 'in the candidate’s business hours',
  team_business_hours: 'in the team’s business hours',
  retry_backoff: 'on a retry after a failed delivery',
};
/** The text with each finding's span marked, for the "where" view beside the checks. */
function markedText(text: string, findings: Finding[]) {
  const spans = findings
    .filter((f) => f.start !== undefined && f.end !== undefined && f.end <= text.length && f.start < f.end)
    .sort((a, b) => a.start! - b.start!);
  const parts: React.ReactNode[] = [];
  let at = 0;
  spans.forEach((f, i) => {
    if (f.start! < at) return; // overlapping spans: the first one is marked
    parts.push(text.slice(at, f.start));
    parts.push(
      <mark key={i} className={f.severity === 'error' ? 'error' : 'warning'} title={f.message}>
        {text.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end!;
  });
  parts.push(text.slice(at));
  return parts;
}

const CHECK_KIND: Record<string, 'rejection' | 'advance' | 'update'> = {
  reject: 'rejection',
  advance: 'advance',
  offer: 'advance',
  hold: 'update',
};

/** Decide, then compose the candidate's message with the checks beside it, and send (with an undo). */
export function Composer({
  applicationId,
  candidateTimeZone,
  initialOutcome,
  onChange,
}: {
  applicationId: string;
  candidateTimeZone: string | null;
  /** Preselect an outcome, e.g. `hold` when the follow-up queue asks for an update. */
  initialOutcome?: string | undefined;
  onChange: () => void;
}) {
  const [outcome, setOutcome] = useState(initialOutcome ?? 'reject');
  const [reasons, setReasons] = useState('');
  const [recommendation, setRecommendation] = useState('');
  const [draft, setDraft] = useState<Message | null>(null);
  const [body, setBody] = useState('');
  const [check, setCheck] = useState<(Check & { text: string }) | null>(null);
  const [checkError, setCheckError] = useState('');
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [override, setOverride] = useState('');
  const [sent, setSent] = useState<Message | null>(null);
  const [script, setScript] = useState<string[] | null>(null);
  const [error, setError] = useState('');
  const [html, setHtml] = useState('');
  const [saved, setSaved] = useState('');
  const [schedule, setSchedule] = useState<'asap' | 'later'>('asap');
  const [sendAtLocal, setSendAtLocal] = useState('');
  const [busy, setBusy] = useState(false);
  const lastSaved = useRef('');
  // Set once this composer has a draft of its own (decided here, or typed in): a slow first load
  // arriving after that must not replace it with the server's older copy.
  const ownDraft = useRef(false);
  // Set once the member picks an outcome: a slow first load must not change it under them.
  const outcomeChosen = useRef(false);

  // A draft saved earlier (by this composer or a job's close-out) is picked up where it was left,
  // and a message already scheduled shows as scheduled (with its undo), not as a blank form.
  useEffect(() => {
    let live = true;
    Promise.all([
      api<{ items: Message[] }>('GET', `/messages?applicationId=${applicationId}&limit=50`),
      api<{ items: { outcome: string }[] }>('GET', `/applications/${applicationId}/decisions?limit=200`),
    ]).then(
      ([messages, decisions]) => {
        const m = messages.items
          .filter(
            (x) =>
              x.audience === 'candidate' &&
              (x.kind === 'outcome' || x.kind === 'update') &&
              (x.status === 'draft' || x.status === 'scheduled'),
          )
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
        if (!live || !m || ownDraft.current) return;
        const last = decisions.items.at(-1)?.outcome;
        if (last && !outcomeChosen.current) setOutcome(last);
        if (m.status === 'scheduled') {
          setSent(m);
          return;
        }
        setDraft(m);
        setBody(m.bodyText);
        setHtml(m.bodyHtml);
        lastSaved.current = m.bodyText;
      },
      () => undefined, // nothing saved to show: the decision form is the start
    );
    return () => {
      live = false;
    };
  }, [applicationId]);

  // The draft is saved as it is typed: a reload or a failed send loses nothing, and the HTML
  // preview is the server's rendering, exactly what the candidate will receive.
  useEffect(() => {
    if (!draft || body === lastSaved.current || !body.trim()) return;
    const timer = setTimeout(() => {
      api<Message>('PATCH', `/messages/${draft.id}`, { bodyText: body }).then(
        (m) => {
          lastSaved.current = m.bodyText;
          setHtml(m.bodyHtml);
          setSaved('Draft saved.');
        },
        (e: unknown) => setSaved(messageOf(e, 'The draft could not be saved; your text is still here.')),
      );
    }, 600);
    return () => clearTimeout(timer);
  }, [body, draft]);

  useEffect(() => {
    if (!draft) return;
    // Answers can arrive out of order on a slow connection: only the check of the text on screen
    // may show (a stale "Must fix" would keep Send disabled after the fix was typed).
    let current = true;
    let attempts = 0;
    let timer: ReturnType<typeof setTimeout>;
    // A check that failed (a busy server, a dropped connection) is tried again: otherwise the
    // findings on screen would stay those of an older text, and Send with them.
    const run = () => {
      api<Check>('POST', '/messages/check', { kind: CHECK_KIND[outcome], text: body }).then(
        (c) => {
          if (!current) return;
          setCheck({ ...c, text: body });
          setCheckError('');
        },
        (e: unknown) => {
          if (!current) return;
          attempts += 1;
          setCheckError(messageOf(e, 'The checks could not run.'));
          if (attempts < 4) timer = setTimeout(run, 1000 * attempts);
        },
      );
    };
    timer = setTimeout(run, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [body, draft, outcome]);

  async function decide() {
    setError('');
    try {
      await api('POST', `/applications/${applicationId}/decisions`, {
        outcome,
        reasons: reasons
          .split('\n')
          .map((r) => r.trim())
          .filter(Boolean),
        ...(recommendation.trim() && { recommendation: recommendation.trim() }),
      });
      const d = await api<Message>('POST', `/applications/${applicationId}/messages`);
      ownDraft.current = true;
      setDraft(d);
      setBody(d.bodyText);
      setHtml(d.bodyHtml);
      lastSaved.current = d.bodyText;
      onChange();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not record the decision.');
    }
  }

  const sendAt = schedule === 'later' && sendAtLocal ? new Date(sendAtLocal) : null;

  async function send() {
    if (!draft) return;
    setError('');
    if (schedule === 'later' && (!sendAt || Number.isNaN(sendAt.getTime()))) {
      setError('Pick a date and time to send it, or choose “as soon as possible”.');
      return;
    }
    setBusy(true);
    try {
      if (body !== lastSaved.current) {
        await api('PATCH', `/messages/${draft.id}`, { bodyText: body });
        lastSaved.current = body;
      }
      const r = await api<{ message: Message; callScript: string[] | null }>(
        'POST',
        `/messages/${draft.id}/send`,
        {
          ...(sendAt && { sendAt: sendAt.toISOString() }),
          ...(override.trim() && { override: { reason: override.trim() } }),
        },
      );
      setSent(r.message);
      setScript(r.callScript);
      onChange();
    } catch (e) {
      setError(messageOf(e, 'Could not send.')); // the text, the schedule and the override stay
    } finally {
      setBusy(false);
    }
  }

  async function undo() {
    if (!sent) return;
    try {
      // Back to the composer with the text: the draft and its one decision stay.
      const d = await api<Message>('POST', `/messages/${sent.id}/undo`, {});
      setSent(null);
      setScript(null);
      ownDraft.current = true;
      setDraft(d);
      setBody(d.bodyText);
      setHtml(d.bodyHtml);
      lastSaved.current = d.bodyText;
      onChange();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Too late to undo.');
    }
  }

  if (sent) {
    return (
      <section className="card" aria-labelledby="h-sent">
        <h3 id="h-sent" style={{ margin: 0 }}>
          Scheduled
        </h3>
        <p role="status">
          “{sent.subject}” goes out {sent.scheduledFor ? when(sent.scheduledFor) : 'soon'}
          {sent.scheduledFor && candidateTimeZone && (
            <> ({when(sent.scheduledFor, candidateTimeZone)} for the candidate)</>
          )}
          {sent.scheduledBecause && SCHEDULED_BECAUSE[sent.scheduledBecause]
            ? `: ${SCHEDULED_BECAUSE[sent.scheduledBecause]}.`
            : '.'}
        </p>
        {script && (
          <>
            <h4>Call first — the written note follows a business day later, after your call</h4>
            <ol>
              {script.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ol>
          </>
        )}
        <button className="secondary" onClick={() => void undo()}>
          Undo
        </button>
        <Alerts error={error} />
      </section>
    );
  }

  const errors = check?.findings.filter((f) => f.severity === 'error') ?? [];
  // Spans point into the text that was checked; while the check catches up they are not shown.
  const fresh = check !== null && check.text === body;

  /** Select a finding's span in the message, so it can be rewritten in place. */
  function showInText(f: Finding) {
    const el = bodyRef.current;
    if (!el || f.start === undefined || f.end === undefined) return;
    el.focus();
    el.setSelectionRange(f.start, f.end);
  }

  /** Insert a suggested sentence at the cursor (for a missing part). */
  function insertSuggestion(text: string) {
    const el = bodyRef.current;
    const at = el ? el.selectionEnd : body.length;
    const before = body.slice(0, at);
    const sep = before === '' || /\s$/.test(before) ? '' : ' ';
    setBody(`${before}${sep}${text} ${body.slice(at)}`.replace(/ $/, ''));
  }
  return (
    <section className="card" aria-labelledby="h-decide">
      <h3 id="h-decide" style={{ margin: 0 }}>
        Decide and tell the candidate
      </h3>
      {!draft ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void decide();
          }}
        >
          <label htmlFor="outcome">Outcome</label>
          <select
            id="outcome"
            value={outcome}
            onChange={(e) => {
              outcomeChosen.current = true;
              setOutcome(e.target.value);
            }}
          >
            <option value="reject">Reject</option>
            <option value="advance">Advance</option>
            <option value="offer">Offer</option>
            <option value="hold">Hold (still deciding)</option>
          </select>
          <label htmlFor="reasons">Why, specifically (one reason per line)</label>
          <textarea id="reasons" value={reasons} onChange={(e) => setReasons(e.target.value)} />
          <label htmlFor="recommendation">A recommendation for the future (optional)</label>
          <input
            id="recommendation"
            value={recommendation}
            onChange={(e) => setRecommendation(e.target.value)}
          />
          <button type="submit">Record the decision and draft the message</button>
        </form>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <p className="meta">Subject: {draft.subject}</p>
          <label htmlFor="body">Message to the candidate</label>
          <textarea
            id="body"
            ref={bodyRef}
            style={{ minHeight: '16rem' }}
            value={body}
            onChange={(e) => {
              ownDraft.current = true;
              setBody(e.target.value);
            }}
          />
          <div aria-live="polite">
            {checkError && (
              <p className="warning">
                The checks could not run on this text ({checkError}); they run again as you edit.
              </p>
            )}
            {check && (
              <ul aria-label="Checks">
                {Object.entries(check.elements).map(([k, ok]) => (
                  <li key={k}>
                    {ok ? '✓' : '✗'} {ELEMENT_WORDS[k] ?? k}
                  </li>
                ))}
              </ul>
            )}
            {check?.findings.map((f) => (
              <div key={`${f.code}-${f.start ?? ''}-${f.message}`} className="finding">
                <p className={f.severity === 'error' ? 'error' : 'warning'}>
                  {f.severity === 'error' ? 'Must fix: ' : 'Consider: '}
                  {f.message}
                </p>
                {f.suggestion && <p className="meta">Suggestion: {f.suggestion}</p>}
                {fresh && f.start !== undefined && (
                  <button type="button" className="secondary" onClick={() => showInText(f)}>
                    Show “{f.excerpt ?? 'it'}” in the message
                  </button>
                )}
                {f.start === undefined && f.suggestion && !f.suggestion.includes('…') && (
                  <button type="button" className="secondary" onClick={() => insertSuggestion(f.suggestion!)}>
                    Add this sentence
                  </button>
                )}
              </div>
            ))}
            {fresh && check.findings.some((f) => f.start !== undefined) && (
              <details open>
                <summary>Where the checks point</summary>
                <p className="marked" style={{ whiteSpace: 'pre-wrap' }}>
                  {markedText(body, check.findings)}
                </p>
              </details>
            )}
          </div>
          <p className="meta" role="status">
            {saved}
          </p>
          <details className="html-preview" open>
            <summary>Preview as the candidate will see it</summary>
            <p className="meta">
              To {draft.toName} · Subject: {draft.subject}
            </p>
            {/* sandbox="" : the email's HTML runs no script and reaches nothing of this page. */}
            <iframe title="The email as the candidate will see it" sandbox="" srcDoc={html} />
          </details>
          {errors.length > 0 && (
            <>
              <label htmlFor="override">Or send anyway, with a reason (recorded)</label>
              <input id="override" value={override} onChange={(e) => setOverride(e.target.value)} />
            </>
          )}
          <fieldset>
            <legend>When</legend>
            <label className="choice">
              <input
                type="radio"
                name="schedule"
                value="asap"
                checked={schedule === 'asap'}
                onChange={() => setSchedule('asap')}
              />
              As soon as possible (after the undo window, in the candidate’s business hours)
            </label>
            <label className="choice">
              <input
                type="radio"
                name="schedule"
                value="later"
                checked={schedule === 'later'}
                onChange={() => setSchedule('later')}
              />
              Schedule it
            </label>
            {schedule === 'later' && (
              <>
                <label htmlFor="send-at">Send at (your time)</label>
                <input
                  id="send-at"
                  type="datetime-local"
                  value={sendAtLocal}
                  onChange={(e) => setSendAtLocal(e.target.value)}
                  aria-describedby="send-at-candidate"
                />
                <p id="send-at-candidate" className="meta">
                  {sendAt && !Number.isNaN(sendAt.getTime())
                    ? candidateTimeZone
                      ? `That is ${when(sendAt.toISOString(), candidateTimeZone)} for the candidate (${candidateTimeZone}).`
                      : 'The candidate’s time zone is not known; it goes in the team’s business hours.'
                    : 'Pick a date and time.'}{' '}
                  Outside their business hours, it waits for the next business morning.
                </p>
              </>
            )}
          </fieldset>
          <button type="submit" disabled={busy || (errors.length > 0 && !override.trim())}>
            {schedule === 'later' ? 'Schedule' : 'Send'}
          </button>
        </form>
      )}
      <Alerts error={error} />
    </section>
  );
}
