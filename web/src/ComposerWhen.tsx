import { when } from './format.ts';

/** When to send: as soon as possible, or at a chosen time (shown in the candidate's zone too). */
export function ComposerWhen({
  schedule,
  setSchedule,
  sendAtLocal,
  setSendAtLocal,
  sendAt,
  candidateTimeZone,
}: {
  schedule: 'asap' | 'later';
  setSchedule: (s: 'asap' | 'later') => void;
  sendAtLocal: string;
  setSendAtLocal: (s: string) => void;
  sendAt: Date | null;
  candidateTimeZone: string | null;
}) {
  return (
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
  );
}
