// SPDX-License-Identifier: EUPL-1.2
// Readers for the accepted file shapes (pure: text in, rows out). Every problem is reported with
// its line number in Dutch; nothing is skipped silently except rows that are out of scope by
// design (non-gemeente regions, quarters, population rows that are not totals), which are counted.
//
// Accepted formats (see docs/api.md "Veiligheidsbeeld"):
//  - lang-csv      soort_code;soort_omschrijving;gemeentecode;gemeente;jaar;aantal  (optional column maand)
//  - ecode-csv     ecode;omschrijving;gemeentecode;gemeente;jaar;maand;aantal       (omschrijving, gemeente, maand optional)
//  - bevolking-csv gemeentecode;gemeente;jaar;inwoners                               (gemeente optional)
//  - odata-json    {"value":[{…}]} or a bare array, CBS/police OData v3/v4 rows
//  - odata-csv     the same rows as the CBS "Onbewerkte dataset" CSV ("ID";"SoortMisdrijf";…)
// OData row shapes: police misdrijven (SoortMisdrijf + GeregistreerdeMisdrijven_1: 47013NED,
// 47018NED, 47022NED), police overlast (Overlast + GeregistreerdeOverlast_1: 47021NED, 47024NED),
// CBS misdrijven (SoortMisdrijf + TotaalGeregistreerdeMisdrijven_1: 83648NED), CBS population
// (RegioS + Perioden + TotaleBevolking_1 | BevolkingOp1Januari_1 | BevolkingAanHetBeginVanDePeriode_1
// | BevolkingOpDeEersteVanDeMaand_1), and dimension lists ({Key, Title}) that set indicator titles.
import type { Bron, Eenheid } from './catalogus.js';
import { leesCsv, type CsvRij } from './csv.js';
import { normaliseerGemeentecode } from './gebieden.js';
import { jsonFoutPositie } from './json-positie.js';

export const FORMATEN = ['lang-csv', 'ecode-csv', 'bevolking-csv', 'odata-json', 'odata-csv'] as const;
export type Formaat = (typeof FORMATEN)[number];

export type Soort = 'misdrijven' | 'overlast' | 'cbs-misdrijven' | 'incidenten' | 'bevolking' | 'dimensie';

export interface RuwWaarde {
  regel: number;
  bron: Bron;
  eenheid: Eenheid;
  code: string;
  naam: string | null;
  gemeente: string;
  gemeenteNaam: string | null;
  jaar: number;
  maand: number | null;
  aantal: number | null;
}

export interface RuweBevolking {
  regel: number;
  gemeente: string;
  gemeenteNaam: string | null;
  jaar: number;
  aantal: number | null;
}

export interface Titel {
  bron: Bron;
  code: string;
  naam: string;
}

export interface Fout {
  regel: number | null;
  melding: string;
}

export interface Gelezen {
  formaat: Formaat;
  soort: Soort;
  bron: Bron;
  /** CBS/police table id (e.g. 47013NED) when it could be determined. */
  tabel: string | null;
  licentie: string;
  waarden: RuwWaarde[];
  bevolking: RuweBevolking[];
  titels: Titel[];
  /** Data rows read (header excluded). */
  regels: number;
  /** Rows out of scope by design (regions other than gemeenten, quarters, non-total population rows). */
  overgeslagen: number;
  fouten: Fout[];
}

export const MAX_FOUTEN = 50;
const MAX_AANTAL = 2_147_483_647;
const LICENTIE_OPEN_DATA = 'CC BY 4.0';

// ---------- values ----------

export type AantalUitkomst = { ok: true; waarde: number | null } | { ok: false; melding: string };

/** '' '.' 'x' '?' null → unknown (suppressed); '-' → 0 (CBS "nihil"); else a non-negative integer. */
export function leesAantal(v: unknown): AantalUitkomst {
  if (v === null || v === undefined) return { ok: true, waarde: null };
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 0 && v <= MAX_AANTAL) return { ok: true, waarde: v };
    return { ok: false, melding: `Aantal ${v} is geen geheel getal van 0 of meer.` };
  }
  if (typeof v !== 'string') return { ok: false, melding: 'Aantal is geen getal.' };
  const s = v.trim();
  if (s === '' || s === '.' || s.toLowerCase() === 'x' || s === '?') return { ok: true, waarde: null };
  if (s === '-') return { ok: true, waarde: 0 };
  if (!/^\d+$/.test(s) || Number(s) > MAX_AANTAL) return { ok: false, melding: `Aantal "${s.slice(0, 20)}" is geen geheel getal van 0 of meer (onbekend: leeg of ".").` };
  return { ok: true, waarde: Number(s) };
}

