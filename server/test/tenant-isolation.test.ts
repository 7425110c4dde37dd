// SPDX-License-Identifier: EUPL-1.2
// Tenant isolation: every endpoint that returns or changes tenant data is listed here, and a user of
// another gemeente gets 404 (existence is not leaked) or a list without the other tenant's rows.
// The last test fails when a route declares `tenancy: 'tenant'` without a row in this table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, createUser, login, type LoggedIn, type TestPlatform, type TestUser } from './helpers.js';

let t: TestPlatform;
let wijchenAdmin: LoggedIn;
let drutenAdmin: LoggedIn;
let wijchenFg: LoggedIn;
let drutenFg: LoggedIn;
let wijchenUser: TestUser;
let wijchenKeyId: string;
let wijchenOrgId: string;

beforeAll(async () => {
  t = await createTestPlatform();
  const wa = await createUser(t, ['functioneel-beheerder'], 'GM0296');
  const da = await createUser(t, ['functioneel-beheerder'], 'GM0225');
  wijchenUser = await createUser(t, ['knooppuntmedewerker'], 'GM0296');
  wijchenOrgId = wa.organisationId;
  wijchenAdmin = await login(t, wa);
  drutenAdmin = await login(t, da);
  wijchenFg = await login(t, await createUser(t, ['privacy-officer'], 'GM0296'));
  drutenFg = await login(t, await createUser(t, ['privacy-officer'], 'GM0225'));
  const key = await t.app.inject({ method: 'POST', url: '/api/v1/api-sleutels', headers: wijchenAdmin.headers, payload: { naam: 'Wijchen systeem', scopes: ['open311:lezen'] } });
  expect(key.statusCode).toBe(201);
  wijchenKeyId = key.json().apiSleutel.id;
  // Produce Wijchen audit rows with a recognisable object id.
  expect((await t.app.inject({ method: 'GET', url: `/api/v1/gebruikers/${wijchenUser.id}`, headers: wijchenAdmin.headers })).statusCode).toBe(200);
});
afterAll(async () => t?.close());

type Expectation = '404' | 'rejected-400' | 'excludes';
interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  /** The concrete request made by the other tenant's user. */
  request: () => { url: string; payload?: object; as: () => LoggedIn };
  expect: Expectation;
  /** For 'excludes': a check that the other tenant's data is absent (and present for the owner). */
  contains?: (body: string) => boolean;
  owner?: () => LoggedIn;
}

const rows: Row[] = [
  { method: 'GET', url: '/api/v1/gebruikers', request: () => ({ url: '/api/v1/gebruikers', as: () => drutenAdmin }), expect: 'excludes', contains: (b) => b.includes(wijchenUser.id), owner: () => wijchenAdmin },
  { method: 'GET', url: '/api/v1/gebruikers/:id', request: () => ({ url: `/api/v1/gebruikers/${wijchenUser.id}`, as: () => drutenAdmin }), expect: '404' },
  { method: 'PATCH', url: '/api/v1/gebruikers/:id', request: () => ({ url: `/api/v1/gebruikers/${wijchenUser.id}`, payload: { naam: 'Overgenomen' }, as: () => drutenAdmin }), expect: '404' },
  { method: 'POST', url: '/api/v1/gebruikers/:id/mfa-herstel', request: () => ({ url: `/api/v1/gebruikers/${wijchenUser.id}/mfa-herstel`, as: () => drutenAdmin }), expect: '404' },
  { method: 'DELETE', url: '/api/v1/gebruikers/:id/sessies', request: () => ({ url: `/api/v1/gebruikers/${wijchenUser.id}/sessies`, as: () => drutenAdmin }), expect: '404' },
  { method: 'POST', url: '/api/v1/gebruikers', request: () => ({ url: '/api/v1/gebruikers', payload: { gebruikersnaam: 'indringer', naam: 'X', email: 'x@example.org', organisatieId: wijchenOrgId, rollen: ['signaleerder'] }, as: () => drutenAdmin }), expect: 'rejected-400' },
  { method: 'GET', url: '/api/v1/api-sleutels', request: () => ({ url: '/api/v1/api-sleutels', as: () => drutenAdmin }), expect: 'excludes', contains: (b) => b.includes(wijchenKeyId), owner: () => wijchenAdmin },
  { method: 'POST', url: '/api/v1/api-sleutels', request: () => ({ url: '/api/v1/api-sleutels', payload: { naam: 'x', scopes: ['open311:lezen'], organisatieId: wijchenOrgId }, as: () => drutenAdmin }), expect: 'rejected-400' },
  { method: 'DELETE', url: '/api/v1/api-sleutels/:id', request: () => ({ url: `/api/v1/api-sleutels/${wijchenKeyId}`, as: () => drutenAdmin }), expect: '404' },
  { method: 'POST', url: '/api/v1/audit-regels/zoeken', request: () => ({ url: '/api/v1/audit-regels/zoeken', payload: { objectId: wijchenUser.id }, as: () => drutenFg }), expect: 'excludes', contains: (b) => b.includes('gebruiker-gelezen'), owner: () => wijchenFg },
  { method: 'POST', url: '/api/v1/audit-regels/export', request: () => ({ url: '/api/v1/audit-regels/export', payload: { objectId: wijchenUser.id }, as: () => drutenFg }), expect: 'excludes', contains: (b) => b.includes('gebruiker-gelezen'), owner: () => wijchenFg },
];

