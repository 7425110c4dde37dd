// SPDX-License-Identifier: EUPL-1.2
// No personal data and no secrets in the logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, createUser, login, TEST_PASSWORD, type TestPlatform } from './helpers.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ logLevel: 'debug' });
});
afterAll(async () => t?.close());

describe('log redaction', () => {
  it('keeps passwords, TOTP codes, cookies, CSRF tokens, API keys, IP addresses and user agents out of the log', async () => {
    const admin = await createUser(t, ['functioneel-beheerder'], 'GM0252');
    const s = await login(t, admin, '198.51.100.77');
    const key = await t.app.inject({ method: 'POST', url: '/api/v1/api-sleutels', headers: s.headers, payload: { naam: 'sleutel', scopes: ['open311:lezen'] } });
    const apiKey = key.json().sleutel as string;
    await t.app.inject({ method: 'POST', url: '/api/v1/sessies', remoteAddress: '198.51.100.78', headers: { 'user-agent': 'UniekeBrowser/9.9 Spion' }, payload: { gebruikersnaam: admin.username, wachtwoord: 'geheim-wachtwoord-XYZ-123' } });
    await t.app.inject({ method: 'GET', url: '/api/v1/bestaat-niet?bsn=999993653', headers: { 'user-agent': 'UniekeBrowser/9.9 Spion', cookie: s.cookie } });
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/gebruikers', headers: s.headers, payload: { gebruikersnaam: 'log.test.persoon', naam: 'Marieke Logtest', email: 'marieke.logtest@example.org', organisatieId: admin.organisationId, rollen: ['signaleerder'] } });
    const tempPassword = created.json().tijdelijkWachtwoord as string;
    const text = t.logs.text();
    expect(t.logs.lines.length).toBeGreaterThan(5); // requests were logged at all
    for (const secret of [TEST_PASSWORD, 'geheim-wachtwoord-XYZ-123', s.cookie.split('=')[1]!, s.csrf, apiKey, tempPassword, '198.51.100.77', '198.51.100.78', 'UniekeBrowser', '999993653', 'Marieke Logtest', 'marieke.logtest@example.org']) {
      expect(text.includes(secret), `log contains ${secret}`).toBe(false);
    }
    // Every request log line carries the request id.
    const requestLines = t.logs.lines.map((l) => JSON.parse(l) as { reqId?: string; req?: unknown }).filter((l) => l.req);
    expect(requestLines.length).toBeGreaterThan(0);
    for (const l of requestLines) expect(l.reqId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
