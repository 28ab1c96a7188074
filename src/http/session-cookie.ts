import '@fastify/cookie';
import type { FastifyReply } from 'fastify';
import type { SessionPolicy } from '../services/auth.service.ts';
import { SESSION_COOKIE } from './auth.ts';

/** Cookie settings that follow from where Hearback is served. */
export interface CookieSettings {
  /** Secure cookies need HTTPS, except on localhost, which browsers treat as secure. */
  secure: boolean;
  policy: SessionPolicy;
}

/** Derive cookie settings from the public URL. */
export function cookieSettings(publicUrl: string, policy: SessionPolicy): CookieSettings {
  const url = new URL(publicUrl);
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return { secure: url.protocol === 'https:' || local, policy };
}

/** Set the session cookie: HttpOnly, SameSite=Lax, Secure (see above), lasting the session's absolute lifetime. */
export function setSessionCookie(reply: FastifyReply, token: string, settings: CookieSettings): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.secure,
    path: '/',
    maxAge: Math.floor(settings.policy.absoluteMs / 1000),
  });
}

/** Remove the session cookie. */
export function clearSessionCookie(reply: FastifyReply, settings: CookieSettings): void {
  void reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.secure,
    path: '/',
  });
}
