// SPDX-License-Identifier: EUPL-1.2
// Veiligheidsbeeld: importing the plan's appendix reproduces every printed Tweestromenland total;
// re-import changes nothing; an error names its line and leaves nothing behind; OData shapes with
// trailing-space keys and suppressed values (police 47013NED, 47018NED, 47021NED, 47022NED,
// 47024NED; CBS 83648NED and population); Berg en Dal predecessors; per-1,000 once population is
// imported; public figures; the CLI as a real process.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, createUser, login, type LoggedIn, type TestPlatform } from './helpers.js';
import { createInstallation, killStartedProcesses, runCli, type Installation } from './process-helpers.js';
import { createApiKeysService } from '../src/platform/identity/api-keys.service.js';
import { systemActor } from '../src/platform/auth/actor.js';
import { backup, restore } from '../src/platform/db/backup.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'veiligheidsbeeld');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const SIX = ['GM1945', 'GM0209', 'GM0225', 'GM0252', 'GM0668', 'GM0296'];

let t: TestPlatform;
let adviseur: LoggedIn;

beforeAll(async () => {
  t = await createTestPlatform();
  adviseur = await login(t, await createUser(t, ['beleidsadviseur'], 'SV-TWS'));
});
afterAll(async () => t?.close());

function upload(bestandsnaam: string, inhoud: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = adviseur.headers) {
  return t.app.inject({ method: 'POST', url: '/api/v1/veiligheidsbeeld/imports', headers, payload: { bestandsnaam, inhoud, ...extra } });
}

async function cijfers(query: string) {
  return t.app.inject({ method: 'GET', url: `/api/v1/veiligheidsbeeld/cijfers?${query}` });
}

interface Reeks {
  reeks: Array<{ jaar: number; aantal: number | null; per1000: number | null; indexTovBasisjaar: number | null; inwoners: number | null; ontbrekend: string[]; deeljaar: boolean }>;
  indicator: { code: string; naam: string; bron: string; veld: number | null; eenheid: string };
  gebied: { code: string; naam: string };
  analyse: { verandering: { absoluut: number | null; procent: number | null }; trend: { richting: string } };
  bron: { licentie: string; datasets: Array<{ titel: string; licentie: string; bestandsnaam: string }> };
}

async function snapshot() {
  const db = t.deps.db;
  const waarden = await db.selectFrom('vb_waarden').select(['indicator_id', 'gebied', 'jaar', 'maand', 'aantal', 'dataset_id']).orderBy('indicator_id').orderBy('gebied').orderBy('jaar').orderBy('maand').execute();
  const jaar = await db.selectFrom('vb_jaarcijfers').selectAll().orderBy('indicator_id').orderBy('gebied').orderBy('jaar').execute();
  const bev = await db.selectFrom('vb_bevolking').select(['gebied', 'jaar', 'aantal', 'dataset_id']).orderBy('gebied').orderBy('jaar').execute();
  const datasets = await db.selectFrom('vb_datasets').select(['id', 'sha256']).orderBy('id').execute();
  const indicatoren = await db.selectFrom('vb_indicatoren').selectAll().orderBy('id').execute();
  const gebieden = await db.selectFrom('vb_gebieden').select('code').orderBy('code').execute();
  return JSON.stringify({ waarden, jaar, bev, datasets, indicatoren, gebieden });
}

function parseCsv(text: string): Array<Record<string, string>> {
  const [head, ...lines] = text.trim().split(/\r?\n/);
  const cols = head!.split(';');
  return lines.map((l) => Object.fromEntries(l.split(';').map((v, i) => [cols[i]!, v])));
}

