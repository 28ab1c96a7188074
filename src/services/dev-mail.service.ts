import { listAllDevMail, listDevMail, type DevMail } from '../repositories/dev-mailbox.repository.ts';
import type { ServiceDeps } from './deps.ts';
import { decodeCursor, toPage, type Page } from './pagination.ts';

/** The organization's dev mailbox, newest first. */
export async function listDevMailPage(
  deps: ServiceDeps,
  orgId: string,
  query: { cursor?: string | undefined; limit: number; to?: string | undefined },
): Promise<Page<DevMail>> {
  const rows = await listDevMail(deps.db.tenant(orgId), orgId, {
    after: decodeCursor(query.cursor),
    limit: query.limit + 1,
    to: query.to,
  });
  return toPage(rows, query.limit, (m) => m.deliveredAt);
}

/** The latest mail of this installation's dev mailbox (the /dev/mail page, dev mode only). */
export async function latestDevMail(deps: ServiceDeps, limit: number): Promise<DevMail[]> {
  return listAllDevMail(deps.db.system(), limit);
}
