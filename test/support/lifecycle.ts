/**
 * A hiring team's everyday steps, through the real services, for the simulations that play a
 * month of them against the worker: the month test (`src/worker/month-simulation.db.test.ts`)
 * and the closure benchmark (`bench/closure.ts`).
 */
import type { Decision, DecisionOutcome } from '../../src/domain/model.ts';
import type { WorkerOptions } from '../../src/worker/worker.ts';
import { recordDecision } from '../../src/services/decision.service.ts';
import { draftOutcomeMessage, sendMessage, type SentMessage } from '../../src/services/message.service.ts';
import { type MessagingDeps } from '../../src/services/message-templates.ts';
import { logTouchpoint, type LoggedTouchpoint } from '../../src/services/touchpoint.service.ts';

/**
 * The worker's settings in a simulation: small batches, two messages in parallel. The loop is the
 * caller's (one tick per simulated step), so `pollMs` is never waited on.
 */
export const SIMULATED_WORKER: WorkerOptions = {
  pollMs: 1000,
  batchSize: 50,
  leaseMs: 5 * 60_000,
  maxAttempts: 5,
  concurrency: 2,
};

/** What a decision says: the reasons and the recommendation go to a rejected candidate. */
export interface DecisionWords {
  outcome: DecisionOutcome;
  reasons?: string[];
  recommendation?: string;
}

/** The hiring manager (`deciderId`) records a decision on an application. */
export async function decide(
  deps: MessagingDeps,
  orgId: string,
  applicationId: string,
  words: DecisionWords,
  deciderId: string,
): Promise<Decision> {
  const { decision } = await recordDecision(
    deps,
    orgId,
    applicationId,
    { outcome: words.outcome, reasons: words.reasons ?? [], recommendation: words.recommendation ?? '' },
    { memberId: deciderId },
  );
  return decision;
}

/**
 * The recruiter (`senderId`) drafts the outcome message from the latest decision and sends it as
 * drafted. A draft the checks block goes with an override naming what they flagged, as a member
 * who read the findings and judged the text right would send it (the check's detectors miss some
 * phrasings: the offer template's "Next step: …" line with a call as the step, say).
 */
export async function tellOutcome(
  deps: MessagingDeps,
  orgId: string,
  applicationId: string,
  senderId: string,
  next: { nextSteps?: string; timeline?: string } = {},
): Promise<SentMessage> {
  const draft = await draftOutcomeMessage(deps, orgId, { applicationId, ...next }, { memberId: senderId });
  const blocking = draft.check?.blocking
    ? draft.check.findings.filter((f) => f.severity === 'error').map((f) => f.code)
    : [];
  return sendMessage(
    deps,
    orgId,
    draft.id,
    blocking.length > 0
      ? { override: { reason: `Read the findings (${blocking.join(', ')}); the text says it.` } }
      : {},
    { memberId: senderId },
  );
}

/** {@link decide}, then {@link tellOutcome}: a decision told at once. */
export async function decideAndTell(
  deps: MessagingDeps,
  orgId: string,
  applicationId: string,
  words: DecisionWords,
  people: { deciderId: string; senderId: string },
  next: { nextSteps?: string; timeline?: string } = {},
): Promise<{ decision: Decision; sent: SentMessage }> {
  const decision = await decide(deps, orgId, applicationId, words, people.deciderId);
  const sent = await tellOutcome(deps, orgId, applicationId, people.senderId, next);
  return { decision, sent };
}

/** A member (`callerId`) tells the candidate `decisionId` on the phone and logs the call. */
export async function tellByPhone(
  deps: MessagingDeps,
  orgId: string,
  applicationId: string,
  decisionId: string,
  callerId: string,
  connected = true,
): Promise<LoggedTouchpoint> {
  return logTouchpoint(
    deps,
    orgId,
    {
      applicationId,
      channel: 'phone',
      kind: 'outcome',
      fromParty: 'team',
      toParty: 'candidate',
      connected,
      decisionId: connected ? decisionId : undefined,
      summary: connected
        ? 'Told them the decision and the reason on the phone.'
        : 'Called; no answer, left no message.',
    },
    { memberId: callerId },
  );
}