describe('veiligheidsbeeld import and figures', () => {
  it('imports the plan appendix and reproduces every printed Tweestromenland total and every gemeente figure', async () => {
    const res = await upload('ivp-bijlage-misdrijven.csv', fixture('ivp-bijlage-misdrijven.csv'));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ ongewijzigd: false, formaat: 'lang-csv', regels: 225, waarden: { totaal: 225, nieuw: 225, gewijzigd: 0, gelijk: 0 } });
    expect(body.dataset).toMatchObject({ licentie: 'CC BY 4.0', bestandsnaam: 'ivp-bijlage-misdrijven.csv', regels: 225 });
    expect(body.dataset.sha256).toMatch(/^[0-9a-f]{64}$/);

    const totalen = parseCsv(fixture('ivp-bijlage-totalen.csv'));
    expect(totalen).toHaveLength(50);
    const codes = [...new Set(totalen.map((r) => r.soort_code!))];
    let checked = 0;
    for (const code of codes) {
      const r = await cijfers(`indicator=${code}&gebied=tweestromenland&van=2014&tot=2018`);
      expect(r.statusCode, r.body).toBe(200);
      const reeks = (r.json() as Reeks).reeks;
      for (const row of totalen.filter((x) => x.soort_code === code)) {
        const punt = reeks.find((p) => p.jaar === Number(row.jaar));
        expect(punt?.aantal, `${code} ${row.jaar}`).toBe(Number(row.totaal_tweestromenland));
        checked++;
      }
    }
    expect(checked).toBe(50);

    const rows = parseCsv(fixture('ivp-bijlage-misdrijven.csv'));
    const series = new Map<string, Array<Record<string, string>>>();
    for (const r of rows) series.set(`${r.soort_code}|${r.gemeentecode}`, [...(series.get(`${r.soort_code}|${r.gemeentecode}`) ?? []), r]);
    for (const [key, list] of series) {
      const [code, gm] = key.split('|');
      const reeks = ((await cijfers(`indicator=${code}&gebied=${gm}&van=2014&tot=2018`)).json() as Reeks).reeks;
      for (const r of list) expect(reeks.find((p) => p.jaar === Number(r.jaar))?.aantal, key).toBe(Number(r.aantal));
    }

    const total = (await cijfers('indicator=0.0.0&gebied=tweestromenland')).json() as Reeks;
    expect(total.indicator).toMatchObject({ code: '0.0.0', naam: 'Totaal misdrijven', bron: 'politie', veld: null, eenheid: 'misdrijven' });
    expect(total.gebied).toMatchObject({ code: 'tweestromenland', naam: 'Tweestromenland' });
    expect(total.reeks.map((p) => p.jaar)).toEqual([2014, 2015, 2016, 2017, 2018]);
    expect(total.reeks[0]!.indexTovBasisjaar).toBe(100);
    expect(total.reeks[4]!.indexTovBasisjaar).toBe(78.2);
    expect(total.analyse.verandering).toMatchObject({ absoluut: -1230, procent: -21.8 });
    expect(total.analyse.trend.richting).toBe('dalend');
    expect(total.bron.licentie).toBe('CC BY 4.0');
    expect(total.bron.datasets[0]!.bestandsnaam).toBe('ivp-bijlage-misdrijven.csv');
    // Per 1,000 stays unknown until population is imported.
    expect(total.reeks.every((p) => p.per1000 === null)).toBe(true);

    // 2.4.1 is printed for three gemeenten only: the total sums those, names the others.
    const burengerucht = (await cijfers('indicator=2.4.1&gebied=tweestromenland&van=2014&tot=2014')).json() as Reeks;
    expect(burengerucht.reeks[0]).toMatchObject({ aantal: 1, ontbrekend: ['GM0209', 'GM0252', 'GM0668'] });
    expect((await cijfers('indicator=2.5.1&gebied=GM0296&van=2014&tot=2018')).json().indicator).toMatchObject({ veld: 2, naam: 'Diefstal/inbraak bedrijven en instellingen' });
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await snapshot();
    const res = await upload('ivp-bijlage-misdrijven.csv', fixture('ivp-bijlage-misdrijven.csv'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ongewijzigd: true, dataset: null, waarden: { totaal: 225, nieuw: 0, gewijzigd: 0, gelijk: 225 } });
    expect(await snapshot()).toBe(before);
    // Same data in another file (CRLF line ends): still nothing changes.
    const crlf = await upload('kopie.csv', fixture('ivp-bijlage-misdrijven.csv').replace(/\n/g, '\r\n'));
    expect(crlf.json()).toMatchObject({ ongewijzigd: true });
    expect(await snapshot()).toBe(before);
  });

  it('rejects a file with an error on line N, names the line, and stores none of its other rows', async () => {
    const before = await snapshot();
    const lines = fixture('ivp-bijlage-misdrijven.csv').trimEnd().split('\n');
    const changed = lines.map((l) => l.replace(/;(\d+)$/, (_m, n: string) => `;${Number(n) + 1}`));
    changed[99] = changed[99]!.replace(/;\d+$/, ';12,5');
    const res = await upload('fout.csv', `${changed.join('\n')}\n`);
    expect(res.statusCode).toBe(400);
    expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
    const p = res.json() as { errors: Array<{ veld: string; melding: string }>; code: string };
    expect(p.code).toBe('ONGELDIGE_INVOER');
    expect(p.errors).toEqual([{ veld: 'regel 100', melding: expect.stringContaining('geen geheel getal') }]);
    expect(await snapshot()).toBe(before);
  });

  it('rolls the whole import back when the database fails halfway', async () => {
    const before = await snapshot();
    await t.deps.db.schema.alterTable('vb_jaarcijfers').renameTo('vb_jaarcijfers_weg').execute();
    try {
      const lines = fixture('ivp-bijlage-misdrijven.csv').trimEnd().split('\n');
      const res = await upload('half.csv', `${lines.map((l, i) => (i === 0 ? l : l.replace(/;(\d+)$/, (_m, n: string) => `;${Number(n) + 2}`))).join('\n')}\n`);
      expect(res.statusCode).toBe(500);
    } finally {
      await t.deps.db.schema.alterTable('vb_jaarcijfers_weg').renameTo('vb_jaarcijfers').execute();
    }
    expect(await snapshot()).toBe(before);
  });

  it('imports police OData JSON with trailing-space keys; suppressed values stay unknown, never 0', async () => {
    const res = await upload('47013NED.json', fixture('politie-47013NED.json'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ formaat: 'odata-json', soort: 'misdrijven', tabel: '47013NED', overgeslagen: 2, waarden: { totaal: 8, nieuw: 8 } });
    const row = async (gm: string, jaar: number) => t.deps.db.selectFrom('vb_waarden as w').innerJoin('vb_indicatoren as i', 'i.id', 'w.indicator_id').select(['w.aantal', 'w.maand', 'i.code']).where('i.code', '=', '1.1.1').where('w.gebied', '=', gm).where('w.jaar', '=', jaar).execute();
    expect(await row('GM0225', 2018)).toEqual([{ aantal: null, maand: null, code: '1.1.1' }]);
    expect(await row('GM0252', 2018)).toEqual([{ aantal: null, maand: null, code: '1.1.1' }]);
    expect(await row('GM0209', 2018)).toEqual([{ aantal: 0, maand: null, code: '1.1.1' }]);
    const s = (await cijfers('indicator=1.1.1&gebied=tweestromenland&van=2018&tot=2019')).json() as Reeks;
    expect(s.reeks[0]!.aantal).toBeNull(); // one unknown part → unknown total
    // Months: 2019 has three months → a partial year of 27.
    const w = (await cijfers('indicator=1.1.1&gebied=GM0296&van=2018&tot=2019')).json() as Reeks;
    expect(w.reeks).toMatchObject([{ jaar: 2018, aantal: 112, deeljaar: false }, { jaar: 2019, aantal: 27, deeljaar: true }]);
    expect(w.indicator.naam).toBe('Diefstal/inbraak woning');
    // The dimension endpoint's titles replace fallback titles.
    const dim = await upload('47013NED-SoortMisdrijf.json', fixture('politie-47013NED-SoortMisdrijf.json').replace('"Cybercrime"', '"Cybercrime (digitaal)"'));
    expect(dim.statusCode, dim.body).toBe(201);
    expect(dim.json().titels).toEqual({ totaal: 2, hernoemd: 1 });
    expect(((await cijfers('indicator=3.7.4&gebied=GM0296')).json() as Reeks).indicator.naam).toBe('Cybercrime (digitaal)');
  });

  it('imports the police overlast shape, the CBS 83648NED CSV shape and E-codes', async () => {
    const o = await upload('47021NED.json', fixture('politie-47021NED-overlast.json'));
    expect(o.json()).toMatchObject({ soort: 'overlast', overgeslagen: 1, waarden: { totaal: 2 } });
    expect(((await cijfers('indicator=A10&gebied=GM0296')).json() as Reeks).indicator).toMatchObject({ eenheid: 'overlastregistraties', bron: 'politie' });

    const c = await upload('cbs-83648NED.csv', fixture('cbs-83648NED.csv'));
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json()).toMatchObject({ formaat: 'odata-csv', soort: 'cbs-misdrijven', tabel: '83648NED', overgeslagen: 1, waarden: { totaal: 3 } });
    const cbs = (await cijfers('indicator=T001161&bron=cbs&gebied=GM0296')).json() as Reeks;
    expect(cbs.indicator).toMatchObject({ bron: 'cbs', naam: 'Totaal misdrijven' });
    expect(cbs.reeks).toMatchObject([{ jaar: 2017, aantal: 1432 }]);
    expect(((await cijfers('indicator=T001161&bron=cbs&gebied=GM0209')).json() as Reeks).reeks[0]!.aantal).toBeNull();

    const e = await upload('ecodes.csv', fixture('politie-ecodes.csv'));
    expect(e.statusCode, e.body).toBe(201);
    expect(e.json()).toMatchObject({ formaat: 'ecode-csv', waarden: { totaal: 6 } });
    const e33 = (await cijfers('indicator=E33&gebied=GM0296')).json() as Reeks;
    expect(e33.indicator).toMatchObject({ bron: 'politie-incidenten', eenheid: 'incidenten', veld: 1 });
    expect(e33.reeks).toMatchObject([{ jaar: 2018, aantal: null, deeljaar: true }]); // March unknown
    expect(((await cijfers('indicator=E35&gebied=GM0225')).json() as Reeks).reeks).toMatchObject([{ jaar: 2018, aantal: 71, deeljaar: false }]);
  });

  it('imports the wijk/buurt tables 47018NED (CSV) and 47022NED (JSON) and overlast 47024NED (CSV), keeping only gemeente rows', async () => {
    const wijken = await upload('politie-47018NED-wijken.csv', fixture('politie-47018NED-wijken.csv'));
    expect(wijken.statusCode, wijken.body).toBe(201);
    expect(wijken.json()).toMatchObject({ formaat: 'odata-csv', soort: 'misdrijven', tabel: '47018NED', overgeslagen: 2, waarden: { totaal: 4, nieuw: 4 } });
    const w = (await cijfers('indicator=1.2.1&gebied=GM0296&van=2023&tot=2023')).json() as Reeks;
    expect(w.reeks).toMatchObject([{ jaar: 2023, aantal: 25, deeljaar: true }]);
    expect(((await cijfers('indicator=1.2.1&gebied=GM0209&van=2023&tot=2023')).json() as Reeks).reeks[0]!.aantal).toBeNull();

    const jaar = await upload('47022NED.json', fixture('politie-47022NED.json'));
    expect(jaar.statusCode, jaar.body).toBe(201);
    expect(jaar.json()).toMatchObject({ formaat: 'odata-json', soort: 'misdrijven', tabel: '47022NED', overgeslagen: 2, waarden: { totaal: 2 } });
    expect(((await cijfers('indicator=3.5.2&gebied=GM1945&van=2022&tot=2022')).json() as Reeks).reeks[0]).toMatchObject({ aantal: 58, deeljaar: false });

    const overlast = await upload('politie-47024NED-overlast.csv', fixture('politie-47024NED-overlast.csv'));
    expect(overlast.statusCode, overlast.body).toBe(201);
    expect(overlast.json()).toMatchObject({ formaat: 'odata-csv', soort: 'overlast', tabel: '47024NED', overgeslagen: 2, waarden: { totaal: 2 } });
    const a20 = (await cijfers('indicator=A20&gebied=GM0252&van=2021&tot=2021')).json() as Reeks;
    expect(a20.indicator).toMatchObject({ eenheid: 'overlastregistraties', bron: 'politie' });
    expect(a20.reeks[0]!.aantal).toBe(73);
    expect(((await cijfers('indicator=A20&gebied=GM0225&van=2021&tot=2021')).json() as Reeks).reeks[0]!.aantal).toBeNull();
  });

  it('attributes Groesbeek, Millingen and Ubbergen to Berg en Dal (2014: all three, 2015: Groesbeek)', async () => {
    const res = await upload('voorgangers.csv', fixture('voorgangers-berg-en-dal.csv').replace(/^1\.1\.1;/gm, '1.2.3;'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().waarden).toMatchObject({ totaal: 3, viaVoorgangers: 2 });
    const s = (await cijfers('indicator=1.2.3&gebied=GM1945')).json() as Reeks;
    expect(s.reeks.map((p) => [p.jaar, p.aantal])).toEqual([[2014, 78], [2015, 69], [2016, 64]]);
    const bad = await upload('voorgangers-fout.csv', 'soort_code;soort_omschrijving;gemeentecode;gemeente;jaar;aantal\n1.2.3;x;GM0296;Wijchen;2017;3\n1.2.3;x;GM0241;Groesbeek;2017;5\n1.2.3;x;GM0265;Millingen;2014;5\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { veld: 'regel 3', melding: expect.stringContaining('bestond in 2017 niet meer') },
      { veld: 'regel 4', melding: expect.stringContaining('GM0241, GM0282 ontbreken') },
    ]);
    expect((await cijfers('indicator=1.2.3&gebied=GM0241')).statusCode).toBe(404);
  });

  it('gives per-1,000 once population is imported (group: sum of counts ÷ sum of populations)', async () => {
    const res = await upload('03759ned.json', fixture('cbs-bevolking-03759ned.json'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ soort: 'bevolking', overgeslagen: 1, bevolking: { totaal: 12, nieuw: 12 } });
    const pop2014 = 18700 + 5900 + 9300 + 25400 + 18500 + 16400 + 18800 + 40800;
    const s = (await cijfers('indicator=0.0.0&gebied=tweestromenland&van=2014&tot=2018')).json() as Reeks;
    expect(s.reeks[0]).toMatchObject({ aantal: 5655, inwoners: pop2014 });
    expect(s.reeks[0]!.per1000).toBeCloseTo((5655 / pop2014) * 1000, 3);
    expect(s.reeks[1]!.per1000).toBeNull(); // no population for 2015
    const w = (await cijfers('indicator=0.0.0&gebied=GM1945&van=2014&tot=2014')).json() as Reeks;
    expect(w.reeks[0]).toMatchObject({ aantal: 1187, inwoners: 33900 });
    expect(w.reeks[0]!.per1000).toBeCloseTo((1187 / 33900) * 1000, 3);
    // CSV shape of another population table (1 January only).
    const csv = await upload('70072NED.csv', fixture('cbs-bevolking-70072NED.csv'));
    expect(csv.json()).toMatchObject({ soort: 'bevolking', overgeslagen: 1, bevolking: { totaal: 2 } });
    // Ranking of the six.
    const v = await t.app.inject({ method: 'GET', url: '/api/v1/veiligheidsbeeld/vergelijking?indicator=0.0.0&jaar=2018' });
    expect(v.statusCode, v.body).toBe(200);
    const cmp = v.json() as { rangschikkingOp: string; gemeenten: Array<{ code: string; rang: number | null; per1000: number | null }> };
    expect(cmp.rangschikkingOp).toBe('per1000');
    expect(cmp.gemeenten.map((g) => g.code).sort()).toEqual([...SIX].sort());
    expect(cmp.gemeenten[0]!.rang).toBe(1);
    const sorted = cmp.gemeenten.map((g) => g.per1000!);
    expect([...sorted].sort((a, b) => b - a)).toEqual(sorted);
  });

  it('answers 404 and 400 problems for unknown indicators, gebieden and bad years', async () => {
    for (const [q, status] of [
      ['indicator=9.9.9&gebied=GM0296', 404],
      ['indicator=0.0.0&gebied=GM9999', 404],
      ['indicator=0.0.0&gebied=nergens', 404],
      ['indicator=0.0.0&gebied=GM0296&van=2018&tot=2014', 400],
      ['indicator=0.0.0&gebied=GM0296&van=abcd', 400],
      ['indicator=0.0.0&gebied=GM0296&van=1800', 400],
      ['indicator=0.0.0&gebied=GM0296&basisjaar=2010&van=2014&tot=2018', 400],
      ['indicator=0.0.0', 400],
    ] as const) {
      const r = await cijfers(q);
      expect(r.statusCode, q).toBe(status);
      expect(String(r.headers['content-type']), q).toMatch(/^application\/problem\+json/);
    }
  });

  it('lists indicators with field and years, gebieden with history, datasets for staff', async () => {
    const ind = (await t.app.inject({ method: 'GET', url: '/api/v1/veiligheidsbeeld/indicatoren?bron=politie' })).json() as { indicatoren: Array<{ code: string; veld: number | null; jaren: { van: number; tot: number } | null }> };
    expect(ind.indicatoren.find((i) => i.code === '2.5.1')).toMatchObject({ veld: 2, jaren: { van: 2014, tot: 2018 } });
    const geb = (await t.app.inject({ method: 'GET', url: '/api/v1/veiligheidsbeeld/gebieden' })).json() as { gebieden: Array<{ code: string; leden: string[]; opvolger: string | null; geldigTot: string | null }> };
    expect(geb.gebieden[0]).toMatchObject({ code: 'tweestromenland', leden: SIX });
    expect(geb.gebieden.find((g) => g.code === 'GM0265')).toMatchObject({ opvolger: 'GM0241', geldigTot: '2015-01-01' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/veiligheidsbeeld/datasets' })).statusCode).toBe(401);
    const ds = await t.app.inject({ method: 'GET', url: '/api/v1/veiligheidsbeeld/datasets', headers: adviseur.headers });
    expect(ds.statusCode).toBe(200);
    const list = ds.json().datasets as Array<{ bestandsnaam: string; licentie: string }>;
    expect(list.filter((d) => d.bestandsnaam === 'ivp-bijlage-misdrijven.csv')).toHaveLength(1);
  });

  it('lets only the iv-coördinator, the beleidsadviseur and a scoped API key import', async () => {
    const inhoud = 'gemeentecode;jaar;inwoners\nGM0296;2013;40500\n';
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/veiligheidsbeeld/imports', payload: { bestandsnaam: 'b.csv', inhoud } })).statusCode).toBe(401);
    const hub = await login(t, await createUser(t, ['knooppuntmedewerker']));
    expect((await upload('b.csv', inhoud, {}, hub.headers)).statusCode).toBe(403);
    const iv = await login(t, await createUser(t, ['iv-coordinator']));
    expect((await upload('b.csv', inhoud, {}, iv.headers)).statusCode).toBe(201);
    const { key } = await createApiKeysService(t.deps).create(systemActor('test'), { naam: 'BI', scopes: ['veiligheidsbeeld:importeren'], organisatieCode: 'SV-TWS' }, { requestId: null, ipAddress: null });
    const viaKey = await t.app.inject({ method: 'POST', url: '/api/v1/veiligheidsbeeld/imports', headers: { authorization: `Bearer ${key}` }, payload: { bestandsnaam: 'b2.csv', inhoud: 'gemeentecode;jaar;inwoners\nGM0296;2012;40400\n' } });
    expect(viaKey.statusCode, viaKey.body).toBe(201);
    const audit = await t.deps.db.selectFrom('audit_regels').select('actie').where('actie', '=', 'veiligheidsbeeld.geimporteerd').execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it('shows own meldingen per month next to police figures, cells below 5 suppressed', async () => {
    const cat = await t.deps.db.selectFrom('meldingcategorieen').select('id').where('kanaal', '=', 'overlast').where('hoofdcategorie_id', 'is', null).orderBy('volgorde').executeTakeFirstOrThrow();
    const stub = (maand: string, n: number, gemeente = 'GM0296') => Array.from({ length: n }, () => ({ kanaal: 'overlast', categorie_id: cat.id, gemeente_code: gemeente, maand, uitkomst: 'afgehandeld' }));
    await t.deps.db.insertInto('melding_statistiek').values([...stub('2026-01', 3), ...stub('2026-02', 7), ...stub('2026-02', 2, 'GM0225')]).execute();
    await sql`INSERT INTO melding_statistiek (kanaal, categorie_id, gemeente_code, maand, uitkomst) VALUES ('ondermijning', ${cat.id}, 'GM0296', '2026-01', 'x')`.execute(t.deps.db);
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/veiligheidsbeeld/meldpunt?gebied=GM0296&van=2026-01&tot=2026-12' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().cellen).toEqual([
      { maand: '2026-01', categorie: cat.id, categorieNaam: expect.any(String), aantal: null, onderdrukt: true },
      { maand: '2026-02', categorie: cat.id, categorieNaam: expect.any(String), aantal: 7, onderdrukt: false },
    ]);
    const g = (await t.app.inject({ method: 'GET', url: '/api/v1/veiligheidsbeeld/meldpunt?gebied=tweestromenland&van=2026-01&tot=2026-12' })).json();
    expect(g.cellen.find((c: { maand: string }) => c.maand === '2026-02')).toMatchObject({ aantal: 9 });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/veiligheidsbeeld/meldpunt?gebied=GM0296&van=2026-13&tot=2026-12' })).statusCode).toBe(400);
  });
});

