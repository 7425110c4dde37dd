// SPDX-License-Identifier: EUPL-1.2
// Tenant isolation: every endpoint that returns or changes tenant data is listed here, and a user of
// another gemeente gets 404 (existence is not leaked) or a list without the other tenant's rows.
// The last test fails when a route declares `tenancy: 'tenant'` without a row in this table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, createUser, login, type LoggedIn, type TestPlatform, type TestUser } from './helpers.js';
import { multipart, submitMelding, WIJCHEN_OVERLAST } from './meldingen-helpers.js';

let t: TestPlatform;
let wijchenAdmin: LoggedIn;
let drutenAdmin: LoggedIn;
let wijchenFg: LoggedIn;
let drutenFg: LoggedIn;
let wijchenUser: TestUser;
let wijchenKeyId: string;
let wijchenOrgId: string;
let wijchenHub: LoggedIn;
let drutenHub: LoggedIn;
let wijchenMelding: { id: string; referentie: string };
let wijchenMelding2: { id: string; referentie: string };
let wijchenBijlageId: string;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

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
  // Meldpunt: two Wijchen meldingen (one past its handling term), an attachment and a deletion-log row.
  wijchenHub = await login(t, wijchenUser);
  drutenHub = await login(t, await createUser(t, ['knooppuntmedewerker'], 'GM0225'));
  const made = [];
  for (let i = 0; i < 2; i++) {
    const res = await submitMelding(t, WIJCHEN_OVERLAST);
    expect(res.statusCode).toBe(201);
    const referentie = res.json().referentie as string;
    made.push(await t.deps.db.selectFrom('meldingen').select(['id', 'referentie']).where('referentie', '=', referentie).executeTakeFirstOrThrow());
  }
  [wijchenMelding, wijchenMelding2] = made as [typeof wijchenMelding, typeof wijchenMelding];
  await t.deps.db.updateTable('meldingen').set({ afhandeltermijn: new Date('2000-01-01T00:00:00Z') }).where('id', '=', wijchenMelding.id).execute();
  const bijlage = await t.deps.db
    .insertInto('melding_bijlagen')
    .values({ melding_id: wijchenMelding.id, bestandsnaam: 'foto.png', mime_type: 'image/png', grootte: 1, sha256: 'x', opslag_sleutel: 'tenant-test', bron: 'melder', aangemaakt_op: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  wijchenBijlageId = bijlage.id;
  await t.deps.db
    .insertInto('melding_verwijderlog')
    .values({ referentie: 'KP-2020-999999', organisatie_id: wijchenOrgId, kanaal: 'overlast', categorie_id: 'personen.jeugdoverlast', handeling: 'verwijderd', grondslag: 'test', termijn_verstreken_op: new Date(), uitgevoerd_op: new Date() })
    .execute();
});
afterAll(async () => t?.close());

