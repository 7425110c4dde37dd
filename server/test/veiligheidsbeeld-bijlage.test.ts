// SPDX-License-Identifier: EUPL-1.2
// The appendix generator (issue §5): with the plan's own figures imported, the generated appendix
// reproduces every number of the plan's tables, totals included — in the data model the renderers
// consume, in the XLSX (parsed back) and in the PDF (uncompressed, text searched); per-1,000 tables
// appear once population is imported; the HTTP download; the CLI as a real process.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from './helpers.js';
import { createInstallation, killStartedProcesses, runCli, type Installation } from './process-helpers.js';
import { systemActor } from '../src/platform/auth/actor.js';
import { createImportService } from '../src/modules/veiligheidsbeeld/import.service.js';
import { createBijlageService } from '../src/modules/veiligheidsbeeld/bijlage/bijlage.service.js';
import { renderPdf } from '../src/modules/veiligheidsbeeld/bijlage/pdf.js';
import { renderXlsx } from '../src/modules/veiligheidsbeeld/bijlage/xlsx.js';
import type { Bijlage, BijlageTabel } from '../src/modules/veiligheidsbeeld/bijlage/model.js';
import { formatteerAantal, formatteerDecimaal } from '../src/modules/veiligheidsbeeld/domain/formatteer.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'veiligheidsbeeld');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const JAREN = [2014, 2015, 2016, 2017, 2018];

function parseCsv(text: string): Array<Record<string, string>> {
  const [head, ...lines] = text.trim().split(/\r?\n/);
  const cols = head!.split(';');
  return lines.map((l) => Object.fromEntries(l.split(';').map((v, i) => [cols[i]!, v])));
}

const plan = parseCsv(fixture('ivp-bijlage-misdrijven.csv'));
const totalen = parseCsv(fixture('ivp-bijlage-totalen.csv'));
const codes = [...new Set(plan.map((r) => r.soort_code!))];

