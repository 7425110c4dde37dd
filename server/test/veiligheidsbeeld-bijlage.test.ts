// SPDX-License-Identifier: EUPL-1.2
// The appendix generator (issue §5): with the plan's own figures imported, the generated appendix
// reproduces every number of the plan's tables, totals included — in the data model the renderers
// consume, in the XLSX (parsed back) and in the PDF (uncompressed, text read back through the
// embedded font's ToUnicode map); the true minus sign drawn from the embedded font; the tagged-PDF
// basics (language, title, structure); the closing mapping section and sheet "Indeling";
// per-1,000 tables appear once population is imported; the HTTP download; the CLI as a real process.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from './helpers.js';
import { createInstallation, killStartedProcesses, runCli, type Installation } from './process-helpers.js';
import { systemActor } from '../src/platform/auth/actor.js';
import { createImportService } from '../src/modules/veiligheidsbeeld/import.service.js';
import { createBijlageService } from '../src/modules/veiligheidsbeeld/bijlage/bijlage.service.js';
import { FONT_PAKKET, renderPdf } from '../src/modules/veiligheidsbeeld/bijlage/pdf.js';
import { woffNaarSfnt } from '../src/modules/veiligheidsbeeld/bijlage/woff.js';
import { renderXlsx } from '../src/modules/veiligheidsbeeld/bijlage/xlsx.js';
import { INDELING_TITEL, type Bijlage, type BijlageTabel } from '../src/modules/veiligheidsbeeld/bijlage/model.js';
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

interface PdfObject {
  dict: string;
  /** Raw stream bytes as latin1 text (uncompressed PDFs only). */
  stream: string | null;
}

/** The objects of an uncompressed pdfkit PDF by number: dictionary text and stream. */
function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  for (const m of text.matchAll(/(?:^|\n)(\d+) 0 obj\n/g)) {
    const start = m.index + m[0].length;
    const body = text.slice(start, text.indexOf('\nendobj', start));
    const s = body.indexOf('\nstream\n');
    if (s < 0) {
      out.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, s);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    out.set(Number(m[1]), { dict, stream: body.slice(s + 8, s + 8 + length) });
  }
  return out;
}

const ref = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

/** UTF-16BE hex (a ToUnicode destination) → text. */
const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

/** A ToUnicode CMap (bfrange with arrays or a start destination, and bfchar) → code → text. */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      // A ligature's destination holds several UTF-16 units, written with spaces: <0066 0069> = "fi".
      if (m[3]!.startsWith('[')) [...m[3]!.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((d, i) => map.set(lo + i, utf16(d[1]!.replace(/\s+/g, ''))));
      else for (let c = lo; c <= hi; c++) map.set(c, utf16((parseInt(m[3]!.slice(1, -1), 16) + c - lo).toString(16).padStart(4, '0')));
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(parseInt(m[1]!, 16), utf16(m[2]!.replace(/\s+/g, '')));
  }
  return map;
}

interface PdfFont {
  baseFont: string;
  /** null for a simple (WinAnsi) font without ToUnicode. */
  unicode: Map<number, string> | null;
  /** The embedded TrueType program (FontFile2), as bytes. */
  fontFile2: Buffer | null;
}

/** Fonts by resource name (pdfkit names them F1, F2, … for the whole document). */
function pdfFonts(objects: Map<number, PdfObject>): Map<string, PdfFont> {
  const fonts = new Map<string, PdfFont>();
  for (const o of objects.values()) {
    for (const res of o.dict.matchAll(/\/Font <<([^>]*)>>/g)) {
      for (const m of res[1]!.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
        if (fonts.has(m[1]!)) continue;
        const font = objects.get(Number(m[2]))!.dict;
        const tu = ref(font, 'ToUnicode');
        const descendant = /\/DescendantFonts \[(\d+) 0 R\]/.exec(font);
        const descriptor = descendant ? ref(objects.get(Number(descendant[1]))!.dict, 'FontDescriptor') : ref(font, 'FontDescriptor');
        const ff2 = descriptor === null ? null : ref(objects.get(descriptor)!.dict, 'FontFile2');
        fonts.set(m[1]!, {
          baseFont: /\/BaseFont \/(\S+)/.exec(font)![1]!,
          unicode: tu === null ? null : toUnicode(objects.get(tu)!.stream!),
          fontFile2: ff2 === null ? null : Buffer.from(objects.get(ff2)!.stream!, 'latin1'),
        });
      }
    }
  }
  return fonts;
}

