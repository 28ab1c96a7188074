import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.ts';
import { snoozeFollowUp } from '../../services/snooze-follow-up.service.ts';
import { actorOf } from '../auth.ts';
import { routesOn } from './route-app.ts';
import {
  DATE_MEANS,
  DateOrInstantSchema,
  FollowUpViewSchema,
  IdParamsSchema,
  LineSchema,
} from '../schemas.ts';

/** The body of `POST /follow-ups/{id}/snooze`. */
export const FollowUpSnoozeSchema = z.strictObject({
  until: DateOrInstantSchema(DATE_MEANS.start).describe(
    "When its reminders start again: in the future, within 60 days, and for a contact owed to a candidate no later than what they were promised. A plain date is the start of that day in the organization's time zone.",
  ),
  reason: LineSchema(500).describe(
    'Why it waits (e.g. "the hiring manager is back from leave on Monday"); shown on the follow-up, kept in its events and the audit log.',
  ),
});

/** Snoozing a follow-up: its reminders wait until a time, for a reason. */
export function followUpSnoozeRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const route = routesOn(app, ['follow-ups']);
    route('POST /follow-ups/:id/snooze', 'snoozeFollowUp', {
      summary: 'Snooze an open follow-up until a time, with a reason',
      schema: {
        description:
          "The sweep sends none of its reminders or escalations until `until`; then its ladder resumes where it stands. A contact owed to a candidate cannot be snoozed past the time they were promised (409 `snooze_past_promise`, with `promisedAt`): tell them a new date first. Snoozing again replaces the snooze. Recorded as a `follow_up_snoozed` event and in the audit log. For several at once, call it per follow-up (the queue's bulk bar does; each refusal is the follow-up's own).",
        params: IdParamsSchema,
        body: FollowUpSnoozeSchema,
        response: { 200: FollowUpViewSchema },
      },
      handler: (req) => snoozeFollowUp(deps, req.principal.orgId, req.params.id, req.body, actorOf(req)),
    });
  };
}
