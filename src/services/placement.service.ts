/**
 * Placements and the desk's views built on them. Placing a submission records the start date,
 * the fee and the guarantee, and schedules the recruiter's check-ins (owned follow-ups the owned
 * sweep reminds); a placement that falls through inside its guarantee opens a replacement search
 * at once. The client view (open submissions, the feedback record) and the desk's coverage,
 * contacts with no next contact and placements are read here too.
 */
import { canMoveSubmission } from '../domain/agency.ts';
import { endOfBusinessDaysAfter, localDateOf, type BusinessCalendar } from '../domain/business-time.ts';
import {
  coverageOf,
  feedbackRecord,
  fellWithinGuarantee,
  guaranteeEndsOn,
  planCheckIns,
  type FeedbackRecord,
  type PlacementFee,
  type PlannedCheckIn,
} from '../domain/placement.ts';
import { calendarOf, effectivePolicy } from '../domain/policy.ts';
import { errors } from '../errors.ts';
import {
  findClient,
  findClientContact,
  findSubmission,
  listClientContacts,
  updateSubmissionStage,
  type Client,
  type ClientContact,
  type Submission,
} from '../repositories/agency.repository.ts';
import { listEarlierInTheRunning } from '../repositories/application.repository.ts';
import { findCandidate } from '../repositories/candidate.repository.ts';
import { insertEvent } from '../repositories/event.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import {
  cancelOpenCheckIns,
  findPlacement,
  insertPlacement,
  insertPlacementFollowUp,
  listCheckIns,
  listClientFeedbackOwed,
  listContactsWithoutNext,
  listDeskPlacements,
  listJobOrdersForCoverage,
  listOpenSubmissionsOfClient,
  listPlacements,
  listPoolCandidatesForJob,
  recordFallThrough,
  type ClientOpenSubmission,
  type ContactWithoutNext,
  type DeskPlacement,
  type Placement,
  type PlacementCheckIn,
  type PoolCandidateForJob,
} from '../repositories/placement.repository.ts';
import type { Queryable } from '../db/db.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { fetchPage, type Page, type PageQuery } from './pagination.ts';
import { endClientFeedback, followSubmissionStage } from './submission-finalists.ts';

/** How many candidates a replacement search or a short job order names, from each source. */
const CANDIDATES_SHOWN = 10;

/** The organization's calendar in a person's zone (days and holidays are the agency's). */
async function calendarFor(q: Queryable, orgId: string, timeZone: string | null): Promise<BusinessCalendar> {
  const cal = calendarOf((await findOrganization(q, orgId))!.policy);
  return timeZone ? { ...cal, timeZone } : cal;
}

/** A placement with its check-ins. */
export interface PlacementView extends Placement {
  checkIns: PlacementCheckIn[];
}

/** What placing a submission takes. */
export interface PlacementInput {
  /** YYYY-MM-DD: the candidate's first day. */
  startDate: string;
  fee: PlacementFee;
  feeNote?: string | undefined;
  /** Calendar days; default the client's agreed guarantee. */
  guaranteeDays?: number | undefined;
}

/**
 * Place a submission: it moves to `placed` (its application is a hire, the client owes no more
 * feedback) and the placement is recorded with its guarantee. The submitting recruiter owns the
 * check-ins: with the candidate on the first day, at 30 days and a few business days before the
 * guarantee ends, and with the client contact before it ends.
 */
export async function placeSubmission(
  deps: ServiceDeps,
  orgId: string,
  submissionId: string,
  input: PlacementInput,
  actor: Actor,
): Promise<PlacementView> {
  const now = deps.clock.now();
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const submission = await lockPlaceableSubmission(tx, orgId, submissionId);
    const client = (await findClient(tx, orgId, submission.clientId))!;
    const contact = (await findClientContact(tx, orgId, submission.contactId))!;
    const candidate = (await findCandidate(tx, orgId, submission.candidateId))!;
    const guaranteeDays = input.guaranteeDays ?? client.guaranteeDays;
    await moveSubmissionToPlaced(tx, orgId, submissionId, now);
    const placement = await insertPlacement(tx, {
      orgId,
      submissionId,
      clientId: submission.clientId,
      jobId: submission.jobId,
      candidateId: submission.candidateId,
      applicationId: submission.applicationId,
      recruiterId: submission.recruiterId,
      startDate: input.startDate,
      fee: input.fee,
      feeNote: input.feeNote ?? '',
      guaranteeDays,
      guaranteeEndsOn: guaranteeEndsOn(input.startDate, guaranteeDays),
      createdBy: actor.memberId,
      createdAt: now,
    });
    const plan = planCheckIns(input.startDate, guaranteeDays, {
      candidate: await calendarFor(tx, orgId, candidate.timeZone),
      client: await calendarFor(tx, orgId, contact.timeZone),
    });
    await scheduleCheckIns(tx, orgId, submission, placement.id, plan, now);
    await insertEvent(tx, {
      orgId,
      type: 'placed',
      applicationId: submission.applicationId,
      memberId: actor.memberId,
      data: {
        placementId: placement.id,
        startDate: input.startDate,
        guaranteeEndsOn: placement.guaranteeEndsOn,
      },
      at: now,
    });
    return { ...placement, checkIns: await listCheckIns(tx, orgId, placement.id) };
  });
}

