import type { Queryable } from '../db/db.ts';
import { isUniqueViolation, keysetPage, patchSet, type KeysetPage } from '../db/sql.ts';
import type { Member } from '../domain/model.ts';
import { errors } from '../errors.ts';

interface MemberRow {
  id: string;
  org_id: string;
  email: string;
  name: string;
  role: Member['role'];
  time_zone: string | null;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

const toMember = (r: MemberRow): Member => ({
  id: r.id,
  orgId: r.org_id,
  email: r.email,
  name: r.name,
  role: r.role,
  timeZone: r.time_zone,
  active: r.active,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const duplicateEmail = (email: string) =>
  errors.conflict(`A member with email ${email} already exists.`, { field: 'email' });

/** Insert a member. Throws conflict on a duplicate email in the organization. */
export async function insertMember(
  q: Queryable,
  m: Pick<Member, 'orgId' | 'email' | 'name' | 'role' | 'timeZone' | 'createdAt'>,
): Promise<Member> {
  try {
    const [row] = await q.query<MemberRow>(
      `INSERT INTO members (org_id, email, name, role, time_zone, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING *`,
      [m.orgId, m.email, m.name, m.role, m.timeZone, m.createdAt],
    );
    return toMember(row!);
  } catch (error) {
    if (isUniqueViolation(error, 'members_email_idx')) throw duplicateEmail(m.email);
    throw error;
  }
}

/** The member with this id in this organization. */
export async function findMember(q: Queryable, orgId: string, id: string): Promise<Member | null> {
  const [row] = await q.query<MemberRow>(`SELECT * FROM members WHERE org_id = $1 AND id = $2`, [orgId, id]);
  return row ? toMember(row) : null;
}

/** The members with these ids in this organization (unknown ids are left out). */
export async function listMembersByIds(q: Queryable, orgId: string, ids: string[]): Promise<Member[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<MemberRow>(`SELECT * FROM members WHERE org_id = $1 AND id = ANY($2::uuid[])`, [
    orgId,
    ids,
  ]);
  return rows.map(toMember);
}

/** Members of the organization in creation order, after a keyset position. */
export async function listMembers(
  q: Queryable,
  orgId: string,
  page: KeysetPage & { role?: Member['role'] | undefined },
): Promise<Member[]> {
  const k = keysetPage(page, { by: 'created_at', firstParam: 2 });
  const rows = await q.query<MemberRow>(
    `SELECT * FROM members
      WHERE org_id = $1
        AND ${k.where}
        AND ($5::text IS NULL OR role = $5)
      ${k.orderLimit}`,
    [orgId, ...k.params, page.role ?? null],
  );
  return rows.map(toMember);
}

/** Members of the organization with the given role, active only. */
export async function listActiveMembersByRole(
  q: Queryable,
  orgId: string,
  role: Member['role'],
): Promise<Member[]> {
  const rows = await q.query<MemberRow>(
    `SELECT * FROM members WHERE org_id = $1 AND role = $2 AND active ORDER BY created_at, id`,
    [orgId, role],
  );
  return rows.map(toMember);
}

/**
 * Lock the organization's active admins and return their ids: a change that could remove the
 * last one holds these locks, so two admins demoting each other at once cannot both succeed.
 */
export async function lockActiveAdmins(q: Queryable, orgId: string): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `SELECT id FROM members WHERE org_id = $1 AND role = 'admin' AND active ORDER BY id FOR UPDATE`,
    [orgId],
  );
  return rows.map((r) => r.id);
}

/** Apply a patch to a member. */
export async function updateMember(
  q: Queryable,
  orgId: string,
  id: string,
  patch: Partial<Pick<Member, 'email' | 'name' | 'role' | 'timeZone' | 'active'>>,
  at: Date,
): Promise<Member | null> {
  const set = patchSet(
    patch,
    { email: 'email', name: 'name', role: 'role', timeZone: 'time_zone', active: 'active' },
    at,
  );
  try {
    const [row] = await q.query<MemberRow>(
      `UPDATE members SET ${set.sql} WHERE org_id = $1 AND id = $2 RETURNING *`,
      [orgId, id, ...set.params],
    );
    return row ? toMember(row) : null;
  } catch (error) {
    if (isUniqueViolation(error, 'members_email_idx')) throw duplicateEmail(patch.email ?? '');
    throw error;
  }
}

/** Active members across every organization, with their organization's policy, in pages (the digest sweep). */
export async function listActiveMembersWithPolicy(
  q: Queryable,
  after: string | null,
  limit: number,
  onlyOrgId: string | null = null,
): Promise<(Member & { policy: unknown })[]> {
  const rows = await q.query<MemberRow & { policy: unknown }>(
    `SELECT m.*, o.policy FROM members m JOIN organizations o ON o.id = m.org_id
      WHERE m.active AND ($1::uuid IS NULL OR m.id > $1) AND ($3::uuid IS NULL OR m.org_id = $3)
      ORDER BY m.id LIMIT $2`,
    [after, limit, onlyOrgId],
  );
  return rows.map((r) => ({ ...toMember(r), policy: r.policy }));
}

/** A member's sign-in facts. */
export interface MemberCredentials {
  member: Member;
  passwordHash: string | null;
  organizationName: string;
}

/** Active members with this email in any organization, with their password hashes (sign-in). */
export async function findCredentialsByEmail(q: Queryable, email: string): Promise<MemberCredentials[]> {
  const rows = await q.query<MemberRow & { password_hash: string | null; organization_name: string }>(
    `SELECT m.*, o.name AS organization_name FROM members m JOIN organizations o ON o.id = m.org_id
      WHERE lower(m.email) = lower($1) AND m.active
      ORDER BY m.created_at LIMIT 20`,
    [email],
  );
  return rows.map((r) => ({
    member: toMember(r),
    passwordHash: r.password_hash,
    organizationName: r.organization_name,
  }));
}

/** The member's password hash. */
export async function findPasswordHash(q: Queryable, orgId: string, id: string): Promise<string | null> {
  const [row] = await q.query<{ password_hash: string | null }>(
    `SELECT password_hash FROM members WHERE org_id = $1 AND id = $2`,
    [orgId, id],
  );
  return row?.password_hash ?? null;
}

/** Set a member's password hash. */
export async function setPasswordHash(
  q: Queryable,
  orgId: string,
  id: string,
  hash: string,
  at: Date,
): Promise<void> {
  await q.query(
    `UPDATE members SET password_hash = $3, password_changed_at = $4, updated_at = $4 WHERE org_id = $1 AND id = $2`,
    [orgId, id, hash, at],
  );
}

/**
 * The members with these ids and every active member with `role`, in one round trip: a page of
 * follow-ups names its people and its admins (who hold escalations) together.
 */
export async function listMembersByIdsOrActiveRole(
  q: Queryable,
  orgId: string,
  ids: string[],
  role: Member['role'],
): Promise<Member[]> {
  const rows = await q.query<MemberRow>(
    `SELECT * FROM members
      WHERE org_id = $1 AND (id = ANY($2::uuid[]) OR (role = $3 AND active))
      ORDER BY created_at, id`,
    [orgId, ids, role],
  );
  return rows.map(toMember);
}
