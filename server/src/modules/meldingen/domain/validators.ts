// SPDX-License-Identifier: EUPL-1.2
// Pure validators and normalisers for intake fields; never throw on any input, messages in Dutch.
import { toLocalDate } from './werkdagen.js';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): ValidationResult<T> => ({ ok: true, value });
const fail = <T>(message: string): ValidationResult<T> => ({ ok: false, message });

/** Longest raw input we look at for short fields; anything longer is rejected before parsing. */
const SHORT_INPUT_MAX = 100;

/** A trimmed string, or null for non-strings and over-long input. Integers are accepted as digits. */
function shortString(input: unknown, allowNumber = false): string | null {
  if (typeof input === 'string') return input.length > SHORT_INPUT_MAX ? null : input.trim();
  if (allowNumber && typeof input === 'number' && Number.isSafeInteger(input) && input >= 0) return String(input);
  return null;
}

// --- BSN -----------------------------------------------------------------------------------

const BSN_MESSAGE = 'Vul een geldig burgerservicenummer (BSN) in van 9 cijfers.';
const BSN_CHECK_MESSAGE = 'Dit burgerservicenummer (BSN) klopt niet. Controleer de cijfers.';

/** The 11-proef for a 9-digit string: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11). */
export function elfProef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** Burgerservicenummer: 9 digits (8 gets a leading zero), spaces and dots allowed, 11-proef, not all zeros. */
export function bsn(input: unknown): ValidationResult<string> {
  const raw = shortString(input, true);
  if (raw === null) return fail(BSN_MESSAGE);
  let digits = raw.replace(/[\s.]/g, '');
  if (!/^\d{8,9}$/.test(digits)) return fail(BSN_MESSAGE);
  if (digits.length === 8) digits = `0${digits}`;
  if (digits === '000000000' || !elfProef(digits)) return fail(BSN_CHECK_MESSAGE);
  return ok(digits);
}

// --- KvK-nummer ----------------------------------------------------------------------------

/** KvK-nummer: exactly 8 digits after removing spaces and dots (no check digit since 2016). */
export function kvkNummer(input: unknown): ValidationResult<string> {
  const raw = shortString(input, true);
  const digits = raw === null ? '' : raw.replace(/[\s.]/g, '');
  if (!/^\d{8}$/.test(digits)) return fail('Vul een geldig KvK-nummer in van 8 cijfers.');
  return ok(digits);
}

// --- Postcode and address parts ------------------------------------------------------------

const POSTCODE_MESSAGE = 'Vul een geldige postcode in, bijvoorbeeld 6601 AB.';

/** Dutch postcode: 4 digits (first 1–9) + 2 letters, not SA/SD/SS; returned as 1234AB. */
export function postcode(input: unknown): ValidationResult<string> {
  const raw = shortString(input);
  if (raw === null) return fail(POSTCODE_MESSAGE);
  const compact = raw.replace(/\s+/g, '').toUpperCase();
  const m = /^([1-9]\d{3})([A-Z]{2})$/.exec(compact);
  if (!m || m[2] === 'SA' || m[2] === 'SD' || m[2] === 'SS') return fail(POSTCODE_MESSAGE);
  return ok(compact);
}

/** Huisnummer: integer 1–99999 (number or digit string). */
export function huisnummer(input: unknown): ValidationResult<number> {
  const message = 'Vul een huisnummer in van 1 tot en met 99999.';
  const raw = shortString(input, true);
  if (raw === null || !/^\d{1,5}$/.test(raw)) return fail(message);
  const n = Number(raw);
  return n >= 1 && n <= 99999 ? ok(n) : fail(message);
}

/** Huisletter: one letter a–z, returned in upper case (compare BAG values case-insensitively). */
export function huisletter(input: unknown): ValidationResult<string> {
  const raw = shortString(input);
  if (raw === null || !/^[A-Za-z]$/.test(raw)) return fail('Vul als huisletter één letter in, bijvoorbeeld A.');
  return ok(raw.toUpperCase());
}

/** Huisnummertoevoeging: 1–4 letters or digits, returned in upper case. */
export function huisnummertoevoeging(input: unknown): ValidationResult<string> {
  const raw = shortString(input, true);
  if (raw === null || !/^[A-Za-z0-9]{1,4}$/.test(raw)) {
    return fail('Vul als toevoeging maximaal 4 letters of cijfers in, bijvoorbeeld 2 of BIS.');
  }
  return ok(raw.toUpperCase());
}

