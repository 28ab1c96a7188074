import { useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, fieldErrorsOf, messageOf, type Body, type Schema } from './api.ts';

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
  const [feeKind, setFeeKind] = useState<'percent' | 'fixed'>('percent');
  const [percent, setPercent] = useState('20');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('EUR');
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
        const fee: Body<'/api/v1/submissions/{id}/placement', 'post'>['fee'] =
          feeKind === 'percent'
            ? { kind: 'percent', percent: Number(percent) }
            : { kind: 'fixed', amount: Number(amount), currency: currency.trim().toUpperCase() };
        dataOf(
          client.POST('/api/v1/submissions/{id}/placement', {
            params: { path: { id: submissionId } },
            body: {
              startDate,
              fee,
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
        <label>
          Fee kind{' '}
          <select value={feeKind} onChange={(e) => setFeeKind(e.target.value as 'percent' | 'fixed')}>
            <option value="percent">percent of salary</option>
            <option value="fixed">fixed amount</option>
          </select>
        </label>
        {feeKind === 'percent' ? (
          <label>
            Percent{' '}
            <input
              type="number"
              min={0.1}
              max={100}
              step={0.1}
              value={percent}
              onChange={(e) => setPercent(e.target.value)}
              required
            />
          </label>
        ) : (
          <>
            <label>
              Amount{' '}
              <input
                type="number"
                min={1}
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
                required
              />
            </label>
            <label>
              Currency{' '}
              <input value={currency} onChange={(e) => setCurrency(e.target.value)} size={4} required />
            </label>
          </>
        )}
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
      <div className="row">
        <button type="submit">Record placement</button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
