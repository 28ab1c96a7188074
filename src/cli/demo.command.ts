import { ManualClock, systemClock } from '../clock.ts';
import { createDevMailboxTransport } from '../mail/dev-mailbox.transport.ts';
import { createDemoOrganization } from '../services/demo.service.ts';
import { runWorkerTick } from '../worker/worker.ts';
import { openRuntime, workerOptions } from './runtime.ts';

/**
 * `hearback demo`: a realistic sample organization, built through the real use cases while the
 * real worker runs beside it on a replayed clock. Its mail always goes to the dev mailbox, even
 * when SMTP is configured: sample candidates must never receive anything.
 */
export async function runDemo(): Promise<number> {
  const runtime = await openRuntime();
  try {
    const clock = new ManualClock(systemClock.now());
    const transport = createDevMailboxTransport(runtime.db, clock);
    const state = { lastDigestAt: null as number | null };
    const worker = {
      db: runtime.db,
      clock,
      transport,
      identity: runtime.identity,
      appUrl: runtime.config.publicUrl,
    };
    const summary = await createDemoOrganization(
      { db: runtime.db, clock, identity: runtime.identity },
      {
        // Scoped to the demo organization: a replayed clock must never act on real ones.
        tick: async (orgId) =>
          void (await runWorkerTick(worker, { ...workerOptions(runtime.config), onlyOrgId: orgId }, state)),
      },
    );
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return 0;
  } finally {
    await runtime.db.close();
  }
}
