// SPDX-License-Identifier: EUPL-1.2
// Veiligheidsbeeld at scale and the field mapping: a monthly OData CSV of more than one batch (new
// indicators by plain INSERT, known ones by upsert, in one file), corrections that keep the yearly
// aggregate equal to a fresh computation (`controleer`), two imports at once, and the mapping API
// (versions from a date, validation, permission, audit, effect on the figures).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, createUser, login, type LoggedIn, type TestPlatform } from './helpers.js';
import { controleer, WAARDEN_BATCH } from '../src/modules/veiligheidsbeeld/veiligheidsbeeld.repository.js';
import { IMPORT_LOCK_KEY } from '../src/modules/veiligheidsbeeld/import.service.js';

const SIX = ['GM1945', 'GM0209', 'GM0225', 'GM0252', 'GM0668', 'GM0296'];
const JAREN = [2019, 2020, 2021, 2022];
const HEADER = '"ID";"SoortMisdrijf";"RegioS";"Perioden";"GeregistreerdeMisdrijven_1"';

let t: TestPlatform;
let adviseur: LoggedIn;
let adviseurNaam: string;

beforeAll(async () => {
  t = await createTestPlatform();
  const u = await createUser(t, ['beleidsadviseur'], 'SV-TWS');
  adviseurNaam = u.username;
  adviseur = await login(t, u);
});
afterAll(async () => t?.close());

/** Monthly values keyed code|gebied|jaar|maand; null = suppressed ("."). Deterministic. */
type Waarden = Map<string, number | null>;

function genereer(codes: readonly string[], seed: number): Waarden {
  const w: Waarden = new Map();
  let s = seed;
  const rnd = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
  for (const c of codes) for (const g of SIX) for (const j of JAREN) for (let m = 1; m <= 12; m++) w.set(`${c}|${g}|${j}|${m}`, rnd() < 0.03 ? null : Math.floor(rnd() * 60));
  return w;
}