interface PdfRun {
  text: string;
  font: string;
  /** The glyph codes (Identity-H: two bytes each) or bytes (simple font) of the run. */
  codes: number[];
}

/**
 * Text runs of an uncompressed pdfkit PDF, one per TJ operator, in file order. An embedded font
 * writes glyph ids, not characters: they are turned back into text through the font's ToUnicode
 * CMap (the map PDF readers use for copy and search); a simple font's bytes as WinAnsi.
 */
function pdfTextRuns(pdf: Buffer): PdfRun[] {
  const objects = pdfObjects(pdf);
  const fonts = pdfFonts(objects);
  const win: Record<number, string> = { 0x96: '–', 0x97: '—', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”' };
  const runs: PdfRun[] = [];
  for (const o of objects.values()) {
    if (!o.stream || !/ Tf\n/.test(o.stream)) continue;
    let font = '';
    for (const m of o.stream.matchAll(/\/(F\d+) [\d.]+ Tf|\[((?:\s*<[0-9a-fA-F]*>\s*-?[\d.]*)+)\s*\]\s*TJ/g)) {
      if (m[1]) {
        font = m[1];
        continue;
      }
      const f = fonts.get(font)!;
      const hex = [...m[2]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!).join('');
      const codes = (hex.match(f.unicode ? /.{4}/g : /.{2}/g) ?? []).map((h) => parseInt(h, 16));
      const text = codes.map((c) => (f.unicode ? (f.unicode.get(c) ?? '\ufffd') : (win[c] ?? String.fromCharCode(c)))).join('');
      runs.push({ text, font, codes });
    }
  }
  return runs;
}

const pdfRuns = (pdf: Buffer): string[] => pdfTextRuns(pdf).map((r) => r.text);

/** Length of a glyph's outline in a TrueType program (0 = empty glyph, such as a space or .notdef in a subset). */
function glyphLength(ttf: Buffer, gid: number): number {
  const tables = new Map<string, number>();
  for (let i = 0; i < ttf.readUInt16BE(4); i++) tables.set(ttf.toString('latin1', 12 + 16 * i, 16 + 16 * i), ttf.readUInt32BE(12 + 16 * i + 8));
  const longLoca = ttf.readInt16BE(tables.get('head')! + 50) === 1;
  const loca = tables.get('loca')!;
  const at = (i: number) => (longLoca ? ttf.readUInt32BE(loca + 4 * i) : ttf.readUInt16BE(loca + 2 * i) * 2);
  return at(gid + 1) - at(gid);
}

/** A literal string object of the PDF (the Info values), UTF-16BE when it starts with a byte order mark. */
function pdfString(literal: string): string {
  const bytes: number[] = [];
  const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
  for (let i = 1; i < literal.length - 1; i++) {
    const c = literal[i]!;
    if (c !== '\\') {
      bytes.push(c.charCodeAt(0));
      continue;
    }
    const n = literal[++i]!;
    const oct = /^[0-7]{1,3}/.exec(literal.slice(i, i + 3));
    if (oct) {
      bytes.push(parseInt(oct[0], 8));
      i += oct[0].length - 1;
    } else bytes.push(esc[n] ?? n.charCodeAt(0));
  }
  const b = Buffer.from(bytes);
  return b[0] === 0xfe && b[1] === 0xff ? b.subarray(2).swap16().toString('utf16le') : b.toString('latin1');
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

interface IndelingRij {
  bron: unknown;
  veld: unknown;
  veldNaam: unknown;
  tags: unknown;
  /** ISO date of a date cell (with the date format), else the cell value. */
  geldigVan: unknown;
  vastgesteld: unknown;
  opmerking: unknown;
}

/** The sheet "Indeling": code → its row. */
async function leesIndeling(buf: Buffer): Promise<Map<string, IndelingRij>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Indeling');
  if (!ws) throw new Error('geen tabblad Indeling');
  const datum = (c: ExcelJS.Cell) => (c.value instanceof Date ? (expect(c.numFmt).toBe('dd-mm-yyyy'), c.value.toISOString().slice(0, 10)) : c.value);
  const out = new Map<string, IndelingRij>();
  let kop = false;
  ws.eachRow((row) => {
    const v = (i: number) => row.getCell(i).value;
    if (v(1) === 'Bron' && v(2) === 'Code') {
      kop = true;
      expect(row.values).toEqual([undefined, 'Bron', 'Code', 'Indicator', 'Veld', 'Kernbeleid-veld', "Thema's", 'Geldig vanaf', 'Vastgesteld op', 'Opmerking']);
      return;
    }
    if (!kop) return;
    out.set(String(v(2)), { bron: v(1), veld: v(4), veldNaam: v(5), tags: v(6), geldigVan: datum(row.getCell(7)), vastgesteld: datum(row.getCell(8)), opmerking: v(9) });
  });
  return out;
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
    expect(x.bladen).toEqual(['Toelichting', 'Totaal en niet ingedeeld', '1 Veilige woon- en leefomgeving', '2 Bedrijvigheid en veiligheid', '4 Fysieke veiligheid', 'Indeling']);
    expect(delen).toBe(6);
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

  it('adds the sheet "Indeling" with, per source and code, the field, themes and mapping version in effect', async () => {
    const { inhoud, delen } = await renderXlsx(bijlage);
    expect(delen).toBe(6);
    const rijen = await leesIndeling(inhoud);
    expect([...rijen.keys()].sort()).toEqual([...codes].sort());
    expect(rijen.get('2.4.1')).toMatchObject({ bron: 'Politie (misdrijven)', veld: 1, veldNaam: 'Veilige woon- en leefomgeving', tags: 'huiselijk-geweld', geldigVan: '2000-01-01', vastgesteld: 'voorstel' });
    expect(rijen.get('2.5.1')).toMatchObject({ veld: 2, veldNaam: 'Bedrijvigheid en veiligheid' });
    expect(rijen.get('2.6.4')).toMatchObject({ veld: 4, veldNaam: 'Fysieke veiligheid', tags: 'milieu', opmerking: 'Veld 5 bij drugsafvaldumping.' });
    expect(rijen.get('0.0.0')).toMatchObject({ veld: '–', veldNaam: 'Geen veld (telt alleen in totalen)', opmerking: 'Telt in alle velden als totaal.' });
    // The model the renderers share: one row per table, in the appendix's source and code order.
    expect(bijlage.indeling.regels.map((r) => r.code)).toEqual(bijlage.indeling.regels.map((r) => r.code).sort(new Intl.Collator('nl', { numeric: true }).compare));
    for (const t of bijlage.velden.flatMap((v) => v.tabellen)) expect(bijlage.indeling.regels.find((r) => r.code === t.indicator.code)?.veld, t.indicator.code).toBe(t.indicator.veld);
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
    // The true minus sign (U+2212), never a hyphen-minus.
    expect(runs).toContain('\u221221,8 %');
    expect(runs.filter((r) => /(^|\s)-\d/.test(r))).toEqual([]);
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
    // The closing section: the mapping of every code, e.g. 2.4.1 in field 1 by the default suggestion.
    expect(runs).toContain(INDELING_TITEL);
    const flat = runs.join('').replace(/\s+/g, '');
    const rij241 = ['Politie (misdrijven)', '2.4.1', 'Burengerucht (relatieproblemen)', '1 Veilige woon- en leefomgeving', 'huiselijk-geweld', '01-01-2000', 'voorstel', '–'];
    expect(flat).toContain(rij241.join('').replace(/\s+/g, ''));
    console.log(`[bijlage] PDF voor zes gemeenten (${codes.length} indicatoren, ${delen} pagina's): ${ms.toFixed(0)} ms renderen`);
  });

  it('embeds Noto Sans and prints the true minus sign (U+2212) and Dutch diacritics with real glyphs', async () => {
    const { inhoud } = await renderPdf(bijlage, { compress: false });
    const fonts = pdfFonts(pdfObjects(inhoud));
    // Only the two embedded subsets (no standard WinAnsi font), each with a TrueType program (FontFile2) and a ToUnicode map.
    expect([...fonts.values()].map((f) => f.baseFont.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
    for (const f of fonts.values()) {
      // A TrueType program: sfnt version 1.0 or 'true'.
      expect(['\u0000\u0001\u0000\u0000', 'true'], f.baseFont).toContain(f.fontFile2?.toString('latin1', 0, 4));
      expect(f.unicode, f.baseFont).not.toBeNull();
    }
    const runs = pdfTextRuns(inhoud);
    // No character fell back to .notdef (code 0 in a pdfkit subset): every one is in the font.
    expect(runs.filter((r) => r.codes.includes(0)).map((r) => r.text)).toEqual([]);
    // 0.0.0: Totaal 5.655 (2014) → 4.425 (2018) = −21,8 %, in the bold Totaal row.
    const negatief = runs.filter((r) => r.text === '\u221221,8 %');
    expect(negatief.length).toBeGreaterThan(0);
    const glyph = (r: PdfRun, ch: string) => {
      const f = fonts.get(r.font)!;
      const code = r.codes[[...r.text].indexOf(ch)]!;
      expect(f.unicode!.get(code)).toBe(ch);
      return { code, lengte: glyphLength(f.fontFile2!, code) };
    };
    for (const r of negatief) {
      const minus = glyph(r, '\u2212');
      // A drawn glyph (an outline in the embedded program), not the empty .notdef.
      expect(minus.code).toBeGreaterThan(0);
      expect(minus.lengte).toBeGreaterThan(0);
    }
    const bron = runs.find((r) => r.text.startsWith('Bron: '))!;
    expect(bron.text).toMatch(/geïmporteerd op/);
    expect(glyph(bron, 'ï').lengte).toBeGreaterThan(0);
    const intro = runs.find((r) => r.text.includes('één'));
    expect(intro && glyph(intro, 'é').lengte).toBeGreaterThan(0);
  });

  it('is a tagged PDF in Dutch with its title shown: language, title, structure, artifacts', async () => {
    const { inhoud, delen } = await renderPdf(bijlage, { compress: false });
    const objects = [...pdfObjects(inhoud).values()];
    const text = inhoud.toString('latin1');
    const catalog = objects.find((o) => /\/Type \/Catalog\b/.test(o.dict))!.dict;
    expect(catalog).toMatch(/\/Lang \(nl-NL\)/);
    expect(catalog).toMatch(/\/StructTreeRoot \d+ 0 R/);
    const byRef = (dict: string, key: string) => pdfObjects(inhoud).get(ref(dict, key)!)!.dict;
    expect(byRef(catalog, 'MarkInfo')).toMatch(/\/Marked true/);
    expect(byRef(catalog, 'ViewerPreferences')).toMatch(/\/DisplayDocTitle true/);
    const info = pdfObjects(inhoud).get(Number(/\/Info (\d+) 0 R/.exec(text)![1]))!.dict;
    expect(pdfString(byRef(info, 'Title').trim())).toBe('Bijlage: de cijfers en grafieken – Tweestromenland 2014–2018');
    // Structure: one H1, an H2 per field plus contents and mapping, an H3 per indicator table, a
    // Table per indicator plus the mapping table, a Figure with alternative text per chart.
    const structs = (type: string) => objects.filter((o) => new RegExp(`/S /${type}\\b`).test(o.dict));
    const tabellen = bijlage.velden.flatMap((v) => v.tabellen).length;
    expect(structs('H1')).toHaveLength(1);
    expect(structs('H2')).toHaveLength(bijlage.velden.length + 2);
    expect(structs('H3')).toHaveLength(tabellen);
    expect(structs('Table')).toHaveLength(tabellen + 1);
    expect(structs('Figure')).toHaveLength(tabellen);
    for (const f of structs('Figure')) expect(pdfString(/\/Alt (\((?:\\[\s\S]|[^\\)])*\))/.exec(f.dict)![1]!)).toBe('Staafdiagram: aantal misdrijven per gemeente per jaar, 2014–2018. De cijfers staan in de tabel hierboven.');
    // Column headers carry their scope; the gemeente is the row header.
    expect(structs('TH').filter((o) => /\/Scope \/Column/.test(o.dict)).length).toBeGreaterThanOrEqual(tabellen * 7);
    expect(structs('TH').filter((o) => /\/Scope \/Row/.test(o.dict)).length).toBeGreaterThan(tabellen);
    // The footer of every page is a pagination artifact, outside the structure.
    expect(text.match(/\/Artifact <<\n\/Type \/Pagination\n>> BDC/g)).toHaveLength(delen);
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

describe('veiligheidsbeeld appendix: the mapping in effect', () => {
  it('groups by the version in effect today (not a future one) and shows its date, but not who set it', async () => {
    await t.deps.db
      .insertInto('vb_indeling')
      .values([
        { bron: 'politie', code: '2.5.2', geldig_van: '2020-01-01', veld: 1, tags: ['winkelcriminaliteit'], opmerking: 'Vastgesteld in het driehoeksoverleg.', vastgesteld_door: 'b.adviseur@gemeente.example', vastgesteld_op: new Date('2026-03-10T09:00:00Z') },
        { bron: 'politie', code: '2.5.2', geldig_van: '2999-01-01', veld: 5, tags: [], opmerking: 'Een toekomstige versie.', vastgesteld_door: null, vastgesteld_op: null },
      ])
      .execute();
    try {
      const b = await createBijlageService(t.deps).verzamel({ van: 2014, tot: 2018 });
      expect(tabel(b, '2.5.2').indicator.veld).toBe(1);
      expect(b.velden.find((v) => v.veld === 1)!.tabellen.map((x) => x.indicator.code)).toContain('2.5.2');
      expect(b.indeling.regels.find((r) => r.code === '2.5.2')).toEqual({
        bron: 'politie', code: '2.5.2', naam: 'Winkeldiefstal', ingedeeld: true, veld: 1, tags: ['winkelcriminaliteit'], geldigVan: '2020-01-01', vastgesteldOp: '2026-03-10T09:00:00.000Z', opmerking: 'Vastgesteld in het driehoeksoverleg.',
      });
      expect(b.indeling.regels.find((r) => r.code === '2.5.1')).toMatchObject({ veld: 2, geldigVan: '2000-01-01', vastgesteldOp: null });

      const rijen = await leesIndeling((await renderXlsx(b)).inhoud);
      expect(rijen.get('2.5.2')).toMatchObject({ veld: 1, veldNaam: 'Veilige woon- en leefomgeving', tags: 'winkelcriminaliteit', geldigVan: '2020-01-01', vastgesteld: '2026-03-10' });
      const pdf = await renderPdf(b, { compress: false });
      const flat = pdfRuns(pdf.inhoud).join('').replace(/\s+/g, '');
      expect(flat).toContain(['Politie (misdrijven)', '2.5.2', 'Winkeldiefstal', '1 Veilige woon- en leefomgeving', 'winkelcriminaliteit', '01-01-2020', '10-03-2026', 'Vastgesteld in het driehoeksoverleg.'].join('').replace(/\s+/g, ''));
      // The appendix is public: the staff member who set the version is not in it.
      expect(flat).not.toContain('adviseur');
      expect(JSON.stringify(b)).not.toContain('adviseur');
    } finally {
      await t.deps.db.deleteFrom('vb_indeling').where('bron', '=', 'politie').where('code', '=', '2.5.2').where('geldig_van', 'in', ['2020-01-01', '2999-01-01']).execute();
    }
  });
});

describe('veiligheidsbeeld appendix: the font', () => {
  it('unpacks the WOFF files to TrueType with every table intact (checksums as in the WOFF directory)', () => {
    const require = createRequire(import.meta.url);
    for (const bestand of ['noto-sans-latin-400-normal.woff', 'noto-sans-latin-700-normal.woff']) {
      const woff = fs.readFileSync(require.resolve(`${FONT_PAKKET}/files/${bestand}`));
      const ttf = woffNaarSfnt(woff);
      expect(ttf.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
      const n = ttf.readUInt16BE(4);
      expect(n).toBe(woff.readUInt16BE(12));
      const checksums = new Map<string, number>();
      for (let i = 0; i < n; i++) checksums.set(woff.toString('latin1', 44 + 20 * i, 48 + 20 * i), woff.readUInt32BE(44 + 20 * i + 16));
      let vorige = '';
      for (let i = 0; i < n; i++) {
        const r = 12 + 16 * i;
        const tag = ttf.toString('latin1', r, r + 4);
        expect(tag > vorige, `${bestand}: tabellen op volgorde`).toBe(true);
        vorige = tag;
        const offset = ttf.readUInt32BE(r + 8);
        expect(offset % 4).toBe(0);
        const data = Buffer.from(ttf.subarray(offset, offset + ((ttf.readUInt32BE(r + 12) + 3) & ~3)));
        if (tag === 'head') data.writeUInt32BE(0, 8); // checkSumAdjustment is left out of the head checksum
        let som = 0;
        for (let k = 0; k < data.length; k += 4) som = (som + data.readUInt32BE(k)) >>> 0;
        expect(som, `${bestand}: ${tag}`).toBe(checksums.get(tag));
        expect(ttf.readUInt32BE(r + 4)).toBe(checksums.get(tag));
      }
    }
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
