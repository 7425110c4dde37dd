// SPDX-License-Identifier: EUPL-1.2
// Open311 GeoReport v2: pure mapping between the standard's fields and the meldpunt's own
// (services ↔ categories, attributes ↔ questions, address_string → postcode + huisnummer,
// statuses → open/closed with a public note, which jurisdictions an API key may submit for).
// No I/O: the routes in open311.routes.ts read the database and call the intake service.
import type { FieldError } from '../../platform/http/errors.js';
import type { Category } from './categories.repository.js';
import type { Question } from './domain/categories.js';
import { gemeenteForPostcode } from './domain/postcodes.js';
import * as v from './domain/validators.js';
import { MELDING_WORKFLOW, open311Status, publicStatus } from './domain/workflow.js';

/** The six municipalities (CBS codes) that are Open311 jurisdictions. */
export const JURISDICTIONS: Readonly<Record<string, string>> = {
  GM1945: 'Berg en Dal',
  GM0209: 'Beuningen',
  GM0225: 'Druten',
  GM0252: 'Heumen',
  GM0668: 'West Maas en Waal',
  GM0296: 'Wijchen',
};

export function isJurisdiction(code: unknown): code is string {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(JURISDICTIONS, code);
}

export const JURISDICTION_MESSAGE = `Gebruik als jurisdiction_id de CBS-code van een van de zes gemeenten: ${Object.entries(JURISDICTIONS)
  .map(([c, n]) => `${c} (${n})`)
  .join(', ')}.`;

/**
 * For which jurisdictions an organisation's API key may submit requests:
 * - a gemeente only for itself;
 * - an organisation that belongs to one gemeente (its sociaal wijkteam, code `WT-GMxxxx`) only for that gemeente;
 * - the samenwerkingsverband and the regional partners (politie, woningcorporaties, omgevingsdiensten, …)
 *   for any of the six: they work in the whole basisteam area.
 */
export function allowedJurisdictions(org: { code: string; soort: string }): readonly string[] {
  if (org.soort === 'gemeente') return isJurisdiction(org.code) ? [org.code] : [];
  const bound = /^WT-(GM\d{4})$/.exec(org.code);
  if (bound) return isJurisdiction(bound[1]) ? [bound[1]] : [];
  return Object.keys(JURISDICTIONS);
}

// ---------- services ----------

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

/** Only active overlast subcategories (under an active main category) are Open311 services; never ondermijning. */
export function isOpen311Service(c: Category, all: readonly Category[]): boolean {
  if (c.kanaal !== 'overlast' || !c.actief || c.hoofdcategorieId === null) return false;
  const parent = all.find((p) => p.id === c.hoofdcategorieId);
  return !parent || parent.actief;
}

export function presentService(c: Category, all: readonly Category[]): Open311Service {
  const parent = all.find((p) => p.id === c.hoofdcategorieId);
  const words = new Set([c.naam, parent?.naam ?? '', ...c.id.split(/[.-]/)].map((w) => w.toLowerCase().trim()).filter(Boolean));
  return {
    service_code: c.id,
    service_name: c.naam,
    description: c.hulptekst,
    metadata: c.vragen.length > 0,
    type: 'realtime',
    keywords: [...words].join(','),
    group: parent?.naam ?? c.hoofdcategorieId ?? '',
  };
}

const DATATYPE_DESCRIPTIONS: Record<Question['datatype'], string> = {
  string: 'Korte tekst (maximaal 200 tekens).',
  text: 'Tekst (maximaal 2000 tekens).',
  number: 'Een getal, bijvoorbeeld 4.',
  datetime: 'Datum of datum en tijd (ISO 8601), bijvoorbeeld 2026-12-01 of 2026-12-01T14:30.',
  singlevaluelist: 'Eén key uit values.',
  multivaluelist: 'Een of meer keys uit values (herhaal het veld: attribute[code][]=a&attribute[code][]=b).',
};

export function presentServiceDefinition(c: Category) {
  return {
    service_code: c.id,
    attributes: [...c.vragen]
      .sort((a, b) => a.volgorde - b.volgorde)
      .map((q, i) => {
        const stops = (q.waarden ?? []).filter((w) => w.hardeStop);
        const notes = [q.toelichting, DATATYPE_DESCRIPTIONS[q.datatype], ...stops.map((w) => `Bij "${w.key}" wordt de melding niet aangenomen: ${w.hardeStop}`)].filter(Boolean);
        return {
          variable: true,
          code: q.code,
          datatype: q.datatype,
          required: q.verplicht,
          datatype_description: notes.join(' '),
          order: i + 1,
          description: q.vraag,
          values: (q.waarden ?? []).map((w) => ({ key: w.key, name: w.naam })),
        };
      }),
  };
}

// ---------- address ----------

export interface ParsedAddress {
  postcode: string;
  huisnummer: number;
  huisletter?: string;
  huisnummertoevoeging?: string;
  straat?: string;
  woonplaats?: string;
}

