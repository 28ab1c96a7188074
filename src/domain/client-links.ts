/**
 * The client's answer links (issue #16, item 7): the submission email to a client contact
 * carries one-click answers — interview, decline, more time — that open a private page for that
 * submission alone. Like candidates' status links, the stored copy of the email holds the link
 * masked; the real one is minted when the email is handed to the mail server.
 *
 * Pure: no I/O, no clock reads.
 */

/** What stands for the client's answer link in every stored or shown copy of the email. */
export const CLIENT_LINK_PLACEHOLDER = '/c/link-hidden';

/** A link answers for this long after it is sent, unless the submission ends first. */
export const CLIENT_LINK_VALID_DAYS = 30;

/** The answers a link offers. */
export const CLIENT_LINK_ANSWERS = ['interview', 'decline', 'more_time'] as const;
export type ClientLinkAnswer = (typeof CLIENT_LINK_ANSWERS)[number];

const CLIENT_LINK = /\/c\/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;
const PLACEHOLDER = /\/c\/link-hidden(?![A-Za-z0-9_-])/g;

/** Whether `token` has the shape of a link token (43 base64url characters). */
export function isClientLinkToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** `text` with every client answer link's token replaced by the placeholder. */
export function maskClientLinks(text: string): string {
  return text.replace(CLIENT_LINK, CLIENT_LINK_PLACEHOLDER);
}

/** Whether `text` holds a placeholder to fill at delivery. */
export function hasClientLinkPlaceholder(text: string): boolean {
  return text.search(PLACEHOLDER) >= 0;
}

/** `text` with every placeholder replaced by the real link's path (at delivery only). */
export function fillClientLinks(text: string, token: string): string {
  return text.replace(PLACEHOLDER, `/c/${token}`);
}

/** A link's lifecycle facts. */
export interface ClientLinkFacts {
  expiresAt: Date;
  revokedAt: Date | null;
  usedAt: Date | null;
  /** Whether the submission has ended (placed, declined, withdrawn). */
  submissionEnded: boolean;
}

/** Why a link does or does not answer now; the page says which, in plain words. */
export type ClientLinkState = 'open' | 'used' | 'revoked' | 'expired' | 'closed';

/** The state of a link at `now`. A used link stays "used" even once expired: that is what the client needs to hear. */
export function clientLinkState(link: ClientLinkFacts, now: Date): ClientLinkState {
  if (link.usedAt) return 'used';
  if (link.revokedAt) return 'revoked';
  if (link.submissionEnded) return 'closed';
  if (link.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'open';
}

/** When a link sent at `at` expires. */
export function clientLinkExpiry(at: Date): Date {
  return new Date(at.getTime() + CLIENT_LINK_VALID_DAYS * 86_400_000);
}

/** What the submission email says, in the recruiter's voice. */
export interface SubmissionEmailFacts {
  contactName: string;
  candidateName: string;
  jobTitle: string;
  pitch: string;
  recruiterName: string;
  /** The agreed deadline, already written in the contact's time zone (e.g. "Wednesday 2 December"). */
  deadline: string;
  /** The public address of this Hearback, without a trailing slash. */
  publicUrl: string;
}

/** The subject and text of the submission email, its answer links masked (filled at delivery). */
export function submissionEmail(f: SubmissionEmailFacts): { subject: string; text: string } {
  const link = (answer: ClientLinkAnswer) => `${f.publicUrl}${CLIENT_LINK_PLACEHOLDER}?answer=${answer}`;
  const first = f.contactName.split(/\s+/)[0] || f.contactName;
  return {
    subject: `${f.candidateName} for ${f.jobTitle} — your answer by ${f.deadline}`,
    text:
      `Hello ${first},\n\n` +
      `I am putting ${f.candidateName} forward for the ${f.jobTitle} role.\n\n` +
      `${f.pitch}\n\n` +
      `As we agreed, I will hear from you by ${f.deadline}. One click answers:\n\n` +
      `Interview ${f.candidateName}:\n${link('interview')}\n\n` +
      `Decline, with a short reason:\n${link('decline')}\n\n` +
      `Need more time, with the date you will answer by:\n${link('more_time')}\n\n` +
      `Each link opens a short private page for this candidate only; nothing is recorded until you ` +
      `confirm there. The links work once and for ${CLIENT_LINK_VALID_DAYS} days.\n\n` +
      `${f.recruiterName}`,
  };
}
