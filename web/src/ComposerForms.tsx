import { useRef, useState, type MutableRefObject } from 'react';
import { useComposeSend } from './compose-send.ts';
import { client, dataOf, messageOf, type Schema } from './api.ts';
import { ComposerChecks, type CheckedText } from './ComposerChecks.tsx';
import { ComposerWhen } from './ComposerWhen.tsx';
import type { Outcome } from './composer-hooks.ts';

type Message = Schema<'Message'>;
type Finding = Schema<'Finding'>;

/** The decision: an outcome, the reasons and a recommendation; recording it drafts the message. */
export function DecisionForm({
  applicationId,
  outcome,
  onOutcome,
  onDrafted,
  setError,
}: {
  applicationId: string;
  outcome: Outcome;
  onOutcome: (o: Outcome) => void;
  onDrafted: (d: Message) => void;
  setError: (e: string) => void;
}) {
  const [reasons, setReasons] = useState('');
  const [recommendation, setRecommendation] = useState('');

  async function decide() {
    setError('');
    try {
      await client.POST('/api/v1/applications/{id}/decisions', {
        params: { path: { id: applicationId } },
        body: {
          outcome,
          reasons: reasons
            .split('\n')
            .map((r) => r.trim())
            .filter(Boolean),
          ...(recommendation.trim() && { recommendation: recommendation.trim() }),
        },
      });
      onDrafted(
        await dataOf(
          client.POST('/api/v1/applications/{id}/messages', { params: { path: { id: applicationId } } }),
        ),
      );
    } catch (e) {
      setError(messageOf(e, 'Could not record the decision.'));
    }
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void decide();
      }}
    >
      <label htmlFor="outcome">Outcome</label>
      <select id="outcome" value={outcome} onChange={(e) => onOutcome(e.target.value as Outcome)}>
        <option value="reject">Reject</option>
        <option value="advance">Advance</option>
        <option value="offer">Offer</option>
        <option value="hold">Hold (still deciding)</option>
      </select>
      <label htmlFor="reasons">Why, specifically (one reason per line)</label>
      <textarea id="reasons" value={reasons} onChange={(e) => setReasons(e.target.value)} />
      <label htmlFor="recommendation">A recommendation for the future (optional)</label>
      <input id="recommendation" value={recommendation} onChange={(e) => setRecommendation(e.target.value)} />
      <button type="submit">Record the decision and draft the message</button>
    </form>
  );
}

/** The HTML preview: the server's rendering, exactly what the candidate will receive. */
function HtmlPreview({ draft, html }: { draft: Message; html: string }) {
  return (
    <details className="html-preview" open>
      <summary>Preview as the candidate will see it</summary>
      <p className="meta">
        To {draft.toName} · Subject: {draft.subject}
      </p>
      {/* sandbox="" : the email's HTML runs no script and reaches nothing of this page. */}
      <iframe title="The email as the candidate will see it" sandbox="" srcDoc={html} />
    </details>
  );
}

/** Insert `text` at `at` in `body`, with a space before it when the text there does not end in one. */
function withSentence(body: string, at: number, text: string): string {
  const before = body.slice(0, at);
  const sep = before === '' || /\s$/.test(before) ? '' : ' ';
  return `${before}${sep}${text} ${body.slice(at)}`.replace(/ $/, '');
}

/** The message with its checks beside it, when to send it, and send (an override needs a reason). */
export function ComposeForm(props: {
  draft: Message;
  body: string;
  onBody: (body: string) => void;
  setBody: (body: string) => void;
  html: string;
  saved: string;
  lastSaved: MutableRefObject<string>;
  check: CheckedText | null;
  checkError: string;
  candidateTimeZone: string | null;
  onSent: (r: { message: Message; callScript: string[] | null }) => void;
  setError: (e: string) => void;
}) {
  const { draft, body, onBody, check, candidateTimeZone, setError } = props;
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const { override, setOverride, schedule, setSchedule, sendAtLocal, setSendAtLocal, sendAt, busy, send } =
    useComposeSend({ draft, body, lastSaved: props.lastSaved, onSent: props.onSent, setError });
  const errors = check?.findings.filter((f) => f.severity === 'error') ?? [];

  /** Select a finding's span in the message, so it can be rewritten in place. */
  function showInText(f: Finding) {
    const el = bodyRef.current;
    if (!el || f.start === undefined || f.end === undefined) return;
    el.focus();
    el.setSelectionRange(f.start, f.end);
  }

  return (
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
        onChange={(e) => onBody(e.target.value)}
      />
      <ComposerChecks
        check={check}
        checkError={props.checkError}
        body={body}
        onShow={showInText}
        // A suggested sentence for a missing part goes in at the cursor.
        onInsert={(text) =>
          props.setBody(withSentence(body, bodyRef.current?.selectionEnd ?? body.length, text))
        }
      />
      <p className="meta" role="status">
        {props.saved}
      </p>
      <HtmlPreview draft={draft} html={props.html} />
      {errors.length > 0 && (
        <>
          <label htmlFor="override">Or send anyway, with a reason (recorded)</label>
          <input id="override" value={override} onChange={(e) => setOverride(e.target.value)} />
        </>
      )}
      <ComposerWhen
        schedule={schedule}
        setSchedule={setSchedule}
        sendAtLocal={sendAtLocal}
        setSendAtLocal={setSendAtLocal}
        sendAt={sendAt}
        candidateTimeZone={candidateTimeZone}
      />
      <button type="submit" disabled={busy || (errors.length > 0 && !override.trim())}>
        {schedule === 'later' ? 'Schedule' : 'Send'}
      </button>
    </form>
  );
}
