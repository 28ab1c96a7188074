import { useState } from 'react';
import { client, dataOf, messageOf, type Answer, type Schema } from './api.ts';

/** A drafted message, as the "to send" list shows it. */
export type Draft = Schema<'Message'>;

/** Drafts shown together under a heading: a stage of a job being closed, or a job. */
export interface DraftGroup {
  key: string;
  title: string;
  drafts: Draft[];
}

/** The texts edited here (unsaved) and the refusals, by draft; `save` keeps a refused text. */
function useDraftEdits() {
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [refused, setRefused] = useState<Record<string, string>>({});

  async function save(d: Draft): Promise<boolean> {
    const bodyText = texts[d.id];
    if (bodyText === undefined || bodyText === d.bodyText) return true;
    try {
      await client.PATCH('/api/v1/messages/{id}', { params: { path: { id: d.id } }, body: { bodyText } });
      return true;
    } catch (e) {
      // The typed text stays in the box; the reason is shown beside it.
      setRefused((r) => ({ ...r, [d.id]: messageOf(e, 'Could not save the changes.') }));
      return false;
    }
  }

  const edit = (id: string, text: string) => setTexts((t) => ({ ...t, [id]: text }));
  return { texts, setTexts, refused, setRefused, save, edit };
}

/** A bulk send's answer: the messages scheduled, and the reason for each refused, by draft. */
function outcomesOf(results: Answer<'/api/v1/messages/send', 'post'>['results']) {
  const refused: Record<string, string> = {};
  const done: Draft[] = [];
  for (const result of results) {
    if (result.outcome === 'scheduled') done.push(result.message);
    else refused[result.id] = result.reason;
  }
  return { done, refused };
}

/**
 * The review of `given` drafts: which are selected, the edited texts, what was refused and why,
 * what was scheduled (and can be undone), and the actions. A refused edit or send keeps its text.
 */
export function useDraftReview(given: DraftGroup[], onChanged: () => void) {
  const [unselected, setUnselected] = useState<Set<string>>(new Set());
  const [scheduled, setScheduled] = useState<Draft[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const { texts, setTexts, refused, setRefused, save, edit } = useDraftEdits();
  // What was scheduled here is no longer a draft, whether or not the caller reloads its list.
  const gone = new Set(scheduled.map((m) => m.id));
  const groups = given.map((g) => ({ ...g, drafts: g.drafts.filter((d) => !gone.has(d.id)) }));
  const all = groups.flatMap((g) => g.drafts);
  const selected = all.filter((d) => !unselected.has(d.id));

  function toggle(id: string, on: boolean) {
    const next = new Set(unselected);
    if (on) next.delete(id);
    else next.add(id);
    setUnselected(next);
  }

  async function saveOne(d: Draft) {
    setError('');
    if (await save(d)) {
      setTexts(({ [d.id]: _saved, ...rest }) => rest);
      setNotice(`Changes to ${d.toName}'s message saved.`);
      onChanged();
    }
  }

  async function sendSelected() {
    setBusy(true);
    setError('');
    setNotice('');
    try {
      const ids: string[] = [];
      for (const d of selected) if (await save(d)) ids.push(d.id);
      if (ids.length === 0) return;
      const r = await dataOf(client.POST('/api/v1/messages/send', { body: { ids } }));
      const { done, refused: nextRefused } = outcomesOf(r.results);
      setRefused(nextRefused);
      setScheduled((s) => [...done, ...s]);
      setTexts((t) => Object.fromEntries(Object.entries(t).filter(([id]) => id in nextRefused)));
      const refusedCount = Object.keys(nextRefused).length;
      setNotice(
        `${done.length} message(s) scheduled; each can still be undone until it goes.` +
          (refusedCount > 0 ? ` ${refusedCount} not sent: see why below; the text is kept.` : ''),
      );
      onChanged();
    } catch (e) {
      setError(messageOf(e, 'Could not send the messages.'));
    } finally {
      setBusy(false);
    }
  }

  async function undo(m: Draft) {
    setError('');
    try {
      const draft = await dataOf(
        client.POST('/api/v1/messages/{id}/undo', { params: { path: { id: m.id } } }),
      );
      // Back to a draft with the text that was sent, edits included.
      setTexts((t) => ({ ...t, [m.id]: draft.bodyText }));
      setScheduled((s) => s.filter((x) => x.id !== m.id));
      setNotice(`The message to ${m.toName} is a draft again.`);
      onChanged();
    } catch (e) {
      setError(messageOf(e, 'Could not undo the send.'));
    }
  }

  return {
    ...{ groups, all, selected, unselected, texts, refused, scheduled, busy, error, notice },
    ...{ toggle, edit, saveOne, sendSelected, undo },
  };
}