export function leesJaar(v: string): number | null {
  const s = v.trim();
  if (!/^\d{4}$/.test(s)) return null;
  const j = Number(s);
  return j >= 1900 && j <= 2100 ? j : null;
}

export type Periode = { kind: 'jaar'; jaar: number } | { kind: 'maand'; jaar: number; maand: number } | { kind: 'anders' } | { kind: 'fout' };

/** '2018JJ00' → year, '2018MM03' → month; quarters and other CBS period kinds are 'anders'. */
export function leesPeriode(v: unknown): Periode {
  if (typeof v !== 'string') return { kind: 'fout' };
  const m = /^(\d{4})(JJ00|MM(\d{2})|KW\d{2}|[A-Z]{2}\d{2})$/.exec(v.trim());
  if (!m) return { kind: 'fout' };
  const jaar = Number(m[1]);
  if (jaar < 1900 || jaar > 2100) return { kind: 'fout' };
  if (m[2] === 'JJ00') return { kind: 'jaar', jaar };
  if (m[3] !== undefined) {
    const maand = Number(m[3]);
    return maand >= 1 && maand <= 12 ? { kind: 'maand', jaar, maand } : { kind: 'fout' };
  }
  return { kind: 'anders' };
}

// ---------- detection ----------

function eersteRegel(tekst: string): string {
  const t = tekst.replace(/^\uFEFF/, '');
  const i = t.search(/\r?\n/);
  return (i < 0 ? t : t.slice(0, i)).trim();
}

function kolomnamen(kopregel: string): string[] {
  const { rijen } = leesCsv(kopregel);
  return (rijen[0]?.velden ?? []).map((k) => k.trim().toLowerCase());
}

export function detecteerFormaat(tekst: string): Formaat | null {
  const start = tekst.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'odata-json';
  const cols = kolomnamen(eersteRegel(tekst));
  if (cols.includes('soort_code')) return 'lang-csv';
  if (cols.includes('ecode')) return 'ecode-csv';
  if (cols.includes('inwoners')) return 'bevolking-csv';
  if (cols.includes('perioden') || cols.includes('key')) return 'odata-csv';
  return null;
}

// ---------- long CSV formats ----------

type Kolommen = Record<string, number>;

function kolommen(kop: string[], verplicht: string[], optioneel: string[]): { kol: Kolommen } | { fout: string } {
  const kol: Kolommen = {};
  const lower = kop.map((k) => k.trim().toLowerCase());
  for (const naam of [...verplicht, ...optioneel]) {
    const i = lower.indexOf(naam);
    if (i >= 0) kol[naam] = i;
  }
  const missend = verplicht.filter((n) => kol[n] === undefined);
  if (missend.length) return { fout: `Kolom(men) ontbreken in de kopregel: ${missend.join(', ')}. Verwacht: ${verplicht.join(';')}.` };
  return { kol };
}

function nieuwGelezen(formaat: Formaat, soort: Soort, bron: Bron, licentie: string): Gelezen {
  return { formaat, soort, bron, tabel: null, licentie, waarden: [], bevolking: [], titels: [], regels: 0, overgeslagen: 0, fouten: [] };
}

function fout(g: Gelezen, regel: number | null, melding: string) {
  if (g.fouten.length < MAX_FOUTEN) g.fouten.push({ regel, melding });
  else if (g.fouten.length === MAX_FOUTEN) g.fouten.push({ regel: null, melding: `Meer dan ${MAX_FOUTEN} fouten; de rest is niet getoond.` });
}

function veldUit(rij: CsvRij, kol: Kolommen, naam: string): string {
  const i = kol[naam];
  return i === undefined ? '' : (rij.velden[i] ?? '').trim();
}

