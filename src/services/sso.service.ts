import { randomBytes, timingSafeEqual } from 'node:crypto';
import * as oidc from 'openid-client';
import { secondsAheadOfWallClock } from '../clock.ts';
import type { Queryable } from '../db/db.ts';
import { isUniqueViolation } from '../db/sql.ts';
import type { Member, MemberRole } from '../domain/model.ts';
import {
  emailDomain,
  emailDomainAllowed,
  normalizeDomain,
  switchOffRefusal,
  type SsoConfig,
} from '../domain/sso.ts';
import { AppError, errors } from '../errors.ts';
import { findMember, insertMember } from '../repositories/member.repository.ts';
import {
  deleteSsoConfig,
  findMemberIdByEmail,
  findSsoConfig,
  findSsoConfigByDomain,
  findSsoSignedInAt,
  insertSsoLogin,
  markSsoSignIn,
  takeSsoLogin,
  upsertSsoConfig,
  type SsoLogin,
} from '../repositories/sso.repository.ts';
import { recordAudit } from './audit.service.ts';
import { DEFAULT_SESSION_POLICY, startSession, type SessionPolicy, type SignedIn } from './auth.service.ts';
import { hashToken } from './secret-tokens.ts';
import type { Actor, ServiceDeps } from './deps.ts';

/** Where the provider sends the browser back; register `${publicUrl}${SSO_CALLBACK_PATH}` with it. */
export const SSO_CALLBACK_PATH = '/api/v1/auth/sso/callback';
/** A sign-in started must come back within this long. */
const LOGIN_MS = 10 * 60_000;
const MAX_DOMAINS = 20;

/** How single sign-on reaches providers. */
export interface SsoSettings {
  /** Allow http:// issuers (a provider on this machine in tests). Default: https only. */
  allowHttpIssuers: boolean;
}

/** What the single sign-on use cases need. */
export interface SsoDeps extends ServiceDeps {
  publicUrl: string;
  sso: SsoSettings;
}

/** The settings as an admin sees them: everything but the client secret. */
export interface SsoConfigView {
  issuer: string;
  clientId: string;
  clientSecretSet: true;
  emailDomains: string[];
  jitRole: MemberRole | null;
  passwordsEnabled: boolean;
  signInLinksEnabled: boolean;
  updatedAt: Date;
}

/** The settings to store: `clientSecret` may be left out to keep the stored one. */
export interface SsoConfigInput {
  issuer: string;
  clientId: string;
  clientSecret?: string | undefined;
  emailDomains: string[];
  jitRole: MemberRole | null;
  passwordsEnabled: boolean;
  signInLinksEnabled: boolean;
}

const view = (c: SsoConfig): SsoConfigView => ({
  issuer: c.issuer,
  clientId: c.clientId,
  clientSecretSet: true,
  emailDomains: c.emailDomains,
  jitRole: c.jitRole,
  passwordsEnabled: c.passwordsEnabled,
  signInLinksEnabled: c.signInLinksEnabled,
  updatedAt: c.updatedAt,
});

