// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { detecteerFormaat, leesAantal, leesBestand, leesPeriode } from './formaten.js';
import { leesCsv } from './csv.js';
import { herleidWaarden, herleidBevolking, alsVeldfouten } from './invoer.js';
import { STANDAARD_GEBIEDEN, STANDAARD_INDELING, indelingOp } from './catalogus.js';
import { herleidGemeente, normaliseerGemeentecode, voorgangersIn } from './gebieden.js';

const gebieden = new Map(STANDAARD_GEBIEDEN.map((g) => [g.code, g]));

describe('veiligheidsbeeld readers', () => {
  it('reads counts: unknown stays null, CBS nihil is 0, garbage is an error', () => {
    expect(leesAantal(null)).toEqual({ ok: true, waarde: null });
    expect(leesAantal('       .')).toEqual({ ok: true, waarde: null });
    expect(leesAantal('')).toEqual({ ok: true, waarde: null });
    expect(leesAantal('-')).toEqual({ ok: true, waarde: 0 });
    expect(leesAantal('  34 ')).toEqual({ ok: true, waarde: 34 });
    expect(leesAantal(0)).toEqual({ ok: true, waarde: 0 });
    expect(leesAantal('3,5').ok).toBe(false);
    expect(leesAantal(-1).ok).toBe(false);
    expect(leesAantal(1.5).ok).toBe(false);
  });

  it('reads CBS periods', () => {
    expect(leesPeriode('2018JJ00')).toEqual({ kind: 'jaar', jaar: 2018 });
    expect(leesPeriode('2018MM03 ')).toEqual({ kind: 'maand', jaar: 2018, maand: 3 });
    expect(leesPeriode('2018KW01')).toEqual({ kind: 'anders' });
    expect(leesPeriode('2018MM13')).toEqual({ kind: 'fout' });
    expect(leesPeriode(2018)).toEqual({ kind: 'fout' });
  });

  it('parses CSV with quotes, CRLF and line numbers', () => {
    const { rijen } = leesCsv('\uFEFF"a";"b"\r\n1;"x;""y"""\r\n\r\n2;z\n');
    expect(rijen).toEqual([{ regel: 1, velden: ['a', 'b'] }, { regel: 2, velden: ['1', 'x;"y"'] }, { regel: 4, velden: ['2', 'z'] }]);
    expect(leesCsv('a;b\n1;"open\n').fout).toEqual({ regel: 2, melding: expect.stringContaining('aanhalingsteken') });
  });

  it('detects the format from the content', () => {
    expect(detecteerFormaat('soort_code;soort_omschrijving;gemeentecode;gemeente;jaar;aantal\n')).toBe('lang-csv');
    expect(detecteerFormaat('ecode;omschrijving;gemeentecode;jaar;maand;aantal\n')).toBe('ecode-csv');
    expect(detecteerFormaat('gemeentecode;jaar;inwoners\n')).toBe('bevolking-csv');
    expect(detecteerFormaat('"ID";"SoortMisdrijf";"RegioS";"Perioden";"GeregistreerdeMisdrijven_1"\n')).toBe('odata-csv');
    expect(detecteerFormaat('  {"value": []}')).toBe('odata-json');
    expect(detecteerFormaat('x,y\n')).toBeNull();
  });

  it('reads police OData JSON with trailing spaces and suppressed values, skipping non-gemeente regions and quarters, with line numbers', () => {
    const text = ['{"value": [', '{"ID": 1, "SoortMisdrijf": "1.1.1 ", "RegioS": "GM0296  ", "Perioden": "2018JJ00", "GeregistreerdeMisdrijven_1": null},', '{"ID": 2, "SoortMisdrijf": "1.1.1 ", "RegioS": "NL01  ", "Perioden": "2018JJ00", "GeregistreerdeMisdrijven_1": 5},', '{"ID": 3, "SoortMisdrijf": "1.1.1 ", "RegioS": "GM0296", "Perioden": "2018KW01", "GeregistreerdeMisdrijven_1": 5},', '{"ID": 4, "SoortMisdrijf": "1.1.1 ", "RegioS": "GM0296", "Perioden": "2018MM02", "GeregistreerdeMisdrijven_1": "veel"}', ']}'].join('\n');
    const g = leesBestand(text);
    expect(g.soort).toBe('misdrijven');
    expect(g.waarden).toEqual([expect.objectContaining({ regel: 2, code: '1.1.1', gemeente: 'GM0296', jaar: 2018, maand: null, aantal: null })]);
    expect(g.overgeslagen).toBe(2);
    expect(g.fouten).toEqual([{ regel: 5, melding: expect.stringContaining('geen geheel getal') }]);
  });

  it('names the line of a JSON syntax error', () => {
    const g = leesBestand('{"value": [\n{"a": 1},\n{"a": }\n]}');
    expect(g.fouten[0]!.regel).toBe(3);
  });

  it('reports every bad line of a long CSV in Dutch', () => {
    const g = leesBestand('soort_code;soort_omschrijving;gemeentecode;gemeente;jaar;aantal\n2.5.1;x;GM0296;Wijchen;2014;34\n2.5.1;x;Wijchen;Wijchen;14;-3\n2.5.1;x;GM0296\n');
    expect(alsVeldfouten(g.fouten).map((f) => f.veld)).toEqual(['regel 3', 'regel 3', 'regel 3', 'regel 4']);
  });

  it('keeps population rows of CBS tables only for totals and 1 January', () => {
    const g = leesBestand(JSON.stringify({ value: [
      { RegioS: 'GM0296  ', Perioden: '2016MM01', Geslacht: 'T001038', BevolkingOpDeEersteVanDeMaand_1: 40950 },
      { RegioS: 'GM0296  ', Perioden: '2016MM02', Geslacht: 'T001038', BevolkingOpDeEersteVanDeMaand_1: 40960 },
      { RegioS: 'GM0296  ', Perioden: '2016MM01', Geslacht: '3000', BevolkingOpDeEersteVanDeMaand_1: 20000 },
    ] }));
    expect(g.soort).toBe('bevolking');
    expect(g.bevolking).toEqual([expect.objectContaining({ gemeente: 'GM0296', jaar: 2016, aantal: 40950 })]);
    expect(g.overgeslagen).toBe(2);
  });
});

