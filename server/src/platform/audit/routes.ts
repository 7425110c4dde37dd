// SPDX-License-Identifier: EUPL-1.2
// FG pages: audit search and CSV export, the processing register, the LDV export.
import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../deps.js';
import { AppError, notFound } from '../http/errors.js';
import { origin } from '../auth/plugin.js';
import { scopeFor } from '../auth/policy.js';
import { pseudonymise } from '../crypto.js';
import { recordAudit } from './audit.js';
import { exportOtlp } from '../ldv/ldv.js';

interface AuditFilter {
  actor?: string;
  objectType?: string;
  objectId?: string;
  betrokkene?: string;
  betrokkeneType?: string;
  van?: string;
  tot?: string;
  pagina?: number;
  paginaGrootte?: number;
}

const filterBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    actor: { type: 'string', maxLength: 200 },
    objectType: { type: 'string', maxLength: 100 },
    objectId: { type: 'string', maxLength: 200 },
    betrokkene: { type: 'string', maxLength: 200, description: 'Id van de betrokkene; wordt gepseudonimiseerd voor het zoeken' },
    betrokkeneType: { type: 'string', maxLength: 50, default: 'gebruiker' },
    van: { type: 'string', format: 'date-time' },
    tot: { type: 'string', format: 'date-time' },
    pagina: { type: 'integer', minimum: 1, maximum: 100000, default: 1 },
    paginaGrootte: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  },
  examples: [{ actor: 'k.devries', van: '2026-11-01T00:00:00Z', tot: '2026-12-01T00:00:00Z', pagina: 1 }],
} as const;

const vaBody = {
  type: 'object',
  additionalProperties: false,
  required: ['naam', 'doel', 'grondslag', 'categorieenBetrokkenen', 'categorieenGegevens', 'bewaartermijn', 'verantwoordelijke'],
  properties: {
    code: { type: 'string', pattern: '^va-[a-z0-9-]{2,60}$' },
    naam: { type: 'string', minLength: 1, maxLength: 300 },
    doel: { type: 'string', minLength: 1, maxLength: 4000 },
    grondslag: { type: 'string', minLength: 1, maxLength: 1000 },
    categorieenBetrokkenen: { type: 'string', minLength: 1, maxLength: 2000 },
    categorieenGegevens: { type: 'string', minLength: 1, maxLength: 2000 },
    ontvangers: { type: 'string', maxLength: 2000 },
    bewaartermijn: { type: 'string', minLength: 1, maxLength: 500 },
    verantwoordelijke: { type: 'string', minLength: 1, maxLength: 500 },
    actief: { type: 'boolean' },
  },
  examples: [
    {
      code: 'va-meldingen',
      naam: 'Ontvangen en behandelen van meldingen',
      doel: 'Meldingen over onveiligheid ontvangen, beoordelen en doorzetten',
      grondslag: 'Art. 6 lid 1 sub e AVG jo. art. 172 Gemeentewet',
      categorieenBetrokkenen: 'Melders, betrokkenen bij meldingen',
      categorieenGegevens: 'Naam, adres, contactgegevens, omschrijving',
      ontvangers: 'Politie, Veilig Thuis',
      bewaartermijn: '5 jaar na afhandeling',
      verantwoordelijke: 'College van B&W',
    },
  ],
} as const;

type VaInput = { code?: string; naam: string; doel: string; grondslag: string; categorieenBetrokkenen: string; categorieenGegevens: string; ontvangers?: string; bewaartermijn: string; verantwoordelijke: string; actief?: boolean };

