// SPDX-License-Identifier: EUPL-1.2
// Tests for Dutch holidays, working days and term deadlines in Europe/Amsterdam.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addLocalDays,
  addTerm,
  dutchHolidays,
  easterSunday,
  endOfLocalDay,
  isWerkdag,
  nextWerkdag,
  toLocalDate,
  workingDaysBetween,
} from './werkdagen.js';

const at = (iso: string): Date => new Date(iso);

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2000, '2000-04-23'],
    [2019, '2019-04-21'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const date = easterSunday(year);
        expect(new Date(`${date}T12:00:00Z`).getUTCDay()).toBe(0);
        const md = date.slice(5);
        expect(md >= '03-22' && md <= '04-25').toBe(true);
      }),
    );
  });

  it('rejects years outside the Gregorian range', () => {
    expect(() => easterSunday(1582)).toThrow(RangeError);
    expect(() => easterSunday(2026.5)).toThrow(RangeError);
  });
});

describe('dutchHolidays', () => {
  it('lists the Atw holidays of 2026 in date order', () => {
    expect(dutchHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Nieuwjaarsdag' },
      { date: '2026-04-03', name: 'Goede Vrijdag' },
      { date: '2026-04-05', name: 'Eerste Paasdag' },
      { date: '2026-04-06', name: 'Tweede Paasdag' },
      { date: '2026-04-27', name: 'Koningsdag' },
      { date: '2026-05-05', name: 'Bevrijdingsdag' },
      { date: '2026-05-14', name: 'Hemelvaartsdag' },
      { date: '2026-05-24', name: 'Eerste Pinksterdag' },
      { date: '2026-05-25', name: 'Tweede Pinksterdag' },
      { date: '2026-12-25', name: 'Eerste Kerstdag' },
      { date: '2026-12-26', name: 'Tweede Kerstdag' },
    ]);
  });

  it('moves Koningsdag to 26 April when 27 April is a Sunday', () => {
    const koningsdag = (year: number) => dutchHolidays(year).find((h) => h.name === 'Koningsdag')?.date;
    expect(koningsdag(2025)).toBe('2025-04-26');
    expect(koningsdag(2014)).toBe('2014-04-26');
    expect(koningsdag(2026)).toBe('2026-04-27');
  });

  it('uses Koninginnedag before 2014', () => {
    expect(dutchHolidays(2013).find((h) => h.name === 'Koninginnedag')?.date).toBe('2013-04-30');
    expect(dutchHolidays(2006).find((h) => h.name === 'Koninginnedag')?.date).toBe('2006-04-29'); // 30 April was a Sunday
  });

  it('counts Bevrijdingsdag every year, also when it coincides with Hemelvaartsdag', () => {
    const h2016 = dutchHolidays(2016).filter((h) => h.date === '2016-05-05').map((h) => h.name);
    expect(h2016.sort()).toEqual(['Bevrijdingsdag', 'Hemelvaartsdag']);
    expect(dutchHolidays(2027).some((h) => h.date === '2027-05-05' && h.name === 'Bevrijdingsdag')).toBe(true);
  });

  it('leaves Goede Vrijdag out on request', () => {
    expect(dutchHolidays(2026, { goedeVrijdag: false }).some((h) => h.name === 'Goede Vrijdag')).toBe(false);
  });
});

describe('isWerkdag', () => {
  it('rejects weekends and holidays', () => {
    expect(isWerkdag('2026-12-24')).toBe(true); // Thursday
    expect(isWerkdag('2026-12-25')).toBe(false);
    expect(isWerkdag('2026-12-26')).toBe(false); // Saturday and Tweede Kerstdag
    expect(isWerkdag('2026-12-27')).toBe(false); // Sunday
    expect(isWerkdag('2026-05-05')).toBe(false); // Bevrijdingsdag on a Tuesday
    expect(isWerkdag('2026-05-14')).toBe(false); // Hemelvaartsdag
    expect(isWerkdag('2026-05-15')).toBe(true); // Friday after Hemelvaart: only by KB, not modelled
    expect(isWerkdag('2025-04-26')).toBe(false); // Koningsdag on a Saturday
    expect(isWerkdag('2025-04-28')).toBe(true);
  });

  it('treats Goede Vrijdag per art. 3 lid 2 Atw unless disabled', () => {
    expect(isWerkdag('2026-04-03')).toBe(false);
    expect(isWerkdag('2026-04-03', { goedeVrijdag: false })).toBe(true);
  });

  it('throws on malformed or impossible dates', () => {
    expect(() => isWerkdag('2026-02-30')).toThrow(RangeError);
    expect(() => isWerkdag('26-02-2026')).toThrow(RangeError);
    expect(() => isWerkdag('')).toThrow(RangeError);
  });
});

