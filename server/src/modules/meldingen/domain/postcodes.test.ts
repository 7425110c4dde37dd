// SPDX-License-Identifier: EUPL-1.2
// Tests for the PC4 → gemeente table and the advice for addresses outside the six municipalities.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALGEMEEN_ADVIES,
  GEMEENTEN_TWEESTROMENLAND,
  PC4_BUURGEMEENTE,
  PC4_GEMEENTE,
  PC4_GRENSGEVALLEN,
  gemeenteForPostcode,
  pc4Of,
} from './postcodes.js';

const CODES = new Set(GEMEENTEN_TWEESTROMENLAND.map((g) => g.code));

function binnen(postcode: string): string {
  const r = gemeenteForPostcode(postcode);
  if (r.kind !== 'binnen') throw new Error(`${postcode}: expected binnen, got ${JSON.stringify(r)}`);
  return r.gemeenteNaam;
}

function advies(postcode: string): string {
  const r = gemeenteForPostcode(postcode);
  if (r.kind !== 'buiten') throw new Error(`${postcode}: expected buiten, got ${JSON.stringify(r)}`);
  return r.advies;
}

describe('GEMEENTEN_TWEESTROMENLAND and PC4_GEMEENTE', () => {
  it('lists the six municipalities with their CBS codes', () => {
    expect(GEMEENTEN_TWEESTROMENLAND).toEqual([
      { code: 'GM1945', naam: 'Berg en Dal' },
      { code: 'GM0209', naam: 'Beuningen' },
      { code: 'GM0225', naam: 'Druten' },
      { code: 'GM0252', naam: 'Heumen' },
      { code: 'GM0668', naam: 'West Maas en Waal' },
      { code: 'GM0296', naam: 'Wijchen' },
    ]);
  });

  it('maps only four-digit keys to one of the six codes, and every gemeente has areas', () => {
    for (const [pc4, code] of Object.entries(PC4_GEMEENTE)) {
      expect(pc4).toMatch(/^[1-9]\d{3}$/);
      expect(CODES.has(code)).toBe(true);
    }
    for (const code of CODES) expect(Object.values(PC4_GEMEENTE)).toContain(code);
  });

  it('does not also name a neighbour for a PC4 of the six', () => {
    for (const pc4 of Object.keys(PC4_GEMEENTE)) expect(PC4_BUURGEMEENTE.has(pc4)).toBe(false);
  });

  it('has a border note for every PC4 it calls a grensgeval, pointing at the right side', () => {
    for (const pc4 of Object.keys(PC4_GRENSGEVALLEN)) {
      expect(PC4_GEMEENTE[pc4] !== undefined || PC4_BUURGEMEENTE.has(pc4)).toBe(true);
    }
  });
});

describe('gemeenteForPostcode: inside the six', () => {
  it.each([
    ['6600 HA', 'Wijchen'], // Postbus 9000, gemeente Wijchen
    ['6602 ZR', 'Wijchen'],
    ['6606', 'Wijchen'], // Niftrik
    ['6634 KE', 'Wijchen'], // Molendijk 11, Batenburg
    ['6651 AB', 'Druten'],
    ['6650 AA', 'Druten'], // Postbus 1, gemeente Druten
    ['6631', 'Druten'], // Horssen
    ['6581 AB', 'Heumen'], // Malden
    ['6580 AZ', 'Heumen'], // Postbus 200, gemeente Heumen
    ['6612', 'Heumen'], // Nederasselt
    ['6561 AB', 'Berg en Dal'], // Groesbeek
    ['6560 AA', 'Berg en Dal'], // Postbus 20, gemeente Berg en Dal
    ['6566', 'Berg en Dal'], // Millingen aan de Rijn
    ['6579 JD', 'Berg en Dal'], // Duffeltdijk, Kekerdom
    ['6658 ZG', 'West Maas en Waal'], // Postbus 1, Beneden-Leeuwen
    ['6621', 'West Maas en Waal'], // Dreumel
    ['6659', 'West Maas en Waal'], // Wamel
    ['6644 AB', 'Beuningen'], // Ewijk
    ['6642 AG', 'Beuningen'], // Claudiuslaan, Beuningen
    ['6551', 'Beuningen'], // Weurt
    ['6640 AA', 'Beuningen'], // Postbus 14, gemeente Beuningen
  ])('%s → %s', (postcode, naam) => {
    expect(binnen(postcode)).toBe(naam);
  });

  it('returns the gemeente code with the name', () => {
    expect(gemeenteForPostcode('6601ab')).toEqual({ kind: 'binnen', gemeenteCode: 'GM0296', gemeenteNaam: 'Wijchen' });
  });
});