describe('gemeente history', () => {
  it('normalises codes', () => {
    expect(normaliseerGemeentecode('GM0296  ')).toBe('GM0296');
    expect(normaliseerGemeentecode('296')).toBe('GM0296');
    expect(normaliseerGemeentecode('WK029601')).toBeNull();
  });

  it('maps 0241, 0265 and 0282 to 1945 within their validity and refuses them after', () => {
    expect(herleidGemeente('GM0265', 2014, gebieden)).toEqual({ kind: 'ok', code: 'GM1945', via: 'GM0265' });
    expect(herleidGemeente('GM0241', 2015, gebieden)).toEqual({ kind: 'ok', code: 'GM1945', via: 'GM0241' });
    expect(herleidGemeente('GM0265', 2015, gebieden).kind).toBe('fout');
    expect(herleidGemeente('GM0241', 2016, gebieden).kind).toBe('fout');
    expect(herleidGemeente('GM1945', 2014, gebieden)).toEqual({ kind: 'ok', code: 'GM1945', via: null });
    expect(herleidGemeente('GM0363', 2014, gebieden)).toEqual({ kind: 'ok', code: 'GM0363', via: null });
    expect(voorgangersIn('GM1945', 2014, gebieden)).toEqual(['GM0241', 'GM0265', 'GM0282']);
    expect(voorgangersIn('GM1945', 2015, gebieden)).toEqual(['GM0241']);
  });

  it('sums the predecessors (2014: three, 2015: Groesbeek only) and refuses incomplete or mixed sets', () => {
    const row = (regel: number, gemeente: string, jaar: number, aantal: number | null) => ({ regel, bron: 'politie' as const, eenheid: 'misdrijven' as const, code: '1.1.1', naam: null, gemeente, gemeenteNaam: null, jaar, maand: null, aantal });
    const ok = herleidWaarden([row(2, 'GM0241', 2014, 50), row(3, 'GM0265', 2014, 7), row(4, 'GM0282', 2014, 21), row(5, 'GM0241', 2015, 69)], gebieden);
    expect(ok.fouten).toEqual([]);
    expect(ok.waarden.map((w) => [w.gebied, w.jaar, w.aantal, w.via])).toEqual([['GM1945', 2014, 78, ['GM0241', 'GM0265', 'GM0282']], ['GM1945', 2015, 69, ['GM0241']]]);
    expect(herleidWaarden([row(2, 'GM0241', 2014, 50), row(3, 'GM0265', 2014, null), row(4, 'GM0282', 2014, 21)], gebieden).waarden[0]!.aantal).toBeNull();
    const missing = herleidWaarden([row(2, 'GM0241', 2014, 50), row(3, 'GM0265', 2014, 7)], gebieden);
    expect(missing.fouten).toEqual([{ regel: 2, melding: expect.stringContaining('GM0282') }]);
    const mixed = herleidWaarden([row(2, 'GM1945', 2015, 50), row(3, 'GM0241', 2015, 7)], gebieden);
    expect(mixed.fouten[0]!.regel).toBe(3);
    const dup = herleidWaarden([row(2, 'GM0296', 2015, 50), row(7, 'GM0296', 2015, 7)], gebieden);
    expect(dup.fouten).toEqual([{ regel: 7, melding: expect.stringContaining('regel 2') }]);
    const pop = herleidBevolking([{ regel: 2, gemeente: 'GM0241', gemeenteNaam: null, jaar: 2014, aantal: 18700 }, { regel: 3, gemeente: 'GM0265', gemeenteNaam: null, jaar: 2014, aantal: 5900 }, { regel: 4, gemeente: 'GM0282', gemeenteNaam: null, jaar: 2014, aantal: 9300 }], gebieden);
    expect(pop.bevolking.map((b) => [b.gebied, b.aantal])).toEqual([['GM1945', 33900]]);
  });

  it('has a versioned default mapping of police codes onto the five fields', () => {
    expect(indelingOp(STANDAARD_INDELING, 'politie', '2.5.1', '2026-01-01')?.veld).toBe(2);
    expect(indelingOp(STANDAARD_INDELING, 'politie', '1.4.5', '2026-01-01')?.tags).toContain('huiselijk-geweld');
    expect(indelingOp(STANDAARD_INDELING, 'politie', '3.1.1', '2026-01-01')).toMatchObject({ veld: 5, tags: ['ondermijning'] });
    const later = [...STANDAARD_INDELING, { bron: 'politie' as const, code: '2.5.1', veld: 5 as const, tags: [], geldigVan: '2027-01-01', opmerking: '' }];
    expect(indelingOp(later, 'politie', '2.5.1', '2026-06-01')?.veld).toBe(2);
    expect(indelingOp(later, 'politie', '2.5.1', '2027-06-01')?.veld).toBe(5);
  });
});
