import { maskSignInLinks } from '../domain/sign-in-links.ts';
import { listDevMail, type DevMail } from '../repositories/dev-mailbox.repository.ts';
import type { ServiceDeps } from './deps.ts';
import { decodeCursor, toPage, type Page } from './pagination.ts';

/**
 * The organization's dev mailbox, newest first, for its admins. Sign-in and invitation links are
 * masked in every mail: reading the mailbox must never let anyone sign in as a mail's addressee.
 */
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
  const page = toPage(rows, query.limit, (m) => m.deliveredAt);
  return { items: page.items.map(maskDevMail), nextCursor: page.nextCursor };
}

function maskDevMail(mail: DevMail): DevMail {
  return { ...mail, bodyText: maskSignInLinks(mail.bodyText), bodyHtml: maskSignInLinks(mail.bodyHtml) };
}
