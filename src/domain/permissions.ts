/**
 * Who may do what: one table for the whole product, enforced in one place (every API route
 * declares the permission it needs; src/http/auth.ts checks it) and narrowed further in the
 * database for interviewers (row-level security, migrations/0003_security.sql).
 *
 * | permission            | admin | recruiter | hiring_manager | interviewer | token read | token write |
 * |-----------------------|:-----:|:---------:|:--------------:|:-----------:|:----------:|:-----------:|
 * | organization:read     |   ✓   |     ✓     |       ✓        |      ✓      |     ✓      |      ✓      |
 * | policy:write          |   ✓   |           |                |             |            |             |
 * | members:read          |   ✓   |     ✓     |       ✓        |      ✓      |     ✓      |      ✓      |
 * | members:write         |   ✓   |           |                |             |            |             |
 * | tokens:write          |   ✓   |           |                |             |            |             |
 * | audit:read            |   ✓   |           |                |             |            |             |
 * | jobs:read             |   ✓   |     ✓     |       ✓        |      ✓      |     ✓      |      ✓      |
 * | jobs:write            |   ✓   |     ✓     |       ✓        |             |            |      ✓      |
 * | candidates:read       |   ✓   |     ✓     |       ✓        |  (theirs)   |     ✓      |      ✓      |
 * | candidates:write      |   ✓   |     ✓     |       ✓        |             |            |      ✓      |
 * | applications:read     |   ✓   |     ✓     |       ✓        |  (theirs)   |     ✓      |      ✓      |
 * | applications:write    |   ✓   |     ✓     |       ✓        |             |            |      ✓      |
 * | interviews:read       |   ✓   |     ✓     |       ✓        |  (theirs)   |     ✓      |      ✓      |
 * | interviews:write      |   ✓   |     ✓     |       ✓        |             |            |      ✓      |
 * | interviews:close      |   ✓   |     ✓     |       ✓        |      ✓      |            |      ✓      |
 * | feedback:read         |   ✓   |     ✓     |       ✓        |   (own)     |     ✓      |      ✓      |
 * | feedback:write        |   ✓   |     ✓     |       ✓        |   (own)     |            |      ✓      |
 * | decisions:read        |   ✓   |     ✓     |       ✓        |             |     ✓      |      ✓      |
 * | decisions:write       |   ✓   |     ✓     |       ✓        |             |            |      ✓      |
 * | touchpoints:write     |   ✓   |     ✓     |       ✓        |             |            |      ✓      |
 * | follow_ups:read       |   ✓   |     ✓     |       ✓        |  (theirs)   |     ✓      |      ✓      |
 * | follow_ups:write      |   ✓   |     ✓     |       ✓        |             |            |      ✓      |
 * | messages:read         |   ✓   |     ✓     |       ✓        |             |     ✓      |      ✓      |
 * | messages:write        |   ✓   |     ✓     |       ✓        |             |            |      ✓      |
 * | messages:send         |   ✓   |     ✓     |       ✓        |             |            |      ✓      |
 * | templates:read        |   ✓   |     ✓     |       ✓        |             |     ✓      |      ✓      |
 * | templates:write       |   ✓   |     ✓     |                |             |            |      ✓      |
 * | promises:preview      |   ✓   |     ✓     |       ✓        |      ✓      |     ✓      |      ✓      |
 * | dev_mail:read         |   ✓   |           |                |             |            |             |
 * | reports:read          |   ✓   |     ✓     |       ✓        |             |     ✓      |      ✓      |
 * | webhooks:manage       |   ✓   |           |                |             |            |             |
 * | calendar_feed:write   |   ✓   |     ✓     |       ✓        |      ✓      |            |      ✓      |
 * | imports:manage        |   ✓   |           |                |             |            |             |
 * | organization:export   |   ✓   |           |                |             |            |             |
 * | sso:manage            |   ✓   |           |                |             |            |             |
 *
 * Changing a job's overrides of compliance fields (`COMPLIANCE_POLICY_FIELDS` in policy.ts: the
 * legal hold, the undo window) takes `policy:write` as well as `jobs:write`.
 *
 * A token with scope `*` has every permission. Rejection reasons (decisions) and feedback are
 * never shown to candidates: no candidate-facing surface has any of these permissions.
 */
import type { MemberRole } from './model.ts';

export const PERMISSIONS = [
  'organization:read',
  'policy:write',
  'members:read',
  'members:write',
  'tokens:write',
  'audit:read',
  'jobs:read',
  'jobs:write',
  'candidates:read',
  'candidates:write',
  'applications:read',
  'applications:write',
  'interviews:read',
  'interviews:write',
  'interviews:close',
  'feedback:read',
  'feedback:write',
  'decisions:read',
  'decisions:write',
  'touchpoints:write',
  'follow_ups:read',
  'follow_ups:write',
  'messages:read',
  'messages:write',
  'messages:send',
  'templates:read',
  'templates:write',
  'promises:preview',
  'dev_mail:read',
  'reports:read',
  'webhooks:manage',
  'calendar_feed:write',
  'imports:manage',
  'organization:export',
  'sso:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ADMIN_ONLY: ReadonlySet<Permission> = new Set([
  'policy:write',
  'members:write',
  'tokens:write',
  'audit:read',
  // The dev mailbox holds every member's mail: only admins read it (sign-in links masked even then).
  'dev_mail:read',
  // Endpoints receive events about every candidate: registering one is an admin's decision.
  'webhooks:manage',
  // An import writes jobs, candidates and applications for the whole organization in one go.
  'imports:manage',
  // The whole organization's data at once (every candidate, every message): an admin's decision.
  'organization:export',
  // Who signs in, and how: an admin's decision (the client secret is a credential of the organization).
  'sso:manage',
]);

const RECRUITER = PERMISSIONS.filter((p) => !ADMIN_ONLY.has(p));

/** The permission table by member role. */
export const ROLE_PERMISSIONS: Record<MemberRole, ReadonlySet<Permission>> = {
  admin: new Set(PERMISSIONS),
  recruiter: new Set(RECRUITER),
  hiring_manager: new Set(RECRUITER.filter((p) => p !== 'templates:write')),
  interviewer: new Set<Permission>([
    'organization:read',
    'members:read',
    'jobs:read',
    'candidates:read',
    'applications:read',
    'interviews:read',
    'interviews:close',
    'feedback:read',
    'feedback:write',
    'follow_ups:read',
    'promises:preview',
    'calendar_feed:write',
  ]),
};

/** API token scopes and what each grants. */
export const TOKEN_SCOPES = ['*', 'read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

const SCOPE_PERMISSIONS: Record<TokenScope, ReadonlySet<Permission>> = {
  '*': new Set(PERMISSIONS),
  read: new Set(
    PERMISSIONS.filter((p) => (p.endsWith(':read') || p === 'promises:preview') && !ADMIN_ONLY.has(p)),
  ),
  write: new Set(RECRUITER),
};

/** Whether a member of `role` may do `permission`. */
export function roleAllows(role: MemberRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/** Whether a token with `scopes` may do `permission`. */
export function scopesAllow(scopes: readonly string[], permission: Permission): boolean {
  return scopes.some((s) =>
    (SCOPE_PERMISSIONS as Record<string, ReadonlySet<Permission>>)[s]?.has(permission),
  );
}
