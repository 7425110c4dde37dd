// SPDX-License-Identifier: EUPL-1.2
// Nederlandse getalnotatie voor het veiligheidsbeeld: 1.187; −21,8 %; 12,345.
const heel = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const cache = new Map<number, Intl.NumberFormat>();

function metDecimalen(d: number): Intl.NumberFormat {
  let f = cache.get(d);
  if (!f) {
    f = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: d, maximumFractionDigits: d });
    cache.set(d, f);
  }
  return f;
}

const MIN = '\u2212';

/** Getal in Nederlandse notatie; `null` (onbekend) wordt "onbekend". */
export function getal(n: number | null | undefined, decimalen = 0, onbekend = 'onbekend'): string {
  if (n === null || n === undefined || Number.isNaN(n)) return onbekend;
  const s = decimalen === 0 ? heel.format(Math.abs(n)) : metDecimalen(decimalen).format(Math.abs(n));
  return n < 0 ? `${MIN}${s}` : s;
}

/** Verschil met teken: +12, −258. */
export function verschil(n: number | null | undefined): string {
  if (n === null || n === undefined) return 'onbekend';
  return n > 0 ? `+${getal(n)}` : getal(n);
}

/** Percentage met teken en één decimaal: −21,8 %. */
export function procent(n: number | null | undefined): string {
  if (n === null || n === undefined) return 'onbekend';
  const s = `${getal(n, 1)} %`;
  return n > 0 ? `+${s}` : s;
}

/** Getal voor een CSV-bestand: geen duizendtalscheiding, decimale komma, leeg voor onbekend. */
export function csvGetal(n: number | null | undefined, decimalen = 0): string {
  if (n === null || n === undefined) return '';
  return decimalen === 0 ? String(Math.round(n)) : n.toFixed(decimalen).replace('.', ',');
}

const maandNamen = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** "2026-03" → "mrt 2026". */
export function maandLabel(maand: string): string {
  const [j, m] = maand.split('-');
  return `${maandNamen[Number(m) - 1] ?? m} ${j}`;
}
