// SPDX-License-Identifier: EUPL-1.2
// HTTP routes of the meldpunt. Public intake routes store and log no client identifier: the
// rate limit keys on an in-memory keyed hash, the audit origin has no IP, and no cookie is set.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PlatformDeps } from '../../platform/deps.js';
import { AppError, invalid } from '../../platform/http/errors.js';
import { origin, requireUser } from '../../platform/auth/plugin.js';
import { createChallenge, verifySolution } from '../../platform/http/pow.js';
import { createRateLimiter, type RateLimiter } from '../../platform/http/rate-limit.js';
import { listCategories } from './categories.repository.js';
import { createIntakeService, MAX_FILE_BYTES, MAX_FILES, type IntakeInput, type UploadedFile } from './intake.service.js';
import { createWorklistService, type WorklistFilters } from './worklist.service.js';
import { createFileStore } from './attachments.store.js';
import { gemeenteForPostcode } from './domain/postcodes.js';
import * as v from './domain/validators.js';
import { DOORZET_DOELEN, DOORZET_LABELS } from './domain/workflow.js';
import * as s from './meldingen.schemas.js';
import { verwijderlogRoutes } from './verwijderlog.routes.js';

const POW_TTL_MS = 20 * 60_000;

export function powKey(deps: PlatformDeps): Buffer {
  return crypto.createHmac('sha256', deps.secrets.pseudonymKey).update('altcha-pow').digest();
}

function limited(limiter: RateLimiter, request: FastifyRequest, what: string) {
  const d = limiter.hit(request.ip);
  if (!d.allowed) {
    throw new AppError('TE_VEEL_POGINGEN', `${what} Probeer het over ${Math.max(1, Math.ceil(d.retryAfterSeconds / 60))} minuten opnieuw.`, [], { 'Retry-After': String(d.retryAfterSeconds) });
  }
}

/** Reads JSON or multipart (field `melding` = JSON, `altcha`, files in `bijlagen`). */
export async function readIntakeRequest(request: FastifyRequest): Promise<{ body: Record<string, unknown>; files: UploadedFile[] }> {
  if (!request.isMultipart()) return { body: (request.body ?? {}) as Record<string, unknown>, files: [] };
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES, fields: 10, fieldSize: 64 * 1024, parts: 14 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'bijlagen') {
          part.file.resume();
          throw invalid([{ veld: part.fieldname, melding: 'Bestanden horen in het veld "bijlagen".' }]);
        }
        const data = await part.toBuffer();
        if (data.length > 0) files.push({ filename: part.filename ?? 'bestand', data });
      } else {
        fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('BESTAND_TE_GROOT', 'Een bestand mag maximaal 10 MB groot zijn.', [{ veld: 'bijlagen', melding: 'Maximaal 10 MB per bestand.' }]);
    if (code === 'FST_FILES_LIMIT') throw new AppError('BESTAND_TE_GROOT', `U kunt maximaal ${MAX_FILES} bestanden toevoegen.`, [{ veld: 'bijlagen', melding: `Maximaal ${MAX_FILES} bestanden.` }]);
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new AppError('BESTAND_TE_GROOT', 'Het formulier bevat te veel onderdelen.');
    throw new AppError('ONGELDIGE_INVOER', 'Het formulier kon niet worden gelezen (ongeldige multipart-gegevens).');
  }
  let body: Record<string, unknown> = {};
  if (fields.melding !== undefined) {
    try {
      const parsed: unknown = JSON.parse(fields.melding);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('geen object');
      body = parsed as Record<string, unknown>;
    } catch {
      throw invalid([{ veld: 'melding', melding: 'Het veld "melding" moet geldige JSON zijn.' }]);
    }
  }
  for (const [k, val] of Object.entries(fields)) if (k !== 'melding') body[k] = val;
  return { body, files };
}

const multipartOr = (json: object) => ({ content: { 'application/json': { schema: json }, 'multipart/form-data': { schema: s.multipartBody } } });

