// SPDX-License-Identifier: EUPL-1.2
// Open311 GeoReport v2 for partner systems, at /open311/v2/ (JSON only).
// - services and service definitions are public, like the category list of the meldpunt;
// - submitting needs an API key with scope open311:schrijven, in the header the platform uses
//   (Authorization: Bearer) or, as the standard says, in the form field `api_key`;
// - reading requests needs an API key with scope open311:lezen (header only) and shows only the
//   requests that the key's own organisation submitted through Open311 (tenant isolation).
// Mapping between the standard's fields and the meldpunt's own lives in open311.ts.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PlatformDeps } from '../../platform/deps.js';
import type { ApiKeyActor } from '../../platform/auth/actor.js';
import type { ApiScope } from '../../platform/auth/roles.js';
import { resolveApiKey } from '../../platform/auth/api-keys.js';
import { origin } from '../../platform/auth/plugin.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, invalid, notFound, type FieldError } from '../../platform/http/errors.js';
import { createRateLimiter } from '../../platform/http/rate-limit.js';
import { listCategories, type Category } from './categories.repository.js';
import { createIntakeService, type ContactInput, type IntakeInput, type LocationInput } from './intake.service.js';
import {
  ADDRESS_EXAMPLE,
  allowedJurisdictions,
  CLOSED_STATUSES,
  isJurisdiction,
  isOpen311Service,
  JURISDICTION_MESSAGE,
  JURISDICTIONS,
  jurisdictionOfPostcode,
  OPEN_STATUSES,
  parseAddressString,
  presentRequest,
  presentService,
  presentServiceDefinition,
  readAttributes,
  readCoordinate,
  readDate,
  REFERENCE_RE,
  toOpen311Field,
  type ParsedAddress,
} from './open311.js';

const TAGS = ['Open311 GeoReport v2'];
const MAX_REQUESTS = 1000;
const DEFAULT_DAYS = 90;
const API_KEY_SECURITY = [{ apiSleutel: [] }];

// ---------- schemas (OpenAPI and first-line validation; the handler gives the Dutch field messages) ----------

const s = (maxLength: number, description?: string) => ({ type: 'string', maxLength, ...(description ? { description } : {}) });
const coordinate = (description: string) => ({ anyOf: [{ type: 'number' }, { type: 'string', maxLength: 32 }], description });
const attributeValue = { anyOf: [{ type: 'string', maxLength: 2000 }, { type: 'number' }, { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 200 } }] };

const requestFields = {
  jurisdiction_id: s(10, 'CBS-code van de gemeente, bijvoorbeeld GM0296 (Wijchen).'),
  api_key: s(100, 'De API-sleutel, als alternatief voor de header Authorization: Bearer.'),
  service_code: s(100, 'Een service_code uit GET /open311/v2/services.json.'),
  description: s(5000, 'Wat is er aan de hand? Minstens 10 tekens.'),
  address_string: s(200, `Adres met postcode en huisnummer, ${ADDRESS_EXAMPLE}.`),
  lat: coordinate('Breedtegraad (WGS84); alleen samen met address_string.'),
  long: coordinate('Lengtegraad (WGS84); alleen samen met address_string.'),
  email: s(254, 'E-mailadres van de melder (optioneel, versleuteld bewaard).'),
  first_name: s(60),
  last_name: s(60),
  phone: s(30),
  media_url: s(2000, 'Wordt genegeerd: Knooppunt haalt geen bestanden van buiten op.'),
  device_id: s(100, 'Wordt genegeerd.'),
  account_id: s(100, 'Wordt genegeerd.'),
  address_id: s(100, 'Wordt genegeerd.'),
  attribute: { type: 'object', maxProperties: 20, additionalProperties: attributeValue, description: 'Antwoorden op de attributen van de service (in formulieren: attribute[code]=waarde).' },
};

const EXAMPLE = {
  jurisdiction_id: 'GM0296',
  service_code: 'personen.jeugdoverlast',
  description: 'Elke avond een groep jongeren bij het winkelcentrum die scooters laat rondscheuren.',
  address_string: 'Markt 1, 6602 ZR Wijchen',
  attribute: { acuut: 'nee', hoe_vaak: 'vaak', aantal_personen: 6 },
  email: 'meldingen@woningcorporatie.example',
};

