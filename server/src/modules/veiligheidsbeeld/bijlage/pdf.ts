// SPDX-License-Identifier: EUPL-1.2
// PDF renderer of the appendix: pdfkit vector primitives only (no browser). Per field a heading; per
// indicator a table gemeente × year with a Totaal row, a bar chart, a per-1,000 table and line chart
// when population is known, and a source line; "Pagina n van N" in the footer; a contents list on
// the first page. Numbers in Dutch format; unknown = "–". The standard PDF fonts (WinAnsi) have no
// U+2212 minus sign, so negative numbers are printed with a hyphen-minus.
import PDFDocument from 'pdfkit';
import { formatteerAantal, formatteerDecimaal, formatteerProcent } from '../domain/formatteer.js';
import type { Bijlage, BijlageBron, BijlageRij, BijlageTabel } from './model.js';

type Doc = PDFKit.PDFDocument;

export interface PdfOpties {
  /** Uncompressed content streams (tests search the text). Default: compressed. */
  compress?: boolean;
}

const FONT = 'Helvetica';
const FONT_BOLD = 'Helvetica-Bold';
const GRIJS = '#555555';
const LIJN = '#bbbbbb';
/** Okabe–Ito: distinguishable with colour-blindness. */
const KLEUREN = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#999933', '#882255'];
const RIJ = 14;
const GRAFIEK = 150;

