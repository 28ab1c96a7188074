import { ManualClock, systemClock } from '../clock.ts';
import { createDemoOrganization } from '../services/demo.service.ts';
import { openRuntime } from './runtime.ts';

/** `hearback demo`: a realistic sample organization, built through the real use cases. */
export async function runDemo(): Promise<number> {
  const { db } = await openRuntime();
  try {
    const summary = await createDemoOrganization({ db, clock: new ManualClock(systemClock.now()) });
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return 0;
  } finally {
    await db.close();
  }
}
