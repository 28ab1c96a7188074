import { describe, expect, it } from 'vitest';
import { MEMBER_ROLES } from './model.ts';
import { PERMISSIONS, ROLE_PERMISSIONS, roleAllows, scopesAllow } from './permissions.ts';

describe('the permission table', () => {
  it('gives admins everything and nobody else the admin settings', () => {
    for (const p of PERMISSIONS) expect(roleAllows('admin', p)).toBe(true);
    for (const role of MEMBER_ROLES.filter((r) => r !== 'admin')) {
      for (const p of [
        'policy:write',
        'members:write',
        'tokens:write',
        'audit:read',
        'dev_mail:read',
        'organization:export',
      ] as const) {
        expect([role, p, roleAllows(role, p)]).toEqual([role, p, false]);
      }
    }
  });

  it('keeps interviewers to closing interviews and their own feedback', () => {
    expect(roleAllows('interviewer', 'interviews:close')).toBe(true);
    expect(roleAllows('interviewer', 'feedback:write')).toBe(true);
    for (const p of [
      'decisions:read',
      'decisions:write',
      'messages:read',
      'messages:send',
      'candidates:write',
    ] as const) {
      expect(roleAllows('interviewer', p)).toBe(false);
    }
  });

  it('is documented in the table at the top of permissions.ts for every permission', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('./permissions.ts', import.meta.url), 'utf8');
    for (const p of PERMISSIONS) expect(source).toMatch(new RegExp(`\\* \\| ${p.replace(':', ':')}\\s+\\|`));
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...MEMBER_ROLES].sort());
  });

  it.each([
    [['*'], 'audit:read', true],
    [['read'], 'jobs:read', true],
    [['read'], 'jobs:write', false],
    [['read'], 'audit:read', false],
    [['read'], 'dev_mail:read', false],
    [['write'], 'dev_mail:read', false],
    [['write'], 'messages:send', true],
    [['write'], 'tokens:write', false],
    [['read'], 'organization:export', false],
    [['write'], 'organization:export', false],
    [['unknown'], 'jobs:read', false],
    [[], 'jobs:read', false],
  ] as const)('token scopes %j allow %s: %s', (scopes, permission, allowed) => {
    expect(scopesAllow(scopes, permission)).toBe(allowed);
  });
});
