import type { Member } from '../domain/model.ts';
import { errors } from '../errors.ts';
import {
  findMember,
  insertMember,
  listMembers,
  lockActiveAdmins,
  updateMember,
} from '../repositories/member.repository.ts';
import { revokeSessions } from '../repositories/session.repository.ts';
import { recordAudit } from './audit.service.ts';
import type { ServiceDeps } from './deps.ts';
import { forgetMemberTokens } from './api-token-cache.ts';
import { fetchPage, type Page } from './pagination.ts';

/** Fields a member is created with. */
export type MemberInput = Pick<Member, 'email' | 'name' | 'role'> & { timeZone?: string | null | undefined };

/** Add a member to the organization. */
export async function createMember(deps: ServiceDeps, orgId: string, input: MemberInput): Promise<Member> {
  return insertMember(deps.db.tenant(orgId), {
    orgId,
    email: input.email,
    name: input.name,
    role: input.role,
    timeZone: input.timeZone ?? null,
    createdAt: deps.clock.now(),
  });
}

/** One member. */
export async function getMember(deps: ServiceDeps, orgId: string, id: string): Promise<Member> {
  const member = await findMember(deps.db.tenant(orgId), orgId, id);
  if (!member) throw errors.notFound('Member', id);
  return member;
}

/** Members, a page at a time. */
export async function listMembersPage(
  deps: ServiceDeps,
  orgId: string,
  query: { cursor?: string | undefined; limit: number; role?: Member['role'] | undefined },
): Promise<Page<Member>> {
  return fetchPage(
    query,
    (page) => listMembers(deps.db.tenant(orgId), orgId, { ...page, role: query.role }),
    (m) => m.createdAt,
  );
}

/**
 * Change a member. An organization always keeps an active admin: demoting or deactivating the
 * last one (themself included) is refused, or nobody could manage members, policy or tokens again.
 */
export async function changeMember(
  deps: ServiceDeps,
  orgId: string,
  id: string,
  patch: Partial<Pick<Member, 'email' | 'name' | 'role' | 'timeZone' | 'active'>>,
): Promise<Member> {
  const now = deps.clock.now();
  const member = await deps.db.tenant(orgId).transaction(async (tx) => {
    const before = await findMember(tx, orgId, id);
    if (!before) throw errors.notFound('Member', id);
    const losesAdmin =
      before.role === 'admin' &&
      before.active &&
      ((patch.role !== undefined && patch.role !== 'admin') || patch.active === false);
    if (losesAdmin) {
      const admins = await lockActiveAdmins(tx, orgId);
      if (admins.every((a) => a === id)) {
        throw errors.invalidState(
          'This is the last active admin: make another member an admin first, then change this one.',
          { reason: 'last_active_admin' },
        );
      }
    }
    const member = (await updateMember(tx, orgId, id, patch, now))!;
    if (patch.role && patch.role !== before.role) {
      await recordAudit(
        tx,
        orgId,
        now,
        'role_changed',
        { type: 'member', id },
        { from: before.role, to: patch.role },
      );
    }
    if (patch.active === false && before.active) {
      // A deactivated member is signed out everywhere, at once.
      await revokeSessions(tx, orgId, { memberId: id }, 'deactivated', now);
      await recordAudit(tx, orgId, now, 'member_deactivated', { type: 'member', id });
    }
    return member;
  });
  // The member's API tokens act with their role and stop with their deactivation: at once here.
  if (patch.role !== undefined || patch.active !== undefined) forgetMemberTokens(deps, id);
  return member;
}
