// SPDX-License-Identifier: EUPL-1.2
// XLSX renderer of the appendix: a "Toelichting" sheet, then one sheet per Kernbeleid field with per
// indicator a title row (code, name), a header row (Gemeente, years, change), a row per gemeente, the
// Totaal row, a per-1,000 block when population is known, and a source line; last the sheet
// "Indeling" with the code → field mapping version in effect per indicator. Numbers are stored as
// numbers with a number format (Excel shows them with the reader's separators: 1.187 in Dutch);
// unknown cells hold the text "–", never 0.
import ExcelJS from 'exceljs';
import { BRON_NAAM, INDELING_BLAD, INDELING_TITEL, veldNaam, type Bijlage, type BijlageIndeling, type BijlageRij, type BijlageTabel } from './model.js';
import { bronRegel, datumNl } from './pdf.js';

export const NUMFMT_AANTAL = '#,##0';
export const NUMFMT_PER1000 = '#,##0.00';
export const NUMFMT_PROCENT = '0.0%';
export const NUMFMT_DATUM = 'dd-mm-yyyy';
export const ONBEKEND = '–';

const KOP_VULLING: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
export function bladnaam(s: string): string {
  return s.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
}

function blok(ws: ExcelJS.Worksheet, jaren: readonly number[], rijen: readonly BijlageRij[], totaal: BijlageRij, waarde: (r: BijlageRij, i: number) => number | null, numFmt: string) {
  const kop = ws.addRow(['Gemeente', ...jaren, `Verandering ${jaren[0]}–${jaren[jaren.length - 1]}`]);
  kop.font = { bold: true };
  kop.eachCell((c) => {
    c.fill = KOP_VULLING;
    c.border = { bottom: { style: 'thin' } };
  });
  for (const [r, vet] of [...rijen.map((x) => [x, false] as const), [totaal, true] as const]) {
    const row = ws.addRow([r.naam, ...jaren.map((_, i) => waarde(r, i) ?? ONBEKEND), r.veranderingProcent === null ? ONBEKEND : r.veranderingProcent / 100]);
    row.eachCell((c, col) => {
      if (col === 1) return;
      if (typeof c.value === 'number') c.numFmt = col === jaren.length + 2 ? NUMFMT_PROCENT : numFmt;
      else c.alignment = { horizontal: 'right' };
    });
    if (vet) {
      row.font = { bold: true };
      row.eachCell((c) => (c.border = { top: { style: 'thin' } }));
    }
  }
}

function bronRij(ws: ExcelJS.Worksheet, tekst: string) {
  const r = ws.addRow([tekst]);
  r.font = { italic: true, size: 9, color: { argb: 'FF555555' } };
}

function tabel(ws: ExcelJS.Worksheet, b: Bijlage, t: BijlageTabel) {
  const titel = ws.addRow([t.indicator.code, t.indicator.naam]);
  titel.font = { bold: true, size: 12 };
  ws.addRow([`Aantal ${t.indicator.eenheid} per gemeente, ${b.van}–${b.tot}`]).font = { italic: true, size: 9 };
  blok(ws, b.jaren, t.rijen, t.totaal, (r, i) => r.cellen[i]!.aantal, NUMFMT_AANTAL);
  const ontbreekt = b.gebied.leden.filter((g) => !t.rijen.some((r) => r.code === g.code)).map((g) => g.naam);
  bronRij(ws, `${bronRegel('Bron', t.bronnen)}${ontbreekt.length ? ` Niet in de bron (geen cijfers): ${ontbreekt.join(', ')}; het Totaal telt de geleverde gemeenten.` : ''}`);
  if (t.heeftPer1000) {
    ws.addRow([]);
    ws.addRow(['Per 1.000 inwoners', `${t.indicator.eenheid} per 1.000 inwoners, ${b.van}–${b.tot}`]).font = { bold: true };
    blok(ws, b.jaren, t.rijen, t.totaal, (r, i) => r.cellen[i]!.per1000, NUMFMT_PER1000);
    bronRij(ws, bronRegel('Inwoners', t.bevolkingsbronnen));
  }
  ws.addRow([]);
  ws.addRow([]);
}

