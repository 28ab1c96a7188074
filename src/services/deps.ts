import type { Clock } from '../clock.ts';
import type { Db } from '../db/db.ts';

/** What the use cases need: the database and the clock. Nothing else is reachable from a service. */
export interface ServiceDeps {
  db: Db;
  clock: Clock;
}

/**
 * Who acts in a use case: always a member of the organization — the one signed in, or the one whose
 * API token was used. Routes take it from authentication only, never from a request body.
 */
export interface Actor {
  memberId: string;
}
