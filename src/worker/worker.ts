import { setImmediate as nextLoopTurn } from 'node:timers/promises';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import type { MailTransport } from '../mail/transport.ts';
import { dispatchBacklog, type DispatchResult, type MailIdentity } from '../services/outbox.service.ts';
import { eraseDueCandidates } from '../services/candidate-privacy.service.ts';
import { purgeExpiredIdempotencyKeys } from '../services/idempotency.service.ts';
import { sendDigests, sweepFollowUps, type SweepResult } from '../services/sweep.service.ts';
import { sweepOwnedFollowUps } from '../services/owned-sweep.service.ts';
import { purgeSignInAttempts } from '../services/sign-in-attempts.ts';
import { expirePoolConsents } from '../services/talent-pool.service.ts';
import { dispatchDueDeliveries, type DeliveryResult } from '../services/webhook.service.ts';
import type { WebhookSender } from '../net/webhook-sender.ts';

/** What the worker needs. */
export interface WorkerDeps {
  db: Db;
  clock: Clock;
  transport: MailTransport;
  identity: MailIdentity;
  /** Base URL of the web app, for links in digests and chat notifications. */
  appUrl: string;
  /** Posts webhook and chat deliveries; without it, deliveries wait in their outbox. */
  sender?: WebhookSender;
}

/** Worker settings (see WORKER_* in .env.example). */
export interface WorkerOptions {
  pollMs: number;
  batchSize: number;
  leaseMs: number;
  maxAttempts: number;
  /** Messages sent in parallel (the SMTP pool size). Default 5. */
  concurrency?: number;
  /** How often digests are considered. Default one minute. */
  digestEveryMs?: number;
  /** Work for this organization only (the demo's replay must not touch real ones). Default all. */
  onlyOrgId?: string | null;
  /** Attempts at a webhook delivery before it fails and its endpoint is disabled. Default 10. */
  webhookMaxAttempts?: number;
}

/** What one tick did. */
export interface TickResult {
  sweep: SweepResult;
  digests: number;
  dispatch: DispatchResult;
  webhooks: DeliveryResult;
}

/**
 * One pass of everything the worker does: sweep the ladder (which writes messages to the
 * outbox), queue digests when due, then deliver due messages until none are left (bounded).
 * `lastDigestAt` carries between ticks; tests drive ticks directly with a manual clock.
 */
export async function runWorkerTick(
  deps: WorkerDeps,
  options: WorkerOptions,
  state: { lastDigestAt: number | null } = { lastDigestAt: null },
): Promise<TickResult> {
  // On the embedded database a query never waits on I/O: its promise settles in the same
  // microtask queue, so a tick of many queries would hold the process for its whole length,
  // with no HTTP request, timer or IPC message handled meanwhile (a month simulated tick by
  // tick stalled the loop for 17 s). A turn of the event loop before each batch lets them in.
  await nextLoopTurn();
  const sweep: SweepResult = { examined: 0, reminders: 0, updates: 0, escalations: 0, errors: 0 };
  // Keep sweeping while full batches come back: a backlog clears in one tick.
  for (let i = 0; i < 100; i++) {
    if (i > 0) await nextLoopTurn();
    const r = await sweepFollowUps(deps, options);
    for (const k of Object.keys(sweep) as (keyof SweepResult)[]) sweep[k] += r[k];
    if (r.examined < options.batchSize) break;
  }
  // Owned follow-ups other than outcomes (the agency desk's): same counts, their own ladder.
  for (let i = 0; i < 100; i++) {
    await nextLoopTurn();
    const r = await sweepOwnedFollowUps(deps, options);
    sweep.examined += r.examined;
    sweep.reminders += r.reminders;
    sweep.escalations += r.escalations;
    if (r.examined < options.batchSize) break;
  }
  let digests = 0;
  const now = deps.clock.now().getTime();
  if (state.lastDigestAt === null || now - state.lastDigestAt >= (options.digestEveryMs ?? 60_000)) {
    state.lastDigestAt = now;
    await nextLoopTurn();
    digests = await sendDigests(deps, options);
    // Erasures delayed by a legal hold, talent-pool consents that ran out, and stored API
    // responses (they quote people: gone after 24 hours) are due on the same slow cadence.
    if (!options.onlyOrgId) {
      await eraseDueCandidates(deps);
      await expirePoolConsents(deps);
      await purgeExpiredIdempotencyKeys(deps);
      await purgeSignInAttempts(deps);
    }
  }
  const dispatch = await dispatchBacklog(deps, { ...options, maxBatches: 50, beforeBatch: nextLoopTurn });
  const webhooks: DeliveryResult = { claimed: 0, delivered: 0, retried: 0, failed: 0 };
  if (deps.sender && !options.onlyOrgId) {
    const sender = deps.sender;
    for (let i = 0; i < 100; i++) {
      await nextLoopTurn();
      const r = await dispatchDueDeliveries(
        { ...deps, sender },
        {
          batchSize: options.batchSize,
          leaseMs: options.leaseMs,
          maxAttempts: options.webhookMaxAttempts ?? 10,
          concurrency: options.concurrency ?? 5,
        },
      );
      for (const k of Object.keys(webhooks) as (keyof DeliveryResult)[]) webhooks[k] += r[k];
      if (r.claimed < options.batchSize) break;
    }
  }
  return { sweep, digests, dispatch, webhooks };
}

