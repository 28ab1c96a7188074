import { Alerts } from './Alerts.tsx';
import { useState } from 'react';
import { api, ApiError } from './api.ts';

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

/** Log a call, a meeting or an email that happened outside Hearback; a connected outcome call closes the promise. */
export function LogContact({ applicationId, onLogged }: { applicationId: string; onLogged: () => void }) {
  const [channel, setChannel] = useState('phone');
  const [kind, setKind] = useState('outcome');
  const [connected, setConnected] = useState('yes');
  const [summary, setSummary] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  async function submit() {
    setError('');
    try {
      const r = await api<{ closedFollowUps: unknown[] }>('POST', '/touchpoints', {
        applicationId,
        channel,
        kind,
        fromParty: 'team',
        toParty: 'candidate',
        connected: connected === 'yes',
        summary,
      });
      setMessage(r.closedFollowUps.length > 0 ? 'Logged; the follow-up it answers is done.' : 'Logged.');
      setSummary('');
      onLogged();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not log it.');
    }
  }
  return (
    <form
      className="card"
      aria-labelledby="h-log"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="h-log" style={{ marginTop: 0 }}>
        Log a call or a contact
      </h2>
      <label htmlFor="log-channel">How</label>
      <select id="log-channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
        <option value="phone">Phone call</option>
        <option value="in_person">In person</option>
        <option value="email">Email sent outside Hearback</option>
      </select>
      <label htmlFor="log-kind">About</label>
      <select id="log-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
        <option value="outcome">The outcome</option>
        <option value="update">An update</option>
        <option value="debrief">A debrief</option>
        <option value="other">Something else</option>
      </select>
      <label htmlFor="log-connected">Did you reach them?</label>
      <select id="log-connected" value={connected} onChange={(e) => setConnected(e.target.value)}>
        <option value="yes">Yes</option>
        <option value="no">No (voicemail, no answer)</option>
      </select>
      <label htmlFor="log-summary">Summary</label>
      <textarea id="log-summary" value={summary} onChange={(e) => setSummary(e.target.value)} />
      <button type="submit">Log it</button>
      <Alerts notice={message} />
      <Alerts error={error} />
    </form>
  );
}

/** One interviewer's scorecard for one interview. */
export function FeedbackForm({
  interviewId,
  title,
  onSaved,
}: {
  interviewId: string;
  title: string;
  onSaved: () => void;
}) {
  const [recommendation, setRecommendation] = useState('yes');
  const [notes, setNotes] = useState('');
  const [ratings, setRatings] = useState({ communication: 3, role_skills: 3 });
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const id = `fb-${interviewId}`;
  async function submit() {
    setError('');
    try {
      await api('POST', `/interviews/${interviewId}/feedback`, {
        recommendation,
        ratings,
        notes,
      });
      setMessage('Feedback saved.');
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not save the feedback.');
    }
  }
  return (
    <form
      className="card"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${id}-h`} style={{ margin: 0 }}>
        Your feedback on “{title}”
      </h3>
      <label htmlFor={`${id}-rec`}>Recommendation</label>
      <select id={`${id}-rec`} value={recommendation} onChange={(e) => setRecommendation(e.target.value)}>
        <option value="strong_yes">Strong yes</option>
        <option value="yes">Yes</option>
        <option value="no">No</option>
        <option value="strong_no">Strong no</option>
      </select>
      {(Object.keys(ratings) as (keyof typeof ratings)[]).map((k) => (
        <div key={k}>
          <label htmlFor={`${id}-${k}`}>{k === 'role_skills' ? 'Role skills' : 'Communication'} (1–5)</label>
          <input
            id={`${id}-${k}`}
            type="number"
            min={1}
            max={5}
            value={ratings[k]}
            onChange={(e) => setRatings({ ...ratings, [k]: Number(e.target.value) })}
          />
        </div>
      ))}
      <label htmlFor={`${id}-notes`}>Notes (internal; never shown to the candidate)</label>
      <textarea id={`${id}-notes`} value={notes} onChange={(e) => setNotes(e.target.value)} />
      <button type="submit">Save feedback</button>
      <Alerts notice={message} />
      <Alerts error={error} />
    </form>
  );
}
