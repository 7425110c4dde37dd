// SPDX-License-Identifier: EUPL-1.2
// Category configuration (two levels) and the defaults shipped for both public channels.
// Stored in the table meldingcategorieen; these defaults are inserted once and can be changed by
// the functioneel beheerder afterwards.
import type { Kanaal } from '../schema.js';

/** Open311 GeoReport v2 attribute datatypes. */
export const QUESTION_TYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface QuestionOption {
  key: string;
  naam: string;
  /** A "hard stop": choosing this answer shows the text and blocks submission (acute danger). */
  hardeStop?: string;
}

export interface Question {
  code: string;
  datatype: QuestionType;
  vraag: string;
  toelichting?: string;
  verplicht: boolean;
  volgorde: number;
  waarden?: QuestionOption[];
}

/** Standard texts per status, for reporters' status mails and the status page. */
export type StandardTexts = Partial<Record<'ontvangen' | 'in-behandeling' | 'wacht-op-reactie' | 'afgehandeld' | 'heropend', string>>;

export interface RetentionTerms {
  /** Months after closing after which the reporter's contact details are erased. */
  contactWissenNaMaanden: number;
  /** Months after closing after which the melding is deleted. */
  verwijderenNaMaanden: number;
  /** Months after closing when it was closed without follow-up (not passed on). */
  verwijderenZonderVervolgNaMaanden: number;
}

export interface CategoryConfig {
  id: string;
  hoofdcategorieId: string | null;
  kanaal: Kanaal;
  naam: string;
  hulptekst: string;
  volgorde: number;
  vragen: Question[];
  termijn: { aantal: number; eenheid: 'werkdagen' | 'kalenderdagen' };
  standaardteksten: StandardTexts;
  bewaartermijnen: RetentionTerms;
}

export const ACUTE_DANGER_TEXT = 'Is er nu direct gevaar? Bel dan 112. Deze melding wordt niet verstuurd, want wij lezen meldingen niet direct.';

const acuteQuestion: Question = {
  code: 'acuut',
  datatype: 'singlevaluelist',
  vraag: 'Is er op dit moment sprake van direct gevaar?',
  verplicht: true,
  volgorde: 0,
  waarden: [
    { key: 'nee', naam: 'Nee' },
    { key: 'ja', naam: 'Ja, er is nu gevaar voor mensen', hardeStop: ACUTE_DANGER_TEXT },
  ],
};

const frequencyQuestion: Question = {
  code: 'hoe_vaak',
  datatype: 'singlevaluelist',
  vraag: 'Hoe vaak komt dit voor?',
  verplicht: false,
  volgorde: 2,
  waarden: [
    { key: 'eenmalig', naam: 'Eenmalig' },
    { key: 'soms', naam: 'Soms' },
    { key: 'vaak', naam: 'Vaak (wekelijks of vaker)' },
  ],
};

const OVERLAST_TEXTS: StandardTexts = {
  ontvangen: 'Bedankt voor uw melding. Wij hebben haar ontvangen en bekijken haar binnen de afhandeltermijn.',
  'in-behandeling': 'Uw melding is in behandeling bij de gemeente.',
  'wacht-op-reactie': 'Wij hebben een vraag over uw melding. Beantwoord die op de statuspagina met uw ontvangstcode.',
  afgehandeld: 'Uw melding is afgehandeld. Bedankt dat u de moeite nam om haar te doen.',
  heropend: 'Uw melding is opnieuw in behandeling genomen.',
};

const ONDERMIJNING_TEXTS: StandardTexts = {
  ontvangen: 'Bedankt voor uw melding. Wij nemen haar vertrouwelijk in behandeling. U hoort niet wat er met uw melding gebeurt.',
  'wacht-op-reactie': 'Wij hebben een vraag over uw melding. U kunt die beantwoorden met uw ontvangstcode.',
};

const OVERLAST_RETENTION: RetentionTerms = { contactWissenNaMaanden: 12, verwijderenNaMaanden: 60, verwijderenZonderVervolgNaMaanden: 60 };
const ONDERMIJNING_RETENTION: RetentionTerms = { contactWissenNaMaanden: 6, verwijderenNaMaanden: 60, verwijderenZonderVervolgNaMaanden: 6 };

function leaf(
  kanaal: Kanaal,
  hoofd: string,
  id: string,
  naam: string,
  hulptekst: string,
  volgorde: number,
  extra: Question[] = [],
  termijn: CategoryConfig['termijn'] = { aantal: 5, eenheid: 'werkdagen' },
): CategoryConfig {
  const base = kanaal === 'overlast' ? [acuteQuestion, frequencyQuestion] : [acuteQuestion];
  return {
    id: `${hoofd}.${id}`,
    hoofdcategorieId: hoofd,
    kanaal,
    naam,
    hulptekst,
    volgorde,
    vragen: [...base, ...extra],
    termijn,
    standaardteksten: kanaal === 'overlast' ? OVERLAST_TEXTS : ONDERMIJNING_TEXTS,
    bewaartermijnen: kanaal === 'overlast' ? OVERLAST_RETENTION : ONDERMIJNING_RETENTION,
  };
}

