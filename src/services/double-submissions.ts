/**
 * No double submissions (issue #16, item 9): a candidate goes to a client once inside the client's
 * ownership window, and not at all while they have declared that another agency submitted them
 * there. A refusal names the earlier submission (when, by whom) or the declaration; after the
 * window, the new submission shows the earlier ones as history.
 *
 * A lower module: the agency service checks each submission with it inside its transaction.
 */
import { DateTime } from 'luxon';
import type { Queryable } from '../db/db.ts';
import { declarationBlocks, withinOwnership } from '../domain/submission-ownership.ts';
import { errors } from '../errors.ts';
import type { Client } from '../repositories/agency.repository.ts';
import {
  findClientDeclaration,
  listSubmissionsToClient,
  lockClientRow,
  type ClientDeclaration,
  type EarlierSubmission,
} from '../repositories/client-declaration.repository.ts';

const day = (at: Date, zone: string) =>
  DateTime.fromJSDate(at, { zone }).setLocale('en-GB').toFormat('d LLLL yyyy');

/** What a refusal or a history shows of an earlier submission. */
export function earlierSubmissionView(s: EarlierSubmission) {
  return {
    id: s.id,
    jobId: s.jobId,
    jobTitle: s.jobTitle,
    contactId: s.contactId,
    stage: s.stage,
    submittedAt: s.submittedAt.toISOString(),
    recruiterId: s.recruiterId,
    recruiterName: s.recruiterName,
  };
}

/**
 * Inside a submission's transaction, before it is written: lock the client (two submissions of one
 * candidate to one client take turns), refuse one inside the ownership window or against the
 * candidate's declaration (409 `conflict` naming the earlier submission or the declaration), and
 * return the earlier submissions now outside the window, as history.
 */
export async function checkSubmissionAllowed(
  tx: Queryable,
  orgId: string,
  client: Client,
  candidate: { id: string; name: string },
  now: Date,
  timeZone: string,
): Promise<EarlierSubmission[]> {
  await lockClientRow(tx, orgId, client.id);
  const earlier = await listSubmissionsToClient(tx, orgId, client.id, candidate.id);
  const owning = earlier.find((s) => withinOwnership(s.submittedAt, client.ownershipDays, now));
  if (owning) {
    const until = new Date(owning.submittedAt.getTime() + client.ownershipDays * 86_400_000);
    throw errors.conflict(
      `${candidate.name} was already submitted to ${client.name} on ${day(owning.submittedAt, timeZone)} by ` +
        `${owning.recruiterName} (${owning.jobTitle}, ${owning.stage.replace('_', ' ')}); ` +
        `a new submission to ${client.name} is possible from ${day(until, timeZone)}.`,
      { field: 'candidateId', earlierSubmission: earlierSubmissionView(owning) },
    );
  }
  const declaration = await findClientDeclaration(tx, orgId, candidate.id, client.id);
  if (declaration && declarationBlocks(declaration.submittedOn, client.ownershipDays, now)) {
    const who = declaration.otherAgency || 'another agency';
    const when = declaration.submittedOn ? ` on ${declaration.submittedOn}` : '';
    throw errors.conflict(
      `${candidate.name} declared that ${who} already submitted them to ${client.name}${when}.` +
        (declaration.note ? ` (${declaration.note})` : ''),
      { field: 'candidateId', declaration: declarationView(declaration) },
    );
  }
  return earlier;
}

/** A declaration as the API shows it. */
export function declarationView(d: ClientDeclaration) {
  return { ...d, createdAt: d.createdAt.toISOString() };
}
