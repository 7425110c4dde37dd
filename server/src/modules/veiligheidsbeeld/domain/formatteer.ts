// SPDX-License-Identifier: EUPL-1.2
// Dutch number formatting for presentation only (tables, PDF, charts): 1.187; −21,8 %; 7,35.
// The API returns plain numbers.

// Intl.NumberFormat is costly to construct and an appendix formats thousands of cells: one per precision.
const formatters = new Map<string, Intl.NumberFormat>();
function nl(min: number, max: number): Intl.NumberFormat {
  const key = `${min}|${max}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: true });
    formatters.set(key, f);
  }
  return f;
}

const MINUS = '\u2212';

function teken(s: string): string {
  return s.replace(/^-/, MINUS);
}

/** 1187 → '1.187'; null → '–' (unknown, never 0). */
export function formatteerAantal(n: number | null, onbekend = '–'): string {
  if (n === null) return onbekend;
  // Intl's nl-NL leaves four-digit numbers ungrouped; the plan prints 1.187.
  const s = nl(0, 0).format(Math.round(n));
  return teken(/^-?\d{4}$/.test(s) ? s.replace(/(\d)(\d{3})$/, '$1.$2') : s);
}

/** −21.8 → '−21,8 %'. */
export function formatteerProcent(p: number | null, decimalen = 1, onbekend = '–'): string {
  if (p === null) return onbekend;
  return `${teken(nl(decimalen, decimalen).format(p))} %`;
}

/** 7.3512 → '7,35'. */
export function formatteerDecimaal(n: number | null, decimalen = 2, onbekend = '–'): string {
  if (n === null) return onbekend;
  return teken(nl(decimalen, decimalen).format(n));
}
