// SPDX-License-Identifier: EUPL-1.2
// De melding in wording: alleen in het geheugen van de pagina (geen localStorage, geen URL).
// Validatie per stap, de JSON voor de API en de koppeling van serverfouten aan stap en veld.
import type { FieldDefinition } from '../components/FormErrors.js';
import { hardStopOf, type Antwoord } from '../api/meldingen.js';
import type { Category, Gemeentebepaling, Kanaal, Question } from './api.js';
import { T } from './texts.js';

export const STEP_COUNT = 6;
export const STEP_SUMMARY = 5;
export const MAX_FILES = 3;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf'];
export const ACCEPT_ATTRIBUTE = '.jpg,.jpeg,.png,.webp,.gif,.pdf,image/jpeg,image/png,image/webp,image/gif,application/pdf';

export type AnswerInput = Antwoord;

export interface Draft {
  hoofdcategorie: string;
  categorie: string;
  omschrijving: string;
  antwoorden: Record<string, AnswerInput>;
  locatieSoort: 'adres' | 'straat';
  postcode: string;
  huisnummer: string;
  toevoeging: string;
  straat: string;
  woonplaats: string;
  locatieToelichting: string;
  datum: string;
  tijd: string;
  waargenomenToelichting: string;
  bestanden: File[];
  contactKeuze: 'anoniem' | 'gegevens';
  naam: string;
  email: string;
  telefoon: string;
  updatesPerMail: boolean;
}

export function emptyDraft(kanaal: Kanaal): Draft {
  return {
    hoofdcategorie: '',
    categorie: '',
    omschrijving: '',
    antwoorden: {},
    locatieSoort: 'adres',
    postcode: '',
    huisnummer: '',
    toevoeging: '',
    straat: '',
    woonplaats: '',
    locatieToelichting: '',
    datum: '',
    tijd: '',
    waargenomenToelichting: '',
    bestanden: [],
    // Ondermijning: standaard anoniem. Overlast: de velden staan open, invullen is vrijwillig.
    contactKeuze: kanaal === 'ondermijning' ? 'anoniem' : 'gegevens',
    naam: '',
    email: '',
    telefoon: '',
    updatesPerMail: false,
  };
}

/** Id van de eerste invoer van een veld (voor de links in de foutsamenvatting). */
export const FORM_ID = 'melding';
export const fieldDomId = (name: string) => `${FORM_ID}-${name}`;
export const questionField = (q: Question) => `vraag-${q.code}`;

function questionTarget(q: Question): string {
  const id = fieldDomId(questionField(q));
  return q.datatype === 'singlevaluelist' || q.datatype === 'multivaluelist' ? `${id}-eerste` : id;
}

export function sortedQuestions(category: Category | undefined): Question[] {
  return [...(category?.vragen ?? [])].sort((a, b) => a.volgorde - b.volgorde);
}

/** Alle velden met hun label, voor de foutsamenvatting. */
export function fieldDefinitions(category: Category | undefined): FieldDefinition[] {
  return [
    { name: 'hoofdcategorie', label: T.wat.hoofd, targetId: `${fieldDomId('hoofdcategorie')}-eerste` },
    { name: 'categorie', label: T.wat.sub, targetId: `${fieldDomId('categorie')}-eerste` },
    ...sortedQuestions(category).map((q) => ({ name: questionField(q), label: q.vraag, targetId: questionTarget(q) })),
    { name: 'omschrijving', label: T.wat.omschrijving },
    { name: 'postcode', label: T.waar.postcode },
    { name: 'huisnummer', label: T.waar.huisnummer },
    { name: 'toevoeging', label: T.waar.toevoeging },
    { name: 'straat', label: T.waar.straat },
    { name: 'woonplaats', label: T.waar.woonplaats },
    { name: 'locatieToelichting', label: T.waar.toelichting },
    { name: 'datum', label: T.wanneer.datum },
    { name: 'tijd', label: T.wanneer.tijd },
    { name: 'waargenomenToelichting', label: T.wanneer.toelichting },
    { name: 'bijlagen', label: T.bestanden.kiezen },
    { name: 'naam', label: T.contact.naam },
    { name: 'email', label: T.contact.email },
    { name: 'telefoon', label: T.contact.telefoon },
  ];
}