describe('toLocalDate and endOfLocalDay', () => {
  it('uses the Amsterdam calendar date, not the UTC one', () => {
    expect(toLocalDate(at('2026-07-01T22:30:00Z'))).toBe('2026-07-02'); // 00:30 CEST
    expect(toLocalDate(at('2026-01-01T22:59:59.999Z'))).toBe('2026-01-01'); // 23:59 CET
    expect(toLocalDate(at('2026-01-01T23:00:00Z'))).toBe('2026-01-02');
  });

  it('handles the repeated hour when summer time ends', () => {
    expect(toLocalDate(at('2026-10-25T00:30:00Z'))).toBe('2026-10-25'); // 02:30 CEST
    expect(toLocalDate(at('2026-10-25T01:30:00Z'))).toBe('2026-10-25'); // 02:30 CET
  });

  it('gives 23:59:59.999 local time on normal and DST change days', () => {
    expect(endOfLocalDay('2026-01-15').toISOString()).toBe('2026-01-15T22:59:59.999Z');
    expect(endOfLocalDay('2026-07-15').toISOString()).toBe('2026-07-15T21:59:59.999Z');
    expect(endOfLocalDay('2026-03-28').toISOString()).toBe('2026-03-28T22:59:59.999Z'); // day before the change
    expect(endOfLocalDay('2026-03-29').toISOString()).toBe('2026-03-29T21:59:59.999Z'); // 23-hour day
    expect(endOfLocalDay('2026-10-24').toISOString()).toBe('2026-10-24T21:59:59.999Z');
    expect(endOfLocalDay('2026-10-25').toISOString()).toBe('2026-10-25T22:59:59.999Z'); // 25-hour day
  });

  it('rejects an invalid Date', () => {
    expect(() => toLocalDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('addTerm', () => {
  const christmasEve = at('2026-12-24T10:00:00+01:00'); // Thursday

  it('skips Christmas, the weekend and Nieuwjaarsdag for 5 werkdagen from Thu 2026-12-24', () => {
    // 28, 29, 30, 31 December and Monday 4 January (1 January is a holiday, 2–3 a weekend)
    expect(addTerm(christmasEve, 5, 'werkdagen').toISOString()).toBe('2027-01-04T22:59:59.999Z');
    expect(addTerm(christmasEve, 1, 'werkdagen').toISOString()).toBe('2026-12-28T22:59:59.999Z');
  });

  it('returns the end of the start day for amount 0', () => {
    expect(addTerm(christmasEve, 0, 'werkdagen').toISOString()).toBe('2026-12-24T22:59:59.999Z');
    expect(addTerm(at('2026-12-26T09:00:00+01:00'), 0, 'werkdagen').toISOString()).toBe('2026-12-26T22:59:59.999Z');
    expect(addTerm(at('2026-07-01T22:30:00Z'), 0, 'kalenderdagen').toISOString()).toBe('2026-07-02T21:59:59.999Z');
  });

  it('counts calendar days across the DST changes', () => {
    const saturdayBeforeSummer = at('2026-03-28T12:00:00+01:00');
    expect(addTerm(saturdayBeforeSummer, 1, 'kalenderdagen').toISOString()).toBe('2026-03-29T21:59:59.999Z');
    expect(addTerm(saturdayBeforeSummer, 2, 'kalenderdagen').toISOString()).toBe('2026-03-30T21:59:59.999Z');
    const saturdayBeforeWinter = at('2026-10-24T12:00:00+02:00');
    expect(addTerm(saturdayBeforeWinter, 1, 'kalenderdagen').toISOString()).toBe('2026-10-25T22:59:59.999Z');
    expect(addTerm(saturdayBeforeWinter, 14, 'kalenderdagen').toISOString()).toBe('2026-11-07T22:59:59.999Z');
  });

  it('counts working days across the DST changes', () => {
    // Friday 27 March 2026, 23:30 CET → next working day Monday 30 March (CEST)
    expect(addTerm(at('2026-03-27T22:30:00Z'), 1, 'werkdagen').toISOString()).toBe('2026-03-30T21:59:59.999Z');
    // Friday 23 October 2026 → Monday 26 October (CET)
    expect(addTerm(at('2026-10-23T15:00:00+02:00'), 1, 'werkdagen').toISOString()).toBe('2026-10-26T22:59:59.999Z');
  });

  it('skips the Easter weekend including Goede Vrijdag by default', () => {
    const thursday = at('2026-04-02T09:00:00+02:00');
    expect(toLocalDate(addTerm(thursday, 1, 'werkdagen'))).toBe('2026-04-07');
    expect(toLocalDate(addTerm(thursday, 1, 'werkdagen', { goedeVrijdag: false }))).toBe('2026-04-03');
  });

  it('rejects negative, fractional or absurd amounts', () => {
    expect(() => addTerm(christmasEve, -1, 'werkdagen')).toThrow(RangeError);
    expect(() => addTerm(christmasEve, 1.5, 'kalenderdagen')).toThrow(RangeError);
    expect(() => addTerm(christmasEve, 1e9, 'kalenderdagen')).toThrow(RangeError);
    expect(() => addTerm(new Date(Number.NaN), 1, 'werkdagen')).toThrow(RangeError);
  });

  const instant = fc.date({ min: at('2000-01-01T00:00:00Z'), max: at('2100-12-31T00:00:00Z'), noInvalidDate: true });

  it('property: a term in werkdagen ends at the end of a werkdag, after the start', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 }), (start, amount) => {
        const deadline = addTerm(start, amount, 'werkdagen');
        expect(deadline.getTime()).toBeGreaterThanOrEqual(start.getTime());
        const day = toLocalDate(deadline);
        expect(isWerkdag(day)).toBe(true);
        expect(toLocalDate(new Date(deadline.getTime() + 1))).toBe(addLocalDays(day, 1));
      }),
    );
  });

  it('property: the deadline grows strictly with the amount', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 }), fc.constantFrom('werkdagen' as const, 'kalenderdagen' as const), (start, amount, unit) => {
        expect(addTerm(start, amount + 1, unit).getTime()).toBeGreaterThan(addTerm(start, amount, unit).getTime());
      }),
    );
  });

  it('property: kalenderdagen move the local date by exactly the amount', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 400 }), (start, amount) => {
        expect(toLocalDate(addTerm(start, amount, 'kalenderdagen'))).toBe(addLocalDays(toLocalDate(start), amount));
      }),
    );
  });

  it('property: workingDaysBetween inverts addTerm in werkdagen', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), (start, amount) => {
        const deadline = addTerm(start, amount, 'werkdagen');
        expect(workingDaysBetween(start, deadline)).toBe(amount);
        expect(workingDaysBetween(deadline, start) + amount).toBe(0);
      }),
    );
  });
});

describe('workingDaysBetween and nextWerkdag', () => {
  it('counts the working days after a and up to b', () => {
    expect(workingDaysBetween(at('2026-12-24T10:00:00+01:00'), at('2027-01-04T08:00:00+01:00'))).toBe(5);
    expect(workingDaysBetween(at('2026-12-24T10:00:00+01:00'), at('2026-12-24T23:00:00+01:00'))).toBe(0);
    expect(workingDaysBetween(at('2026-05-11T10:00:00+02:00'), at('2026-05-18T10:00:00+02:00'))).toBe(4); // Hemelvaart on 14 May
  });

  it('extends to the next working day (art. 1 Atw)', () => {
    expect(nextWerkdag('2026-12-25')).toBe('2026-12-28');
    expect(nextWerkdag('2026-12-24')).toBe('2026-12-24');
    expect(nextWerkdag('2026-04-03')).toBe('2026-04-07');
  });
});
