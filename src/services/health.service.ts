import type { ServiceDeps } from './deps.ts';

/** Check that the database answers. Throws if it does not (the error handler makes it a 500). */
export async function checkHealth(deps: ServiceDeps): Promise<{ status: 'ok'; database: string }> {
  await deps.db.query('SELECT 1');
  return { status: 'ok', database: deps.db.kind };
}