/** Het antwoord met een "harde stop" (acuut gevaar), of null. */
export function hardStop(category: Category | undefined, antwoorden: Record<string, AnswerInput>): string | null {
  for (const q of category?.vragen ?? []) {
    const stop = hardStopOf(q, antwoorden[q.code]);
    if (stop) return stop;
  }
  return null;
}

const POSTCODE = /^[1-9]\d{3}\s?[a-zA-Z]{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const isPostcode = (value: string) => POSTCODE.test(value.trim());
export const normalisePostcode = (value: string) => {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  return compact.length === 6 ? `${compact.slice(0, 4)} ${compact.slice(4)}` : compact;
};

function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Client-validatie van één stap; de server blijft de autoriteit. */
export function validateStep(
  step: number,
  draft: Draft,
  category: Category | undefined,
  gemeente: Gemeentebepaling | null,
): Record<string, string> {
  const e: Record<string, string> = {};
  if (step === 0) {
    if (!draft.hoofdcategorie) e['hoofdcategorie'] = T.wat.kiesHoofd;
    else if (!draft.categorie) e['categorie'] = T.wat.kiesSub;
    for (const q of sortedQuestions(category)) {
      const v = draft.antwoorden[q.code];
      const empty = v === undefined || (Array.isArray(v) ? v.length === 0 : v.trim() === '');
      if (empty) {
        if (q.verplicht) e[questionField(q)] = T.wat.vraagVerplicht(q.vraag);
      } else if (q.datatype === 'number' && typeof v === 'string' && !/^-?\d+(?:[.,]\d+)?$/.test(v.trim())) {
        e[questionField(q)] = T.wat.getal;
      }
    }
    const length = [...draft.omschrijving.trim()].length;
    if (length < 10) e['omschrijving'] = T.wat.omschrijvingTeKort;
    else if (length > 5000) e['omschrijving'] = T.wat.omschrijvingTeLang;
  } else if (step === 1) {
    if (draft.locatieSoort === 'adres') {
      if (!isPostcode(draft.postcode)) e['postcode'] = T.waar.postcodeOngeldig;
      else if (gemeente && !gemeente.binnenWerkgebied) e['postcode'] = gemeente.advies;
      if (!/^\d{1,5}$/.test(draft.huisnummer.trim()) || Number(draft.huisnummer) < 1) e['huisnummer'] = T.waar.huisnummerOngeldig;
      if (draft.toevoeging.trim() && !/^[A-Za-z0-9]{1,4}$/.test(draft.toevoeging.trim())) e['toevoeging'] = T.waar.toevoegingOngeldig;
    } else {
      if (draft.straat.trim().length < 2) e['straat'] = T.waar.straatLeeg;
      if (draft.woonplaats.trim().length < 2) e['woonplaats'] = T.waar.woonplaatsLeeg;
    }
  } else if (step === 2) {
    if (draft.tijd && !draft.datum) e['datum'] = T.wanneer.tijdZonderDatum;
    else if (draft.datum && !/^\d{4}-\d{2}-\d{2}$/.test(draft.datum)) e['datum'] = T.wanneer.ongeldig;
    else if (draft.datum && draft.datum > todayLocal()) e['datum'] = T.wanneer.toekomst;
  } else if (step === 4 && draft.contactKeuze === 'gegevens') {
    if (draft.email.trim() && !EMAIL.test(draft.email.trim())) e['email'] = T.contact.emailOngeldig;
    if (draft.updatesPerMail && !draft.email.trim()) e['email'] = T.contact.emailNodig;
    if (draft.telefoon.trim() && !/^[+\d][\d\s\-().]{8,18}$/.test(draft.telefoon.trim())) e['telefoon'] = T.contact.telefoonOngeldig;
  }
  return e;
}

/** Lokale datum/tijd als ISO 8601 met de tijdzone van de browser. */
function observedIso(datum: string, tijd: string): string | undefined {
  if (!datum) return undefined;
  if (!tijd) return datum;
  const local = new Date(`${datum}T${tijd}:00`);
  const offset = -local.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${datum}T${tijd}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** De melding als JSON voor POST /api/v1/meldingen (zonder altcha en bestanden). */
export function requestBody(draft: Draft, category: Category | undefined, kanaal: Kanaal): Record<string, unknown> {
  const antwoorden: Record<string, string | number | string[]> = {};
  for (const q of sortedQuestions(category)) {
    const v = draft.antwoorden[q.code];
    if (v === undefined || (Array.isArray(v) ? v.length === 0 : v.trim() === '')) continue;
    if (q.datatype === 'number' && typeof v === 'string') antwoorden[q.code] = Number(v.trim().replace(',', '.'));
    else antwoorden[q.code] = typeof v === 'string' ? v.trim() : v;
  }
  const toevoeging = draft.toevoeging.trim().toUpperCase();
  // Eén letter is een huisletter (12A), anders een huisnummertoevoeging (12-2, 12 BIS).
  const suffix = /^[A-Z]$/.test(toevoeging) ? { huisletter: toevoeging } : toevoeging ? { huisnummertoevoeging: toevoeging } : {};
  const locatie: Record<string, unknown> =
    draft.locatieSoort === 'adres'
      ? {
          postcode: normalisePostcode(draft.postcode),
          huisnummer: Number(draft.huisnummer.trim()),
          ...suffix,
        }
      : { straat: draft.straat.trim(), woonplaats: draft.woonplaats.trim() };
  if (draft.locatieToelichting.trim()) locatie['toelichting'] = draft.locatieToelichting.trim();
  const body: Record<string, unknown> = { categorie: draft.categorie, omschrijving: draft.omschrijving.trim(), antwoorden, locatie };
  const observed = observedIso(draft.datum, draft.tijd);
  if (observed) body['waargenomenOp'] = observed;
  if (draft.waargenomenToelichting.trim()) body['waargenomenToelichting'] = draft.waargenomenToelichting.trim();
  if (draft.contactKeuze === 'gegevens') {
    const contact: Record<string, unknown> = {};
    if (draft.naam.trim()) contact['naam'] = draft.naam.trim();
    if (draft.email.trim()) contact['email'] = draft.email.trim();
    if (draft.telefoon.trim()) contact['telefoon'] = draft.telefoon.trim();
    if (kanaal === 'overlast' && draft.updatesPerMail && draft.email.trim()) contact['updatesPerMail'] = true;
    if (Object.keys(contact).length > 0) body['contact'] = contact;
  }
  return body;
}

const LOCATIE_VELDEN: Record<string, string> = {
  postcode: 'postcode',
  huisnummer: 'huisnummer',
  huisletter: 'toevoeging',
  huisnummertoevoeging: 'toevoeging',
  straat: 'straat',
  woonplaats: 'woonplaats',
  toelichting: 'locatieToelichting',
};

/** Welke stap en welk veld hoort bij een `veld` uit een serverfout? null = algemene fout. */
export function serverField(veld: string): { step: number; name: string } | null {
  const path = veld.replace(/^\/+/, '').replace(/^body[./]/, '').replace(/\//g, '.');
  const [head = '', rest = ''] = path.split(/\.(.*)/s);
  const base = head.replace(/\[\d+\]$/, '');
  if (base === 'categorie') return { step: 0, name: 'categorie' };
  if (base === 'omschrijving') return { step: 0, name: 'omschrijving' };
  if (base === 'antwoorden') return rest ? { step: 0, name: `vraag-${rest.split('.')[0]}` } : { step: 0, name: 'categorie' };
  if (base === 'locatie') return { step: 1, name: LOCATIE_VELDEN[rest] ?? 'postcode' };
  if (base === 'waargenomenOp') return { step: 2, name: 'datum' };
  if (base === 'waargenomenToelichting') return { step: 2, name: 'waargenomenToelichting' };
  if (base === 'bijlagen') return { step: 3, name: 'bijlagen' };
  if (base === 'contact') return { step: 4, name: ['naam', 'email', 'telefoon'].includes(rest) ? rest : 'naam' };
  return null;
}
