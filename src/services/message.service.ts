import { candidateTemplateContext } from '../domain/candidate-context.ts';
import { promisedTimeOf } from '../domain/follow-up.ts';
import type { Queryable } from '../db/db.ts';
import {
  businessDaysLater,
  instantOf,
  nextBusinessSlot,
  type DateOrInstant,
} from '../domain/business-time.ts';
import { scheduleSend, type SendConstraint } from '../domain/schedule.ts';
import { callScript } from '../domain/call-script.ts';
import { humanDate, humanizeKey } from '../domain/format.ts';
import { checkMessage, type MessageCheck, type CheckKind } from '../domain/message-check/index.ts';
import type { Application, Decision, DecisionOutcome, Message, MessageStatus } from '../domain/model.ts';
import { calendarOf, effectivePolicy } from '../domain/policy.ts';
import { headerValue } from '../domain/email.ts';
import { maskStatusLinks } from '../domain/sign-in-links.ts';
import { renderTemplate, type TemplateKey } from '../domain/template-engine.ts';
import { textToHtml } from '../domain/template-html.ts';
import { AppError, errors } from '../errors.ts';
import { findCandidate } from '../repositories/candidate.repository.ts';
import { findDecision, listDecisionsOfApplication } from '../repositories/decision.repository.ts';
import { insertEvent } from '../repositories/event.repository.ts';
import { listFeedbackOfApplication } from '../repositories/feedback.repository.ts';
import { lockOpenFollowUpsOfApplication } from '../repositories/follow-up.repository.ts';
import { findJob } from '../repositories/job.repository.ts';
import { findMember } from '../repositories/member.repository.ts';
import {
  cancelPendingMessages,
  findMessage,
  listMessages,
  scheduleMessage,
  updateDraft,
  unscheduleMessage,
} from '../repositories/message.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { recordAudit } from './audit.service.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { statusLinkPlaceholder } from './candidate-links.ts';
import { buildMessage } from './message-builder.ts';
import { linkBase, loadTemplate, type MessagingDeps } from './message-templates.ts';
import { viewMessage, type MessageView } from './message-view.ts';
import { enqueueMessage } from './outbox.service.ts';
import { fetchPage, type Page } from './pagination.ts';
import { requireApplication } from './references.ts';

/** Check a text as the composer would (API and CLI). */
export function checkText(kind: CheckKind, text: string): MessageCheck {
  return checkMessage(kind, text);
}

const TEMPLATE_FOR: Record<DecisionOutcome, TemplateKey> = {
  reject: 'rejection',
  advance: 'advance',
  offer: 'offer',
  hold: 'update',
};
const CHECK_FOR: Partial<Record<TemplateKey, NonNullable<Message['checkKind']>>> = {
  rejection: 'rejection',
  advance: 'advance',
  offer: 'advance',
  update: 'update',
  job_closed: 'rejection',
};

/** The facts a candidate message is written from. */
async function candidateContext(
  q: Queryable,
  orgId: string,
  application: Application,
  ownerId: string | null,
) {
  const org = (await findOrganization(q, orgId))!;
  const job = (await findJob(q, orgId, application.jobId))!;
  const candidate = (await findCandidate(q, orgId, application.candidateId))!;
  const owner = ownerId ? await findMember(q, orgId, ownerId) : null;
  const policy = effectivePolicy(org.policy, job.policyOverrides);
  return { org, job, candidate, owner, policy };
}

/** Input to draft an outcome message. */
export interface DraftInput {
  applicationId: string;
  /** The decision to write about. Default: the application's latest decision. */
  decisionId?: string | undefined;
  nextSteps?: string | undefined;
  timeline?: string | undefined;
}

/**
 * Draft the candidate's outcome message from the decision (principle 4): the template, the
 * structured reasons and recommendation, and what the interviewers rated highly — so the "why"
 * is specific. The draft answers the application's open outcome follow-up; nothing is sent yet.
 * `actor` writes it (and signs it when the follow-up has no owner).
 */
