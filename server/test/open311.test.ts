// SPDX-License-Identifier: EUPL-1.2
// Open311 GeoReport v2 for partner systems: services, service definitions, submitting with an API
// key (header or the standard's api_key form field), reading status back, tenant isolation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestPlatform, createUser, login, type LoggedIn, type TestPlatform } from './helpers.js';
import { parseAddressString, allowedJurisdictions } from '../src/modules/meldingen/open311.js';
import type { ApiScope } from '../src/platform/auth/roles.js';

let t: TestPlatform;
let wijchenHub: LoggedIn;
const keys = { wijchen: '', wijchenLezen: '', druten: '', platform: '' };

async function apiKey(admin: LoggedIn, scopes: ApiScope[]): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/api-sleutels', headers: admin.headers, payload: { naam: `Partner ${scopes.join(' ')}`, scopes } });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { sleutel: string }).sleutel;
}

const form = (fields: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
};

const FORM_REQUEST = {
  jurisdiction_id: 'GM0296',
  service_code: 'personen.jeugdoverlast',
  description: 'Groep jongeren bij de speeltuin, elke avond vuurwerk en harde muziek tot na middernacht.',
  address_string: 'Markt 1, 6602 ZR Wijchen',
  'attribute[acuut]': 'nee',
  'attribute[hoe_vaak]': 'vaak',
  'attribute[aantal_personen]': '8',
  email: 'meldingen@corporatie.example',
  first_name: 'Team',
  last_name: 'Leefbaarheid',
  media_url: 'https://example.org/foto.jpg',
};

function postForm(fields: Record<string, string | string[]>, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: form(fields) });
}

function postJson(body: Record<string, unknown>, key: string) {
  return t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { authorization: `Bearer ${key}` }, payload: body });
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

beforeAll(async () => {
  t = await createTestPlatform();
  const wijchenAdmin = await login(t, await createUser(t, ['functioneel-beheerder'], 'GM0296'));
  const drutenAdmin = await login(t, await createUser(t, ['functioneel-beheerder'], 'GM0225'));
  const platformAdmin = await login(t, await createUser(t, ['functioneel-beheerder'], 'SV-TWS'));
  keys.wijchen = await apiKey(wijchenAdmin, ['open311:lezen', 'open311:schrijven']);
  keys.wijchenLezen = await apiKey(wijchenAdmin, ['open311:lezen']);
  keys.druten = await apiKey(drutenAdmin, ['open311:lezen', 'open311:schrijven']);
  keys.platform = await apiKey(platformAdmin, ['open311:lezen', 'open311:schrijven']);
  wijchenHub = await login(t, await createUser(t, ['knooppuntmedewerker'], 'GM0296'));
});
afterAll(async () => t?.close());

