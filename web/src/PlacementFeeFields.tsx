import type { Body } from './api.ts';

/** The placement fee as typed: a percent of salary, or a fixed amount in a currency. */
export interface FeeDraft {
  kind: 'percent' | 'fixed';
  percent: string;
  amount: string;
  currency: string;
}

/** The fee as the API takes it. */
export function feeOf(fee: FeeDraft): Body<'/api/v1/submissions/{id}/placement', 'post'>['fee'] {
  return fee.kind === 'percent'
    ? { kind: 'percent', percent: Number(fee.percent) }
    : { kind: 'fixed', amount: Number(fee.amount), currency: fee.currency.trim().toUpperCase() };
}

/** The fee's fields: its kind, then the percent, or the amount and its currency. */
export function PlacementFeeFields({ fee, onChange }: { fee: FeeDraft; onChange: (fee: FeeDraft) => void }) {
  const set = (change: Partial<FeeDraft>) => onChange({ ...fee, ...change });
  return (
    <>
      <label>
        Fee kind{' '}
        <select value={fee.kind} onChange={(e) => set({ kind: e.target.value as FeeDraft['kind'] })}>
          <option value="percent">percent of salary</option>
          <option value="fixed">fixed amount</option>
        </select>
      </label>
      {fee.kind === 'percent' ? (
        <label>
          Percent{' '}
          <input
            type="number"
            min={0.1}
            max={100}
            step={0.1}
            value={fee.percent}
            onChange={(e) => set({ percent: e.target.value })}
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
              value={fee.amount}
              onChange={(e) => set({ amount: e.target.value })}
              required
            />
          </label>
          <label>
            Currency{' '}
            <input
              value={fee.currency}
              onChange={(e) => set({ currency: e.target.value })}
              size={4}
              required
            />
          </label>
        </>
      )}
    </>
  );
}