export function meldingenRoutes(deps: PlatformDeps) {
  const store = createFileStore(deps.config.filesDir, deps.secrets);
  const intake = createIntakeService(deps, store);
  const worklist = createWorklistService(deps, store);
  const key = powKey(deps);
  const now = () => deps.clock.now().getTime();
  const submissions = createRateLimiter({ limit: deps.config.intake.submissionsPerHour, windowMs: 60 * 60_000, now });
  const lookups = createRateLimiter({ limit: deps.config.intake.receiptLookupsPerWindow, windowMs: 15 * 60_000, now });
  const challenges = createRateLimiter({ limit: Math.max(60, deps.config.intake.submissionsPerHour * 3), windowMs: 60 * 60_000, now });

  return async function register(app: FastifyInstance) {
    const publicTags = ['Meldpunt (publiek)'];
    const staffTags = ['Meldingen (behandeling)'];

    // ---------- public ----------
    app.get('/api/v1/meldingen/uitdaging', { config: { auth: 'publiek', tenancy: 'publiek' }, schema: { tags: publicTags, summary: 'Proof-of-work-uitdaging (ALTCHA) voor een publieke melding' } }, async (request) => {
      limited(challenges, request, 'Te veel aanvragen.');
      return createChallenge({ hmacKey: key, maxNumber: deps.config.intake.powMaxNumber, expiresInMs: POW_TTL_MS, now: deps.clock.now() });
    });

    app.get<{ Querystring: { kanaal?: string } }>(
      '/api/v1/meldingcategorieen',
      { config: { auth: 'publiek', tenancy: 'publiek' }, schema: { tags: publicTags, summary: 'Categorieën met hun extra vragen', querystring: { type: 'object', additionalProperties: false, properties: { kanaal: { type: 'string', enum: ['overlast', 'ondermijning'] } } } } },
      async (request) => {
        const all = (await listCategories(deps.db)).filter((c) => c.actief && (!request.query.kanaal || c.kanaal === request.query.kanaal));
        return {
          categorieen: all.map((c) => ({ id: c.id, hoofdcategorieId: c.hoofdcategorieId, kanaal: c.kanaal, naam: c.naam, hulptekst: c.hulptekst, volgorde: c.volgorde, vragen: c.vragen, termijn: c.termijn })),
        };
      },
    );

    app.get<{ Querystring: { postcode: string } }>(
      '/api/v1/gemeentebepaling',
      { config: { auth: 'publiek', tenancy: 'publiek' }, schema: { tags: publicTags, summary: 'Bij welke gemeente hoort deze postcode?', querystring: { type: 'object', required: ['postcode'], additionalProperties: false, properties: { postcode: { type: 'string', maxLength: 8 } } } } },
      async (request) => {
        const pc = v.postcode(request.query.postcode);
        if (!pc.ok) throw invalid([{ veld: 'postcode', melding: pc.message }]);
        const g = gemeenteForPostcode(pc.value);
        if (g.kind === 'ongeldig') throw invalid([{ veld: 'postcode', melding: g.message }]);
        return g.kind === 'binnen' ? { binnenWerkgebied: true, gemeente: { code: g.gemeenteCode, naam: g.gemeenteNaam } } : { binnenWerkgebied: false, advies: g.advies };
      },
    );

    app.post(
      '/api/v1/meldingen',
      {
        config: { auth: 'publiek', tenancy: 'publiek' },
        schema: { tags: publicTags, summary: 'Een melding doen (publiek, anoniem mogelijk)', description: 'JSON of multipart/form-data met bestanden. Vraag eerst een uitdaging op (GET /api/v1/meldingen/uitdaging) en stuur de oplossing mee in `altcha`.', body: multipartOr(s.publicIntakeBody), response: { 201: s.receiptSchema } },
      },
      async (request, reply) => {
        limited(submissions, request, 'U heeft het maximale aantal meldingen voor dit uur bereikt.');
        const { body, files } = await readIntakeRequest(request);
        const pow = verifySolution(body.altcha, key, deps.clock.now());
        if (!pow.ok) throw new AppError('UITDAGING_ONGELDIG', `De beveiligingscontrole is niet gelukt: ${pow.reason} Laad de pagina opnieuw en probeer het nog eens.`, [{ veld: 'altcha', melding: pow.reason }]);
        const receipt = await intake.submit(body as unknown as IntakeInput, files, { bron: 'publiek', allowedKanalen: ['overlast', 'ondermijning'], powId: { id: pow.challengeId, expiresAt: pow.expiresAt } });
        return reply.code(201).header('Location', `/api/v1/meldingen/${receipt.id}`).send(receipt);
      },
    );

    app.post<{ Body: { ontvangstcode: string } }>(
      '/api/v1/meldingen/status-opvragen',
      { config: { auth: 'publiek', tenancy: 'publiek' }, schema: { tags: publicTags, summary: 'Status, vragen en berichten bij een ontvangstcode', body: s.receiptCodeBody } },
      async (request) => {
        limited(lookups, request, 'Te veel pogingen met een ontvangstcode.');
        return intake.reporterView(request.body.ontvangstcode);
      },
    );

    app.post(
      '/api/v1/meldingen/reacties',
      { config: { auth: 'publiek', tenancy: 'publiek' }, schema: { tags: publicTags, summary: 'Reageren op een vraag of informatie toevoegen met de ontvangstcode', body: multipartOr(s.replyBody) } },
      async (request, reply) => {
        limited(lookups, request, 'Te veel pogingen met een ontvangstcode.');
        const { body, files } = await readIntakeRequest(request);
        const view = await intake.reporterReply(body.ontvangstcode, body.tekst, files);
        return reply.code(201).send(view);
      },
    );

    // ---------- internal intake ----------
    app.post(
      '/api/v1/niet-pluis-meldingen',
      { config: { auth: 'sessie', tenancy: 'eigen', permission: 'meldingen:niet-pluis-melden' }, schema: { tags: ['Niet-pluis-meldingen'], summary: 'Een niet-pluis-melding doen (medewerkers van alle organisaties)', body: multipartOr(s.nietPluisBody), response: { 201: s.receiptSchema } } },
      async (request, reply) => {
        const actor = requireUser(request);
        const { body, files } = await readIntakeRequest(request);
        const receipt = await intake.submit(body as unknown as IntakeInput, files, { bron: 'niet-pluis', allowedKanalen: ['overlast', 'ondermijning'], reporter: actor });
        return reply.code(201).send(receipt);
      },
    );

    app.get('/api/v1/mijn-meldingen', { config: { auth: 'sessie', tenancy: 'eigen', permission: 'meldingen:niet-pluis-melden' }, schema: { tags: ['Niet-pluis-meldingen'], summary: 'Mijn niet-pluis-meldingen (alleen de status)' } }, async (request) => ({
      meldingen: await worklist.mine(requireUser(request)),
    }));

    app.get('/api/v1/notificaties', { config: { auth: 'sessie', tenancy: 'eigen' }, schema: { tags: ['Notificaties'], summary: 'Mijn notificaties' } }, async (request) => ({
      notificaties: await worklist.notifications(requireUser(request)),
    }));

    app.post<{ Params: { id: string } }>('/api/v1/notificaties/:id/gelezen', { config: { auth: 'sessie', tenancy: 'eigen' }, schema: { tags: ['Notificaties'], summary: 'Notificatie als gelezen markeren', params: s.idParams } }, async (request, reply) => {
      await worklist.markNotificationRead(requireUser(request), request.params.id);
      return reply.code(204).send();
    });

    // ---------- worklist (hub) ----------
    const staff = { auth: 'sessie' as const, tenancy: 'tenant' as const, permission: 'meldingen:behandelen' as const };

    app.get<{ Querystring: Omit<WorklistFilters, 'status' | 'pagina' | 'paginaGrootte'> & { status?: string; pagina?: string; paginaGrootte?: string } }>(
      '/api/v1/meldingen',
      { config: staff, schema: { tags: staffTags, summary: 'Werkvoorraad met filters en sortering', querystring: s.worklistQuery } },
      async (request) => {
        const { status, pagina, paginaGrootte, ...q } = request.query;
        // Query values are strings (no type coercion); the schema guarantees digits only.
        return worklist.list(requireUser(request), {
          ...q,
          status: status ? status.split(',').map((x) => x.trim()).filter(Boolean) : undefined,
          pagina: pagina === undefined ? undefined : Number(pagina),
          paginaGrootte: paginaGrootte === undefined ? undefined : Number(paginaGrootte),
        });
      },
    );

    app.get('/api/v1/meldingen/signalering', { config: staff, schema: { tags: staffTags, summary: 'Meldingen over de afhandeltermijn en over drie keer de termijn' } }, async (request) => worklist.signalering(requireUser(request)));

    app.get('/api/v1/meldingen/doorzetdoelen', { config: { ...staff, tenancy: 'platform' as const }, schema: { tags: staffTags, summary: 'Partijen waarnaar een melding kan worden doorgezet' } }, async () => ({
      doelen: DOORZET_DOELEN.map((d) => ({ code: d, naam: DOORZET_LABELS[d] })),
    }));

    app.get<{ Params: { id: string } }>('/api/v1/meldingen/:id', { config: staff, schema: { tags: staffTags, summary: 'Een melding met tijdlijn, berichten, bijlagen en mogelijke dubbelen (inzage wordt gelogd)', params: s.idParams } }, async (request) =>
      worklist.detail(requireUser(request), request.params.id, origin(request), request.trace),
    );

    app.patch<{ Params: { id: string }; Body: { categorie?: string; locatie?: Record<string, unknown>; reden: string } }>(
      '/api/v1/meldingen/:id',
      { config: staff, schema: { tags: staffTags, summary: 'Categorie of adres wijzigen (routeert opnieuw)', params: s.idParams, body: s.updateBody } },
      async (request, reply) => {
        await worklist.update(requireUser(request), request.params.id, request.body, origin(request));
        return reply.code(204).send();
      },
    );

    app.post<{ Params: { id: string }; Body: { status: string; reden?: string; doorgezetNaar?: string; berichtAanMelder?: string; versie?: number } }>(
      '/api/v1/meldingen/:id/statuswijzigingen',
      { config: staff, schema: { tags: staffTags, summary: 'Status wijzigen volgens de overgangstabel', params: s.idParams, body: s.transitionBody } },
      async (request, reply) => {
        await worklist.transition(requireUser(request), request.params.id, request.body, origin(request));
        return reply.code(204).send();
      },
    );

    app.put<{ Params: { id: string }; Body: { gebruikerId: string | null } }>(
      '/api/v1/meldingen/:id/toewijzing',
      { config: staff, schema: { tags: staffTags, summary: 'Toewijzen aan een medewerker (met notificatie en e-mail)', params: s.idParams, body: s.assignBody } },
      async (request, reply) => {
        await worklist.assign(requireUser(request), request.params.id, request.body.gebruikerId, origin(request));
        return reply.code(204).send();
      },
    );

    app.get<{ Params: { id: string } }>('/api/v1/meldingen/:id/behandelaars', { config: staff, schema: { tags: staffTags, summary: 'Medewerkers aan wie deze melding kan worden toegewezen', params: s.idParams } }, async (request) => ({
      behandelaars: await worklist.handlers(requireUser(request), request.params.id),
    }));

    app.post<{ Params: { id: string }; Body: { tekst: string; reactieGevraagd?: boolean } }>(
      '/api/v1/meldingen/:id/berichten',
      { config: staff, schema: { tags: staffTags, summary: 'Bericht of vraag aan de melder (die leest het met de ontvangstcode)', params: s.idParams, body: s.messageBody } },
      async (request, reply) => {
        await worklist.sendMessage(requireUser(request), request.params.id, request.body, origin(request));
        return reply.code(201).send();
      },
    );

    app.put<{ Params: { id: string }; Body: { ouderId: string | null; reden?: string } }>(
      '/api/v1/meldingen/:id/koppeling',
      { config: staff, schema: { tags: staffTags, summary: 'Als deelmelding koppelen aan een hoofdmelding (of ontkoppelen met ouderId null)', params: s.idParams, body: s.linkBody } },
      async (request, reply) => {
        await worklist.link(requireUser(request), request.params.id, request.body, origin(request));
        return reply.code(204).send();
      },
    );

    app.post<{ Params: { id: string }; Body: { reden: string } }>(
      '/api/v1/meldingen/:id/contactgegevens-inzage',
      { config: staff, schema: { tags: staffTags, summary: 'Contactgegevens van de melder inzien (met reden; wordt gelogd)', params: s.idParams, body: s.reasonBody } },
      async (request) => worklist.contactDetails(requireUser(request), request.params.id, request.body.reden, origin(request)),
    );

    app.get<{ Params: { id: string; bijlageId: string } }>(
      '/api/v1/meldingen/:id/bijlagen/:bijlageId',
      { config: staff, schema: { tags: staffTags, summary: 'Een bijlage bekijken (wordt gelogd)', params: { type: 'object', required: ['id', 'bijlageId'], properties: { id: { type: 'string', format: 'uuid' }, bijlageId: { type: 'string', format: 'uuid' } } } } },
      async (request, reply) => {
        const a = await worklist.attachment(requireUser(request), request.params.id, request.params.bijlageId, origin(request));
        const inline = a.mime.startsWith('image/') || a.mime === 'application/pdf';
        return reply
          .header('Content-Type', a.mime)
          .header('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename="${a.bestandsnaam.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
          .header('X-Content-Type-Options', 'nosniff')
          .header('Content-Security-Policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
          .send(a.data);
      },
    );

    app.post<{ Params: { id: string } }>(
      '/api/v1/meldingen/:id/bijlagen',
      { config: staff, schema: { tags: staffTags, summary: 'Bijlagen toevoegen (multipart, veld bijlagen)', params: s.idParams, body: { content: { 'multipart/form-data': { schema: s.staffFilesBody } } } } },
      async (request, reply) => {
        await worklist.assertVisible(requireUser(request), request.params.id);
        if (!request.isMultipart()) throw invalid([{ veld: 'bijlagen', melding: 'Stuur bestanden als multipart/form-data.' }]);
        const { files } = await readIntakeRequest(request);
        if (!files.length) throw invalid([{ veld: 'bijlagen', melding: 'Kies een of meer bestanden.' }]);
        await worklist.addStaffAttachments(requireUser(request), request.params.id, files, origin(request));
        return reply.code(201).send();
      },
    );

    await app.register(verwijderlogRoutes(deps));
  };
}