/** The redirect URI to register with the provider. */
export function ssoRedirectUri(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${SSO_CALLBACK_PATH}`;
}

/** The organization's single sign-on settings without the secret, or null when it has none. */
export async function getSsoSettings(deps: ServiceDeps, orgId: string): Promise<SsoConfigView | null> {
  const config = await findSsoConfig(deps.db.tenant(orgId), orgId);
  return config ? view(config) : null;
}

function checkIssuer(deps: SsoDeps, issuer: string): string {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw errors.validation('The issuer is not a URL.', { field: 'issuer' });
  }
  const httpAllowed = deps.sso.allowHttpIssuers && url.protocol === 'http:';
  if (url.protocol !== 'https:' && !httpAllowed) {
    throw errors.validation('The issuer must be an https:// URL.', { field: 'issuer' });
  }
  if (url.username || url.password || url.search || url.hash) {
    throw errors.validation('The issuer is a plain URL: no credentials, query or fragment.', {
      field: 'issuer',
    });
  }
  return issuer.trim();
}

function checkDomains(input: string[]): string[] {
  const domains = new Set<string>();
  for (const raw of input) {
    const domain = normalizeDomain(raw);
    if (!domain)
      throw errors.validation(`${raw} is not an email domain (like example.com).`, { field: 'emailDomains' });
    domains.add(domain);
  }
  if (domains.size === 0 || domains.size > MAX_DOMAINS) {
    throw errors.validation(`Name 1 to ${MAX_DOMAINS} email domains.`, { field: 'emailDomains' });
  }
  return [...domains].sort();
}

/**
 * Set up or replace the organization's single sign-on. The client secret is kept when left out
 * (it is never shown again); turning passwords or sign-in links off is refused unless the admin has
 * signed in through this provider (`switchOffRefusal`). Audited without the secret.
 */
export async function putSsoSettings(
  deps: SsoDeps,
  orgId: string,
  actor: Actor,
  input: SsoConfigInput,
): Promise<SsoConfigView> {
  const issuer = checkIssuer(deps, input.issuer);
  const emailDomains = checkDomains(input.emailDomains);
  const now = deps.clock.now();
  try {
    return await deps.db.tenant(orgId).transaction(async (tx) => {
      const before = await findSsoConfig(tx, orgId);
      const clientSecret = input.clientSecret ?? before?.clientSecret;
      if (!clientSecret) {
        throw errors.validation('The client secret is needed to set single sign-on up.', {
          field: 'clientSecret',
        });
      }
      const connectionChanges = !before || before.issuer !== issuer || before.clientId !== input.clientId;
      const refusal = switchOffRefusal({
        passwordsEnabled: input.passwordsEnabled,
        signInLinksEnabled: input.signInLinksEnabled,
        before,
        connectionChanges,
        actorSsoSignedInAt: await findSsoSignedInAt(tx, orgId, actor.memberId),
      });
      if (refusal) throw new AppError('sign_in_lockout', refusal);
      const config: SsoConfig = {
        orgId,
        issuer,
        clientId: input.clientId,
        clientSecret,
        emailDomains,
        jitRole: input.jitRole,
        passwordsEnabled: input.passwordsEnabled,
        signInLinksEnabled: input.signInLinksEnabled,
        connectionChangedAt: connectionChanges ? now : before.connectionChangedAt,
        createdAt: before?.createdAt ?? now,
        updatedAt: now,
      };
      await upsertSsoConfig(tx, config);
      await recordAudit(tx, orgId, now, before ? 'sso_updated' : 'sso_configured', null, {
        issuer,
        clientId: input.clientId,
        clientSecretChanged: input.clientSecret !== undefined,
        emailDomains,
        jitRole: input.jitRole,
        passwordsEnabled: input.passwordsEnabled,
        signInLinksEnabled: input.signInLinksEnabled,
      });
      return view(config);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'sso_domains_pkey')) {
      throw errors.conflict('One of these email domains already signs in to another organization.', {
        field: 'emailDomains',
      });
    }
    throw error;
  }
}

/** Remove single sign-on: passwords and sign-in links work again. Audited. */
export async function removeSsoSettings(deps: ServiceDeps, orgId: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.tenant(orgId).transaction(async (tx) => {
    if (!(await deleteSsoConfig(tx, orgId))) throw new AppError('not_found', 'Single sign-on is not set up.');
    await recordAudit(tx, orgId, now, 'sso_removed');
  });
}

/** The provider's configuration, discovered from its issuer, with Hearback's clock as openid-client's. */
async function discover(deps: SsoDeps, config: SsoConfig): Promise<oidc.Configuration> {
  const insecure = deps.sso.allowHttpIssuers && config.issuer.startsWith('http:');
  try {
    return await oidc.discovery(
      new URL(config.issuer),
      config.clientId,
      {
        client_secret: config.clientSecret,
        [oidc.clockSkew]: secondsAheadOfWallClock(deps.clock),
      },
      oidc.ClientSecretPost(config.clientSecret),
      { timeout: 10, ...(insecure && { execute: [oidc.allowInsecureRequests] }) },
    );
  } catch {
    throw new AppError(
      'sso_provider_unavailable',
      `Could not reach the identity provider at ${config.issuer}; try again, or ask your admin to check the issuer.`,
    );
  }
}

/** 256 random bits, URL-safe. */
function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A started sign-in: where to send the browser, and the cookie that binds the sign-in to it. */
export interface StartedSsoSignIn {
  url: string;
  browserToken: string;
}

/**
 * Start signing in through the provider of the organization that claims the email's domain: an
 * authorization-code request with PKCE, a state and a nonce, remembered server-side for ten
 * minutes and bound to the browser by a cookie.
 */
export async function startSsoSignIn(deps: SsoDeps, email: string): Promise<StartedSsoSignIn> {
  const domain = emailDomain(email);
  if (!domain) throw errors.validation('Enter your work email address.', { field: 'email' });
  const config = await findSsoConfigByDomain(deps.db.system(), domain);
  if (!config) {
    throw new AppError(
      'sso_not_configured',
      `No organization signs in with a company account for ${domain}: sign in with your password or an emailed link.`,
    );
  }
  const provider = await discover(deps, config);
  const state = newToken();
  const nonce = newToken();
  const browserToken = newToken();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const now = deps.clock.now();
  await insertSsoLogin(deps.db.tenant(config.orgId), {
    stateHash: hashToken(state),
    orgId: config.orgId,
    browserHash: hashToken(browserToken),
    codeVerifier,
    nonce,
    createdAt: now,
    expiresAt: new Date(now.getTime() + LOGIN_MS),
  });
  const url = oidc.buildAuthorizationUrl(provider, {
    redirect_uri: ssoRedirectUri(deps.publicUrl),
    scope: 'openid email profile',
    response_type: 'code',
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    login_hint: email,
  });
  return { url: url.href, browserToken };
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const refusedState = () =>
  new AppError(
    'sso_state_invalid',
    'This sign-in is not the one this browser started, was already used, or took over ten minutes: start again.',
  );

/** Words for why openid-client refused the provider's answer (never a stack or a token). */
function tokenRefusal(error: unknown): AppError {
  const e = error as {
    code?: string;
    error?: string;
    error_description?: string;
    cause?: { claim?: string; cause?: { claim?: string } };
  };
  if (error instanceof oidc.AuthorizationResponseError) {
    return new AppError(
      'sso_provider_refused',
      `The identity provider did not sign you in (${e.error}${e.error_description ? `: ${e.error_description}` : ''}).`,
    );
  }
  if (error instanceof oidc.ResponseBodyError) {
    return new AppError(
      'sso_token_invalid',
      `The identity provider refused the sign-in code (${e.error}); start again.`,
    );
  }
  const claim = e.cause?.claim ?? e.cause?.cause?.claim;
  const why =
    claim === 'aud' || claim === 'azp'
      ? 'it was issued to another application (audience)'
      : claim === 'exp'
        ? 'it has expired'
        : claim === 'iat' || claim === 'nbf'
          ? 'its times are not valid yet'
          : claim === 'nonce'
            ? 'it answers another sign-in (nonce)'
            : claim === 'iss'
              ? 'it comes from another issuer'
              : 'it could not be verified';
  return new AppError('sso_token_invalid', `The identity provider's ID token was refused: ${why}.`, {
    ...(claim && { claim }),
  });
}

