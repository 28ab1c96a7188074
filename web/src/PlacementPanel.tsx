import { useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { FormButtons } from './form-fields.tsx';
import { client, dataOf, fieldErrorsOf, messageOf, type Schema } from './api.ts';
import { feeOf, PlacementFeeFields, type FeeDraft } from './PlacementFeeFields.tsx';

/** What placing returns: the placement with its check-ins. */
export type PlacedView = Schema<'PlacementView'>;

/**
 * Record a placement of a submission: the start date, the fee (a percent of salary or a fixed
 * amount, with a note) and the guarantee (the client's by default). Placing schedules the
 * recruiter's check-ins; a refused form keeps what was typed.
 */
export function PlacementForm({
  submissionId,
  candidateName,
  defaultGuaranteeDays,
  onPlaced,
  onCancel,
}: {
  submissionId: string;
  candidateName: string;
  defaultGuaranteeDays: number;
  onPlaced: (p: PlacedView) => void;
  onCancel: () => void;
}) {
  const [startDate, setStartDate] = useState('');
  const [fee, setFee] = useState<FeeDraft>({ kind: 'percent', percent: '20', amount: '', currency: 'EUR' });
  const [guarantee, setGuarantee] = useState(String(defaultGuaranteeDays));
  const [note, setNote] = useState('');
  const [failed, setFailed] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  return (
    <form
      className="card"
      aria-label={`Place ${candidateName}`}
      onSubmit={(e) => {
        e.preventDefault();
        dataOf(
          client.POST('/api/v1/submissions/{id}/placement', {
            params: { path: { id: submissionId } },
            body: {
              startDate,
              fee: feeOf(fee),
              guaranteeDays: Number(guarantee),
              ...(note.trim() && { feeNote: note.trim() }),
            },
          }),
        )
          .then(onPlaced)
          .catch((err: unknown) => {
            setFieldErrors(fieldErrorsOf(err));
            setFailed(messageOf(err, 'The placement could not be recorded.'));
          });
      }}
    >
      <h3>Place {candidateName}</h3>
      <div className="row">
        <label>
          Start date{' '}
          <input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} required />
        </label>
        <PlacementFeeFields fee={fee} onChange={setFee} />
        <label>
          Guarantee (days){' '}
          <input
            type="number"
            min={0}
            max={365}
            value={guarantee}
            onChange={(e) => setGuarantee(e.target.value)}
            required
          />
        </label>
      </div>
      <label>
        Fee note <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="Optional" />
      </label>
      <p className="meta">
        Placing schedules your check-ins: with {candidateName} on the first day, at 30 days and before the
        guarantee ends, and with the client before it ends.
      </p>
      <Alerts error={[failed, ...Object.values(fieldErrors)].filter(Boolean).join(' ')} />
      <FormButtons submitLabel="Record placement" onCancel={onCancel} />
    </form>
  );
}
