/**
 * The candidate told when the client's feedback slips: the recruiter's update owed when a
 * submission's client feedback escalates. A lower module: the owned sweep opens it inside its
 * transaction and the debrief service shares its calendar, without the sweep calling the desk's
 * use cases.
 */
import type { Queryable } from '../db/db.ts';
import type { BusinessCalendar } from '../domain/business-time.ts';
import { debriefDue } from '../domain/debrief.ts';
import { calendarOf } from '../domain/policy.ts';
import {
  findFollowUpSubmission,
  hasOpenCandidateFollowUp,
  insertCandidateSideFollowUp,
} from '../repositories/debrief.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';

/** The organization's business calendar, in `timeZone` (a contact's or a candidate's) when known. */
export async function calendarFor(
  q: Queryable,
  orgId: string,
  timeZone: string | null,
): Promise<BusinessCalendar> {
  const cal = calendarOf((await findOrganization(q, orgId))!.policy);
  return timeZone ? { ...cal, timeZone } : cal;
}

/**
 * When the client's feedback on a submission has escalated (two nudges missed), the recruiter owes
 * the candidate an honest word on where things stand: an `update` follow-up due by the close of
 * the candidate's business day (or the next one). Runs inside
 * the owned sweep's transaction; returns the follow-up opened, if any.
 * Not opened twice: an update to the candidate already due by then covers it.
 */
export async function openCandidateUpdateOnEscalation(
  tx: Queryable,
  orgId: string,
  followUp: { id: string; ownerId: string },
  now: Date,
): Promise<{ id: string; dueAt: Date } | null> {
  const about = await findFollowUpSubmission(tx, orgId, followUp.id);
  if (!about) return null;
  const dueAt = debriefDue(now, await calendarFor(tx, orgId, about.candidateTimeZone));
  // An update already owed by then (the client's answer to relay, say) covers it; a next contact
  // set for later does not: the candidate should not wait for it to hear the client is late.
  if (await hasOpenCandidateFollowUp(tx, orgId, about.submissionId, 'update', dueAt)) return null;
  return insertCandidateSideFollowUp(tx, {
    orgId,
    applicationId: about.applicationId,
    submissionId: about.submissionId,
    interviewId: null,
    clientContactId: null,
    kind: 'update',
    owedBy: 'recruiter',
    owedTo: 'candidate',
    ownerId: followUp.ownerId,
    dueAt,
    createdAt: now,
  });
}
