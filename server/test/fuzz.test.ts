// SPDX-License-Identifier: EUPL-1.2
// Bounded fuzz run over every operation in the OpenAPI document: random bodies, params, media
// types and headers, anonymous and logged in. Never a 5xx; every error is problem+json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestPlatform, createUser, login, type LoggedIn, type TestPlatform } from './helpers.js';
import { solvedAltcha, WIJCHEN_OVERLAST } from './meldingen-helpers.js';

let t: TestPlatform;
let admin: LoggedIn;
let operations: Array<{ method: string; path: string }>;

beforeAll(async () => {
  t = await createTestPlatform();
  admin = await login(t, await createUser(t, ['functioneel-beheerder', 'privacy-officer', 'knooppuntmedewerker'], 'GM0668'));
  const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
});
afterAll(async () => t?.close());

const jsonValue = fc.jsonValue({ maxDepth: 3 });
const fieldNames = fc.constantFrom('gebruikersnaam', 'wachtwoord', 'totpCode', 'herstelcode', 'naam', 'email', 'rollen', 'actief', 'organisatieId', 'scopes', 'van', 'tot', 'pagina', 'installatiecode', 'doel', 'x', 'categorie', 'omschrijving', 'locatie', 'antwoorden', 'altcha', 'ontvangstcode', 'tekst', 'onderwerpen', 'status', 'reden', 'ouderId', 'gebruikerId', 'contact', 'waargenomenOp', 'service_code', 'jurisdiction_id');
const body = fc.oneof(
  jsonValue.map((v) => JSON.stringify(v)),
  fc.dictionary(fieldNames, fc.oneof(jsonValue, fc.string(), fc.integer(), fc.constant(null)), { maxKeys: 6 }).map((d) => JSON.stringify(d)),
  fc.string({ maxLength: 200 }),
  fc.constant('{"a":'),
  fc.constant(''),
);
const param = fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 80 }).map(encodeURIComponent), fc.constant('%00'), fc.constant('..%2F..%2Fetc'), fc.constant('999993653'));
const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml');

describe('fuzz', () => {
  it('never answers 5xx and always answers errors as problem+json', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), body, param, contentType, fc.boolean(), fc.boolean(), async (opIndex, payload, p, ct, authed, withCsrf) => {
        const op = operations[opIndex % operations.length]!;
        const url = op.path.replace(/\{[^}]+\}/g, p);
        const headers: Record<string, string> = {};
        if (authed) {
          headers.cookie = admin.cookie;
          if (withCsrf) headers['x-csrf-token'] = admin.csrf;
        }
        const hasBody = !['GET', 'DELETE'].includes(op.method);
        if (hasBody) headers['content-type'] = ct;
        const res = await t.app.inject({ method: op.method as 'GET', url, headers, ...(hasBody ? { payload } : {}) });
        expect(res.statusCode, `${op.method} ${url} ${payload}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect(String(res.headers['content-type']), `${op.method} ${url}`).toMatch(/^application\/problem\+json/);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1500) },
    );
    // The admin session is still valid afterwards (the fuzzer did not break the platform).
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  }, 240_000);

  // Past the proof of work: a solved challenge and a valid melding with one field replaced by
  // anything, so the service's own validation is what gets fuzzed.
  it('answers every mutation of a public melding with 201 or a 4xx problem, never 5xx', async () => {
    const fields = ['categorie', 'omschrijving', 'antwoorden', 'locatie', 'waargenomenOp', 'waargenomenToelichting', 'contact', 'onderwerpen'] as const;
    const anything = fc.oneof(
      jsonValue,
      fc.string({ maxLength: 300 }),
      fc.record({ postcode: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('6602 ZR', '6602zr', '1012 JS', '0000 AA')), huisnummer: fc.oneof(fc.integer(), fc.string({ maxLength: 8 })) }, { requiredKeys: [] }),
      fc.record({ straat: fc.string({ maxLength: 130 }), woonplaats: fc.oneof(fc.string({ maxLength: 90 }), fc.constantFrom('Wijchen', 'Druten', 'Amsterdam')) }, { requiredKeys: [] }),
      fc.dictionary(fc.constantFrom('acuut', 'hoe_vaak', 'tijdstip', 'aantal_personen', 'x'), fc.oneof(jsonValue, fc.string({ maxLength: 40 })), { maxKeys: 4 }),
      fc.record({ naam: fc.string({ maxLength: 200 }), email: fc.oneof(fc.string({ maxLength: 100 }), fc.emailAddress()), telefoon: fc.string({ maxLength: 30 }), updatesPerMail: fc.oneof(fc.boolean(), jsonValue) }, { requiredKeys: [] }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), anything, fc.boolean(), async (field, value, remove) => {
        const melding: Record<string, unknown> = { ...WIJCHEN_OVERLAST };
        if (remove) delete melding[field];
        else melding[field] = value;
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: { ...melding, altcha: await solvedAltcha(t) } });
        expect(res.statusCode, `${field}=${JSON.stringify(value)}: ${res.body}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  }, 240_000);
});