/** The sign-in this browser started for `state`, taken once; refused when unknown, expired or another browser's. */
async function takeStartedSignIn(
  deps: SsoDeps,
  state: string | undefined,
  browserToken: string,
): Promise<{ login: SsoLogin; now: Date }> {
  if (!state || state.length > 200) throw refusedState();
  const login = await takeSsoLogin(deps.db.system(), hashToken(state));
  const now = deps.clock.now();
  if (
    !login ||
    login.expiresAt.getTime() <= now.getTime() ||
    !sameHash(login.browserHash, hashToken(browserToken))
  ) {
    throw refusedState();
  }
  return { login, now };
}

/** Exchange the provider's code for ID token claims; openid-client checks the token itself. */
async function exchangeSignInCode(
  deps: SsoDeps,
  provider: oidc.Configuration,
  login: SsoLogin,
  state: string,
  query: Record<string, string>,
): Promise<oidc.IDToken> {
  const callback = new URL(ssoRedirectUri(deps.publicUrl));
  for (const [key, value] of Object.entries(query)) callback.searchParams.set(key, value);
  try {
    const tokens = await oidc.authorizationCodeGrant(provider, callback, {
      pkceCodeVerifier: login.codeVerifier,
      expectedState: state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    return tokens.claims()!;
  } catch (error) {
    if (error instanceof TypeError) throw error;
    throw tokenRefusal(error);
  }
}

/** The email the provider verified, refused unless it is in one of the organization's domains. */
function allowedSsoEmail(claims: oidc.IDToken, config: SsoConfig): string {
  const email = typeof claims.email === 'string' ? claims.email : '';
  // Entra ID sends no email_verified; its optional claim xms_edov says the email's domain owner verified it.
  const verified = claims.email_verified === true || claims.xms_edov === true || claims.xms_edov === '1';
  if (!email || !verified) {
    throw new AppError(
      'sso_email_not_allowed',
      'The identity provider has not verified an email address for you.',
    );
  }
  if (!emailDomainAllowed(email, config.emailDomains)) {
    throw new AppError(
      'sso_email_not_allowed',
      `${email} is not in a domain that signs in to this organization (${config.emailDomains.join(', ')}).`,
    );
  }
  return email;
}

/** Add the signing-in person as a member at the configured role (just-in-time), audited. */
async function joinBySso(
  tx: Queryable,
  orgId: string,
  config: SsoConfig,
  claims: oidc.IDToken,
  email: string,
  now: Date,
): Promise<Member> {
  if (!config.jitRole) {
    throw new AppError(
      'sso_no_membership',
      `${email} is not a member of this organization yet: ask an admin to add you.`,
    );
  }
  const name =
    typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email;
  const member = await insertMember(tx, {
    orgId,
    email,
    name,
    role: config.jitRole,
    timeZone: null,
    createdAt: now,
  });
  await recordAudit(
    tx,
    orgId,
    now,
    'member_joined_by_sso',
    { type: 'member', id: member.id },
    { role: config.jitRole },
    { type: 'member', id: member.id },
  );
  return member;
}

/** The active member with this email, or a new one when the organization allows joining. */
async function ssoMember(
  tx: Queryable,
  orgId: string,
  config: SsoConfig,
  claims: oidc.IDToken,
  email: string,
  now: Date,
): Promise<Member> {
  const found = await findMemberIdByEmail(tx, orgId, email);
  if (!found) return joinBySso(tx, orgId, config, claims, email, now);
  if (!found.active) {
    throw new AppError(
      'sso_member_deactivated',
      'Your membership of this organization is deactivated: ask an admin.',
    );
  }
  return (await findMember(tx, orgId, found.id))!;
}

/**
 * Finish a sign-in: the state must be one this browser started (used once, within ten minutes);
 * openid-client exchanges the code and checks the ID token (signature, issuer, audience, expiry,
 * nonce); the email must be verified by the provider and in an allowed domain. The member with that
 * email signs in (a deactivated one is refused) or, when the organization allows it, joins at the
 * configured role. The session is the same as a password sign-in's.
 */
export async function finishSsoSignIn(
  deps: SsoDeps,
  input: { query: Record<string, string>; browserToken: string; userAgent: string },
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<SignedIn> {
  const state = input.query.state;
  const { login, now } = await takeStartedSignIn(deps, state, input.browserToken);
  const tenant = deps.db.tenant(login.orgId);
  const config = await findSsoConfig(tenant, login.orgId);
  if (!config)
    throw new AppError('sso_not_configured', 'Single sign-on was turned off for this organization.');
  const provider = await discover(deps, config);
  const claims = await exchangeSignInCode(deps, provider, login, state!, input.query);
  const email = allowedSsoEmail(claims, config);
  const member = await tenant.transaction(async (tx): Promise<Member> => {
    const member = await ssoMember(tx, login.orgId, config, claims, email, now);
    await markSsoSignIn(tx, login.orgId, member.id, now);
    return member;
  });
  return startSession(deps, member, input.userAgent, 'sso', policy);
}
