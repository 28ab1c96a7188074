import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authenticateApiToken, hashApiToken } from '../services/organization.service.ts';
import { ManualClock } from '../clock.ts';
import { openDb } from './db.ts';
import { loadMigrations, migrate } from './migrate.ts';

/**
 * Migration 0007: every API token acts as a member. Tokens that existed before it get the member
 * who created them (from the audit log), else the organization's first active admin, else an
 * admin the migration adds — so no token loses its organization and none gains a power it lacked.
 */
describe('migration 0007 on existing tokens', () => {
  it('gives each token its creator, the first admin, or a migrated admin', async () => {
    const db = await openDb({ kind: 'pglite' });
    try {
      const all = await loadMigrations();
      await migrate(
        db,
        all.filter((m) => m.version < 7),
      );
      const at = (day: number) => new Date(Date.UTC(2026, 10, day));
      const org = async (name: string) => {
        const id = randomUUID();
        await db.query(`INSERT INTO organizations (id, name, policy, created_at) VALUES ($1, $2, '{}', $3)`, [
          id,
          name,
          at(1),
        ]);
        return id;
      };
      const member = async (orgId: string, role: string, day: number, active = true) => {
        const [row] = await db.query<{ id: string }>(
          `INSERT INTO members (org_id, email, name, role, active, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
          [orgId, `${randomUUID()}@x.test`, role, role, active, at(day)],
        );
        return row!.id;
      };
      const token = async (orgId: string, secret: string) => {
        const [row] = await db.query<{ id: string }>(
          `INSERT INTO api_tokens (org_id, name, token_hash, scopes, created_at) VALUES ($1, 't', $2, '{*}', $3) RETURNING id`,
          [orgId, hashApiToken(secret), at(2)],
        );
        return row!.id;
      };
      const created = async (orgId: string, tokenId: string, actorType: string, actorId: string | null) => {
        await db.query(
          `INSERT INTO audit_log (org_id, at, actor_type, actor_id, action, target_type, target_id)
           VALUES ($1, $2, $3, $4, 'api_token_created', 'api_token', $5)`,
          [orgId, at(2), actorType, actorId, tokenId],
        );
      };

      // A: two admins; one token made by the second, one printed by `org create`, one made by a
      // recruiter since deactivated, one made with another token.
      const a = await org('A');
      const firstAdmin = await member(a, 'admin', 3);
      const secondAdmin = await member(a, 'admin', 4);
      const goneRecruiter = await member(a, 'recruiter', 5, false);
      const bySecond = await token(a, 'hb_by_second');
      await created(a, bySecond, 'member', secondAdmin);
      const printed = await token(a, 'hb_printed');
      const byRecruiter = await token(a, 'hb_by_recruiter');
      await created(a, byRecruiter, 'member', goneRecruiter);
      const byToken = await token(a, 'hb_by_token');
      await created(a, byToken, 'api_token', printed);
      // B: no admin at all, only the token `org create` printed.
      const b = await org('B');
      await member(b, 'interviewer', 3);
      const lonely = await token(b, 'hb_lonely');

      await migrate(db);
      const owner = async (id: string) =>
        (await db.query<{ member_id: string }>(`SELECT member_id FROM api_tokens WHERE id = $1`, [id]))[0]!
          .member_id;
      expect(await owner(bySecond)).toBe(secondAdmin);
      expect(await owner(printed)).toBe(firstAdmin);
      expect(await owner(byRecruiter)).toBe(goneRecruiter);
      expect(await owner(byToken)).toBe(firstAdmin);
      const [migrated] = await db.query<{
        id: string;
        role: string;
        email: string;
        password_hash: string | null;
      }>(`SELECT id, role, email, password_hash FROM members WHERE org_id = $1 AND role = 'admin'`, [b]);
      expect(migrated).toMatchObject({ role: 'admin', password_hash: null });
      expect(migrated!.email).toMatch(/@hearback\.invalid$/);
      expect(await owner(lonely)).toBe(migrated!.id);

      // And they authenticate as those members: the deactivated recruiter's token no longer does.
      const deps = { db, clock: new ManualClock('2026-12-01T15:00:00Z') };
      expect(await authenticateApiToken(deps, 'hb_printed')).toMatchObject({
        memberId: firstAdmin,
        role: 'admin',
      });
      expect(await authenticateApiToken(deps, 'hb_lonely')).toMatchObject({
        memberId: migrated!.id,
        role: 'admin',
      });
      expect(await authenticateApiToken(deps, 'hb_by_recruiter')).toBeNull();
      await expect(
        db.query(
          `INSERT INTO api_tokens (org_id, name, token_hash, created_at) VALUES ($1, 'x', 'h', now())`,
          [a],
        ),
      ).rejects.toThrow();
    } finally {
      await db.close();
    }
  });
});
