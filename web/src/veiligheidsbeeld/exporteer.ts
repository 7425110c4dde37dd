// SPDX-License-Identifier: EUPL-1.2
// Downloads van een figuur: CSV (puntkomma, UTF-8 met BOM), XLSX (exceljs, pas geladen bij gebruik) en PNG.
import { csvGetal } from './format.js';

export interface FiguurData {
  /** Kop van de eerste kolom, bijv. "Jaar" of "Gemeente". */
  categorieKop: string;
  categorieen: string[];
  reeksen: { naam: string; waarden: (number | null)[] }[];
  decimalen: number;
}

export function bestandsnaam(titel: string, ext: string): string {
  const basis = titel
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${basis || 'cijfers'}.${ext}`;
}

export function download(blob: Blob, naam: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = naam;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function csvVeld(v: string): string {
  return /[";\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function naarCsv(data: FiguurData): string {
  const regels = [[data.categorieKop, ...data.reeksen.map((r) => r.naam)].map(csvVeld).join(';')];
  data.categorieen.forEach((c, i) => {
    regels.push([csvVeld(c), ...data.reeksen.map((r) => csvGetal(r.waarden[i] ?? null, data.decimalen))].join(';'));
  });
  return `\uFEFF${regels.join('\r\n')}\r\n`;
}

export function downloadCsv(data: FiguurData, titel: string): void {
  download(new Blob([naarCsv(data)], { type: 'text/csv;charset=utf-8' }), bestandsnaam(titel, 'csv'));
}

interface ExcelWorksheet {
  addRow(values: (string | number | null)[]): { font: unknown };
  getRow(n: number): { font: unknown };
  columns: { width?: number }[];
  getColumn(n: number): { numFmt: string; width?: number };
}
interface ExcelWorkbook {
  creator: string;
  addWorksheet(name: string): ExcelWorksheet;
  xlsx: { writeBuffer(): Promise<ArrayBuffer> };
}
type WorkbookCtor = new () => ExcelWorkbook;

export async function downloadXlsx(data: FiguurData, titel: string): Promise<void> {
  const mod = (await import('exceljs')) as unknown as { Workbook?: WorkbookCtor; default?: { Workbook: WorkbookCtor } };
  const Workbook = mod.Workbook ?? mod.default?.Workbook;
  if (!Workbook) throw new Error('exceljs niet beschikbaar');
  const wb = new Workbook();
  wb.creator = 'Knooppunt';
  const ws = wb.addWorksheet('Cijfers');
  ws.addRow([titel]);
  ws.getRow(1).font = { bold: true };
  ws.addRow([data.categorieKop, ...data.reeksen.map((r) => r.naam)]);
  ws.getRow(2).font = { bold: true };
  data.categorieen.forEach((c, i) => {
    const rij: (string | number | null)[] = [/^\d+$/.test(c) ? Number(c) : c, ...data.reeksen.map((r) => r.waarden[i] ?? null)];
    ws.addRow(rij);
  });
  for (let k = 2; k <= data.reeksen.length + 1; k++) {
    const col = ws.getColumn(k);
    col.numFmt = data.decimalen > 0 ? `#,##0.${'0'.repeat(data.decimalen)}` : '#,##0';
    col.width = 18;
  }
  ws.getColumn(1).width = 24;
  const buf = await wb.xlsx.writeBuffer();
  download(new Blob([buf], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), bestandsnaam(titel, 'xlsx'));
}

export function downloadPng(dataUrl: string, titel: string): void {
  const [kop, b64 = ''] = dataUrl.split(',');
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  download(new Blob([bytes], { type: kop?.includes('png') ? 'image/png' : 'application/octet-stream' }), bestandsnaam(titel, 'png'));
}
