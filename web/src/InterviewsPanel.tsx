import { useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, everyItem, messageOf } from './api.ts';
import type { MemberOption } from './form-fields.tsx';
import { InterviewForm, type ScheduledInterview } from './InterviewForm.tsx';
import { when } from './format.ts';
import { ConfirmInline } from './SecretOnce.tsx';

/** One scheduled interview: when and where, who, and moving or cancelling it (confirmed). */
function InterviewRow({
  interview: i,
  members,
  onEdit,
  onChanged,
}: {
  interview: ScheduledInterview;
  members: MemberOption[];
  onEdit: () => void;
  onChanged: (notice: string) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const names = i.interviewerIds.map((id) => members.find((m) => m.id === id)?.name ?? 'someone').join(', ');
  const cancel = () => {
    setBusy(true);
    dataOf(client.POST('/api/v1/interviews/{id}/cancel', { params: { path: { id: i.id } } }))
      .then(() => onChanged(`Cancelled “${i.title}”: everyone invited gets a cancellation.`))
      .catch((e: unknown) => setError(messageOf(e, 'Could not cancel the interview.')))
      .finally(() => {
        setBusy(false);
        setConfirming(false);
      });
  };
  return (
    <li>
      <strong>{i.title}</strong>{' '}
      <span className="meta">{i.scheduledAt ? when(i.scheduledAt) : 'no time set'}</span>
      <span className="meta">
        {' '}
        · {names || 'no interviewers'}
        {i.location && ` · ${i.location}`}
      </span>
      <Alerts error={error} />
      {confirming ? (
        <ConfirmInline
          label={`Confirm cancelling ${i.title}`}
          question={`Cancel “${i.title}”? Everyone invited gets a cancellation; this cannot be undone.`}
          yes="Yes, cancel it"
          busy={busy}
          onYes={cancel}
          onNo={() => setConfirming(false)}
        />
      ) : (
        <div className="row">
          <button type="button" className="secondary" onClick={onEdit}>
            Move “{i.title}”
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            Cancel “{i.title}”
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * The application's interviews still to happen: schedule one, move one, cancel one. Closing an
 * interview (with the promise preview) is below, once it took place.
 */
export function InterviewsPanel({
  applicationId,
  interviews,
  candidateTimeZone,
  onChanged,
}: {
  applicationId: string;
  interviews: ScheduledInterview[];
  candidateTimeZone: string | null;
  onChanged: () => void;
}) {
  const [members, setMembers] = useState<MemberOption[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    everyItem((query) => client.GET('/api/v1/members', { params: { query } }))
      .then(setMembers)
      .catch(() => undefined);
  }, []);
  const upcoming = interviews.filter((i) => !i.closedAt && !i.cancelledAt);
  const done = (text: string) => {
    setEditing(null);
    setNotice(text);
    onChanged();
  };
  const form = (i: ScheduledInterview | null) => (
    <InterviewForm
      applicationId={applicationId}
      interview={i}
      members={members}
      candidateTimeZone={candidateTimeZone}
      onSaved={() =>
        done(i ? `Moved “${i.title}”: invitations updated.` : 'Interview scheduled: invitations sent.')
      }
      onCancel={() => setEditing(null)}
    />
  );
  return (
    <section aria-labelledby="h-interviews">
      <h2 id="h-interviews">Interviews</h2>
      <Alerts notice={notice} />
      {upcoming.length === 0 && <p className="empty">No interview is scheduled.</p>}
      <ul>
        {upcoming.map((i) =>
          editing === i.id ? (
            <li key={i.id}>{form(i)}</li>
          ) : (
            <InterviewRow
              key={i.id}
              interview={i}
              members={members}
              onEdit={() => setEditing(i.id)}
              onChanged={done}
            />
          ),
        )}
      </ul>
      {editing === 'new' ? (
        form(null)
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          Schedule an interview
        </button>
      )}
    </section>
  );
}
