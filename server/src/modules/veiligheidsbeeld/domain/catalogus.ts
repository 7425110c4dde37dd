// SPDX-License-Identifier: EUPL-1.2
// Default configuration of the veiligheidsbeeld: the five Kernbeleid Veiligheid fields, the
// suggested mapping of police codes onto them (a suggestion to refine with the beleidsadviseurs;
// stored as versioned data and editable), fallback titles, and the gemeenten with their history.
// Titles here are fallbacks only: an import that carries titles (long CSV, dimension file) wins.

export const BRONNEN = ['politie', 'cbs', 'politie-incidenten', 'meldpunt'] as const;
export type Bron = (typeof BRONNEN)[number];

export const EENHEDEN = ['misdrijven', 'overlastregistraties', 'incidenten', 'meldingen'] as const;
export type Eenheid = (typeof EENHEDEN)[number];

export type Veld = 1 | 2 | 3 | 4 | 5;

export const VELDEN: Readonly<Record<Veld, string>> = {
  1: 'Veilige woon- en leefomgeving',
  2: 'Bedrijvigheid en veiligheid',
  3: 'Jeugd en veiligheid',
  4: 'Fysieke veiligheid',
  5: 'Integriteit en veiligheid',
};

/** One version of the mapping of a code onto a field (null = counts only in totals) and themes. */
export interface Indeling {
  bron: Bron;
  code: string;
  veld: Veld | null;
  tags: string[];
  /** ISO date from which this version applies. */
  geldigVan: string;
  opmerking: string;
}

export const STANDAARD_GELDIG_VAN = '2000-01-01';

type Regel = [code: string, titel: string, veld: Veld | null, tags?: string[], opmerking?: string];

/** Police "maatschappelijke klasse" codes with the suggested field (statistics reference §3). */
const POLITIE: Regel[] = [
  ['0.0.0', 'Totaal misdrijven', null, ['totaal'], 'Telt in alle velden als totaal.'],
  ['1.1.1', 'Diefstal/inbraak woning', 1, ['woninginbraak']],
  ['1.1.2', 'Diefstal/inbraak box/garage/schuur', 1],
  ['1.2.1', 'Diefstal uit/vanaf motorvoertuigen', 1],
  ['1.2.2', 'Diefstal van motorvoertuigen', 1],
  ['1.2.3', 'Diefstal van brom-, snor-, fietsen', 1],
  ['1.2.4', 'Zakkenrollerij', 1, [], 'In winkelgebieden ook veld 2.'],
  ['1.2.5', 'Diefstal af/uit/van ov. voertuigen', 1],
  ['1.3.1', 'Ongevallen (weg)', 4],
  ['1.4.1', 'Zedenmisdrijf', 1],
  ['1.4.2', 'Moord, doodslag', 1, [], 'Veld 5 bij liquidaties.'],
  ['1.4.3', 'Openlijk geweld (persoon)', 1],
  ['1.4.4', 'Bedreiging', 1],
  ['1.4.5', 'Mishandeling', 1, ['huiselijk-geweld'], 'Inclusief huiselijk geweld.'],
  ['1.4.6', 'Straatroof', 1],
  ['1.4.7', 'Overval', 2],
  ['1.5.2', 'Diefstallen (water)', 2],
  ['1.6.1', 'Brand/ontploffing', 4, [], 'Veld 5 bij explosies bij woningen/bedrijven.'],
  ['1.6.2', 'Overige vermogensdelicten', 1],
  ['1.6.3', 'Mensenhandel', 5, ['ondermijning']],
  ['2.1.1', 'Drugs/drankoverlast', 1],
  ['2.2.1', 'Vernieling cq. zaakbeschadiging', 1],
  ['2.4.1', 'Burengerucht (relatieproblemen)', 1, ['huiselijk-geweld']],
  ['2.4.2', 'Huisvredebreuk', 1],
  ['2.5.1', 'Diefstal/inbraak bedrijven en instellingen', 2],
  ['2.5.2', 'Winkeldiefstal', 2],
  ['2.6.1', 'Inrichting Wet Milieubeheer', 4, ['milieu']],
  ['2.6.2', 'Bodem', 4, ['milieu']],
  ['2.6.3', 'Water', 4, ['milieu']],
  ['2.6.4', 'Afval', 4, ['milieu'], 'Veld 5 bij drugsafvaldumping.'],
  ['2.6.5', 'Bouwstoffen', 4, ['milieu']],
  ['2.6.7', 'Mest', 4, ['milieu']],
  ['2.6.8', 'Transport gevaarlijke stoffen', 4, ['milieu']],
  ['2.6.9', 'Vuurwerk', 4, ['milieu']],
  ['2.6.10', 'Bestrijdingsmiddelen', 4, ['milieu']],
  ['2.6.11', 'Natuur en landschap', 4, ['milieu']],
  ['2.6.12', 'Ruimtelijke ordening', 4, ['milieu']],
  ['2.6.13', 'Dieren', 4, ['milieu']],
  ['2.6.14', 'Voedselveiligheid', 4, ['milieu']],
  ['2.7.2', 'Bijzondere wetten', null],
  ['2.7.3', 'Leefbaarheid (overig)', 1],
  ['3.1.1', 'Drugshandel', 5, ['ondermijning']],
  ['3.1.2', 'Mensensmokkel', 5, ['ondermijning']],
  ['3.1.3', 'Wapenhandel', 5, ['ondermijning']],
  ['3.2.1', 'Kinderporno', 1, [], 'Veld 5 als online.'],
  ['3.2.2', 'Kinderprostitutie', 5],
  ['3.3.2', 'Onder invloed (lucht)', 4],
  ['3.3.5', 'Lucht (overig)', 4],
  ['3.4.2', 'Onder invloed (water)', 4],
  ['3.5.2', 'Onder invloed (weg)', 4],
  ['3.5.5', 'Weg (overig)', 4],
  ['3.6.4', 'Aantasting openbare orde', 1],
  ['3.7.1', 'Discriminatie', 5],
  ['3.7.2', 'Vreemdelingenzorg', null],
  ['3.7.3', 'Maatschappelijke integriteit (overig)', 5],
  ['3.7.4', 'Cybercrime', 5, ['digitale-criminaliteit']],
  ['3.9.1', 'Horizontale fraude', 5, ['ondermijning']],
  ['3.9.2', 'Verticale fraude', 5, ['ondermijning']],
  ['3.9.3', 'Fraude (overig)', 5, ['ondermijning']],
];

