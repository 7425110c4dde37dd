// SPDX-License-Identifier: EUPL-1.2
// NL API Design Rules and RFC 9457 on a running app (inject): every point of the issue's §5.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, createUser, login, type TestPlatform } from './helpers.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => t?.close());

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): Record<string, unknown> }, status: number) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const p = res.json();
  for (const k of ['type', 'title', 'status', 'detail', 'instance']) expect(p).toHaveProperty(k);
  expect(p.status).toBe(status);
  return p;
}

describe('API conventions', () => {
  it('serves OpenAPI 3 without authentication, CORS *, with contact and an example for every request body', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.contact.email).toBeTruthy();
    let bodies = 0;
    for (const [path, ops] of Object.entries<Record<string, { requestBody?: { content: Record<string, { schema: Record<string, unknown>; example?: unknown; examples?: unknown }> } }>>(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!op.requestBody) continue;
        bodies++;
        const media = op.requestBody.content['application/json'] ?? op.requestBody.content['multipart/form-data'];
        const hasExample = media && (media.example !== undefined || media.examples !== undefined || (media.schema as { examples?: unknown[] }).examples !== undefined);
        expect(hasExample, `${method.toUpperCase()} ${path} has no example`).toBeTruthy();
      }
      expect(path.endsWith('/') && path !== '/').toBe(false);
      for (const seg of path.split('/').filter((x) => x && !x.startsWith('{'))) expect(seg, path).toMatch(/^[a-z0-9.-]+$/);
    }
    expect(bodies).toBeGreaterThan(5);
  });

  it('validates every example in the OpenAPI document against its own schema', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const { Ajv } = await import('ajv');
    const formats = await import('ajv-formats');
    const ajv = new Ajv({ strict: false, allErrors: true });
    // ajv-formats is CommonJS: its plugin is the module's default export.
    (formats.default as unknown as (a: InstanceType<typeof Ajv>) => void)(ajv);
    for (const [path, ops] of Object.entries<Record<string, { requestBody?: { content: Record<string, { schema: Record<string, unknown> & { examples?: unknown[] } }> } }>>(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const media = op.requestBody?.content['application/json'];
        if (!media) continue;
        const { examples, ...schema } = media.schema;
        for (const ex of examples ?? []) expect(ajv.validate(schema, ex), `${method} ${path}: ${ajv.errorsText()}`).toBe(true);
      }
    }
  });

  it('sends API-Version and the security headers on every response, no-store on API responses', async () => {
    for (const url of ['/api/v1/omgeving', '/healthz', '/readyz', '/api/v1/bestaat-niet', '/api/v1/openapi.json']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['api-version']).toMatch(/^\d+\.\d+\.\d+$/);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['permissions-policy']).toBeTruthy();
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('answers unknown routes 404, wrong methods 405, trailing slashes 404 — all problem+json', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/bestaat-niet' }), 404);
    const m = await t.app.inject({ method: 'PUT', url: '/api/v1/sessies' });
    expectProblem(m, 405);
    expect(m.headers.allow).toContain('POST');
    const slash = await t.app.inject({ method: 'GET', url: '/api/v1/omgeving/' });
    expectProblem(slash, 404);
    expect(slash.headers.location).toBeUndefined();
  });

  it('answers 413, 415 and 400 for oversized, wrongly typed and malformed bodies', async () => {
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/sessies', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ gebruikersnaam: 'x'.repeat(70 * 1024), wachtwoord: 'y' }) }), 413);
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/sessies', headers: { 'content-type': 'text/xml' }, payload: '<a/>' }), 415);
    const bad = expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/sessies', headers: { 'content-type': 'application/json' }, payload: '{"gebruikersnaam": ' }), 400);
    expect(JSON.stringify(bad)).not.toMatch(/at .*\.js|SyntaxError|stack/);
  });

  it('refuses NUL bytes in path and body with a clear 400', async () => {
    const body = expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/sessies', payload: { gebruikersnaam: 'a\u0000b', wachtwoord: 'xxxxxxxxxxxx' } }), 400) as { errors: Array<{ veld: string }> };
    expect(body.errors[0]!.veld).toBe('gebruikersnaam');
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/verwerkingsactiviteiten/a%00b' }), 400);
  });

  it('lists every invalid field at once', async () => {
    const p = expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/sessies', payload: { gebruikersnaam: 5, extra: true } }), 400) as { errors: Array<{ veld: string }> };
    const fields = p.errors.map((e) => e.veld).sort();
    expect(fields).toEqual(['extra', 'gebruikersnaam', 'wachtwoord']);
  });

  it('answers 429 problem+json when rate limited', async () => {
    const u = await createUser(t, ['signaleerder']);
    let last;
    for (let i = 0; i < 6; i++) last = await t.app.inject({ method: 'POST', url: '/api/v1/sessies', remoteAddress: '192.0.2.99', payload: { gebruikersnaam: u.username, wachtwoord: 'helemaal fout ' + i } });
    expectProblem(last!, 429);
  });

  it('answers 500 with a generic text and a correlation id that is also in the log, no stack', async () => {
    const fresh = await createTestPlatform();
    try {
      const u = await createUser(fresh, ['privacy-officer'], 'SV-TWS');
      const s = await login(fresh, u);
      // Break the database under the app: the audit search now fails inside the server.
      await fresh.deps.db.schema.alterTable('audit_regels').renameTo('audit_regels_weg').execute();
      const res = await fresh.app.inject({ method: 'POST', url: '/api/v1/audit-regels/zoeken', headers: s.headers, payload: {} });
      const p = expectProblem(res, 500) as { correlationId: string; detail: string };
      expect(p.detail).toContain(p.correlationId);
      expect(JSON.stringify(p), JSON.stringify(p)).not.toMatch(/audit_regels|does not exist|bestaat niet|stack|\.ts:\d/);
      expect(fresh.logs.text()).toContain(p.correlationId);
      await fresh.deps.db.schema.alterTable('audit_regels_weg').renameTo('audit_regels').execute();
    } finally {
      await fresh.close();
    }
  });

  it('reports health and readiness', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ status: 'ok', database: 'ok', migraties: 'actueel' });
  });

  it('never puts personal data in a URI: no route has a BSN, name or code path parameter and no search uses a query string', async () => {
    for (const r of t.app.knooppuntRoutes) {
      expect(r.url, r.url).not.toMatch(/:(bsn|naam|gebruikersnaam|email|ontvangstcode|code)\b/i);
    }
  });
});
