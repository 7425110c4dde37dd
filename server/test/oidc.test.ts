// SPDX-License-Identifier: EUPL-1.2
// OIDC login against a real OpenID provider (oidc-provider) running on 127.0.0.1 inside the test:
// the browser is plain fetch with a cookie jar that follows redirects and submits the provider's
// development login and consent forms.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { OidcConfig } from '../src/platform/config.js';
import { createTestPlatform, createUser, type TestPlatform } from './helpers.js';

// ---- the small part of oidc-provider's API this test uses ----
interface ProviderAccount {
  accountId: string;
  claims(): Promise<Record<string, unknown>>;
}
interface ProviderInstance {
  callback(): (req: http.IncomingMessage, res: http.ServerResponse) => void;
}
type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance;
// Loaded in beforeAll (after its console notices are filtered), not as a static import.
let Provider: ProviderConstructor;

const START = '/api/v1/sessies/oidc';
const CALLBACK = '/api/v1/sessies/oidc/terugkoppeling';
const CLIENT_ID = 'knooppunt-test';
const CLIENT_SECRET = crypto.randomBytes(24).toString('base64url');

/** IdP accounts by account id; each test adds its own. */
const idpAccounts = new Map<string, Record<string, unknown>>();

interface RunningProvider {
  issuer: string;
  close(): Promise<void>;
}

async function startProvider(redirectUri: string, opts: { conformIdTokenClaims: boolean }): Promise<RunningProvider> {
  let handler: http.RequestListener = (_req, res) => void res.writeHead(503).end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signingKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    async findAccount(_ctx: unknown, id: string): Promise<ProviderAccount | undefined> {
      const claims = idpAccounts.get(id);
      return claims ? { accountId: id, claims: async () => ({ sub: id, ...claims }) } : undefined;
    },
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'], email: ['email', 'email_verified'] },
    conformIdTokenClaims: opts.conformIdTokenClaims,
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    jwks: { keys: [{ ...signingKey, kid: 'test-rs256', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
  });
  handler = provider.callback();
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

// ---- a minimal browser: one cookie jar per origin, manual redirects ----
class Browser {
  readonly jars = new Map<string, Map<string, string>>();

  jar(url: string): Map<string, string> {
    const origin = new URL(url).origin;
    let jar = this.jars.get(origin);
    if (!jar) this.jars.set(origin, (jar = new Map()));
    return jar;
  }

  async fetch(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const jar = this.jar(url);
    const headers: Record<string, string> = {};
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(url, { method: init.method ?? 'GET', headers, redirect: 'manual', ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}) });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now()));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }
}

function location(res: Response, base: string): string {
  const loc = res.headers.get('location');
  if (!loc) throw new Error(`geen Location (status ${res.status})`);
  return new URL(loc, base).href;
}

const isRedirect = (res: Response) => [301, 302, 303, 307, 308].includes(res.status);

