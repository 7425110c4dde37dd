// SPDX-License-Identifier: EUPL-1.2
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../deps.js';
import { pendingMigrations } from '../db/migrator.js';

export function healthRoutes(deps: PlatformDeps) {
  return async function register(app: FastifyInstance) {
    app.get('/healthz', { config: { tenancy: 'publiek' }, schema: { tags: ['Beheer'], summary: 'Het proces leeft' } }, async () => ({ status: 'ok' }));
    app.get('/readyz', { config: { tenancy: 'publiek' }, schema: { tags: ['Beheer'], summary: 'Database bereikbaar en migraties actueel' } }, async (_request, reply) => {
      try {
        await sql`SELECT 1`.execute(deps.db);
        const pending = await pendingMigrations(deps.db);
        if (pending.length > 0) return reply.code(503).send({ status: 'niet-gereed', database: 'ok', migraties: 'achter', ontbrekend: pending });
        return { status: 'ok', database: 'ok', migraties: 'actueel' };
      } catch {
        return reply.code(503).send({ status: 'niet-gereed', database: 'onbereikbaar', migraties: 'onbekend' });
      }
    });
  };
}