/** Police incident E-codes (BVH), not open data: uploaded as CSV with a source note. */
const INCIDENTEN: Regel[] = [
  ['E33', 'Overlast door persoon met verward gedrag', 1, ['zorg-en-veiligheid']],
  ['E35', 'Overlast jeugd', 3, ['jeugd']],
  ['E14', 'Poging tot zelfdoding', 1, ['zorg-en-veiligheid']],
];

/** CBS 83648NED main groups (CBS classification, not the police one). */
const CBS: Regel[] = [
  ['T001161', 'Totaal misdrijven', null, ['totaal']],
  ['1', 'Vermogensmisdrijven', 1],
  ['2', 'Vernielingen, misdrijven tegen openbare orde en gezag', 1],
  ['3', 'Gewelds- en seksuele misdrijven', 1],
  ['4', 'Misdrijven WvSr (overig)', null],
  ['5', 'Verkeersmisdrijven', 4],
  ['6', 'Drugsmisdrijven', 5, ['ondermijning']],
  ['7', 'Vuurwapenmisdrijven', 5],
  ['9', 'Misdrijven overige wetten', null],
];

const regels: Array<[Bron, Regel[]]> = [['politie', POLITIE], ['politie-incidenten', INCIDENTEN], ['cbs', CBS]];

export const STANDAARD_INDELING: readonly Indeling[] = regels.flatMap(([bron, list]) =>
  list.map(([code, , veld, tags = [], opmerking = '']) => ({ bron, code, veld, tags, geldigVan: STANDAARD_GELDIG_VAN, opmerking })),
);

const TITELS = new Map<string, string>(regels.flatMap(([bron, list]) => list.map(([code, titel]) => [`${bron}|${code}`, titel] as [string, string])));

/** Fallback title of a code when the imported file carries none. */
export function standaardTitel(bron: Bron, code: string): string {
  return TITELS.get(`${bron}|${code}`) ?? code;
}

/** The mapping version that applies on a date (ISO), or null when the code has no mapping. */
export function indelingOp(indeling: readonly Indeling[], bron: Bron, code: string, datum: string): Indeling | null {
  let best: Indeling | null = null;
  for (const i of indeling) {
    if (i.bron !== bron || i.code !== code || i.geldigVan > datum) continue;
    if (!best || i.geldigVan > best.geldigVan) best = i;
  }
  return best;
}

export interface Gebied {
  code: string;
  naam: string;
  soort: 'gemeente' | 'groep';
  /** ISO dates; geldigTot is exclusive (the day the code stopped existing). */
  geldigVan: string | null;
  geldigTot: string | null;
  opvolger: string | null;
  leden: string[];
}

export const GROEP_TWEESTROMENLAND = 'tweestromenland';
export const TWEESTROMENLAND = ['GM1945', 'GM0209', 'GM0225', 'GM0252', 'GM0668', 'GM0296'] as const;

/** The six gemeenten, the three predecessors of Berg en Dal (RvIG Tabel 33) and the group. */
export const STANDAARD_GEBIEDEN: readonly Gebied[] = [
  { code: 'GM1945', naam: 'Berg en Dal', soort: 'gemeente', geldigVan: '2016-01-01', geldigTot: null, opvolger: null, leden: [] },
  { code: 'GM0209', naam: 'Beuningen', soort: 'gemeente', geldigVan: null, geldigTot: null, opvolger: null, leden: [] },
  { code: 'GM0225', naam: 'Druten', soort: 'gemeente', geldigVan: null, geldigTot: null, opvolger: null, leden: [] },
  { code: 'GM0252', naam: 'Heumen', soort: 'gemeente', geldigVan: null, geldigTot: null, opvolger: null, leden: [] },
  { code: 'GM0668', naam: 'West Maas en Waal', soort: 'gemeente', geldigVan: '1985-07-01', geldigTot: null, opvolger: null, leden: [] },
  { code: 'GM0296', naam: 'Wijchen', soort: 'gemeente', geldigVan: null, geldigTot: null, opvolger: null, leden: [] },
  { code: 'GM0241', naam: 'Groesbeek', soort: 'gemeente', geldigVan: null, geldigTot: '2016-01-01', opvolger: 'GM1945', leden: [] },
  { code: 'GM0265', naam: 'Millingen aan de Rijn', soort: 'gemeente', geldigVan: null, geldigTot: '2015-01-01', opvolger: 'GM0241', leden: [] },
  { code: 'GM0282', naam: 'Ubbergen', soort: 'gemeente', geldigVan: null, geldigTot: '2015-01-01', opvolger: 'GM0241', leden: [] },
  { code: GROEP_TWEESTROMENLAND, naam: 'Tweestromenland', soort: 'groep', geldigVan: null, geldigTot: null, opvolger: null, leden: [...TWEESTROMENLAND] },
];
