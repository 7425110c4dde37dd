// SPDX-License-Identifier: EUPL-1.2
// Gemeente codes with history. Series are kept on today's borders: a value delivered under a code
// that has since merged is attributed to its final successor (0265, 0282 → 0241 → 1945), and the
// successor's value for that year is the sum of all its predecessors valid in that year (2014:
// 0241 + 0265 + 0282; 2015: 0241 only). The successor table is data (Gebied.geldigTot/opvolger).
import type { Gebied } from './catalogus.js';

/** 'GM0296', 'gm0296', '0296', '296', 'GM0296  ' → 'GM0296'; null when not a gemeente code. */
export function normaliseerGemeentecode(raw: string): string | null {
  const m = /^(?:GM)?(\d{1,4})$/i.exec(raw.trim());
  return m ? `GM${m[1]!.padStart(4, '0')}` : null;
}

export type Herleiding =
  | { kind: 'ok'; code: string; via: string | null }
  | { kind: 'fout'; melding: string };

/** Does the code exist in that year, and which current gemeente does it belong to? */
export function herleidGemeente(code: string, jaar: number, gebieden: ReadonlyMap<string, Gebied>): Herleiding {
  const g = gebieden.get(code);
  if (!g) return { kind: 'ok', code, via: null }; // not in our history table: taken as a current code
  if (g.soort !== 'gemeente') return { kind: 'fout', melding: `${code} is geen gemeentecode.` };
  if (!g.geldigTot) return { kind: 'ok', code, via: null }; // current code: also for earlier years (series on today's borders)
  const start = `${jaar}-01-01`;
  if (start >= g.geldigTot) return { kind: 'fout', melding: `Gemeentecode ${code} (${g.naam}) bestond in ${jaar} niet meer (opgeheven per ${g.geldigTot}).` };
  if (g.geldigVan && g.geldigVan > `${jaar}-12-31`) return { kind: 'fout', melding: `Gemeentecode ${code} (${g.naam}) bestond in ${jaar} nog niet.` };
  let current = g;
  const seen = new Set<string>([code]);
  while (current.geldigTot && current.opvolger) {
    const next = gebieden.get(current.opvolger);
    if (!next || seen.has(next.code)) break;
    seen.add(next.code);
    current = next;
  }
  return { kind: 'ok', code: current.code, via: code };
}

/** The historical codes valid in `jaar` whose final successor is `doel` (for the completeness check). */
export function voorgangersIn(doel: string, jaar: number, gebieden: ReadonlyMap<string, Gebied>): string[] {
  const out: string[] = [];
  for (const g of gebieden.values()) {
    if (g.soort !== 'gemeente' || !g.geldigTot || g.code === doel) continue;
    const h = herleidGemeente(g.code, jaar, gebieden);
    if (h.kind === 'ok' && h.code === doel) out.push(g.code);
  }
  return out.sort();
}

/** Current member gemeenten of a gebied: itself for a gemeente, its members for a group. */
export function ledenVan(gebied: Gebied): string[] {
  return gebied.soort === 'groep' ? [...gebied.leden] : [gebied.code];
}
