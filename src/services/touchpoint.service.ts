import type { Channel, CloseRefusal, Party, TouchpointKind } from '../domain/follow-up.ts';
import type { FollowUp, Touchpoint } from '../domain/model.ts';
import { errors } from '../errors.ts';
import type { Queryable } from '../db/db.ts';
import { effectivePolicy } from '../domain/policy.ts';
import { findDecision } from '../repositories/decision.repository.ts';
import { insertEvent } from '../repositories/event.repository.ts';
import {
  lockOpenFollowUpsOfApplication,
  reopenFollowUpsDoneBy,
} from '../repositories/follow-up.repository.ts';
import { findJob } from '../repositories/job.repository.ts';
import {
  cancelPendingMessages,
  listMessages,
  rewritePendingBody,
} from '../repositories/message.repository.ts';
import { findCandidate } from '../repositories/candidate.repository.ts';
import { withCallSummary, withoutCallSummary } from '../domain/call-script.ts';
import { textToHtml } from '../domain/template-html.ts';
import type { Message } from '../domain/model.ts';
import {
  findTouchpoint,
  insertTouchpoint,
  markTouchpointUndone,
} from '../repositories/touchpoint.repository.ts';
import { instantOf, type DateOrInstant } from '../domain/business-time.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { closeFollowUpsByTouchpoint } from './follow-up-ledger.ts';
import { requireApplicationRef } from './references.ts';

/** A contact that happened: a call, an email, a meeting. */
export interface TouchpointInput {
  applicationId: string;
  channel: Channel;
  kind: TouchpointKind;
  fromParty: Party;
  toParty: Party;
  /** For calls and meetings: did it reach the person? Required for phone. Default true otherwise. */
  connected?: boolean | undefined;
  /** When it happened; a plain date is the start of that day in the organization's zone. Default now. */
  occurredAt?: DateOrInstant | undefined;
  summary?: string | undefined;
  /** Close this follow-up specifically; by default every open follow-up it fulfils is closed. */
  followUpId?: string | undefined;
  /** For an outcome told by hand (a call, a meeting): the decision that was told. Required then. */
  decisionId?: string | undefined;
  /**
   * After an outcome call the written note still goes (principle 3: the candidate keeps it in
   * writing). Only with a reason does the member stop it.
   */
  skipWrittenNote?: { reason: string } | undefined;
}

/** The touchpoint and what it closed; `notClosed` explains a named follow-up it could not close. */
export interface LoggedTouchpoint {
  touchpoint: Touchpoint;
  closedFollowUps: FollowUp[];
  notClosed: { followUpId: string; reason: CloseRefusal } | null;
  /** What happens to the written outcome note after an outcome call, in plain terms. */
  writtenNote: WrittenNote | null;
  /** Until when the member can undo logging it (an outcome told by hand), or null. */
  undoUntil: Date | null;
}

/** The written outcome note after an outcome call: still going (when), stopped (why), or none drafted. */
export type WrittenNote =
  | {
      status: 'scheduled';
      messageId: string;
      sendAt: Date | null;
      /** Who it goes to, and the zone its time is placed in (the candidate's, else the organization's). */
      to: string;
      timeZone: string;
      /** The note as it will go, with what was said on the call as its last paragraph. */
      text: string;
    }
  | { status: 'cancelled'; messageId: string; reason: string }
  | { status: 'none' };

/** An outcome told by hand must say what was told: this many characters of summary at least. */
export const MIN_CALL_SUMMARY = 20;

const OUR_SIDE: ReadonlySet<Party> = new Set(['team', 'recruiter']);
const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * Refuse a touchpoint that cannot be logged as given; say whether it tells the candidate their
 * outcome by voice (a call that connected, a meeting), which must name the decision and say what
 * was told.
 */
function checkTouchpointInput(input: TouchpointInput): boolean {
  if (input.fromParty === input.toParty) throw errors.validation('fromParty and toParty must differ.');
  if (input.channel === 'phone' && input.connected === undefined) {
    throw errors.validation('Say whether the call connected (connected: true or false).', {
      field: 'connected',
    });
  }
  // Told by voice (a call, a meeting): nothing written shows what was said, so the log must.
  const tellsOutcome =
    input.kind === 'outcome' &&
    input.toParty === 'candidate' &&
    (input.channel === 'phone' || input.channel === 'in_person') &&
    (input.connected ?? true);
  if (tellsOutcome) {
    // Closing the promise by hand must record what was told, or "done" means nothing.
    if (!input.decisionId) {
      throw errors.validation('Say which decision you told the candidate (decisionId).', {
        field: 'decisionId',
      });
    }
    if ((input.summary ?? '').trim().length < MIN_CALL_SUMMARY) {
      throw errors.validation(
        `Write a short summary of what you told the candidate (at least ${MIN_CALL_SUMMARY} characters).`,
        { field: 'summary' },
      );
    }
  }
  if (input.skipWrittenNote && input.skipWrittenNote.reason.trim().length === 0) {
    throw errors.validation('Say why the written note should not be sent.', { field: 'skipWrittenNote' });
  }
  return tellsOutcome;
}

