/**
 * The web app's screens and what each needs, from the permission table the server enforces
 * (src/domain/permissions.ts; the session lists the member's permissions): the navigation shows a
 * member only the screens their role may use, and each role lands on its own view.
 */
export interface Screen {
  path: string;
  label: string;
  /** The permission the screen's work takes. */
  needs: string;
}

export const SCREENS: readonly Screen[] = [
  // The queue is where follow-ups are acted on (decide, send, log a call): not for interviewers.
  { path: '/follow-ups', label: 'Follow-ups', needs: 'follow_ups:write' },
  { path: '/waiting', label: 'Waiting on me', needs: 'decisions:write' },
  { path: '/scorecards', label: 'Scorecards I owe', needs: 'feedback:write' },
  { path: '/jobs', label: 'Jobs', needs: 'jobs:write' },
  { path: '/to-send', label: 'To send', needs: 'messages:send' },
  { path: '/inbox', label: 'Inbox', needs: 'messages:read' },
  { path: '/desk', label: 'Desk', needs: 'follow_ups:write' },
  { path: '/talent-pool', label: 'Talent pool', needs: 'decisions:read' },
  { path: '/reports', label: 'Reports', needs: 'reports:read' },
  { path: '/import', label: 'Import', needs: 'imports:manage' },
  { path: '/settings', label: 'Settings', needs: 'policy:write' },
];

/** Where a role lands: an interviewer on what they owe, a hiring manager on what waits on them. */
export function homeOf(role: string): string {
  if (role === 'interviewer') return '/scorecards';
  if (role === 'hiring_manager') return '/waiting';
  return '/follow-ups';
}

/** The screens a member may use, their home first. */
export function screensFor(role: string, permissions: readonly string[]): Screen[] {
  const allowed = SCREENS.filter((s) => permissions.includes(s.needs));
  const home = homeOf(role);
  return [...allowed.filter((s) => s.path === home), ...allowed.filter((s) => s.path !== home)];
}
