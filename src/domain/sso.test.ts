import { describe, expect, it } from 'vitest';
import { emailDomain, emailDomainAllowed, normalizeDomain, switchOffRefusal } from './sso.ts';

describe('single sign-on domains', () => {
  it('accepts plain DNS names in lower case and refuses anything else', () => {
    expect(normalizeDomain(' Acme.Example ')).toBe('acme.example');
    expect(normalizeDomain('mail.acme.co.uk')).toBe('mail.acme.co.uk');
    for (const bad of [
      'acme',
      'https://acme.example',
      'acme.example:443',
      '@acme.example',
      'a..b',
      '-a.com',
      '',
    ])
      expect(normalizeDomain(bad), bad).toBeNull();
  });

  it('reads the domain after the last @ and matches it exactly', () => {
    expect(emailDomain('Ada@Acme.Example')).toBe('acme.example');
    expect(emailDomain('no-at-sign')).toBeNull();
    expect(emailDomainAllowed('ada@acme.example', ['acme.example'])).toBe(true);
    expect(emailDomainAllowed('ada@evil.acme.example', ['acme.example'])).toBe(false);
    expect(emailDomainAllowed('ada@acme.example.evil', ['acme.example'])).toBe(false);
    expect(emailDomainAllowed('"x@acme.example"@evil.example', ['acme.example'])).toBe(false);
  });
});

describe('turning passwords and sign-in links off', () => {
  const changedAt = new Date('2026-12-01T10:00:00Z');
  const before = { passwordsEnabled: true, signInLinksEnabled: true, connectionChangedAt: changedAt };

  it('always lets both stay on', () => {
    expect(
      switchOffRefusal({
        passwordsEnabled: true,
        signInLinksEnabled: true,
        before: null,
        connectionChanges: true,
        actorSsoSignedInAt: null,
      }),
    ).toBeNull();
  });

  it('refuses while the provider connection is new or the admin never signed in through it', () => {
    const off = { passwordsEnabled: false, signInLinksEnabled: true };
    expect(
      switchOffRefusal({ ...off, before: null, connectionChanges: true, actorSsoSignedInAt: null }),
    ).toMatch(/sign in with it first/);
    expect(switchOffRefusal({ ...off, before, connectionChanges: false, actorSsoSignedInAt: null })).toMatch(
      /Sign in once/,
    );
    const earlier = new Date('2026-12-01T09:00:00Z');
    expect(
      switchOffRefusal({ ...off, before, connectionChanges: false, actorSsoSignedInAt: earlier }),
    ).toMatch(/Sign in once/);
  });

  it('allows it once the admin signed in through the current connection', () => {
    const later = new Date('2026-12-01T11:00:00Z');
    expect(
      switchOffRefusal({
        passwordsEnabled: false,
        signInLinksEnabled: false,
        before,
        connectionChanges: false,
        actorSsoSignedInAt: later,
      }),
    ).toBeNull();
  });

  it('refuses moving to another provider while a switch stays off', () => {
    const offBefore = { ...before, passwordsEnabled: false };
    expect(
      switchOffRefusal({
        passwordsEnabled: false,
        signInLinksEnabled: true,
        before: offBefore,
        connectionChanges: true,
        actorSsoSignedInAt: new Date('2026-12-01T11:00:00Z'),
      }),
    ).toMatch(/sign in with it first/);
    // Keeping it off with the same provider is no new risk.
    expect(
      switchOffRefusal({
        passwordsEnabled: false,
        signInLinksEnabled: true,
        before: offBefore,
        connectionChanges: false,
        actorSsoSignedInAt: null,
      }),
    ).toBeNull();
  });
});
