/**
 * The agency desk for a member named by email (or the organization's first admin), as the
 * command line asks for it: `hearback desk`. The desk itself is `getDesk` in agency.service.ts.
 */
import { errors } from '../errors.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { listMembers } from '../repositories/member.repository.ts';
import { getDesk, type Desk } from './agency.service.ts';
import type { ServiceDeps } from './deps.ts';

/** A member's desk, with who they are and the organization's name and zone. */
export interface MemberDesk {
  organization: { id: string; name: string; timeZone: string };
  member: { id: string; name: string; email: string };
  desk: Desk;
}

/**
 * The desk of the active member with `email` in the organization, or of its first active admin
 * when no email is given. An unknown organization or member is `not_found`.
 */
export async function getMemberDesk(
  deps: ServiceDeps,
  orgId: string,
  email: string | null,
): Promise<MemberDesk> {
  const tx = deps.db.tenant(orgId);
  const organization = await findOrganization(tx, orgId);
  if (!organization) throw errors.notFound('Organization', orgId);
  const members = (await listMembers(tx, orgId, { after: null, limit: 1000 })).filter((m) => m.active);
  const member =
    email === null
      ? members.find((m) => m.role === 'admin')
      : members.find((m) => m.email.toLowerCase() === email.toLowerCase());
  if (!member) throw errors.notFound('Member', email ?? 'admin');
  return {
    organization: { id: orgId, name: organization.name, timeZone: organization.policy.timeZone },
    member: { id: member.id, name: member.name, email: member.email },
    desk: await getDesk(deps, orgId, { memberId: member.id }),
  };
}
