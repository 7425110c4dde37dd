// SPDX-License-Identifier: EUPL-1.2
// PDF renderer of the appendix: pdfkit vector primitives only (no browser). Per field a heading; per
// indicator a table gemeente × year with a Totaal row, a bar chart, a per-1,000 table and line chart
// when population is known, and a source line; a closing section with the code → field mapping;
// "Pagina n van N" in the footer; a contents list on the first page. Numbers in Dutch format with a
// true minus sign (U+2212); unknown = "–".
//
// Font: Noto Sans regular and bold (embedded as a subset), so U+2212 and the Dutch diacritics print
// as themselves; the standard PDF fonts (WinAnsi) have no minus sign.
//
// Accessibility: a tagged PDF (pdfkit `tagged`): document language nl-NL, the title shown instead of
// the file name (DisplayDocTitle), a structure tree in reading order (H1–H3, P, Table/TR/TH/TD with
// the header scope, Figure with alternative text and bounding box, TOC/TOCI), rules, backgrounds and
// footers marked as artifacts, and bookmarks per section.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { formatteerAantal, formatteerDecimaal, formatteerProcent } from '../domain/formatteer.js';
import { woffNaarSfnt } from './woff.js';
import { BRON_NAAM, INDELING_TITEL, veldOmschrijving, type Bijlage, type BijlageBron, type BijlageIndeling, type BijlageRij, type BijlageTabel } from './model.js';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
type StructOpties = { alt?: string; lang?: string; title?: string };

export interface PdfOpties {
  /** Uncompressed content streams (tests read the text). Default: compressed. */
  compress?: boolean;
}

// Noto Sans, "latin" subset (Basic Latin, Latin-1 Supplement with ë ï é, General Punctuation with
// – “ ” …, U+2212 MINUS SIGN, €), WOFF files of the npm package @fontsource/noto-sans (resolved from
// node_modules at run time, so a fresh `npm ci` brings them).
// Licence: SIL Open Font License 1.1 (OFL-1.1). Copyright 2022 The Noto Project Authors
// (https://github.com/notofonts/latin-greek-cyrillic). The licence text ships in the package
// (@fontsource/noto-sans/LICENSE). The OFL allows embedding the font (here: the subset of glyphs
// used) in documents under any licence; the font itself is not redistributed by this project.
export const FONT_PAKKET = '@fontsource/noto-sans';
const FONT_BESTANDEN = { regular: 'noto-sans-latin-400-normal.woff', bold: 'noto-sans-latin-700-normal.woff' } as const;
const FONT = 'NotoSans';
const FONT_BOLD = 'NotoSans-Bold';

let fontCache: { regular: Buffer; bold: Buffer } | undefined;

/** The two fonts as plain TrueType, read and unpacked once per process. */
function fonts(): { regular: Buffer; bold: Buffer } {
  if (!fontCache) {
    const require = createRequire(import.meta.url);
    const lees = (bestand: string) => {
      let pad: string;
      try {
        pad = require.resolve(`${FONT_PAKKET}/files/${bestand}`);
      } catch (e) {
        throw new Error(`Lettertype ${bestand} niet gevonden: het npm-pakket ${FONT_PAKKET} ontbreekt (npm ci).`, { cause: e });
      }
      return woffNaarSfnt(fs.readFileSync(pad));
    };
    fontCache = { regular: lees(FONT_BESTANDEN.regular), bold: lees(FONT_BESTANDEN.bold) };
  }
  return fontCache;
}

const GRIJS = '#555555';
const LIJN = '#bbbbbb';
/** Okabe–Ito: distinguishable with colour-blindness. */
const KLEUREN = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#999933', '#882255'];
const RIJ = 14;
const GRAFIEK = 150;
const MARGES = { top: 50, bottom: 56, left: 50, right: 50 };

/** The font has no narrow no-break space (U+202F); a no-break space does the same job. */
const pdfTekst = (s: string) => s.replace(/\u202f/g, '\u00a0');