describe('Open311 services', () => {
  it('lists active overlast subcategories only, never ondermijning', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/open311/v2/services.json?jurisdiction_id=GM0296' });
    expect(res.statusCode, res.body).toBe(200);
    const services = res.json() as Array<Record<string, unknown>>;
    const codes = services.map((s) => s.service_code);
    expect(codes).toContain('personen.jeugdoverlast');
    expect(codes).toContain('openbare-ruimte.dumping');
    expect(codes).not.toContain('personen'); // main categories are groups, not services
    expect(codes.some((c) => String(c).startsWith('drugs-productie') || String(c).startsWith('mensen.') || String(c).startsWith('geld-vastgoed'))).toBe(false);
    expect(JSON.stringify(services)).not.toMatch(/hennep|mensenhandel|witwassen/i);
    expect(services.find((s) => s.service_code === 'personen.jeugdoverlast')).toEqual({
      service_code: 'personen.jeugdoverlast',
      service_name: 'Jeugdoverlast',
      description: expect.stringContaining('jongeren'),
      metadata: true,
      type: 'realtime',
      keywords: expect.stringContaining('jeugdoverlast'),
      group: 'Overlast van personen',
    });
    // Inactive categories disappear.
    await t.deps.db.updateTable('meldingcategorieen').set({ actief: false }).where('id', '=', 'overig.overig').execute();
    const after = (await t.app.inject({ method: 'GET', url: '/open311/v2/services.json' })).json() as Array<{ service_code: string }>;
    expect(after.map((s) => s.service_code)).not.toContain('overig.overig');
    await t.deps.db.updateTable('meldingcategorieen').set({ actief: true }).where('id', '=', 'overig.overig').execute();
  });

  it('refuses an unknown jurisdiction and XML with a Dutch problem', async () => {
    const bad = await t.app.inject({ method: 'GET', url: '/open311/v2/services.json?jurisdiction_id=GM0363' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(bad.json().errors[0].veld).toBe('jurisdiction_id');
    const xml = await t.app.inject({ method: 'GET', url: '/open311/v2/services.xml' });
    expect(xml.statusCode).toBe(400);
    expect(xml.headers['content-type']).toMatch(/problem\+json/);
    expect(xml.json().detail).toContain('alleen in JSON');
    expect((await t.app.inject({ method: 'GET', url: '/open311/v2/requests/KP-2026-000001.xml' })).statusCode).toBe(400);
  });

  it('describes a service with its typed attributes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/open311/v2/services/personen.jeugdoverlast.json' });
    expect(res.statusCode, res.body).toBe(200);
    const def = res.json() as { service_code: string; attributes: Array<Record<string, unknown>> };
    expect(def.service_code).toBe('personen.jeugdoverlast');
    expect(def.attributes.map((a) => a.code)).toEqual(['acuut', 'hoe_vaak', 'tijdstip', 'aantal_personen']);
    const acuut = def.attributes[0]!;
    expect(acuut).toMatchObject({ variable: true, datatype: 'singlevaluelist', required: true, order: 1, description: 'Is er op dit moment sprake van direct gevaar?' });
    expect(acuut.values).toEqual([
      { key: 'nee', name: 'Nee' },
      { key: 'ja', name: 'Ja, er is nu gevaar voor mensen' },
    ]);
    expect(String(acuut.datatype_description)).toContain('112');
    expect(def.attributes[3]).toMatchObject({ code: 'aantal_personen', datatype: 'number', required: false, values: [] });
    for (const a of def.attributes) expect(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']).toContain(a.datatype);
    // Ondermijning, main categories and unknown codes are not services.
    for (const code of ['drugs-productie.hennepteelt', 'personen', 'bestaat.niet']) {
      const r = await t.app.inject({ method: 'GET', url: `/open311/v2/services/${code}.json` });
      expect(r.statusCode, code).toBe(404);
      expect(r.headers['content-type']).toMatch(/problem\+json/);
    }
  });
});

