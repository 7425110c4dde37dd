// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { index, onderdruk, per1000, rangschik, som, totaalVoorGroep, trend, verandering } from './analyse.js';
import { formatteerAantal, formatteerDecimaal, formatteerProcent } from './formatteer.js';

describe('veiligheidsbeeld analysis', () => {
  it('sums counts; one unknown part makes the total unknown; nothing is null', () => {
    expect(som([1, 2, 3])).toBe(6);
    expect(som([1, null, 3])).toBeNull();
    expect(som([])).toBeNull();
    expect(som([0, 0])).toBe(0);
  });

  it('computes a group total from delivered rows and per-1,000 as sum of counts over sum of populations', () => {
    const leden = ['A', 'B', 'C'];
    const t = totaalVoorGroep(leden, new Map([['A', 10], ['B', 20], ['C', 30]]), new Map([['A', 1000], ['B', 2000], ['C', 7000]]));
    expect(t).toEqual({ aantal: 60, inwoners: 10_000, per1000: 6, ontbrekend: [] });
    // not the mean of the three rates (10, 10, 4.29)
    const partial = totaalVoorGroep(leden, new Map([['A', 10], ['C', 30]]), new Map([['A', 1000], ['B', 2000], ['C', 7000]]));
    expect(partial).toEqual({ aantal: 40, inwoners: null, per1000: null, ontbrekend: ['B'] });
    expect(totaalVoorGroep(leden, new Map([['A', 10], ['B', null], ['C', 30]]), new Map()).aantal).toBeNull();
    expect(totaalVoorGroep(leden, new Map([['A', 10], ['B', 1], ['C', 30]]), new Map([['A', 1000], ['C', 7000]])).per1000).toBeNull();
  });

  it('computes per-1,000 only with a known, positive population', () => {
    expect(per1000(34, 40_800)).toBeCloseTo(0.8333, 4);
    expect(per1000(34, null)).toBeNull();
    expect(per1000(null, 40_800)).toBeNull();
    expect(per1000(34, 0)).toBeNull();
  });

  it('gives change against the base year (default: first) as number, percentage and index', () => {
    const reeks = [{ jaar: 2014, aantal: 5655 }, { jaar: 2015, aantal: 5865 }, { jaar: 2016, aantal: 5451 }, { jaar: 2017, aantal: 4755 }, { jaar: 2018, aantal: 4425 }];
    const v = verandering(reeks)!;
    expect(v.basisjaar).toBe(2014);
    expect(v.absoluut).toBe(-1230);
    expect(v.procent).toBeCloseTo(-21.75, 2);
    expect(verandering(reeks, 2015)!.absoluut).toBe(4425 - 5865);
    expect(index(5865, 5655)).toBeCloseTo(103.71, 2);
    expect(index(5, 0)).toBeNull();
    expect(index(null, 5)).toBeNull();
    expect(verandering([{ jaar: 2014, aantal: null }, { jaar: 2015, aantal: 3 }])).toEqual({ basisjaar: 2014, eindjaar: 2015, absoluut: null, procent: null });
  });

  it('finds the trend by least squares relative to the mean, with a 2 % threshold', () => {
    const totaal = [5655, 5865, 5451, 4755, 4425].map((aantal, i) => ({ jaar: 2014 + i, aantal }));
    const t = trend(totaal);
    expect(t.richting).toBe('dalend');
    expect(t.helling).toBeCloseTo(-357, 0);
    expect(trend([100, 101, 99, 100, 101].map((aantal, i) => ({ jaar: 2014 + i, aantal }))).richting).toBe('stabiel');
    expect(trend([10, 12, 14].map((aantal, i) => ({ jaar: 2014 + i, aantal }))).richting).toBe('stijgend');
    expect(trend([{ jaar: 2014, aantal: 3 }, { jaar: 2015, aantal: null }, { jaar: 2016, aantal: 4 }]).richting).toBe('onbekend');
    expect(trend([0, 0, 0].map((aantal, i) => ({ jaar: 2014 + i, aantal }))).richting).toBe('stabiel');
  });

  it('ranks highest first, ties share a rank, unknown values last without a rank', () => {
    expect(rangschik([{ gebied: 'A', waarde: 2 }, { gebied: 'B', waarde: null }, { gebied: 'C', waarde: 5 }, { gebied: 'D', waarde: 2 }])).toEqual([
      { gebied: 'C', waarde: 5, rang: 1 },
      { gebied: 'A', waarde: 2, rang: 2 },
      { gebied: 'D', waarde: 2, rang: 2 },
      { gebied: 'B', waarde: null, rang: null },
    ]);
  });

  it('suppresses public cells of 1–4, keeps 0 and 5+', () => {
    expect(onderdruk(0)).toEqual({ aantal: 0, onderdrukt: false });
    expect(onderdruk(4)).toEqual({ aantal: null, onderdrukt: true });
    expect(onderdruk(5)).toEqual({ aantal: 5, onderdrukt: false });
  });

  it('formats Dutch numbers for presentation only', () => {
    expect(formatteerAantal(1187)).toBe('1.187');
    expect(formatteerAantal(34)).toBe('34');
    expect(formatteerAantal(null)).toBe('–');
    expect(formatteerProcent(-21.75)).toBe('\u221221,8 %');
    expect(formatteerDecimaal(7.3512)).toBe('7,35');
  });
});