function odataCsv(w: Waarden): string {
  const lines = [HEADER];
  let id = 0;
  for (const [k, v] of w) {
    const [c, g, j, m] = k.split('|') as [string, string, string, string];
    // Keys padded with trailing spaces, as the open-data service delivers them.
    lines.push(`${id++};"${c.padEnd(8)}";"${g.padEnd(6)}";"${j}MM${m.padStart(2, '0')}";${v === null ? '       .' : String(v).padStart(10)}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

function jaartotaal(w: Waarden, c: string, g: string, j: number): number | null {
  let som = 0;
  for (let m = 1; m <= 12; m++) {
    const v = w.get(`${c}|${g}|${j}|${m}`);
    if (v === null || v === undefined) return null;
    som += v;
  }
  return som;
}

function upload(bestandsnaam: string, inhoud: string) {
  return t.app.inject({ method: 'POST', url: '/api/v1/veiligheidsbeeld/imports', headers: adviseur.headers, payload: { bestandsnaam, inhoud } });
}

async function reeks(code: string, gebied: string) {
  const r = await t.app.inject({ method: 'GET', url: `/api/v1/veiligheidsbeeld/cijfers?indicator=${code}&gebied=${gebied}&van=${JAREN[0]}&tot=${JAREN.at(-1)}` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { indicator: { veld: number | null; veldNaam: string | null; tags: string[] }; reeks: Array<{ jaar: number; aantal: number | null }> };
}

async function expectAggregatesMatch(w: Waarden, codes: readonly string[]) {
  for (const c of codes) {
    for (const g of SIX) {
      const r = await reeks(c, g);
      expect(r.reeks.map((p) => p.aantal), `${c} ${g}`).toEqual(JAREN.map((j) => jaartotaal(w, c, g, j)));
    }
    // The group: unknown as soon as one gemeente's year is unknown.
    const groep = await reeks(c, 'tweestromenland');
    const verwacht = JAREN.map((j) => {
      const delen = SIX.map((g) => jaartotaal(w, c, g, j));
      return delen.some((d) => d === null) ? null : delen.reduce((a, b) => a! + b!, 0);
    });
    expect(groep.reeks.map((p) => p.aantal), `${c} tweestromenland`).toEqual(verwacht);
  }
  expect(await controleer(t.deps.db)).toMatchObject({ zonderIndicator: 0, zonderGebied: 0, zonderDataset: 0, jaarcijfersAfwijkend: 0 });
}

describe('veiligheidsbeeld bulk import', () => {
  // 6 gemeenten × 4 years × 12 months = 288 rows a code. The first file has 48 codes (13,824 rows);
  // the second brings 72 new codes (20,736 rows, first in the file) on top of the 48 known ones, so
  // that import spans two batches: one of only new indicators (plain INSERT) and a mixed one (upsert).
  const oud = Array.from({ length: 48 }, (_, i) => `9.1.${i + 1}`);
  const nieuw = Array.from({ length: 72 }, (_, i) => `9.2.${i + 1}`);
  let eerste: Waarden;
  let tweede: Waarden;

  it('imports monthly values in several batches and keeps every yearly total equal to the months', async () => {
    eerste = genereer(oud, 1);
    const res = await upload('47013NED-maand.csv', odataCsv(eerste));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ formaat: 'odata-csv', tabel: '47013NED', waarden: { totaal: eerste.size, nieuw: eerste.size, gewijzigd: 0 } });
    await expectAggregatesMatch(eerste, oud.slice(0, 3));

    // Known codes with some values changed and the new codes, new codes first in the file.
    tweede = new Map([...genereer(nieuw, 2)]);
    let gewijzigd = 0;
    for (const [k, v] of eerste) {
      const anders = gewijzigd < 500 && k.endsWith('|7') ? (v === null ? 4 : v + 3) : v;
      if (anders !== v) gewijzigd++;
      tweede.set(k, anders);
    }
    expect(tweede.size).toBeGreaterThan(WAARDEN_BATCH);
    const r2 = await upload('47013NED-maand-2.csv', odataCsv(tweede));
    expect(r2.statusCode, r2.body).toBe(201);
    expect(r2.json().waarden).toMatchObject({ totaal: tweede.size, nieuw: nieuw.length * SIX.length * JAREN.length * 12, gewijzigd, gelijk: eerste.size - gewijzigd });
    await expectAggregatesMatch(tweede, [...oud.slice(0, 2), ...nieuw.slice(-2)]);

    // The same file again: nothing changes, not even the aggregate.
    const voor = await t.deps.db.selectFrom('vb_jaarcijfers').selectAll().orderBy(['indicator_id', 'gebied', 'jaar']).execute();
    const r3 = await upload('47013NED-maand-2-kopie.csv', odataCsv(tweede));
    expect(r3.json()).toMatchObject({ ongewijzigd: true, waarden: { nieuw: 0, gewijzigd: 0 } });
    expect(await t.deps.db.selectFrom('vb_jaarcijfers').selectAll().orderBy(['indicator_id', 'gebied', 'jaar']).execute()).toEqual(voor);
  });

  it('recomputes only what a small correction touched, and a suppressed month becoming known makes the year known', async () => {
    const code = oud[5]!;
    const g = 'GM0668';
    const jaar = JAREN.find((j) => jaartotaal(tweede, code, g, j) === null) ?? JAREN[0]!;
    const correctie = new Map<string, number | null>();
    for (let m = 1; m <= 12; m++) {
      const k = `${code}|${g}|${jaar}|${m}`;
      if (tweede.get(k) === null) correctie.set(k, 9);
    }
    const extra = `${code}|GM0296|${JAREN[1]}|2`;
    correctie.set(extra, (tweede.get(extra) ?? 0) + 11);
    for (const [k, v] of correctie) tweede.set(k, v);
    const andereVoor = await t.deps.db.selectFrom('vb_jaarcijfers').select(['indicator_id', 'gebied', 'jaar', 'aantal']).where('gebied', '=', 'GM0209').orderBy(['indicator_id', 'jaar']).execute();
    const res = await upload('correctie.csv', odataCsv(correctie));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().waarden).toMatchObject({ nieuw: 0, gewijzigd: correctie.size });
    expect(jaartotaal(tweede, code, g, jaar)).not.toBeNull();
    await expectAggregatesMatch(tweede, [code]);
    expect(await t.deps.db.selectFrom('vb_jaarcijfers').select(['indicator_id', 'gebied', 'jaar', 'aantal']).where('gebied', '=', 'GM0209').orderBy(['indicator_id', 'jaar']).execute()).toEqual(andereVoor);
  });

  it('reports an aggregate that no longer matches its values', async () => {
    const row = await t.deps.db.selectFrom('vb_jaarcijfers').select(['indicator_id', 'gebied', 'jaar', 'aantal']).where('aantal', 'is not', null).orderBy('indicator_id').limit(1).executeTakeFirstOrThrow();
    await t.deps.db.updateTable('vb_jaarcijfers').set({ aantal: row.aantal! + 1 }).where('indicator_id', '=', row.indicator_id).where('gebied', '=', row.gebied).where('jaar', '=', row.jaar).execute();
    await sql`INSERT INTO vb_waarden (indicator_id, gebied, jaar, maand, aantal, dataset_id, bijgewerkt_op) VALUES (${row.indicator_id}, 'GM9998', 2020, 1, 1, gen_random_uuid(), now())`.execute(t.deps.db);
    try {
      expect(await controleer(t.deps.db)).toMatchObject({ zonderGebied: 1, zonderDataset: 1, jaarcijfersAfwijkend: 2 });
    } finally {
      await t.deps.db.updateTable('vb_jaarcijfers').set({ aantal: row.aantal }).where('indicator_id', '=', row.indicator_id).where('gebied', '=', row.gebied).where('jaar', '=', row.jaar).execute();
      await t.deps.db.deleteFrom('vb_waarden').where('gebied', '=', 'GM9998').execute();
    }
    expect(await controleer(t.deps.db)).toMatchObject({ zonderGebied: 0, zonderDataset: 0, jaarcijfersAfwijkend: 0 });
  });

  it('serialises two imports at once: both land, the aggregate matches the last values', async () => {
    const code = oud[0]!;
    const a = new Map<string, number | null>();
    const b = new Map<string, number | null>();
    // Different months of the same years: both imports rebuild the same yearly totals, which
    // without the import lock could each be computed from a snapshot without the other's month.
    for (const g of SIX) {
      a.set(`${code}|${g}|${JAREN[0]}|1`, 1000);
      b.set(`${code}|${g}|${JAREN[0]}|2`, 2000);
    }
    const [ra, rb] = await Promise.all([upload('a.csv', odataCsv(a)), upload('b.csv', odataCsv(b))]);
    expect([ra.statusCode, rb.statusCode], `${ra.body} ${rb.body}`).toEqual([201, 201]);
    for (const [k, v] of [...a, ...b]) tweede.set(k, v);
    await expectAggregatesMatch(tweede, [code]);
  });

  // PostgreSQL only: PGlite has one connection, so its transactions are serial anyway.
  it.runIf(Boolean(process.env.DATABASE_URL))('waits for the import lock another session holds', async () => {
    const code = oud[1]!;
    const w = new Map<string, number | null>(SIX.map((g) => [`${code}|${g}|${JAREN[0]}|3`, 777]));
    let release = () => {};
    let held = () => {};
    const isHeld = new Promise<void>((r) => (held = r));
    const holder = t.deps.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`.execute(trx);
      held();
      await new Promise<void>((r) => (release = r));
    });
    await isHeld;
    let done = false;
    const pending = upload('wacht.csv', odataCsv(w)).then((r) => {
      done = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 700));
    expect(done).toBe(false);
    release();
    await holder;
    const res = await pending;
    expect(res.statusCode, res.body).toBe(201);
    for (const [k, v] of w) tweede.set(k, v);
    await expectAggregatesMatch(tweede, [code]);
  });
});

