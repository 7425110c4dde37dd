// SPDX-License-Identifier: EUPL-1.2
// Intake: public meldingen (overlast, ondermijning), niet-pluis-meldingen from staff, Open311
// requests from partner systems, and the reporter's side of the receipt-code conversation.
// One transaction per submission; files are written first and removed again on rollback.
import crypto from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { PlatformDeps } from '../../platform/deps.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, invalid, type FieldError } from '../../platform/http/errors.js';
import { encrypt, pseudonymise } from '../../platform/crypto.js';
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { recordAudit, type RequestOrigin } from '../../platform/audit/audit.js';
import { enqueueMail } from '../../platform/mail/mailer.js';
import { detectFileType } from '../../platform/files/sniff.js';
import { MalformedImageError, stripImageMetadata } from '../../platform/files/strip-metadata.js';
import { findCategory, listCategories, listRoutingRules, type Category } from './categories.repository.js';
import type { RoutingRule } from './domain/routing.js';
import { validateAnswers, type AnswerValue } from './domain/answers.js';
import { route } from './domain/routing.js';
import { addTerm } from './domain/werkdagen.js';
import { gemeenteForPostcode } from './domain/postcodes.js';
import { gemeenteForWoonplaats } from './domain/woonplaatsen.js';
import * as v from './domain/validators.js';
import { MELDING_WORKFLOW, publicStatus, type PublicStatus } from './domain/workflow.js';
import { formatReceiptCode, generateReceiptCode, hashReceiptCode, normaliseReceiptCode } from './receipt.js';
import { createFileStore, type FileStore } from './attachments.store.js';
import type { Bron, Kanaal } from './schema.js';

export const MAX_FILES = 3;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const ALLOWED_MIME = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf']);

export interface LocationInput {
  postcode?: string;
  huisnummer?: number | string;
  huisletter?: string;
  huisnummertoevoeging?: string;
  straat?: string;
  woonplaats?: string;
  toelichting?: string;
  breedtegraad?: number;
  lengtegraad?: number;
  /** Internal intake only: the gemeente when there is no address (e.g. "bij het station"). */
  gemeente?: string;
}

export interface ContactInput {
  naam?: string;
  email?: string;
  telefoon?: string;
  updatesPerMail?: boolean;
}

export type SubjectInput =
  | { soort: 'persoon'; naam?: string; geboortedatum?: string; bsn?: string }
  | { soort: 'adres'; postcode?: string; huisnummer?: number | string; huisletter?: string; huisnummertoevoeging?: string; straat?: string; woonplaats?: string }
  | { soort: 'bedrijf'; naam?: string; kvkNummer?: string }
  | { soort: 'voertuig'; kenteken?: string; omschrijving?: string };

export interface IntakeInput {
  categorie: string;
  omschrijving: string;
  antwoorden?: Record<string, unknown>;
  locatie: LocationInput;
  waargenomenOp?: string;
  waargenomenToelichting?: string;
  contact?: ContactInput;
  onderwerpen?: SubjectInput[];
  altcha?: string;
}

export interface UploadedFile {
  filename: string;
  data: Buffer;
}

export interface PreparedFile {
  bestandsnaam: string;
  mime: string;
  data: Buffer;
  sha256: string;
}

export interface IntakeReceipt {
  id: string;
  referentie: string;
  ontvangstcode: string;
  kanaal: Kanaal;
  status: PublicStatus;
  gemeente: { code: string; naam: string };
  afhandeltermijn: Date | null;
  bericht: string;
}

interface ResolvedLocation {
  gemeenteCode: string;
  postcode: string | null;
  huisnummer: number | null;
  huisletter: string | null;
  huisnummertoevoeging: string | null;
  straat: string | null;
  woonplaats: string | null;
  toelichting: string | null;
  lat: number | null;
  lon: number | null;
}

interface NormalisedSubject {
  soort: 'persoon' | 'adres' | 'bedrijf' | 'voertuig';
  gegevens: Record<string, string | number>;
  sleutels: string[];
}

const GEMEENTE_NAMEN: Record<string, string> = {
  GM1945: 'Berg en Dal',
  GM0209: 'Beuningen',
  GM0225: 'Druten',
  GM0252: 'Heumen',
  GM0668: 'West Maas en Waal',
  GM0296: 'Wijchen',
};

export function gemeenteNaam(code: string): string {
  return GEMEENTE_NAMEN[code] ?? code;
}

