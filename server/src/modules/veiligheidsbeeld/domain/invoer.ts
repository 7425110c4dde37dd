// SPDX-License-Identifier: EUPL-1.2
// From rows as read to rows as stored: codes attributed to today's gemeenten (summing the
// predecessors of a merged gemeente), duplicates and incomplete predecessor sets refused with
// their line numbers. Pure.
import type { Bron, Eenheid, Gebied } from './catalogus.js';
import type { Fout, RuweBevolking, RuwWaarde } from './formaten.js';
import { herleidGemeente, voorgangersIn, type Herleiding } from './gebieden.js';

export interface Waarde {
  bron: Bron;
  eenheid: Eenheid;
  code: string;
  naam: string | null;
  gebied: string;
  gebiedNaam: string | null;
  jaar: number;
  maand: number | null;
  aantal: number | null;
  /** First line of the file that contributes to this value. */
  regel: number;
  /** Historical codes summed into this value (empty when delivered under the current code). */
  via: string[];
}

export interface Inwoners {
  gebied: string;
  gebiedNaam: string | null;
  jaar: number;
  aantal: number | null;
  regel: number;
  via: string[];
}

interface Groep<T> {
  item: T;
  direct: number | null; // line of a row under the current code
  /** Historical code → line; null until a row arrives under a historical code (the rare case). */
  bijdragen: Map<string, number> | null;
  /** Sum of the parts so far; null once a part is unknown. */
  som: number | null;
}

function voegToe<T extends { aantal: number | null; regel: number; via: string[] }, K>(
  groepen: Map<K, Groep<T>>,
  sleutel: K,
  maak: () => T,
  rij: { regel: number; aantal: number | null; gemeente: string },
  via: string | null,
  beschrijf: () => string,
  fouten: Fout[],
) {
  let grp = groepen.get(sleutel);
  if (!grp) {
    grp = { item: maak(), direct: null, bijdragen: null, som: 0 };
    groepen.set(sleutel, grp);
  }
  if (via === null) {
    if (grp.direct !== null) return void fouten.push({ regel: rij.regel, melding: `${beschrijf()} komt dubbel voor (ook op regel ${grp.direct}).` });
    if (grp.bijdragen) return void fouten.push({ regel: rij.regel, melding: `${beschrijf()} staat er zowel onder ${rij.gemeente} als onder de voorganger(s) ${[...grp.bijdragen.keys()].join(', ')} (regel ${[...grp.bijdragen.values()][0]}).` });
    grp.direct = rij.regel;
  } else {
    const eerder = grp.bijdragen?.get(via);
    if (eerder !== undefined) return void fouten.push({ regel: rij.regel, melding: `${beschrijf()} (onder ${via}) komt dubbel voor (ook op regel ${eerder}).` });
    if (grp.direct !== null) return void fouten.push({ regel: rij.regel, melding: `${beschrijf()} staat er zowel onder ${via} als onder de opvolger (regel ${grp.direct}).` });
    (grp.bijdragen ??= new Map()).set(via, rij.regel);
    grp.item.via.push(via);
  }
  if (rij.regel < grp.item.regel) grp.item.regel = rij.regel;
  grp.som = grp.som === null || rij.aantal === null ? null : grp.som + rij.aantal;
}

function sluitAf<T extends { aantal: number | null; via: string[] }, K>(groepen: Map<K, Groep<T>>, doelEnJaar: (t: T) => [string, number], beschrijf: (t: T) => string, gebieden: ReadonlyMap<string, Gebied>, fouten: Fout[]): T[] {
  const out: T[] = [];
  for (const grp of groepen.values()) {
    if (grp.bijdragen) {
      const [doel, jaar] = doelEnJaar(grp.item);
      const nodig = voorgangersIn(doel, jaar, gebieden);
      const bijdragen = grp.bijdragen;
      const missend = nodig.filter((c) => !bijdragen.has(c));
      if (missend.length) {
        fouten.push({ regel: Math.min(...bijdragen.values()), melding: `${beschrijf(grp.item)}: de voorgangers ${missend.join(', ')} ontbreken; ${doel} kan voor ${jaar} alleen als som van ${nodig.join(', ')} worden berekend.` });
        continue;
      }
      grp.item.via.sort();
    }
    grp.item.aantal = grp.som;
    out.push(grp.item);
  }
  return out;
}