const requestBodyJson = {
  type: 'object',
  additionalProperties: false,
  properties: requestFields,
  patternProperties: { '^attribute\\[[^\\]]{1,64}\\](\\[\\])?$': attributeValue },
  examples: [EXAMPLE],
};

const formValue = { anyOf: [{ type: 'string', maxLength: 5000 }, { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 2000 } }] };
const requestBodyForm = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(Object.keys(requestFields).filter((k) => k !== 'attribute').map((k) => [k, formValue])),
  patternProperties: { '^attribute\\[[^\\]]{1,64}\\](\\[\\])?$': formValue },
  examples: [{ ...Object.fromEntries(Object.entries(EXAMPLE).filter(([k]) => k !== 'attribute')), 'attribute[acuut]': 'nee', 'attribute[hoe_vaak]': 'vaak', 'attribute[aantal_personen]': '6' }],
};

const jurisdictionQuery = { type: 'object', additionalProperties: false, properties: { jurisdiction_id: s(10, 'CBS-code van een van de zes gemeenten.') } };

const requestsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    jurisdiction_id: s(10, 'CBS-code van een van de zes gemeenten.'),
    service_request_id: s(2000, 'Een of meer referenties (KP-2026-000123), gescheiden door komma’s; andere filters vervallen dan.'),
    service_code: s(1000, 'Een of meer service_codes, gescheiden door komma’s.'),
    start_date: s(40, 'ISO 8601; standaard 90 dagen geleden.'),
    end_date: s(40, 'ISO 8601.'),
    status: s(20, 'open, closed of open,closed.'),
  },
};

// ---------- helpers ----------

function parseForm(text: string): Record<string, string | string[]> {
  const out = Object.create(null) as Record<string, string | string[]>;
  let n = 0;
  for (const [k, val] of new URLSearchParams(text)) {
    if (++n > 200) throw new AppError('ONGELDIGE_INVOER', 'Het formulier bevat te veel velden.');
    const prev = Object.prototype.hasOwnProperty.call(out, k) ? out[k] : undefined;
    out[k] = prev === undefined ? val : Array.isArray(prev) ? [...prev, val] : [prev, val];
  }
  return out;
}

const xmlRefused = async () => {
  throw new AppError('ONGELDIGE_INVOER', 'Knooppunt ondersteunt Open311 alleen in JSON. Gebruik de .json-variant van dit adres (bijvoorbeeld /open311/v2/services.json).', [{ veld: 'format', melding: 'Alleen json wordt ondersteund.' }]);
};

const splitList = (value: string | undefined) => (value ?? '').split(',').map((x) => x.trim()).filter(Boolean);

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

// ---------- routes ----------

