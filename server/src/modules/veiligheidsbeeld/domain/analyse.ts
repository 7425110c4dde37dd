// SPDX-License-Identifier: EUPL-1.2
// The analysis of the veiligheidsbeeld, pure: totals, per-1,000 rates, change and index against a
// base year, trend direction and ranking. Numbers stay numbers here; Dutch formatting is done by
// presentation (see formatteer.ts).
//
// Conventions (documented in docs/api.md):
//  - null means unknown (police suppression, or no population): it is never read as 0.
//  - A total over gemeenten is the sum of the delivered values; one unknown value makes the total
//    unknown. A gemeente without any row for that indicator and year (the source did not deliver
//    it, as in the plan's appendix, which omits gemeenten with nothing to show) does not contribute
//    and is listed in `ontbrekend`. No row at all → null.
//  - Per 1,000 for a group = sum of counts ÷ sum of populations × 1,000, only when every member has
//    a count row and a known population (otherwise null); never a mean of rates.

export type Aantal = number | null;

export function som(delen: readonly Aantal[]): Aantal {
  if (delen.length === 0) return null;
  let s = 0;
  for (const d of delen) {
    if (d === null) return null;
    s += d;
  }
  return s;
}

export function per1000(aantal: Aantal, inwoners: Aantal): number | null {
  if (aantal === null || inwoners === null || inwoners <= 0) return null;
  return (aantal / inwoners) * 1000;
}

export interface Totaal {
  aantal: Aantal;
  inwoners: Aantal;
  per1000: number | null;
  /** Members without a row for this period. */
  ontbrekend: string[];
}

/** Total of a group (or one gemeente) for one period. `waarden`/`inwoners`: per member, undefined = no row. */
export function totaalVoorGroep(leden: readonly string[], waarden: ReadonlyMap<string, Aantal>, inwoners: ReadonlyMap<string, Aantal>): Totaal {
  const aanwezig = leden.filter((l) => waarden.has(l));
  const ontbrekend = leden.filter((l) => !waarden.has(l));
  const aantal = som(aanwezig.map((l) => waarden.get(l) ?? null));
  const volledig = ontbrekend.length === 0;
  const inw = volledig ? som(leden.map((l) => inwoners.get(l) ?? null)) : null;
  return { aantal, inwoners: inw, per1000: volledig ? per1000(aantal, inw) : null, ontbrekend };
}

export interface Punt {
  jaar: number;
  aantal: Aantal;
}

/** Index against the base value (base = 100); null when either is unknown or the base is 0. */
export function index(aantal: Aantal, basis: Aantal): number | null {
  if (aantal === null || basis === null || basis === 0) return null;
  return (aantal / basis) * 100;
}

export interface Verandering {
  basisjaar: number;
  eindjaar: number;
  absoluut: number | null;
  /** Percentage change (−21.8 for a fall of 21.8 %); null when the base is unknown or 0. */
  procent: number | null;
}

/** Change from the base year (default: first year of the series) to the last year of the series. */
export function verandering(reeks: readonly Punt[], basisjaar?: number): Verandering | null {
  if (reeks.length === 0) return null;
  const sorted = [...reeks].sort((a, b) => a.jaar - b.jaar);
  const basis = sorted.find((p) => p.jaar === (basisjaar ?? sorted[0]!.jaar));
  const eind = sorted[sorted.length - 1]!;
  if (!basis) return null;
  const absoluut = basis.aantal === null || eind.aantal === null ? null : eind.aantal - basis.aantal;
  const idx = index(eind.aantal, basis.aantal);
  return { basisjaar: basis.jaar, eindjaar: eind.jaar, absoluut, procent: idx === null ? null : idx - 100 };
}

export type Richting = 'stijgend' | 'dalend' | 'stabiel' | 'onbekend';

export interface Trend {
  richting: Richting;
  /** Least-squares slope in units per year. */
  helling: number | null;
  /** Slope relative to the mean of the known values (0.05 = +5 % of the mean per year). */
  relatieveHelling: number | null;
  punten: number;
}

/** A relative slope within ±TREND_DREMPEL per year counts as stable. */
export const TREND_DREMPEL = 0.02;
export const TREND_MIN_PUNTEN = 3;

/**
 * Trend direction: ordinary least squares over the known (year, value) points; the slope divided
 * by the mean value gives the yearly change relative to the level. |relative| < 2 % → stabiel.
 * Fewer than three known points → onbekend. A series of zeros is stabiel.
 */
export function trend(reeks: readonly Punt[], drempel = TREND_DREMPEL): Trend {
  const pts = reeks.filter((p): p is { jaar: number; aantal: number } => p.aantal !== null);
  const n = pts.length;
  if (n < TREND_MIN_PUNTEN) return { richting: 'onbekend', helling: null, relatieveHelling: null, punten: n };
  const mx = pts.reduce((s, p) => s + p.jaar, 0) / n;
  const my = pts.reduce((s, p) => s + p.aantal, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of pts) {
    sxy += (p.jaar - mx) * (p.aantal - my);
    sxx += (p.jaar - mx) ** 2;
  }
  const helling = sxx === 0 ? 0 : sxy / sxx;
  if (my === 0) return { richting: helling === 0 ? 'stabiel' : helling > 0 ? 'stijgend' : 'dalend', helling, relatieveHelling: null, punten: n };
  const rel = helling / my;
  return { richting: rel > drempel ? 'stijgend' : rel < -drempel ? 'dalend' : 'stabiel', helling, relatieveHelling: rel, punten: n };
}

export interface Rang<T extends string> {
  gebied: T;
  waarde: number | null;
  /** 1 = highest value; equal values share a rank; unknown values get no rank and come last. */
  rang: number | null;
}

export function rangschik<T extends string>(items: ReadonlyArray<{ gebied: T; waarde: number | null }>): Rang<T>[] {
  const known = items.filter((i) => i.waarde !== null).sort((a, b) => b.waarde! - a.waarde! || a.gebied.localeCompare(b.gebied));
  const out: Rang<T>[] = [];
  known.forEach((i, pos) => {
    const prev = out[pos - 1];
    out.push({ gebied: i.gebied, waarde: i.waarde, rang: prev && prev.waarde === i.waarde ? prev.rang : pos + 1 });
  });
  for (const i of items.filter((x) => x.waarde === null).sort((a, b) => a.gebied.localeCompare(b.gebied))) out.push({ gebied: i.gebied, waarde: null, rang: null });
  return out;
}

export interface Cel {
  aantal: number | null;
  onderdrukt: boolean;
}

/** Public output of own meldingen: counts below the minimum (default 5) become null + onderdrukt. 0 stays 0. */
export const MIN_CEL = 5;
export function onderdruk(aantal: number, min = MIN_CEL): Cel {
  return aantal > 0 && aantal < min ? { aantal: null, onderdrukt: true } : { aantal, onderdrukt: false };
}