describe('gemeenteForPostcode: outside the six', () => {
  it('names Nijmegen with 14 024 and 112', () => {
    expect(advies('6511 AB')).toBe(
      'Dit adres ligt in de gemeente Nijmegen. Meld het bij de gemeente Nijmegen of bel 14 024. Is er acuut gevaar? Bel dan 112.',
    );
    expect(advies('6663')).toMatch(/gemeente Nijmegen/); // Lent
  });

  it('adds the border note for PC4 areas that are partly in the six', () => {
    expect(advies('6523 AA')).toMatch(/^Dit adres ligt in de gemeente Nijmegen\..*Berg en Dal.*112\.$/);
    expect(advies('6584')).toMatch(/gemeente Mook en Middelaar.*Heumen.*6582/);
  });

  it.each([
    ['5341 AB', 'Oss'],
    ['6624', 'Maasdriel'], // Heerewaarden
    ['4001', 'Tiel'],
    ['6669', 'Neder-Betuwe'], // Dodewaard
    ['6661', 'Overbetuwe'], // Elst
    ['6681', 'Lingewaard'], // Bemmel
    ['6901', 'Zevenaar'],
    ['6591', 'Gennep'],
    ['6585', 'Mook en Middelaar'],
    ['5361', 'Land van Cuijk'], // Grave
  ])('%s → gemeente %s with its website', (postcode, naam) => {
    const text = advies(postcode);
    expect(text).toContain(`Dit adres ligt in de gemeente ${naam}.`);
    expect(text).toMatch(/via [a-z-]+\.nl\./);
    expect(text).toContain('112');
  });

  it('gives the generic advice elsewhere, and for PC4 gaps next to the six', () => {
    expect(advies('1012 AB')).toBe(ALGEMEEN_ADVIES);
    expect(advies('6583')).toBe(ALGEMEEN_ADVIES);
    expect(advies('6622')).toBe(ALGEMEEN_ADVIES);
    expect(ALGEMEEN_ADVIES).toMatch(/bel 14 met daarna het netnummer/);
    expect(ALGEMEEN_ADVIES).toMatch(/Bel dan 112\.$/);
  });
});

describe('gemeenteForPostcode: input handling', () => {
  it('rejects what is not a postcode', () => {
    for (const bad of ['', 'abc', '0601 AB', '660', '66011', '6601 A', '6601-AB']) {
      expect(gemeenteForPostcode(bad).kind, bad).toBe('ongeldig');
    }
  });

  it('pc4Of takes the four digits of a postcode', () => {
    expect(pc4Of(' 6601 ab ')).toBe('6601');
    expect(pc4Of('6601')).toBe('6601');
    expect(pc4Of('x6601')).toBeNull();
  });

  it('property: never throws, and a valid postcode is binnen exactly when its PC4 is in the table', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 30 }), fc.integer({ min: 1000, max: 9999 }).map(String)), (input) => {
        const r = gemeenteForPostcode(input);
        const pc4 = pc4Of(input);
        if (pc4 === null) expect(r.kind).toBe('ongeldig');
        else expect(r.kind === 'binnen').toBe(PC4_GEMEENTE[pc4] !== undefined);
      }),
    );
  });
});