describe('veiligheidsbeeld backup', () => {
  it('backs up and restores the figures, and new indicators get fresh ids afterwards', async () => {
    expect((await upload('ivp-bijlage-misdrijven.csv', fixture('ivp-bijlage-misdrijven.csv'))).statusCode).toBeLessThan(300);
    expect((await upload('03759ned.json', fixture('cbs-bevolking-03759ned.json'))).statusCode).toBeLessThan(300);
    const file = path.join(t.deps.config.filesDir, 'vb-backup.jsonl.gz');
    await backup(t.deps.db, file);
    const fresh = await createTestPlatform();
    try {
      await restore(fresh.deps.db, file);
      const q = '/api/v1/veiligheidsbeeld/cijfers?indicator=0.0.0&gebied=tweestromenland&van=2014&tot=2018';
      const [a, b] = await Promise.all([t.app.inject({ method: 'GET', url: q }), fresh.app.inject({ method: 'GET', url: q })]);
      expect(b.json()).toEqual(a.json());
      const u = await login(fresh, await createUser(fresh, ['beleidsadviseur'], 'SV-TWS'));
      const res = await fresh.app.inject({ method: 'POST', url: '/api/v1/veiligheidsbeeld/imports', headers: u.headers, payload: { bestandsnaam: 'n.csv', inhoud: 'soort_code;soort_omschrijving;gemeentecode;gemeente;jaar;aantal\n9.9.9;Nieuw;GM0296;Wijchen;2018;4\n' } });
      expect(res.statusCode, res.body).toBe(201);
    } finally {
      await fresh.close();
    }
  });
});

