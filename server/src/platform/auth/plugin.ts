// SPDX-License-Identifier: EUPL-1.2
// Resolves the actor of every request (session cookie or API key), enforces the route's declared
// authentication, CSRF on cookie-authenticated state changes, and the coarse permission.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PlatformDeps } from '../deps.js';
import { AppError } from '../http/errors.js';
import { parseTraceparent, type TraceContext } from '../ldv/trace-context.js';
import type { RequestOrigin } from '../audit/audit.js';
import type { Actor, UserActor } from './actor.js';
import { can, type Action } from './policy.js';
import { isRole, type ApiScope } from './roles.js';
import { resolveSession, type ResolvedSession } from './sessions.js';
import { resolveApiKey } from './api-keys.js';
import { recordAudit } from '../audit/audit.js';

export type AuthMode = 'publiek' | 'sessie' | 'mfa-inschrijving' | 'api-sleutel' | 'sessie-of-api-sleutel';
/** How a route relates to tenants; the isolation test requires a row for every `tenant` route. */
export type Tenancy = 'tenant' | 'publiek' | 'eigen' | 'platform';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthMode;
    permission?: Action;
    scope?: ApiScope;
    tenancy?: Tenancy;
    /** Reachable while the user must still replace a temporary password. */
    duringPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    authSession: ResolvedSession | null;
    trace: TraceContext | null;
  }
}

export const SESSION_COOKIE = 'knooppunt_sessie';
export const SECURE_SESSION_COOKIE = '__Host-knooppunt_sessie';

export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

export function setSessionCookie(reply: FastifyReply, deps: PlatformDeps, token: string) {
  reply.setCookie(sessionCookieName(deps.config.secureCookies), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.config.secureCookies,
    path: '/',
  });
}

export function clearSessionCookie(reply: FastifyReply, deps: PlatformDeps) {
  reply.clearCookie(sessionCookieName(deps.config.secureCookies), { path: '/', httpOnly: true, sameSite: 'strict', secure: deps.config.secureCookies });
}

export function origin(request: FastifyRequest): RequestOrigin {
  return { requestId: request.id, ipAddress: request.actor?.kind === 'gebruiker' ? request.ip : null };
}

/** The acting user; throws 401 when the route is reached without one (guarded by config). */
export function requireUser(request: FastifyRequest): UserActor {
  const a = request.actor;
  if (!a || a.kind !== 'gebruiker') throw new AppError('NIET_INGELOGD', 'U bent niet ingelogd of uw sessie is verlopen.');
  return a;
}

function userActor(resolved: ResolvedSession): UserActor {
  return {
    kind: 'gebruiker',
    userId: resolved.user.id,
    username: resolved.user.gebruikersnaam,
    organisationId: resolved.organisation.id,
    organisationCode: resolved.organisation.code,
    organisationKind: resolved.organisation.soort,
    roles: resolved.user.rollen.filter(isRole),
    sessionId: resolved.session.id,
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export function installAuth(app: FastifyInstance, deps: PlatformDeps) {
  app.decorateRequest('actor', null);
  app.decorateRequest('authSession', null);
  app.decorateRequest('trace', null);

  app.addHook('onRequest', async (request) => {
    const tp = request.headers.traceparent;
    request.trace = parseTraceparent(Array.isArray(tp) ? tp[0] : tp);
    const config = request.routeOptions.config;
    const mode: AuthMode = config.auth ?? 'publiek';
    if (mode === 'publiek') return;

    const now = deps.clock.now();
    const authz = request.headers.authorization;
    if (authz?.startsWith('Bearer ') && (mode === 'api-sleutel' || mode === 'sessie-of-api-sleutel')) {
      const keyActor = await resolveApiKey(deps.db, authz.slice(7).trim(), now);
      if (!keyActor) throw new AppError('NIET_INGELOGD', 'De API-sleutel is onbekend of ingetrokken.', [], { 'WWW-Authenticate': 'Bearer' });
      if (config.scope && !keyActor.scopes.includes(config.scope)) throw new AppError('GEEN_TOEGANG', `Deze API-sleutel mist de scope ${config.scope}.`);
      request.actor = keyActor;
      return;
    }
    if (mode === 'api-sleutel') throw new AppError('NIET_INGELOGD', 'Gebruik een API-sleutel (Authorization: Bearer …).', [], { 'WWW-Authenticate': 'Bearer' });

    const token = request.cookies[sessionCookieName(deps.config.secureCookies)];
    const resolved = token ? await resolveSession(deps.db, token, now) : null;
    if (!resolved) throw new AppError('NIET_INGELOGD', 'U bent niet ingelogd of uw sessie is verlopen.');
    request.authSession = resolved;
    request.actor = userActor(resolved);

    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, resolved.session.csrf_token)) {
        throw new AppError('CSRF_ONGELDIG', 'Het CSRF-token ontbreekt of klopt niet. Laad de pagina opnieuw.');
      }
    }
    if (resolved.session.status === 'mfa-inschrijving' && mode !== 'mfa-inschrijving') {
      throw new AppError('MFA_INSCHRIJVING_VEREIST', 'Stel eerst tweestapsverificatie in voordat u verder kunt.');
    }
    if (resolved.user.moet_wachtwoord_wijzigen && mode !== 'mfa-inschrijving' && !config.duringPasswordChange) {
      throw new AppError('WACHTWOORD_WIJZIGEN_VEREIST', 'Vervang eerst uw tijdelijke wachtwoord door een eigen wachtwoord.');
    }
    if (config.permission && !can(request.actor, config.permission)) {
      // Access-control failures are security events (ASVS V16): audited, then refused.
      await deps.db.transaction().execute((trx) =>
        recordAudit(trx, request.actor, origin(request), { action: 'toegang-geweigerd', objectType: 'route', objectId: `${request.method} ${request.routeOptions.url ?? ''}`, result: 'geweigerd', details: { recht: config.permission } }, now),
      );
      throw new AppError('GEEN_TOEGANG', 'U heeft geen recht op deze handeling.');
    }
  });
}