export async function draftOutcomeMessage(
  deps: MessagingDeps,
  orgId: string,
  input: DraftInput,
  actor: Actor,
): Promise<MessageView> {
  const now = deps.clock.now();
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const application = await requireApplication(tx, orgId, input.applicationId, { forUpdate: true });
    if (application.status === 'withdrawn') throw errors.invalidState('The candidate has withdrawn.');
    let decision: Decision | null;
    if (input.decisionId) {
      decision = await findDecision(tx, orgId, input.decisionId);
      if (!decision || decision.applicationId !== application.id) {
        throw errors.invalidReference('decisionId', 'decision of this application', input.decisionId);
      }
    } else {
      decision = (await listDecisionsOfApplication(tx, orgId, application.id)).at(-1) ?? null;
    }
    if (!decision) throw errors.invalidState('Record a decision first: the message is written from it.');
    const open = await lockOpenFollowUpsOfApplication(tx, orgId, application.id);
    const followUp = open.find((f) => f.kind === 'outcome') ?? null;
    const ctx = await candidateContext(tx, orgId, application, followUp?.ownerId ?? actor.memberId);
    if (!ctx.candidate.email) {
      throw errors.invalidState('The candidate has no email address: call them and log the call instead.');
    }
    const key = TEMPLATE_FOR[decision.outcome];
    const zone = ctx.candidate.timeZone ?? ctx.policy.timeZone;
    const strengths = [
      ...new Set(
        (await listFeedbackOfApplication(tx, orgId, application.id)).flatMap((f) =>
          Object.entries(f.ratings)
            .filter(([, score]) => score >= 4)
            .map(([k]) => humanizeKey(k)),
        ),
      ),
    ].slice(0, 3);
    const rendered = renderTemplate(await loadTemplate(tx, orgId, key), {
      ...candidateTemplateContext({
        organizationName: ctx.org.name,
        candidateName: ctx.candidate.name,
        jobTitle: ctx.job.title,
        owner: ctx.owner,
        statusLink: statusLinkPlaceholder(linkBase(deps)),
      }),
      reasons: decision.reasons,
      strengths,
      recommendation: decision.recommendation,
      next_steps: input.nextSteps ?? '',
      timeline: input.timeline ?? '',
      // What the candidate was promised, not the team's own (possibly pulled-forward) due time.
      promised_date: followUp ? humanDate(promisedTimeOf(followUp), zone) : '',
      // A hold's new date is the timeline the member gives; without one the promised date stands
      // (or, once it has passed, the draft asks for a new one). Only a passed date earns an apology.
      new_date: (input.timeline ?? '').replace(/^\s*by\s+/i, ''),
      late: followUp ? promisedTimeOf(followUp).getTime() < now.getTime() : false,
      reason: decision.outcome === 'hold' ? decision.reasons.join('; ') : '',
    });
    const message = await enqueueMessage(
      tx,
      deps.identity,
      buildMessage({
        orgId,
        applicationId: application.id,
        followUpId: followUp?.id ?? null,
        decisionId: decision.id,
        kind: decision.outcome === 'hold' ? 'update' : 'outcome',
        to: { audience: 'candidate', name: ctx.candidate.name, email: ctx.candidate.email },
        replyTo: ctx.owner?.email ?? null,
        content: rendered,
        send: 'draft',
        automatic: false,
        checkKind: CHECK_FOR[key] ?? null,
        createdBy: actor.memberId,
      }),
      now,
    );
    return viewMessage(message);
  });
}

async function requireMessage(q: Queryable, orgId: string, id: string, forUpdate = false): Promise<Message> {
  const message = await findMessage(q, orgId, id, { forUpdate });
  if (!message) throw errors.notFound('Message', id);
  return message;
}