describe('tenant isolation', () => {
  for (const row of rows) {
    it(`${row.method} ${row.url}: another gemeente gets ${row.expect}`, async () => {
      const req = row.request();
      const res = await t.app.inject({ method: row.method, url: req.url, headers: req.as().headers, ...(req.payload ? { payload: req.payload } : {}) });
      if (row.expect === '404') {
        expect(res.statusCode).toBe(404);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
      } else if (row.expect === 'rejected-400') {
        expect(res.statusCode).toBe(400);
        expect(res.json().errors.map((e: { veld: string }) => e.veld)).toContain('organisatieId');
      } else {
        expect(res.statusCode).toBe(200);
        expect(row.contains!(res.body)).toBe(false);
        const own = await t.app.inject({ method: row.method, url: req.url, headers: row.owner!().headers, ...(req.payload ? { payload: req.payload } : {}) });
        expect(own.statusCode).toBe(200);
        expect(row.contains!(own.body)).toBe(true); // the check can fail: the owner does see it
      }
    });
  }

  it('nothing changed for Wijchen after the attempts', async () => {
    const u = await t.deps.db.selectFrom('gebruikers').select(['naam', 'totp_geheim']).where('id', '=', wijchenUser.id).executeTakeFirstOrThrow();
    expect(u.naam).not.toBe('Overgenomen');
    expect(u.totp_geheim).not.toBeNull();
    const key = await t.deps.db.selectFrom('api_sleutels').select('ingetrokken_op').where('id', '=', wijchenKeyId).executeTakeFirstOrThrow();
    expect(key.ingetrokken_op).toBeNull();
    // The refused attempts are in the audit trail, with the actor of the other gemeente.
    const denied = await t.deps.db.selectFrom('audit_regels').select(['actie', 'actor_organisatie_code']).where('resultaat', '=', 'geweigerd').execute();
    expect(denied.filter((d) => d.actie === 'gebruiker-niet-gevonden' && d.actor_organisatie_code === 'GM0225').length).toBe(4);
    expect(denied.filter((d) => d.actie === 'api-sleutel-niet-gevonden').length).toBe(1);
  });

  it('has a row for every tenant route, and every API route declares its tenancy', () => {
    const apiRoutes = t.app.knooppuntRoutes.filter((r) => r.url.startsWith('/api/') || r.url.startsWith('/open311/'));
    const undeclared = apiRoutes.filter((r) => !r.tenancy).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    const tenantRoutes = apiRoutes.filter((r) => r.tenancy === 'tenant').map((r) => `${r.method} ${r.url}`);
    const covered = new Set(rows.map((r) => `${r.method} ${r.url}`));
    expect(tenantRoutes.filter((r) => !covered.has(r))).toEqual([]);
    expect(tenantRoutes.length).toBeGreaterThanOrEqual(rows.length);
  });
});