function main(kanaal: Kanaal, id: string, naam: string, hulptekst: string, volgorde: number): CategoryConfig {
  return {
    id,
    hoofdcategorieId: null,
    kanaal,
    naam,
    hulptekst,
    volgorde,
    vragen: [],
    termijn: { aantal: 5, eenheid: 'werkdagen' },
    standaardteksten: {},
    bewaartermijnen: kanaal === 'overlast' ? OVERLAST_RETENTION : ONDERMIJNING_RETENTION,
  };
}

const when: Question = {
  code: 'tijdstip',
  datatype: 'singlevaluelist',
  vraag: 'Wanneer vindt de overlast meestal plaats?',
  verplicht: false,
  volgorde: 3,
  waarden: [
    { key: 'overdag', naam: 'Overdag' },
    { key: 'avond', naam: "'s Avonds" },
    { key: 'nacht', naam: "'s Nachts" },
  ],
};

const smellSigns: Question = {
  code: 'signalen',
  datatype: 'multivaluelist',
  vraag: 'Wat valt u op?',
  verplicht: false,
  volgorde: 2,
  waarden: [
    { key: 'geur', naam: 'Een sterke geur (hennep, anijs of chemisch)' },
    { key: 'ramen', naam: 'Afgeplakte of altijd gesloten ramen' },
    { key: 'stroom', naam: 'Gezoem, warmte of condens, stroomgebruik' },
    { key: 'verkeer', naam: 'Veel af- en aanrijden op vreemde tijden' },
    { key: 'afval', naam: 'Vaten, jerrycans of chemisch afval' },
  ],
};

const numberOfPeople: Question = {
  code: 'aantal_personen',
  datatype: 'number',
  vraag: 'Om hoeveel personen gaat het ongeveer?',
  verplicht: false,
  volgorde: 3,
};