function leesLangeCsv(tekst: string, formaat: 'lang-csv' | 'ecode-csv' | 'bevolking-csv'): Gelezen {
  const spec = {
    'lang-csv': { soort: 'misdrijven' as Soort, bron: 'politie' as Bron, eenheid: 'misdrijven' as Eenheid, code: 'soort_code', naam: 'soort_omschrijving', verplicht: ['soort_code', 'gemeentecode', 'jaar', 'aantal'], optioneel: ['soort_omschrijving', 'gemeente', 'maand'] },
    'ecode-csv': { soort: 'incidenten' as Soort, bron: 'politie-incidenten' as Bron, eenheid: 'incidenten' as Eenheid, code: 'ecode', naam: 'omschrijving', verplicht: ['ecode', 'gemeentecode', 'jaar', 'aantal'], optioneel: ['omschrijving', 'gemeente', 'maand'] },
    'bevolking-csv': { soort: 'bevolking' as Soort, bron: 'cbs' as Bron, eenheid: 'misdrijven' as Eenheid, code: '', naam: '', verplicht: ['gemeentecode', 'jaar', 'inwoners'], optioneel: ['gemeente'] },
  }[formaat];
  const g = nieuwGelezen(formaat, spec.soort, spec.bron, formaat === 'lang-csv' ? LICENTIE_OPEN_DATA : formaat === 'bevolking-csv' ? LICENTIE_OPEN_DATA : 'niet openbaar (politie, op verzoek)');
  let kop: CsvRij | null = null;
  let kol: Kolommen | null = null;
  const { fout: csvFout } = leesCsv(tekst, (rij) => {
    if (!kop) {
      kop = rij;
      const k = kolommen(rij.velden, spec.verplicht, spec.optioneel);
      if ('fout' in k) fout(g, rij.regel, k.fout);
      else kol = k.kol;
      return;
    }
    if (kol) leesLangeRij(g, formaat, spec, kop.velden.length, kol, rij);
  });
  if (csvFout) fout(g, csvFout.regel, csvFout.melding);
  if (!kop) fout(g, 1, 'Het bestand is leeg.');
  return g;
}

interface LangeSpec {
  bron: Bron;
  eenheid: Eenheid;
  code: string;
  naam: string;
}

function leesLangeRij(g: Gelezen, formaat: 'lang-csv' | 'ecode-csv' | 'bevolking-csv', spec: LangeSpec, kolommenInKop: number, kol: Kolommen, rij: CsvRij) {
  g.regels++;
  if (rij.velden.length !== kolommenInKop) {
    fout(g, rij.regel, `Verwacht ${kolommenInKop} velden, gevonden ${rij.velden.length}.`);
    return;
  }
  const rawGm = veldUit(rij, kol, 'gemeentecode');
  const gemeente = normaliseerGemeentecode(rawGm);
  if (!gemeente) fout(g, rij.regel, `Gemeentecode "${rawGm.slice(0, 20)}" is ongeldig (verwacht bijvoorbeeld GM0296).`);
  const rawJaar = veldUit(rij, kol, 'jaar');
  const jaar = leesJaar(rawJaar);
  if (jaar === null) fout(g, rij.regel, `Jaar "${rawJaar.slice(0, 20)}" is ongeldig (verwacht vier cijfers, bijvoorbeeld 2018).`);
  let maand: number | null = null;
  const rawMaand = veldUit(rij, kol, 'maand');
  if (rawMaand !== '') {
    maand = /^\d{1,2}$/.test(rawMaand) ? Number(rawMaand) : 0;
    if (maand < 1 || maand > 12) {
      fout(g, rij.regel, `Maand "${rawMaand.slice(0, 20)}" is ongeldig (1 t/m 12, of leeg voor een heel jaar).`);
      maand = null;
    }
  }
  const aantal = leesAantal(veldUit(rij, kol, formaat === 'bevolking-csv' ? 'inwoners' : 'aantal'));
  if (!aantal.ok) fout(g, rij.regel, aantal.melding);
  const gemeenteNaam = veldUit(rij, kol, 'gemeente') || null;
  if (formaat === 'bevolking-csv') {
    if (gemeente && jaar !== null && aantal.ok) g.bevolking.push({ regel: rij.regel, gemeente, gemeenteNaam, jaar, aantal: aantal.waarde });
    return;
  }
  let code = veldUit(rij, kol, spec.code);
  if (formaat === 'ecode-csv') {
    code = code.toUpperCase();
    if (!/^E\d{1,3}$/.test(code)) fout(g, rij.regel, `E-code "${code.slice(0, 20)}" is ongeldig (verwacht bijvoorbeeld E33).`);
  } else if (!/^\d+(\.\d+)*$/.test(code)) fout(g, rij.regel, `Soortcode "${code.slice(0, 20)}" is ongeldig (verwacht bijvoorbeeld 2.5.1).`);
  if (gemeente && jaar !== null && aantal.ok && code) {
    g.waarden.push({ regel: rij.regel, bron: spec.bron, eenheid: spec.eenheid, code, naam: veldUit(rij, kol, spec.naam) || null, gemeente, gemeenteNaam, jaar, maand, aantal: aantal.waarde });
  }
}

