import { useState } from 'react';

/** The invitation as typed: numbers stay text so a refusal keeps exactly what was typed. */
export interface PoolInvitationTyped {
  offer: string;
  tags: string;
  cadence: string;
  months: string;
}

/** A field's refusal beside it, and the attributes that tie the field to its hint and refusal. */
function poolFieldMarks(fieldErrors: Record<string, string>) {
  const err = (key: string) =>
    fieldErrors[key] ? (
      <p className="field-error" id={`pool-${key}-err`}>
        {fieldErrors[key]}
      </p>
    ) : null;
  const described = (key: string, hint?: string) => {
    const ids = [hint, fieldErrors[key] ? `pool-${key}-err` : undefined].filter(Boolean).join(' ');
    return { 'aria-invalid': fieldErrors[key] ? true : undefined, 'aria-describedby': ids || undefined };
  };
  return { err, described };
}

/** The invitation to stay in touch: what for, tags, how often, and the consent offered first. */
export function PoolInvitationForm({
  candidateName,
  defaults,
  fieldErrors,
  busy,
  onInvite,
}: {
  candidateName: string;
  /** The policy's defaults, shown as placeholders; null when unread. */
  defaults: { cadenceDays: number; consentMonths: number } | null;
  fieldErrors: Record<string, string>;
  busy: boolean;
  onInvite: (typed: PoolInvitationTyped) => void;
}) {
  const [offer, setOffer] = useState('');
  const [tags, setTags] = useState('');
  const [cadence, setCadence] = useState('');
  const [months, setMonths] = useState('');
  const { err, described } = poolFieldMarks(fieldErrors);
  return (
    <form
      aria-label="Invite to stay in touch"
      onSubmit={(e) => {
        e.preventDefault();
        onInvite({ offer, tags, cadence, months });
      }}
    >
      <p className="meta">
        {candidateName} was not selected, or the role closed. Invite them to hear about future roles: they
        choose on their status page, for how long, and nothing about them enters the pool until they say yes.
      </p>
      <label htmlFor="pool-offer">What will you keep them posted about?</label>
      <textarea
        id="pool-offer"
        value={offer}
        maxLength={500}
        onChange={(e) => setOffer(e.target.value)}
        placeholder="Senior sales roles in London over the next year"
        {...described('offer')}
      />
      {err('offer')}
      <label htmlFor="pool-tags">Tags (comma-separated, for your search)</label>
      <input
        id="pool-tags"
        value={tags}
        onChange={(e) => setTags(e.target.value)}
        placeholder="sales, london"
        {...described('tags')}
      />
      {err('tags')}
      <PoolNumberFields {...{ cadence, setCadence, months, setMonths, defaults, err, described }} />
      <div className="row">
        <button type="submit" disabled={busy}>
          Invite to stay in touch
        </button>
      </div>
    </form>
  );
}

/** How often to stay in touch, and the consent months offered first (the candidate chooses). */
function PoolNumberFields({
  cadence,
  setCadence,
  months,
  setMonths,
  defaults,
  err,
  described,
}: {
  cadence: string;
  setCadence: (cadence: string) => void;
  months: string;
  setMonths: (months: string) => void;
  defaults: { cadenceDays: number; consentMonths: number } | null;
} & ReturnType<typeof poolFieldMarks>) {
  return (
    <div className="row pool-numbers">
      <div>
        <label htmlFor="pool-cadence">Stay in touch every (days)</label>
        <input
          id="pool-cadence"
          inputMode="numeric"
          value={cadence}
          onChange={(e) => setCadence(e.target.value)}
          placeholder={defaults ? `${defaults.cadenceDays} (the policy’s)` : 'the policy’s'}
          {...described('cadenceDays')}
        />
        {err('cadenceDays')}
      </div>
      <div>
        <label htmlFor="pool-months">Suggested consent (months)</label>
        <select
          id="pool-months"
          value={months}
          onChange={(e) => setMonths(e.target.value)}
          {...described('consentMonths', 'pool-months-hint')}
        >
          <option value="">{defaults ? `${defaults.consentMonths} (the policy’s)` : 'The policy’s'}</option>
          {[3, 6, 12, 24, 36].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <p className="meta" id="pool-months-hint" style={{ margin: '0.25rem 0 0' }}>
          The candidate chooses; this is offered first.
        </p>
        {err('consentMonths')}
      </div>
    </div>
  );
}