export function datumNl(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}-${m}-${y}`;
}

/** "Bron: titel (tabel), bestand, geïmporteerd op 03-12-2026, licentie CC BY 4.0." */
export function bronRegel(label: string, bronnen: readonly BijlageBron[]): string {
  if (!bronnen.length) return `${label}: onbekend.`;
  return `${label}: ${bronnen.map((b) => `${b.titel}${b.tabel ? ` (${b.tabel})` : ''}, bestand ${b.bestandsnaam}, geïmporteerd op ${datumNl(b.geimporteerdOp)}, licentie ${b.licentie}`).join('; ')}.`;
}

interface Layout {
  links: number;
  rechts: number;
  boven: number;
  onder: number;
  breedte: number;
}

function schaal(max: number, geheel: boolean): { stap: number; top: number } {
  if (!(max > 0)) return { stap: 1, top: geheel ? 4 : 1 };
  const ruw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(ruw));
  const n = ruw / mag;
  let stap = (n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10) * mag;
  if (geheel) stap = Math.max(1, Math.round(stap));
  return { stap, top: Math.ceil(max / stap - 1e-9) * stap };
}

/**
 * Structure attributes (/A): pdfkit has no API for them; its structure element keeps its PDF
 * dictionary in `dictionary.data` until the element is flushed (when it and its children end).
 */
function attributen(el: Struct, a: Record<string, unknown>): void {
  (el as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = a;
}

type TekstOpties = { w?: number; align?: 'left' | 'right' | 'center'; vet?: boolean; grootte?: number; kleur?: string };

class Schrijver {
  y: number;
  readonly l: Layout;
  constructor(
    readonly doc: Doc,
    readonly landschap: boolean,
  ) {
    const p = doc.page;
    this.l = { links: p.margins.left, rechts: p.width - p.margins.right, boven: p.margins.top, onder: p.height - p.margins.bottom, breedte: p.width - p.margins.left - p.margins.right };
    this.y = this.l.boven;
  }

  nieuwePagina() {
    this.doc.addPage({ size: 'A4', layout: this.landschap ? 'landscape' : 'portrait', margins: MARGES });
    this.y = this.l.boven;
  }

  ruimte(h: number) {
    if (this.y + h > this.l.onder && this.y > this.l.boven) this.nieuwePagina();
  }

  // --- structure (tagged PDF) ---

  /** A structure element under `ouder`, open for children: end() it when done. */
  blok(ouder: Struct, type: string, opties: StructOpties = {}): Struct {
    const el = this.doc.struct(type, opties);
    ouder.add(el);
    return el;
  }

  /** A structure element whose content `teken` draws now (one marked-content sequence). */
  tag(ouder: Struct, type: string, teken: () => void, opties: StructOpties = {}): Struct {
    const el = this.blok(ouder, type, opties);
    el.add(teken);
    el.end();
    return el;
  }

  /** Decoration (rules, backgrounds, footers): an artifact, which assistive technology skips. */
  artefact(teken: () => void, type: 'Layout' | 'Pagination' = 'Layout') {
    this.doc.markContent('Artifact', { type });
    teken();
    this.doc.endMarkedContent();
  }

  /** One table cell; TH cells carry their scope (column or row header). */
  cel(tr: Struct, type: 'TH' | 'TD', scope: 'Column' | 'Row' | null, teken: () => void) {
    const el = this.doc.struct(type);
    if (scope) attributen(el, { O: 'Table', Scope: scope });
    tr.add(el);
    el.add(teken);
    el.end();
  }

  // --- drawing (untagged by itself: callers wrap it in tag(), cel() or artefact()) ---

  /** One line of text, no wrapping; align within [x, x + w]. */
  regel(s: string, x: number, y: number, opts: TekstOpties = {}) {
    const t = pdfTekst(s);
    this.doc.font(opts.vet ? FONT_BOLD : FONT).fontSize(opts.grootte ?? 9).fillColor(opts.kleur ?? 'black');
    const w = this.doc.widthOfString(t);
    const px = opts.align === 'right' && opts.w !== undefined ? x + opts.w - w : opts.align === 'center' && opts.w !== undefined ? x + (opts.w - w) / 2 : x;
    this.doc.text(t, px, y, { lineBreak: false });
  }

  /** A tagged one-line text (heading or short paragraph). */
  kop(ouder: Struct, type: string, s: string, x: number, y: number, opts: TekstOpties = {}) {
    this.tag(ouder, type, () => this.regel(s, x, y, opts));
  }

  /** Wrapped text at the current position, tagged as a paragraph; returns its height. */
  alinea(ouder: Struct, s: string, grootte = 7.5, kleur = GRIJS): number {
    const t = pdfTekst(s);
    let h = 0;
    this.tag(ouder, 'P', () => {
      this.doc.font(FONT).fontSize(grootte).fillColor(kleur);
      h = this.doc.heightOfString(t, { width: this.l.breedte });
      this.doc.text(t, this.l.links, this.y, { width: this.l.breedte });
    });
    this.y += h + 2;
    return h;
  }

  hoogteAlinea(s: string, grootte = 7.5): number {
    this.doc.font(FONT).fontSize(grootte);
    return this.doc.heightOfString(pdfTekst(s), { width: this.l.breedte }) + 2;
  }
}

interface Kolommen {
  label: number;
  jaar: number;
  verandering: number;
}

function kolommen(s: Schrijver, jaren: number): Kolommen {
  const label = s.landschap ? 190 : 140;
  const verandering = 80;
  return { label, verandering, jaar: Math.min(62, (s.l.breedte - label - verandering) / jaren) };
}

function tabelHoogte(t: BijlageTabel) {
  return RIJ * (t.rijen.length + 2) + 6;
}

function tekenTabel(s: Schrijver, ouder: Struct, jaren: readonly number[], rijen: readonly BijlageRij[], totaal: BijlageRij, waarde: (r: BijlageRij, i: number) => string) {
  const { doc } = s;
  const k = kolommen(s, jaren.length);
  const x0 = s.l.links;
  const breedte = k.label + k.jaar * jaren.length + k.verandering;
  const tabel = s.blok(ouder, 'Table');
  const top = s.y;
  s.artefact(() => doc.save().rect(x0, top, breedte, RIJ).fill('#eeeeee').restore());
  const kop = s.blok(tabel, 'TR');
  s.cel(kop, 'TH', 'Column', () => s.regel('Gemeente', x0 + 3, top + 3, { vet: true }));
  jaren.forEach((j, i) => s.cel(kop, 'TH', 'Column', () => s.regel(String(j), x0 + k.label + i * k.jaar, top + 3, { w: k.jaar - 4, align: 'right', vet: true })));
  s.cel(kop, 'TH', 'Column', () => s.regel(`${jaren[0]}–${jaren[jaren.length - 1]}`, x0 + k.label + jaren.length * k.jaar, top + 3, { w: k.verandering - 4, align: 'right', vet: true }));
  kop.end();
  s.y += RIJ;
  const schrijfRij = (r: BijlageRij, vet: boolean) => {
    const tr = s.blok(tabel, 'TR');
    const y = s.y + 3;
    s.cel(tr, 'TH', 'Row', () => s.regel(r.naam, x0 + 3, y, { vet }));
    jaren.forEach((_, i) => s.cel(tr, 'TD', null, () => s.regel(waarde(r, i), x0 + k.label + i * k.jaar, y, { w: k.jaar - 4, align: 'right', vet })));
    s.cel(tr, 'TD', null, () => s.regel(formatteerProcent(r.veranderingProcent), x0 + k.label + jaren.length * k.jaar, y, { w: k.verandering - 4, align: 'right', vet }));
    tr.end();
    s.y += RIJ;
  };
  for (const r of rijen) schrijfRij(r, false);
  const onderRijen = s.y;
  s.artefact(() => doc.save().moveTo(x0, onderRijen).lineTo(x0 + breedte, onderRijen).lineWidth(0.8).strokeColor('black').stroke().restore());
  schrijfRij(totaal, true);
  const onderTotaal = s.y;
  s.artefact(() => doc.save().moveTo(x0, onderTotaal).lineTo(x0 + breedte, onderTotaal).lineWidth(0.5).strokeColor(LIJN).stroke().restore());
  tabel.end();
  s.y += 6;
}

interface Serie {
  naam: string;
  kleur: string;
  waarden: Array<number | null>;
  vet?: boolean;
}

function legendaHoogte(s: Schrijver, series: readonly Serie[]): number {
  s.doc.font(FONT).fontSize(7.5);
  let x = 0;
  let regels = 1;
  for (const se of series) {
    const w = 14 + s.doc.widthOfString(pdfTekst(se.naam)) + 12;
    if (x + w > s.l.breedte) {
      regels++;
      x = 0;
    }
    x += w;
  }
  return regels * 11 + 4;
}

function tekenLegenda(s: Schrijver, series: readonly Serie[], lijn: boolean) {
  const { doc } = s;
  let x = s.l.links;
  doc.font(FONT).fontSize(7.5);
  for (const se of series) {
    const w = 14 + doc.widthOfString(pdfTekst(se.naam)) + 12;
    if (x + w > s.l.rechts) {
      x = s.l.links;
      s.y += 11;
    }
    if (lijn) doc.save().moveTo(x, s.y + 4).lineTo(x + 10, s.y + 4).lineWidth(se.vet ? 2 : 1.2).strokeColor(se.kleur).stroke().restore();
    else doc.save().rect(x, s.y, 9, 8).fill(se.kleur).restore();
    s.regel(se.naam, x + 14, s.y, { grootte: 7.5 });
    x += w;
  }
  s.y += 15;
}

/** Bars (counts) or lines (per 1,000) per gemeente over the years; vector primitives only. */
function tekenGrafiek(s: Schrijver, jaren: readonly number[], series: readonly Serie[], soort: 'staaf' | 'lijn') {
  const { doc } = s;
  const geheel = soort === 'staaf';
  const max = Math.max(0, ...series.flatMap((se) => se.waarden.filter((v): v is number => v !== null)));
  const { stap, top } = schaal(max, geheel);
  const dec = geheel || stap >= 1 ? 0 : stap >= 0.1 ? 1 : 2;
  const as = 44;
  const x0 = s.l.links + as;
  const w = Math.min(s.l.breedte - as, 460);
  const y0 = s.y + 4;
  const h = GRAFIEK - 24;
  const yVan = (v: number) => y0 + h - (v / top) * h;
  for (let v = 0; v <= top + 1e-9; v += stap) {
    const y = yVan(v);
    doc.save().moveTo(x0, y).lineTo(x0 + w, y).lineWidth(0.4).strokeColor(v === 0 ? '#333333' : '#dddddd').stroke().restore();
    s.regel(dec === 0 ? formatteerAantal(v) : formatteerDecimaal(v, dec), s.l.links, y - 3.5, { w: as - 5, align: 'right', grootte: 7, kleur: GRIJS });
  }
  const groep = w / jaren.length;
  jaren.forEach((j, i) => s.regel(String(j), x0 + i * groep, y0 + h + 4, { w: groep, align: 'center', grootte: 7.5 }));
  if (soort === 'staaf') {
    const bw = (groep * 0.8) / Math.max(1, series.length);
    series.forEach((se, si) =>
      se.waarden.forEach((v, i) => {
        if (v === null || v <= 0) return;
        const x = x0 + i * groep + groep * 0.1 + si * bw;
        doc.save().rect(x, yVan(v), Math.max(0.5, bw - 0.6), y0 + h - yVan(v)).fill(se.kleur).restore();
      }),
    );
  } else {
    for (const se of series) {
      const px = (i: number) => x0 + i * groep + groep / 2;
      let open = false;
      doc.save().lineWidth(se.vet ? 2 : 1.2).strokeColor(se.kleur);
      if (se.vet) doc.dash(4, { space: 2 });
      se.waarden.forEach((v, i) => {
        if (v === null) {
          open = false;
          return;
        }
        if (open) doc.lineTo(px(i), yVan(v));
        else doc.moveTo(px(i), yVan(v));
        open = true;
      });
      doc.stroke().undash().restore();
      se.waarden.forEach((v, i) => {
        if (v !== null) doc.save().circle(px(i), yVan(v), se.vet ? 2.2 : 1.8).fill(se.kleur).restore();
      });
    }
  }
  s.y = y0 + h + 16;
  tekenLegenda(s, series, soort === 'lijn');
}

/** The chart as one Figure element with alternative text and its bounding box (PDF coordinates). */
function figuur(s: Schrijver, ouder: Struct, alt: string, hoogte: number, teken: () => void) {
  const el = s.doc.struct('Figure', { alt });
  const p = s.doc.page;
  attributen(el, { O: 'Layout', BBox: [s.l.links, p.height - (s.y + hoogte), s.l.rechts, p.height - s.y] });
  ouder.add(el);
  el.add(teken);
  el.end();
}

function series(t: BijlageTabel, waarde: (r: BijlageRij, i: number) => number | null, metTotaal: boolean): Serie[] {
  const out: Serie[] = t.rijen.map((r, i) => ({ naam: r.naam, kleur: KLEUREN[i % KLEUREN.length]!, waarden: r.cellen.map((_, ci) => waarde(r, ci)) }));
  if (metTotaal) out.push({ naam: 'Totaal', kleur: '#000000', waarden: t.totaal.cellen.map((_, ci) => waarde(t.totaal, ci)), vet: true });
  return out;
}

function tekenIndicator(s: Schrijver, sectie: Struct, b: Bijlage, t: BijlageTabel) {
  const ontbreekt = b.gebied.leden.filter((g) => !t.rijen.some((r) => r.code === g.code)).map((g) => g.naam);
  const noot = `${bronRegel('Bron', t.bronnen)}${ontbreekt.length ? ` Niet in de bron (geen cijfers): ${ontbreekt.join(', ')}; het Totaal telt de geleverde gemeenten.` : ''} – = onbekend of niet geleverd.`;
  const aantalSeries = series(t, (r, i) => r.cellen[i]!.aantal, false);
  const titelH = 30;
  const periode = `${b.van}–${b.tot}`;
  const legenda = legendaHoogte(s, aantalSeries);
  s.ruimte(titelH + tabelHoogte(t) + GRAFIEK + legenda + s.hoogteAlinea(noot) + 10);
  s.kop(sectie, 'H3', `${t.indicator.code} ${t.indicator.naam}`, s.l.links, s.y, { vet: true, grootte: 11 });
  s.kop(sectie, 'P', `Aantal ${t.indicator.eenheid} per gemeente, ${periode}; laatste kolom: verandering ${periode}`, s.l.links, s.y + 14, { grootte: 8, kleur: GRIJS });
  s.y += titelH - 4;
  tekenTabel(s, sectie, b.jaren, t.rijen, t.totaal, (r, i) => formatteerAantal(r.cellen[i]!.aantal));
  figuur(s, sectie, `Staafdiagram: aantal ${t.indicator.eenheid} per gemeente per jaar, ${periode}. De cijfers staan in de tabel hierboven.`, GRAFIEK + legenda, () => tekenGrafiek(s, b.jaren, aantalSeries, 'staaf'));
  s.alinea(sectie, noot);
  s.y += 12;

  if (t.heeftPer1000) {
    const rateSeries = series(t, (r, i) => r.cellen[i]!.per1000, true);
    const noot2 = `${bronRegel('Inwoners', t.bevolkingsbronnen)} Per 1.000 inwoners; Totaal = som van de aantallen gedeeld door de som van de inwoners, alleen als van elke gemeente cijfers zijn.`;
    const legenda2 = legendaHoogte(s, rateSeries);
    s.ruimte(titelH + tabelHoogte(t) + GRAFIEK + legenda2 + s.hoogteAlinea(noot2) + 10);
    s.kop(sectie, 'H3', `${t.indicator.code} ${t.indicator.naam}: per 1.000 inwoners`, s.l.links, s.y, { vet: true, grootte: 11 });
    s.kop(sectie, 'P', `${t.indicator.eenheid} per 1.000 inwoners, ${periode}; laatste kolom: verandering van het aantal`, s.l.links, s.y + 14, { grootte: 8, kleur: GRIJS });
    s.y += titelH - 4;
    tekenTabel(s, sectie, b.jaren, t.rijen, t.totaal, (r, i) => formatteerDecimaal(r.cellen[i]!.per1000, 2));
    figuur(s, sectie, `Lijndiagram: ${t.indicator.eenheid} per 1.000 inwoners per gemeente en voor het Totaal (gestippeld), per jaar, ${periode}. De cijfers staan in de tabel hierboven.`, GRAFIEK + legenda2, () =>
      tekenGrafiek(s, b.jaren, rateSeries, 'lijn'),
    );
    s.alinea(sectie, noot2);
    s.y += 12;
  }
}

/** Columns of the mapping table, as fractions of the text width. */
const INDELING_KOLOMMEN: ReadonlyArray<{ kop: string; deel: number }> = [
  { kop: 'Bron', deel: 0.1 },
  { kop: 'Code', deel: 0.07 },
  { kop: 'Indicator', deel: 0.19 },
  { kop: 'Kernbeleid-veld', deel: 0.19 },
  { kop: "Thema's", deel: 0.11 },
  { kop: 'Geldig vanaf', deel: 0.09 },
  { kop: 'Vastgesteld', deel: 0.1 },
  { kop: 'Opmerking', deel: 0.15 },
];
const INDELING_GROOTTE = 7.5;

/** Reader text of one mapping row, in the order of INDELING_KOLOMMEN. */
export function indelingCellen(r: BijlageIndeling['regels'][number]): string[] {
  return [
    BRON_NAAM[r.bron] ?? r.bron,
    r.code,
    r.naam,
    veldOmschrijving(r),
    r.tags.length ? r.tags.join(', ') : '–',
    r.geldigVan ? datumNl(r.geldigVan) : '–',
    !r.ingedeeld ? '–' : r.vastgesteldOp ? datumNl(r.vastgesteldOp) : 'voorstel',
    r.opmerking || '–',
  ];
}

/** The closing section: which mapping version placed each code in its field. */
function tekenIndeling(s: Schrijver, ouder: Struct, indeling: BijlageIndeling) {
  const { doc } = s;
  const sectie = s.blok(ouder, 'Sect');
  s.kop(sectie, 'H2', INDELING_TITEL, s.l.links, s.y, { vet: true, grootte: 14 });
  s.y += 26;
  s.alinea(
    sectie,
    `Per indicator in deze bijlage het Kernbeleid-veld en de thema's volgens de indeling die op ${datumNl(indeling.peildatum)} gold; die indeling bepaalt de groepering hierboven. "Geldig vanaf": de datum vanaf wanneer die versie van de indeling geldt. "Vastgesteld": de datum waarop de gemeenten die versie vaststelden; "voorstel" is de standaardindeling van Knooppunt, nog niet vastgesteld. Een code zonder veld telt alleen mee in de totalen.`,
    9,
    'black',
  );
  s.y += 8;
  const x: number[] = [];
  const w: number[] = [];
  let acc = s.l.links;
  for (const k of INDELING_KOLOMMEN) {
    x.push(acc);
    w.push(k.deel * s.l.breedte);
    acc += k.deel * s.l.breedte;
  }
  const pad = 2;
  const hoogte = (cellen: readonly string[], vet: boolean) => {
    doc.font(vet ? FONT_BOLD : FONT).fontSize(INDELING_GROOTTE);
    return Math.max(...cellen.map((c, i) => doc.heightOfString(pdfTekst(c), { width: w[i]! - 2 * pad }))) + 2 * pad;
  };
  const schrijf = (tr: Struct, cellen: readonly string[], kop: boolean, h: number) => {
    const y = s.y;
    if (kop) s.artefact(() => doc.save().rect(s.l.links, y, s.l.breedte, h).fill('#eeeeee').restore());
    cellen.forEach((c, i) =>
      s.cel(tr, kop ? 'TH' : i === 1 ? 'TH' : 'TD', kop ? 'Column' : i === 1 ? 'Row' : null, () => {
        doc.font(kop ? FONT_BOLD : FONT).fontSize(INDELING_GROOTTE).fillColor('black');
        doc.text(pdfTekst(c), x[i]! + pad, y + pad, { width: w[i]! - 2 * pad });
      }),
    );
    s.y += h;
    const onder = s.y;
    s.artefact(() => doc.save().moveTo(s.l.links, onder).lineTo(s.l.rechts, onder).lineWidth(kop ? 0.8 : 0.4).strokeColor(kop ? 'black' : LIJN).stroke().restore());
  };
  const koppen = INDELING_KOLOMMEN.map((k) => k.kop);
  const kopH = hoogte(koppen, true);
  const tabel = s.blok(sectie, 'Table');
  const kopRij = () => {
    const tr = s.blok(tabel, 'TR');
    schrijf(tr, koppen, true, kopH);
    tr.end();
  };
  kopRij();
  for (const r of indeling.regels) {
    const cellen = indelingCellen(r);
    const h = hoogte(cellen, false);
    if (s.y + h > s.l.onder) {
      s.nieuwePagina();
      // The header again on the continuation page, as an artifact (the table has one header row).
      const y = s.y;
      s.artefact(() => {
        doc.save().rect(s.l.links, y, s.l.breedte, kopH).fill('#eeeeee').restore();
        koppen.forEach((c, i) => doc.font(FONT_BOLD).fontSize(INDELING_GROOTTE).fillColor('black').text(c, x[i]! + pad, y + pad, { width: w[i]! - 2 * pad }));
        doc.save().moveTo(s.l.links, y + kopH).lineTo(s.l.rechts, y + kopH).lineWidth(0.8).strokeColor('black').stroke().restore();
      });
      s.y += kopH;
    }
    const tr = s.blok(tabel, 'TR');
    schrijf(tr, cellen, false, h);
    tr.end();
  }
  tabel.end();
  sectie.end();
}