/** The submission to place, locked, or the refusal: missing, or at a stage that cannot move to placed. */
async function lockPlaceableSubmission(
  tx: Queryable,
  orgId: string,
  submissionId: string,
): Promise<Submission> {
  const submission = await findSubmission(tx, orgId, submissionId, { forUpdate: true });
  if (!submission) throw errors.notFound('Submission', submissionId);
  if (!canMoveSubmission(submission.stage, 'placed')) {
    throw errors.invalidState(`A submission cannot move from ${submission.stage} to placed.`, {
      field: 'stage',
    });
  }
  return submission;
}

/** Move the submission to placed: its application follows, and the client owes no more feedback. */
async function moveSubmissionToPlaced(
  tx: Queryable,
  orgId: string,
  submissionId: string,
  now: Date,
): Promise<void> {
  const moved = await updateSubmissionStage(tx, orgId, submissionId, { stage: 'placed' }, now);
  await followSubmissionStage(tx, orgId, moved, now);
  await endClientFeedback(tx, orgId, submissionId, now);
}

/** The recruiter's check-ins of a new placement, each an owned follow-up with the candidate or the client. */
async function scheduleCheckIns(
  tx: Queryable,
  orgId: string,
  submission: Submission,
  placementId: string,
  plan: PlannedCheckIn[],
  now: Date,
): Promise<void> {
  for (const c of plan) {
    // A start recorded late: a check-in already past is not scheduled (nothing to remind).
    if (c.dueAt.getTime() <= now.getTime()) continue;
    await insertPlacementFollowUp(tx, {
      orgId,
      applicationId: submission.applicationId,
      submissionId: submission.id,
      placementId,
      clientContactId: c.with === 'client' ? submission.contactId : null,
      kind: 'placement_check_in',
      owedBy: 'recruiter',
      owedTo: c.with,
      ownerId: submission.recruiterId,
      dueAt: c.dueAt,
      createdAt: now,
    });
  }
}

/** One placement with its check-ins. */
export async function getPlacement(deps: ServiceDeps, orgId: string, id: string): Promise<PlacementView> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const placement = await findPlacement(tx, orgId, id);
    if (!placement) throw errors.notFound('Placement', id);
    return { ...placement, checkIns: await listCheckIns(tx, orgId, id) };
  });
}

/** Placements, a page at a time, optionally of one client. */
export async function listPlacementsPage(
  deps: ServiceDeps,
  orgId: string,
  query: PageQuery & { clientId?: string | undefined },
): Promise<Page<Placement>> {
  return fetchPage(
    query,
    (page) => listPlacements(deps.db.tenant(orgId), orgId, query, page),
    (p) => p.createdAt,
  );
}

/** Who could fill a job: candidates in its earlier stages, and opted-in talent-pool candidates. */
export interface BackfillCandidates {
  earlier: { applicationId: string; candidateName: string; stage: string }[];
  pool: PoolCandidateForJob[];
}

async function backfillCandidates(tx: Queryable, orgId: string, jobId: string): Promise<BackfillCandidates> {
  return {
    earlier: await listEarlierInTheRunning(tx, orgId, jobId, CANDIDATES_SHOWN),
    pool: await listPoolCandidatesForJob(tx, orgId, jobId, CANDIDATES_SHOWN),
  };
}

/** A placement that fell through, and the replacement search it opened (inside the guarantee only). */
export interface PlacementFellThrough {
  placement: PlacementView;
  replacement: ({ id: string; dueAt: Date } & BackfillCandidates) | null;
}

/**
 * Record that a placement fell through on a date (not in the future), with the reason. Its open
 * check-ins are cancelled. Inside the guarantee (its last day included) a replacement search opens
 * at once: a `backfill` follow-up on the job order, owned by the recruiter and due by the close of
 * the next business day, naming who could fill it. After the guarantee it is only recorded.
 */
