import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLE_PERMISSIONS } from '../../src/domain/permissions.ts';
import type { MemberRole } from '../../src/domain/model.ts';
import { homeOf, SCREENS, screensFor } from './nav.ts';

const labelsOf = (role: MemberRole) => screensFor(role, [...ROLE_PERMISSIONS[role]]).map((s) => s.label);

describe('the navigation each role sees', () => {
  it('asks only for permissions the server knows', () => {
    for (const s of SCREENS) expect(PERMISSIONS as readonly string[]).toContain(s.needs);
  });

  it('shows each role only what its permissions allow, its home first', () => {
    expect(labelsOf('interviewer')).toEqual(['Scorecards I owe']);
    expect(labelsOf('hiring_manager')[0]).toBe('Waiting on me');
    expect(labelsOf('hiring_manager')).not.toContain('Settings');
    expect(labelsOf('hiring_manager')).not.toContain('Import');
    expect(labelsOf('recruiter')[0]).toBe('Follow-ups');
    expect(labelsOf('recruiter')).not.toContain('Settings');
    expect(labelsOf('admin')[0]).toBe('Follow-ups');
    expect(labelsOf('admin')).toContain('Settings');
    expect(labelsOf('admin')).toContain('Import');
  });

  it('lands each role on a screen it may use', () => {
    for (const role of Object.keys(ROLE_PERMISSIONS) as MemberRole[]) {
      const home = screensFor(role, [...ROLE_PERMISSIONS[role]]).find((s) => s.path === homeOf(role));
      expect(home, role).toBeDefined();
    }
  });
});