/**
 * Log a touchpoint, as `actor`'s, and close what it fulfils (principle 3): a follow-up is done
 * only by a contact that reached the party it is owed to — a voicemail is recorded and closes nothing.
 */
export async function logTouchpoint(
  deps: ServiceDeps,
  orgId: string,
  input: TouchpointInput,
  actor: Actor,
): Promise<LoggedTouchpoint> {
  const now = deps.clock.now();
  const tellsOutcome = checkTouchpointInput(input);
  const id = await deps.db.tenant(orgId).transaction(async (tx) => {
    const application = await requireApplicationRef(tx, orgId, input.applicationId, 'applicationId', {
      forUpdate: true,
    });
    if (input.decisionId) {
      const decision = await findDecision(tx, orgId, input.decisionId);
      if (!decision || decision.applicationId !== application.id) {
        throw errors.invalidReference('decisionId', 'decision of this application', input.decisionId);
      }
    }
    const occurredAt = await occurredAtOf(tx, orgId, input.occurredAt, now);
    const touchpoint = await insertTouchpoint(tx, {
      orgId,
      applicationId: application.id,
      direction: OUR_SIDE.has(input.fromParty) ? 'outbound' : 'inbound',
      channel: input.channel,
      kind: input.kind,
      fromParty: input.fromParty,
      toParty: input.toParty,
      connected: input.connected ?? true,
      memberId: actor.memberId,
      occurredAt,
      summary: input.summary ?? '',
      createdAt: now,
      decisionId: input.decisionId ?? null,
    });
    const { closed, notClosed } = await closeFollowUpsByTouchpoint(
      tx,
      orgId,
      touchpoint,
      now,
      input.followUpId,
      tellsOutcome,
    );
    const writtenNote = tellsOutcome ? await settleWrittenNote(tx, orgId, application, input, now) : null;
    await insertEvent(tx, {
      orgId,
      type: 'touchpoint_logged',
      applicationId: application.id,
      memberId: actor.memberId,
      data: {
        touchpointId: touchpoint.id,
        ...(writtenNote && { writtenNote: writtenNote.status }),
        ...(input.skipWrittenNote && { skipReason: input.skipWrittenNote.reason }),
      },
      at: now,
    });
    const undoMinutes = tellsOutcome ? await undoWindowOf(tx, orgId, application.jobId) : 0;
    return {
      touchpointId: touchpoint.id,
      closed,
      notClosed,
      writtenNote,
      undoUntil: undoMinutes > 0 ? new Date(now.getTime() + undoMinutes * 60_000) : null,
    };
  });
  const touchpoint = (await findTouchpoint(deps.db.tenant(orgId), orgId, id.touchpointId))!;
  return {
    touchpoint,
    closedFollowUps: id.closed,
    notClosed: id.notClosed,
    writtenNote: id.writtenNote,
    undoUntil: id.undoUntil,
  };
}

/** When the touchpoint happened: now, an instant, or a local time in the organization's zone; never in the future. */
async function occurredAtOf(
  tx: Queryable,
  orgId: string,
  given: TouchpointInput['occurredAt'],
  now: Date,
): Promise<Date> {
  const occurredAt =
    given instanceof Date || given === undefined
      ? (given ?? now)
      : instantOf(given, (await findOrganization(tx, orgId))!.policy.timeZone);
  if (occurredAt.getTime() > now.getTime() + CLOCK_SLACK_MS) {
    throw errors.validation('A touchpoint cannot have happened in the future.', { field: 'occurredAt' });
  }
  return occurredAt;
}

/**
 * After an outcome told by voice, the pending written note: cancelled when the caller says why
 * it should not go, else rewritten to carry what was said; `none` when there is no note.
 */