const pdfTekst = (s: string) => s.replace(/\u2212/g, '-').replace(/[\u202f\u00a0]/g, ' ');

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
    this.doc.addPage({ size: 'A4', layout: this.landschap ? 'landscape' : 'portrait', margins: { top: 50, bottom: 56, left: 50, right: 50 } });
    this.y = this.l.boven;
  }

  ruimte(h: number) {
    if (this.y + h > this.l.onder && this.y > this.l.boven) this.nieuwePagina();
  }

  /** One line of text, no wrapping; align within [x, x + w]. */
  regel(s: string, x: number, y: number, opts: { w?: number; align?: 'left' | 'right' | 'center'; vet?: boolean; grootte?: number; kleur?: string } = {}) {
    const t = pdfTekst(s);
    this.doc.font(opts.vet ? FONT_BOLD : FONT).fontSize(opts.grootte ?? 9).fillColor(opts.kleur ?? 'black');
    const w = this.doc.widthOfString(t);
    const px = opts.align === 'right' && opts.w !== undefined ? x + opts.w - w : opts.align === 'center' && opts.w !== undefined ? x + (opts.w - w) / 2 : x;
    this.doc.text(t, px, y, { lineBreak: false });
  }

  /** Wrapped small text at the current position; returns its height. */
  alinea(s: string, grootte = 7.5, kleur = GRIJS): number {
    const t = pdfTekst(s);
    this.doc.font(FONT).fontSize(grootte).fillColor(kleur);
    const h = this.doc.heightOfString(t, { width: this.l.breedte });
    this.doc.text(t, this.l.links, this.y, { width: this.l.breedte });
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

function tekenTabel(s: Schrijver, jaren: readonly number[], rijen: readonly BijlageRij[], totaal: BijlageRij, waarde: (r: BijlageRij, i: number) => string) {
  const { doc } = s;
  const k = kolommen(s, jaren.length);
  const x0 = s.l.links;
  const breedte = k.label + k.jaar * jaren.length + k.verandering;
  doc.save().rect(x0, s.y, breedte, RIJ).fill('#eeeeee').restore();
  s.regel('Gemeente', x0 + 3, s.y + 3, { vet: true });
  jaren.forEach((j, i) => s.regel(String(j), x0 + k.label + i * k.jaar, s.y + 3, { w: k.jaar - 4, align: 'right', vet: true }));
  s.regel(`${jaren[0]}–${jaren[jaren.length - 1]}`, x0 + k.label + jaren.length * k.jaar, s.y + 3, { w: k.verandering - 4, align: 'right', vet: true });
  s.y += RIJ;
  const schrijfRij = (r: BijlageRij, vet: boolean) => {
    s.regel(r.naam, x0 + 3, s.y + 3, { vet });
    jaren.forEach((_, i) => s.regel(waarde(r, i), x0 + k.label + i * k.jaar, s.y + 3, { w: k.jaar - 4, align: 'right', vet }));
    s.regel(formatteerProcent(r.veranderingProcent), x0 + k.label + jaren.length * k.jaar, s.y + 3, { w: k.verandering - 4, align: 'right', vet });
    s.y += RIJ;
  };
  for (const r of rijen) schrijfRij(r, false);
  doc.save().moveTo(x0, s.y).lineTo(x0 + breedte, s.y).lineWidth(0.8).strokeColor('black').stroke().restore();
  schrijfRij(totaal, true);
  doc.save().moveTo(x0, s.y).lineTo(x0 + breedte, s.y).lineWidth(0.5).strokeColor(LIJN).stroke().restore();
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

function series(t: BijlageTabel, waarde: (r: BijlageRij, i: number) => number | null, metTotaal: boolean): Serie[] {
  const out: Serie[] = t.rijen.map((r, i) => ({ naam: r.naam, kleur: KLEUREN[i % KLEUREN.length]!, waarden: r.cellen.map((_, ci) => waarde(r, ci)) }));
  if (metTotaal) out.push({ naam: 'Totaal', kleur: '#000000', waarden: t.totaal.cellen.map((_, ci) => waarde(t.totaal, ci)), vet: true });
  return out;
}

function tekenIndicator(s: Schrijver, b: Bijlage, t: BijlageTabel) {
  const ontbreekt = b.gebied.leden.filter((g) => !t.rijen.some((r) => r.code === g.code)).map((g) => g.naam);
  const noot = `${bronRegel('Bron', t.bronnen)}${ontbreekt.length ? ` Niet in de bron (geen cijfers): ${ontbreekt.join(', ')}; het Totaal telt de geleverde gemeenten.` : ''} – = onbekend of niet geleverd.`;
  const aantalSeries = series(t, (r, i) => r.cellen[i]!.aantal, false);
  const titelH = 30;
  s.ruimte(titelH + tabelHoogte(t) + GRAFIEK + legendaHoogte(s, aantalSeries) + s.hoogteAlinea(noot) + 10);
  s.regel(`${t.indicator.code} ${t.indicator.naam}`, s.l.links, s.y, { vet: true, grootte: 11 });
  s.regel(`Aantal ${t.indicator.eenheid} per gemeente, ${b.van}–${b.tot}; laatste kolom: verandering ${b.van}–${b.tot}`, s.l.links, s.y + 14, { grootte: 8, kleur: GRIJS });
  s.y += titelH - 4;
  tekenTabel(s, b.jaren, t.rijen, t.totaal, (r, i) => formatteerAantal(r.cellen[i]!.aantal));
  tekenGrafiek(s, b.jaren, aantalSeries, 'staaf');
  s.alinea(noot);
  s.y += 12;

  if (t.heeftPer1000) {
    const rateSeries = series(t, (r, i) => r.cellen[i]!.per1000, true);
    const noot2 = `${bronRegel('Inwoners', t.bevolkingsbronnen)} Per 1.000 inwoners; Totaal = som van de aantallen gedeeld door de som van de inwoners, alleen als van elke gemeente cijfers zijn.`;
    s.ruimte(titelH + tabelHoogte(t) + GRAFIEK + legendaHoogte(s, rateSeries) + s.hoogteAlinea(noot2) + 10);
    s.regel(`${t.indicator.code} ${t.indicator.naam}: per 1.000 inwoners`, s.l.links, s.y, { vet: true, grootte: 11 });
    s.regel(`${t.indicator.eenheid} per 1.000 inwoners, ${b.van}–${b.tot}; laatste kolom: verandering van het aantal`, s.l.links, s.y + 14, { grootte: 8, kleur: GRIJS });
    s.y += titelH - 4;
    tekenTabel(s, b.jaren, t.rijen, t.totaal, (r, i) => formatteerDecimaal(r.cellen[i]!.per1000, 2));
    tekenGrafiek(s, b.jaren, rateSeries, 'lijn');
    s.alinea(noot2);
    s.y += 12;
  }
}

export async function renderPdf(b: Bijlage, opties: PdfOpties = {}): Promise<{ inhoud: Buffer; delen: number }> {
  const landschap = b.jaren.length > 7;
  const periode = `${b.van}–${b.tot}`;
  const doc: Doc = new PDFDocument({
    size: 'A4',
    layout: landschap ? 'landscape' : 'portrait',
    margins: { top: 50, bottom: 56, left: 50, right: 50 },
    bufferPages: true,
    compress: opties.compress ?? true,
    lang: 'nl-NL',
    displayTitle: true,
    info: { Title: `${b.titel} – ${b.gebied.naam} ${periode}`, Author: 'Knooppunt', Subject: `Veiligheidsbeeld ${b.gebied.naam}, ${periode}`, Creator: 'Knooppunt', CreationDate: new Date(b.gegenereerdOp) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const klaar = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const s = new Schrijver(doc, landschap);
  s.regel(b.titel, s.l.links, s.y, { vet: true, grootte: 18 });
  s.y += 28;
  s.regel(`${b.gebied.naam}, ${periode}`, s.l.links, s.y, { grootte: 12 });
  s.y += 20;
  s.alinea(`Gemeenten: ${b.gebied.leden.map((g) => g.naam).join(', ')}. Gemaakt op ${datumNl(b.gegenereerdOp)} met Knooppunt uit de geïmporteerde cijfers. Per indicator een tabel gemeente × jaar met een Totaal-rij voor ${b.gebied.naam} en een grafiek; per 1.000 inwoners waar het inwonertal bekend is. Gegroepeerd naar de velden van de Kernbeleid Veiligheid. "–" betekent onbekend of niet geleverd (nooit 0). Het Totaal is de som van de geleverde gemeenten; één onbekende waarde maakt het Totaal onbekend.`, 9, 'black');
  s.y += 10;
  const inhoudY = s.y;
  const inhoud: Array<{ tekst: string; pagina: number }> = [];
  if (!b.velden.length) s.alinea(`Er zijn geen cijfers voor ${periode}. Importeer eerst cijfers (knooppunt veiligheidsbeeld import).`, 10, 'black');

  for (const v of b.velden) {
    s.nieuwePagina();
    inhoud.push({ tekst: `${v.veld === null ? '' : `Veld ${v.veld}: `}${v.naam} (${v.tabellen.map((t) => t.indicator.code).join(', ')})`, pagina: doc.bufferedPageRange().count });
    s.regel(v.veld === null ? v.naam : `Veld ${v.veld}: ${v.naam}`, s.l.links, s.y, { vet: true, grootte: 14 });
    s.y += 26;
    for (const t of v.tabellen) tekenIndicator(s, b, t);
  }

  const range = doc.bufferedPageRange();
  doc.switchToPage(range.start);
  s.y = inhoudY;
  if (inhoud.length) {
    s.regel('Inhoud', s.l.links, s.y, { vet: true, grootte: 12 });
    s.y += 18;
    for (const r of inhoud) {
      doc.font(FONT).fontSize(9);
      const tekst = pdfTekst(r.tekst);
      const w = s.l.breedte - 40;
      const h = doc.heightOfString(tekst, { width: w });
      doc.fillColor('black').text(tekst, s.l.links, s.y, { width: w });
      s.regel(String(r.pagina), s.l.rechts - 30, s.y, { w: 30, align: 'right' });
      s.y += h + 4;
    }
  }
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const p = doc.page;
    p.margins.bottom = 0;
    const y = p.height - 36;
    doc.save().moveTo(p.margins.left, y - 6).lineTo(p.width - p.margins.right, y - 6).lineWidth(0.4).strokeColor(LIJN).stroke().restore();
    s.regel(`${b.titel} – ${b.gebied.naam} ${periode}`, p.margins.left, y, { grootte: 7.5, kleur: GRIJS });
    s.regel(`Pagina ${i + 1} van ${range.count}`, p.margins.left, y, { w: p.width - p.margins.left - p.margins.right, align: 'right', grootte: 7.5, kleur: GRIJS });
  }
  doc.end();
  return { inhoud: await klaar, delen: range.count };
}