/** Edit a draft: the HTML is rebuilt from the text, so what was reviewed is what is sent. */
export async function editDraft(
  deps: MessagingDeps,
  orgId: string,
  id: string,
  patch: { subject?: string | undefined; bodyText?: string | undefined },
): Promise<MessageView> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const message = await requireMessage(tx, orgId, id, true);
    if (message.status !== 'draft')
      throw errors.invalidState(`The message is ${message.status}; only drafts can be edited.`);
    // A header value from user input: one line (no CR/LF), bounded, before anything stores it.
    const subject = headerValue(patch.subject ?? message.subject, 200);
    const bodyText = maskStatusLinks(patch.bodyText ?? message.bodyText);
    const updated = (await updateDraft(
      tx,
      orgId,
      id,
      { subject, bodyText, bodyHtml: textToHtml(bodyText, { title: subject }) },
      deps.clock.now(),
    ))!;
    return viewMessage(updated);
  });
}

/** What sending scheduled, and how to call first when the candidate is in the final stage. */
export interface SentMessage {
  message: MessageView;
  /** Present for final-stage candidates: call first; the email waits until `message.scheduledFor`. */
  callScript: string[] | null;
}

/**
 * Send a draft, as `actor`: schedule it after the undo window, any send delay, and — for
 * final-stage candidates — the phone-first wait, then into the candidate's business hours, and
 * record which of these set the time. A draft with blocking findings goes only with an explicit
 * override, which is recorded. A plain `sendAt` date means the start of that day in the
 * organization's time zone.
 */
export async function sendMessage(
  deps: MessagingDeps,
  orgId: string,
  id: string,
  input: { sendAt?: DateOrInstant | undefined; override?: { reason: string } | undefined },
  actor: Actor,
): Promise<SentMessage> {
  const now = deps.clock.now();
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const message = await requireMessage(tx, orgId, id, true);
    if (message.status !== 'draft')
      throw errors.invalidState(`The message is ${message.status}, not a draft.`);
    const view = viewMessage(message);
    if (view.check?.blocking && !input.override) {
      throw new AppError(
        'message_check_failed',
        'The message has blocking findings; fix them or send with an override.',
        {
          findings: view.check.findings.filter((f) => f.severity === 'error'),
        },
      );
    }
    const rules = message.applicationId
      ? await applicationSendRules(tx, orgId, message, message.applicationId, now)
      : {
          constraints: [],
          place: (earliest: Date) => earliest,
          orgZone: async () => (await findOrganization(tx, orgId))!.policy.timeZone,
          script: null,
        };
    // The times it may not go before, most telling first (on a tie, the first listed is the reason).
    const { constraints, place, orgZone, script } = rules;
    if (input.sendAt) {
      constraints.unshift({ at: instantOf(input.sendAt, await orgZone()), because: 'requested_time' });
    }
    constraints.push({ at: now, because: 'immediately' });
    const { at: sendAt, because } = scheduleSend(constraints, place, 'candidate_business_hours');
    const scheduled = (await scheduleMessage(
      tx,
      orgId,
      id,
      { sendAt, because },
      input.override?.reason ?? null,
      now,
    ))!;
    await recordSend(
      tx,
      orgId,
      { message, view, input, actor },
      { sendAt, because, phoneFirst: script !== null },
      now,
    );
    return { message: viewMessage(scheduled), callScript: script };
  });
}

/** When a message may go and how it is placed: its constraints, its slotting, the zone a plain date means. */
interface SendRules {
  constraints: SendConstraint[];
  place: (earliest: Date) => Date;
  orgZone: () => Promise<string>;
  /** The call to make first (final-stage outcomes), else null. */
  script: string[] | null;
}

/**
 * The send rules of a message to an application's candidate: the phone-first wait (with its call
 * script) for a final-stage outcome, the send delay after a decision, the undo window, and the
 * candidate's business hours. Refuses a withdrawn candidate.
 */
