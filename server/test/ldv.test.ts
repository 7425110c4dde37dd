// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestPlatform, createUser, login, type TestPlatform } from './helpers.js';
import { BACKUP_TABLES } from '../src/platform/db/backup.js';
import { pseudonymise } from '../src/platform/crypto.js';
import { parseTraceparent } from '../src/platform/ldv/trace-context.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => t?.close());

describe('Logboek Dataverwerkingen', () => {
  it('records one processing per data subject with the caller’s trace id, pseudonymised, without user identity', async () => {
    const admin = await createUser(t, ['functioneel-beheerder'], 'GM1945');
    const target = await createUser(t, ['signaleerder'], 'GM1945');
    const s = await login(t, admin);
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/gebruikers/${target.id}`, remoteAddress: '203.0.113.9', headers: { ...s.headers, traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
    expect(res.statusCode).toBe(200);
    const rows = await t.deps.db.selectFrom('ldv_records').selectAll().where('trace_id', '=', traceId).execute();
    expect(rows).toHaveLength(1);
    const r = rows[0]!;
    expect(r.parent_span_id).toBe('00f067aa0ba902b7');
    expect(r.span_id).toMatch(/^[0-9a-f]{16}$/);
    expect(r.verwerkingsactiviteit_id).toBe('va-gebruikersbeheer');
    expect(r.betrokkene_id).toBe(pseudonymise(t.deps.secrets, 'gebruiker', target.id));
    expect(r.betrokkene_id).not.toContain(target.id);
    expect(JSON.stringify(r)).not.toContain(admin.username);
    // The read is in the audit trail too, with the actor.
    const audit = await t.deps.db.selectFrom('audit_regels').selectAll().where('actie', '=', 'gebruiker-gelezen').where('object_id', '=', target.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_naam).toBe(admin.username);
    expect(audit[0]!.ip_adres).toBe('203.0.113.9'); // staff: the address is kept

    // The list read gives one record per subject.
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/gebruikers', headers: { ...s.headers, traceparent: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01` } });
    const n = list.json().gebruikers.length;
    const listRows = await t.deps.db.selectFrom('ldv_records').select('betrokkene_id').where('trace_id', '=', 'a'.repeat(32)).execute();
    expect(listRows).toHaveLength(n);
    expect(new Set(listRows.map((x) => x.betrokkene_id)).size).toBe(n);
  });

  it('exports OTLP JSON with the dpl.core attributes for the FG', async () => {
    const fg = await login(t, await createUser(t, ['privacy-officer'], 'SV-TWS'));
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/logboek-dataverwerkingen/export', headers: fg.headers });
    expect(res.statusCode).toBe(200);
    const spans = res.json().resourceSpans[0].scopeSpans[0].spans as Array<{ traceId: string; attributes: Array<{ key: string; value: { stringValue: string } }> }>;
    expect(spans.length).toBeGreaterThan(0);
    const keys = new Set(spans[0]!.attributes.map((a) => a.key));
    for (const k of ['dpl.core.processing_activity_id', 'dpl.core.data_subject_id', 'dpl.core.data_subject_id_type']) expect(keys.has(k)).toBe(true);
    const pa = spans[0]!.attributes.find((a) => a.key === 'dpl.core.processing_activity_id')!.value.stringValue;
    expect(pa).toMatch(/\/api\/v1\/verwerkingsactiviteiten\/va-gebruikersbeheer$/);
    // The register entry it points to can be read and edited by the FG.
    const va = await t.app.inject({ method: 'GET', url: '/api/v1/verwerkingsactiviteiten/va-gebruikersbeheer', headers: fg.headers });
    expect(va.statusCode).toBe(200);
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/verwerkingsactiviteiten/va-gebruikersbeheer', headers: fg.headers, payload: { ...(va.json() as Record<string, unknown>), id: undefined, bijgewerktOp: undefined, bewaartermijn: '2 jaar na beëindiging account' } });
    expect(put.statusCode).toBe(200);
    expect(put.json().bewaartermijn).toBe('2 jaar na beëindiging account');
    // A functioneel beheerder may read but not edit the register.
    const admin = await login(t, await createUser(t, ['functioneel-beheerder'], 'SV-TWS'));
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/verwerkingsactiviteiten', headers: admin.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/verwerkingsactiviteiten/va-gebruikersbeheer', headers: admin.headers, payload: { ...(va.json() as Record<string, unknown>), id: undefined, bijgewerktOp: undefined } })).statusCode).toBe(403);
  });

  it('parses W3C traceparent strictly', () => {
    expect(parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toMatchObject({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', sampled: true });
    expect(parseTraceparent('00-00000000000000000000000000000000-00f067aa0ba902b7-01')).toBeNull();
    expect(parseTraceparent('ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBeNull();
    expect(parseTraceparent('zomaar')).toBeNull();
  });
});

describe('backup coverage', () => {
  it('lists every table of the schema in BACKUP_TABLES', async () => {
    const { rows } = await sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'knooppunt_migraties%'`.execute(t.deps.db);
    expect(rows.map((r) => r.table_name).sort()).toEqual([...BACKUP_TABLES].sort());
  });
});