type Expectation = '404' | 'rejected-400' | 'excludes';
interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  /** The concrete request made by the other tenant's user. */
  request: () => { url: string; payload?: object | Buffer; headers?: Record<string, string>; as: () => LoggedIn };
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
  // Meldpunt (staff side)
  { method: 'GET', url: '/api/v1/meldingen', request: () => ({ url: '/api/v1/meldingen', as: () => drutenHub }), expect: 'excludes', contains: (b) => b.includes(wijchenMelding.referentie), owner: () => wijchenHub },
  { method: 'GET', url: '/api/v1/meldingen/signalering', request: () => ({ url: '/api/v1/meldingen/signalering', as: () => drutenHub }), expect: 'excludes', contains: (b) => b.includes(wijchenMelding.referentie), owner: () => wijchenHub },
  { method: 'GET', url: '/api/v1/meldingen/:id', request: () => ({ url: `/api/v1/meldingen/${wijchenMelding.id}`, as: () => drutenHub }), expect: '404' },
  { method: 'PATCH', url: '/api/v1/meldingen/:id', request: () => ({ url: `/api/v1/meldingen/${wijchenMelding.id}`, payload: { categorie: 'personen.woonoverlast', reden: 'Overgenomen' }, as: () => drutenHub }), expect: '404' },
  { method: 'POST', url: '/api/v1/meldingen/:id/statuswijzigingen', request: () => ({ url: `/api/v1/meldingen/${wijchenMelding.id}/statuswijzigingen`, payload: { status: 'in-triage' }, as: () => drutenHub }), expect: '404' },
  { method: 'PUT', url: '/api/v1/meldingen/:id/toewijzing', request: () => ({ url: `/api/v1/meldingen/${wijchenMelding.id}/toewijzing`, payload: { gebruikerId: wijchenUser.id }, as: () => drutenHub }), expect: '404' },
  { method: 'GET', url: '/api/v1/meldingen/:id/behandelaars', request: () => ({ url: `/api/v1/meldingen/${wijchenMelding.id}/behandelaars`, as: () => drutenHub }), expect: '404' },
  { method: 'POST', url: '/api/v1/meldingen/:id/berichten', request: () => ({ url: `/api/v1/meldingen/${wijchenMelding.id}/berichten`, payload: { tekst: 'Vraag van een andere gemeente' }, as: () => drutenHub }), expect: '404' },
  { method: 'PUT', url: '/api/v1/meldingen/:id/koppeling', request: () => ({ url: `/api/v1/meldingen/${wijchenMelding2.id}/koppeling`, payload: { ouderId: wijchenMelding.id, reden: 'Zelfde adres' }, as: () => drutenHub }), expect: '404' },
  { method: 'POST', url: '/api/v1/meldingen/:id/contactgegevens-inzage', request: () => ({ url: `/api/v1/meldingen/${wijchenMelding.id}/contactgegevens-inzage`, payload: { reden: 'Nieuwsgierig' }, as: () => drutenHub }), expect: '404' },
  { method: 'GET', url: '/api/v1/meldingen/:id/bijlagen/:bijlageId', request: () => ({ url: `/api/v1/meldingen/${wijchenMelding.id}/bijlagen/${wijchenBijlageId}`, as: () => drutenHub }), expect: '404' },
  {
    method: 'POST',
    url: '/api/v1/meldingen/:id/bijlagen',
    request: () => {
      const body = multipart({}, [{ name: 'bijlagen', filename: 'x.png', type: 'image/png', data: PNG }]);
      return { url: `/api/v1/meldingen/${wijchenMelding.id}/bijlagen`, payload: body.payload, headers: body.headers, as: () => drutenHub };
    },
    expect: '404',
  },
  { method: 'GET', url: '/api/v1/meldingen-verwijderlog', request: () => ({ url: '/api/v1/meldingen-verwijderlog', as: () => drutenFg }), expect: 'excludes', contains: (b) => b.includes('KP-2020-999999'), owner: () => wijchenFg },
  // Open311 (partner systems, API keys): a Druten key never reads what a Wijchen key submitted.
  // The keys and the request are made in a hook of their own so these rows stay self-contained.
  ...((): Row[] => {
    const open311 = { wijchen: null as LoggedIn | null, druten: null as LoggedIn | null, referentie: '' };
    const asKey = (sleutel: string): LoggedIn => ({ ...wijchenAdmin, cookie: '', csrf: '', headers: { authorization: `Bearer ${sleutel}` } });
    beforeAll(async () => {
      const make = async (admin: LoggedIn) => {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/api-sleutels', headers: admin.headers, payload: { naam: 'Open311-partner', scopes: ['open311:lezen', 'open311:schrijven'] } });
        expect(res.statusCode).toBe(201);
        return asKey(res.json().sleutel as string);
      };
      open311.wijchen = await make(wijchenAdmin);
      open311.druten = await make(drutenAdmin);
      const res = await t.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: open311.wijchen.headers,
        payload: { jurisdiction_id: 'GM0296', service_code: 'personen.jeugdoverlast', description: 'Jongeren met scooters op het plein, elke avond.', address_string: '6602 ZR 1', attribute: { acuut: 'nee' } },
      });
      expect(res.statusCode).toBe(201);
      open311.referentie = res.json()[0].service_request_id as string;
    });
    return [
      { method: 'GET', url: '/open311/v2/requests.json', request: () => ({ url: '/open311/v2/requests.json', as: () => open311.druten! }), expect: 'excludes', contains: (b) => b.includes(open311.referentie), owner: () => open311.wijchen! },
      { method: 'GET', url: '/open311/v2/requests/:service_request_id.json', request: () => ({ url: `/open311/v2/requests/${open311.referentie}.json`, as: () => open311.druten! }), expect: '404' },
    ];
  })(),
];

describe('tenant isolation', () => {
  for (const row of rows) {
    it(`${row.method} ${row.url}: another gemeente gets ${row.expect}`, async () => {
      const req = row.request();
      const res = await t.app.inject({ method: row.method, url: req.url, headers: { ...req.as().headers, ...req.headers }, ...(req.payload ? { payload: req.payload } : {}) });
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
    // The Wijchen meldingen are untouched: same status, category, no assignment, no link, no messages or new files.
    const m = await t.deps.db.selectFrom('meldingen').select(['status', 'categorie_id', 'toegewezen_aan', 'ouder_id', 'versie']).where('id', 'in', [wijchenMelding.id, wijchenMelding2.id]).execute();
    expect(m.map((r) => [r.status, r.categorie_id, r.toegewezen_aan, r.ouder_id, r.versie])).toEqual([
      ['ontvangen', 'personen.jeugdoverlast', null, null, 1],
      ['ontvangen', 'personen.jeugdoverlast', null, null, 1],
    ]);
    expect(await t.deps.db.selectFrom('melding_berichten').select('id').where('melding_id', '=', wijchenMelding.id).execute()).toEqual([]);
    expect((await t.deps.db.selectFrom('melding_bijlagen').select('id').where('melding_id', '=', wijchenMelding.id).execute()).length).toBe(1);
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