async function applicationSendRules(
  tx: Queryable,
  orgId: string,
  message: Message,
  applicationId: string,
  now: Date,
): Promise<SendRules> {
  const application = await requireApplication(tx, orgId, applicationId, { forUpdate: true });
  if (application.status === 'withdrawn') throw errors.invalidState('The candidate has withdrawn.');
  const ctx = await candidateContext(tx, orgId, application, null);
  const policy = ctx.policy;
  const constraints: SendConstraint[] = [];
  let script: string[] | null = null;
  const decision = message.decisionId ? await findDecision(tx, orgId, message.decisionId) : null;
  if (decision && application.finalStage && policy.phoneFirstBusinessDays > 0 && message.kind === 'outcome') {
    constraints.push({
      at: businessDaysLater(now, policy.phoneFirstBusinessDays, calendarOf(policy)),
      because: 'phone_first_wait',
    });
    script = callScript({
      outcome: decision.outcome,
      candidateFirstName: ctx.candidate.name.split(/\s+/)[0] ?? ctx.candidate.name,
      jobTitle: ctx.job.title,
      reasons: decision.reasons,
      recommendation: decision.recommendation,
    });
  }
  if (decision && policy.sendDelayMinutes > 0) {
    constraints.push({
      at: new Date(decision.decidedAt.getTime() + policy.sendDelayMinutes * 60_000),
      because: 'send_delay',
    });
  }
  if (policy.undoWindowMinutes > 0) {
    constraints.push({
      at: new Date(now.getTime() + policy.undoWindowMinutes * 60_000),
      because: 'undo_window',
    });
  }
  // In the candidate's business hours: their zone if known, else the organization's.
  const candidateCalendar = {
    ...calendarOf(policy),
    timeZone: ctx.candidate.timeZone ?? policy.timeZone,
  };
  return {
    constraints,
    place: (earliest) => nextBusinessSlot(earliest, candidateCalendar),
    orgZone: () => Promise.resolve(policy.timeZone),
    script,
  };
}

/** Record a send: the audit entry, the scheduled event, and an override of blocking findings. */
async function recordSend(
  tx: Queryable,
  orgId: string,
  sent: {
    message: Message;
    view: MessageView;
    input: { override?: { reason: string } | undefined };
    actor: Actor;
  },
  schedule: { sendAt: Date; because: string; phoneFirst: boolean },
  now: Date,
): Promise<void> {
  const { message, view, input, actor } = sent;
  const { sendAt, because, phoneFirst } = schedule;
  const id = message.id;
  await recordAudit(
    tx,
    orgId,
    now,
    message.kind === 'outcome' ? 'outcome_sent' : 'message_sent',
    { type: 'message', id },
    {
      sendAt: sendAt.toISOString(),
      because,
      ...(input.override && { override: input.override.reason }),
    },
  );
  await insertEvent(tx, {
    orgId,
    type: 'message_scheduled',
    applicationId: message.applicationId,
    messageId: id,
    memberId: actor.memberId,
    data: { sendAt: sendAt.toISOString(), because, phoneFirst },
    at: now,
  });
  if (input.override && view.check?.blocking) {
    await insertEvent(tx, {
      orgId,
      type: 'message_check_overridden',
      applicationId: message.applicationId,
      messageId: id,
      memberId: actor.memberId,
      data: {
        reason: input.override.reason,
        findings: view.check.findings.filter((f) => f.severity === 'error'),
      },
      at: now,
    });
  }
}

/** What happened to one message of a bulk send. */
export type BulkSendResult =
  | ({ id: string; outcome: 'scheduled' } & SentMessage)
  | {
      id: string;
      outcome: 'refused';
      /** The stable error code, as a single send would answer it. */
      code: string;
      reason: string;
      details: Record<string, unknown> | null;
    };

/**
 * Send several reviewed drafts, as `actor`: each goes through {@link sendMessage} on its own (its
 * own transaction, undo window and checks), so one refused draft — blocking findings, already
 * sent, a withdrawn candidate — stays a draft with its text and does not stop the others.
 */
