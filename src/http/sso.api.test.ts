import { createPrivateKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, systemClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { inviteMember, setMemberPassword } from '../services/auth.service.ts';
import { changeMember } from '../services/member.service.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildMember, buildOrganization } from '../../test/support/factories.ts';
import { buildApp } from './app.ts';

const PUBLIC_URL = 'http://localhost:3000';
const REDIRECT_URI = `${PUBLIC_URL}/api/v1/auth/sso/callback`;
const CLIENT_ID = 'hearback';
const CLIENT_SECRET = `secret-${randomBytes(16).toString('hex')}`;
const PASSWORD = 'correct horse battery staple';

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1: its development login screen takes any
 * login, which becomes the account's email; an account whose login starts with "unverified" has an
 * unverified email. `rewriteIdToken` lets a test re-sign the ID token it hands out (with the
 * provider's own key), to play a provider that issued one for another client.
 */
async function startProvider() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT_URI],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk] },
    claims: { openid: ['sub'], email: ['email', 'email_verified', 'xms_edov'], profile: ['name'] },
    // Real providers put the email in the ID token of the code flow; so does this one.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: { IdToken: 60, AccessToken: 60, Interaction: 600, Session: 600, Grant: 600 },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () =>
        id.startsWith('entra-')
          ? // Entra ID vouches for an email with xms_edov and sends no email_verified.
            { sub: id, email: id.replace(/^entra-/, ''), xms_edov: true, name: 'Eve Entra' }
          : {
              sub: id,
              email: id.replace(/^unverified-/, ''),
              email_verified: !id.startsWith('unverified-'),
              name: 'Sam Single',
            },
    }),
  });
  const state: { rewriteIdToken: ((claims: Record<string, unknown>) => Record<string, unknown>) | null } = {
    rewriteIdToken: null,
  };
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && state.rewriteIdToken && body?.id_token) {
      body.id_token = resign(body.id_token, privateKey, state.rewriteIdToken);
    }
  });
  const handle = provider.callback();
  server.on('request', (req, res) => void handle(req, res));
  return {
    issuer,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The ID token with its claims changed, signed again with the provider's key. */
function resign(
  idToken: string,
  key: KeyObject,
  change: (claims: Record<string, unknown>) => Record<string, unknown>,
): string {
  const [header, payload] = idToken.split('.') as [string, string];
  const claims = change(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  const input = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${input}.${sign('sha256', Buffer.from(input), createPrivateKey(key.export({ format: 'pem', type: 'pkcs8' }))).toString('base64url')}`;
}

/** A browser's cookie jar for the provider (real HTTP, redirects followed by hand). */
class Browser {
  private readonly cookies = new Map<string, string>();

  async request(url: string, init: { method?: string; body?: URLSearchParams } = {}): Promise<Response> {
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(init.body && { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      ...(init.body && { body: init.body.toString() }),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';') as [string];
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  }

  /**
   * Follow the provider's redirects and fill its login and consent forms as `login`, until it
   * sends the browser back to Hearback: the callback URL.
   */
  async signInAt(authorizationUrl: string, login: string): Promise<URL> {
    let res = await this.request(authorizationUrl);
    for (let step = 0; step < 20; step++) {
      if (res.status >= 300 && res.status < 400) {
        const next = new URL(res.headers.get('location')!, res.url || authorizationUrl);
        if (next.href.startsWith(PUBLIC_URL)) return next;
        res = await this.request(next.href);
        continue;
      }
      const html = await res.text();
      expect(res.status, html).toBe(200);
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
      expect(action, html).toBeDefined();
      const body = new URLSearchParams();
      for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g))
        body.set(m[1]!, m[2]!);
      if (html.includes('name="login"')) {
        body.set('login', login);
        body.set('password', 'any');
      }
      res = await this.request(new URL(action!, res.url).href, { method: 'POST', body });
    }
    throw new Error('the provider never sent the browser back');
  }
}

describe.each(backends)('single sign-on with OpenID Connect on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  let provider: Awaited<ReturnType<typeof startProvider>>;
  // Hearback's clock starts at the wall clock (the provider's), and moves only when a test moves it.
  const clock = new ManualClock(systemClock.now());
  let orgId: string;
  let apiToken: string;
  let boss: { id: string; email: string };

  beforeAll(async () => {
    db = await openTestDb(backend);
    provider = await startProvider();
    app = await buildApp({ db, clock, publicUrl: PUBLIC_URL, sso: { allowHttpIssuers: true } });
    const org = await buildOrganization({ db, clock });
    orgId = org.organization.id;
    apiToken = org.apiToken;
    boss = await buildMember({ db, clock }, orgId, { email: 'boss@acme.test', role: 'admin' });
    await setMemberPassword({ db, clock }, orgId, boss.id, PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await provider?.close();
    await db?.close();
  });

  function admin(method: 'GET' | 'PUT' | 'DELETE', payload?: object) {
    return app.inject({
      method,
      url: '/api/v1/organization/sso',
      headers: { authorization: `Bearer ${apiToken}` },
      ...(payload && { payload }),
    });
  }

  const settings = (extra: object = {}) => ({
    issuer: provider.issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    emailDomains: ['Acme.test'],
    jitRole: 'recruiter',
    ...extra,
  });

  /** Start at Hearback, sign in at the provider as `login`, come back: Hearback's answer. */
  async function signIn(
    email: string,
    login = email,
    options: {
      tamper?: (url: URL) => void;
      beforeCallback?: () => void;
      cookie?: string | null;
      accept?: string;
    } = {},
  ) {
    const start = await app.inject({
      method: 'GET',
      url: `/api/v1/auth/sso/start?email=${encodeURIComponent(email)}`,
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    expect(start.statusCode, start.body).toBe(303);
    const binding = start.cookies.find((c) => c.name === 'hb_sso')!;
    expect(binding).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/sso' });
    const authorization = new URL(start.headers.location as string);
    expect(authorization.origin).toBe(provider.issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    options.tamper?.(authorization);
    const callback = await new Browser().signInAt(authorization.href, login);
    options.beforeCallback?.();
    const cookie = options.cookie === undefined ? binding.value : options.cookie;
    const res = await app.inject({
      method: 'GET',
      url: `${callback.pathname}${callback.search}`,
      headers: { accept: options.accept ?? 'application/json' },
      ...(cookie !== null && { cookies: { hb_sso: cookie } }),
    });
    return { res, callback, cookie };
  }

  async function sessionOf(res: { cookies: { name: string; value: string }[] }) {
    const cookie = res.cookies.find((c) => c.name === 'hb_session')?.value;
    expect(cookie).toBeDefined();
    const session = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      cookies: { hb_session: cookie! },
    });
    expect(session.statusCode).toBe(200);
    return {
      cookie: cookie!,
      ...session.json<{ csrfToken: string; member: { id: string; role: string; email: string } }>(),
    };
  }

  it('stores the settings for an admin and never answers or exports the client secret', async () => {
    expect((await admin('GET')).json()).toEqual({ redirectUri: REDIRECT_URI, settings: null });
    const put = await admin('PUT', settings());
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().settings).toMatchObject({
      issuer: provider.issuer,
      clientId: CLIENT_ID,
      clientSecretSet: true,
      emailDomains: ['acme.test'],
      jitRole: 'recruiter',
      passwordsEnabled: true,
      signInLinksEnabled: true,
    });
    // The secret may be left out later: the stored one stays.
    const { clientSecret: _secret, ...withoutSecret } = settings();
    expect((await admin('PUT', withoutSecret)).statusCode).toBe(200);
    const answers = [put.body, (await admin('GET')).body];
    const exported = await app.inject({
      method: 'GET',
      url: '/api/v1/exports/organization.json',
      headers: { authorization: `Bearer ${apiToken}` },
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain('acme.test');
    const audit = await app.inject({
      method: 'GET',
      url: '/api/v1/audit',
      headers: { authorization: `Bearer ${apiToken}` },
    });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['sso_configured', 'sso_updated']),
    );
    for (const body of [...answers, exported.body, audit.body]) expect(body).not.toContain(CLIENT_SECRET);
    // An issuer that is not a URL is refused as bad input.
    expect((await admin('PUT', { ...settings(), issuer: 'not a url' })).json()).toMatchObject({
      code: 'validation_failed',
    });
  });

  it('refuses a domain another organization already signs in with', async () => {
    const other = await buildOrganization({ db, clock });
    // The first time, the secret is needed.
    const { clientSecret: _secret, ...withoutSecret } = settings({ emailDomains: ['other.test'] });
    const noSecret = await app.inject({
      method: 'PUT',
      url: '/api/v1/organization/sso',
      headers: { authorization: `Bearer ${other.apiToken}` },
      payload: withoutSecret,
    });
    expect(noSecret.json()).toMatchObject({ code: 'validation_failed' });
    const res = await app.inject({
      method: 'PUT',
      url: '/api/v1/organization/sso',
      headers: { authorization: `Bearer ${other.apiToken}` },
      payload: settings({ emailDomains: ['acme.test'] }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflict' });
  });

  it('signs an existing member of the allowed domain in with the same session as a password', async () => {
    // A browser lands on the app signed in.
    const { res } = await signIn('Boss@Acme.test', 'boss@acme.test', { accept: 'text/html' });
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe('/');
    const cookie = res.cookies.find((c) => c.name === 'hb_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    const session = await sessionOf(res);
    expect(session.member).toMatchObject({ id: boss.id, role: 'admin' });
    // A change still needs the session's CSRF token.
    const noCsrf = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      cookies: { hb_session: cookie.value },
    });
    expect(noCsrf.json()).toMatchObject({ code: 'csrf_failed' });
  });

  it('adds someone of the allowed domain just in time at the chosen role', async () => {
    const { res } = await signIn('newcomer@acme.test');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().member).toMatchObject({ email: 'newcomer@acme.test', role: 'recruiter' });
    const session = await sessionOf(res);
    expect(session.member).toMatchObject({ email: 'newcomer@acme.test', role: 'recruiter' });
    const entra = await signIn('entra@acme.test', 'entra-entra@acme.test');
    expect(entra.res.statusCode, entra.res.body).toBe(200);
    expect(entra.res.json().member).toMatchObject({ email: 'entra@acme.test', name: 'Eve Entra' });
    // Once only: the next sign-in finds the same member.
    const again = await sessionOf((await signIn('newcomer@acme.test')).res);
    expect(again.member.id).toBe(session.member.id);
  });

  it('answers an API client with where to send the browser', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/auth/sso/start?email=boss@acme.test' });
    expect(res.statusCode).toBe(200);
    expect(new URL(res.json<{ redirectTo: string }>().redirectTo).origin).toBe(provider.issuer);
    expect(res.cookies.find((c) => c.name === 'hb_sso')).toBeDefined();
  });

  it('refuses an email of another domain, an unverified email, and a domain nobody signs in with', async () => {
    const elsewhere = await signIn('someone@acme.test', 'someone@evil.test');
    expect(elsewhere.res.statusCode).toBe(403);
    expect(elsewhere.res.json()).toMatchObject({ code: 'sso_email_not_allowed' });
    expect(elsewhere.res.cookies.find((c) => c.name === 'hb_session')).toBeUndefined();
    const unverified = await signIn('quiet@acme.test', 'unverified-quiet@acme.test');
    expect(unverified.res.json()).toMatchObject({ code: 'sso_email_not_allowed' });
    const none = await app.inject({ method: 'GET', url: '/api/v1/auth/sso/start?email=a@nowhere.test' });
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ code: 'sso_not_configured' });
    // A browser gets a page that says what went wrong, with the code, and no stack.
    const page = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/sso/start?email=a@nowhere.test',
      headers: { accept: 'text/html' },
    });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('No organization signs in with a company account for nowhere.test');
    expect(page.body).toContain('sso_not_configured');
    expect(page.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses a deactivated member', async () => {
    const gone = await buildMember({ db, clock }, orgId, { email: 'gone@acme.test', role: 'interviewer' });
    await changeMember({ db, clock }, orgId, gone.id, { active: false });
    const { res } = await signIn('gone@acme.test');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'sso_member_deactivated' });
  });

  it('refuses an ID token issued to another client (audience)', async () => {
    provider.state.rewriteIdToken = (claims) => ({ ...claims, aud: 'another-client' });
    try {
      const { res } = await signIn('boss@acme.test');
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'sso_token_invalid' });
      expect(res.json().detail).toContain('audience');
    } finally {
      provider.state.rewriteIdToken = null;
    }
  });

  it('refuses an ID token that expired by Hearback’s clock', async () => {
    const start = clock.now();
    try {
      // The provider's ID tokens last 60 s; five minutes later the sign-in itself is still open.
      const { res } = await signIn('boss@acme.test', undefined, {
        beforeCallback: () => clock.advance(5 * 60_000),
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'sso_token_invalid' });
      expect(res.json().detail).toContain('expired');
    } finally {
      clock.set(start);
    }
  });

  it('refuses a tampered, unknown or reused state, a missing browser binding and a wrong nonce', async () => {
    const tampered = await signIn('boss@acme.test', undefined, {
      tamper: (url) => url.searchParams.set('state', `${url.searchParams.get('state')}x`),
    });
    expect(tampered.res.statusCode).toBe(400);
    expect(tampered.res.json()).toMatchObject({ code: 'sso_state_invalid' });

    const unknown = await app.inject({
      method: 'GET',
      url: `/api/v1/auth/sso/callback?code=abc&state=${randomBytes(32).toString('base64url')}`,
      cookies: { hb_sso: tampered.cookie! },
    });
    expect(unknown.json()).toMatchObject({ code: 'sso_state_invalid' });

    const ok = await signIn('boss@acme.test');
    expect(ok.res.statusCode).toBe(200);
    const replay = await app.inject({
      method: 'GET',
      url: `${ok.callback.pathname}${ok.callback.search}`,
      cookies: { hb_sso: ok.cookie! },
    });
    expect(replay.statusCode).toBe(400);
    expect(replay.json()).toMatchObject({ code: 'sso_state_invalid' });

    // A callback in a browser that did not start the sign-in (login CSRF) is refused.
    const otherBrowser = await signIn('boss@acme.test', undefined, { cookie: null });
    expect(otherBrowser.res.json()).toMatchObject({ code: 'sso_state_invalid' });

    const nonce = await signIn('boss@acme.test', undefined, {
      tamper: (url) => url.searchParams.set('nonce', randomBytes(32).toString('base64url')),
    });
    expect(nonce.res.statusCode).toBe(401);
    expect(nonce.res.json()).toMatchObject({ code: 'sso_token_invalid' });
    expect(nonce.res.json().detail).toContain('nonce');
  });

  it('turns passwords and sign-in links off only for an admin who signed in through the provider', async () => {
    const { clientSecret: _secret, ...current } = settings();
    // The first admin (the API token's member) never signed in through the provider.
    const refused = await admin('PUT', { ...current, passwordsEnabled: false });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'sign_in_lockout' });

    const bossSession = await sessionOf((await signIn('boss@acme.test')).res);
    const off = await app.inject({
      method: 'PUT',
      url: '/api/v1/organization/sso',
      cookies: { hb_session: bossSession.cookie },
      headers: { 'x-csrf-token': bossSession.csrfToken },
      payload: { ...current, passwordsEnabled: false, signInLinksEnabled: false },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().settings).toMatchObject({ passwordsEnabled: false, signInLinksEnabled: false });
    expect(off.body).not.toContain(CLIENT_SECRET);

    const password = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'boss@acme.test', password: PASSWORD },
    });
    expect(password.statusCode).toBe(403);
    expect(password.json()).toMatchObject({ code: 'password_sign_in_disabled' });
    // A wrong password still says only that it is wrong, and still counts.
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'boss@acme.test', password: 'not the password at all' },
    });
    expect(wrong.json()).toMatchObject({ code: 'invalid_credentials' });
    const link = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/magic-link',
      payload: { email: 'boss@acme.test' },
    });
    expect(link.statusCode).toBe(403);
    expect(link.json()).toMatchObject({ code: 'sign_in_link_disabled' });

    // An invitation would set a password: refused too, with the same code.
    const invitee = await buildMember({ db, clock }, orgId, { email: 'invitee@acme.test' });
    const { url } = await inviteMember(
      {
        db,
        clock,
        publicUrl: PUBLIC_URL,
        identity: { from: { name: 'Hearback', address: 'hb@acme.test' }, domain: 'acme.test' },
      },
      orgId,
      invitee.id,
    );
    const accept = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/invitations/accept',
      payload: { token: new URL(url).searchParams.get('token'), password: 'a long new passphrase 42' },
    });
    expect(accept.statusCode).toBe(403);
    expect(accept.json()).toMatchObject({ code: 'password_sign_in_disabled' });

    // Moving to another client while passwords stay off is refused: nobody has signed in through it.
    const moved = await app.inject({
      method: 'PUT',
      url: '/api/v1/organization/sso',
      cookies: { hb_session: bossSession.cookie },
      headers: { 'x-csrf-token': bossSession.csrfToken },
      payload: { ...current, clientId: 'another-client', passwordsEnabled: false },
    });
    expect(moved.json()).toMatchObject({ code: 'sign_in_lockout' });

    // Removing single sign-on brings passwords back.
    expect((await admin('DELETE')).statusCode).toBe(204);
    const back = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'boss@acme.test', password: PASSWORD },
    });
    expect(back.statusCode).toBe(200);
    expect((await admin('GET')).json().settings).toBeNull();
  });

  it('limits attempts per address on the public routes', async () => {
    let last = 0;
    for (let i = 0; i < 25; i++) {
      const res = await app.inject({
        method: 'GET',
        url: '/api/v1/auth/sso/start?email=a@nowhere.test',
        remoteAddress: '10.9.8.7',
      });
      last = res.statusCode;
    }
    expect(last).toBe(429);
  });
});
