/**
 * Every contact on the desk sets the next one or says why there is none: a date, or (ticked
 * "None") the reason. The fields are named `nextContactAt` and `noNextContactReason`.
 */
export function NextContactFields({
  name,
  none,
  onNone,
}: {
  /** Who the next contact is with. */
  name: string;
  none: boolean;
  onNone: (none: boolean) => void;
}) {
  return (
    <fieldset>
      <legend>Next contact with {name}</legend>
      <label className="choice">
        <input type="checkbox" checked={none} onChange={(e) => onNone(e.target.checked)} /> None
      </label>
      {none ? (
        <label>
          Because <input name="noNextContactReason" required />
        </label>
      ) : (
        <label>
          Date <input name="nextContactAt" type="date" required />
        </label>
      )}
    </fieldset>
  );
}
