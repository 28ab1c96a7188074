import type { Queryable } from '../db/db.ts';
import type { Organization } from '../domain/model.ts';
import { PolicySchema } from '../domain/policy.ts';

interface OrganizationRow {
  id: string;
  name: string;
  policy: unknown;
  created_at: Date;
}

const toOrganization = (r: OrganizationRow): Organization => ({
  id: r.id,
  name: r.name,
  // Policies are validated on write; parsing on read fills defaults added by later versions.
  policy: PolicySchema.parse(r.policy),
  createdAt: r.created_at,
});

/** Insert an organization. */
export async function insertOrganization(
  q: Queryable,
  o: Pick<Organization, 'id' | 'name' | 'policy' | 'createdAt'>,
): Promise<Organization> {
  const [row] = await q.query<OrganizationRow>(
    `INSERT INTO organizations (id, name, policy, created_at) VALUES ($1, $2, $3::jsonb, $4) RETURNING *`,
    [o.id, o.name, JSON.stringify(o.policy), o.createdAt],
  );
  return toOrganization(row!);
}

/** The organization with this id. */
export async function findOrganization(q: Queryable, orgId: string): Promise<Organization | null> {
  const [row] = await q.query<OrganizationRow>(`SELECT * FROM organizations WHERE id = $1`, [orgId]);
  return row ? toOrganization(row) : null;
}

/** Replace an organization's policy. */
export async function updateOrganizationPolicy(
  q: Queryable,
  orgId: string,
  policy: Organization['policy'],
): Promise<Organization | null> {
  const [row] = await q.query<OrganizationRow>(
    `UPDATE organizations SET policy = $2::jsonb WHERE id = $1 RETURNING *`,
    [orgId, JSON.stringify(policy)],
  );
  return row ? toOrganization(row) : null;
}