// --- Kenteken ------------------------------------------------------------------------------

export interface Kenteken {
  /** Upper case, without dashes or spaces, e.g. "AB123C". */
  kenteken: string;
  /** With dashes per sidecode, e.g. "AB-123-C". */
  opgemaakt: string;
  /** RDW sidecode 1–14. */
  sidecode: number;
}

/**
 * RDW sidecodes 1–14 as letter (L) / digit (D) patterns with their dash groups.
 * 1 LL-DD-DD, 2 DD-DD-LL, 3 DD-LL-DD, 4 LL-DD-LL, 5 LL-LL-DD, 6 DD-LL-LL, 7 DD-LLL-D, 8 D-LLL-DD,
 * 9 LL-DDD-L, 10 L-DDD-LL, 11 LLL-DD-L, 12 L-DD-LLL, 13 D-LL-DDD, 14 DDD-LL-D.
 */
const SIDECODES: ReadonlyArray<{ sidecode: number; groups: readonly string[] }> = [
  { sidecode: 1, groups: ['LL', 'DD', 'DD'] },
  { sidecode: 2, groups: ['DD', 'DD', 'LL'] },
  { sidecode: 3, groups: ['DD', 'LL', 'DD'] },
  { sidecode: 4, groups: ['LL', 'DD', 'LL'] },
  { sidecode: 5, groups: ['LL', 'LL', 'DD'] },
  { sidecode: 6, groups: ['DD', 'LL', 'LL'] },
  { sidecode: 7, groups: ['DD', 'LLL', 'D'] },
  { sidecode: 8, groups: ['D', 'LLL', 'DD'] },
  { sidecode: 9, groups: ['LL', 'DDD', 'L'] },
  { sidecode: 10, groups: ['L', 'DDD', 'LL'] },
  { sidecode: 11, groups: ['LLL', 'DD', 'L'] },
  { sidecode: 12, groups: ['L', 'DD', 'LLL'] },
  { sidecode: 13, groups: ['D', 'LL', 'DDD'] },
  { sidecode: 14, groups: ['DDD', 'LL', 'D'] },
];

function shapeOf(plate: string): string {
  return plate.replace(/[A-Z]/g, 'L').replace(/\d/g, 'D');
}

/**
 * Dutch licence plate with or without dashes/spaces. Every letter A–Z is accepted (older and special
 * plates use letters the RDW no longer issues); the shape must match one of sidecodes 1–14.
 */
export function kenteken(input: unknown): ValidationResult<Kenteken> {
  const message = 'Vul een geldig Nederlands kenteken in, bijvoorbeeld AB-123-C.';
  const raw = shortString(input);
  if (raw === null) return fail(message);
  const plate = raw.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z0-9]{6}$/.test(plate)) return fail(message);
  const shape = shapeOf(plate);
  for (const { sidecode, groups } of SIDECODES) {
    if (groups.join('') !== shape) continue;
    const parts: string[] = [];
    let at = 0;
    for (const g of groups) {
      parts.push(plate.slice(at, at + g.length));
      at += g.length;
    }
    return ok({ kenteken: plate, opgemaakt: parts.join('-'), sidecode });
  }
  return fail(message);
}

// --- E-mail --------------------------------------------------------------------------------

const EMAIL_MESSAGE = 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.';
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Pragmatic e-mail check (ASCII, one @, a dotted domain with a 2+ letter TLD); the domain is lower-cased. */
export function email(input: unknown): ValidationResult<string> {
  if (typeof input !== 'string' || input.length > 320) return fail(EMAIL_MESSAGE);
  const value = input.trim();
  if (value.length > 254) return fail(EMAIL_MESSAGE);
  const at = value.lastIndexOf('@');
  if (at <= 0 || value.indexOf('@') !== at) return fail(EMAIL_MESSAGE);
  const local = value.slice(0, at);
  const domain = value.slice(at + 1).toLowerCase();
  if (local.length > 64 || !LOCAL_PART.test(local)) return fail(EMAIL_MESSAGE);
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l))) return fail(EMAIL_MESSAGE);
  const tld = labels[labels.length - 1] ?? '';
  if (!/^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)) return fail(EMAIL_MESSAGE);
  return ok(`${local}@${domain}`);
}