/** Text runs of an uncompressed pdfkit PDF: one per TJ operator (WinAnsi hex strings). */
function pdfRuns(pdf: Buffer): string[] {
  const win: Record<number, string> = { 0x96: '–', 0x97: '—', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”' };
  const runs: string[] = [];
  for (const m of pdf.toString('latin1').matchAll(/\[((?:\s*<[0-9a-fA-F]*>\s*-?[\d.]*)+)\s*\]\s*TJ/g)) {
    runs.push([...m[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => [...Buffer.from(h[1]!, 'hex')].map((c) => win[c] ?? String.fromCharCode(c)).join('')).join(''));
  }
  return runs;
}

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;

function containsSequence(runs: readonly string[], seq: readonly string[]): boolean {
  outer: for (let i = 0; i + seq.length <= runs.length; i++) {
    for (let j = 0; j < seq.length; j++) if (runs[i + j] !== seq[j]) continue outer;
    return true;
  }
  return false;
}

function tabel(b: Bijlage, code: string): BijlageTabel {
  const t = b.velden.flatMap((v) => v.tabellen).find((x) => x.indicator.code === code && x.indicator.bron === 'politie');
  if (!t) throw new Error(`geen tabel voor ${code}`);
  return t;
}

interface XlsxCel {
  value: unknown;
  numFmt: string | undefined;
}

/** Reads the count blocks back: `${code}|${row label}|${year}` → cell. */
async function leesXlsx(buf: Buffer): Promise<{ cellen: Map<string, XlsxCel>; per1000: Map<string, XlsxCel>; bladen: string[]; bronregels: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const cellen = new Map<string, XlsxCel>();
  const per1000 = new Map<string, XlsxCel>();
  const bronregels: string[] = [];
  for (const ws of wb.worksheets.slice(1)) {
    let code: string | null = null;
    let doel = cellen;
    let jaarKolom = new Map<number, number>();
    ws.eachRow((row) => {
      const a = row.getCell(1).value;
      if (typeof a === 'string' && codes.includes(a) && typeof row.getCell(2).value === 'string') {
        code = a;
        doel = cellen;
        return;
      }
      if (a === 'Per 1.000 inwoners') {
        doel = per1000;
        return;
      }
      if (typeof a === 'string' && a.startsWith('Bron: ')) bronregels.push(a);
      if (!code) return;
      if (a === 'Gemeente') {
        jaarKolom = new Map();
        row.eachCell((c, col) => {
          if (typeof c.value === 'number') jaarKolom.set(c.value, col);
        });
        return;
      }
      if (typeof a === 'string' && jaarKolom.size) {
        for (const [j, col] of jaarKolom) {
          const c = row.getCell(col);
          doel.set(`${code}|${a}|${j}`, { value: c.value, numFmt: c.numFmt });
        }
        if (a === 'Totaal') jaarKolom = new Map();
      }
    });
  }
  return { cellen, per1000, bladen: wb.worksheets.map((w) => w.name), bronregels };
}

let t: TestPlatform;
let bijlage: Bijlage;

beforeAll(async () => {
  t = await createTestPlatform();
  const r = await createImportService(t.deps).importeer(systemActor('test'), { bestandsnaam: 'ivp-bijlage-misdrijven.csv', inhoud: fixture('ivp-bijlage-misdrijven.csv') }, { requestId: null, ipAddress: null });
  expect(r.waarden.nieuw).toBe(225);
  bijlage = await createBijlageService(t.deps).verzamel({ van: 2014, tot: 2018 });
});
afterAll(async () => t?.close());

describe('veiligheidsbeeld appendix: the data model', () => {
  it('has every gemeente × year cell of the plan and every Totaal, grouped by Kernbeleid field', () => {
    expect(bijlage.jaren).toEqual(JAREN);
    expect(bijlage.gebied).toMatchObject({ code: 'tweestromenland', naam: 'Tweestromenland' });
    expect(bijlage.velden.map((v) => v.veld)).toEqual([null, 1, 2, 4]);
    expect(tabel(bijlage, '2.5.1').indicator.veld).toBe(2);
    expect(bijlage.velden.flatMap((v) => v.tabellen.map((x) => x.indicator.code)).sort()).toEqual([...codes].sort());
    // Natural order within a field: 2.6.1, 2.6.2, 2.6.4, 2.6.8, 2.6.13.
    expect(bijlage.velden.find((v) => v.veld === 4)!.tabellen.map((x) => x.indicator.code)).toEqual(['2.6.1', '2.6.2', '2.6.4', '2.6.8', '2.6.13']);

    let cellen = 0;
    for (const r of plan) {
      const rij = tabel(bijlage, r.soort_code!).rijen.find((x) => x.code === r.gemeentecode);
      expect(rij?.cellen.find((c) => c.jaar === Number(r.jaar))?.aantal, `${r.soort_code} ${r.gemeentecode} ${r.jaar}`).toBe(Number(r.aantal));
      cellen++;
    }
    expect(cellen).toBe(225);
    // Nothing beyond the plan: every known cell of a gemeente row comes from the plan.
    const known = bijlage.velden.flatMap((v) => v.tabellen.flatMap((x) => x.rijen.flatMap((r) => r.cellen.filter((c) => c.aantal !== null))));
    expect(known).toHaveLength(225);
    for (const r of totalen) expect(tabel(bijlage, r.soort_code!).totaal.cellen.find((c) => c.jaar === Number(r.jaar))?.aantal, `Totaal ${r.soort_code} ${r.jaar}`).toBe(Number(r.totaal_tweestromenland));
    expect(totalen).toHaveLength(50);

    // Gemeenten without figures for an indicator are left out (as in the plan), not shown as 0.
    expect(tabel(bijlage, '2.4.1').rijen.map((r) => r.naam)).toEqual(['Berg en Dal', 'Druten', 'Wijchen']);
    expect(tabel(bijlage, '0.0.0').totaal.veranderingProcent).toBeCloseTo(-21.75, 1);
    expect(tabel(bijlage, '0.0.0').bronnen[0]).toMatchObject({ bestandsnaam: 'ivp-bijlage-misdrijven.csv', licentie: 'CC BY 4.0' });
    expect(bijlage.velden.every((v) => v.tabellen.every((x) => !x.heeftPer1000))).toBe(true);
  });
});

describe('veiligheidsbeeld appendix: the files', () => {
  it('writes an XLSX with one sheet per field and every number of the plan in its cell, as a number', async () => {
    const { inhoud, delen } = await renderXlsx(bijlage);
    expect(inhoud.subarray(0, 2).toString()).toBe('PK');
    const x = await leesXlsx(inhoud);
    expect(x.bladen).toEqual(['Toelichting', 'Totaal en niet ingedeeld', '1 Veilige woon- en leefomgeving', '2 Bedrijvigheid en veiligheid', '4 Fysieke veiligheid']);
    expect(delen).toBe(5);
    const naam = new Map(bijlage.gebied.leden.map((g) => [g.code, g.naam]));
    for (const r of plan) {
      const c = x.cellen.get(`${r.soort_code}|${naam.get(r.gemeentecode!)}|${r.jaar}`);
      expect(c?.value, `${r.soort_code} ${r.gemeentecode} ${r.jaar}`).toBe(Number(r.aantal));
      expect(c?.numFmt).toBe('#,##0');
    }
    for (const r of totalen) expect(x.cellen.get(`${r.soort_code}|Totaal|${r.jaar}`)?.value, `Totaal ${r.soort_code} ${r.jaar}`).toBe(Number(r.totaal_tweestromenland));
    expect(x.bronregels.length).toBe(codes.length);
    expect(x.bronregels[0]).toMatch(/^Bron: .*ivp-bijlage-misdrijven\.csv, geïmporteerd op \d\d-\d\d-\d{4}, licentie CC BY 4\.0/);
    expect(x.per1000.size).toBe(0);
  });

  it('writes a valid PDF with the plan tables in Dutch number format, page numbers and source lines', async () => {
    const start = performance.now();
    const { inhoud, delen } = await renderPdf(bijlage, { compress: false });
    const ms = performance.now() - start;
    expect(inhoud.subarray(0, 5).toString()).toBe('%PDF-');
    expect(inhoud.subarray(-6).toString()).toMatch(/%%EOF/);
    expect(pageCount(inhoud)).toBe(delen);
    expect(delen).toBeGreaterThan(4);
    const runs = pdfRuns(inhoud);
    for (let p = 1; p <= delen; p++) expect(runs, `Pagina ${p}`).toContain(`Pagina ${p} van ${delen}`);
    expect(runs).toContain('1.187');
    expect(runs).toContain('-21,8 %');
    // Every table row of the plan, in order: gemeente, the five years (Dutch format).
    const naam = new Map(bijlage.gebied.leden.map((g) => [g.code, g.naam]));
    for (const code of codes) {
      const rows = plan.filter((r) => r.soort_code === code);
      for (const gm of new Set(rows.map((r) => r.gemeentecode!))) {
        const seq = [naam.get(gm)!, ...JAREN.map((j) => formatteerAantal(Number(rows.find((r) => r.gemeentecode === gm && Number(r.jaar) === j)!.aantal)))];
        expect(containsSequence(runs, seq), `${code}: ${seq.join(' ')}`).toBe(true);
      }
      const tot = ['Totaal', ...JAREN.map((j) => formatteerAantal(Number(totalen.find((r) => r.soort_code === code && Number(r.jaar) === j)!.totaal_tweestromenland)))];
      expect(containsSequence(runs, tot), `${code}: ${tot.join(' ')}`).toBe(true);
    }
    expect(runs.filter((r) => r.startsWith('Bron: ')).length).toBe(codes.length);
    expect(runs.find((r) => r.startsWith('Bron: '))).toMatch(/licentie CC BY 4\.0/);
    expect(runs).toContain('Veld 2: Bedrijvigheid en veiligheid');
    console.log(`[bijlage] PDF voor zes gemeenten (${codes.length} indicatoren, ${delen} pagina's): ${ms.toFixed(0)} ms renderen`);
  });

  it('adds per-1,000 tables and charts once population is imported; unknown values are "–", never 0', async () => {
    const r = await createImportService(t.deps).importeer(systemActor('test'), { bestandsnaam: '03759ned.json', inhoud: fixture('cbs-bevolking-03759ned.json') }, { requestId: null, ipAddress: null });
    expect(r.bevolking.nieuw).toBeGreaterThan(0);
    const start = performance.now();
    const b = await createBijlageService(t.deps).verzamel({ van: '2014', tot: '2018' });
    const verzamelMs = performance.now() - start;
    const tot = tabel(b, '0.0.0');
    expect(tot.heeftPer1000).toBe(true);
    const pop2014 = 18700 + 5900 + 9300 + 25400 + 18500 + 16400 + 18800 + 40800;
    expect(tot.totaal.cellen[0]!.per1000).toBeCloseTo((5655 / pop2014) * 1000, 6);
    expect(tot.rijen[0]!.cellen[0]!.per1000).toBeCloseTo((1187 / 33900) * 1000, 6);
    expect(tot.totaal.cellen[1]!.per1000).toBeNull();
    expect(tot.bevolkingsbronnen.length).toBeGreaterThan(0);
    // 2.4.1 has rows for three gemeenten only: no per-1,000 for the Totaal.
    expect(tabel(b, '2.4.1').totaal.cellen[0]!.per1000).toBeNull();

    const x = await leesXlsx((await renderXlsx(b)).inhoud);
    const c = x.per1000.get('0.0.0|Berg en Dal|2014');
    expect(c?.value).toBeCloseTo((1187 / 33900) * 1000, 6);
    expect(c?.numFmt).toBe('#,##0.00');
    expect(x.per1000.get('0.0.0|Berg en Dal|2015')?.value).toBe('–');
    expect(x.per1000.get('2.4.1|Totaal|2014')?.value).toBe('–');
    // The counts are unchanged.
    for (const r of totalen) expect(x.cellen.get(`${r.soort_code}|Totaal|${r.jaar}`)?.value).toBe(Number(r.totaal_tweestromenland));

    const pdfStart = performance.now();
    const pdf = await renderPdf(b, { compress: false });
    const pdfMs = performance.now() - pdfStart;
    const runs = pdfRuns(pdf.inhoud);
    expect(runs).toContain('0.0.0 Totaal misdrijven: per 1.000 inwoners');
    // 2015–2017 have no population: "–"; 2018 does.
    expect(containsSequence(runs, ['Berg en Dal', '35,01', '–', '–', '–', formatteerDecimaal(tot.rijen[0]!.cellen[4]!.per1000, 2)])).toBe(true);
    expect(tot.rijen[0]!.cellen[4]!.per1000).not.toBeNull();
    expect(pageCount(pdf.inhoud)).toBe(pdf.delen);
    console.log(`[bijlage] met inwoners: verzamelen ${verzamelMs.toFixed(0)} ms, PDF ${pdfMs.toFixed(0)} ms, ${pdf.delen} pagina's (doel < 5 s)`);
  });
});

describe('veiligheidsbeeld appendix: HTTP', () => {
  it('downloads the appendix as PDF and XLSX without login, with Content-Disposition', async () => {
    const pdf = await t.app.inject({ method: 'GET', url: '/api/v1/veiligheidsbeeld/bijlage?van=2014&tot=2018&formaat=pdf' });
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="bijlage-veiligheidsbeeld-tweestromenland-2014-2018.pdf"');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.headers['cache-control']).toBe('no-store');
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/v1/veiligheidsbeeld/bijlage?van=2014&tot=2018&formaat=xlsx' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toMatch(/filename="bijlage-veiligheidsbeeld-tweestromenland-2014-2018\.xlsx"/);
    const x = await leesXlsx(xlsx.rawPayload);
    expect(x.cellen.get('0.0.0|Totaal|2014')?.value).toBe(5655);
  });

  it('answers 400 problems for a bad format or period', async () => {
    for (const q of ['van=2014&tot=2018&formaat=docx', 'van=2014&tot=2018', 'van=2018&tot=2014&formaat=pdf', 'van=14&formaat=pdf', 'van=1990&tot=2018&formaat=pdf', 'van=2014&formaat=pdf&extra=1']) {
      const r = await t.app.inject({ method: 'GET', url: `/api/v1/veiligheidsbeeld/bijlage?${q}` });
      expect(r.statusCode, q).toBe(400);
      expect(String(r.headers['content-type']), q).toMatch(/^application\/problem\+json/);
    }
  });
});

describe('veiligheidsbeeld appendix: CLI (real process)', () => {
  let inst: Installation;
  beforeAll(async () => {
    inst = await createInstallation();
  });
  afterEach(() => killStartedProcesses());
  afterAll(async () => {
    killStartedProcesses();
    await inst?.cleanup();
  });

  it('writes a PDF and an XLSX after importing the plan figures', async () => {
    const imp = await runCli(inst, ['veiligheidsbeeld', 'import', path.join(FIXTURES, 'ivp-bijlage-misdrijven.csv')], { timeoutMs: 120_000 });
    expect(imp.code, imp.stderr).toBe(0);
    const pdfPath = path.join(inst.dir, 'bijlage.pdf');
    const pdf = await runCli(inst, ['veiligheidsbeeld', 'bijlage', '--van', '2014', '--tot', '2018', '--uitvoer', pdfPath], { timeoutMs: 120_000 });
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(pdf.stdout).toMatch(/Bijlage 2014–2018 geschreven naar .*bijlage\.pdf: 10 tabellen in 4 velden, \d+ pagina's/);
    const buf = fs.readFileSync(pdfPath);
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(buf)).toBeGreaterThan(4);
    const xlsxPath = path.join(inst.dir, 'bijlage.xlsx');
    const xlsx = await runCli(inst, ['veiligheidsbeeld', 'bijlage', '--van', '2014', '--tot', '2018', '--uitvoer', xlsxPath], { timeoutMs: 120_000 });
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const x = await leesXlsx(fs.readFileSync(xlsxPath));
    for (const r of totalen) expect(x.cellen.get(`${r.soort_code}|Totaal|${r.jaar}`)?.value).toBe(Number(r.totaal_tweestromenland));
    const bad = await runCli(inst, ['veiligheidsbeeld', 'bijlage', '--uitvoer', path.join(inst.dir, 'bijlage.docx')], { timeoutMs: 120_000 });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/\.pdf of \.xlsx/);
    console.log(`[bijlage] CLI als proces: PDF ${pdf.ms} ms, XLSX ${xlsx.ms} ms (inclusief opstarten en database openen); ${pdf.stdout.trim()}`);
  }, 300_000);
});