// ---------- OData rows (JSON or CSV) ----------

const BEVOLKING_MAAT = /^(TotaleBevolking|BevolkingOp1Januari|BevolkingAanHetBeginVanDePeriode|BevolkingOpDeEersteVanDeMaand)(_\d+)?$/;
/** Dimensions of CBS population tables that must be at their total for a row to count. */
const TOTAAL_DIMENSIES: Record<string, string> = { Geslacht: 'T001038', Leeftijd: '10000', BurgerlijkeStaat: 'T001019' };

type Record_ = Record<string, unknown>;

function trimKeys(r: Record_): Record_ {
  let clean = true;
  for (const k in r) {
    if (k.length && (k.charCodeAt(0) <= 32 || k.charCodeAt(k.length - 1) <= 32)) {
      clean = false;
      break;
    }
  }
  if (clean) return r;
  const out: Record_ = {};
  for (const [k, v] of Object.entries(r)) out[k.trim()] = v;
  return out;
}

function herkenSoort(r: Record_): { soort: Soort; maat: string; dimensie: string | null } | null {
  if ('Key' in r && 'Title' in r) return { soort: 'dimensie', maat: 'Title', dimensie: 'Key' };
  if ('SoortMisdrijf' in r && 'GeregistreerdeMisdrijven_1' in r) return { soort: 'misdrijven', maat: 'GeregistreerdeMisdrijven_1', dimensie: 'SoortMisdrijf' };
  if ('Overlast' in r && 'GeregistreerdeOverlast_1' in r) return { soort: 'overlast', maat: 'GeregistreerdeOverlast_1', dimensie: 'Overlast' };
  if ('SoortMisdrijf' in r && 'TotaalGeregistreerdeMisdrijven_1' in r) return { soort: 'cbs-misdrijven', maat: 'TotaalGeregistreerdeMisdrijven_1', dimensie: 'SoortMisdrijf' };
  const maat = Object.keys(r).find((k) => BEVOLKING_MAAT.test(k));
  if (maat && 'RegioS' in r) return { soort: 'bevolking', maat, dimensie: null };
  return null;
}

const SOORT_BRON: Record<Soort, { bron: Bron; eenheid: Eenheid }> = {
  misdrijven: { bron: 'politie', eenheid: 'misdrijven' },
  overlast: { bron: 'politie', eenheid: 'overlastregistraties' },
  'cbs-misdrijven': { bron: 'cbs', eenheid: 'misdrijven' },
  incidenten: { bron: 'politie-incidenten', eenheid: 'incidenten' },
  bevolking: { bron: 'cbs', eenheid: 'misdrijven' },
  dimensie: { bron: 'politie', eenheid: 'misdrijven' },
};

function dimensieBron(code: string): Bron {
  if (/^\d+\.\d+\.\d+$/.test(code)) return 'politie';
  if (/^E\d{1,3}$/i.test(code)) return 'politie-incidenten';
  return 'cbs';
}

type ODataLezer = (regel: number, raw: unknown) => void;