export const ADDRESS_EXAMPLE = 'bijvoorbeeld "Markt 1, 6602 ZR Wijchen" of "6602 ZR 1"';

const POSTCODE_RE = /(?:^|[\s,])([1-9]\d{3})\s?([A-Za-z]{2})(?=$|[\s,\d])/;
// A house number with an optional letter ("12a", "12 a") and an optional addition after a hyphen ("12-2", "12a-bis").
const NUMBER_SRC = '(\\d{1,5})(?:\\s?([A-Za-z])(?![A-Za-z]))?(?:\\s?-\\s?([A-Za-z0-9]{1,4})(?![A-Za-z0-9]))?';

function cleanPart(s: string): string | undefined {
  const t = s.replace(/^[\s,]+|[\s,]+$/g, '').replace(/\s+/g, ' ');
  return t === '' ? undefined : t;
}

/**
 * Reads postcode and huisnummer from a free address line: "Markt 1, 6602 ZR Wijchen",
 * "Markt 1A-2, 6602ZR", "6602 ZR 1", "6602ZR 12-bis Wijchen". The number is the last one before
 * the postcode (the street part), or else the first one after it.
 */
export function parseAddressString(input: unknown): { ok: true; value: ParsedAddress } | { ok: false; message: string } {
  const fail = (why: string) => ({ ok: false as const, message: `${why} Geef in address_string een postcode en huisnummer, ${ADDRESS_EXAMPLE}.` });
  if (typeof input !== 'string' || input.trim() === '') return fail('Het adres ontbreekt.');
  if (input.length > 200) return fail('Het adres is te lang (maximaal 200 tekens).');
  const s = input.replace(/\s+/g, ' ').trim();
  const m = POSTCODE_RE.exec(s);
  if (!m) return fail('Wij vinden geen postcode in het adres.');
  const pc = v.postcode(`${m[1]}${m[2]}`);
  if (!pc.ok) return fail('De postcode is ongeldig.');
  const before = s.slice(0, m.index + m[0].indexOf(m[1]!));
  const after = s.slice(m.index + m[0].length);

  let huisnummer: string | undefined;
  let huisletter: string | undefined;
  let toevoeging: string | undefined;
  let straat: string | undefined;
  let woonplaats: string | undefined;
  const inStreet = [...before.matchAll(new RegExp(`(?:^|[\\s,])${NUMBER_SRC}(?=$|[\\s,])`, 'g'))].pop();
  if (inStreet) {
    [, huisnummer, huisletter, toevoeging] = inStreet;
    straat = cleanPart(before.slice(0, inStreet.index));
    woonplaats = cleanPart(after);
  } else {
    const first = new RegExp(`^[\\s,]*${NUMBER_SRC}(?=$|[\\s,])`).exec(after);
    if (!first) return fail('Wij vinden geen huisnummer in het adres.');
    [, huisnummer, huisletter, toevoeging] = first;
    straat = cleanPart(before);
    woonplaats = cleanPart(after.slice(first[0].length));
  }
  const nr = v.huisnummer(huisnummer);
  if (!nr.ok) return fail('Het huisnummer is ongeldig.');
  // A place name has letters only (and spaces, hyphens, apostrophes); anything else is dropped, not guessed.
  if (woonplaats && !/^[\p{L}][\p{L} '’.-]{1,79}$/u.test(woonplaats)) woonplaats = undefined;
  if (straat && (straat.length > 120 || !/\p{L}/u.test(straat))) straat = undefined;
  return {
    ok: true,
    value: {
      postcode: pc.value,
      huisnummer: nr.value,
      ...(huisletter ? { huisletter: huisletter.toUpperCase() } : {}),
      ...(toevoeging ? { huisnummertoevoeging: toevoeging.toUpperCase() } : {}),
      ...(straat ? { straat } : {}),
      ...(woonplaats ? { woonplaats } : {}),
    },
  };
}

/** The gemeente of a parsed postcode, or null when it lies outside the six (the intake explains that). */
export function jurisdictionOfPostcode(postcode: string): string | null {
  const g = gemeenteForPostcode(postcode);
  return g.kind === 'binnen' ? g.gemeenteCode : null;
}

export function formatPostcode(pc: string | null): string | null {
  if (!pc) return null;
  const c = pc.replace(/\s+/g, '').toUpperCase();
  return /^\d{4}[A-Z]{2}$/.test(c) ? `${c.slice(0, 4)} ${c.slice(4)}` : pc;
}

// ---------- form fields ----------

/** `attribute[code]` / `attribute[code][]` (form) or `attribute: { code: … }` (JSON) → answers by question code. */
export function readAttributes(body: Record<string, unknown>, questions: readonly Question[]): { answers: Record<string, unknown>; errors: FieldError[] } {
  const answers: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const put = (code: string, value: unknown, forceList: boolean) => {
    const q = questions.find((x) => x.code === code);
    let val = value;
    if ((forceList || q?.datatype === 'multivaluelist') && !Array.isArray(val)) val = val === undefined || val === '' ? [] : [val];
    if (q && q.datatype !== 'multivaluelist' && Array.isArray(val)) {
      if (val.length > 1) {
        errors.push({ veld: `attribute[${code}]`, melding: 'Geef hier één waarde.' });
        return;
      }
      val = val[0];
    }
    if (Object.prototype.hasOwnProperty.call(answers, code)) {
      errors.push({ veld: `attribute[${code}]`, melding: 'Dit attribuut staat er meer dan één keer in.' });
      return;
    }
    answers[code] = val;
  };
  const nested = body.attribute;
  if (nested !== undefined) {
    if (!nested || typeof nested !== 'object' || Array.isArray(nested)) errors.push({ veld: 'attribute', melding: 'Geef de attributen als attribute[code]=waarde.' });
    else for (const [code, value] of Object.entries(nested as Record<string, unknown>)) put(code, value, false);
  }
  for (const [key, value] of Object.entries(body)) {
    const m = /^attribute\[([^\]]{1,64})\](\[\])?$/.exec(key);
    if (m) put(m[1]!, value, Boolean(m[2]));
  }
  return { answers, errors };
}

/** Maps the intake's field names back to the Open311 names the partner sent. */
export function toOpen311Field(veld: string): string {
  if (veld === 'categorie') return 'service_code';
  if (veld === 'omschrijving') return 'description';
  if (veld === 'antwoorden') return 'attribute';
  if (veld.startsWith('antwoorden.')) return `attribute[${veld.slice('antwoorden.'.length)}]`;
  if (veld === 'locatie.breedtegraad') return 'lat';
  if (veld === 'locatie.lengtegraad') return 'long';
  if (veld === 'locatie' || veld.startsWith('locatie.')) return 'address_string';
  if (veld === 'contact.naam') return 'first_name';
  if (veld === 'contact.email') return 'email';
  if (veld === 'contact.telefoon') return 'phone';
  return veld;
}

/** A coordinate sent as number or as form text; undefined when absent. */
export function readCoordinate(value: unknown): number | null | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^-?\d{1,3}(?:\.\d{1,12})?$/.test(value.trim())) return Number(value.trim());
  return null;
}