export function open311Routes(deps: PlatformDeps) {
  const intake = createIntakeService(deps);
  const submissions = createRateLimiter({ limit: Math.max(500, deps.config.intake.submissionsPerHour * 25), windowMs: 60 * 60_000, now: () => deps.clock.now().getTime() });

  async function activeServices(): Promise<{ all: Category[]; services: Category[] }> {
    const all = await listCategories(deps.db);
    const rank = (c: Category) => all.find((p) => p.id === c.hoofdcategorieId)?.volgorde ?? 0;
    const services = all.filter((c) => isOpen311Service(c, all)).sort((a, b) => rank(a) - rank(b) || a.volgorde - b.volgorde);
    return { all, services };
  }

  /**
   * preValidation for POST: the body is parsed by now, so the standard's `api_key` form field can be
   * used when there is no Authorization header. Same checks and messages as the platform's auth hook.
   */
  async function authenticateFromHeaderOrField(request: FastifyRequest) {
    const scope: ApiScope | undefined = request.routeOptions.config.scope;
    const query = (request.query ?? {}) as Record<string, unknown>;
    if (query.api_key !== undefined) {
      throw new AppError('ONGELDIGE_INVOER', 'Zet de API-sleutel niet in de URL: stuur hem in de header Authorization: Bearer … of in het formulierveld api_key. Trek deze sleutel in en maak een nieuwe aan, want adressen komen in logbestanden terecht.', [{ veld: 'api_key', melding: 'Niet in de URL.' }]);
    }
    const body = request.body && typeof request.body === 'object' && !Array.isArray(request.body) ? (request.body as Record<string, unknown>) : undefined;
    const authz = request.headers.authorization;
    const fromField = body && typeof body.api_key === 'string' ? body.api_key.trim() : '';
    const key = authz?.startsWith('Bearer ') ? authz.slice(7).trim() : fromField;
    if (body) delete body.api_key; // never passed on, stored or logged
    if (!key) throw new AppError('NIET_INGELOGD', 'Gebruik een API-sleutel: de header Authorization: Bearer … of het formulierveld api_key.', [], { 'WWW-Authenticate': 'Bearer' });
    const actor = await resolveApiKey(deps.db, key, deps.clock.now());
    if (!actor) throw new AppError('NIET_INGELOGD', 'De API-sleutel is onbekend of ingetrokken.', [], { 'WWW-Authenticate': 'Bearer' });
    if (scope && !actor.scopes.includes(scope)) throw new AppError('GEEN_TOEGANG', `Deze API-sleutel mist de scope ${scope}.`);
    request.actor = actor;
  }

  function keyActor(request: FastifyRequest): ApiKeyActor {
    const a = request.actor;
    if (!a || a.kind !== 'api-sleutel') throw new AppError('NIET_INGELOGD', 'Gebruik een API-sleutel (Authorization: Bearer …).', [], { 'WWW-Authenticate': 'Bearer' });
    return a;
  }

  async function submit(request: FastifyRequest, actor: ApiKeyActor) {
    const body = request.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw invalid([{ veld: 'body', melding: 'Stuur de velden als application/x-www-form-urlencoded of als JSON-object.' }]);
    }
    const b = body as Record<string, unknown>;
    const errors: FieldError[] = [];

    // Jurisdiction: one of the six, and one this key's organisation may submit for.
    const jurisdiction = text(b.jurisdiction_id)?.toUpperCase();
    if (!jurisdiction) errors.push({ veld: 'jurisdiction_id', melding: `Vul jurisdiction_id in. ${JURISDICTION_MESSAGE}` });
    else if (!isJurisdiction(jurisdiction)) errors.push({ veld: 'jurisdiction_id', melding: `Onbekende jurisdictie. ${JURISDICTION_MESSAGE}` });
    else {
      const org = await deps.db.selectFrom('organisaties').select(['code', 'soort', 'naam']).where('id', '=', actor.organisationId).executeTakeFirst();
      const allowed = org ? allowedJurisdictions(org) : [];
      if (!allowed.includes(jurisdiction)) {
        throw new AppError(
          'GEEN_TOEGANG',
          allowed.length
            ? `De API-sleutel van ${org?.naam ?? actor.organisationCode} mag alleen meldingen indienen voor ${allowed.map((c) => `${c} (${JURISDICTIONS[c]})`).join(', ')}.`
            : `De organisatie van deze API-sleutel mag geen Open311-meldingen indienen.`,
          [{ veld: 'jurisdiction_id', melding: 'Niet toegestaan voor deze API-sleutel.' }],
        );
      }
    }

    // Service and its attributes.
    const serviceCode = text(b.service_code);
    const { services } = await activeServices();
    const category = serviceCode ? services.find((c) => c.id === serviceCode) : undefined;
    if (!serviceCode) errors.push({ veld: 'service_code', melding: 'Vul service_code in (zie GET /open311/v2/services.json).' });
    else if (!category) errors.push({ veld: 'service_code', melding: `Onbekende service_code "${serviceCode.slice(0, 100)}". Kies er een uit GET /open311/v2/services.json.` });
    const attrs = readAttributes(b, category?.vragen ?? []);
    errors.push(...attrs.errors);

    if (!text(b.description)) errors.push({ veld: 'description', melding: 'Vul description in: wat is er aan de hand (minstens 10 tekens)?' });

    // Location: we need postcode + huisnummer to find the gemeente; coordinates alone cannot be mapped.
    const lat = readCoordinate(b.lat);
    const long = readCoordinate(b.long);
    if (lat === null) errors.push({ veld: 'lat', melding: 'Geef lat als decimaal getal (WGS84), bijvoorbeeld 51.8089.' });
    if (long === null) errors.push({ veld: 'long', melding: 'Geef long als decimaal getal (WGS84), bijvoorbeeld 5.7279.' });
    if ((lat === undefined) !== (long === undefined) && lat !== null && long !== null) errors.push({ veld: lat === undefined ? 'lat' : 'long', melding: 'Geef lat en long allebei, of geen van beide.' });
    let address: ParsedAddress | null = null;
    if (b.address_string === undefined || b.address_string === '') {
      errors.push({
        veld: 'address_string',
        melding:
          lat !== undefined || long !== undefined
            ? `Alleen coördinaten (lat/long) kunnen wij niet verwerken: wij hebben postcode en huisnummer nodig om de gemeente te bepalen. Stuur address_string mee, ${ADDRESS_EXAMPLE}.`
            : `Vul address_string in met postcode en huisnummer, ${ADDRESS_EXAMPLE}.`,
      });
    } else {
      const parsed = parseAddressString(b.address_string);
      if (!parsed.ok) errors.push({ veld: 'address_string', melding: parsed.message });
      else {
        address = parsed.value;
        const where = jurisdictionOfPostcode(address.postcode);
        if (where && jurisdiction && isJurisdiction(jurisdiction) && where !== jurisdiction) {
          errors.push({ veld: 'address_string', melding: `Dit adres ligt in de gemeente ${JURISDICTIONS[where]} (${where}), niet in ${JURISDICTIONS[jurisdiction]} (${jurisdiction}). Gebruik jurisdiction_id ${where}.` });
        }
      }
    }
    if (errors.length) throw invalid(errors);

    const contact: ContactInput = {};
    const naam = [text(b.first_name), text(b.last_name)].filter(Boolean).join(' ');
    if (naam) contact.naam = naam;
    if (text(b.email)) contact.email = text(b.email);
    if (text(b.phone)) contact.telefoon = text(b.phone);
    const locatie: LocationInput = { ...address!, ...(typeof lat === 'number' && typeof long === 'number' ? { breedtegraad: lat, lengtegraad: long } : {}) };
    const input: IntakeInput = {
      categorie: category!.id,
      omschrijving: b.description as string,
      antwoorden: attrs.answers,
      locatie,
      ...(Object.keys(contact).length ? { contact } : {}),
    };

    const limit = submissions.hit(actor.apiKeyId);
    if (!limit.allowed) throw new AppError('TE_VEEL_POGINGEN', 'Deze API-sleutel heeft het maximale aantal meldingen voor dit uur bereikt.', [], { 'Retry-After': String(limit.retryAfterSeconds) });
    try {
      return await intake.submit(input, [], { bron: 'open311', allowedKanalen: ['overlast'], partnerOrganisationId: actor.organisationId, audit: { actor, origin: origin(request) } });
    } catch (e) {
      if (e instanceof AppError && e.fieldErrors.length) {
        throw new AppError(e.code, e.message, e.fieldErrors.map((f) => ({ veld: toOpen311Field(f.veld), melding: f.melding })), e.headers);
      }
      throw e;
    }
  }

  interface RequestsFilter {
    jurisdiction_id?: string;
    service_request_id?: string;
    service_code?: string;
    start_date?: string;
    end_date?: string;
    status?: string;
  }

  /** Only requests this key's organisation submitted through Open311 (tenant isolation). */
  async function findRequests(request: FastifyRequest, actor: ApiKeyActor, f: RequestsFilter, single: boolean) {
    const errors: FieldError[] = [];
    if (f.jurisdiction_id !== undefined && !isJurisdiction(f.jurisdiction_id)) errors.push({ veld: 'jurisdiction_id', melding: `Onbekende jurisdictie. ${JURISDICTION_MESSAGE}` });
    const ids = splitList(f.service_request_id);
    if (ids.length > 100) errors.push({ veld: 'service_request_id', melding: 'Vraag maximaal 100 meldingen tegelijk op.' });
    const codes = splitList(f.service_code);
    const start = readDate(f.start_date);
    const end = readDate(f.end_date);
    if (start === null) errors.push({ veld: 'start_date', melding: 'Geef een datum in ISO 8601, bijvoorbeeld 2026-12-01 of 2026-12-01T00:00:00Z.' });
    if (end === null) errors.push({ veld: 'end_date', melding: 'Geef een datum in ISO 8601, bijvoorbeeld 2026-12-31 of 2026-12-31T23:59:59Z.' });
    const statuses = splitList(f.status);
    if (statuses.some((x) => x !== 'open' && x !== 'closed')) errors.push({ veld: 'status', melding: 'Kies open, closed of open,closed.' });
    if (errors.length) throw invalid(errors);

    let q = deps.db
      .selectFrom('meldingen')
      .select(['id', 'referentie', 'status', 'categorie_id', 'gemeente_code', 'omschrijving', 'straat', 'postcode', 'woonplaats', 'bericht_aan_melder', 'aangemaakt_op', 'bijgewerkt_op', 'afhandeltermijn'])
      .where('bron', '=', 'open311')
      .where('kanaal', '=', 'overlast')
      .where('melder_organisatie_id', '=', actor.organisationId);
    if (f.jurisdiction_id) q = q.where('gemeente_code', '=', f.jurisdiction_id);
    if (ids.length) {
      const valid = ids.filter((id) => REFERENCE_RE.test(id));
      if (!valid.length) return [];
      q = q.where('referentie', 'in', valid);
    } else {
      const to = end ?? undefined;
      const from = start ?? new Date((to ?? deps.clock.now()).getTime() - DEFAULT_DAYS * 24 * 60 * 60_000);
      q = q.where('aangemaakt_op', '>=', from);
      if (to) q = q.where('aangemaakt_op', '<=', to);
      if (codes.length) q = q.where('categorie_id', 'in', codes);
      if (statuses.length === 1) q = q.where('status', 'in', statuses[0] === 'open' ? [...OPEN_STATUSES] : [...CLOSED_STATUSES]);
    }
    const rows = await q.orderBy('aangemaakt_op', 'desc').limit(MAX_REQUESTS).execute();
    const { all } = await activeServices();
    const presented = rows.map((r) => presentRequest(r, all.find((c) => c.id === r.categorie_id)));
    if (rows.length || single) {
      await deps.db.transaction().execute((trx) =>
        recordAudit(
          trx,
          actor,
          origin(request),
          { action: 'open311.meldingen-gelezen', objectType: 'melding', objectId: rows.length === 1 ? rows[0]!.id : null, result: rows.length || !single ? 'gelukt' : 'geweigerd', purpose: 'Status van eigen meldingen opvragen (Open311)', details: { aantal: rows.length } },
          deps.clock.now(),
        ),
      );
    }
    return presented;
  }

  return async function register(app: FastifyInstance) {
    // The standard posts forms; this parser exists only inside these routes (encapsulated plugin).
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, payload, done) => {
      try {
        done(null, parseForm(String(payload)));
      } catch (e) {
        done(e as Error, undefined);
      }
    });

    const publicConfig = { auth: 'publiek' as const, tenancy: 'publiek' as const };

    app.get<{ Querystring: { jurisdiction_id?: string } }>(
      '/open311/v2/services.json',
      { config: publicConfig, schema: { tags: TAGS, summary: 'Services: de overlastcategorieën die partners kunnen melden', querystring: jurisdictionQuery } },
      async (request) => {
        const j = request.query.jurisdiction_id;
        if (j !== undefined && !isJurisdiction(j)) throw invalid([{ veld: 'jurisdiction_id', melding: `Onbekende jurisdictie. ${JURISDICTION_MESSAGE}` }]);
        const { all, services } = await activeServices();
        return services.map((c) => presentService(c, all));
      },
    );

    app.get<{ Params: { service_code: string }; Querystring: { jurisdiction_id?: string } }>(
      '/open311/v2/services/:service_code.json',
      {
        config: publicConfig,
        schema: { tags: TAGS, summary: 'Servicedefinitie: de attributen (extra vragen) van een service', params: { type: 'object', required: ['service_code'], properties: { service_code: { type: 'string', maxLength: 100 } } }, querystring: jurisdictionQuery },
      },
      async (request) => {
        const j = request.query.jurisdiction_id;
        if (j !== undefined && !isJurisdiction(j)) throw invalid([{ veld: 'jurisdiction_id', melding: `Onbekende jurisdictie. ${JURISDICTION_MESSAGE}` }]);
        const { services } = await activeServices();
        const c = services.find((x) => x.id === request.params.service_code);
        if (!c) throw notFound('Deze service bestaat niet. Zie GET /open311/v2/services.json.');
        return presentServiceDefinition(c);
      },
    );

    app.post(
      '/open311/v2/requests.json',
      {
        // The key is checked in preValidation (after parsing) so the standard's api_key form field works too.
        config: { auth: 'publiek', tenancy: 'eigen', scope: 'open311:schrijven' },
        preValidation: authenticateFromHeaderOrField,
        schema: {
          tags: TAGS,
          summary: 'Een overlastmelding indienen (partnersysteem, scope open311:schrijven)',
          description: `application/x-www-form-urlencoded (zoals de standaard) of JSON. Een gemeentesleutel meldt alleen voor de eigen gemeente, een sleutel van een wijkteam alleen voor diens gemeente, de samenwerking en regionale partners voor alle zes. Het adres moet postcode en huisnummer bevatten (${ADDRESS_EXAMPLE}); alleen lat/long kan niet. media_url wordt genegeerd. Antwoord: [{ service_request_id, service_notice, account_id }].`,
          security: API_KEY_SECURITY,
          querystring: { type: 'object', additionalProperties: false, properties: {} },
          body: { content: { 'application/json': { schema: requestBodyJson }, 'application/x-www-form-urlencoded': { schema: requestBodyForm } } },
        },
      },
      async (request, reply) => {
        const actor = keyActor(request);
        const receipt = await submit(request, actor);
        return reply
          .code(201)
          .header('Location', `/open311/v2/requests/${receipt.referentie}.json`)
          .send([{ service_request_id: receipt.referentie, service_notice: receipt.bericht, account_id: null }]);
      },
    );

    const readConfig = { auth: 'api-sleutel' as const, tenancy: 'tenant' as const, scope: 'open311:lezen' as const };

    app.get<{ Querystring: RequestsFilter }>(
      '/open311/v2/requests.json',
      { config: readConfig, schema: { tags: TAGS, summary: 'Meldingen van de eigen organisatie met status open/closed (standaard de laatste 90 dagen, maximaal 1000)', security: API_KEY_SECURITY, querystring: requestsQuery } },
      async (request) => findRequests(request, keyActor(request), request.query, false),
    );

    app.get<{ Params: { service_request_id: string }; Querystring: { jurisdiction_id?: string } }>(
      '/open311/v2/requests/:service_request_id.json',
      {
        config: readConfig,
        schema: { tags: TAGS, summary: 'Eén melding van de eigen organisatie', security: API_KEY_SECURITY, params: { type: 'object', required: ['service_request_id'], properties: { service_request_id: { type: 'string', maxLength: 40 } } }, querystring: jurisdictionQuery },
      },
      async (request) => {
        const id = request.params.service_request_id;
        const found = REFERENCE_RE.test(id) ? await findRequests(request, keyActor(request), { jurisdiction_id: request.query.jurisdiction_id, service_request_id: id }, true) : [];
        if (!found.length) throw notFound('Deze melding bestaat niet of is niet door uw organisatie via Open311 ingediend.');
        return found;
      },
    );

    // The standard also has .xml; Knooppunt answers those with a clear problem instead of a bare 404.
    const hidden = { hide: true };
    app.get('/open311/v2/services.xml', { config: publicConfig, schema: hidden }, xmlRefused);
    app.get('/open311/v2/services/:service_code.xml', { config: publicConfig, schema: hidden }, xmlRefused);
    app.get('/open311/v2/requests.xml', { config: publicConfig, schema: hidden }, xmlRefused);
    app.post('/open311/v2/requests.xml', { config: publicConfig, schema: hidden }, xmlRefused);
    app.get('/open311/v2/requests/:service_request_id.xml', { config: publicConfig, schema: hidden }, xmlRefused);
  };
}