/** ISO date or timestamp → a date cell (UTC midnight of that day, so Excel shows the same day). */
const datumCel = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** The sheet "Indeling": per source and code the field, themes and mapping version in effect. */
function indelingBlad(wb: ExcelJS.Workbook, indeling: BijlageIndeling) {
  const ws = wb.addWorksheet(INDELING_BLAD);
  const breedtes = [20, 10, 36, 7, 32, 22, 13, 13, 44];
  breedtes.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.addRow([INDELING_TITEL]).font = { bold: true, size: 14 };
  ws.addRow([`Per indicator in de bijlage het Kernbeleid-veld en de thema's volgens de indeling die op ${datumNl(indeling.peildatum)} gold; die indeling bepaalt de tabbladen per veld.`]);
  ws.addRow(['"Geldig vanaf": de datum vanaf wanneer die versie geldt. "Vastgesteld op": de datum waarop de gemeenten die versie vaststelden; "voorstel" is de standaardindeling van Knooppunt. Een code zonder veld telt alleen mee in de totalen.']);
  ws.addRow([]);
  const kop = ws.addRow(['Bron', 'Code', 'Indicator', 'Veld', 'Kernbeleid-veld', "Thema's", 'Geldig vanaf', 'Vastgesteld op', 'Opmerking']);
  kop.font = { bold: true };
  kop.eachCell((c) => {
    c.fill = KOP_VULLING;
    c.border = { bottom: { style: 'thin' } };
  });
  for (const r of indeling.regels) {
    const row = ws.addRow([
      BRON_NAAM[r.bron] ?? r.bron,
      r.code,
      r.naam,
      r.veld ?? ONBEKEND,
      veldNaam(r),
      r.tags.join(', '),
      r.geldigVan ? datumCel(r.geldigVan) : ONBEKEND,
      !r.ingedeeld ? ONBEKEND : r.vastgesteldOp ? datumCel(r.vastgesteldOp) : 'voorstel',
      r.opmerking,
    ]);
    row.eachCell((c) => {
      if (c.value instanceof Date) c.numFmt = NUMFMT_DATUM;
    });
    row.alignment = { vertical: 'top', wrapText: true };
  }
  ws.views = [{ state: 'frozen', ySplit: 5 }];
  ws.autoFilter = { from: { row: 5, column: 1 }, to: { row: 5 + indeling.regels.length, column: 9 } };
}

export async function renderXlsx(b: Bijlage): Promise<{ inhoud: Buffer; delen: number }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Knooppunt';
  wb.title = `${b.titel} – ${b.gebied.naam} ${b.van}–${b.tot}`;
  wb.created = new Date(b.gegenereerdOp);
  wb.modified = wb.created;

  const info = wb.addWorksheet('Toelichting');
  info.getColumn(1).width = 110;
  info.addRow([b.titel]).font = { bold: true, size: 14 };
  info.addRow([`${b.gebied.naam}, ${b.van}–${b.tot}. Gemeenten: ${b.gebied.leden.map((g) => g.naam).join(', ')}.`]);
  info.addRow([`Gemaakt op ${datumNl(b.gegenereerdOp)} met Knooppunt uit de geïmporteerde cijfers.`]);
  info.addRow(['Per Kernbeleid-veld een tabblad; per indicator een tabel gemeente × jaar met een Totaal-rij, en per 1.000 inwoners waar het inwonertal bekend is.']);
  if (b.indeling.regels.length) info.addRow([`Het tabblad "${INDELING_BLAD}" toont per code het veld en de thema's volgens de indeling die op ${datumNl(b.indeling.peildatum)} gold.`]);
  info.addRow(['"–" betekent onbekend of niet geleverd (nooit 0). Het Totaal is de som van de geleverde gemeenten; één onbekende waarde maakt het Totaal onbekend.']);
  info.addRow([]);
  for (const v of b.velden) info.addRow([`${v.veld === null ? '' : `Veld ${v.veld}: `}${v.naam}: ${v.tabellen.map((t) => `${t.indicator.code} ${t.indicator.naam}`).join('; ')}`]);
  if (!b.velden.length) info.addRow([`Er zijn geen cijfers voor ${b.van}–${b.tot}.`]);

  for (const v of b.velden) {
    const ws = wb.addWorksheet(bladnaam(v.veld === null ? v.naam : `${v.veld} ${v.naam}`));
    ws.getColumn(1).width = 26;
    for (let i = 0; i < b.jaren.length; i++) ws.getColumn(i + 2).width = 10;
    ws.getColumn(b.jaren.length + 2).width = 22;
    ws.addRow([v.veld === null ? v.naam : `Veld ${v.veld}: ${v.naam}`]).font = { bold: true, size: 14 };
    ws.addRow([]);
    for (const t of v.tabellen) tabel(ws, b, t);
  }
  if (b.indeling.regels.length) indelingBlad(wb, b.indeling);
  const buf = await wb.xlsx.writeBuffer();
  return { inhoud: Buffer.from(buf as ArrayBuffer), delen: wb.worksheets.length };
}