const presentVa = (v: { id: string; code: string; naam: string; doel: string; grondslag: string; categorieen_betrokkenen: string; categorieen_gegevens: string; ontvangers: string; bewaartermijn: string; verantwoordelijke: string; actief: boolean; bijgewerkt_op: Date }) => ({
  id: v.code,
  naam: v.naam,
  doel: v.doel,
  grondslag: v.grondslag,
  categorieenBetrokkenen: v.categorieen_betrokkenen,
  categorieenGegevens: v.categorieen_gegevens,
  ontvangers: v.ontvangers,
  bewaartermijn: v.bewaartermijn,
  verantwoordelijke: v.verantwoordelijke,
  actief: v.actief,
  bijgewerktOp: v.bijgewerkt_op.toISOString(),
});

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  // Neutralise spreadsheet formulas (CSV injection) and quote.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function auditRoutes(deps: PlatformDeps) {
  async function search(actorScope: ReturnType<typeof scopeFor>, f: AuditFilter, limit: number | null) {
    let q = deps.db.selectFrom('audit_regels');
    if (actorScope.kind === 'organisatie') q = q.where('actor_organisatie_id', '=', actorScope.organisationId);
    if (f.actor) q = q.where('actor_naam', 'ilike', `%${f.actor.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
    if (f.objectType) q = q.where('object_type', '=', f.objectType);
    if (f.objectId) q = q.where('object_id', '=', f.objectId);
    if (f.betrokkene) q = q.where('betrokkene', '=', pseudonymise(deps.secrets, f.betrokkeneType ?? 'gebruiker', f.betrokkene));
    if (f.van) q = q.where('tijdstip', '>=', new Date(f.van));
    if (f.tot) q = q.where('tijdstip', '<', new Date(f.tot));
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    let rowsQ = q.selectAll().orderBy('id', 'desc');
    if (limit !== null) rowsQ = rowsQ.limit(limit).offset(((f.pagina ?? 1) - 1) * limit);
    return { total, rows: await rowsQ.execute() };
  }

  const present = (r: Awaited<ReturnType<typeof search>>['rows'][number]) => ({
    id: r.id,
    tijdstip: r.tijdstip.toISOString(),
    actor: r.actor_soort === 'anoniem' ? null : { soort: r.actor_soort, id: r.actor_id, naam: r.actor_naam, organisatieCode: r.actor_organisatie_code },
    actie: r.actie,
    objectType: r.object_type,
    objectId: r.object_id,
    betrokkene: r.betrokkene,
    resultaat: r.resultaat,
    requestId: r.request_id,
    ipAdres: r.ip_adres,
    doel: r.doel,
    details: r.details,
  });

  return async function register(app: FastifyInstance) {
    const fg = { auth: 'sessie', tenancy: 'tenant', permission: 'audit:lezen' } as const;

    app.post<{ Body: AuditFilter }>('/api/v1/audit-regels/zoeken', { config: fg, schema: { tags: ['Audittrail'], summary: 'Audittrail doorzoeken (zoektermen in de body, nooit in de URL)', body: filterBody } }, async (request) => {
      const actor = request.actor!;
      const size = request.body.paginaGrootte ?? 50;
      const result = await search(scopeFor(actor, 'audit:lezen'), request.body, size);
      await deps.db.transaction().execute((trx) =>
        recordAudit(trx, actor, origin(request), { action: 'audit-doorzocht', objectType: 'audit-regel', details: { filter: Object.keys(request.body), resultaten: result.total } }, deps.clock.now()),
      );
      return { regels: result.rows.map(present), totaal: result.total, pagina: request.body.pagina ?? 1, paginaGrootte: size };
    });

    app.post<{ Body: AuditFilter }>('/api/v1/audit-regels/export', { config: fg, schema: { tags: ['Audittrail'], summary: 'Audittrail exporteren als CSV', body: filterBody } }, async (request, reply) => {
      const actor = request.actor!;
      const result = await search(scopeFor(actor, 'audit:lezen'), request.body, null);
      await deps.db.transaction().execute((trx) =>
        recordAudit(trx, actor, origin(request), { action: 'audit-geexporteerd', objectType: 'audit-regel', details: { filter: Object.keys(request.body), regels: result.total } }, deps.clock.now()),
      );
      const header = ['id', 'tijdstip', 'actor_soort', 'actor', 'organisatie', 'actie', 'object_type', 'object_id', 'betrokkene', 'resultaat', 'request_id', 'ip_adres', 'doel', 'hash'];
      const lines = result.rows.map((r) => [r.id, r.tijdstip.toISOString(), r.actor_soort, r.actor_naam, r.actor_organisatie_code, r.actie, r.object_type, r.object_id, r.betrokkene, r.resultaat, r.request_id, r.ip_adres, r.doel, r.hash].map(csvCell).join(';'));
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="audittrail.csv"')
        .send(`\uFEFF${header.join(';')}\r\n${lines.join('\r\n')}\r\n`);
    });

    app.get('/api/v1/verwerkingsactiviteiten', { config: { auth: 'sessie', tenancy: 'platform', permission: 'verwerkingsregister:lezen' }, schema: { tags: ['Verwerkingsregister'], summary: 'Register van verwerkingsactiviteiten' } }, async () => {
      const rows = await deps.db.selectFrom('verwerkingsactiviteiten').selectAll().orderBy('naam').execute();
      return { verwerkingsactiviteiten: rows.map(presentVa) };
    });

    app.get<{ Params: { id: string } }>('/api/v1/verwerkingsactiviteiten/:id', { config: { auth: 'sessie', tenancy: 'platform', permission: 'verwerkingsregister:lezen' }, schema: { tags: ['Verwerkingsregister'], summary: 'Eén verwerkingsactiviteit', params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } } } }, async (request) => {
      const row = await deps.db.selectFrom('verwerkingsactiviteiten').selectAll().where('code', '=', request.params.id).executeTakeFirst();
      if (!row) throw notFound();
      return presentVa(row);
    });

    const beheer = { auth: 'sessie', tenancy: 'platform', permission: 'verwerkingsregister:beheren' } as const;
    const toRow = (b: VaInput) => ({
      naam: b.naam, doel: b.doel, grondslag: b.grondslag, categorieen_betrokkenen: b.categorieenBetrokkenen, categorieen_gegevens: b.categorieenGegevens,
      ontvangers: b.ontvangers ?? '', bewaartermijn: b.bewaartermijn, verantwoordelijke: b.verantwoordelijke, actief: b.actief ?? true, bijgewerkt_op: deps.clock.now(),
    });

    app.post<{ Body: VaInput }>('/api/v1/verwerkingsactiviteiten', { config: beheer, schema: { tags: ['Verwerkingsregister'], summary: 'Verwerkingsactiviteit toevoegen', body: vaBody } }, async (request, reply) => {
      const code = request.body.code ?? `va-${request.body.naam.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50)}`;
      const row = await deps.db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('verwerkingsactiviteiten').select('id').where('code', '=', code).executeTakeFirst();
        if (existing) return null;
        const r = await trx.insertInto('verwerkingsactiviteiten').values({ code, ...toRow(request.body) }).returningAll().executeTakeFirstOrThrow();
        await recordAudit(trx, request.actor, origin(request), { action: 'verwerkingsactiviteit-toegevoegd', objectType: 'verwerkingsactiviteit', objectId: code }, deps.clock.now());
        return r;
      });
      if (!row) throw new AppError('CONFLICT', `Er bestaat al een verwerkingsactiviteit met code ${code}.`);
      return reply.code(201).send(presentVa(row));
    });

    app.put<{ Params: { id: string }; Body: VaInput }>('/api/v1/verwerkingsactiviteiten/:id', { config: beheer, schema: { tags: ['Verwerkingsregister'], summary: 'Verwerkingsactiviteit wijzigen', params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } }, body: vaBody } }, async (request) => {
      const row = await deps.db.transaction().execute(async (trx) => {
        const r = await trx.updateTable('verwerkingsactiviteiten').set(toRow(request.body)).where('code', '=', request.params.id).returningAll().executeTakeFirst();
        if (r) await recordAudit(trx, request.actor, origin(request), { action: 'verwerkingsactiviteit-gewijzigd', objectType: 'verwerkingsactiviteit', objectId: r.code }, deps.clock.now());
        return r;
      });
      if (!row) throw notFound('Deze verwerkingsactiviteit bestaat niet.');
      return presentVa(row);
    });

    app.get('/api/v1/logboek-dataverwerkingen/export', { config: { auth: 'sessie', tenancy: 'platform', permission: 'ldv:exporteren' }, schema: { tags: ['Logboek Dataverwerkingen'], summary: 'Logboek Dataverwerkingen als OTLP JSON' } }, async (request) => {
      const body = await exportOtlp(deps.db, { publicUrl: deps.config.publicUrl, version: deps.config.version });
      await deps.db.transaction().execute((trx) => recordAudit(trx, request.actor, origin(request), { action: 'ldv-geexporteerd', objectType: 'ldv' }, deps.clock.now()));
      return body;
    });
  };
}
