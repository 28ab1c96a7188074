/**
 * The follow-up ledger's writes that many use cases share: opening an application's outcome
 * promise (one open at a time, superseding the last) and closing what a touchpoint fulfils, with
 * what closing sets off. A lower module: the interview, decision, close-job, touchpoint,
 * inbound-mail, candidate-notes and outbox services call it instead of the follow-up service.
 */
import type { Queryable } from '../db/db.ts';
import { isKept, refuseClose, type CloseRefusal } from '../domain/follow-up.ts';
import type { FollowUp, Touchpoint } from '../domain/model.ts';
import { errors } from '../errors.ts';
import {
  cancelFollowUps,
  insertFollowUp,
  lockOpenFollowUpsOfApplication,
  lockOpenFollowUpsOfApplications,
  markFollowUpsDone,
  resumeAfterReply,
  setSupersededBy,
} from '../repositories/follow-up.repository.ts';
import { cancelPendingMessages } from '../repositories/message.repository.ts';
import { scheduleNextStayInTouch } from './stay-in-touch.ts';
import { emitEvents, type EventToEmit } from './webhook.service.ts';

/**
 * Open the application's outcome follow-up. There is at most one open at a time: an earlier open
 * one is cancelled as superseded and points at its successor, so the history of promises stays.
 */
export async function openOutcomeFollowUp(
  tx: Queryable,
  orgId: string,
  input: {
    applicationId: string;
    interviewId: string | null;
    ownerId: string;
    dueAt: Date;
    now: Date;
    /** An automatic update renews the promise but keeps the ladder's state: the team is still late. */
    carry?: Pick<FollowUp, 'breachedAt' | 'escalationLevel' | 'updatesSent' | 'remindedAt'> | undefined;
    /** Why the previous promise ends: a new promise ('superseded') or an automatic update ('extended'). */
    reason?: 'superseded' | 'extended' | undefined;
  },
): Promise<{ followUp: FollowUp; superseded: FollowUp[] }> {
  const open = await lockOpenFollowUpsOfApplication(tx, orgId, input.applicationId);
  const previous = open.filter((f) => f.kind === 'outcome').map((f) => f.id);
  const superseded = await cancelFollowUps(tx, orgId, previous, input.reason ?? 'superseded', input.now);
  const followUp = await insertFollowUp(tx, {
    ...input.carry,
    orgId,
    applicationId: input.applicationId,
    interviewId: input.interviewId,
    kind: 'outcome',
    owedBy: 'team',
    owedTo: 'candidate',
    ownerId: input.ownerId,
    dueAt: input.dueAt,
    createdAt: input.now,
  });
  await setSupersededBy(tx, orgId, previous, followUp.id);
  return { followUp, superseded: superseded.map((s) => ({ ...s, supersededById: followUp.id })) };
}

/**
 * Close every open follow-up of the touchpoint's application that it fulfils (or only `onlyId`),
 * and cancel messages still waiting to deliver what was just delivered another way — a connected
 * call makes the scheduled outcome email redundant.
 */
export async function closeFollowUpsByTouchpoint(
  tx: Queryable,
  orgId: string,
  touchpoint: Touchpoint,
  now: Date,
  onlyId?: string,
  /** Keep the messages still waiting to go (a call's written note follows it), else cancel them. */
  keepPendingMessages = false,
): Promise<{ closed: FollowUp[]; notClosed: { followUpId: string; reason: CloseRefusal } | null }> {
  const open = await lockOpenFollowUpsOfApplication(tx, orgId, touchpoint.applicationId);
  if (onlyId && !open.some((f) => f.id === onlyId)) {
    // Either not on this application, or no longer open: one answer, so nothing leaks.
    throw errors.invalidState('followUpId does not name an open follow-up of this application.', {
      field: 'followUpId',
    });
  }
  const considered = onlyId ? open.filter((f) => f.id === onlyId) : open;
  const refusal = onlyId ? refuseClose(considered[0]!, touchpoint) : null;
  const closed = await closeFulfilled(tx, orgId, considered, [touchpoint], now, keepPendingMessages);
  return { closed, notClosed: refusal === null ? null : { followUpId: onlyId!, reason: refusal } };
}

/**
 * {@link closeFollowUpsByTouchpoint} for many touchpoints of one organization at once (the
 * dispatcher records a batch of delivered emails): a fixed number of statements for the batch.
 */
export async function closeFollowUpsByTouchpoints(
  tx: Queryable,
  orgId: string,
  touchpoints: Touchpoint[],
  now: Date,
): Promise<FollowUp[]> {
  const open = await lockOpenFollowUpsOfApplications(tx, orgId, [
    ...new Set(touchpoints.map((t) => t.applicationId)),
  ]);
  return closeFulfilled(tx, orgId, open, touchpoints, now);
}

/** Close each open follow-up by the first of the touchpoints (of its application) that fulfils it. */
async function closeFulfilled(
  tx: Queryable,
  orgId: string,
  open: FollowUp[],
  touchpoints: Touchpoint[],
  now: Date,
  keepPendingMessages = false,
): Promise<FollowUp[]> {
  const done = open.flatMap((fu) => {
    const tp = touchpoints.find((t) => t.applicationId === fu.applicationId && refuseClose(fu, t) === null);
    return tp ? [{ id: fu.id, doneAt: tp.occurredAt, touchpointId: tp.id }] : [];
  });
  const closed = await markFollowUpsDone(tx, orgId, done, now);
  if (closed.length === 0) return closed;
  // After an outcome call the written note still goes (issue #13); otherwise what was queued for
  // these follow-ups is moot.
  if (!keepPendingMessages) {
    await cancelPendingMessages(
      tx,
      orgId,
      { followUpIds: closed.map((f) => f.id) },
      'delivered_otherwise',
      now,
    );
  }
  // Either way a closed follow-up sets off what closing it means (events, resumed updates).
  await afterClosing(tx, orgId, closed, now);
  return closed;
}

/**
 * What closing some follow-ups sets off: an answered reply lets automatic updates run again
 * (and the sweep looks at the promise at once); a delivered outcome and received client
 * feedback are events for webhooks; a talent-pool contact schedules the next one.
 */
async function afterClosing(tx: Queryable, orgId: string, closed: FollowUp[], now: Date): Promise<void> {
  const answered = closed.filter((f) => f.kind === 'reply').map((f) => f.applicationId);
  if (answered.length > 0) await resumeAfterReply(tx, orgId, answered, now);
  const events: EventToEmit[] = [];
  for (const f of closed) {
    if (f.kind === 'outcome') {
      events.push({
        type: 'outcome.delivered',
        applicationId: f.applicationId,
        data: {
          followUp: {
            id: f.id,
            dueAt: f.dueAt.toISOString(),
            doneAt: f.doneAt?.toISOString() ?? now.toISOString(),
            kept: isKept(f),
          },
        },
        memberIds: f.ownerId ? [f.ownerId] : [],
      });
    } else if (f.kind === 'client_feedback') {
      events.push({
        type: 'client_feedback.received',
        applicationId: f.applicationId,
        data: { followUp: { id: f.id, dueAt: f.dueAt.toISOString() } },
        memberIds: f.ownerId ? [f.ownerId] : [],
      });
    }
  }
  await emitEvents(tx, orgId, events, now);
  const keptInTouch = closed.filter((f) => f.kind === 'stay_in_touch');
  if (keptInTouch.length > 0) await scheduleNextStayInTouch(tx, orgId, keptInTouch, now);
}