export async function renderPdf(b: Bijlage, opties: PdfOpties = {}): Promise<{ inhoud: Buffer; delen: number }> {
  const { regular, bold } = fonts();
  const landschap = b.jaren.length > 7;
  const periode = `${b.van}–${b.tot}`;
  const doc: Doc = new PDFDocument({
    size: 'A4',
    layout: landschap ? 'landscape' : 'portrait',
    margins: MARGES,
    bufferPages: true,
    compress: opties.compress ?? true,
    // Tagged PDF (structure tree, MarkInfo); PDF 1.7 for the structure attributes.
    tagged: true,
    pdfVersion: '1.7',
    lang: 'nl-NL',
    displayTitle: true,
    info: { Title: `${b.titel} – ${b.gebied.naam} ${periode}`, Author: 'Knooppunt', Subject: `Veiligheidsbeeld ${b.gebied.naam}, ${periode}`, Creator: 'Knooppunt', CreationDate: new Date(b.gegenereerdOp) },
  });
  doc.registerFont(FONT, regular);
  doc.registerFont(FONT_BOLD, bold);
  doc.font(FONT);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const klaar = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const s = new Schrijver(doc, landschap);
  s.kop(root, 'H1', b.titel, s.l.links, s.y, { vet: true, grootte: 18 });
  s.y += 28;
  s.kop(root, 'P', `${b.gebied.naam}, ${periode}`, s.l.links, s.y, { grootte: 12 });
  s.y += 20;
  s.alinea(
    root,
    `Gemeenten: ${b.gebied.leden.map((g) => g.naam).join(', ')}. Gemaakt op ${datumNl(b.gegenereerdOp)} met Knooppunt uit de geïmporteerde cijfers. Per indicator een tabel gemeente × jaar met een Totaal-rij voor ${b.gebied.naam} en een grafiek; per 1.000 inwoners waar het inwonertal bekend is. Gegroepeerd naar de velden van de Kernbeleid Veiligheid${b.indeling.regels.length ? '; het laatste onderdeel laat zien welke indeling van de codes daarvoor gold' : ''}. "–" betekent onbekend of niet geleverd (nooit 0). Het Totaal is de som van de geleverde gemeenten; één onbekende waarde maakt het Totaal onbekend.`,
    9,
    'black',
  );
  s.y += 10;
  const inhoudY = s.y;
  // The contents list is drawn on page 1 at the end (page numbers are known then), but its
  // structure element is placed here, so the reading order follows the page.
  const inhoudSectie = b.velden.length ? s.blok(root, 'Sect') : null;
  const inhoud: Array<{ tekst: string; pagina: number }> = [];
  if (!b.velden.length) s.alinea(root, `Er zijn geen cijfers voor ${periode}. Importeer eerst cijfers (knooppunt veiligheidsbeeld import).`, 10, 'black');

  for (const v of b.velden) {
    s.nieuwePagina();
    const titel = v.veld === null ? v.naam : `Veld ${v.veld}: ${v.naam}`;
    inhoud.push({ tekst: `${titel} (${v.tabellen.map((t) => t.indicator.code).join(', ')})`, pagina: doc.bufferedPageRange().count });
    doc.outline.addItem(titel);
    const sectie = s.blok(root, 'Sect');
    s.kop(sectie, 'H2', titel, s.l.links, s.y, { vet: true, grootte: 14 });
    s.y += 26;
    for (const t of v.tabellen) tekenIndicator(s, sectie, b, t);
    sectie.end();
  }
  if (b.indeling.regels.length) {
    s.nieuwePagina();
    inhoud.push({ tekst: INDELING_TITEL, pagina: doc.bufferedPageRange().count });
    doc.outline.addItem(INDELING_TITEL);
    tekenIndeling(s, root, b.indeling);
  }

  const range = doc.bufferedPageRange();
  doc.switchToPage(range.start);
  s.y = inhoudY;
  if (inhoudSectie) {
    s.kop(inhoudSectie, 'H2', 'Inhoud', s.l.links, s.y, { vet: true, grootte: 12 });
    s.y += 18;
    const toc = s.blok(inhoudSectie, 'TOC');
    for (const r of inhoud) {
      const tekst = pdfTekst(r.tekst);
      const w = s.l.breedte - 40;
      doc.font(FONT).fontSize(9);
      const h = doc.heightOfString(tekst, { width: w });
      const y = s.y;
      const item = s.blok(toc, 'TOCI');
      item.add(() => doc.fillColor('black').text(tekst, s.l.links, y, { width: w }));
      item.add(() => s.regel(String(r.pagina), s.l.rechts - 30, y, { w: 30, align: 'right' }));
      item.end();
      s.y += h + 4;
    }
    toc.end();
    inhoudSectie.end();
  }
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const p = doc.page;
    p.margins.bottom = 0;
    const y = p.height - 36;
    s.artefact(() => {
      doc.save().moveTo(p.margins.left, y - 6).lineTo(p.width - p.margins.right, y - 6).lineWidth(0.4).strokeColor(LIJN).stroke().restore();
      s.regel(`${b.titel} – ${b.gebied.naam} ${periode}`, p.margins.left, y, { grootte: 7.5, kleur: GRIJS });
      s.regel(`Pagina ${i + 1} van ${range.count}`, p.margins.left, y, { w: p.width - p.margins.left - p.margins.right, align: 'right', grootte: 7.5, kleur: GRIJS });
    }, 'Pagination');
  }
  root.end();
  doc.end();
  return { inhoud: await klaar, delen: range.count };
}
