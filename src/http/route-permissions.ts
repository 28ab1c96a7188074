import type { Permission } from '../domain/permissions.ts';

/**
 * The permission every /api/v1 route needs, in one reviewable table. A route missing here makes
 * the app refuse to start (see `guardRoutes` in auth.ts): access control cannot be forgotten.
 * `public` routes need no principal (sign-in and friends); `session` routes need a signed-in member.
 */
export const ROUTE_PERMISSIONS: Record<string, Permission | 'public' | 'session'> = {
  'GET /api/v1/organization': 'organization:read',
  'GET /api/v1/policy': 'organization:read',
  'PUT /api/v1/policy': 'policy:write',
  'PATCH /api/v1/policy': 'policy:write',
  'POST /api/v1/api-tokens': 'tokens:write',
  'GET /api/v1/api-tokens': 'tokens:write',
  'POST /api/v1/api-tokens/:id/revoke': 'tokens:write',
  'GET /api/v1/audit': 'audit:read',

  'POST /api/v1/members': 'members:write',
  'GET /api/v1/members': 'members:read',
  'GET /api/v1/members/:id': 'members:read',
  'PATCH /api/v1/members/:id': 'members:write',
  'POST /api/v1/members/:id/invite': 'members:write',

  'POST /api/v1/jobs': 'jobs:write',
  'GET /api/v1/jobs': 'jobs:read',
  'GET /api/v1/jobs/:id': 'jobs:read',
  'PATCH /api/v1/jobs/:id': 'jobs:write',
  'DELETE /api/v1/jobs/:id': 'jobs:write',
  'POST /api/v1/jobs/:id/close': 'jobs:write',

  'POST /api/v1/candidates': 'candidates:write',
  'GET /api/v1/candidates': 'candidates:read',
  'GET /api/v1/candidates/:id': 'candidates:read',
  'PATCH /api/v1/candidates/:id': 'candidates:write',
  'DELETE /api/v1/candidates/:id': 'candidates:write',

  'POST /api/v1/applications': 'applications:write',
  'GET /api/v1/applications': 'applications:read',
  'GET /api/v1/applications/:id': 'applications:read',
  'PATCH /api/v1/applications/:id': 'applications:write',
  'DELETE /api/v1/applications/:id': 'applications:write',
  'GET /api/v1/applications/:id/timeline': 'decisions:read',
  'GET /api/v1/applications/:id/interviews': 'interviews:read',
  'POST /api/v1/applications/:id/decisions': 'decisions:write',
  'GET /api/v1/applications/:id/decisions': 'decisions:read',
  'GET /api/v1/applications/:id/events': 'decisions:read',
  'POST /api/v1/applications/:id/messages': 'messages:write',

  'POST /api/v1/interviews': 'interviews:write',
  'GET /api/v1/interviews/:id': 'interviews:read',
  'POST /api/v1/interviews/:id/close': 'interviews:close',
  'POST /api/v1/interviews/:id/promise-preview': 'interviews:close',
  'POST /api/v1/interviews/:id/feedback': 'feedback:write',
  'GET /api/v1/interviews/:id/feedback': 'feedback:read',

  'GET /api/v1/follow-ups': 'follow_ups:read',
  'POST /api/v1/follow-ups': 'follow_ups:write',
  'GET /api/v1/follow-ups/:id': 'follow_ups:read',
  'POST /api/v1/follow-ups/:id/cancel': 'follow_ups:write',

  'POST /api/v1/touchpoints': 'touchpoints:write',
  'POST /api/v1/promises/resolve': 'promises:preview',

  'POST /api/v1/messages/check': 'promises:preview',
  'GET /api/v1/messages': 'messages:read',
  'GET /api/v1/messages/:id': 'messages:read',
  'PATCH /api/v1/messages/:id': 'messages:write',
  'POST /api/v1/messages/:id/send': 'messages:send',
  'POST /api/v1/messages/:id/cancel': 'messages:send',
  'GET /api/v1/dev/mail': 'dev_mail:read',

  'GET /api/v1/templates': 'templates:read',
  'PUT /api/v1/templates/:key': 'templates:write',
  'DELETE /api/v1/templates/:key': 'templates:write',
  'POST /api/v1/templates/:key/preview': 'templates:read',

  'GET /api/v1/reports/follow-ups': 'reports:read',

  // Connected (issue 18): the inbox, webhooks, calendars, the talent pool.
  'GET /api/v1/inbox': 'messages:read',
  'GET /api/v1/inbox/:id': 'messages:read',
  'POST /api/v1/inbox/:id/assign': 'touchpoints:write',
  'POST /api/v1/inbox/:id/dismiss': 'touchpoints:write',
  'POST /api/v1/webhooks': 'webhooks:manage',
  'GET /api/v1/webhooks': 'webhooks:manage',
  'GET /api/v1/webhooks/:id': 'webhooks:manage',
  'PATCH /api/v1/webhooks/:id': 'webhooks:manage',
  'DELETE /api/v1/webhooks/:id': 'webhooks:manage',
  'GET /api/v1/webhooks/:id/deliveries': 'webhooks:manage',
  'POST /api/v1/webhook-deliveries/:id/replay': 'webhooks:manage',
  'PATCH /api/v1/interviews/:id': 'interviews:write',
  'POST /api/v1/interviews/:id/cancel': 'interviews:write',
  'POST /api/v1/calendar-feed': 'calendar_feed:write',
  'DELETE /api/v1/calendar-feed': 'calendar_feed:write',
  'GET /api/v1/talent-pool': 'decisions:read',
  'GET /api/v1/talent-pool/:id': 'decisions:read',
  'POST /api/v1/applications/:id/pool-invitation': 'messages:send',
  'POST /api/v1/talent-pool/:id/match': 'applications:write',

  'POST /api/v1/auth/sign-in': 'public',
  'POST /api/v1/auth/magic-link': 'public',
  'POST /api/v1/auth/invitations/accept': 'public',
  'GET /api/v1/auth/session': 'session',
  'POST /api/v1/auth/sign-out': 'session',
  'POST /api/v1/auth/password': 'session',
};
