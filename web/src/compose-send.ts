/** Sending a reviewed message from the composer: now or at a time, with an override's reason. */
import { useState, type MutableRefObject } from 'react';
import { client, dataOf, messageOf, type Schema } from './api.ts';

type Message = Schema<'Message'>;

/**
 * The composer's send: when (as soon as possible or a chosen time), the reason for an override,
 * and sending — saving the text first if it changed. A failure keeps the text, the schedule and
 * the override.
 */
export function useComposeSend({
  draft,
  body,
  lastSaved,
  onSent,
  setError,
}: {
  draft: Message;
  body: string;
  lastSaved: MutableRefObject<string>;
  onSent: (r: { message: Message; callScript: string[] | null }) => void;
  setError: (e: string) => void;
}) {
  const [override, setOverride] = useState('');
  const [schedule, setSchedule] = useState<'asap' | 'later'>('asap');
  const [sendAtLocal, setSendAtLocal] = useState('');
  const [busy, setBusy] = useState(false);
  const sendAt = schedule === 'later' && sendAtLocal ? new Date(sendAtLocal) : null;

  async function send() {
    setError('');
    if (schedule === 'later' && (!sendAt || Number.isNaN(sendAt.getTime()))) {
      setError('Pick a date and time to send it, or choose “as soon as possible”.');
      return;
    }
    setBusy(true);
    try {
      const id = { params: { path: { id: draft.id } } };
      if (body !== lastSaved.current) {
        await client.PATCH('/api/v1/messages/{id}', { ...id, body: { bodyText: body } });
        lastSaved.current = body;
      }
      const r = await dataOf(
        client.POST('/api/v1/messages/{id}/send', {
          ...id,
          body: {
            ...(sendAt && { sendAt: sendAt.toISOString() }),
            ...(override.trim() && { override: { reason: override.trim() } }),
          },
        }),
      );
      onSent(r);
    } catch (e) {
      setError(messageOf(e, 'Could not send.')); // the text, the schedule and the override stay
    } finally {
      setBusy(false);
    }
  }
  return { override, setOverride, schedule, setSchedule, sendAtLocal, setSendAtLocal, sendAt, busy, send };
}