/** Determines the table shape from the first record and returns the reader for every record (that one included). */
function odataLezer(g: Gelezen, first: { regel: number; r: unknown }): ODataLezer | null {
  if (!first.r || typeof first.r !== 'object' || Array.isArray(first.r)) {
    fout(g, first.regel, 'De records zijn geen objecten.');
    return null;
  }
  const shape = herkenSoort(trimKeys(first.r as Record_));
  if (!shape) {
    fout(g, first.regel, 'Onbekende tabelvorm: verwacht SoortMisdrijf + GeregistreerdeMisdrijven_1 (politie), Overlast + GeregistreerdeOverlast_1 (politie-overlast), SoortMisdrijf + TotaalGeregistreerdeMisdrijven_1 (CBS 83648NED), een bevolkingsmaat (TotaleBevolking_1, BevolkingOp1Januari_1, BevolkingAanHetBeginVanDePeriode_1 of BevolkingOpDeEersteVanDeMaand_1) of Key + Title (dimensie).');
    return null;
  }
  g.soort = shape.soort;
  const sb = SOORT_BRON[shape.soort];
  g.bron = sb.bron;
  return (regel, raw) => {
    g.regels++;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      fout(g, regel, 'Record is geen object.');
      return;
    }
    const r = trimKeys(raw as Record_);
    if (shape.soort === 'dimensie') {
      const code = typeof r.Key === 'string' ? r.Key.trim() : '';
      const naam = typeof r.Title === 'string' ? r.Title.trim() : '';
      if (!code || !naam) fout(g, regel, 'Key en Title moeten gevuld zijn.');
      else g.titels.push({ bron: dimensieBron(code), code, naam: naam.slice(0, 200) });
      return;
    }
    if (!(shape.maat in r)) {
      fout(g, regel, `Het veld ${shape.maat} ontbreekt.`);
      return;
    }
    const regioKey = 'RegioS' in r ? 'RegioS' : 'WijkenEnBuurten' in r ? 'WijkenEnBuurten' : null;
    const regio = regioKey && typeof r[regioKey] === 'string' ? (r[regioKey] as string).trim() : null;
    if (!regio) {
      fout(g, regel, 'Het veld RegioS (of WijkenEnBuurten) ontbreekt of is leeg.');
      return;
    }
    if (shape.soort === 'bevolking' && Object.entries(TOTAAL_DIMENSIES).some(([dim, totaal]) => dim in r && String(r[dim]).trim() !== totaal)) {
      g.overgeslagen++;
      return;
    }
    if (!/^GM\d{4}$/.test(regio)) {
      if (/^(NL|LD|PV|WK|BU|CR|RE|PO|GM)/.test(regio)) g.overgeslagen++;
      else fout(g, regel, `Regiocode "${regio.slice(0, 20)}" wordt niet herkend.`);
      return;
    }
    const p = leesPeriode(r.Perioden);
    if (p.kind === 'fout') {
      fout(g, regel, `Periode "${String(r.Perioden).slice(0, 20)}" is ongeldig (verwacht bijvoorbeeld 2018JJ00 of 2018MM03).`);
      return;
    }
    if (p.kind === 'anders' || (shape.soort === 'bevolking' && p.kind === 'maand' && p.maand !== 1)) {
      g.overgeslagen++;
      return;
    }
    const aantal = leesAantal(r[shape.maat]);
    if (!aantal.ok) {
      fout(g, regel, aantal.melding);
      return;
    }
    if (shape.soort === 'bevolking') {
      g.bevolking.push({ regel, gemeente: regio, gemeenteNaam: null, jaar: p.jaar, aantal: aantal.waarde });
      return;
    }
    const dim = shape.dimensie ? r[shape.dimensie] : null;
    const code = typeof dim === 'string' ? dim.trim() : '';
    if (!code) {
      fout(g, regel, `Het veld ${shape.dimensie ?? ''} ontbreekt of is leeg.`);
      return;
    }
    g.waarden.push({ regel, bron: sb.bron, eenheid: sb.eenheid, code, naam: null, gemeente: regio, gemeenteNaam: null, jaar: p.jaar, maand: p.kind === 'maand' ? p.maand : null, aantal: aantal.waarde });
  };
}

function leesODataRecords(records: Array<{ regel: number; r: unknown }>, formaat: 'odata-json' | 'odata-csv', tabel: string | null): Gelezen {
  const g = nieuwGelezen(formaat, 'misdrijven', 'politie', LICENTIE_OPEN_DATA);
  g.tabel = tabel;
  const first = records.find((x) => x.r && typeof x.r === 'object' && !Array.isArray(x.r));
  if (!first) {
    fout(g, null, records.length ? 'De records zijn geen objecten.' : 'Het bestand bevat geen records.');
    return g;
  }
  const lees = odataLezer(g, first);
  if (lees) for (const { regel, r } of records) lees(regel, r);
  return g;
}

/** Line numbers of the elements of the records array, by a scan that honours strings. */
function elementRegels(tekst: string, topIsArray: boolean): number[] {
  const out: number[] = [];
  const want = topIsArray ? 1 : 2;
  let depth = 0;
  let line = 1;
  let inString = false;
  const stack: string[] = [];
  for (let i = 0; i < tekst.length; i++) {
    const ch = tekst[i]!;
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      if (depth === want && stack[depth - 1] === '[') out.push(line);
      stack[depth] = ch;
      depth++;
    } else if (ch === '}' || ch === ']') depth--;
  }
  return out;
}