export async function recordPlacementFallThrough(
  deps: ServiceDeps,
  orgId: string,
  id: string,
  input: { on: string; reason: string },
  actor: Actor,
): Promise<PlacementFellThrough> {
  const now = deps.clock.now();
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const placement = await findPlacement(tx, orgId, id, { forUpdate: true });
    if (!placement) throw errors.notFound('Placement', id);
    if (placement.fellThroughOn) {
      throw errors.invalidState(`This placement already fell through on ${placement.fellThroughOn}.`);
    }
    const orgCal = await calendarFor(tx, orgId, null);
    if (input.on > localDateOf(now, orgCal.timeZone)) {
      throw errors.validation('A placement cannot have fallen through in the future.', { field: 'on' });
    }
    const within = fellWithinGuarantee(input.on, placement.guaranteeEndsOn);
    await cancelOpenCheckIns(tx, orgId, id, 'the placement fell through', now);
    let replacement: PlacementFellThrough['replacement'] = null;
    if (within) {
      const dueAt = endOfBusinessDaysAfter(now, 1, orgCal);
      const followUpId = await insertPlacementFollowUp(tx, {
        orgId,
        applicationId: placement.applicationId,
        submissionId: placement.submissionId,
        placementId: id,
        clientContactId: null,
        kind: 'backfill',
        owedBy: 'team',
        owedTo: 'team',
        ownerId: placement.recruiterId,
        dueAt,
        createdAt: now,
      });
      const candidates = await backfillCandidates(tx, orgId, placement.jobId);
      await insertEvent(tx, {
        orgId,
        type: 'backfill_needed',
        applicationId: placement.applicationId,
        followUpId,
        memberId: actor.memberId,
        data: { jobId: placement.jobId, placementId: id, reason: 'placement_fell_through', ...candidates },
        at: now,
      });
      replacement = { id: followUpId, dueAt, ...candidates };
    }
    const recorded = await recordFallThrough(
      tx,
      orgId,
      id,
      {
        on: input.on,
        reason: input.reason,
        withinGuarantee: within,
        replacementFollowUpId: replacement?.id ?? null,
      },
      now,
    );
    return { placement: { ...recorded, checkIns: await listCheckIns(tx, orgId, id) }, replacement };
  });
}

// ---- the client view

/** A client with its contacts, open submissions and feedback record. */
export interface ClientRecord {
  client: Client;
  contacts: ClientContact[];
  openSubmissions: (ClientOpenSubmission & { daysWaiting: number; pastDeadline: boolean })[];
  feedback: FeedbackRecord;
}

/** The client view: everything open with a client, and how it answers. */
export async function getClientRecord(
  deps: ServiceDeps,
  orgId: string,
  clientId: string,
): Promise<ClientRecord> {
  const now = deps.clock.now();
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const client = await findClient(tx, orgId, clientId);
    if (!client) throw errors.notFound('Client', clientId);
    const contacts = await listClientContacts(tx, orgId, clientId, { after: null, limit: 200 });
    const open = await listOpenSubmissionsOfClient(tx, orgId, clientId, 200);
    const owed = await listClientFeedbackOwed(tx, orgId, clientId);
    return {
      client,
      contacts,
      openSubmissions: open.map((s) => ({
        ...s,
        daysWaiting: Math.floor((now.getTime() - s.submittedAt.getTime()) / 86_400_000),
        pastDeadline: s.feedbackDueAt !== null && s.feedbackDueAt.getTime() < now.getTime(),
      })),
      feedback: feedbackRecord(owed, now),
    };
  });
}

// ---- the desk's coverage, defects and placements

/** A job order's final stage against its target, and who could fill it when short. */
export interface JobOrderCoverage {
  jobId: string;
  clientId: string;
  clientName: string;
  title: string;
  finalists: number;
  target: number;
  short: boolean;
  openBackfillId: string | null;
  /** When short: who could fill it. */
  candidates: BackfillCandidates | null;
}

/** What the desk adds to its lists: coverage, contacts with no next contact, placements. */
export interface DeskCoverage {
  jobOrders: JobOrderCoverage[];
  contactsWithoutNextContact: ContactWithoutNext[];
  placements: DeskPlacement[];
}

/** The desk's coverage of client jobs, its defects (contacts with no next contact) and its placements. */
export async function getDeskCoverage(deps: ServiceDeps, orgId: string): Promise<DeskCoverage> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const org = (await findOrganization(tx, orgId))!;
    const jobs = await listJobOrdersForCoverage(tx, orgId, 200);
    const jobOrders: JobOrderCoverage[] = [];
    for (const j of jobs) {
      const target = effectivePolicy(org.policy, j.policyOverrides).finalistTarget;
      const coverage = coverageOf(j.finalists, target);
      jobOrders.push({
        jobId: j.jobId,
        clientId: j.clientId,
        clientName: j.clientName,
        title: j.title,
        ...coverage,
        openBackfillId: j.openBackfillId,
        candidates: coverage.short ? await backfillCandidates(tx, orgId, j.jobId) : null,
      });
    }
    return {
      jobOrders,
      contactsWithoutNextContact: await listContactsWithoutNext(tx, orgId, 200),
      placements: await listDeskPlacements(tx, orgId, 200),
    };
  });
}
