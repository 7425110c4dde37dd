// SPDX-License-Identifier: EUPL-1.2
// Login through the organisation's OpenID provider (Entra ID, Keycloak, …): authorization code
// flow with PKCE, state and nonce. The IdP's claim `config.oidc.userClaim` is matched against the
// local gebruikersnaam; only existing, active users of active organisations get a session.
import * as client from 'openid-client';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OidcConfig } from '../config.js';
import type { PlatformDeps } from '../deps.js';
import { AppError } from '../http/errors.js';
import { decrypt, encrypt, sha256 } from '../crypto.js';
import { recordAudit, type RequestOrigin } from '../audit/audit.js';
import { usersRepository } from '../identity/users.repository.js';
import { organisationsRepository } from '../identity/organisations.repository.js';
import { createLoginService } from './login.service.js';
import { setSessionCookie } from './plugin.js';

export const OIDC_START_PATH = '/api/v1/sessies/oidc';
export const OIDC_CALLBACK_PATH = '/api/v1/sessies/oidc/terugkoppeling';
const OIDC_COOKIE_PATH = OIDC_START_PATH;
const OIDC_COOKIE_TTL_S = 10 * 60;
const SCOPE = 'openid profile email';
const COOKIE_PURPOSE = 'knooppunt-oidc-v1';

const FAILED = 'Inloggen via uw organisatie is niet gelukt. Neem contact op met de beheerder als dit zo blijft.';
const NOT_CONFIGURED = 'Inloggen via de inlogdienst van uw organisatie is op deze installatie niet ingesteld.';

export function oidcCookieName(secure: boolean): string {
  // __Host- requires Path=/; this cookie is deliberately scoped to the OIDC routes.
  return secure ? '__Secure-knooppunt_oidc' : 'knooppunt_oidc';
}

interface OidcState {
  p: typeof COOKIE_PURPOSE;
  verifier: string;
  state: string;
  nonce: string;
  /** Expiry in ms since the epoch; checked server-side as well, the cookie max-age is advisory. */
  exp: number;
}

function isLoopback(issuer: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
}

// Discovery is cached per process (per issuer/client), a failed discovery is retried next time.
const configurations = new Map<string, Promise<client.Configuration>>();

function configurationFor(oidc: OidcConfig): Promise<client.Configuration> {
  const key = [oidc.issuer, oidc.clientId, sha256(oidc.clientSecret)].join('\n');
  let pending = configurations.get(key);
  if (!pending) {
    const issuer = new URL(oidc.issuer);
    if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && isLoopback(issuer))) {
      return Promise.reject(new Error('OIDC-issuer moet https gebruiken (http alleen voor localhost)'));
    }
    const options: client.DiscoveryRequestOptions = issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {};
    pending = client.discovery(issuer, oidc.clientId, oidc.clientSecret, client.ClientSecretBasic(oidc.clientSecret), options);
    configurations.set(key, pending);
    pending.catch(() => configurations.delete(key));
  }
  return pending;
}

/** Only the error's kind goes to the log: no claims, tokens or codes. */
function errorKind(err: unknown): Record<string, string> {
  if (!(err instanceof Error)) return { fout: typeof err };
  const code = (err as { code?: unknown }).code;
  const oauthError = (err as { error?: unknown }).error;
  return {
    fout: err.name,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof oauthError === 'string' ? { oauthFout: oauthError } : {}),
  };
}

function readState(deps: PlatformDeps, request: FastifyRequest): OidcState | null {
  const raw = request.cookies[oidcCookieName(deps.config.secureCookies)];
  if (!raw) return null;
  try {
    const parsed = JSON.parse(decrypt(deps.secrets, raw)) as Partial<OidcState>;
    if (
      parsed.p !== COOKIE_PURPOSE ||
      typeof parsed.verifier !== 'string' ||
      typeof parsed.state !== 'string' ||
      typeof parsed.nonce !== 'string' ||
      typeof parsed.exp !== 'number' ||
      parsed.exp < deps.clock.now().getTime()
    ) {
      return null;
    }
    return parsed as OidcState;
  } catch {
    return null;
  }
}

function clearStateCookie(reply: FastifyReply, deps: PlatformDeps) {
  reply.clearCookie(oidcCookieName(deps.config.secureCookies), { path: OIDC_COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies });
}

