import { maskSecretLinks } from '../domain/sign-in-links.ts';
import { listDevMail, type DevMail } from '../repositories/dev-mailbox.repository.ts';
import type { ServiceDeps } from './deps.ts';
import { fetchPage, type Page } from './pagination.ts';

/**
 * The organization's dev mailbox, newest first, for its admins. Sign-in and invitation links are
 * masked in every mail: reading the mailbox must never let anyone sign in as a mail's addressee.
 */
export async function listDevMailPage(
  deps: ServiceDeps,
  orgId: string,
  query: { cursor?: string | undefined; limit: number; to?: string | undefined },
): Promise<Page<DevMail>> {
  const mail = await fetchPage(
    query,
    (page) => listDevMail(deps.db.tenant(orgId), orgId, { ...page, to: query.to }),
    (m) => m.deliveredAt,
  );
  return { items: mail.items.map(maskDevMail), nextCursor: mail.nextCursor };
}

function maskDevMail(mail: DevMail): DevMail {
  return { ...mail, bodyText: maskSecretLinks(mail.bodyText), bodyHtml: maskSecretLinks(mail.bodyHtml) };
}