describe('veiligheidsbeeld CLI (real process)', () => {
  let inst: Installation;
  beforeAll(async () => {
    inst = await createInstallation();
  });
  afterEach(() => killStartedProcesses());
  afterAll(async () => {
    killStartedProcesses();
    await inst?.cleanup();
  });

  it('imports a file, prints counts, checks consistency, and exits 1 naming the line of bad input', async () => {
    const ok = await runCli(inst, ['veiligheidsbeeld', 'import', path.join(FIXTURES, 'ivp-bijlage-misdrijven.csv')], { timeoutMs: 120_000 });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/225 nieuw, 0 gewijzigd, 0 ongewijzigd/);
    const again = await runCli(inst, ['veiligheidsbeeld', 'import', '--formaat', 'lang-csv', path.join(FIXTURES, 'ivp-bijlage-misdrijven.csv')], { timeoutMs: 120_000 });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/Niets gewijzigd: 225 waarden/);
    const check = await runCli(inst, ['veiligheidsbeeld', 'controleer'], { timeoutMs: 120_000 });
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/225 waarden, 225 jaarcijfers\.\nIn orde/);
    const bad = path.join(inst.dir, 'fout.csv');
    fs.writeFileSync(bad, 'soort_code;soort_omschrijving;gemeentecode;gemeente;jaar;aantal\n2.5.1;x;GM0296;Wijchen;2019;4\n2.5.1;x;GM0296;Wijchen;twintig;4\n');
    const fail = await runCli(inst, ['veiligheidsbeeld', 'import', bad], { timeoutMs: 120_000 });
    expect(fail.code).toBe(1);
    expect(fail.stderr).toMatch(/regel 3: Jaar "twintig" is ongeldig/);
  }, 300_000);
});