export function oidcRoutes(deps: PlatformDeps) {
  const login = createLoginService(deps);

  function requireOidc(): OidcConfig {
    const oidc = deps.config.oidc;
    if (!oidc) throw new AppError('OIDC_NIET_GECONFIGUREERD', NOT_CONFIGURED);
    return oidc;
  }

  async function refuse(origin: RequestOrigin, reason: string, extra: { userId?: string | null; username?: string } = {}): Promise<never> {
    const now = deps.clock.now();
    await deps.db.transaction().execute((trx) =>
      recordAudit(
        trx,
        null,
        origin,
        {
          action: 'inloggen',
          objectType: 'gebruiker',
          objectId: extra.userId ?? null,
          result: 'mislukt',
          details: { methode: 'oidc', reden: reason, ...(extra.username !== undefined ? { gebruikersnaam: extra.username.slice(0, 100) } : {}) },
        },
        now,
      ),
    );
    throw new AppError('OIDC_MISLUKT', FAILED);
  }

  return async function register(app: FastifyInstance) {
    app.get(
      OIDC_START_PATH,
      { config: { auth: 'publiek', tenancy: 'publiek' }, schema: { tags: ['Sessies'], summary: 'Inloggen via de inlogdienst (OpenID Connect) van de organisatie; stuurt door naar de inlogdienst' } },
      async (request, reply) => {
        const oidc = requireOidc();
        let config: client.Configuration;
        try {
          config = await configurationFor(oidc);
        } catch (err) {
          request.log.warn({ oidc: errorKind(err) }, 'OIDC-discovery mislukt');
          throw new AppError('OIDC_MISLUKT', 'De inlogdienst van uw organisatie is nu niet bereikbaar. Probeer het later opnieuw.');
        }
        const verifier = client.randomPKCECodeVerifier();
        const state: OidcState = {
          p: COOKIE_PURPOSE,
          verifier,
          state: client.randomState(),
          nonce: client.randomNonce(),
          exp: deps.clock.now().getTime() + OIDC_COOKIE_TTL_S * 1000,
        };
        const url = client.buildAuthorizationUrl(config, {
          redirect_uri: oidc.redirectUri,
          scope: SCOPE,
          code_challenge: await client.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
          state: state.state,
          nonce: state.nonce,
        });
        reply.setCookie(oidcCookieName(deps.config.secureCookies), encrypt(deps.secrets, JSON.stringify(state)), {
          httpOnly: true,
          sameSite: 'lax',
          secure: deps.config.secureCookies,
          path: OIDC_COOKIE_PATH,
          maxAge: OIDC_COOKIE_TTL_S,
        });
        return reply.redirect(url.href, 302);
      },
    );

    app.get(
      OIDC_CALLBACK_PATH,
      { config: { auth: 'publiek', tenancy: 'publiek' }, schema: { tags: ['Sessies'], summary: 'Terugkoppeling van de inlogdienst; maakt een sessie en stuurt door naar /' } },
      async (request, reply) => {
        const oidc = requireOidc();
        const failOrigin: RequestOrigin = { requestId: request.id, ipAddress: null };
        // The state cookie is single-use: cleared whatever the outcome.
        clearStateCookie(reply, deps);
        const saved = readState(deps, request);
        if (!saved) return refuse(failOrigin, 'oidc-status-ontbreekt-of-ongeldig');

        // Never derive the callback URL from Host/X-Forwarded-* headers: use the configured one.
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        const currentUrl = new URL(oidc.redirectUri);
        currentUrl.search = query;

        let claims: client.IDToken | undefined;
        let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
        let config: client.Configuration;
        try {
          config = await configurationFor(oidc);
          tokens = await client.authorizationCodeGrant(config, currentUrl, {
            pkceCodeVerifier: saved.verifier,
            expectedState: saved.state,
            expectedNonce: saved.nonce,
            idTokenExpected: true,
          });
          claims = tokens.claims();
        } catch (err) {
          request.log.warn({ oidc: errorKind(err) }, 'OIDC-terugkoppeling geweigerd');
          return refuse(failOrigin, 'oidc-antwoord-ongeldig');
        }
        if (!claims) return refuse(failOrigin, 'oidc-geen-id-token');

        let value: unknown = claims[oidc.userClaim];
        if (value === undefined && oidc.userClaim !== 'sub' && config.serverMetadata().userinfo_endpoint) {
          // Conforming providers may put profile claims only in the UserInfo response.
          try {
            const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
            value = info[oidc.userClaim];
          } catch (err) {
            request.log.warn({ oidc: errorKind(err) }, 'OIDC-userinfo mislukt');
          }
        }
        if (typeof value !== 'string' || value.trim() === '') return refuse(failOrigin, 'oidc-claim-ontbreekt');
        const username = value.trim();

        const user = await usersRepository.findByUsername(deps.db, { kind: 'alle', reason: 'oidc' }, username);
        if (!user) return refuse(failOrigin, 'onbekende-gebruiker', { username });
        if (!user.actief) return refuse(failOrigin, 'account-geblokkeerd', { userId: user.id, username });
        const organisation = await organisationsRepository.findById(deps.db, user.organisatie_id);
        if (!organisation?.actief) return refuse(failOrigin, 'organisatie-niet-actief', { userId: user.id, username });

        const { token } = await login.loginOidc(user, { requestId: request.id, ipAddress: request.ip });
        setSessionCookie(reply, deps, token);
        return reply.redirect('/', 302);
      },
    );
  };
}
