// SPDX-License-Identifier: EUPL-1.2
// Dutch working days and deadlines (Algemene termijnenwet), computed on Europe/Amsterdam local dates.
//
// Holidays (Atw art. 3 lid 1): Nieuwjaarsdag, Tweede Paasdag, Hemelvaartsdag, Tweede Pinksterdag,
// Eerste en Tweede Kerstdag, Koningsdag (27 April; 26 April when the 27th is a Sunday, Wet viering
// Koningsdag) and "de vijfde mei": Bevrijdingsdag counts every year for the Atw, even though many
// employers only give it off once every five years. Eerste Paasdag and Eerste Pinksterdag are listed
// as well; they are Sundays anyway.
//
// Goede Vrijdag: art. 3 lid 2 Atw equates it with the holidays of lid 1 ("Voor de toepassing van
// deze wet wordt de Goede Vrijdag met de in het vorige lid genoemde dagen gelijkgesteld", as quoted
// by staatsrechtpraktijk.nl and nl.wikipedia.org/wiki/Algemene_termijnenwet), so it is a non-working
// day by default. Pass `{ goedeVrijdag: false }` for a service norm that treats it as a working day.
// Days added by Koninklijk Besluit (art. 3 lid 3, e.g. the Friday after Hemelvaartsdag) are not
// included: they are published per period in the Staatscourant and belong in versioned data.
//
// Not legal advice: the jurist confirms which clock (statutory term, duration, service norm) applies.

export interface Holiday {
  /** Local date, YYYY-MM-DD. */
  date: string;
  name: string;
}

export interface WerkdagOptions {
  /** Treat Goede Vrijdag as a non-working day (art. 3 lid 2 Atw). Default true. */
  goedeVrijdag?: boolean;
}

export type TermUnit = 'werkdagen' | 'kalenderdagen';

const TIME_ZONE = 'Europe/Amsterdam';
const DAY_MS = 86_400_000;
/** Gregorian Easter computus; the upper bound keeps dates in four-digit years. */
export const MIN_YEAR = 1583;
export const MAX_YEAR = 9999;
const MAX_TERM = 100_000;

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
  era: 'short',
});

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(epochMs: number): LocalParts {
  const out: LocalParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  let bc = false;
  for (const part of formatter.formatToParts(epochMs)) {
    switch (part.type) {
      case 'year': out.year = Number(part.value); break;
      case 'month': out.month = Number(part.value); break;
      case 'day': out.day = Number(part.value); break;
      case 'hour': out.hour = Number(part.value); break;
      case 'minute': out.minute = Number(part.value); break;
      case 'second': out.second = Number(part.value); break;
      case 'era': bc = part.value.startsWith('B'); break;
      default: break;
    }
  }
  if (bc) out.year = 1 - out.year;
  return out;
}

