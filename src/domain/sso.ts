/**
 * Single sign-on rules that need no I/O: which email domains a provider may vouch for, and when
 * passwords and sign-in links may be turned off without locking the team out.
 */
import type { MemberRole } from './model.ts';

/** An organization's single sign-on settings, as stored (the secret included; never sent out). */
export interface SsoConfig {
  orgId: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  emailDomains: string[];
  /** The role a first sign-in joins at; null: only existing members may sign in. */
  jitRole: MemberRole | null;
  passwordsEnabled: boolean;
  signInLinksEnabled: boolean;
  /** When the issuer or client id last changed: sign-ins through an older provider prove nothing. */
  connectionChangedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

// A DNS name: labels of letters, digits and hyphens, at least one dot, no trailing dot.
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/** The domain in lower case, or null when it is not a plain DNS name (no @, no scheme, no port). */
export function normalizeDomain(input: string): string | null {
  const domain = input.trim().toLowerCase();
  return DOMAIN.test(domain) ? domain : null;
}

/** The domain of an email address, lower-cased (the part after the last @), or null. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1) return null;
  return normalizeDomain(email.slice(at + 1));
}

/** Whether the address belongs to one of the allowed domains (exactly: a subdomain is another domain). */
export function emailDomainAllowed(email: string, domains: readonly string[]): boolean {
  const domain = emailDomain(email);
  return domain !== null && domains.includes(domain);
}

/**
 * Why turning passwords or sign-in links off is refused now, or null when it may go ahead. With
 * both off, the provider is the only way in: the admin making the change must have signed in
 * through the current provider connection (issuer and client id) since it last changed, so at least
 * one admin is known to get in. Turning switches back on is always allowed.
 */
export function switchOffRefusal(input: {
  passwordsEnabled: boolean;
  signInLinksEnabled: boolean;
  /** The stored settings before this change (null: single sign-on is being set up now). */
  before: Pick<SsoConfig, 'passwordsEnabled' | 'signInLinksEnabled' | 'connectionChangedAt'> | null;
  /** Whether this change moves to another issuer or client id. */
  connectionChanges: boolean;
  /** When the acting admin last signed in through the provider (null: never). */
  actorSsoSignedInAt: Date | null;
}): string | null {
  const turningOff =
    (!input.passwordsEnabled && (input.before?.passwordsEnabled ?? true)) ||
    (!input.signInLinksEnabled && (input.before?.signInLinksEnabled ?? true));
  const stayingOff = !input.passwordsEnabled || !input.signInLinksEnabled;
  if (!turningOff && !(stayingOff && input.connectionChanges)) return null;
  if (input.connectionChanges || input.before === null) {
    return 'Passwords and sign-in links stay on while the provider connection is new: sign in with it first, then turn them off.';
  }
  const at = input.actorSsoSignedInAt;
  if (!at || at.getTime() < input.before.connectionChangedAt.getTime()) {
    return 'Sign in once with your company account (single sign-on) before turning passwords or sign-in links off, so that someone is known to get in.';
  }
  return null;
}