// ---------- requests ----------

export interface RequestRow {
  referentie: string;
  status: string;
  categorie_id: string;
  gemeente_code: string;
  omschrijving: string;
  straat: string | null;
  postcode: string | null;
  woonplaats: string | null;
  bericht_aan_melder: string | null;
  aangemaakt_op: Date;
  bijgewerkt_op: Date;
  afhandeltermijn: Date;
}

/**
 * The note a partner sees: the category's public standard text for the coarse status, and on
 * closing the hub's message to the reporter when there is one (as on the reporter's status page).
 * "Wacht op reactie" shows the in-behandeling text: its standard text points to the receipt-code
 * page, which a partner system does not use.
 */
export function statusNotes(row: Pick<RequestRow, 'status' | 'bericht_aan_melder'>, category: Pick<Category, 'standaardteksten'> | undefined): string {
  const texts = category?.standaardteksten ?? {};
  const s = publicStatus(row.status);
  if (s === 'afgehandeld') return row.bericht_aan_melder ?? texts.afgehandeld ?? 'De melding is afgehandeld.';
  if (row.status === 'heropend') return texts.heropend ?? texts['in-behandeling'] ?? 'De melding is opnieuw in behandeling genomen.';
  if (s === 'ontvangen') return texts.ontvangen ?? 'De melding is ontvangen.';
  return texts['in-behandeling'] ?? 'De melding is in behandeling.';
}

export function presentRequest(row: RequestRow, category: Category | undefined) {
  const zipcode = formatPostcode(row.postcode);
  // Street and postcode only: no house number, coordinates or contact details leave the platform.
  const address = [row.straat, [zipcode, row.woonplaats].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null;
  return {
    service_request_id: row.referentie,
    status: open311Status(row.status),
    status_notes: statusNotes(row, category),
    service_name: category?.naam ?? row.categorie_id,
    service_code: row.categorie_id,
    description: row.omschrijving,
    agency_responsible: `Gemeente ${JURISDICTIONS[row.gemeente_code] ?? row.gemeente_code}`,
    service_notice: null,
    requested_datetime: row.aangemaakt_op.toISOString(),
    updated_datetime: row.bijgewerkt_op.toISOString(),
    expected_datetime: row.afhandeltermijn.toISOString(),
    address,
    zipcode,
    media_url: null,
  };
}

export const CLOSED_STATUSES: readonly string[] = MELDING_WORKFLOW.closed;
export const OPEN_STATUSES: readonly string[] = MELDING_WORKFLOW.statuses.filter((s) => !MELDING_WORKFLOW.closed.includes(s));

/** ISO 8601 date or date-time (the W3C profile the standard names). */
export function readDate(value: string | undefined): Date | null | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export const REFERENCE_RE = /^KP-\d{4}-\d{6,9}$/;