export const DEFAULT_CATEGORIES: CategoryConfig[] = [
  // ---- Overlast en leefbaarheid ----
  main('overlast', 'personen', 'Overlast van personen', 'Overlast die door mensen wordt veroorzaakt, in of rond een woning of op straat.', 1),
  leaf('overlast', 'personen', 'woonoverlast', 'Woonoverlast', 'Overlast vanuit een woning: lawaai, ruzie, stank, vervuiling of intimidatie door buren.', 1, [when]),
  leaf('overlast', 'personen', 'burengerucht', 'Burengerucht', 'Geluidsoverlast door buren, bijvoorbeeld harde muziek of feesten.', 2, [when]),
  leaf('overlast', 'personen', 'jeugdoverlast', 'Jeugdoverlast', 'Overlast door groepen jongeren: hinderlijk gedrag, intimidatie of vernielingen.', 3, [when, numberOfPeople]),
  leaf('overlast', 'personen', 'verward-gedrag', 'Overlast door verward gedrag', 'Iemand gedraagt zich verward en dat geeft overlast of zorgen. Bij direct gevaar: bel 112. Geen spoed maar wel zorgen: bel ook 0800-1205 (meldpunt niet-spoed verward gedrag).', 4),
  main('overlast', 'drugs', 'Drugsoverlast', 'Overlast die met drugs te maken heeft, zoals dealen op straat of drugsgebruik.', 2),
  leaf('overlast', 'drugs', 'drugsoverlast', 'Drugsoverlast', 'Dealen, gebruik op straat, veel af- en aanloop bij een woning.', 1, [when]),
  main('overlast', 'openbare-ruimte', 'Openbare ruimte', 'Schade en vervuiling op straat en in het groen.', 3),
  leaf('overlast', 'openbare-ruimte', 'vernieling', 'Vernieling', 'Vernielingen van bijvoorbeeld bushokjes, bankjes of verlichting.', 1, [], { aantal: 10, eenheid: 'werkdagen' }),
  leaf('overlast', 'openbare-ruimte', 'dumping', 'Dumping en zwerfvuil', 'Gedumpt afval of veel zwerfvuil. Let op: raak vaten of chemisch afval niet aan.', 2, [], { aantal: 10, eenheid: 'werkdagen' }),
  main('overlast', 'overig', 'Overige overlast', 'Andere overlast die hier niet bij staat.', 9),
  leaf('overlast', 'overig', 'overig', 'Overige overlast', 'Beschrijf zo goed mogelijk wat er aan de hand is.', 1),

  // ---- Vermoeden van ondermijning (vertrouwelijk) ----
  main('ondermijning', 'drugs-productie', 'Drugs', 'Kweek, productie of opslag van drugs.', 1),
  leaf('ondermijning', 'drugs-productie', 'hennepteelt', 'Hennepteelt', 'Een vermoeden van een hennepkwekerij in een woning, schuur of bedrijfspand.', 1, [smellSigns], { aantal: 10, eenheid: 'werkdagen' }),
  leaf('ondermijning', 'drugs-productie', 'synthetische-drugs', 'Synthetische drugs of drugsopslag', 'Een vermoeden van een drugslab, opslag van drugs of grondstoffen, of gedumpt drugsafval.', 2, [smellSigns], { aantal: 10, eenheid: 'werkdagen' }),
  main('ondermijning', 'mensen', 'Mensen', 'Uitbuiting van mensen en fraude met zorg.', 2),
  leaf('ondermijning', 'mensen', 'mensenhandel', 'Mensenhandel of uitbuiting', 'Een vermoeden dat mensen worden gedwongen tot werk, seks of criminaliteit.', 1, [numberOfPeople], { aantal: 10, eenheid: 'werkdagen' }),
  leaf('ondermijning', 'mensen', 'zorgfraude', 'Zorgfraude', 'Een vermoeden van fraude met zorggeld of zorg die niet wordt geleverd.', 2, [], { aantal: 10, eenheid: 'werkdagen' }),
  main('ondermijning', 'geld-vastgoed', 'Geld en vastgoed', 'Witwassen, vastgoed en verhuur die niet kloppen.', 3),
  leaf('ondermijning', 'geld-vastgoed', 'witwassen', 'Witwassen of verdacht vastgoed', 'Veel contant geld, dure aankopen zonder zichtbaar inkomen, panden die vaak en snel van eigenaar wisselen.', 1, [], { aantal: 10, eenheid: 'werkdagen' }),
  leaf('ondermijning', 'geld-vastgoed', 'schuren-loodsen', 'Verhuur van schuren en loodsen', 'Een schuur, loods of stal die wordt verhuurd voor onduidelijk gebruik.', 2, [smellSigns], { aantal: 10, eenheid: 'werkdagen' }),
  leaf('ondermijning', 'geld-vastgoed', 'vakantieparken', 'Vakantieparken', 'Misstanden op een vakantiepark, zoals permanente bewoning, criminaliteit of uitbuiting.', 3, [], { aantal: 10, eenheid: 'werkdagen' }),
  main('ondermijning', 'bedrijven', 'Horeca en bedrijven', 'Bedrijven die als dekmantel lijken te dienen.', 4),
  leaf('ondermijning', 'bedrijven', 'horeca-omg', 'Horeca en outlaw motorcycle gangs', 'Horeca of clubhuizen met verdachte activiteiten, intimidatie of betrokkenheid van motorclubs.', 1, [], { aantal: 10, eenheid: 'werkdagen' }),
  main('ondermijning', 'overig-ondermijning', 'Overig vermoeden', 'Een ander vermoeden van criminaliteit die de samenleving ondermijnt.', 9),
  leaf('ondermijning', 'overig-ondermijning', 'overig', 'Overig vermoeden van ondermijning', 'Beschrijf zo goed mogelijk wat u heeft gezien.', 1, [], { aantal: 10, eenheid: 'werkdagen' }),
];

/** Default routing rules: first match wins; more specific rules first. */
export const DEFAULT_ROUTING_RULES: Array<{ volgorde: number; kanaal: string | null; categorieId: string | null; gemeenteCode: string | null; team: string }> = [
  { volgorde: 10, kanaal: 'overlast', categorieId: 'personen.verward-gedrag', gemeenteCode: null, team: 'zorg-en-veiligheid' },
  { volgorde: 20, kanaal: 'overlast', categorieId: 'drugs.drugsoverlast', gemeenteCode: null, team: 'informatieknooppunt' },
  { volgorde: 30, kanaal: 'ondermijning', categorieId: null, gemeenteCode: null, team: 'informatieknooppunt' },
  { volgorde: 90, kanaal: 'overlast', categorieId: null, gemeenteCode: null, team: 'openbare-orde' },
];

export const TEAM_LABELS: Record<string, string> = {
  'openbare-orde': 'Openbare orde en veiligheid',
  informatieknooppunt: 'Informatieknooppunt',
  'zorg-en-veiligheid': 'Zorg en veiligheid',
};

export function teamLabel(team: string): string {
  return TEAM_LABELS[team] ?? team;
}
