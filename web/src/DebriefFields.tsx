import { NextContactFields } from './NextContactFields.tsx';

/**
 * The debrief's questions, read by name when the form is sent: how it went, interest, surprises,
 * next steps, questions for the client, availability, consent to mention other processes, and
 * the next contact (or why there is none).
 */
export function DebriefFields({
  name,
  noNext,
  onNoNext,
}: {
  /** The candidate's name. */
  name: string;
  noNext: boolean;
  onNoNext: (none: boolean) => void;
}) {
  return (
    <>
      <div className="row">
        <label>
          How{' '}
          <select name="channel" defaultValue="phone">
            <option value="phone">phone</option>
            <option value="in_person">in person</option>
            <option value="email">email</option>
            <option value="sms">sms</option>
          </select>
        </label>
        <label>
          Interest (1–5){' '}
          <select name="interestLevel" defaultValue="4">
            <option value="5">5 — very keen</option>
            <option value="4">4 — keen</option>
            <option value="3">3 — interested, with doubts</option>
            <option value="2">2 — lukewarm</option>
            <option value="1">1 — no longer interested</option>
          </select>
        </label>
      </div>
      <label>
        Impressions (what went well, in their words)
        <textarea name="impressions" rows={2} required />
      </label>
      <label>
        Surprises
        <textarea name="surprises" rows={2} />
      </label>
      <label>
        Next steps
        <input name="nextSteps" />
      </label>
      <label>
        Questions for the client
        <input name="questionsForClient" />
      </label>
      <label>
        New availability or notice period
        <input name="availability" />
      </label>
      <label className="choice">
        <input type="checkbox" name="mayMention" /> {name} agrees that their other interviews and offers may
        be mentioned to this client
      </label>
      <NextContactFields name={name} none={noNext} onNone={onNoNext} />
    </>
  );
}
