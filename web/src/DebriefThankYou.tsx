import type { DebriefLogged } from './DebriefForms.tsx';
import { DueTime } from './DueTime.tsx';

/** A logged debrief's suggested thank-you note, for the recruiter to pass on, and the next contact. */
export function DebriefThankYou({
  name,
  logged,
  onClose,
}: {
  name: string;
  logged: DebriefLogged;
  onClose: () => void;
}) {
  return (
    <section className="card" aria-label={`Thank-you note for ${name}`}>
      <h3>Suggested thank-you note for {name}</h3>
      <p className="meta">{logged.thankYou.advice}</p>
      {logged.thankYou.text && (
        <label>
          Thank-you note (pass it on for {name} to make their own)
          <textarea readOnly rows={9} value={logged.thankYou.text} />
        </label>
      )}
      {logged.nextContact && (
        <p>
          Next contact with {name}: <DueTime at={logged.nextContact.dueAt} />
        </p>
      )}
      <button type="button" className="secondary" onClick={onClose}>
        Close
      </button>
    </section>
  );
}