/** A running worker loop. */
export interface RunningWorker {
  /** Finish the current tick and stop. */
  stop(): Promise<void>;
  /**
   * Finish the current tick and hold the loop until the returned function is called (the demo's
   * replay, run inside the server, must not race the real clock for the same rows).
   */
  pause(): Promise<() => void>;
}

/** Run ticks until stopped, sleeping `pollMs` when a tick found nothing to do. */
export function startWorker(
  deps: WorkerDeps,
  options: WorkerOptions,
  log: { error(obj: unknown, msg: string): void; info(msg: string): void },
): RunningWorker {
  let stopped = false;
  let wake: (() => void) | null = null;
  const state = { lastDigestAt: null as number | null };
  let pauses = 0;
  let resumed: Promise<void> = Promise.resolve();
  let resume = () => {};
  let tickDone: Promise<void> = Promise.resolve();
  const loop = (async () => {
    while (!stopped) {
      while (pauses > 0 && !stopped) await resumed;
      if (stopped) break;
      let busy = false;
      let endTick = () => {};
      tickDone = new Promise((r) => (endTick = r));
      try {
        const r = await runWorkerTick(deps, options, state);
        busy = r.dispatch.claimed > 0 || r.sweep.examined > 0 || r.webhooks.claimed > 0;
        if (
          r.dispatch.sent ||
          r.dispatch.failed ||
          r.sweep.reminders ||
          r.sweep.updates ||
          r.sweep.escalations
        ) {
          log.info(
            `worker: sent ${r.dispatch.sent}, retried ${r.dispatch.retried}, failed ${r.dispatch.failed}, ` +
              `reminders ${r.sweep.reminders}, updates ${r.sweep.updates}, escalations ${r.sweep.escalations}`,
          );
        }
      } catch (error) {
        // A database hiccup must not kill the worker: log, wait, try again. Claimed rows stay
        // leased and are reclaimed when the lease expires.
        log.error({ err: error }, 'worker tick failed');
      } finally {
        endTick();
      }
      if (!busy && !stopped && pauses === 0) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, options.pollMs).unref();
        });
        wake = null;
      }
    }
  })();
  return {
    async stop() {
      stopped = true;
      resume();
      wake?.();
      await loop;
    },
    async pause() {
      if (pauses++ === 0) resumed = new Promise((r) => (resume = r));
      await tickDone;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        if (--pauses === 0) resume();
        wake?.();
      };
    },
  };
}