function text(errors: FieldError[], field: string, input: unknown, opts: { min: number; max: number; required: boolean; label: string }): string | null {
  if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) {
    if (opts.required) errors.push({ veld: field, melding: `Vul ${opts.label} in.` });
    return null;
  }
  const r = v.vrijeTekst(input, { min: opts.min, max: opts.max });
  if (!r.ok) {
    errors.push({ veld: field, melding: r.message });
    return null;
  }
  return r.value;
}

function check<T>(errors: FieldError[], field: string, r: { ok: true; value: T } | { ok: false; message: string }): T | null {
  if (r.ok) return r.value;
  errors.push({ veld: field, melding: r.message });
  return null;
}

/** A key for linking the same address across meldingen and subjects (pseudonymised). */
export function addressKey(deps: PlatformDeps, postcode: string, huisnummer: number, huisletter: string | null, toevoeging: string | null): string {
  return `adres:${pseudonymise(deps.secrets, 'adres', `${postcode}|${huisnummer}|${(huisletter ?? '').toUpperCase()}|${(toevoeging ?? '').toUpperCase()}`)}`;
}

type Executor = Kysely<DB> | Transaction<DB>;

interface IntakeConfigSnapshot {
  loadedAt: number;
  categories: Map<string, Category>;
  rules: RoutingRule[];
  organisations: Map<string, string>;
}