// --- Telefoonnummer ------------------------------------------------------------------------

const PHONE_MESSAGE = 'Vul een Nederlands telefoonnummer in, bijvoorbeeld 06 12345678 of 024 1234567.';

/**
 * Dutch phone number (06…, 0xx…, +31…, 0031…), normalised to E.164 (+31 and 9 digits).
 * Accepts spaces, dashes, dots, brackets and the "+31 (0)" style. Service numbers (0800/0900/
 * 0906/0909, other lengths) and foreign numbers are rejected.
 */
export function telefoonnummer(input: unknown): ValidationResult<string> {
  const raw = shortString(input);
  if (raw === null) return fail(PHONE_MESSAGE);
  let s = raw.replace(/\(0\)/g, '').replace(/[\s\-.()/]/g, '');
  if (s.startsWith('+31')) s = s.slice(3);
  else if (s.startsWith('0031')) s = s.slice(4);
  else if (s.startsWith('0') && !s.startsWith('00')) s = s.slice(1);
  else return fail(PHONE_MESSAGE);
  if (s.length === 10 && s.startsWith('0')) s = s.slice(1); // "+31 06…": a stray trunk zero
  if (!/^[1-9]\d{8}$/.test(s)) return fail(PHONE_MESSAGE);
  if (/^(?:800|900|906|909)/.test(s)) return fail(PHONE_MESSAGE);
  return ok(`+31${s}`);
}

// --- Geboortedatum -------------------------------------------------------------------------

/**
 * Birth date as YYYY-MM-DD: a real calendar date from 1900-01-01 up to today (Europe/Amsterdam).
 * `now` is injectable for tests.
 */
export function geboortedatum(input: unknown, options: { now?: Date } = {}): ValidationResult<string> {
  const raw = shortString(input);
  const m = raw === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (raw === null || !m) return fail('Vul de geboortedatum in als JJJJ-MM-DD, bijvoorbeeld 1980-05-17.');
  if (raw < '1900-01-01') return fail('Vul een geboortedatum in vanaf 1900.');
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return fail('Deze datum bestaat niet. Controleer dag en maand.');
  }
  let today: string;
  try {
    today = toLocalDate(options.now ?? new Date());
  } catch {
    return fail('De geboortedatum kan nu niet worden gecontroleerd.');
  }
  if (raw > today) return fail('De geboortedatum kan niet in de toekomst liggen.');
  return ok(raw);
}

// --- Vrije tekst ---------------------------------------------------------------------------

export interface VrijeTekstOptions {
  /** Minimum length in characters (code points) after trimming. */
  min: number;
  /** Maximum length in characters (code points) after trimming. */
  max: number;
}

/** True when the text has a C0 control other than tab/newline, DEL, a C1 control or a lone surrogate. */
function hasForbiddenCodeUnit(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f)) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i += 1;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return true;
    }
  }
  return false;
}

/**
 * Free text: line endings normalised to \n, Unicode NFC, trimmed; rejects control characters other
 * than newline and tab, and broken Unicode. Lengths count code points. Throws RangeError only for
 * invalid options (a programming error), never because of the input.
 */
export function vrijeTekst(input: unknown, { min, max }: VrijeTekstOptions): ValidationResult<string> {
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min < 0 || max < min) {
    throw new RangeError('vrijeTekst: min en max moeten gehele getallen zijn met 0 ≤ min ≤ max.');
  }
  if (typeof input !== 'string') return fail('Vul een tekst in.');
  // Cheap upper bound before any work: a code point is at most 2 UTF-16 units, plus CRLF slack.
  if (input.length > max * 4 + 1000) return fail(`Gebruik maximaal ${max} tekens.`);
  const value = input.replace(/\r\n?/g, '\n').trim();
  if (hasForbiddenCodeUnit(value)) {
    return fail('De tekst bevat onzichtbare stuurtekens of ongeldige tekens. Haal die weg en probeer het opnieuw.');
  }
  const normalised = value.normalize('NFC');
  const length = [...normalised].length;
  if (length < min) return fail(min === 1 ? 'Vul dit veld in.' : `Vul minimaal ${min} tekens in.`);
  if (length > max) return fail(`Gebruik maximaal ${max} tekens.`);
  return ok(normalised);
}
