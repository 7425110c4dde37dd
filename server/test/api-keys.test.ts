// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, createUser, login, type TestPlatform } from './helpers.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => t?.close());

describe('API keys for partner systems', () => {
  it('are shown once, hashed at rest, scoped, show their last use and stop working when revoked', async () => {
    const admin = await login(t, await createUser(t, ['functioneel-beheerder'], 'GM0296'));
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/api-sleutels', headers: admin.headers, payload: { naam: 'Woningcorporatie', scopes: ['open311:lezen', 'meldingen:indienen'] } });
    expect(created.statusCode).toBe(201);
    const { sleutel, apiSleutel } = created.json() as { sleutel: string; apiSleutel: { id: string; laatstGebruiktOp: string | null } };
    expect(sleutel).toMatch(/^kp_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(apiSleutel.laatstGebruiktOp).toBeNull();
    const row = await t.deps.db.selectFrom('api_sleutels').selectAll().where('id', '=', apiSleutel.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(sleutel.split('_')[2]);
    // The list never shows the key again.
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/api-sleutels', headers: admin.headers });
    expect(list.body).not.toContain(sleutel);

    const whoami = await t.app.inject({ method: 'GET', url: '/api/v1/api-sleutels/huidig', headers: { authorization: `Bearer ${sleutel}` } });
    expect(whoami.statusCode).toBe(200);
    expect(whoami.json()).toEqual({ naam: 'Woningcorporatie', organisatie: { code: 'GM0296' }, scopes: ['open311:lezen', 'meldingen:indienen'] });
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/api-sleutels', headers: admin.headers });
    expect(after.json().apiSleutels.find((k: { id: string }) => k.id === apiSleutel.id).laatstGebruiktOp).not.toBeNull();

    // A key is not a session: it cannot reach user routes.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/organisaties', headers: { authorization: `Bearer ${sleutel}` } })).statusCode).toBe(401);
    // A wrong key with the same prefix fails.
    const forged = `${sleutel.slice(0, 16)}${'A'.repeat(43)}`;
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/api-sleutels/huidig', headers: { authorization: `Bearer ${forged}` } })).statusCode).toBe(401);

    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/api-sleutels/${apiSleutel.id}`, headers: admin.headers })).statusCode).toBe(204);
    const revoked = await t.app.inject({ method: 'GET', url: '/api/v1/api-sleutels/huidig', headers: { authorization: `Bearer ${sleutel}` } });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.headers['content-type']).toMatch(/problem\+json/);
    expect(revoked.headers['www-authenticate']).toBe('Bearer');
  });

  it('may only be managed by a functioneel beheerder', async () => {
    const iv = await login(t, await createUser(t, ['iv-coordinator'], 'GM0296'));
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/api-sleutels', headers: iv.headers, payload: { naam: 'x', scopes: ['open311:lezen'] } });
    expect(res.statusCode).toBe(403);
    const audit = await t.deps.db.selectFrom('audit_regels').select(['actie', 'resultaat']).where('actie', '=', 'toegang-geweigerd').execute();
    expect(audit.length).toBeGreaterThan(0);
  });
});
