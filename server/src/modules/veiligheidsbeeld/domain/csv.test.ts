// SPDX-License-Identifier: EUPL-1.2
// Property test of the CSV reader: random well-formed files (quoted and unquoted fields, doubled
// quotes, separators and line breaks inside quotes, LF and CRLF, with or without a final line break
// and BOM) read back to exactly the fields written, each row with the line it starts on, the same
// with and without the streaming callback.
import { describe, expect, it } from 'vitest';
import { leesCsv, type CsvRij } from './csv.js';

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

const ALFABET = ['a', 'b', 'Z', '0', '9', ' ', '.', '-', 'é', '€', ',', '\t', ';', '"', '\n', '\r\n', "'"];

function maakBestand(rnd: () => number) {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const kolommen = 2 + Math.floor(rnd() * 5);
  const kop = Array.from({ length: kolommen }, (_, i) => `kolom${i}`);
  const rijen: string[][] = [kop];
  const aantal = Math.floor(rnd() * 30);
  for (let r = 0; r < aantal; r++) {
    rijen.push(
      Array.from({ length: kolommen }, () => {
        const lengte = Math.floor(rnd() * 8);
        return Array.from({ length: lengte }, () => pick(ALFABET)).join('');
      }),
    );
  }
  const eol = () => (rnd() < 0.5 ? '\n' : '\r\n');
  let tekst = rnd() < 0.2 ? '\uFEFF' : '';
  const verwacht: CsvRij[] = [];
  let regel = 1;
  rijen.forEach((velden, r) => {
    const start = regel;
    const gecodeerd = velden.map((v) => {
      const moet = /[;"\r\n]/.test(v);
      if (moet || rnd() < 0.2) return `"${v.replace(/"/g, '""')}"`;
      return v;
    });
    const lijn = gecodeerd.join(';');
    regel += (lijn.match(/\n/g) ?? []).length;
    const laatste = r === rijen.length - 1;
    tekst += lijn;
    if (!laatste || rnd() < 0.5) {
      tekst += eol();
      regel++;
    }
    // The reader drops a row that is one empty field; with two or more columns there is none.
    verwacht.push({ regel: start, velden });
  });
  return { tekst, verwacht };
}

describe('leesCsv (property)', () => {
  it('reads back every field and line number of 500 random well-formed files', () => {
    const rnd = prng(20261202);
    for (let n = 0; n < 500; n++) {
      const { tekst, verwacht } = maakBestand(rnd);
      const alles = leesCsv(tekst);
      expect(alles.fout, JSON.stringify(tekst)).toBeNull();
      expect(alles.rijen, JSON.stringify(tekst)).toEqual(verwacht);
      const gestreamd: CsvRij[] = [];
      const r = leesCsv(tekst, (rij) => gestreamd.push(rij));
      expect(r.rijen).toEqual([]);
      expect(gestreamd).toEqual(verwacht);
    }
  });

  it('names the line where an unclosed quote starts, also after multi-line fields', () => {
    expect(leesCsv('a;b\n"x\ny";1\n2;"open\n3;4\n').fout).toEqual({ regel: 4, melding: expect.stringContaining('aanhalingsteken') });
  });
});