describe('Open311 POST requests', () => {
  let referentie: string;

  it('accepts a form-urlencoded request with the api_key form field and stores a melding', async () => {
    const res = await postForm({ ...FORM_REQUEST, api_key: keys.wijchen });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as Array<{ service_request_id: string; service_notice: string; account_id: null }>;
    expect(body).toHaveLength(1);
    expect(body[0]!.service_request_id).toMatch(/^KP-\d{4}-\d{6}$/);
    expect(body[0]!.account_id).toBeNull();
    expect(body[0]!.service_notice).toContain('Bedankt');
    expect(res.headers.location).toBe(`/open311/v2/requests/${body[0]!.service_request_id}.json`);
    expect(res.body).not.toContain(keys.wijchen);
    referentie = body[0]!.service_request_id;

    const row = await t.deps.db.selectFrom('meldingen').selectAll().where('referentie', '=', referentie).executeTakeFirstOrThrow();
    const wijchen = await t.deps.db.selectFrom('organisaties').select('id').where('code', '=', 'GM0296').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ bron: 'open311', kanaal: 'overlast', gemeente_code: 'GM0296', organisatie_id: wijchen.id, melder_organisatie_id: wijchen.id, categorie_id: 'personen.jeugdoverlast', status: 'ontvangen', postcode: '6602ZR', huisnummer: 1, straat: 'Markt', woonplaats: 'Wijchen' });
    const answers = typeof row.antwoorden === 'string' ? JSON.parse(row.antwoorden) : row.antwoorden;
    expect(answers).toEqual({ acuut: 'nee', hoe_vaak: 'vaak', aantal_personen: 8 });
    // Contact details are encrypted; the key itself is stored nowhere.
    expect(row.contact_versleuteld).toBeTruthy();
    expect(JSON.stringify(row)).not.toContain('corporatie.example');
    const event = await t.deps.db.selectFrom('melding_gebeurtenissen').selectAll().where('melding_id', '=', row.id).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_soort: 'api-sleutel', actor_naam: 'Partner open311:lezen open311:schrijven', reden: 'Ontvangen via open311' });
    const audit = await t.deps.db.selectFrom('audit_regels').selectAll().where('actie', '=', 'melding.ingediend').where('object_id', '=', row.id).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_soort: 'api-sleutel', actor_organisatie_code: 'GM0296', ip_adres: null });
    expect(JSON.stringify(await t.deps.db.selectFrom('audit_regels').selectAll().execute())).not.toContain(keys.wijchen);
  });

  it('accepts JSON with the Authorization header, the nested attribute object and "6602 ZR 1"-style addresses', async () => {
    const res = await postJson({ jurisdiction_id: 'GM0296', service_code: 'openbare-ruimte.dumping', description: 'Een berg grofvuil naast de glasbak, al drie dagen.', address_string: '6602 ZR 12a', lat: 51.8089, long: 5.7279, attribute: { acuut: 'nee' } }, keys.wijchen);
    expect(res.statusCode, res.body).toBe(201);
    const ref = res.json()[0].service_request_id as string;
    const row = await t.deps.db.selectFrom('meldingen').selectAll().where('referentie', '=', ref).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ postcode: '6602ZR', huisnummer: 12, huisletter: 'A', straat: null, breedtegraad: 51.8089, lengtegraad: 5.7279, categorie_id: 'openbare-ruimte.dumping' });
  });

  it('answers 401 without or with an unknown key and 403 for a key without open311:schrijven', async () => {
    const none = await postForm(FORM_REQUEST);
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect(none.headers['content-type']).toMatch(/problem\+json/);
    const forged = `${keys.wijchen.slice(0, 16)}${'A'.repeat(43)}`;
    expect((await postForm({ ...FORM_REQUEST, api_key: forged })).statusCode).toBe(401);
    expect((await postForm({ ...FORM_REQUEST, api_key: 'onzin' })).statusCode).toBe(401);
    expect((await postForm(FORM_REQUEST, bearer(forged))).statusCode).toBe(401);
    const readOnly = await postForm({ ...FORM_REQUEST, api_key: keys.wijchenLezen });
    expect(readOnly.statusCode).toBe(403);
    expect(readOnly.json().detail).toContain('open311:schrijven');
    // A key in the URL is refused with advice, not used.
    const inUrl = await t.app.inject({ method: 'POST', url: `/open311/v2/requests.json?api_key=${keys.wijchen}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form(FORM_REQUEST) });
    expect(inUrl.statusCode).toBe(400);
    expect(inUrl.json().errors[0].veld).toBe('api_key');
    // A session cookie is no API key.
    expect((await postForm(FORM_REQUEST, wijchenHub.headers)).statusCode).toBe(401);
  });

  it('lets a gemeente key submit only for its own gemeente, the samenwerkingsverband for all six', async () => {
    const other = await postForm({ ...FORM_REQUEST, jurisdiction_id: 'GM0225', address_string: 'Hogestraat 1, 6651 AB Druten', api_key: keys.wijchen });
    expect(other.statusCode).toBe(403);
    expect(other.json().detail).toContain('GM0296');
    const unknown = await postForm({ ...FORM_REQUEST, jurisdiction_id: 'GM0363', api_key: keys.wijchen });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors.map((e: { veld: string }) => e.veld)).toContain('jurisdiction_id');
    const missing = await postForm({ ...FORM_REQUEST, jurisdiction_id: '', api_key: keys.wijchen });
    expect(missing.statusCode).toBe(400);
    // The address must lie in the jurisdiction.
    const mismatch = await postForm({ ...FORM_REQUEST, address_string: 'Hogestraat 1, 6651 AB Druten', api_key: keys.wijchen });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors).toEqual([{ veld: 'address_string', melding: expect.stringContaining('Druten (GM0225)') }]);
    const regional = await postForm({ ...FORM_REQUEST, jurisdiction_id: 'GM0225', address_string: 'Hogestraat 1, 6651 AB Druten', api_key: keys.platform });
    expect(regional.statusCode, regional.body).toBe(201);
    const row = await t.deps.db.selectFrom('meldingen').select(['gemeente_code']).where('referentie', '=', regional.json()[0].service_request_id).executeTakeFirstOrThrow();
    expect(row.gemeente_code).toBe('GM0225');
  });

  it('explains addresses outside the six, coordinates without address and other invalid input in Dutch', async () => {
    const outside = await postForm({ ...FORM_REQUEST, address_string: 'Grote Markt 1, 6511 KB Nijmegen', api_key: keys.platform });
    expect(outside.statusCode).toBe(422);
    expect(outside.headers['content-type']).toMatch(/problem\+json/);
    expect(outside.json().code).toBe('BUITEN_WERKGEBIED');
    expect(outside.json().errors[0].veld).toBe('address_string');

    const coords = await postForm({ ...FORM_REQUEST, address_string: '', lat: '51.80', long: '5.72', api_key: keys.wijchen });
    expect(coords.statusCode).toBe(400);
    expect(coords.json().errors).toEqual([{ veld: 'address_string', melding: expect.stringContaining('Alleen coördinaten') }]);

    const noNumber = await postForm({ ...FORM_REQUEST, address_string: 'Markt, 6602 ZR Wijchen', api_key: keys.wijchen });
    expect(noNumber.json().errors[0]).toEqual({ veld: 'address_string', melding: expect.stringContaining('huisnummer') });

    const many = await postForm({ jurisdiction_id: 'GM0296', service_code: 'drugs-productie.hennepteelt', address_string: 'geen adres', api_key: keys.wijchen });
    expect(many.statusCode).toBe(400);
    expect(many.json().errors.map((e: { veld: string }) => e.veld).sort()).toEqual(['address_string', 'description', 'service_code']);

    // Errors from the intake come back under the Open311 field names.
    const attrs = await postForm({ ...FORM_REQUEST, 'attribute[hoe_vaak]': 'altijd', 'attribute[onbekend]': 'x', description: 'kort', email: 'geen-mail', api_key: keys.wijchen });
    expect(attrs.statusCode).toBe(400);
    expect(attrs.json().errors.map((e: { veld: string }) => e.veld).sort()).toEqual(['attribute[hoe_vaak]', 'attribute[onbekend]', 'description', 'email']);

    const acute = await postForm({ ...FORM_REQUEST, 'attribute[acuut]': 'ja', api_key: keys.wijchen });
    expect(acute.statusCode).toBe(422);
    expect(acute.json().detail).toContain('112');

    const notObject = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: bearer(keys.wijchen), payload: [1, 2] });
    expect(notObject.statusCode).toBe(400);
    const xml = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { ...bearer(keys.wijchen), 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(xml.statusCode).toBe(415);
  });

  it('reads the status back: open, then closed with the hub’s message after handling', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${referentie}.json`, headers: bearer(keys.wijchen) });
    expect(res.statusCode, res.body).toBe(200);
    const [r] = res.json() as Array<Record<string, unknown>>;
    expect(r).toMatchObject({
      service_request_id: referentie,
      status: 'open',
      status_notes: expect.stringContaining('ontvangen'),
      service_name: 'Jeugdoverlast',
      service_code: 'personen.jeugdoverlast',
      description: FORM_REQUEST.description,
      agency_responsible: 'Gemeente Wijchen',
      address: 'Markt, 6602 ZR Wijchen',
      zipcode: '6602 ZR',
    });
    expect(Date.parse(String(r!.expected_datetime))).toBeGreaterThan(Date.parse(String(r!.requested_datetime)));
    // No contact details, house number or coordinates.
    expect(JSON.stringify(r)).not.toMatch(/corporatie\.example|Leefbaarheid|Markt 1\b/);

    const row = await t.deps.db.selectFrom('meldingen').select('id').where('referentie', '=', referentie).executeTakeFirstOrThrow();
    const step = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/api/v1/meldingen/${row.id}/statuswijzigingen`, headers: wijchenHub.headers, payload });
    expect((await step({ status: 'in-behandeling' })).statusCode).toBe(204);
    const busy = (await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${referentie}.json`, headers: bearer(keys.wijchen) })).json()[0];
    expect(busy).toMatchObject({ status: 'open', status_notes: 'Uw melding is in behandeling bij de gemeente.' });
    const done = await step({ status: 'afgehandeld', reden: 'Boa’s hebben de groep aangesproken.', berichtAanMelder: 'De boa’s houden de speeltuin de komende weken in de gaten.' });
    expect(done.statusCode, done.body).toBe(204);
    const closed = (await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${referentie}.json`, headers: bearer(keys.wijchen) })).json()[0];
    expect(closed).toMatchObject({ status: 'closed', status_notes: 'De boa’s houden de speeltuin de komende weken in de gaten.' });

    const list = await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?jurisdiction_id=GM0296&status=closed', headers: bearer(keys.wijchen) });
    expect(list.statusCode).toBe(200);
    expect((list.json() as Array<{ service_request_id: string }>).map((x) => x.service_request_id)).toEqual([referentie]);
    const open = (await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?status=open', headers: bearer(keys.wijchen) })).json() as Array<{ service_request_id: string; status: string }>;
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((x) => x.status === 'open')).toBe(true);
    expect(open.map((x) => x.service_request_id)).not.toContain(referentie);
    const byIds = (await t.app.inject({ method: 'GET', url: `/open311/v2/requests.json?service_request_id=${referentie},KP-2000-000001,onzin`, headers: bearer(keys.wijchen) })).json() as Array<{ service_request_id: string }>;
    expect(byIds.map((x) => x.service_request_id)).toEqual([referentie]);
    const byCode = (await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?service_code=openbare-ruimte.dumping', headers: bearer(keys.wijchen) })).json() as Array<{ service_code: string }>;
    expect(byCode.length).toBe(1);
    const future = (await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?start_date=2999-01-01', headers: bearer(keys.wijchen) })).json();
    expect(future).toEqual([]);
    const badDate = await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?start_date=gisteren&status=half', headers: bearer(keys.wijchen) });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().errors.map((e: { veld: string }) => e.veld)).toEqual(['start_date', 'status']);
    const audit = await t.deps.db.selectFrom('audit_regels').select(['actie', 'actor_soort']).where('actie', '=', 'open311.meldingen-gelezen').execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('keeps tenants apart: Druten’s key never sees Wijchen’s requests, reading needs open311:lezen', async () => {
    const other = await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${referentie}.json`, headers: bearer(keys.druten) });
    expect(other.statusCode).toBe(404);
    expect(other.headers['content-type']).toMatch(/problem\+json/);
    const list = await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json', headers: bearer(keys.druten) });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(referentie);
    const wijchenList = await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json', headers: bearer(keys.wijchen) });
    expect(wijchenList.body).toContain(referentie);
    // The samenwerkingsverband sees its own Druten submission but not Wijchen's.
    const platform = (await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json', headers: bearer(keys.platform) })).json() as Array<{ agency_responsible: string; service_request_id: string }>;
    expect(platform.map((x) => x.agency_responsible)).toEqual(['Gemeente Druten']);
    // A read-only key reads; no key or a session does not.
    expect((await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${referentie}.json`, headers: bearer(keys.wijchenLezen) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json', headers: wijchenHub.headers })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/open311/v2/requests/onzin.json', headers: bearer(keys.wijchen) })).statusCode).toBe(404);
  });
});

describe('Open311 robustness', () => {
  it('never answers 5xx to random forms and JSON with a valid key', async () => {
    const fields = fc.constantFrom('jurisdiction_id', 'service_code', 'description', 'address_string', 'lat', 'long', 'email', 'first_name', 'phone', 'attribute[acuut]', 'attribute[hoe_vaak][]', 'attribute[aantal_personen]', 'attribute', 'api_key', 'x');
    const seen = new Set<number>();
    const value = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('GM0296', 'personen.jeugdoverlast', '6602 ZR 1', 'nee', '51.8', '1e400', '-0', '%zz', '__proto__'), fc.jsonValue({ maxDepth: 2 }));
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fields, value, { maxKeys: 8 }), fc.boolean(), fc.boolean(), async (random, asForm, fromValid) => {
        const body: Record<string, unknown> = fromValid ? { ...FORM_REQUEST, ...random } : random;
        const res = asForm
          ? await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { ...bearer(keys.wijchen), 'content-type': 'application/x-www-form-urlencoded' }, payload: form(Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]))) })
          : await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { ...bearer(keys.wijchen), 'content-type': 'application/json' }, payload: JSON.stringify(body) });
        expect(res.statusCode, `${asForm} ${JSON.stringify(body)} ${res.body}`).toBeLessThan(500);
        seen.add(res.statusCode);
        if (res.statusCode >= 400) expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
    // Both outcomes were reached: the random input got past the checks into the intake too.
    expect([...seen].sort()).toEqual(expect.arrayContaining([201, 400]));
  }, 120_000);
});

describe('Open311 mapping', () => {
  it('parses postcode and huisnummer from common address lines', () => {
    expect(parseAddressString('Markt 1, 6602 ZR Wijchen')).toEqual({ ok: true, value: { postcode: '6602ZR', huisnummer: 1, straat: 'Markt', woonplaats: 'Wijchen' } });
    expect(parseAddressString('6602 ZR 1')).toEqual({ ok: true, value: { postcode: '6602ZR', huisnummer: 1 } });
    expect(parseAddressString('6602zr 14b Wijchen')).toEqual({ ok: true, value: { postcode: '6602ZR', huisnummer: 14, huisletter: 'B', woonplaats: 'Wijchen' } });
    expect(parseAddressString('Plein 1944 12A-2, 6602ZR, Wijchen')).toEqual({ ok: true, value: { postcode: '6602ZR', huisnummer: 12, huisletter: 'A', huisnummertoevoeging: '2', straat: 'Plein 1944', woonplaats: 'Wijchen' } });
    expect(parseAddressString('Van Heemstralaan 3 6651AA Druten')).toMatchObject({ ok: true, value: { postcode: '6651AA', huisnummer: 3, straat: 'Van Heemstralaan' } });
    for (const bad of ['', 'Markt 1, Wijchen', '6602 SS 1', '6602 ZR', '0602 ZR 1', 'x'.repeat(201), 5]) expect(parseAddressString(bad).ok, String(bad)).toBe(false);
  });

  it('decides which jurisdictions an organisation may submit for', () => {
    expect(allowedJurisdictions({ code: 'GM0296', soort: 'gemeente' })).toEqual(['GM0296']);
    expect(allowedJurisdictions({ code: 'WT-GM0225', soort: 'wijkteam' })).toEqual(['GM0225']);
    expect(allowedJurisdictions({ code: 'SV-TWS', soort: 'samenwerkingsverband' })).toHaveLength(6);
    expect(allowedJurisdictions({ code: 'WC-TWS', soort: 'woningcorporatie' })).toHaveLength(6);
  });
});
