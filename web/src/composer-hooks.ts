import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import { client, dataOf, messageOf, type Body, type Schema } from './api.ts';
import type { CheckedText } from './ComposerChecks.tsx';

type Message = Schema<'Message'>;

/** A decision's outcome, as the API takes it. */
export type Outcome = Body<'/api/v1/applications/{id}/decisions', 'post'>['outcome'];

const CHECK_KIND: Record<Outcome, 'rejection' | 'advance' | 'update'> = {
  reject: 'rejection',
  advance: 'advance',
  offer: 'advance',
  hold: 'update',
};

/** The newest candidate-facing outcome or update message still a draft or scheduled, if any. */
function latestOpenDraft(messages: Message[]): Message | undefined {
  return messages
    .filter(
      (x) =>
        x.audience === 'candidate' &&
        (x.kind === 'outcome' || x.kind === 'update') &&
        (x.status === 'draft' || x.status === 'scheduled'),
    )
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

/** What the draft hooks share: the composer's draft state and its setters. */
interface DraftState {
  lastSaved: MutableRefObject<string>;
  ownDraft: MutableRefObject<boolean>;
  setDraft: (m: Message) => void;
  setBody: (body: string) => void;
  setHtml: (html: string) => void;
  setSaved: (words: string) => void;
  setSent: (m: Message) => void;
}

/**
 * A draft saved earlier (by this composer or a job's close-out) is picked up where it was left,
 * and a message already scheduled shows as scheduled (with its undo), not as a blank form.
 */
function useSavedDraftPickUp(
  applicationId: string,
  outcomeChosen: MutableRefObject<boolean>,
  setOutcome: (o: Outcome) => void,
  { lastSaved, ownDraft, setDraft, setBody, setHtml, setSent }: DraftState,
) {
  useEffect(() => {
    let live = true;
    Promise.all([
      dataOf(client.GET('/api/v1/messages', { params: { query: { applicationId, limit: 50 } } })),
      dataOf(
        client.GET('/api/v1/applications/{id}/decisions', {
          params: { path: { id: applicationId }, query: { limit: 200 } },
        }),
      ),
    ]).then(
      ([messages, decisions]) => {
        const m = latestOpenDraft(messages.items);
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
  }, [applicationId, outcomeChosen, setOutcome, lastSaved, ownDraft, setDraft, setBody, setHtml, setSent]);
}

/**
 * The draft is saved as it is typed: a reload or a failed send loses nothing, and the HTML
 * preview is the server's rendering, exactly what the candidate will receive.
 */
function useDraftAutosave(draft: Message | null, body: string, { lastSaved, setHtml, setSaved }: DraftState) {
  useEffect(() => {
    if (!draft || body === lastSaved.current || !body.trim()) return;
    const timer = setTimeout(() => {
      dataOf(
        client.PATCH('/api/v1/messages/{id}', {
          params: { path: { id: draft.id } },
          body: { bodyText: body },
        }),
      ).then(
        (m) => {
          lastSaved.current = m.bodyText;
          setHtml(m.bodyHtml);
          setSaved('Draft saved.');
        },
        (e: unknown) => setSaved(messageOf(e, 'The draft could not be saved; your text is still here.')),
      );
    }, 600);
    return () => clearTimeout(timer);
  }, [body, draft, lastSaved, setHtml, setSaved]);
}

/**
 * The composer's draft: one saved earlier is picked up where it was left (a scheduled one shows as
 * scheduled), and the text is saved as it is typed. `adopt` makes a draft from the server this
 * composer's own.
 */
export function useDraft(
  applicationId: string,
  outcomeChosen: MutableRefObject<boolean>,
  setOutcome: (o: Outcome) => void,
) {
  const [draft, setDraft] = useState<Message | null>(null);
  const [body, setBody] = useState('');
  const [html, setHtml] = useState('');
  const [saved, setSaved] = useState('');
  const [sent, setSent] = useState<Message | null>(null);
  const lastSaved = useRef('');
  // Set once this composer has a draft of its own (decided here, or typed in): a slow first load
  // arriving after that must not replace it with the server's older copy.
  const ownDraft = useRef(false);
  const state: DraftState = { lastSaved, ownDraft, setDraft, setBody, setHtml, setSaved, setSent };
  useSavedDraftPickUp(applicationId, outcomeChosen, setOutcome, state);
  useDraftAutosave(draft, body, state);

  const adopt = (d: Message) => {
    ownDraft.current = true;
    setDraft(d);
    setBody(d.bodyText);
    setHtml(d.bodyHtml);
    lastSaved.current = d.bodyText;
  };
  return { draft, body, setBody, html, saved, sent, setSent, adopt, lastSaved, ownDraft };
}

/** The checks of the text on screen, re-run as it changes (and retried when a run fails). */
export function useMessageCheck(draft: Message | null, body: string, outcome: Outcome) {
  const [check, setCheck] = useState<CheckedText | null>(null);
  const [checkError, setCheckError] = useState('');
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
      dataOf(client.POST('/api/v1/messages/check', { body: { kind: CHECK_KIND[outcome], text: body } })).then(
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
  return { check, checkError };
}
