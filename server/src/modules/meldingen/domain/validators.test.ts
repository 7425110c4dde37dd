// SPDX-License-Identifier: EUPL-1.2
// Tests for the intake validators: examples, and fast-check properties (including "never throws").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bsn,
  elfProef,
  email,
  geboortedatum,
  huisletter,
  huisnummer,
  huisnummertoevoeging,
  kenteken,
  kvkNummer,
  postcode,
  telefoonnummer,
  vrijeTekst,
  type ValidationResult,
} from './validators.js';

function valueOf<T>(r: ValidationResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got: ${r.message}`);
  return r.value;
}

function messageOf<T>(r: ValidationResult<T>): string {
  if (r.ok) throw new Error(`expected a failure, got: ${JSON.stringify(r.value)}`);
  return r.message;
}

const digit = fc.integer({ min: 0, max: 9 });

/** A valid BSN: eight digits plus the check digit that makes the 11-proef hold (not 000000000). */
const validBsn = fc
  .array(digit, { minLength: 8, maxLength: 8 })
  .map((d) => {
    const sum = d.reduce((acc, v, i) => acc + (9 - i) * v, 0);
    return [...d, sum % 11];
  })
  .filter((d) => (d[8] ?? 10) <= 9 && d.some((v) => v !== 0))
  .map((d) => d.join(''));

describe('bsn', () => {
  it('accepts known valid numbers, with dots/spaces and with 8 digits', () => {
    expect(valueOf(bsn('999993653'))).toBe('999993653');
    expect(valueOf(bsn('111222333'))).toBe('111222333');
    expect(valueOf(bsn(' 1234.56.782 '))).toBe('123456782');
    expect(valueOf(bsn('12345672'))).toBe('012345672');
    expect(valueOf(bsn(123456782))).toBe('123456782');
  });

  it('rejects bad checksums, wrong lengths, letters and zeros', () => {
    expect(messageOf(bsn('123456789'))).toMatch(/klopt niet/);
    expect(messageOf(bsn('000000000'))).toMatch(/klopt niet/);
    expect(messageOf(bsn('1234567'))).toMatch(/9 cijfers/);
    expect(messageOf(bsn('1234567890'))).toMatch(/9 cijfers/);
    expect(messageOf(bsn('12345678a'))).toMatch(/9 cijfers/);
    expect(bsn('').ok).toBe(false);
    expect(bsn(null).ok).toBe(false);
  });

  it('property: every generated valid BSN passes', () => {
    fc.assert(
      fc.property(validBsn, (n) => {
        expect(valueOf(bsn(n))).toBe(n);
      }),
    );
  });

  it('property: changing one digit of a valid BSN fails', () => {
    fc.assert(
      fc.property(validBsn, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (n, pos, delta) => {
        const changed = n.slice(0, pos) + String((Number(n[pos]) + delta) % 10) + n.slice(pos + 1);
        expect(elfProef(changed)).toBe(false);
        expect(bsn(changed).ok).toBe(false);
      }),
    );
  });
});

describe('kvkNummer', () => {
  it('accepts 8 digits with spaces or dots', () => {
    expect(valueOf(kvkNummer('12345678'))).toBe('12345678');
    expect(valueOf(kvkNummer('1234 5678'))).toBe('12345678');
    expect(valueOf(kvkNummer('12.34.56.78'))).toBe('12345678');
  });

  it('rejects other lengths and characters', () => {
    expect(messageOf(kvkNummer('1234567'))).toBe('Vul een geldig KvK-nummer in van 8 cijfers.');
    expect(kvkNummer('123456789').ok).toBe(false);
    expect(kvkNummer('1234567a').ok).toBe(false);
    expect(kvkNummer('1234-5678').ok).toBe(false);
  });
});

describe('postcode', () => {
  it('normalises to 1234AB', () => {
    expect(valueOf(postcode('6601 ab'))).toBe('6601AB');
    expect(valueOf(postcode('  6601   AB '))).toBe('6601AB');
    expect(valueOf(postcode('6658ZG'))).toBe('6658ZG');
  });

  it('rejects a leading zero, SA/SD/SS and other shapes', () => {
    expect(messageOf(postcode('0601 AB'))).toBe('Vul een geldige postcode in, bijvoorbeeld 6601 AB.');
    for (const bad of ['6601 SA', '6601 sd', '6601SS', '6601', '6601 A', '66011 AB', '6601-AB', 'AB 6601']) {
      expect(postcode(bad).ok).toBe(false);
    }
  });

  it('property: valid postcodes normalise idempotently', () => {
    const letters = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');
    const pc = fc
      .tuple(fc.integer({ min: 1000, max: 9999 }), letters, letters, fc.constantFrom('', ' ', '  '))
      .filter(([, a, b]) => !['SA', 'SD', 'SS'].includes((a + b).toUpperCase()));
    fc.assert(
      fc.property(pc, ([n, a, b, sep]) => {
        const value = valueOf(postcode(`${n}${sep}${a}${b}`));
        expect(value).toBe(`${n}${(a + b).toUpperCase()}`);
        expect(valueOf(postcode(value))).toBe(value);
      }),
    );
  });
});

describe('huisnummer, huisletter, huisnummertoevoeging', () => {
  it('huisnummer is an integer 1–99999', () => {
    expect(valueOf(huisnummer(1))).toBe(1);
    expect(valueOf(huisnummer(' 99999 '))).toBe(99999);
    for (const bad of [0, 100000, 1.5, -3, '12a', '', '1e3', Number.NaN]) expect(huisnummer(bad).ok).toBe(false);
  });

  it('huisletter is one letter, upper-cased', () => {
    expect(valueOf(huisletter('a'))).toBe('A');
    for (const bad of ['ab', '1', '', 'é']) expect(huisletter(bad).ok).toBe(false);
  });

  it('huisnummertoevoeging is up to 4 letters or digits', () => {
    expect(valueOf(huisnummertoevoeging('bis'))).toBe('BIS');
    expect(valueOf(huisnummertoevoeging('2hg'))).toBe('2HG');
    expect(valueOf(huisnummertoevoeging(3))).toBe('3');
    for (const bad of ['12345', '-', '', 'a b']) expect(huisnummertoevoeging(bad).ok).toBe(false);
  });
});

describe('kenteken', () => {
  it.each([
    ['AB-12-34', 'AB1234', 'AB-12-34', 1],
    ['12-34-ab', '1234AB', '12-34-AB', 2],
    ['12 AB 34', '12AB34', '12-AB-34', 3],
    ['AB12CD', 'AB12CD', 'AB-12-CD', 4],
    ['AB-CD-12', 'ABCD12', 'AB-CD-12', 5],
    ['12-AB-CD', '12ABCD', '12-AB-CD', 6],
    ['12-ABC-3', '12ABC3', '12-ABC-3', 7],
    ['1-ABC-23', '1ABC23', '1-ABC-23', 8],
    ['ab-123-c', 'AB123C', 'AB-123-C', 9],
    ['A-123-BC', 'A123BC', 'A-123-BC', 10],
    ['ABC12D', 'ABC12D', 'ABC-12-D', 11],
    ['A-12-BCD', 'A12BCD', 'A-12-BCD', 12],
    ['1-AB-234', '1AB234', '1-AB-234', 13],
    ['123-AB-4', '123AB4', '123-AB-4', 14],
  ])('%s is sidecode %s', (input, plate, formatted, sidecode) => {
    expect(valueOf(kenteken(input))).toEqual({ kenteken: plate, opgemaakt: formatted, sidecode });
  });

  it('rejects shapes outside the sidecodes', () => {
    for (const bad of ['ABCDEF', '123456', 'AB12', 'AB-12-34-5', 'A1B2C3', '', 'AB_12_34']) {
      expect(kenteken(bad).ok).toBe(false);
    }
  });

  it('property: formatting and normalising are stable', () => {
    const groupShapes = ['LL DD DD', 'DD DD LL', 'DD LL DD', 'LL DD LL', 'LL LL DD', 'DD LL LL', 'DD LLL D', 'D LLL DD', 'LL DDD L', 'L DDD LL', 'LLL DD L', 'L DD LLL', 'D LL DDD', 'DDD LL D'];
    const letter = fc.constantFrom(...'BDFGHJKLNPRSTVXZ');
    const num = fc.constantFrom(...'0123456789');
    const plate = fc.integer({ min: 0, max: 13 }).chain((i) => {
      const shape = (groupShapes[i] ?? '').replace(/ /g, '');
      return fc.tuple(fc.constant(i + 1), fc.tuple(...[...shape].map((c) => (c === 'L' ? letter : num))).map((cs) => cs.join('')));
    });
    fc.assert(
      fc.property(plate, fc.constantFrom('', '-', ' '), ([sidecode, p], sep) => {
        const r = valueOf(kenteken(sep === '' ? p.toLowerCase() : `${p.slice(0, 2)}${sep}${p.slice(2)}`));
        expect(r.kenteken).toBe(p);
        expect(r.sidecode).toBe(sidecode);
        expect(r.opgemaakt.replace(/-/g, '')).toBe(p);
        expect(valueOf(kenteken(r.opgemaakt))).toEqual(r);
      }),
    );
  });
});

describe('email', () => {
  it('accepts ordinary addresses and lower-cases the domain', () => {
    expect(valueOf(email(' Jan.de.Vries@Wijchen.NL '))).toBe('Jan.de.Vries@wijchen.nl');
    expect(valueOf(email('info+meldpunt@sub.example-gemeente.nl'))).toBe('info+meldpunt@sub.example-gemeente.nl');
  });

  it('rejects malformed addresses', () => {
    for (const bad of ['a@b', 'a..b@c.nl', '@x.nl', 'a@-x.nl', 'a@x-.nl', 'a b@c.nl', 'a@b@c.nl', 'a@c.1', 'jan@wijchen', '', `${'a'.repeat(65)}@x.nl`]) {
      expect(email(bad).ok, bad).toBe(false);
    }
  });
});

describe('telefoonnummer', () => {
  it.each([
    ['06 12345678', '+31612345678'],
    ['06-1234 5678', '+31612345678'],
    ['+31 6 12345678', '+31612345678'],
    ['+31 (0)6 1234 5678', '+31612345678'],
    ['0031612345678', '+31612345678'],
    ['+310612345678', '+31612345678'],
    ['024-1234567', '+31241234567'],
    ['(0487) 51 23 45', '+31487512345'],
  ])('%s → %s', (input, e164) => {
    expect(valueOf(telefoonnummer(input))).toBe(e164);
  });

  it('rejects short, long, foreign and service numbers', () => {
    for (const bad of ['0612345', '061234567890', '+32 2 123 45 67', '00612345678', '0800 1234', '0900-1234567', '612345678', '', 'zes']) {
      expect(telefoonnummer(bad).ok, bad).toBe(false);
    }
  });
});

describe('geboortedatum', () => {
  const now = new Date('2026-06-30T22:30:00Z'); // 1 July 2026, 00:30 in Amsterdam

  it('accepts real dates from 1900 up to today (Amsterdam date)', () => {
    expect(valueOf(geboortedatum('1980-05-17', { now }))).toBe('1980-05-17');
    expect(valueOf(geboortedatum('1900-01-01', { now }))).toBe('1900-01-01');
    expect(valueOf(geboortedatum('2024-02-29', { now }))).toBe('2024-02-29');
    expect(valueOf(geboortedatum('2026-07-01', { now }))).toBe('2026-07-01');
  });

  it('rejects impossible, early, future and badly formatted dates', () => {
    expect(messageOf(geboortedatum('2023-02-29', { now }))).toMatch(/bestaat niet/);
    expect(messageOf(geboortedatum('1899-12-31', { now }))).toMatch(/vanaf 1900/);
    expect(messageOf(geboortedatum('2026-07-02', { now }))).toMatch(/toekomst/);
    expect(geboortedatum('17-05-1980', { now }).ok).toBe(false);
    expect(geboortedatum('1980-5-17', { now }).ok).toBe(false);
  });
});

describe('vrijeTekst', () => {
  const opts = { min: 1, max: 10 };

  it('trims, normalises line endings and keeps tabs and newlines', () => {
    expect(valueOf(vrijeTekst('  a\r\nb\tc\rd  ', opts))).toBe('a\nb\tc\nd');
  });

  it('rejects control characters and broken Unicode', () => {
    expect(vrijeTekst('a\u0000b', opts).ok).toBe(false);
    expect(vrijeTekst('a\u001bb', opts).ok).toBe(false);
    expect(vrijeTekst('a\u0085b', opts).ok).toBe(false);
    expect(vrijeTekst('a\uD800b', opts).ok).toBe(false);
  });

  it('counts code points against min and max', () => {
    expect(messageOf(vrijeTekst('   ', opts))).toBe('Vul dit veld in.');
    expect(messageOf(vrijeTekst('abc', { min: 5, max: 10 }))).toBe('Vul minimaal 5 tekens in.');
    expect(messageOf(vrijeTekst('a'.repeat(11), opts))).toBe('Gebruik maximaal 10 tekens.');
    expect(valueOf(vrijeTekst('😀'.repeat(10), opts))).toBe('😀'.repeat(10));
    expect(valueOf(vrijeTekst('e\u0301', opts))).toBe('\u00e9');
  });

  it('throws only for invalid options', () => {
    expect(() => vrijeTekst('x', { min: 5, max: 2 })).toThrow(RangeError);
  });

  it('property: accepted text has no forbidden characters and respects the bounds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (s, a, b) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const r = vrijeTekst(s, { min, max });
        if (r.ok) {
          expect(r.value).toBe(r.value.trim());
          const length = [...r.value].length;
          expect(length >= min && length <= max).toBe(true);
          expect([...r.value].every((ch) => ch === '\n' || ch === '\t' || (ch.charCodeAt(0) >= 0x20 && !(ch.charCodeAt(0) >= 0x7f && ch.charCodeAt(0) <= 0x9f)))).toBe(true);
        }
      }),
    );
  });
});

describe('never throws', () => {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const hostile: unknown[] = [
    undefined,
    null,
    Symbol('x'),
    10n,
    Number.NaN,
    Infinity,
    -0,
    [],
    ['6601AB'],
    { toString: () => { throw new Error('boom'); } },
    { valueOf: () => { throw new Error('boom'); } },
    revoked.proxy,
    Object.create(null),
    'x'.repeat(1_000_000),
    '\uD800',
    () => '6601AB',
  ];
  const validators: Array<[string, (input: unknown) => ValidationResult<unknown>]> = [
    ['bsn', bsn],
    ['kvkNummer', kvkNummer],
    ['postcode', postcode],
    ['huisnummer', huisnummer],
    ['huisletter', huisletter],
    ['huisnummertoevoeging', huisnummertoevoeging],
    ['kenteken', kenteken],
    ['email', email],
    ['telefoonnummer', telefoonnummer],
    ['geboortedatum', (i) => geboortedatum(i)],
    ['vrijeTekst', (i) => vrijeTekst(i, { min: 0, max: 500 })],
  ];

  it.each(validators)('%s returns a result for hostile values', (_name, validate) => {
    for (const input of hostile) {
      const r = validate(input);
      expect(typeof r.ok).toBe('boolean');
      if (!r.ok) expect(r.message.length).toBeGreaterThan(0);
    }
  });

  it.each(validators)('%s never throws (fast-check)', (_name, validate) => {
    const input = fc.oneof(
      fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true }),
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.stringMatching(/^[0-9A-Za-z .+()@-]{0,20}$/),
    );
    fc.assert(
      fc.property(input, (value) => {
        const r = validate(value);
        expect(r.ok === true || (r.ok === false && typeof r.message === 'string')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
