import { useState } from 'react';
import { CandidateContactForm } from './CandidateContactForm.tsx';
import { DebriefForm, type SubmissionRef } from './DebriefForms.tsx';
import type { DeskFollowUp, Waiting } from './desk-types.ts';
import { DueTime } from './DueTime.tsx';

/** What each follow-up asks of the recruiter, in a few words. */
const NEXT: Record<string, (f: DeskFollowUp) => string> = {
  client_feedback: (f) => `Nudge ${f.contactName ?? 'the client'} with news`,
  client_update: (f) => `Contact ${f.contactName ?? 'the client'}; set the next contact`,
  update: (f) => `Update ${f.candidateName ?? 'the candidate'}: the client's answer, or where things stand`,
  debrief: (f) => `Debrief ${f.candidateName ?? 'the candidate'}`,
  placement_check_in: (f) =>
    f.owedTo === 'client'
      ? `Check in with ${f.contactName ?? 'the client'} on the placement`
      : `Check in with ${f.candidateName ?? 'the hire'}`,
  backfill: () => 'Backfill: bring a candidate into the final stage',
};

const about = (f: DeskFollowUp) =>
  [
    f.candidateName && `${f.candidateName} · ${f.jobTitle}`,
    f.clientName && `${f.contactName} (${f.clientName})`,
  ]
    .filter(Boolean)
    .join(' — ');

/** A candidate to log a contact with, from a follow-up owed to them. */
interface Contacting {
  submissionId: string;
  followUpId: string;
  candidateName: string;
}

/**
 * The desk's "Today": what is owed (overdue first), each with its one next action — debrief the
 * candidate, log a contact with them, or nudge the client with news.
 */
export function DeskToday({
  followUps,
  waiting,
  onNudge,
  onDone,
  onDebriefed,
}: {
  followUps: DeskFollowUp[];
  waiting: Waiting[];
  onNudge: (w: Waiting) => void;
  onDone: (message: string) => void;
  /** A debrief was logged: its form stays open (the thank-you note) while the desk refreshes. */
  onDebriefed: (message: string) => void;
}) {
  // The candidate side: a candidate to debrief, a contact to log.
  const [debriefing, setDebriefing] = useState<SubmissionRef | null>(null);
  const [contacting, setContacting] = useState<Contacting | null>(null);
  const waitingById = new Map(waiting.map((w) => [w.submissionId, w]));
  return (
    <section aria-labelledby="desk-today">
      <h2 id="desk-today">Today</h2>
      {followUps.length === 0 ? (
        <p className="empty">Nothing owed.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="desk-today">
          <table>
            <thead>
              <tr>
                <th scope="col">Due</th>
                <th scope="col">About</th>
                <th scope="col">Next action</th>
              </tr>
            </thead>
            <tbody>
              {followUps.map((f) => (
                <tr key={f.id} className={f.overdue ? 'overdue' : undefined}>
                  <td>
                    {f.overdue && <strong>Overdue · </strong>}
                    <DueTime at={f.dueAt} />
                  </td>
                  <td>{about(f)}</td>
                  <td>
                    {(NEXT[f.kind] ?? (() => 'Follow up'))(f)}
                    <NextActions
                      followUp={f}
                      waiting={f.submissionId ? waitingById.get(f.submissionId) : undefined}
                      onDebrief={setDebriefing}
                      onContact={setContacting}
                      onNudge={onNudge}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {contacting && (
        <CandidateContactForm
          key={contacting.followUpId}
          {...contacting}
          onClose={() => setContacting(null)}
          onDone={(m) => {
            setContacting(null);
            onDone(m);
          }}
        />
      )}
      {debriefing && (
        <DebriefForm
          key={debriefing.submissionId}
          submission={debriefing}
          onClose={() => setDebriefing(null)}
          onDone={onDebriefed}
        />
      )}
    </section>
  );
}

/** The buttons of one follow-up's next action: debrief, log a contact, nudge the client. */
function NextActions({
  followUp: f,
  waiting: w,
  onDebrief,
  onContact,
  onNudge,
}: {
  followUp: DeskFollowUp;
  waiting: Waiting | undefined;
  onDebrief: (s: SubmissionRef) => void;
  onContact: (c: Contacting) => void;
  onNudge: (w: Waiting) => void;
}) {
  const submissionId = f.submissionId;
  return (
    <>
      {f.kind === 'debrief' && submissionId && (
        <>
          {' '}
          <button
            type="button"
            className="secondary"
            onClick={() =>
              onDebrief({
                submissionId,
                candidateName: f.candidateName ?? 'the candidate',
                clientName: f.clientName ?? 'the client',
              })
            }
          >
            Debrief {f.candidateName}
          </button>
        </>
      )}
      {submissionId &&
        f.owedTo === 'candidate' &&
        (f.kind === 'update' || f.kind === 'placement_check_in') && (
          <>
            {' '}
            <button
              type="button"
              className="secondary"
              onClick={() =>
                onContact({
                  submissionId,
                  followUpId: f.id,
                  candidateName: f.candidateName ?? 'the candidate',
                })
              }
            >
              Log contact with {f.candidateName}
            </button>
          </>
        )}
      {f.kind === 'client_feedback' && w && (
        <>
          {' '}
          <button type="button" className="secondary" onClick={() => onNudge(w)}>
            Nudge {w.contactName}
          </button>
        </>
      )}
    </>
  );
}
