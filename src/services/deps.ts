import type { Clock } from '../clock.ts';
import type { Db } from '../db/db.ts';

/** What the use cases need: the database and the clock. Nothing else is reachable from a service. */
export interface ServiceDeps {
  db: Db;
  clock: Clock;
}