describe('OIDC-inloggen tegen een echte OpenID provider', () => {
  let t: TestPlatform;
  let appUrl: string;
  let callbackUrl: string;
  let provider: RunningProvider;
  let conformingProvider: RunningProvider;
  let oidcConfig: OidcConfig;
  const originalWarn = console.warn;
  const originalInfo = console.info;

  beforeAll(async () => {
    // The provider's development-mode notices are expected here; everything else still prints.
    const quiet =
      (original: (...args: unknown[]) => void) =>
      (...args: unknown[]) => {
        if (typeof args[0] === 'string' && args[0].includes('oidc-provider ')) return;
        original(...args);
      };
    console.warn = quiet(originalWarn);
    console.info = quiet(originalInfo);
    // @ts-expect-error -- oidc-provider ships no type declarations (and @types/oidc-provider is not installed); typed locally above.
    Provider = ((await import('oidc-provider')) as { default: ProviderConstructor }).default;

    t = await createTestPlatform({ oidc: null });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    appUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    callbackUrl = `${appUrl}${CALLBACK}`;
    provider = await startProvider(callbackUrl, { conformIdTokenClaims: false });
    conformingProvider = await startProvider(callbackUrl, { conformIdTokenClaims: true });
    oidcConfig = { issuer: provider.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: callbackUrl, userClaim: 'preferred_username' };
    t.deps.config.publicUrl = appUrl;
    t.deps.config.oidc = oidcConfig;
  });

  afterAll(async () => {
    await t?.close();
    await provider?.close();
    await conformingProvider?.close();
    console.warn = originalWarn;
    console.info = originalInfo;
  });

  /** Starts at Knooppunt, signs in at the IdP as `accountId`, consents; returns the callback URL it was sent back to. */
  async function authorize(browser: Browser, accountId: string): Promise<string> {
    const start = await browser.fetch(`${appUrl}${START}`);
    expect(start.status).toBe(302);
    let next = location(start, appUrl);
    expect(next.startsWith(`${t.deps.config.oidc!.issuer}/`)).toBe(true);
    for (let hop = 0; hop < 20; hop++) {
      if (next.startsWith(`${callbackUrl}?`)) return next;
      const res = await browser.fetch(next);
      if (isRedirect(res)) {
        next = location(res, next);
        continue;
      }
      const html = await res.text();
      expect(res.status, html).toBe(200);
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
      if (!action || !prompt) throw new Error(`onverwachte pagina van de provider: ${html.slice(0, 300)}`);
      const form: Record<string, string> = prompt === 'login' ? { prompt, login: accountId, password: 'maakt-niet-uit' } : { prompt };
      const submitted = await browser.fetch(new URL(action, next).href, { method: 'POST', form });
      expect(isRedirect(submitted)).toBe(true);
      next = location(submitted, next);
    }
    throw new Error('te veel doorverwijzingen');
  }

  const sessionCookieOf = (browser: Browser) => browser.jar(appUrl).get('knooppunt_sessie');

  async function auditRows(filter: { objectId?: string } = {}) {
    let q = t.deps.db.selectFrom('audit_regels').selectAll().where('actie', '=', 'inloggen').orderBy('id');
    if (filter.objectId) q = q.where('object_id', '=', filter.objectId);
    return (await q.execute()).map((r) => ({ ...r, details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown> }));
  }

  it('volledige flow: sessie voor de gekoppelde gebruiker, status actief, geaudit als methode oidc', async () => {
    const user = await createUser(t, ['knooppuntmedewerker'], 'GM0296', { enrolTotp: false });
    // The claim is matched case-insensitively.
    idpAccounts.set('acc-geldig', { preferred_username: user.username.toUpperCase(), name: 'Geldige Medewerker', email: 'x@example.org' });
    const browser = new Browser();
    const started = await browser.fetch(`${appUrl}${START}`);
    expect(started.status).toBe(302);
    const stateCookie = started.headers.getSetCookie().find((c) => c.startsWith('knooppunt_oidc='));
    expect(stateCookie).toBeDefined();
    expect(stateCookie).toMatch(/HttpOnly/i);
    expect(stateCookie).toMatch(/SameSite=Lax/i);
    expect(stateCookie).toMatch(/Path=\/api\/v1\/sessies\/oidc(;|$)/);
    expect(stateCookie).toMatch(/Max-Age=600/i);
    const authUrl = new URL(location(started, appUrl));
    expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authUrl.searchParams.get('scope')).toBe('openid profile email');
    expect(authUrl.searchParams.get('redirect_uri')).toBe(callbackUrl);
    expect(authUrl.searchParams.get('state')).toBeTruthy();
    expect(authUrl.searchParams.get('nonce')).toBeTruthy();
    browser.jar(appUrl).clear();

    const callback = await authorize(browser, 'acc-geldig');
    const done = await browser.fetch(callback);
    expect(done.status, await done.clone().text()).toBe(302);
    expect(done.headers.get('location')).toBe('/');
    const session = sessionCookieOf(browser);
    expect(session).toBeTruthy();
    expect(browser.jar(appUrl).has('knooppunt_oidc')).toBe(false);

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/sessies/huidig', headers: { cookie: `knooppunt_sessie=${session}` } });
    expect(me.statusCode).toBe(200);
    const body = me.json() as { status: string; gebruiker: { id: string; gebruikersnaam: string } };
    expect(body.status).toBe('actief');
    expect(body.gebruiker.id).toBe(user.id);
    expect(body.gebruiker.gebruikersnaam).toBe(user.username);

    const rows = await auditRows({ objectId: user.id });
    const ok = rows.filter((r) => r.resultaat === 'gelukt');
    expect(ok).toHaveLength(1);
    expect(ok[0]!.details.methode).toBe('oidc');
    expect(ok[0]!.actor_id).toBe(user.id);

    // The callback cannot be replayed: the state cookie is gone and the code is used.
    const replay = await browser.fetch(callback);
    expect(replay.status).toBe(401);
    // No personal data from the IdP in the application log.
    expect(t.logs.text()).not.toContain(user.username);
    expect(t.logs.text().toLowerCase()).not.toContain(user.username.toLowerCase());
  });

  it('IdP-account zonder lokale gebruiker: 401 OIDC_MISLUKT, mislukte auditregel, geen sessie', async () => {
    const unknown = `onbekend.${crypto.randomBytes(4).toString('hex')}`;
    idpAccounts.set('acc-onbekend', { preferred_username: unknown });
    const browser = new Browser();
    const callback = await authorize(browser, 'acc-onbekend');
    const res = await browser.fetch(callback);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await res.json()) as { code: string; detail: string };
    expect(problem.code).toBe('OIDC_MISLUKT');
    expect(problem.detail).not.toContain(unknown);
    expect(problem.detail).toMatch(/niet gelukt/);
    expect(sessionCookieOf(browser)).toBeUndefined();
    expect(browser.jar(appUrl).has('knooppunt_oidc')).toBe(false);

    const failed = (await auditRows()).filter((r) => r.resultaat === 'mislukt' && r.details.gebruikersnaam === unknown);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.details).toMatchObject({ methode: 'oidc', reden: 'onbekende-gebruiker' });
    expect(failed[0]!.actor_soort).toBe('anoniem');
  });

  it('ontbrekende, vervalste of verwisselde state-cookie wordt geweigerd', async () => {
    const user = await createUser(t, ['knooppuntmedewerker'], 'GM0296', { enrolTotp: false });
    idpAccounts.set('acc-state', { preferred_username: user.username });
    const before = (await auditRows({ objectId: user.id })).length;

    // Missing cookie.
    const b1 = new Browser();
    const cb1 = await authorize(b1, 'acc-state');
    b1.jar(appUrl).delete('knooppunt_oidc');
    const r1 = await b1.fetch(cb1);
    expect(r1.status).toBe(401);
    expect(((await r1.json()) as { code: string }).code).toBe('OIDC_MISLUKT');
    expect(sessionCookieOf(b1)).toBeUndefined();

    // Tampered cookie (AES-GCM tag no longer matches).
    const b2 = new Browser();
    const cb2 = await authorize(b2, 'acc-state');
    const sealed = b2.jar(appUrl).get('knooppunt_oidc')!;
    const last = sealed.slice(-1);
    b2.jar(appUrl).set('knooppunt_oidc', `${sealed.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`);
    const r2 = await b2.fetch(cb2);
    expect(r2.status).toBe(401);
    expect(r2.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(sessionCookieOf(b2)).toBeUndefined();

    // A genuine cookie from another login attempt: state/nonce/PKCE do not match this response.
    const b3 = new Browser();
    const cb3 = await authorize(b3, 'acc-state');
    const other = new Browser();
    await other.fetch(`${appUrl}${START}`);
    b3.jar(appUrl).set('knooppunt_oidc', other.jar(appUrl).get('knooppunt_oidc')!);
    const r3 = await b3.fetch(cb3);
    expect(r3.status).toBe(401);
    expect(sessionCookieOf(b3)).toBeUndefined();

    const rows = await auditRows();
    expect(rows.filter((r) => r.details.reden === 'oidc-status-ontbreekt-of-ongeldig').length).toBeGreaterThanOrEqual(2);
    expect(rows.some((r) => r.details.reden === 'oidc-antwoord-ongeldig')).toBe(true);
    // None of the refused callbacks produced a session for the user.
    expect((await auditRows({ objectId: user.id })).length).toBe(before);
  });

  it('een geblokkeerde lokale gebruiker kan niet via OIDC inloggen', async () => {
    const user = await createUser(t, ['knooppuntmedewerker'], 'GM0296', { enrolTotp: false });
    await t.deps.db.updateTable('gebruikers').set({ actief: false }).where('id', '=', user.id).execute();
    idpAccounts.set('acc-geblokkeerd', { preferred_username: user.username });
    const browser = new Browser();
    const res = await browser.fetch(await authorize(browser, 'acc-geblokkeerd'));
    expect(res.status).toBe(401);
    const problem = (await res.json()) as { code: string; detail: string };
    expect(problem.code).toBe('OIDC_MISLUKT');
    expect(sessionCookieOf(browser)).toBeUndefined();
    const rows = await auditRows({ objectId: user.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.resultaat).toBe('mislukt');
    expect(rows[0]!.details).toMatchObject({ methode: 'oidc', reden: 'account-geblokkeerd' });
  });

  it('een gebruiker van een niet-actieve organisatie kan niet via OIDC inloggen', async () => {
    const user = await createUser(t, ['knooppuntmedewerker'], 'GM0209', { enrolTotp: false });
    idpAccounts.set('acc-org', { preferred_username: user.username });
    await t.deps.db.updateTable('organisaties').set({ actief: false }).where('id', '=', user.organisationId).execute();
    try {
      const browser = new Browser();
      const res = await browser.fetch(await authorize(browser, 'acc-org'));
      expect(res.status).toBe(401);
      expect(sessionCookieOf(browser)).toBeUndefined();
      const rows = await auditRows({ objectId: user.id });
      expect(rows.map((r) => r.details.reden)).toEqual(['organisatie-niet-actief']);
    } finally {
      await t.deps.db.updateTable('organisaties').set({ actief: true }).where('id', '=', user.organisationId).execute();
    }
  });

  it('provider die profielclaims alleen via UserInfo geeft: de claim wordt daar opgehaald', async () => {
    const user = await createUser(t, ['knooppuntmedewerker'], 'GM0296', { enrolTotp: false });
    idpAccounts.set('acc-userinfo', { preferred_username: user.username });
    t.deps.config.oidc = { ...oidcConfig, issuer: conformingProvider.issuer };
    try {
      const browser = new Browser();
      const res = await browser.fetch(await authorize(browser, 'acc-userinfo'));
      expect(res.status, await res.clone().text()).toBe(302);
      expect(sessionCookieOf(browser)).toBeTruthy();
    } finally {
      t.deps.config.oidc = oidcConfig;
    }
  });

  it('zonder OIDC-configuratie: 404 problem OIDC_NIET_GECONFIGUREERD', async () => {
    t.deps.config.oidc = null;
    try {
      for (const url of [START, `${CALLBACK}?code=x&state=y`]) {
        const res = await t.app.inject({ method: 'GET', url });
        expect(res.statusCode).toBe(404);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect((res.json() as { code: string }).code).toBe('OIDC_NIET_GECONFIGUREERD');
      }
      const env = await t.app.inject({ method: 'GET', url: '/api/v1/omgeving' });
      expect((env.json() as { oidc: boolean }).oidc).toBe(false);
    } finally {
      t.deps.config.oidc = oidcConfig;
    }
  });
});
