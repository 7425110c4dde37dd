// SPDX-License-Identifier: EUPL-1.2
// The deletion log of the meldpunt, for the FG: JSON or CSV export. The export itself is audited.
import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../platform/deps.js';
import { origin, requireUser } from '../../platform/auth/plugin.js';
import { isPlatformPrivacyOfficer } from '../../platform/auth/policy.js';
import { recordAudit } from '../../platform/audit/audit.js';

function csvCell(v: unknown): string {
  const s = v instanceof Date ? v.toISOString() : v === null || v === undefined ? '' : String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[";\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function verwijderlogRoutes(deps: PlatformDeps) {
  return async function register(app: FastifyInstance) {
    app.get<{ Querystring: { van?: string; tot?: string; formaat?: 'json' | 'csv' } }>(
      '/api/v1/meldingen-verwijderlog',
      {
        config: { auth: 'sessie', tenancy: 'tenant', permission: 'meldingen:verwijderlog-lezen' },
        schema: {
          tags: ['Privacy'],
          summary: 'Verwijderlog van meldingen (bewaartermijnen), als JSON of CSV',
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: { van: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, tot: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, formaat: { type: 'string', enum: ['json', 'csv'] } },
          },
        },
      },
      async (request, reply) => {
        const actor = requireUser(request);
        let q = deps.db.selectFrom('melding_verwijderlog as l').innerJoin('organisaties as o', 'o.id', 'l.organisatie_id').select(['l.referentie', 'o.code as organisatie', 'l.kanaal', 'l.categorie_id as categorie', 'l.handeling', 'l.grondslag', 'l.afgesloten_op as afgeslotenOp', 'l.termijn_verstreken_op as termijnVerstrekenOp', 'l.uitgevoerd_op as uitgevoerdOp', 'l.bijlagen_verwijderd as bijlagenVerwijderd']);
        if (!isPlatformPrivacyOfficer(actor)) q = q.where('l.organisatie_id', '=', actor.organisationId);
        if (request.query.van) q = q.where('l.uitgevoerd_op', '>=', new Date(`${request.query.van}T00:00:00Z`));
        if (request.query.tot) q = q.where('l.uitgevoerd_op', '<', new Date(new Date(`${request.query.tot}T00:00:00Z`).getTime() + 86_400_000));
        const rows = await q.orderBy('l.uitgevoerd_op').orderBy('l.referentie').limit(100_000).execute();
        await deps.db.transaction().execute((trx) => recordAudit(trx, actor, origin(request), { action: 'verwijderlog.geexporteerd', objectType: 'melding-verwijderlog', details: { aantal: rows.length, formaat: request.query.formaat ?? 'json' } }, deps.clock.now()));
        if (request.query.formaat === 'csv') {
          const header = ['referentie', 'organisatie', 'kanaal', 'categorie', 'handeling', 'grondslag', 'afgeslotenOp', 'termijnVerstrekenOp', 'uitgevoerdOp', 'bijlagenVerwijderd'] as const;
          const lines = [header.join(';'), ...rows.map((r) => header.map((h) => csvCell(r[h])).join(';'))];
          return reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="verwijderlog-meldingen.csv"').send(`\uFEFF${lines.join('\r\n')}\r\n`);
        }
        return { regels: rows };
      },
    );
  };
}
