import type { Channel, CloseRefusal, Party, TouchpointKind } from '../domain/follow-up.ts';
import type { FollowUp, Touchpoint } from '../domain/model.ts';
import { errors } from '../errors.ts';
import { findTouchpoint, insertTouchpoint } from '../repositories/touchpoint.repository.ts';
import { instantOf, type DateOrInstant } from '../domain/business-time.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { closeFollowUpsByTouchpoint } from './follow-up.service.ts';
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
}

/** The touchpoint and what it closed; `notClosed` explains a named follow-up it could not close. */
export interface LoggedTouchpoint {
  touchpoint: Touchpoint;
  closedFollowUps: FollowUp[];
  notClosed: { followUpId: string; reason: CloseRefusal } | null;
}

const OUR_SIDE: ReadonlySet<Party> = new Set(['team', 'recruiter']);
const CLOCK_SLACK_MS = 5 * 60_000;

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
  if (input.fromParty === input.toParty) throw errors.validation('fromParty and toParty must differ.');
  if (input.channel === 'phone' && input.connected === undefined) {
    throw errors.validation('Say whether the call connected (connected: true or false).', {
      field: 'connected',
    });
  }
  const id = await deps.db.tenant(orgId).transaction(async (tx) => {
    const application = await requireApplicationRef(tx, orgId, input.applicationId, 'applicationId', {
      forUpdate: true,
    });
    const occurredAt =
      input.occurredAt instanceof Date || input.occurredAt === undefined
        ? (input.occurredAt ?? now)
        : instantOf(input.occurredAt, (await findOrganization(tx, orgId))!.policy.timeZone);
    if (occurredAt.getTime() > now.getTime() + CLOCK_SLACK_MS) {
      throw errors.validation('A touchpoint cannot have happened in the future.', { field: 'occurredAt' });
    }
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
    });
    const { closed, notClosed } = await closeFollowUpsByTouchpoint(
      tx,
      orgId,
      touchpoint,
      now,
      input.followUpId,
    );
    return { touchpointId: touchpoint.id, closed, notClosed };
  });
  const touchpoint = (await findTouchpoint(deps.db.tenant(orgId), orgId, id.touchpointId))!;
  return { touchpoint, closedFollowUps: id.closed, notClosed: id.notClosed };
}
