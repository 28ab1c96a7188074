import { useRef, useState, type KeyboardEvent } from 'react';
import type { FollowUp } from './api.ts';
import { queueKeyOf, type QueueKey } from './queue.ts';
import { nextActionOf } from './QueueRow.tsx';

/** What the keyboard acts on: the rows in walking order and what can be done to one. */
export interface QueueKeyTargets {
  rows: FollowUp[];
  drafts: Map<string, string>;
  role: string;
  selected: Set<string>;
  toggle: (id: string, on: boolean) => void;
  logCall: (f: FollowUp) => void;
  setNotice: (words: string) => void;
}

/** The acting keys (open, select, email, call) on the current follow-up. */
function act(key: QueueKey, f: FollowUp, t: QueueKeyTargets): void {
  const href = `#/applications/${f.applicationId}`;
  const action = nextActionOf(f, t.drafts.has(f.applicationId), t.role);
  if (key === 'open') window.location.hash = href;
  else if (key === 'select') t.toggle(f.id, !t.selected.has(f.id));
  else if (key === 'email') {
    if (action && !('call' in action) && action.writes) window.location.hash = `${href}?next=${action.next}`;
    else t.setNotice(`Nothing to write for ${f.candidate.name} from here.`);
  } else if (key === 'call') {
    if (action && 'call' in action) t.logCall(f);
    else if (t.role !== 'interviewer' && f.owedBy === 'team') window.location.hash = `${href}?next=call`;
  }
}

/**
 * The queue's keyboard: which row is current (`at`), the shortcuts panel, and the key handler for
 * the list (`list` is its element, so moving focuses the row).
 */
export function useQueueKeys(t: QueueKeyTargets) {
  const [current, setCurrent] = useState(0);
  const [help, setHelp] = useState(false);
  const list = useRef<HTMLDivElement>(null);
  const { rows } = t;
  const at = Math.min(current, Math.max(0, rows.length - 1));

  function onKey(e: KeyboardEvent) {
    const target = e.target as HTMLElement;
    const key = queueKeyOf({
      key: e.key,
      ctrlKey: e.ctrlKey,
      metaKey: e.metaKey,
      altKey: e.altKey,
      targetTag: target.tagName,
      targetEditable: target.isContentEditable,
    });
    if (!key) return;
    const move = (to: number) => {
      const i = Math.max(0, Math.min(rows.length - 1, to));
      setCurrent(i);
      list.current?.querySelector<HTMLElement>(`[data-follow-up="${rows[i]?.id}"]`)?.focus();
    };
    e.preventDefault();
    if (key === 'help') return setHelp((h) => !h);
    if (key === 'close') return setHelp(false);
    if (key === 'next') return move(at + 1);
    if (key === 'previous') return move(at - 1);
    const f = rows[at];
    if (f) act(key, f, t);
  }

  return { at, setCurrent, help, setHelp, list, onKey };
}
