// SPDX-License-Identifier: EUPL-1.2
// From rows as read to rows as stored: codes attributed to today's gemeenten (summing the
// predecessors of a merged gemeente), duplicates and incomplete predecessor sets refused with
// their line numbers. Pure.
import type { Bron, Eenheid, Gebied } from './catalogus.js';
import type { Fout, RuweBevolking, RuwWaarde } from './formaten.js';
import { herleidGemeente, voorgangersIn } from './gebieden.js';

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
  bijdragen: Map<string, number>; // historical code → line
  aantallen: Array<number | null>;
}

function voegToe<T extends { aantal: number | null; regel: number; via: string[] }>(
  groepen: Map<string, Groep<T>>,
  sleutel: string,
  maak: () => T,
  rij: { regel: number; aantal: number | null; gemeente: string },
  via: string | null,
  beschrijf: string,
  fouten: Fout[],
) {
  let grp = groepen.get(sleutel);
  if (!grp) {
    grp = { item: maak(), direct: null, bijdragen: new Map(), aantallen: [] };
    groepen.set(sleutel, grp);
  }
  if (via === null) {
    if (grp.direct !== null) return void fouten.push({ regel: rij.regel, melding: `${beschrijf} komt dubbel voor (ook op regel ${grp.direct}).` });
    if (grp.bijdragen.size) return void fouten.push({ regel: rij.regel, melding: `${beschrijf} staat er zowel onder ${rij.gemeente} als onder de voorganger(s) ${[...grp.bijdragen.keys()].join(', ')} (regel ${[...grp.bijdragen.values()][0]}).` });
    grp.direct = rij.regel;
  } else {
    const eerder = grp.bijdragen.get(via);
    if (eerder !== undefined) return void fouten.push({ regel: rij.regel, melding: `${beschrijf} (onder ${via}) komt dubbel voor (ook op regel ${eerder}).` });
    if (grp.direct !== null) return void fouten.push({ regel: rij.regel, melding: `${beschrijf} staat er zowel onder ${via} als onder de opvolger (regel ${grp.direct}).` });
    grp.bijdragen.set(via, rij.regel);
    grp.item.via.push(via);
  }
  grp.item.regel = Math.min(grp.item.regel, rij.regel);
  grp.aantallen.push(rij.aantal);
}

/** Sum of parts; unknown (null) when any part is unknown. */
function som(delen: Array<number | null>): number | null {
  let s = 0;
  for (const d of delen) {
    if (d === null) return null;
    s += d;
  }
  return s;
}

function sluitAf<T extends { aantal: number | null; via: string[] }>(groepen: Map<string, Groep<T>>, doelEnJaar: (t: T) => [string, number], beschrijf: (t: T) => string, gebieden: ReadonlyMap<string, Gebied>, fouten: Fout[]): T[] {
  const out: T[] = [];
  for (const grp of groepen.values()) {
    if (grp.bijdragen.size) {
      const [doel, jaar] = doelEnJaar(grp.item);
      const nodig = voorgangersIn(doel, jaar, gebieden);
      const missend = nodig.filter((c) => !grp.bijdragen.has(c));
      if (missend.length) {
        fouten.push({ regel: Math.min(...grp.bijdragen.values()), melding: `${beschrijf(grp.item)}: de voorgangers ${missend.join(', ')} ontbreken; ${doel} kan voor ${jaar} alleen als som van ${nodig.join(', ')} worden berekend.` });
        continue;
      }
      grp.item.via.sort();
    }
    grp.item.aantal = som(grp.aantallen);
    out.push(grp.item);
  }
  return out;
}

export function herleidWaarden(rijen: readonly RuwWaarde[], gebieden: ReadonlyMap<string, Gebied>): { waarden: Waarde[]; fouten: Fout[] } {
  const fouten: Fout[] = [];
  const groepen = new Map<string, Groep<Waarde>>();
  for (const r of rijen) {
    const h = herleidGemeente(r.gemeente, r.jaar, gebieden);
    if (h.kind === 'fout') {
      fouten.push({ regel: r.regel, melding: h.melding });
      continue;
    }
    const periode = r.maand === null ? `${r.jaar}` : `${r.jaar}-${String(r.maand).padStart(2, '0')}`;
    const sleutel = `${r.bron}|${r.code}|${h.code}|${r.jaar}|${r.maand ?? ''}`;
    voegToe(
      groepen,
      sleutel,
      () => ({ bron: r.bron, eenheid: r.eenheid, code: r.code, naam: r.naam, gebied: h.code, gebiedNaam: h.via ? null : r.gemeenteNaam, jaar: r.jaar, maand: r.maand, aantal: null, regel: r.regel, via: [] }),
      r,
      h.via,
      `Code ${r.code}, ${h.code}, ${periode}`,
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
    voegToe(groepen, `${h.code}|${r.jaar}`, () => ({ gebied: h.code, gebiedNaam: h.via ? null : r.gemeenteNaam, jaar: r.jaar, aantal: null, regel: r.regel, via: [] }), r, h.via, `Bevolking ${h.code} ${r.jaar}`, fouten);
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