export function createIntakeService(deps: PlatformDeps, store: FileStore = createFileStore(deps.config.filesDir, deps.secrets)) {
  const { db } = deps;

  // Categories, routing rules and organisation ids change rarely; the public intake reads them from
  // a snapshot at most configCacheMs old (real time, not the domain clock), so a submission costs
  // one statement instead of four. A change made by beheer reaches every instance within that time.
  let snapshot: IntakeConfigSnapshot | null = null;
  async function intakeConfig(): Promise<IntakeConfigSnapshot> {
    if (snapshot && Date.now() - snapshot.loadedAt < deps.config.intake.configCacheMs) return snapshot;
    const categories = await listCategories(db);
    const rules = await listRoutingRules(db);
    const organisations = await db.selectFrom('organisaties').select(['id', 'code']).execute();
    snapshot = { loadedAt: Date.now(), categories: new Map(categories.map((c) => [c.id, c])), rules, organisations: new Map(organisations.map((o) => [o.code, o.id])) };
    return snapshot;
  }

  function resolveLocation(errors: FieldError[], loc: LocationInput | undefined, internal: boolean): ResolvedLocation | null {
    if (!loc || typeof loc !== 'object') {
      errors.push({ veld: 'locatie', melding: 'Geef aan waar het is.' });
      return null;
    }
    const toelichting = text(errors, 'locatie.toelichting', loc.toelichting, { min: 1, max: 500, required: false, label: 'een toelichting' });
    let lat: number | null = null;
    let lon: number | null = null;
    if (loc.breedtegraad !== undefined || loc.lengtegraad !== undefined) {
      const okCoords = typeof loc.breedtegraad === 'number' && typeof loc.lengtegraad === 'number' && loc.breedtegraad >= 50.6 && loc.breedtegraad <= 53.7 && loc.lengtegraad >= 3.2 && loc.lengtegraad <= 7.3;
      if (!okCoords) errors.push({ veld: 'locatie.breedtegraad', melding: 'De coördinaten liggen niet in Nederland.' });
      else {
        lat = loc.breedtegraad!;
        lon = loc.lengtegraad!;
      }
    }
    const hasPostcode = loc.postcode !== undefined && loc.postcode !== '';
    const hasStreet = (loc.straat ?? '') !== '' || (loc.woonplaats ?? '') !== '';
    if (hasPostcode) {
      const postcode = check(errors, 'locatie.postcode', v.postcode(loc.postcode));
      const huisnummer = check(errors, 'locatie.huisnummer', v.huisnummer(loc.huisnummer));
      const huisletter = loc.huisletter ? check(errors, 'locatie.huisletter', v.huisletter(loc.huisletter)) : null;
      const toevoeging = loc.huisnummertoevoeging ? check(errors, 'locatie.huisnummertoevoeging', v.huisnummertoevoeging(loc.huisnummertoevoeging)) : null;
      if (!postcode) return null;
      const g = gemeenteForPostcode(postcode);
      if (g.kind === 'buiten') throw new AppError('BUITEN_WERKGEBIED', g.advies, [{ veld: 'locatie.postcode', melding: g.advies }]);
      if (g.kind !== 'binnen') {
        errors.push({ veld: 'locatie.postcode', melding: g.message });
        return null;
      }
      if (huisnummer === null) return null;
      return { gemeenteCode: g.gemeenteCode, postcode, huisnummer, huisletter, huisnummertoevoeging: toevoeging, straat: text(errors, 'locatie.straat', loc.straat, { min: 1, max: 120, required: false, label: 'de straat' }), woonplaats: loc.woonplaats ? text(errors, 'locatie.woonplaats', loc.woonplaats, { min: 1, max: 80, required: false, label: 'de plaats' }) : null, toelichting, lat, lon };
    }
    if (hasStreet) {
      const straat = text(errors, 'locatie.straat', loc.straat, { min: 2, max: 120, required: true, label: 'de straat' });
      const woonplaats = text(errors, 'locatie.woonplaats', loc.woonplaats, { min: 2, max: 80, required: true, label: 'de plaats' });
      if (!straat || !woonplaats) return null;
      const code = gemeenteForWoonplaats(woonplaats);
      if (!code) {
        const advies = `${woonplaats} ligt niet in Berg en Dal, Beuningen, Druten, Heumen, West Maas en Waal of Wijchen. Meld het bij de gemeente waar het adres ligt (bel 14 en het netnummer van die gemeente, of kijk op haar website). Is er direct gevaar? Bel 112.`;
        throw new AppError('BUITEN_WERKGEBIED', advies, [{ veld: 'locatie.woonplaats', melding: advies }]);
      }
      const huisnummer = loc.huisnummer !== undefined && loc.huisnummer !== '' ? check(errors, 'locatie.huisnummer', v.huisnummer(loc.huisnummer)) : null;
      return { gemeenteCode: code, postcode: null, huisnummer, huisletter: null, huisnummertoevoeging: null, straat, woonplaats, toelichting, lat, lon };
    }
    if (internal && loc.gemeente) {
      if (!GEMEENTE_NAMEN[loc.gemeente]) {
        errors.push({ veld: 'locatie.gemeente', melding: 'Kies een van de zes gemeenten.' });
        return null;
      }
      return { gemeenteCode: loc.gemeente, postcode: null, huisnummer: null, huisletter: null, huisnummertoevoeging: null, straat: null, woonplaats: null, toelichting, lat, lon };
    }
    errors.push({ veld: 'locatie.postcode', melding: internal ? 'Vul postcode en huisnummer in, of straat en plaats, of kies de gemeente.' : 'Vul postcode en huisnummer in, of straat en plaats.' });
    return null;
  }

  function normaliseSubjects(errors: FieldError[], input: unknown): NormalisedSubject[] {
    if (input === undefined || input === null) return [];
    if (!Array.isArray(input) || input.length > 10) {
      errors.push({ veld: 'onderwerpen', melding: 'Geef maximaal 10 betrokken personen, adressen, bedrijven of voertuigen op.' });
      return [];
    }
    const out: NormalisedSubject[] = [];
    input.forEach((raw: unknown, i) => {
      const f = (k: string) => `onderwerpen[${i}].${k}`;
      const s = (raw ?? {}) as Record<string, unknown>;
      const gegevens: Record<string, string | number> = {};
      const sleutels: string[] = [];
      switch (s.soort) {
        case 'persoon': {
          const naam = text(errors, f('naam'), s.naam, { min: 2, max: 120, required: false, label: 'de naam' });
          const geboortedatum = s.geboortedatum ? check(errors, f('geboortedatum'), v.geboortedatum(s.geboortedatum)) : null;
          const bsn = s.bsn ? check(errors, f('bsn'), v.bsn(s.bsn)) : null;
          if (!naam && !bsn) errors.push({ veld: f('naam'), melding: 'Vul een naam of BSN in.' });
          if (naam) gegevens.naam = naam;
          if (geboortedatum) gegevens.geboortedatum = geboortedatum;
          if (bsn) {
            gegevens.bsn = bsn;
            sleutels.push(`bsn:${pseudonymise(deps.secrets, 'BSN', bsn)}`);
          }
          if (naam && geboortedatum) sleutels.push(`persoon:${pseudonymise(deps.secrets, 'persoon', `${naam.toLowerCase().replace(/\s+/g, ' ')}|${geboortedatum}`)}`);
          out.push({ soort: 'persoon', gegevens, sleutels });
          break;
        }
        case 'adres': {
          const postcode = check(errors, f('postcode'), v.postcode(s.postcode));
          const huisnummer = check(errors, f('huisnummer'), v.huisnummer(s.huisnummer));
          const huisletter = s.huisletter ? check(errors, f('huisletter'), v.huisletter(s.huisletter)) : null;
          const toevoeging = s.huisnummertoevoeging ? check(errors, f('huisnummertoevoeging'), v.huisnummertoevoeging(s.huisnummertoevoeging)) : null;
          if (postcode && huisnummer !== null) {
            Object.assign(gegevens, { postcode, huisnummer }, huisletter ? { huisletter } : {}, toevoeging ? { huisnummertoevoeging: toevoeging } : {});
            sleutels.push(addressKey(deps, postcode, huisnummer, huisletter, toevoeging));
            out.push({ soort: 'adres', gegevens, sleutels });
          }
          break;
        }
        case 'bedrijf': {
          const naam = text(errors, f('naam'), s.naam, { min: 2, max: 160, required: false, label: 'de naam' });
          const kvk = s.kvkNummer ? check(errors, f('kvkNummer'), v.kvkNummer(s.kvkNummer)) : null;
          if (!naam && !kvk) errors.push({ veld: f('naam'), melding: 'Vul de naam of het KvK-nummer van het bedrijf in.' });
          if (naam) gegevens.naam = naam;
          if (kvk) {
            gegevens.kvkNummer = kvk;
            sleutels.push(`kvk:${pseudonymise(deps.secrets, 'KvK', kvk)}`);
          }
          out.push({ soort: 'bedrijf', gegevens, sleutels });
          break;
        }
        case 'voertuig': {
          const k = check(errors, f('kenteken'), v.kenteken(s.kenteken));
          const omschrijving = text(errors, f('omschrijving'), s.omschrijving, { min: 1, max: 200, required: false, label: 'een omschrijving' });
          if (k !== null) {
            const kenteken = k.kenteken;
            gegevens.kenteken = kenteken;
            if (omschrijving) gegevens.omschrijving = omschrijving;
            sleutels.push(`kenteken:${pseudonymise(deps.secrets, 'kenteken', kenteken)}`);
            out.push({ soort: 'voertuig', gegevens, sleutels });
          }
          break;
        }
        default:
          errors.push({ veld: f('soort'), melding: 'Kies persoon, adres, bedrijf of voertuig.' });
      }
    });
    return out;
  }

  function normaliseContact(errors: FieldError[], c: ContactInput | undefined): { naam?: string; email?: string; telefoon?: string } | null {
    if (!c || typeof c !== 'object') return null;
    const naam = text(errors, 'contact.naam', c.naam, { min: 1, max: 120, required: false, label: 'uw naam' });
    const email = c.email ? check(errors, 'contact.email', v.email(c.email)) : null;
    const telefoon = c.telefoon ? check(errors, 'contact.telefoon', v.telefoonnummer(c.telefoon)) : null;
    if (c.updatesPerMail && !email) errors.push({ veld: 'contact.email', melding: 'Vul uw e-mailadres in als u berichten per e-mail wilt ontvangen.' });
    if (!naam && !email && !telefoon) return null;
    return { ...(naam ? { naam } : {}), ...(email ? { email } : {}), ...(telefoon ? { telefoon } : {}) };
  }

  function parseObserved(errors: FieldError[], value: string | undefined, now: Date): Date | null {
    if (value === undefined || value === '') return null;
    const d = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(value) ? new Date(value) : null;
    if (!d || Number.isNaN(d.getTime())) {
      errors.push({ veld: 'waargenomenOp', melding: 'Vul een geldige datum en tijd in.' });
      return null;
    }
    if (d.getTime() > now.getTime() + 60 * 60_000) errors.push({ veld: 'waargenomenOp', melding: 'Het moment van waarnemen kan niet in de toekomst liggen.' });
    if (d.getFullYear() < 2000) errors.push({ veld: 'waargenomenOp', melding: 'Vul een datum na 2000 in.' });
    return d;
  }

  /** Type check on content, metadata stripped. Throws 415 with a clear message. */
  function prepareFiles(files: readonly UploadedFile[]): PreparedFile[] {
    if (files.length > MAX_FILES) throw new AppError('ONGELDIGE_INVOER', `U kunt maximaal ${MAX_FILES} bestanden toevoegen.`, [{ veld: 'bijlagen', melding: `Maximaal ${MAX_FILES} bestanden.` }]);
    return files.map((f, i) => {
      if (f.data.length > MAX_FILE_BYTES) throw new AppError('BESTAND_TE_GROOT', 'Een bestand mag maximaal 10 MB groot zijn.', [{ veld: `bijlagen[${i}]`, melding: 'Maximaal 10 MB.' }]);
      const type = detectFileType(f.data);
      if (!type || !ALLOWED_MIME.has(type.mime)) {
        throw new AppError('BESTANDSTYPE_ONGELDIG', `Het bestand "${safeName(f.filename)}" is geen foto (JPEG, PNG, WebP, GIF) of PDF. Wij kijken naar de inhoud, niet naar de naam.`, [{ veld: `bijlagen[${i}]`, melding: 'Alleen foto’s (JPEG, PNG, WebP, GIF) en PDF-bestanden.' }]);
      }
      let data = f.data;
      if (type.mime.startsWith('image/')) {
        try {
          data = stripImageMetadata(f.data, type.mime);
        } catch (e) {
          if (e instanceof MalformedImageError) throw new AppError('BESTANDSTYPE_ONGELDIG', `Het bestand "${safeName(f.filename)}" is beschadigd: ${e.message}`, [{ veld: `bijlagen[${i}]`, melding: e.message }]);
          throw e;
        }
      }
      return { bestandsnaam: safeName(f.filename, type.extension), mime: type.mime, data, sha256: crypto.createHash('sha256').update(data).digest('hex') };
    });
  }

  async function writeFiles(files: PreparedFile[]): Promise<Array<PreparedFile & { key: string }>> {
    const written: Array<PreparedFile & { key: string }> = [];
    try {
      for (const f of files) written.push({ ...f, key: await store.write(f.data) });
    } catch (e) {
      await Promise.all(written.map((w) => store.remove(w.key)));
      throw e;
    }
    return written;
  }

  async function insertAttachments(trx: Transaction<DB>, meldingId: string, files: Array<PreparedFile & { key: string }>, bron: 'melder' | 'medewerker', now: Date) {
    if (!files.length) return;
    await trx
      .insertInto('melding_bijlagen')
      .values(files.map((f) => ({ melding_id: meldingId, bestandsnaam: f.bestandsnaam, mime_type: f.mime, grootte: f.data.length, sha256: f.sha256, opslag_sleutel: f.key, bron, aangemaakt_op: now })))
      .execute();
  }

  /** Runs `work` in one transaction with the files already on disk; removes them if it fails. */
  async function withFiles<T>(files: readonly UploadedFile[], work: (trx: Transaction<DB>, written: Array<PreparedFile & { key: string }>) => Promise<T>): Promise<T> {
    const prepared = prepareFiles(files);
    const written = await writeFiles(prepared);
    try {
      return await db.transaction().execute((trx) => work(trx, written));
    } catch (e) {
      await Promise.all(written.map((w) => store.remove(w.key).catch(() => undefined)));
      throw e;
    }
  }

  interface SubmitOptions {
    bron: Bron;
    /** Public channels accept only some categories (Open311: overlast only). */
    allowedKanalen: readonly Kanaal[];
    reporter?: UserActor;
    partnerOrganisationId?: string;
    /** Already-verified proof-of-work id (public route) — inserted to refuse replays. */
    powId?: { id: string; expiresAt: Date };
    /** Partner systems (Open311): the API key is named in the timeline and audited in the same transaction. */
    audit?: { actor: Actor; origin: RequestOrigin };
  }

  async function submit(input: IntakeInput, files: readonly UploadedFile[], opts: SubmitOptions): Promise<IntakeReceipt> {
    const now = deps.clock.now();
    const errors: FieldError[] = [];
    const config = await intakeConfig();
    const category = typeof input.categorie === 'string' ? (config.categories.get(input.categorie) ?? null) : null;
    if (!category || !category.actief || category.hoofdcategorieId === null || !opts.allowedKanalen.includes(category.kanaal)) {
      errors.push({ veld: 'categorie', melding: 'Kies een categorie uit de lijst.' });
    }
    const omschrijving = text(errors, 'omschrijving', input.omschrijving, { min: 10, max: 5000, required: true, label: 'een omschrijving (minstens 10 tekens)' });
    let answers: Record<string, AnswerValue> = {};
    if (category) {
      const r = validateAnswers(category.vragen, input.antwoorden);
      if (!r.ok) errors.push(...r.errors);
      else {
        if (r.hardStop) throw new AppError('ACUUT_GEVAAR', r.hardStop, [{ veld: 'antwoorden.acuut', melding: r.hardStop }]);
        answers = r.value;
      }
    }
    const internal = opts.bron === 'niet-pluis';
    const location = resolveLocation(errors, input.locatie, internal);
    const observedAt = parseObserved(errors, input.waargenomenOp, now);
    const observedNote = text(errors, 'waargenomenToelichting', input.waargenomenToelichting, { min: 1, max: 500, required: false, label: 'een toelichting' });
    const contact = internal ? null : normaliseContact(errors, input.contact);
    const subjects = internal ? normaliseSubjects(errors, input.onderwerpen) : [];
    if (!internal && input.onderwerpen !== undefined) errors.push({ veld: 'onderwerpen', melding: 'Noem in een openbare melding geen namen van anderen; beschrijf wat u zag.' });
    if (errors.length) throw invalid(errors);
    const cat = category!;
    const loc = location!;

    const team = route(config.rules, { kanaal: cat.kanaal, categorieId: cat.id, hoofdcategorieId: cat.hoofdcategorieId, gemeenteCode: loc.gemeenteCode, postcode: loc.postcode });
    const organisationId = config.organisations.get(loc.gemeenteCode);
    if (!organisationId) throw new Error(`Geen organisatie voor gemeente ${loc.gemeenteCode}`);
    const code = generateReceiptCode();
    const codeHash = await hashReceiptCode(deps.secrets, code);
    const deadline = addTerm(now, cat.termijn.aantal, cat.termijn.eenheid);
    const escalation = addTerm(now, cat.termijn.aantal * 3, cat.termijn.eenheid);
    const updatesPerMail = Boolean(input.contact?.updatesPerMail && contact?.email && cat.kanaal === 'overlast');

    const actorSoort = opts.reporter ? 'gebruiker' : opts.bron === 'open311' ? 'api-sleutel' : 'melder';
    const actorId = opts.reporter?.userId ?? (opts.audit?.actor.kind === 'api-sleutel' ? opts.audit.actor.apiKeyId : null);
    const actorNaam = opts.reporter?.username ?? (opts.audit?.actor.kind === 'api-sleutel' ? opts.audit.actor.name : null);
    // One statement: refuse a replayed proof of work, number the melding, insert it and its first
    // event. Without files, subjects, audit or mail it needs no explicit transaction.
    const insertCore = async (executor: Executor): Promise<{ id: string; referentie: string }> => {
      const powCte = opts.powId ? sql`pow AS (INSERT INTO pow_gebruikt (id, verloopt_op) VALUES (${opts.powId.id}, ${opts.powId.expiresAt}::timestamptz) ON CONFLICT (id) DO NOTHING RETURNING id),` : sql``;
      const powGuard = opts.powId ? sql`WHERE EXISTS (SELECT 1 FROM pow)` : sql``;
      const { rows } = await sql<{ id: string; referentie: string }>`
        WITH ${powCte} m AS (
          INSERT INTO meldingen (referentie, kanaal, bron, categorie_id, organisatie_id, gemeente_code, team, status, omschrijving, antwoorden,
            postcode, huisnummer, huisletter, huisnummertoevoeging, straat, woonplaats, locatie_toelichting, breedtegraad, lengtegraad,
            waargenomen_op, waargenomen_toelichting, contact_versleuteld, updates_per_mail, ontvangstcode_hash,
            melder_gebruiker_id, melder_organisatie_id, melder_rol, afhandeltermijn, escalatietermijn, aangemaakt_op, bijgewerkt_op)
          SELECT ${`KP-${now.getUTCFullYear()}-`}::text || lpad(s.n, greatest(6, length(s.n)), '0'), ${cat.kanaal}::text, ${opts.bron}::text, ${cat.id}::text,
            ${organisationId}::uuid, ${loc.gemeenteCode}::text, ${team}::text, ${MELDING_WORKFLOW.initial}::text, ${omschrijving!}::text, ${JSON.stringify(answers)}::jsonb,
            ${loc.postcode}::text, ${loc.huisnummer}::integer, ${loc.huisletter}::text, ${loc.huisnummertoevoeging}::text, ${loc.straat}::text, ${loc.woonplaats}::text,
            ${loc.toelichting}::text, ${loc.lat}::double precision, ${loc.lon}::double precision, ${observedAt}::timestamptz, ${observedNote}::text,
            ${contact ? encrypt(deps.secrets, JSON.stringify(contact)) : null}::text, ${updatesPerMail}::boolean, ${codeHash}::text,
            ${opts.reporter?.userId ?? null}::uuid, ${opts.reporter?.organisationId ?? opts.partnerOrganisationId ?? null}::uuid,
            ${opts.reporter ? opts.reporter.roles.join(', ') : null}::text, ${deadline}::timestamptz, ${escalation}::timestamptz, ${now}::timestamptz, ${now}::timestamptz
          FROM (SELECT nextval('melding_volgnummer')::text AS n) s ${powGuard}
          RETURNING id, referentie
        ), e AS (
          INSERT INTO melding_gebeurtenissen (melding_id, soort, van, naar, reden, actor_soort, actor_id, actor_naam, op)
          SELECT m.id, 'status', NULL, ${MELDING_WORKFLOW.initial}::text, ${`Ontvangen via ${opts.bron}`}::text, ${actorSoort}::text, ${actorId}::uuid, ${actorNaam}::text, ${now}::timestamptz FROM m
        )
        SELECT id, referentie FROM m`.execute(executor);
      const row = rows[0];
      if (!row) throw new AppError('UITDAGING_ONGELDIG', 'Deze beveiligingscontrole is al gebruikt. Vraag een nieuwe aan en verstuur de melding opnieuw.', [{ veld: 'altcha', melding: 'Al gebruikt.' }]);
      return row;
    };
    const needsTransaction = files.length > 0 || subjects.length > 0 || Boolean(opts.audit) || updatesPerMail;
    const finish = (row: { id: string; referentie: string }): IntakeReceipt => ({
      id: row.id,
      referentie: row.referentie,
      ontvangstcode: formatReceiptCode(code),
      kanaal: cat.kanaal,
      status: 'ontvangen' as const,
      gemeente: { code: loc.gemeenteCode, naam: gemeenteNaam(loc.gemeenteCode) },
      afhandeltermijn: cat.kanaal === 'overlast' ? deadline : null,
      bericht:
        cat.kanaal === 'ondermijning'
          ? 'Bedankt voor uw melding. Wij behandelen haar vertrouwelijk. U hoort niet wat er met uw melding gebeurt. Met uw ontvangstcode kunt u zien of wij u een vraag stellen en informatie toevoegen.'
          : (cat.standaardteksten.ontvangen ?? 'Bedankt voor uw melding.'),
    });
    if (!needsTransaction) return finish(await insertCore(db));

    return withFiles(files, async (trx, written) => {
      const row = await insertCore(trx);
      const referentie = row.referentie;
      if (opts.audit) await recordAudit(trx, opts.audit.actor, opts.audit.origin, { action: 'melding.ingediend', objectType: 'melding', objectId: row.id, details: { bron: opts.bron, referentie, gemeente: loc.gemeenteCode } }, now);
      if (subjects.length) {
        await trx
          .insertInto('melding_onderwerpen')
          .values(subjects.map((s) => ({ melding_id: row.id, soort: s.soort, gegevens_versleuteld: encrypt(deps.secrets, JSON.stringify(s.gegevens)), sleutels: s.sleutels })))
          .execute();
      }
      await insertAttachments(trx, row.id, written, 'melder', now);
      if (updatesPerMail && contact?.email) {
        const body = cat.standaardteksten.ontvangen ?? 'Wij hebben uw melding ontvangen.';
        await enqueueMail(trx, deps.secrets, { soort: 'melding-ontvangen', to: contact.email, subject: `Uw melding ${referentie} is ontvangen`, text: `${body}\n\nReferentie: ${referentie}\nU kunt de status bekijken op ${deps.config.publicUrl}/melden/status met de ontvangstcode die u bij het melden kreeg.\n\nGemeente ${gemeenteNaam(loc.gemeenteCode)}` }, now);
      }
      return finish(row);
    });
  }

  async function findByReceipt(codeInput: unknown) {
    const code = normaliseReceiptCode(codeInput);
    if (!code) return null;
    const hash = await hashReceiptCode(deps.secrets, code);
    return db.selectFrom('meldingen').selectAll().where('ontvangstcode_hash', '=', hash).executeTakeFirst() ?? null;
  }

  const unknownReceipt = () => new AppError('NIET_GEVONDEN', 'Wij vinden geen melding bij deze ontvangstcode. Controleer de cijfers. Is uw melding langer geleden afgehandeld, dan is zij misschien al verwijderd.');

  async function reporterView(codeInput: unknown) {
    const m = await findByReceipt(codeInput);
    if (!m) throw unknownReceipt();
    const category = await findCategory(db, m.categorie_id);
    const messages = await db.selectFrom('melding_berichten').select(['id', 'richting', 'tekst', 'reactie_gevraagd', 'aangemaakt_op']).where('melding_id', '=', m.id).orderBy('aangemaakt_op').execute();
    const attachments = await db.selectFrom('melding_bijlagen').select((eb) => eb.fn.countAll<string>().as('n')).where('melding_id', '=', m.id).where('bron', '=', 'melder').executeTakeFirstOrThrow();
    const status = publicStatus(m.status);
    const texts = category?.standaardteksten ?? {};
    const ondermijning = m.kanaal === 'ondermijning';
    const statusText = ondermijning
      ? status === 'afgehandeld'
        ? 'Uw melding is in behandeling genomen en afgesloten. Wij vertellen niet wat er met meldingen over ondermijning gebeurt.'
        : 'Uw melding is ontvangen en wordt vertrouwelijk behandeld.'
      : m.status === 'wacht-op-reactie'
        ? (texts['wacht-op-reactie'] ?? 'Wij hebben een vraag aan u.')
        : (texts[status] ?? '');
    return {
      referentie: m.referentie,
      kanaal: m.kanaal,
      categorie: category?.naam ?? m.categorie_id,
      status,
      statusToelichting: statusText,
      berichtBijAfhandeling: !ondermijning && status === 'afgehandeld' ? m.bericht_aan_melder : null,
      ontvangenOp: m.aangemaakt_op,
      reactieGevraagd: m.status === 'wacht-op-reactie',
      reactieMogelijk: status !== 'afgehandeld',
      aantalBijlagen: Number(attachments.n),
      berichten: messages.map((b) => ({ id: b.id, van: b.richting === 'aan-melder' ? 'gemeente' : 'melder', tekst: b.tekst, reactieGevraagd: b.reactie_gevraagd, op: b.aangemaakt_op })),
    };
  }

  async function reporterReply(codeInput: unknown, tekst: unknown, files: readonly UploadedFile[]) {
    const errors: FieldError[] = [];
    const body = text(errors, 'tekst', tekst, { min: 1, max: 5000, required: files.length === 0, label: 'uw reactie' });
    if (errors.length) throw invalid(errors);
    const m = await findByReceipt(codeInput);
    if (!m) throw unknownReceipt();
    if (publicStatus(m.status) === 'afgehandeld') throw new AppError('CONFLICT', 'Deze melding is afgesloten. Heeft u nieuwe informatie? Doe dan een nieuwe melding.');
    const now = deps.clock.now();
    await withFiles(files, async (trx, written) => {
      const current = await trx.selectFrom('meldingen').select(['id', 'status', 'versie']).where('id', '=', m.id).forUpdate().executeTakeFirst();
      if (!current) throw unknownReceipt();
      if (body) await trx.insertInto('melding_berichten').values({ melding_id: m.id, richting: 'van-melder', tekst: body, auteur_id: null, aangemaakt_op: now }).execute();
      await insertAttachments(trx, m.id, written, 'melder', now);
      await trx.insertInto('melding_gebeurtenissen').values({ melding_id: m.id, soort: 'reactie-melder', van: null, naar: null, reden: written.length ? `Reactie met ${written.length} bijlage(n)` : 'Reactie van de melder', actor_soort: 'melder', actor_id: null, actor_naam: null, op: now }).execute();
      if (current.status === 'wacht-op-reactie') {
        await trx.updateTable('meldingen').set({ status: 'in-behandeling', reactie_termijn: null, bijgewerkt_op: now, versie: current.versie + 1 }).where('id', '=', m.id).execute();
        await trx.insertInto('melding_gebeurtenissen').values({ melding_id: m.id, soort: 'status', van: 'wacht-op-reactie', naar: 'in-behandeling', reden: 'Reactie van de melder ontvangen', actor_soort: 'systeem', actor_id: null, actor_naam: null, op: now }).execute();
      } else {
        await trx.updateTable('meldingen').set({ bijgewerkt_op: now, versie: current.versie + 1 }).where('id', '=', m.id).execute();
      }
      if (m.toegewezen_aan) {
        await trx.insertInto('notificaties').values({ gebruiker_id: m.toegewezen_aan, organisatie_id: m.organisatie_id, tekst: `De melder van ${m.referentie} heeft gereageerd.`, melding_id: m.id, aangemaakt_op: now }).execute();
      }
    });
    return reporterView(codeInput);
  }

  /** Staff changing the address: same rules as intake, the gemeente may change (re-routing). */
  function resolveForUpdate(loc: LocationInput) {
    const errors: FieldError[] = [];
    const r = resolveLocation(errors, loc, true);
    if (errors.length || !r) throw invalid(errors.length ? errors : [{ veld: 'locatie', melding: 'Geef een adres of gemeente op.' }]);
    return { gemeente_code: r.gemeenteCode, postcode: r.postcode, huisnummer: r.huisnummer, huisletter: r.huisletter, huisnummertoevoeging: r.huisnummertoevoeging, straat: r.straat, woonplaats: r.woonplaats };
  }

  return { submit, reporterView, reporterReply, prepareFiles, withFiles, insertAttachments, resolveForUpdate, findCategory: (id: string) => findCategory(db, id) };
}

export type IntakeService = ReturnType<typeof createIntakeService>;

/** A file name safe to show and to put in a Content-Disposition header. */
export function safeName(name: string, extension?: string): string {
  const base = (name || 'bestand')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._-]/gu, '_')
    .replace(/^[.\s]+/, '')
    .slice(0, 80) || 'bestand';
  if (!extension) return base;
  return base.toLowerCase().endsWith(`.${extension}`) ? base : `${base.replace(/\.[^.]*$/, '')}.${extension}`;
}

export type { Category };
