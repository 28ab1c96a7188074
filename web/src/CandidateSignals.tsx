/** What the candidate did on their own: signals for a tie-break, never a reason to reject (principle 6). */
export function Signals({
  events,
  roleKind,
}: {
  events: { type: string; touchpoint?: { kind: string; fromParty: string; summary: string } }[];
  roleKind: string;
}) {
  const mine = events.flatMap((e) =>
    e.type === 'touchpoint' && e.touchpoint?.fromParty === 'candidate' ? [e.touchpoint] : [],
  );
  const thanks = mine.filter((t) => t.kind === 'thank_you');
  const checkIns = mine.filter((t) => t.kind === 'check_in');
  const weighty = roleKind === 'sales' || roleKind === 'client_facing';
  return (
    <section className="card" aria-labelledby="h-signals">
      <h2 id="h-signals" style={{ marginTop: 0 }}>
        Candidate signals
      </h2>
      <p>
        {thanks.length > 0 ? 'Sent a thank-you note.' : 'No thank-you note.'}{' '}
        {checkIns.length > 0 && `Checked in ${checkIns.length} time(s).`}
      </p>
      <p className="meta">
        A tie-breaker between otherwise equal candidates
        {weighty ? ' — a stronger one for this role, where following up is part of the job' : ''}. Never a
        reason to reject.
      </p>
      {thanks.map((t, i) => (
        <blockquote key={i}>{t.summary}</blockquote>
      ))}
    </section>
  );
}