export function herleidWaarden(rijen: readonly RuwWaarde[], gebieden: ReadonlyMap<string, Gebied>): { waarden: Waarde[]; fouten: Fout[] } {
  const fouten: Fout[] = [];
  // Most files repeat a few gemeente × year pairs many times: resolve each pair once. Keys are
  // numbers (code index, gebied index < 10,000 as GM codes have four digits, year − 1900 < 256,
  // month): national files have millions of rows, and stay far below 2^53.
  const herleidingen = new Map<string, Map<number, Herleiding>>();
  const codeIndex = new Map<string, number>();
  const gebiedIndex = new Map<string, number>();
  const groepen = new Map<number, Groep<Waarde>>();
  for (const r of rijen) {
    let perJaar = herleidingen.get(r.gemeente);
    if (!perJaar) herleidingen.set(r.gemeente, (perJaar = new Map()));
    let h = perJaar.get(r.jaar);
    if (!h) perJaar.set(r.jaar, (h = herleidGemeente(r.gemeente, r.jaar, gebieden)));
    if (h.kind === 'fout') {
      fouten.push({ regel: r.regel, melding: h.melding });
      continue;
    }
    const { code, via } = h;
    const ck = r.bron === 'politie' ? r.code : `${r.bron}|${r.code}`;
    let ci = codeIndex.get(ck);
    if (ci === undefined) codeIndex.set(ck, (ci = codeIndex.size));
    let gi = gebiedIndex.get(code);
    if (gi === undefined) gebiedIndex.set(code, (gi = gebiedIndex.size));
    const sleutel = ((ci * 10_000 + gi) * 256 + (r.jaar - 1900)) * 13 + (r.maand ?? 0);
    voegToe(
      groepen,
      sleutel,
      () => ({ bron: r.bron, eenheid: r.eenheid, code: r.code, naam: r.naam, gebied: code, gebiedNaam: via ? null : r.gemeenteNaam, jaar: r.jaar, maand: r.maand, aantal: null, regel: r.regel, via: [] }),
      r,
      via,
      () => `Code ${r.code}, ${code}, ${r.maand === null ? `${r.jaar}` : `${r.jaar}-${String(r.maand).padStart(2, '0')}`}`,
      fouten,
    );
  }
  const waarden = sluitAf(groepen, (w) => [w.gebied, w.jaar], (w) => `Code ${w.code}, ${w.gebied}, ${w.jaar}`, gebieden, fouten);
  return { waarden, fouten };
}

export function herleidBevolking(rijen: readonly RuweBevolking[], gebieden: ReadonlyMap<string, Gebied>): { bevolking: Inwoners[]; fouten: Fout[] } {
  const fouten: Fout[] = [];
  const groepen = new Map<string, Groep<Inwoners>>();
  for (const r of rijen) {
    const h = herleidGemeente(r.gemeente, r.jaar, gebieden);
    if (h.kind === 'fout') {
      fouten.push({ regel: r.regel, melding: h.melding });
      continue;
    }
    voegToe(groepen, `${h.code}|${r.jaar}`, () => ({ gebied: h.code, gebiedNaam: h.via ? null : r.gemeenteNaam, jaar: r.jaar, aantal: null, regel: r.regel, via: [] }), r, h.via, () => `Bevolking ${h.code} ${r.jaar}`, fouten);
  }
  const bevolking = sluitAf(groepen, (b) => [b.gebied, b.jaar], (b) => `Bevolking ${b.gebied} ${b.jaar}`, gebieden, fouten);
  return { bevolking, fouten };
}

/** Errors sorted by line, as problem+json field errors: `{ veld: 'regel 12', melding }`. */
export function alsVeldfouten(fouten: readonly Fout[]): Array<{ veld: string; melding: string }> {
  return [...fouten]
    .sort((a, b) => (a.regel ?? Number.MAX_SAFE_INTEGER) - (b.regel ?? Number.MAX_SAFE_INTEGER))
    .slice(0, 51)
    .map((f) => ({ veld: f.regel === null ? 'bestand' : `regel ${f.regel}`, melding: f.melding }));
}
