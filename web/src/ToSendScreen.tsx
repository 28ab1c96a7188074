import { useCallback, useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { api, listAll, messageOf } from './api.ts';
import { when } from './format.ts';

/** A drafted message, as the "to send" list shows it. */
export interface Draft {
  id: string;
  applicationId: string | null;
  kind: string;
  toName: string;
  toAddress: string;
  subject: string;
  bodyText: string;
  status: string;
  scheduledFor: string | null;
  check: {
    blocking: boolean;
    findings: { code: string; severity: 'error' | 'warning' | 'info'; message: string }[];
  } | null;
}

/** Drafts shown together under a heading: a stage of a job being closed, or a job. */
export interface DraftGroup {
  key: string;
  title: string;
  drafts: Draft[];
}

type BulkResult =
  | { id: string; outcome: 'scheduled'; message: Draft }
  | { id: string; outcome: 'refused'; code: string; reason: string };

const KIND_WORDS: Record<string, string> = {
  job_closed: 'job closed',
  outcome: 'outcome',
  update: 'update',
  written_promise: 'written promise',
};

/**
 * Drafts to review, edit and send in bulk. Each goes as a single send would (undo window, business
 * hours, checks); a refused one stays here with its text and says why. What was scheduled can be
 * undone from here, back to a draft.
 */
export function DraftReview({ groups: given, onChanged }: { groups: DraftGroup[]; onChanged: () => void }) {
  const [unselected, setUnselected] = useState<Set<string>>(new Set());
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [refused, setRefused] = useState<Record<string, string>>({});
  const [scheduled, setScheduled] = useState<Draft[]>([]);
  // What was scheduled here is no longer a draft, whether or not the caller reloads its list.
  const gone = new Set(scheduled.map((m) => m.id));
  const groups = given.map((g) => ({ ...g, drafts: g.drafts.filter((d) => !gone.has(d.id)) }));
  const all = groups.flatMap((g) => g.drafts);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const selected = all.filter((d) => !unselected.has(d.id));

  function toggle(id: string, on: boolean) {
    const next = new Set(unselected);
    if (on) next.delete(id);
    else next.add(id);
    setUnselected(next);
  }

  async function save(d: Draft): Promise<boolean> {
    const bodyText = texts[d.id];
    if (bodyText === undefined || bodyText === d.bodyText) return true;
    try {
      await api('PATCH', `/messages/${d.id}`, { bodyText });
      return true;
    } catch (e) {
      // The typed text stays in the box; the reason is shown beside it.
      setRefused((r) => ({ ...r, [d.id]: messageOf(e, 'Could not save the changes.') }));
      return false;
    }
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
      const r = await api<{ results: BulkResult[] }>('POST', '/messages/send', { ids });
      const nextRefused: Record<string, string> = {};
      const done: Draft[] = [];
      for (const result of r.results) {
        if (result.outcome === 'scheduled') done.push(result.message);
        else nextRefused[result.id] = result.reason;
      }
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
      const draft = await api<Draft>('POST', `/messages/${m.id}/undo`);
      // Back to a draft with the text that was sent, edits included.
      setTexts((t) => ({ ...t, [m.id]: draft.bodyText }));
      setScheduled((s) => s.filter((x) => x.id !== m.id));
      setNotice(`The message to ${m.toName} is a draft again.`);
      onChanged();
    } catch (e) {
      setError(messageOf(e, 'Could not undo the send.'));
    }
  }

  return (
    <div className="draft-review">
      <Alerts error={error} notice={notice} />
      {scheduled.length > 0 && (
        <section aria-label="Scheduled">
          <h3>Scheduled</h3>
          <ul>
            {scheduled.map((m) => (
              <li key={m.id}>
                {m.toName}: goes {m.scheduledFor ? when(m.scheduledFor) : 'soon'}{' '}
                <button className="secondary" onClick={() => void undo(m)}>
                  Undo {m.toName}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {all.length === 0 && <p className="empty">Nothing to send.</p>}
      {groups
        .filter((g) => g.drafts.length > 0)
        .map((g) => (
          <section key={g.key} aria-label={g.title}>
            <h3>{g.title}</h3>
            {g.drafts.map((d) => {
              const text = texts[d.id] ?? d.bodyText;
              const problems = d.check?.findings.filter((f) => f.severity !== 'info') ?? [];
              return (
                <div key={d.id} className="draft">
                  <label className="choice">
                    <input
                      type="checkbox"
                      checked={!unselected.has(d.id)}
                      onChange={(e) => toggle(d.id, e.target.checked)}
                    />{' '}
                    {d.toName} — {d.subject} <span className="meta">({KIND_WORDS[d.kind] ?? d.kind})</span>
                  </label>
                  {refused[d.id] && (
                    <p className="error" role="alert">
                      Not sent to {d.toName}: {refused[d.id]}
                    </p>
                  )}
                  <details>
                    <summary>Read and edit the message to {d.toName}</summary>
                    <textarea
                      aria-label={`Message to ${d.toName}`}
                      rows={12}
                      value={text}
                      onChange={(e) => setTexts((t) => ({ ...t, [d.id]: e.target.value }))}
                    />
                    {problems.length > 0 && (
                      <ul aria-label={`Checks on the message to ${d.toName}`}>
                        {problems.map((f) => (
                          <li key={f.code}>
                            {f.severity === 'error' ? 'Must fix: ' : 'Consider: '}
                            {f.message}
                          </li>
                        ))}
                      </ul>
                    )}
                    <button
                      className="secondary"
                      disabled={texts[d.id] === undefined}
                      onClick={() => void saveOne(d)}
                    >
                      Save changes
                    </button>
                  </details>
                </div>
              );
            })}
          </section>
        ))}
      {all.length > 0 && (
        <button disabled={busy || selected.length === 0} onClick={() => void sendSelected()}>
          Send selected ({selected.length})
        </button>
      )}
    </div>
  );
}

interface Job {
  id: string;
  title: string;
}
interface Application {
  id: string;
  jobId: string;
  stage: string;
}

/**
 * "To send": every draft of the organization not sent yet, by job, so leaving a screen loses
 * nothing; reviewed and sent in bulk here.
 */
export function ToSendScreen() {
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [jobs, setJobs] = useState<Job[]>([]);
  const [apps, setApps] = useState<Application[]>([]);
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    try {
      const [d, j, a] = await Promise.all([
        listAll<Draft>('/messages?status=draft'),
        listAll<Job>('/jobs'),
        listAll<Application>('/applications'),
      ]);
      setDrafts(d);
      setJobs(j);
      setApps(a);
    } catch (e) {
      setError(messageOf(e, 'Could not load the drafts.'));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (!drafts)
    return error ? (
      <p className="error" role="alert">
        {error}
      </p>
    ) : (
      <p role="status">Loading drafts…</p>
    );
  const appById = new Map(apps.map((a) => [a.id, a]));
  const groups = new Map<string, DraftGroup>();
  for (const d of drafts) {
    const app = d.applicationId ? appById.get(d.applicationId) : undefined;
    const job = app ? jobs.find((j) => j.id === app.jobId) : undefined;
    const key = job?.id ?? 'other';
    const group = groups.get(key) ?? { key, title: job ? job.title : 'Other drafts', drafts: [] };
    group.drafts.push(d);
    groups.set(key, group);
  }
  return (
    <>
      <h1>To send</h1>
      <Alerts error={error} />
      <p>
        Drafts not sent yet, by job. Read them, edit where needed, then send the selected ones; each can be
        undone until it goes.
      </p>
      <DraftReview groups={[...groups.values()]} onChanged={() => void load()} />
    </>
  );
}