/** UTC epoch ms of a proleptic-Gregorian calendar date/time, valid for all years (no 0–99 quirk). */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/** Offset of Europe/Amsterdam from UTC at the given instant, in ms (whole seconds). */
function offsetAt(epochMs: number): number {
  const p = localParts(epochMs);
  return utcMs(p.year, p.month, p.day, p.hour, p.minute, p.second) - Math.floor(epochMs / 1000) * 1000;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

interface YMD {
  year: number;
  month: number;
  day: number;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseLocalDate(localDate: string): YMD {
  const m = LOCAL_DATE.exec(localDate);
  if (!m) throw new RangeError(`Geen geldige datum (JJJJ-MM-DD): ${localDate}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const check = new Date(utcMs(year, month, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Geen bestaande datum: ${localDate}`);
  }
  if (year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`Jaar buiten ${MIN_YEAR}–${MAX_YEAR}: ${localDate}`);
  return { year, month, day };
}

function dayNumber(d: YMD): number {
  return Math.round(utcMs(d.year, d.month, d.day) / DAY_MS);
}

function fromDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Adds calendar days to a local date (YYYY-MM-DD). */
export function addLocalDays(localDate: string, days: number): string {
  return fromDayNumber(dayNumber(parseLocalDate(localDate)) + days);
}

/** The Europe/Amsterdam calendar date of an instant, as YYYY-MM-DD. */
export function toLocalDate(instant: Date): string {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError('Ongeldig tijdstip.');
  const p = localParts(ms);
  if (p.year < MIN_YEAR || p.year > MAX_YEAR) throw new RangeError(`Jaar buiten ${MIN_YEAR}–${MAX_YEAR}.`);
  return formatDate(p.year, p.month, p.day);
}

/** Start of the local day (00:00 Europe/Amsterdam) as a UTC instant. Midnight is never inside a DST gap here. */
function startOfLocalDayMs(d: YMD): number {
  const guess = utcMs(d.year, d.month, d.day);
  const first = guess - offsetAt(guess);
  return guess - offsetAt(first);
}

/** 23:59:59.999 Europe/Amsterdam on the given local date, as a Date (correct on DST change days). */
export function endOfLocalDay(localDate: string): Date {
  const next = parseLocalDate(addLocalDays(localDate, 1));
  return new Date(startOfLocalDayMs(next) - 1);
}

/** Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher) as YYYY-MM-DD. */
export function easterSunday(year: number): string {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatDate(year, month, day);
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Jaar moet een geheel getal zijn tussen ${MIN_YEAR} en ${MAX_YEAR}.`);
  }
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(localDate: string): number {
  const d = parseLocalDate(localDate);
  return new Date(utcMs(d.year, d.month, d.day)).getUTCDay();
}

/** The day the monarch's birthday is celebrated, or null before 1949 (not modelled). */
function monarchDay(year: number): Holiday | null {
  if (year >= 2014) {
    const date = formatDate(year, 4, 27);
    return { date: weekday(date) === 0 ? formatDate(year, 4, 26) : date, name: 'Koningsdag' };
  }
  if (year >= 1949) {
    const date = formatDate(year, 4, 30);
    if (weekday(date) !== 0) return { date, name: 'Koninginnedag' };
    return { date: year >= 1980 ? formatDate(year, 4, 29) : formatDate(year, 5, 1), name: 'Koninginnedag' };
  }
  return null;
}

/**
 * The algemeen erkende feestdagen of a year (plus Goede Vrijdag unless disabled), sorted by date.
 * Two holidays can fall on one date (e.g. Bevrijdingsdag and Hemelvaartsdag in 2016); both are listed.
 */
export function dutchHolidays(year: number, options: WerkdagOptions = {}): Holiday[] {
  assertYear(year);
  const easter = easterSunday(year);
  const list: Holiday[] = [
    { date: formatDate(year, 1, 1), name: 'Nieuwjaarsdag' },
    { date: easter, name: 'Eerste Paasdag' },
    { date: addLocalDays(easter, 1), name: 'Tweede Paasdag' },
    { date: formatDate(year, 5, 5), name: 'Bevrijdingsdag' },
    { date: addLocalDays(easter, 39), name: 'Hemelvaartsdag' },
    { date: addLocalDays(easter, 49), name: 'Eerste Pinksterdag' },
    { date: addLocalDays(easter, 50), name: 'Tweede Pinksterdag' },
    { date: formatDate(year, 12, 25), name: 'Eerste Kerstdag' },
    { date: formatDate(year, 12, 26), name: 'Tweede Kerstdag' },
  ];
  if (options.goedeVrijdag !== false) list.push({ date: addLocalDays(easter, -2), name: 'Goede Vrijdag' });
  const monarch = monarchDay(year);
  if (monarch) list.push(monarch);
  return list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

const holidayCache = new Map<string, ReadonlySet<string>>();

function holidaySet(year: number, options: WerkdagOptions): ReadonlySet<string> {
  const key = `${year}:${options.goedeVrijdag !== false}`;
  let set = holidayCache.get(key);
  if (!set) {
    set = new Set(dutchHolidays(year, options).map((h) => h.date));
    holidayCache.set(key, set);
  }
  return set;
}

/** True for Monday–Friday that is not a holiday. Throws RangeError for a malformed date. */
export function isWerkdag(localDate: string, options: WerkdagOptions = {}): boolean {
  const wd = weekday(localDate);
  if (wd === 0 || wd === 6) return false;
  return !holidaySet(Number(localDate.slice(0, 4)), options).has(localDate);
}

/**
 * Deadline of a term: the end (23:59:59.999 Europe/Amsterdam) of the amount-th working or calendar
 * day after the local date of `start`. Amount 0 gives the end of the start day itself, whatever day
 * that is. For 'kalenderdagen' no Atw extension is applied; callers that need art. 1 Atw (a
 * statutory term ending on a weekend or holiday) can move the result with `nextWerkdag`.
 */
export function addTerm(start: Date, amount: number, unit: TermUnit, options: WerkdagOptions = {}): Date {
  if (!Number.isInteger(amount) || amount < 0 || amount > MAX_TERM) {
    throw new RangeError(`Termijn moet een geheel getal zijn van 0 tot en met ${MAX_TERM}.`);
  }
  const startDate = toLocalDate(start);
  let target = startDate;
  if (unit === 'kalenderdagen') {
    target = addLocalDays(startDate, amount);
  } else if (unit === 'werkdagen') {
    let counted = 0;
    while (counted < amount) {
      target = addLocalDays(target, 1);
      if (isWerkdag(target, options)) counted += 1;
    }
  } else {
    throw new RangeError(`Onbekende eenheid: ${String(unit)}`);
  }
  return endOfLocalDay(target);
}

/** The first working day on or after the local date (art. 1 lid 1 Atw extension). */
export function nextWerkdag(localDate: string, options: WerkdagOptions = {}): string {
  let d = localDate;
  while (!isWerkdag(d, options)) d = addLocalDays(d, 1);
  return d;
}

/**
 * Number of working days d with localDate(a) < d <= localDate(b); negative when b lies before a.
 * Consistent with addTerm: workingDaysBetween(s, addTerm(s, n, 'werkdagen')) === n.
 */
export function workingDaysBetween(a: Date, b: Date, options: WerkdagOptions = {}): number {
  const from = toLocalDate(a);
  const to = toLocalDate(b);
  if (from === to) return 0;
  const [lo, hi, sign] = from < to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  let d = lo;
  while (d < hi) {
    d = addLocalDays(d, 1);
    if (isWerkdag(d, options)) count += 1;
  }
  return sign * count;
}
