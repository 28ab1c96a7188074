import { useState, type FormEvent } from 'react';
import { client, messageOf, type FollowUp, type Schema } from './api.ts';
import { serverNow, when } from './format.ts';

/** A follow-up's snooze, as the generated API types say. */
export type SnoozeFields = Pick<Schema<'FollowUp'>, 'snoozedUntil' | 'snoozeReason'>;

/** The snooze in words while it holds ("Snoozed until Thu 3 Dec, 09:00 EST — the reason"), else null. */
export function snoozeWords(f: SnoozeFields, timeZone: string | null): string | null {
  if (!f.snoozedUntil || new Date(f.snoozedUntil).getTime() <= serverNow()) return null;
  return `Snoozed until ${when(f.snoozedUntil, timeZone)} — ${f.snoozeReason ?? ''}`;
}

/** A `datetime-local` value for the browser's zone: the next morning at 09:00. */
function tomorrowMorning(): string {
  const d = new Date(serverNow());
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Snooze the chosen follow-ups until a time, for a reason everyone will see on them. Each goes as
 * its own request: one refused (say, a snooze past what its candidate was promised) says why and
 * stays as it was, while the others are snoozed. A refusal keeps the form's text.
 */
export function SnoozeForm({
  chosen,
  onDone,
  onError,
}: {
  chosen: FollowUp[];
  onDone: (words: string) => void;
  onError: (words: string) => void;
}) {
  const [until, setUntil] = useState(tomorrowMorning);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  async function snooze(e: FormEvent) {
    e.preventDefault();
    const at = new Date(until);
    if (Number.isNaN(at.getTime())) return onError('Choose when the snooze ends.');
    setBusy(true);
    onError('');
    const refused: string[] = [];
    for (const f of chosen) {
      try {
        await client.POST('/api/v1/follow-ups/{id}/snooze', {
          params: { path: { id: f.id } },
          body: { until: at.toISOString(), reason },
        });
      } catch (err) {
        refused.push(`${f.candidate.name}: ${messageOf(err, 'not snoozed.')}`);
      }
    }
    setBusy(false);
    if (refused.length > 0) onError(`Not snoozed — ${refused.join(' ')}`);
    if (refused.length < chosen.length) {
      setReason('');
      onDone(`${chosen.length - refused.length} follow-up(s) snoozed until ${when(at.toISOString())}.`);
    }
  }

  return (
    <form className="row" aria-label="Snooze" onSubmit={(e) => void snooze(e)}>
      <label>
        Snooze until{' '}
        <input type="datetime-local" required value={until} onChange={(e) => setUntil(e.target.value)} />
      </label>
      <label>
        Why{' '}
        <input
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          placeholder="e.g. hiring manager back from leave Monday"
        />
      </label>
      <button className="secondary" disabled={busy || reason.trim() === ''}>
        Snooze {chosen.length}
      </button>
    </form>
  );
}
