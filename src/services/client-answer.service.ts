/**
 * The client answers a submission through a private link, without an account (issue #16, item 7).
 * Opening the link changes nothing (mail scanners fetch links); the answer is a POST from its page
 * and goes through the same path as an answer the recruiter records: it closes the client's
 * feedback follow-up, is a touchpoint from the client, and opens the recruiter's follow-up to tell
 * the candidate within one business day. A link answers once, for its submission only, expires,
 * and the recruiter can revoke it.
 */
import type { Queryable } from '../db/db.ts';
import { submissionEnded } from '../domain/agency.ts';
import {
  clientLinkState,
  isClientLinkToken,
  type ClientLinkAnswer,
  type ClientLinkState,
} from '../domain/client-links.ts';
import { calendarOf } from '../domain/policy.ts';
import { AppError, errors } from '../errors.ts';
import { findSubmission } from '../repositories/agency.repository.ts';
import {
  findClientAnswerLinkByHash,
  findClientPageFacts,
  lockClientAnswerLink,
  markClientAnswerLinkUsed,
  revokeClientAnswerLinks,
  type ClientAnswerLink,
  type ClientPageFacts,
} from '../repositories/client-answer.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { recordClientAnswer, type ClientAnswerRecorded } from './agency.service.ts';
import { hashToken } from './secret-tokens.ts';
import type { ServiceDeps } from './deps.ts';

/** What the client's page shows: the link's state and, while it answers, its one submission. */
export type ClientPage =
  | { state: 'unknown' }
  | { state: Exclude<ClientLinkState, 'open'>; at: Date | null; recruiterName: string; candidateName: string }
  | { state: 'open'; facts: ClientPageFacts; timeZone: string };

async function linkOf(deps: ServiceDeps, token: string): Promise<ClientAnswerLink | null> {
  if (!isClientLinkToken(token)) return null;
  // The token names no organization: it is found across them, then read in its own tenant.
  return findClientAnswerLinkByHash(deps.db.system(), hashToken(token));
}

async function pageOf(deps: ServiceDeps, q: Queryable, link: ClientAnswerLink): Promise<ClientPage> {
  const facts = (await findClientPageFacts(q, link.orgId, link.submissionId))!;
  const state = clientLinkState(
    { ...link, submissionEnded: submissionEnded(link.submissionStage) },
    deps.clock.now(),
  );
  if (state !== 'open') {
    const at = state === 'used' ? link.usedAt : state === 'revoked' ? link.revokedAt : null;
    return { state, at, recruiterName: facts.recruiterName, candidateName: facts.candidateName };
  }
  const org = (await findOrganization(q, link.orgId))!;
  return { state, facts, timeZone: facts.contactTimeZone ?? calendarOf(org.policy).timeZone };
}

/** The client's page for a link. Reads only: opening a link never changes anything. */
export async function getClientPage(deps: ServiceDeps, token: string): Promise<ClientPage> {
  const link = await linkOf(deps, token);
  if (!link) return { state: 'unknown' };
  return deps.db.tenant(link.orgId).transaction((tx) => pageOf(deps, tx, link));
}

/** The client's answer as the page posts it. */
export interface ClientLinkAnswerInput {
  answer: ClientLinkAnswer;
  /** A decline's reason. */
  reason?: string | undefined;
  /** More time: the date they will answer by; an interview: a date they propose (optional). */
  date?: string | undefined;
  /** Anything else the client adds. */
  note?: string | undefined;
}

/** What answering through a link did: the page to show next, and for an open link the answer recorded. */
export type ClientLinkAnswered =
  { recorded: ClientAnswerRecorded; recruiterName: string } | { recorded: null; page: ClientPage };

/**
 * Record the client's answer through their link, in one transaction with using the link up: two
 * clicks racing record one answer. A link that no longer answers changes nothing and says why.
 */
export async function answerThroughLink(
  deps: ServiceDeps,
  token: string,
  input: ClientLinkAnswerInput,
): Promise<ClientLinkAnswered> {
  const found = await linkOf(deps, token);
  if (!found) return { recorded: null, page: { state: 'unknown' } };
  const now = deps.clock.now();
  const reason = input.reason?.trim() ?? '';
  const date = input.date?.trim() ?? '';
  const note = input.note?.trim() ?? '';
  if (input.answer === 'decline' && !reason) {
    throw errors.validation('Add a short reason for the decline, so the candidate can be told why.', {
      field: 'reason',
    });
  }
  if (input.answer === 'more_time' && !date) {
    throw errors.validation('Choose the date you will answer by.', { field: 'date' });
  }
  if (date && !isCalendarDate(date)) {
    throw errors.validation('Give the date as a calendar date.', { field: 'date' });
  }
  return deps.db.tenant(found.orgId).transaction(async (tx) => {
    const link = (await lockClientAnswerLink(tx, found.orgId, found.id))!;
    const page = await pageOf(deps, tx, link);
    if (page.state !== 'open') return { recorded: null, page };
    const submission = (await findSubmission(tx, link.orgId, link.submissionId))!;
    const via = 'through their answer link';
    const summary = (main: string) => (note ? `${main} (${via}) — ${note}` : `${main} (${via})`);
    const recorded =
      input.answer === 'interview'
        ? await recordClientAnswer(
            deps,
            link.orgId,
            submission.id,
            {
              answer: 'interview',
              channel: 'email',
              summary: summary(
                date
                  ? `The client wants to interview; they propose ${date}.`
                  : 'The client wants to interview.',
              ),
            },
            null,
            tx,
          )
        : input.answer === 'decline'
          ? await recordClientAnswer(
              deps,
              link.orgId,
              submission.id,
              {
                answer: 'decline',
                reason,
                channel: 'email',
                summary: summary(`The client declined: ${reason}`),
              },
              null,
              tx,
            )
          : await recordClientAnswer(
              deps,
              link.orgId,
              submission.id,
              {
                answer: 'more_time',
                until: { date },
                channel: 'email',
                summary: summary(`The client asked for more time, until ${date}.`),
              },
              null,
              tx,
            );
    await markClientAnswerLinkUsed(tx, link.orgId, link.id, now);
    return { recorded, recruiterName: page.facts.recruiterName };
  });
}

/**
 * Revoke every answer link of a submission that has not answered yet (a wrong address, a contact
 * who left): they show "withdrawn" from now on. Returns how many were revoked.
 */
export async function revokeClientLinks(
  deps: ServiceDeps,
  orgId: string,
  submissionId: string,
): Promise<{ revoked: number }> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    if (!(await findSubmission(tx, orgId, submissionId, { forUpdate: true }))) {
      throw errors.notFound('Submission', submissionId);
    }
    return { revoked: await revokeClientAnswerLinks(tx, orgId, submissionId, deps.clock.now()) };
  });
}

/** Whether an error is one the page shows with the form again (bad input), not a fault. */
export function isPageError(error: unknown): error is AppError {
  return error instanceof AppError && error.status < 500;
}

/** Whether `s` is a real calendar date written YYYY-MM-DD. */
function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
