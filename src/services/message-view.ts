/**
 * A message as people see it. A lower module: the message service (composer, outbox pages) and the
 * close-out preview show messages the same way without one calling the other.
 */
import type { Message } from '../domain/model.ts';
import { checkMessage, hasBlockingFindings, type MessageCheck } from '../domain/message-check/index.ts';
import { maskSecretLinks } from '../domain/sign-in-links.ts';

/** A message as people see it: when it goes out and why, and its check. */
export interface MessageView extends Message {
  /** When it goes (or went) out; null for drafts. */
  scheduledFor: Date | null;
  check: (Pick<MessageCheck, 'elements' | 'findings' | 'wordCount'> & { blocking: boolean }) | null;
}

/**
 * A message as people see it: the check that applies to it, if any, and sign-in and invitation
 * links masked — the outbox holds members' sign-in mail, and reading it must not mean signing in.
 */
export function viewMessage(stored: Message): MessageView {
  const message = {
    ...stored,
    bodyText: maskSecretLinks(stored.bodyText),
    bodyHtml: maskSecretLinks(stored.bodyHtml),
    scheduledFor: stored.sendAt,
  };
  if (!message.checkKind) return { ...message, check: null };
  const check = checkMessage(message.checkKind, message.bodyText);
  return {
    ...message,
    check: {
      elements: check.elements,
      findings: check.findings,
      wordCount: check.wordCount,
      blocking: hasBlockingFindings(check),
    },
  };
}
