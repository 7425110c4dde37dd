// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, createUser, login, sessionCookie, TEST_PASSWORD, type TestPlatform } from './helpers.js';
import { generateTotp } from '../src/platform/auth/totp.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => t?.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}, remoteAddress = '203.0.113.7') =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers, remoteAddress });

describe('login with mandatory TOTP enrolment', () => {
  it('enrols TOTP at first login, gives recovery codes, rotates the session, then requires the code', async () => {
    const u = await createUser(t, ['knooppuntmedewerker'], 'GM0225', { enrolTotp: false });
    const first = await post('/api/v1/sessies', { gebruikersnaam: u.username, wachtwoord: TEST_PASSWORD });
    expect(first.statusCode).toBe(201);
    const body = first.json();
    expect(body.status).toBe('mfa-inschrijving');
    expect(body.rechten).toEqual([]);
    const cookie = sessionCookie(first);
    expect(first.headers['set-cookie']).toMatch(/HttpOnly/);
    expect(first.headers['set-cookie']).toMatch(/SameSite=Strict/);
    const h = { cookie, 'x-csrf-token': body.csrfToken };

    // Everything else is closed during enrolment.
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/account/sessies', headers: h });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('MFA_INSCHRIJVING_VEREIST');

    const start = await post('/api/v1/sessies/huidig/totp-inschrijving', {}, h);
    expect(start.statusCode).toBe(200);
    const { otpauthUri, geheim, qrCodeSvg } = start.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(qrCodeSvg).toMatch(/^<svg/);

    const wrong = await post('/api/v1/sessies/huidig/totp-bevestiging', { totpCode: '000000' }, h);
    expect(wrong.statusCode).toBe(400);

    const now = t.clock.now().getTime();
    const confirm = await post('/api/v1/sessies/huidig/totp-bevestiging', { totpCode: generateTotp(geheim, now) }, h);
    expect(confirm.statusCode).toBe(200);
    const confirmed = confirm.json();
    expect(confirmed.herstelcodes).toHaveLength(10);
    expect(confirmed.sessie.status).toBe('actief');
    const newCookie = sessionCookie(confirm);
    expect(newCookie).not.toBe(cookie);
    // The enrolment session is gone.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/sessies/huidig', headers: { cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/sessies/huidig', headers: { cookie: newCookie } })).json().status).toBe('actief');

    // Next login needs the code.
    t.clock.set(new Date(now + 60_000));
    const noCode = await post('/api/v1/sessies', { gebruikersnaam: u.username, wachtwoord: TEST_PASSWORD });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().code).toBe('MFA_VEREIST');
    const withCode = await post('/api/v1/sessies', { gebruikersnaam: u.username, wachtwoord: TEST_PASSWORD, totpCode: generateTotp(geheim, now + 60_000) });
    expect(withCode.statusCode).toBe(201);
    // The same code cannot be replayed.
    const replay = await post('/api/v1/sessies', { gebruikersnaam: u.username, wachtwoord: TEST_PASSWORD, totpCode: generateTotp(geheim, now + 60_000) });
    expect(replay.statusCode).toBe(401);
    // A recovery code works once.
    const rc = confirmed.herstelcodes[0];
    expect((await post('/api/v1/sessies', { gebruikersnaam: u.username, wachtwoord: TEST_PASSWORD, herstelcode: rc })).statusCode).toBe(201);
    expect((await post('/api/v1/sessies', { gebruikersnaam: u.username, wachtwoord: TEST_PASSWORD, herstelcode: rc })).statusCode).toBe(401);

    const audit = await t.deps.db.selectFrom('audit_regels').select(['actie', 'resultaat']).where('object_id', '=', u.id).execute();
    const actions = audit.map((a) => `${a.actie}:${a.resultaat}`);
    expect(actions).toEqual(expect.arrayContaining(['inloggen:gelukt', 'mfa-inschrijving-gestart:gelukt', 'mfa-inschrijving-bevestigd:mislukt', 'mfa-inschrijving-bevestigd:gelukt', 'inloggen:mislukt', 'mfa-herstelcode-gebruikt:gelukt']));
  });

  it('gives the same answer for an unknown user and a wrong password, and audits both', async () => {
    const u = await createUser(t, ['signaleerder']);
    const a = await post('/api/v1/sessies', { gebruikersnaam: 'bestaat.niet', wachtwoord: 'x'.repeat(12) }, {}, '198.51.100.1');
    const b = await post('/api/v1/sessies', { gebruikersnaam: u.username, wachtwoord: 'x'.repeat(12) }, {}, '198.51.100.1');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().detail).toBe(b.json().detail);
    expect(a.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('locks out after 5 failures per 15 minutes per account+address, not for another address', async () => {
    const u = await createUser(t, ['signaleerder']);
    for (let i = 0; i < 5; i++) expect((await post('/api/v1/sessies', { gebruikersnaam: u.username, wachtwoord: 'fout wachtwoord nr ' + i }, {}, '192.0.2.50')).statusCode).toBe(401);
    const locked = await post('/api/v1/sessies', { gebruikersnaam: u.username, wachtwoord: TEST_PASSWORD, totpCode: generateTotp(u.totpSecret, t.clock.now().getTime()) }, {}, '192.0.2.50');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('TE_VEEL_POGINGEN');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not locked out.
    await login(t, u, '192.0.2.51');
    // After 15 minutes the window has passed.
    t.clock.advance(15 * 60 * 1000 + 1000);
    await login(t, u, '192.0.2.50');
  });
});

describe('sessions', () => {
  it('requires the CSRF token on cookie-authenticated state changes', async () => {
    const u = await createUser(t, ['signaleerder']);
    const s = await login(t, u);
    const noCsrf = await t.app.inject({ method: 'DELETE', url: '/api/v1/sessies/huidig', headers: { cookie: s.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('CSRF_ONGELDIG');
    const wrong = await t.app.inject({ method: 'DELETE', url: '/api/v1/sessies/huidig', headers: { cookie: s.cookie, 'x-csrf-token': (s.csrf.startsWith('x') ? 'y' : 'x') + s.csrf.slice(1) } });
    expect(wrong.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'DELETE', url: '/api/v1/sessies/huidig', headers: s.headers });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/sessies/huidig', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('expires after 30 minutes of inactivity and after 12 hours absolute', async () => {
    const u = await createUser(t, ['signaleerder']);
    const s = await login(t, u);
    const get = () => t.app.inject({ method: 'GET', url: '/api/v1/sessies/huidig', headers: { cookie: s.cookie } });
    t.clock.advance(29 * 60 * 1000);
    expect((await get()).statusCode).toBe(200);
    t.clock.advance(31 * 60 * 1000);
    expect((await get()).statusCode).toBe(401);

    const s2 = await login(t, u);
    for (let i = 0; i < 25; i++) {
      t.clock.advance(29 * 60 * 1000);
      const r = await t.app.inject({ method: 'GET', url: '/api/v1/sessies/huidig', headers: { cookie: s2.cookie } });
      if (i < 24) expect(r.statusCode).toBe(200); // 24 × 29 min = 11 h 36 min
      else expect(r.statusCode).toBe(401); // 25 × 29 min > 12 h
    }
  });

  it('lets an administrator end a user’s sessions, and disabling a user ends them too', async () => {
    const admin = await createUser(t, ['functioneel-beheerder'], 'GM0296');
    const user = await createUser(t, ['signaleerder'], 'GM0296');
    const a = await login(t, admin);
    const s1 = await login(t, user);
    const end = await t.app.inject({ method: 'DELETE', url: `/api/v1/gebruikers/${user.id}/sessies`, headers: a.headers });
    expect(end.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/sessies/huidig', headers: { cookie: s1.cookie } })).statusCode).toBe(401);
    const s2 = await login(t, user);
    const disable = await t.app.inject({ method: 'PATCH', url: `/api/v1/gebruikers/${user.id}`, headers: a.headers, payload: { actief: false } });
    expect(disable.statusCode).toBe(200);
    expect(disable.json().actief).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/sessies/huidig', headers: { cookie: s2.cookie } })).statusCode).toBe(401);
    await expect(login(t, user)).rejects.toThrow(/401/);
  });

  it('stores only a hash of the session token', async () => {
    const u = await createUser(t, ['signaleerder']);
    const s = await login(t, u);
    const token = s.cookie.split('=')[1]!;
    const rows = await t.deps.db.selectFrom('sessies').select('id').where('gebruiker_id', '=', u.id).execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.id)).not.toContain(token);
  });
});

describe('own account', () => {
  it('changes the password under NIST rules and lists/ends own sessions', async () => {
    const u = await createUser(t, ['signaleerder']);
    const s = await login(t, u);
    const weak = await t.app.inject({ method: 'PUT', url: '/api/v1/account/wachtwoord', headers: s.headers, payload: { huidigWachtwoord: TEST_PASSWORD, nieuwWachtwoord: 'welkom123456' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].veld).toBe('nieuwWachtwoord');
    const other = await login(t, u);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/account/sessies', headers: s.headers });
    expect(list.json().sessies.length).toBeGreaterThanOrEqual(2);
    const otherId = list.json().sessies.find((x: { huidig: boolean }) => !x.huidig).id;
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/account/sessies/${otherId}`, headers: s.headers })).statusCode).toBe(204);
    const good = await t.app.inject({ method: 'PUT', url: '/api/v1/account/wachtwoord', headers: s.headers, payload: { huidigWachtwoord: TEST_PASSWORD, nieuwWachtwoord: 'een heel ander lang wachtwoord' } });
    expect(good.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/sessies/huidig', headers: { cookie: other.cookie } })).statusCode).toBe(401);
  });
});

describe('first administrator installation', () => {
  it('uses the one-time code once, with a strong password', async () => {
    const { createUsersService } = await import('../src/platform/identity/users.service.js');
    // Other tests created administrators already; use a fresh platform for the real flow.
    const fresh = await createTestPlatform();
    try {
      const code = await createUsersService(fresh.deps).prepareInstallation();
      expect(code).toBeTruthy();
      const omgeving = await fresh.app.inject({ method: 'GET', url: '/api/v1/omgeving' });
      expect(omgeving.json().eersteBeheerderNodig).toBe(true);
      const bad = await fresh.app.inject({ method: 'POST', url: '/api/v1/installatie/eerste-beheerder', payload: { installatiecode: 'FOUT', gebruikersnaam: 'beheer', naam: 'Beheer', email: 'b@example.org', wachtwoord: TEST_PASSWORD } });
      expect(bad.statusCode).toBe(404);
      const weak = await fresh.app.inject({ method: 'POST', url: '/api/v1/installatie/eerste-beheerder', payload: { installatiecode: code, gebruikersnaam: 'beheer', naam: 'Beheer', email: 'b@example.org', wachtwoord: 'password1234' } });
      expect(weak.statusCode).toBe(400);
      const ok = await fresh.app.inject({ method: 'POST', url: '/api/v1/installatie/eerste-beheerder', payload: { installatiecode: code, gebruikersnaam: 'beheer', naam: 'Beheer', email: 'b@example.org', wachtwoord: TEST_PASSWORD } });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().gebruiker.rollen).toEqual(['functioneel-beheerder']);
      expect(ok.json().gebruiker.organisatie.code).toBe('SV-TWS');
      const again = await fresh.app.inject({ method: 'POST', url: '/api/v1/installatie/eerste-beheerder', payload: { installatiecode: code, gebruikersnaam: 'beheer2', naam: 'Beheer', email: 'b@example.org', wachtwoord: TEST_PASSWORD } });
      expect(again.statusCode).toBe(404);
      expect(await createUsersService(fresh.deps).prepareInstallation()).toBeNull();
      // No password is ever stored in plain text.
      const row = await fresh.deps.db.selectFrom('gebruikers').select('wachtwoord_hash').where('gebruikersnaam', '=', 'beheer').executeTakeFirstOrThrow();
      expect(row.wachtwoord_hash).toMatch(/^\$argon2id\$/);
    } finally {
      await fresh.close();
    }
  });
});

describe('temporary passwords', () => {
  it('forces a user created with a temporary password to choose an own password first', async () => {
    const admin = await createUser(t, ['functioneel-beheerder'], 'GM0209');
    const a = await login(t, admin);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/gebruikers', headers: a.headers, payload: { gebruikersnaam: 'tijdelijk.gebruiker', naam: 'Tijdelijk', email: 'tijdelijk@example.org', organisatieId: admin.organisationId, rollen: ['iv-coordinator'] } });
    expect(created.statusCode).toBe(201);
    const temp = created.json().tijdelijkWachtwoord as string;
    const first = await post('/api/v1/sessies', { gebruikersnaam: 'tijdelijk.gebruiker', wachtwoord: temp });
    expect(first.json().status).toBe('mfa-inschrijving');
    expect(first.json().moetWachtwoordWijzigen).toBe(true);
    let h = { cookie: sessionCookie(first), 'x-csrf-token': first.json().csrfToken as string };
    const { geheim } = (await post('/api/v1/sessies/huidig/totp-inschrijving', {}, h)).json();
    const confirm = await post('/api/v1/sessies/huidig/totp-bevestiging', { totpCode: generateTotp(geheim, t.clock.now().getTime()) }, h);
    h = { cookie: sessionCookie(confirm), 'x-csrf-token': confirm.json().sessie.csrfToken as string };
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/organisaties', headers: h });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('WACHTWOORD_WIJZIGEN_VEREIST');
    const change = await t.app.inject({ method: 'PUT', url: '/api/v1/account/wachtwoord', headers: h, payload: { huidigWachtwoord: temp, nieuwWachtwoord: 'mijn eigen lange wachtwoord' } });
    expect(change.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/organisaties', headers: h })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/sessies/huidig', headers: h })).json().moetWachtwoordWijzigen).toBe(false);
  });
});
