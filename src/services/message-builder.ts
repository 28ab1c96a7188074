import { nextBusinessSlot, type BusinessCalendar } from '../domain/business-time.ts';
import type { Message, MessageKind } from '../domain/model.ts';
import { scheduleSend, type ScheduleReason, type SendConstraint } from '../domain/schedule.ts';
import { textToHtml } from '../domain/template-html.ts';
import type { MessageDraft } from './outbox.service.ts';

/**
 * Who a message goes to. A member notice may go to someone outside the organization (an agency
 * recruiter, a client contact): a member with id null.
 */
export type Recipient =
  | { audience: 'candidate'; name: string; email: string }
  | { audience: 'member'; id: string | null; name: string; email: string };

/** What a message says: a rendered template, or a subject and plain text (its HTML built from it). */
export interface MessageContent {
  subject: string;
  text: string;
  /** Omitted: built from the text, everything escaped. */
  html?: string;
}

/**
 * When a message goes: 'draft' waits for a member to review and send it; otherwise it is scheduled
 * at `at` (a reason left out reads 'immediately' in the outbox).
 */
export type MessageTiming = 'draft' | { at: Date | null; because?: ScheduleReason | null };

/** Everything that differs between one message and the next; the rest of the row is derived. */
export interface MessageSpec {
  orgId: string;
  applicationId: string | null;
  kind: MessageKind;
  to: Recipient;
  /** Where a reply goes (the owner's address, usually); null: the sender's. */
  replyTo: string | null;
  content: MessageContent;
  send: MessageTiming;
  /** Sent without a person pressing send (reminders, updates, notices). */
  automatic: boolean;
  /** The member who wrote or caused it; null for the system. */
  createdBy: string | null;
  followUpId?: string | null;
  decisionId?: string | null;
  /** The message check it must pass before it goes; default none. */
  checkKind?: Message['checkKind'];
  calendar?: MessageDraft['calendar'];
}

/**
 * The one place a template, a recipient and a context become an outbox row: a {@link MessageDraft}
 * ready for `enqueueMessage(s)`, which adds threading, ids and the reply token.
 */
export function buildMessage(spec: MessageSpec): MessageDraft {
  const { content, to, send } = spec;
  return {
    orgId: spec.orgId,
    applicationId: spec.applicationId,
    followUpId: spec.followUpId ?? null,
    decisionId: spec.decisionId ?? null,
    kind: spec.kind,
    audience: to.audience,
    toMemberId: to.audience === 'member' ? to.id : null,
    toAddress: to.email,
    toName: to.name,
    replyTo: spec.replyTo,
    subject: content.subject,
    bodyText: content.text,
    bodyHtml: content.html ?? textToHtml(content.text, { title: content.subject }),
    automatic: spec.automatic,
    ...(send === 'draft'
      ? { status: 'draft' as const, sendAt: null, scheduledBecause: null }
      : { status: 'scheduled' as const, sendAt: send.at, scheduledBecause: send.because ?? null }),
    checkKind: spec.checkKind ?? null,
    createdBy: spec.createdBy,
    ...(spec.calendar !== undefined ? { calendar: spec.calendar } : {}),
  };
}

/** A member as a {@link Recipient}. */
export function memberRecipient(m: { id: string | null; name: string; email: string }): Recipient {
  return { audience: 'member', id: m.id, name: m.name, email: m.email };
}

/**
 * Now, or the next slot inside `cal`'s business hours when now is outside them: when the team
 * (`team_business_hours`) or a candidate (`candidate_business_hours`) hears something automatic.
 */
export function inBusinessHours(now: Date, cal: BusinessCalendar, because: ScheduleReason): SendConstraint {
  return scheduleSend([{ at: now, because: 'immediately' }], (t) => nextBusinessSlot(t, cal), because);
}