function regelVanPositie(tekst: string, pos: number): number {
  let n = 1;
  for (let i = 0; i < Math.min(pos, tekst.length); i++) if (tekst[i] === '\n') n++;
  return n;
}

export function tabelUit(...bronnen: Array<string | null | undefined>): string | null {
  for (const s of bronnen) {
    const m = s ? /(\d{5}(?:NED|ENG))/i.exec(s) : null;
    if (m) return m[1]!.toUpperCase();
  }
  return null;
}

function leesODataJson(tekst: string, bestandsnaam: string): Gelezen {
  const text = tekst.replace(/^\uFEFF/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const g = nieuwGelezen('odata-json', 'misdrijven', 'politie', LICENTIE_OPEN_DATA);
    const pos = /position (\d+)/.exec((e as Error).message)?.[1] ?? jsonFoutPositie(text);
    fout(g, pos === null || pos === undefined ? null : regelVanPositie(text, Number(pos)), 'Het bestand is geen geldige JSON.');
    return g;
  }
  const topIsArray = Array.isArray(parsed);
  const obj = !topIsArray && parsed && typeof parsed === 'object' ? (parsed as Record_) : null;
  const list = topIsArray ? (parsed as unknown[]) : Array.isArray(obj?.value) ? (obj.value as unknown[]) : null;
  if (!list) {
    const g = nieuwGelezen('odata-json', 'misdrijven', 'politie', LICENTIE_OPEN_DATA);
    fout(g, 1, 'Verwacht een OData-antwoord {"value": [ … ]} of een lijst van records.');
    return g;
  }
  const lines = elementRegels(text, topIsArray);
  const useLines = lines.length === list.length;
  const meta = obj ? String(obj['odata.metadata'] ?? obj['@odata.context'] ?? '') : '';
  return leesODataRecords(list.map((r, i) => ({ regel: useLines ? lines[i]! : i + 1, r })), 'odata-json', tabelUit(meta, bestandsnaam));
}

function leesODataCsv(tekst: string, bestandsnaam: string): Gelezen {
  const g = nieuwGelezen('odata-csv', 'misdrijven', 'politie', LICENTIE_OPEN_DATA);
  g.tabel = tabelUit(bestandsnaam);
  let keys: string[] | null = null;
  let lees: ODataLezer | null | undefined;
  const { fout: csvFout } = leesCsv(tekst, (rij) => {
    if (!keys) {
      keys = rij.velden.map((k) => k.trim());
      return;
    }
    if (rij.velden.length !== keys.length) {
      g.regels++;
      fout(g, rij.regel, `Verwacht ${keys.length} velden, gevonden ${rij.velden.length}.`);
      return;
    }
    const r: Record_ = {};
    for (let i = 0; i < keys.length; i++) r[keys[i]!] = rij.velden[i];
    if (lees === undefined) lees = odataLezer(g, { regel: rij.regel, r });
    if (lees) lees(rij.regel, r);
    else g.regels++;
  });
  if (csvFout) fout(g, csvFout.regel, csvFout.melding);
  if (!keys || (lees === undefined && !g.fouten.length)) fout(g, null, 'Het bestand bevat geen records.');
  return g;
}

/** Reads a file in the given (or detected) format. Errors are in `fouten`, never thrown. */
export function leesBestand(tekst: string, opts: { formaat?: Formaat | undefined; bestandsnaam?: string } = {}): Gelezen {
  const formaat = opts.formaat ?? detecteerFormaat(tekst);
  if (!formaat) {
    const g = nieuwGelezen('lang-csv', 'misdrijven', 'politie', LICENTIE_OPEN_DATA);
    fout(g, 1, 'Het bestandsformaat is niet herkend. Geef het formaat op (lang-csv, ecode-csv, bevolking-csv, odata-json of odata-csv) of controleer de kopregel.');
    return g;
  }
  const naam = opts.bestandsnaam ?? '';
  switch (formaat) {
    case 'odata-json':
      return leesODataJson(tekst, naam);
    case 'odata-csv':
      return leesODataCsv(tekst, naam);
    default: {
      const g = leesLangeCsv(tekst, formaat);
      g.tabel = tabelUit(naam);
      return g;
    }
  }
}