describe('veiligheidsbeeld field mapping (indeling)', () => {
  const url = '/api/v1/veiligheidsbeeld/indeling';
  const put = (bron: string, code: string, body: unknown, headers = adviseur.headers) => t.app.inject({ method: 'PUT', url: `${url}/${bron}/${code}`, headers, payload: body as Record<string, unknown> });
  const del = (bron: string, code: string, datum: string, headers = adviseur.headers) => t.app.inject({ method: 'DELETE', url: `${url}/${bron}/${code}/${datum}`, headers });

  beforeAll(async () => {
    const res = await upload('251.csv', 'soort_code;soort_omschrijving;gemeentecode;gemeente;jaar;aantal\n2.5.1;Diefstal/inbraak bedrijven en instellingen;GM0296;Wijchen;2019;34\n');
    expect(res.statusCode, res.body).toBe(201);
  });

  it('lists every code with the version in effect, without naming who set it, and without login', async () => {
    const r = await t.app.inject({ method: 'GET', url });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json() as { peildatum: string; velden: unknown[]; codes: Array<{ bron: string; code: string; naam: string | null; huidig: { veld: number | null } | null; versies: Array<{ standaard: boolean }> }> };
    expect(body.velden).toHaveLength(5);
    expect(body.codes.find((c) => c.bron === 'politie' && c.code === '2.5.1')).toMatchObject({ naam: 'Diefstal/inbraak bedrijven en instellingen', huidig: { veld: 2 }, versies: [{ standaard: true }] });
    // Codes with figures but no mapping are listed too, so they can be mapped.
    expect(body.codes.find((c) => c.code === '9.2.1')).toMatchObject({ huidig: null, versies: [] });
  });

  it('sets a new version from a date: figures follow it from that date; the same date replaces it; all audited', async () => {
    t.clock.set(new Date('2026-06-01T10:00:00Z'));
    try {
      const nieuw = await put('politie', '2.5.1', { geldigVan: '2026-01-01', veld: 5, tags: ['Ondermijning', 'ondermijning'], opmerking: 'Programma 2026–2027' });
      expect(nieuw.statusCode, nieuw.body).toBe(201);
      expect(nieuw.json()).toMatchObject({ nieuw: true, versie: { geldigVan: '2026-01-01', veld: 5, tags: ['ondermijning'], standaard: false } });
      expect((await reeks('2.5.1', 'GM0296')).indicator).toMatchObject({ veld: 5, tags: ['ondermijning'] });
      // A version from a future date does not change today's figures.
      expect((await put('politie', '2.5.1', { geldigVan: '2027-01-01', veld: 3 })).statusCode).toBe(201);
      expect((await reeks('2.5.1', 'GM0296')).indicator.veld).toBe(5);
      const vervangen = await put('politie', '2.5.1', { geldigVan: '2026-01-01', veld: null });
      expect(vervangen.statusCode, vervangen.body).toBe(200);
      expect(vervangen.json()).toMatchObject({ nieuw: false, versie: { veld: null } });
      expect((await reeks('2.5.1', 'GM0296')).indicator.veld).toBeNull();
      const lijstRes = await t.app.inject({ method: 'GET', url });
      // Who set a version is in the audit trail, not in the public list.
      expect(lijstRes.body).not.toContain(adviseurNaam);
      expect(lijstRes.body).not.toContain('vastgesteldDoor');
      const lijst = lijstRes.json() as { codes: Array<{ code: string; bron: string; huidig: { geldigVan: string; veld: number | null }; versies: Array<{ geldigVan: string }> }> };
      const c = lijst.codes.find((x) => x.bron === 'politie' && x.code === '2.5.1')!;
      expect(c.huidig).toMatchObject({ geldigVan: '2026-01-01', veld: null });
      expect(c.versies.map((v) => v.geldigVan)).toEqual(['2000-01-01', '2026-01-01', '2027-01-01']);

      const audit = await t.deps.db.selectFrom('audit_regels').select(['actie', 'object_id', 'details', 'actor_naam']).where('actie', '=', 'veiligheidsbeeld.indeling-gewijzigd').orderBy('id').execute();
      expect(audit).toHaveLength(3);
      expect(audit[2]).toMatchObject({ object_id: 'politie|2.5.1|2026-01-01', details: { voor: { veld: 5, tags: ['ondermijning'] }, na: { veld: null, tags: [] } } });

      // Removing a version a person set brings the previous one back; the seeded default stays.
      expect((await del('politie', '2.5.1', '2026-01-01')).statusCode).toBe(204);
      expect((await reeks('2.5.1', 'GM0296')).indicator.veld).toBe(2);
      const standaard = await del('politie', '2.5.1', '2000-01-01');
      expect(standaard.statusCode).toBe(409);
      expect(String(standaard.headers['content-type'])).toMatch(/^application\/problem\+json/);
      expect((await del('politie', '2.5.1', '2026-01-01')).statusCode).toBe(404);
      expect((await del('politie', '2.5.1', '2027-01-01')).statusCode).toBe(204);
      expect(await t.deps.db.selectFrom('audit_regels').select('object_id').where('actie', '=', 'veiligheidsbeeld.indeling-verwijderd').execute()).toHaveLength(2);
    } finally {
      t.clock.set(new Date());
    }
  });

  it('maps a code that had no mapping; its figures then carry the field', async () => {
    expect((await reeks('9.2.1', 'GM0296')).indicator.veld).toBeNull();
    const r = await put('politie', '9.2.1', { geldigVan: '2020-01-01', veld: 4 });
    expect(r.statusCode, r.body).toBe(201);
    expect((await reeks('9.2.1', 'GM0296')).indicator).toMatchObject({ veld: 4, veldNaam: expect.any(String) });
  });

  it('rejects bad input with a problem naming each field, and changes nothing', async () => {
    const voor = await t.deps.db.selectFrom('vb_indeling').selectAll().orderBy(['bron', 'code', 'geldig_van']).execute();
    for (const [bron, code, body, velden] of [
      ['politie', '2.5.1', { geldigVan: '2023-02-30', veld: 2 }, ['geldigVan']],
      ['politie', '2.5.1', { geldigVan: '2023-01-01', veld: 7 }, ['veld']],
      ['politie', '2.5.1', { geldigVan: '2023-01-01', veld: 1.5 }, ['veld']],
      ['interpol', '2.5.1', { geldigVan: '2023-01-01', veld: 2 }, ['bron']],
      ['politie', '2.5.1', { geldigVan: '2023-01-01', veld: 2, tags: ['geen spaties!'] }, ['tags']],
      ['politie', '2.5.1', { geldigVan: '2023-01-01', veld: 2, opmerking: 'x'.repeat(501) }, ['opmerking']],
      ['politie', '2.5.1', { geldigVan: '2023-01-01' }, ['veld']],
      ['politie', '2.5.1', { geldigVan: '2023-01-01', veld: 2, wie: 'ik' }, ['wie']],
    ] as const) {
      const r = await put(bron, code, body);
      expect(r.statusCode, `${JSON.stringify(body)} ${r.body}`).toBe(400);
      expect(String(r.headers['content-type'])).toMatch(/^application\/problem\+json/);
      const fouten = (r.json() as { errors?: Array<{ veld?: string; name?: string; melding?: string; reason?: string }> }).errors ?? [];
      expect(fouten.length, r.body).toBeGreaterThan(0);
      for (const v of velden) expect(r.body, JSON.stringify(body)).toContain(v);
    }
    expect((await del('politie', '2.5.1', '2023-13-01')).statusCode).toBe(400);
    expect(await t.deps.db.selectFrom('vb_indeling').selectAll().orderBy(['bron', 'code', 'geldig_van']).execute()).toEqual(voor);
  });

  it('lets only the beleidsadviseur change the mapping', async () => {
    const body = { geldigVan: '2024-01-01', veld: 1 };
    expect((await t.app.inject({ method: 'PUT', url: `${url}/politie/2.5.1`, payload: body })).statusCode).toBe(401);
    for (const rol of ['iv-coordinator', 'knooppuntmedewerker'] as const) {
      const u = await login(t, await createUser(t, [rol], 'SV-TWS'));
      expect((await put('politie', '2.5.1', body, u.headers)).statusCode, rol).toBe(403);
      expect((await del('politie', '2.5.1', '2000-01-01', u.headers)).statusCode, rol).toBe(403);
    }
    expect((await reeks('2.5.1', 'GM0296')).indicator.veld).toBe(2);
  });
});
