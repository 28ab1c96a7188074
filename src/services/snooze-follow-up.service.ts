import { instantOf, type DateOrInstant } from '../domain/business-time.ts';
import { humanDateTime } from '../domain/format.ts';
import { checkSnooze, type SnoozeRefusal } from '../domain/snooze.ts';
import { AppError, errors } from '../errors.ts';
import { insertEvent } from '../repositories/event.repository.ts';
import { findFollowUp } from '../repositories/follow-up.repository.ts';
import { setFollowUpSnooze } from '../repositories/follow-up-snooze.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { recordAudit } from './audit.service.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { readFollowUpView, type FollowUpView } from './follow-up-view.ts';

/** What a snooze takes: until when (a plain date: the start of that day in the organization's zone) and why. */
export interface SnoozeInput {
  until: DateOrInstant;
  reason: string;
}

/** The refusal as the error a caller sees. */
function refusalError(r: SnoozeRefusal, zone: string): AppError {
  switch (r.reason) {
    case 'not_open':
      return errors.invalidState(`The follow-up is ${r.status}, not open.`, { currentStatus: r.status });
    case 'not_future':
      return errors.validation('A snooze ends in the future.', { field: 'until' });
    case 'too_long':
      return errors.validation(`A snooze ends by ${humanDateTime(r.latest, zone)} at the latest.`, {
        field: 'until',
      });
    case 'past_promise':
      return new AppError(
        'snooze_past_promise',
        `The candidate was promised an answer by ${humanDateTime(r.promisedAt, zone)}; a snooze cannot run past it. ` +
          'Tell them a new date first (an update), or snooze until then at the latest.',
        { promisedAt: r.promisedAt.toISOString() },
      );
  }
}

/**
 * Snooze a follow-up: its reminders and escalations wait until `until` (the sweep skips it until
 * then), with the reason on record in its events and the audit log. A contact owed to a candidate
 * is never snoozed past what they were promised (409 `snooze_past_promise`): the ladder's honest
 * update to the candidate must still go if the promise slips. Snoozing again replaces the snooze.
 */
export async function snoozeFollowUp(
  deps: ServiceDeps,
  orgId: string,
  id: string,
  input: SnoozeInput,
  actor: Actor,
): Promise<FollowUpView> {
  const now = deps.clock.now();
  await deps.db.tenant(orgId).transaction(async (tx) => {
    const fu = await findFollowUp(tx, orgId, id);
    if (!fu) throw errors.notFound('Follow-up', id);
    const zone = (await findOrganization(tx, orgId))!.policy.timeZone;
    const until = instantOf(input.until, zone, 'start');
    const refusal = checkSnooze(fu, until, now);
    if (refusal) throw refusalError(refusal, zone);
    if (!(await setFollowUpSnooze(tx, orgId, id, until, input.reason, now))) {
      // It changed between the read and the write (closed, or its promise moved): read it again.
      const again = (await findFollowUp(tx, orgId, id))!;
      throw refusalError(
        checkSnooze(again, until, now) ?? { reason: 'not_open', status: again.status },
        zone,
      );
    }
    const change = {
      until: until.toISOString(),
      reason: input.reason,
      previousUntil: fu.snoozedUntil?.toISOString() ?? null,
    };
    await insertEvent(tx, {
      orgId,
      type: 'follow_up_snoozed',
      applicationId: fu.applicationId,
      followUpId: fu.id,
      memberId: actor.memberId,
      data: change,
      at: now,
    });
    await recordAudit(tx, orgId, now, 'follow_up_snoozed', { type: 'follow_up', id }, change);
  });
  return deps.db.tenant(orgId).transaction((tx) => readFollowUpView(tx, orgId, id, deps.clock.now()));
}