export async function sendMessages(
  deps: MessagingDeps,
  orgId: string,
  ids: string[],
  actor: Actor,
): Promise<{ results: BulkSendResult[] }> {
  const results: BulkSendResult[] = [];
  for (const id of new Set(ids)) {
    try {
      results.push({ id, outcome: 'scheduled', ...(await sendMessage(deps, orgId, id, {}, actor)) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({
        id,
        outcome: 'refused',
        code: error.code,
        reason: error.message,
        details: error.details ?? null,
      });
    }
  }
  return { results };
}

/**
 * Take back a message that has not gone yet, as `actor`, in one transaction: `change` moves it
 * (returning null when it is past that) and the step is recorded as an event with its reason.
 */
async function takeBackMessage(
  deps: MessagingDeps,
  orgId: string,
  id: string,
  actor: Actor,
  step: {
    change: (tx: Queryable, now: Date) => Promise<Message | null | undefined>;
    /** What the refusal says can no longer be done ("cancelled", "undone"). */
    refused: string;
    event: 'message_cancelled' | 'message_unscheduled';
    reason: string;
  },
): Promise<MessageView> {
  const now = deps.clock.now();
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const message = await requireMessage(tx, orgId, id, true);
    const changed = await step.change(tx, now);
    if (!changed) {
      throw errors.invalidState(`The message is ${message.status}; it can no longer be ${step.refused}.`, {
        status: message.status,
      });
    }
    await insertEvent(tx, {
      orgId,
      type: step.event,
      applicationId: message.applicationId,
      messageId: id,
      memberId: actor.memberId,
      data: { reason: step.reason },
      at: now,
    });
    return viewMessage(changed);
  });
}

/** Cancel a draft or a scheduled message (the undo), as `actor`. */
export async function cancelMessage(
  deps: MessagingDeps,
  orgId: string,
  id: string,
  actor: Actor,
): Promise<MessageView> {
  return takeBackMessage(deps, orgId, id, actor, {
    change: async (tx, now) =>
      (await cancelPendingMessages(tx, orgId, { ids: [id] }, 'cancelled_by_member', now))[0],
    refused: 'cancelled',
    event: 'message_cancelled',
    reason: 'cancelled_by_member',
  });
}

/**
 * Undo a send, as `actor`: the scheduled message goes back to a draft with its text, so the
 * composer reopens on it and the decision it was written from stays the only one.
 */
export async function undoSend(
  deps: MessagingDeps,
  orgId: string,
  id: string,
  actor: Actor,
): Promise<MessageView> {
  return takeBackMessage(deps, orgId, id, actor, {
    change: (tx, now) => unscheduleMessage(tx, orgId, id, now),
    refused: 'undone',
    event: 'message_unscheduled',
    reason: 'undo',
  });
}

/** One message. */
export async function getMessage(deps: ServiceDeps, orgId: string, id: string): Promise<MessageView> {
  return viewMessage(await requireMessage(deps.db.tenant(orgId), orgId, id));
}

/**
 * Messages, a page at a time, oldest first; by application, job or status. Drafts (`status=draft`)
 * are the organization's "to send" list: what was drafted and not yet sent stays findable.
 */
export async function listMessagesPage(
  deps: ServiceDeps,
  orgId: string,
  query: {
    cursor?: string | undefined;
    limit: number;
    applicationId?: string | undefined;
    jobId?: string | undefined;
    status?: MessageStatus | undefined;
  },
): Promise<Page<MessageView>> {
  const filter = { applicationId: query.applicationId, jobId: query.jobId, status: query.status };
  const messages = await fetchPage(
    query,
    (page) => listMessages(deps.db.tenant(orgId), orgId, filter, page),
    (m) => m.createdAt,
  );
  return { items: messages.items.map(viewMessage), nextCursor: messages.nextCursor };
}
