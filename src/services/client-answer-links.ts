/**
 * A client's one-click answer links: the submission email carries them masked, and the
 * dispatcher mints the real link when it hands the email over (as with candidates' status links,
 * nobody who can read messages holds a link that answers). A lower module: the agency service
 * (submitting) and the outbox (delivering) use it, and the client-answer service answers through
 * the links, without calling each other.
 */
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import { clientLinkExpiry, submissionEmail } from '../domain/client-links.ts';
import { humanDate } from '../domain/format.ts';
import { calendarOf } from '../domain/policy.ts';
import type { ClientContact, JobOrder, Submission } from '../repositories/agency.repository.ts';
import { findCandidate } from '../repositories/candidate.repository.ts';
import {
  findSubmissionIdOfApplication,
  insertClientAnswerLink,
} from '../repositories/client-answer.repository.ts';
import { findMember } from '../repositories/member.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { buildMessage } from './message-builder.ts';
import { enqueueMessage, type MailIdentity } from './outbox.service.ts';
import { hashToken } from './secret-tokens.ts';

/** What sending the submission email needs besides the database. */
export interface SubmissionMailDeps {
  identity: MailIdentity;
  publicUrl: string;
}

/**
 * Queue the submission email to the client contact inside the submission's transaction, with the
 * one-click answers masked (the dispatcher mints the link at delivery). A contact without an
 * email address gets none; null then.
 */
export async function enqueueSubmissionEmail(
  tx: Queryable,
  deps: SubmissionMailDeps,
  s: { submission: Submission; contact: ClientContact; job: JobOrder; feedbackDueAt: Date },
  now: Date,
): Promise<{ messageId: string } | null> {
  if (!s.contact.email) return null;
  const orgId = s.submission.orgId;
  const org = (await findOrganization(tx, orgId))!;
  const candidate = (await findCandidate(tx, orgId, s.submission.candidateId))!;
  const recruiter = (await findMember(tx, orgId, s.submission.recruiterId))!;
  const zone = s.contact.timeZone ?? calendarOf(org.policy).timeZone;
  const mail = submissionEmail({
    contactName: s.contact.name,
    candidateName: candidate.name,
    jobTitle: s.job.title,
    pitch: s.submission.pitch,
    recruiterName: recruiter.name,
    deadline: humanDate(s.feedbackDueAt, zone),
    publicUrl: deps.publicUrl,
  });
  const message = await enqueueMessage(
    tx,
    deps.identity,
    buildMessage({
      orgId,
      applicationId: s.submission.applicationId,
      kind: 'client_submission',
      // Someone outside the organization, as a member notice to an agency recruiter is.
      to: { audience: 'member', id: null, name: s.contact.name, email: s.contact.email },
      // The client's reply reaches the recruiter who submitted.
      replyTo: recruiter.email,
      content: { subject: mail.subject, text: mail.text },
      send: { at: now },
      automatic: false,
      createdBy: s.submission.recruiterId,
    }),
    now,
  );
  return { messageId: message.id };
}

/**
 * Mint the answer link of the submission behind `applicationId` inside the caller's transaction
 * (at delivery) and return its token; null when the application is no submission. Only the hash is
 * stored.
 */
export async function mintClientAnswerToken(
  tx: Queryable,
  orgId: string,
  applicationId: string,
  now: Date,
): Promise<string | null> {
  const submissionId = await findSubmissionIdOfApplication(tx, orgId, applicationId);
  if (!submissionId) return null;
  const token = randomBytes(32).toString('base64url');
  await insertClientAnswerLink(tx, {
    orgId,
    submissionId,
    tokenHash: hashToken(token),
    createdAt: now,
    expiresAt: clientLinkExpiry(now),
  });
  return token;
}
