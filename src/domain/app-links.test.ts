import { describe, expect, it } from 'vitest';
import { followUpLink } from './app-links.ts';

describe('followUpLink', () => {
  const app = 'a1b2c3d4-0000-4000-8000-000000000001';
  it.each([
    ['outcome', 'candidate', `https://hb.test/#/applications/${app}?next=decide`],
    ['decision_due', 'team', `https://hb.test/#/applications/${app}?next=decide`],
    ['update', 'candidate', `https://hb.test/#/applications/${app}?next=update`],
    ['feedback_due', 'team', `https://hb.test/#/applications/${app}?next=feedback`],
    ['feedback_due', 'candidate', `https://hb.test/#/applications/${app}?next=answer-feedback`],
    ['debrief', 'candidate', `https://hb.test/#/applications/${app}?next=call`],
    ['backfill', 'team', `https://hb.test/#/applications/${app}`],
  ] as const)('%s owed to the %s opens %s', (kind, owedTo, link) => {
    expect(followUpLink('https://hb.test/', { kind, owedTo, applicationId: app })).toBe(link);
  });

  it('sends a follow-up without an application to the desk', () => {
    expect(
      followUpLink('https://hb.test', { kind: 'client_update', owedTo: 'client', applicationId: null }),
    ).toBe('https://hb.test/#/desk');
  });
});