async function settleWrittenNote(
  tx: Queryable,
  orgId: string,
  application: { id: string; candidateId: string },
  input: TouchpointInput,
  now: Date,
): Promise<WrittenNote> {
  const note = (await pendingNotes(tx, orgId, application.id)).at(-1);
  if (!note) return { status: 'none' };
  if (input.skipWrittenNote) {
    const reason = input.skipWrittenNote.reason.trim();
    await cancelPendingMessages(tx, orgId, { ids: [note.id] }, `after_call: ${reason}`, now);
    return { status: 'cancelled', messageId: note.id, reason };
  }
  // The note carries what was said, so the candidate has the call in writing too.
  const withSummary = withCallSummary(note.bodyText, input.summary ?? '');
  const rewritten = (await rewritePendingBody(
    tx,
    orgId,
    note.id,
    { bodyText: withSummary, bodyHtml: textToHtml(withSummary, { title: note.subject }) },
    now,
  ))!;
  const candidate = await findCandidate(tx, orgId, application.candidateId);
  return {
    status: 'scheduled',
    messageId: note.id,
    sendAt: note.sendAt,
    to: note.toAddress,
    timeZone: candidate?.timeZone ?? (await findOrganization(tx, orgId))!.policy.timeZone,
    text: rewritten.bodyText,
  };
}

/** The candidate's outcome messages not sent yet: the written note an outcome call is followed by. */
async function pendingNotes(tx: Queryable, orgId: string, applicationId: string): Promise<Message[]> {
  return (await listMessages(tx, orgId, { applicationId }, { after: null, limit: 200 })).filter(
    (m) =>
      m.audience === 'candidate' &&
      (m.status === 'scheduled' || m.status === 'draft') &&
      (m.kind === 'outcome' || m.kind === 'job_closed'),
  );
}

async function undoWindowOf(tx: Queryable, orgId: string, jobId: string): Promise<number> {
  const org = (await findOrganization(tx, orgId))!;
  const job = (await findJob(tx, orgId, jobId))!;
  return effectivePolicy(org.policy, job.policyOverrides).undoWindowMinutes;
}

/**
 * Undo logging an outcome told by hand, within the policy's undo window, as `actor` (the member who
 * logged it): the touchpoint stays on record as undone, and the follow-ups it closed are open again.
 */
export async function undoTouchpoint(
  deps: ServiceDeps,
  orgId: string,
  id: string,
  actor: Actor,
): Promise<{ touchpoint: Touchpoint; reopenedFollowUps: FollowUp[] }> {
  const now = deps.clock.now();
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const found = await findTouchpoint(tx, orgId, id);
    if (!found) throw errors.notFound('Touchpoint', id);
    const application = await requireApplicationRef(tx, orgId, found.applicationId, 'applicationId', {
      forUpdate: true,
    });
    if (found.undoneAt) throw errors.invalidState('This contact was already undone.');
    if (found.memberId !== actor.memberId) {
      throw errors.invalidState('Only the member who logged this contact can undo it.');
    }
    const minutes = await undoWindowOf(tx, orgId, application.jobId);
    if (now.getTime() > found.createdAt.getTime() + minutes * 60_000) {
      throw errors.invalidState('The undo window has passed; log a correction instead.', {
        reason: 'undo_window_passed',
      });
    }
    const open = await lockOpenFollowUpsOfApplication(tx, orgId, application.id);
    if (open.some((f) => f.kind === 'outcome')) {
      throw errors.invalidState('A newer outcome follow-up is open; this contact can no longer be undone.');
    }
    const touchpoint = (await markTouchpointUndone(tx, orgId, id, now))!;
    // The written note no longer carries what was said on a call that did not count.
    if (found.kind === 'outcome' && found.summary) {
      for (const note of await pendingNotes(tx, orgId, application.id)) {
        const without = withoutCallSummary(note.bodyText, found.summary);
        if (without === note.bodyText) continue;
        await rewritePendingBody(
          tx,
          orgId,
          note.id,
          { bodyText: without, bodyHtml: textToHtml(without, { title: note.subject }) },
          now,
        );
      }
    }
    const reopenedFollowUps = await reopenFollowUpsDoneBy(tx, orgId, id, now);
    await insertEvent(tx, {
      orgId,
      type: 'touchpoint_undone',
      applicationId: application.id,
      memberId: actor.memberId,
      data: { touchpointId: id, reopened: reopenedFollowUps.length },
      at: now,
    });
    return { touchpoint, reopenedFollowUps };
  });
}
