// SPDX-License-Identifier: EUPL-1.2
// GET /api/v1/veiligheidsbeeld/bijlage: the plan's appendix as a PDF or XLSX file (the button in the
// UI). Aggregates only, like the other figures: public (auth and tenancy 'publiek'), no cookie read.
// Generating costs CPU, so each client gets a limited number per window (429 beyond it).
import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../platform/deps.js';
import { AppError } from '../../platform/http/errors.js';
import { createRateLimiter } from '../../platform/http/rate-limit.js';
import { createBijlageService } from './bijlage/bijlage.service.js';
import { FORMATEN_BIJLAGE } from './bijlage/model.js';

const jaar = { type: 'string', pattern: '^[0-9]{4}$', description: 'Jaar, bijvoorbeeld 2014' };

export const bijlageQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['formaat'],
  properties: {
    van: { ...jaar, description: 'Eerste jaar (standaard: vijf jaar voor "tot")', examples: ['2014'] },
    tot: { ...jaar, description: 'Laatste jaar (standaard: het laatste jaar met cijfers)', examples: ['2018'] },
    formaat: { type: 'string', enum: [...FORMATEN_BIJLAGE], description: 'pdf of xlsx' },
  },
};

/** Generations per client per window. */
export const BIJLAGE_LIMIET = { limit: 30, windowMs: 10 * 60_000 };

export function bijlageRoutes(deps: PlatformDeps) {
  const service = createBijlageService(deps);
  const limiter = createRateLimiter({ ...BIJLAGE_LIMIET, now: () => deps.clock.now().getTime() });

  return async function register(app: FastifyInstance) {
    app.get<{ Querystring: { van?: string; tot?: string; formaat: string } }>(
      '/api/v1/veiligheidsbeeld/bijlage',
      {
        config: { auth: 'publiek', tenancy: 'publiek' },
        schema: {
          tags: ['Veiligheidsbeeld (publiek)'],
          summary: 'De bijlage "de cijfers en grafieken" als PDF of XLSX (Tweestromenland, per Kernbeleid-veld)',
          description: 'Per indicator een tabel gemeente × jaar met een Totaal-rij en een grafiek, per 1.000 inwoners waar het inwonertal bekend is, met bronregel. Alleen geaggregeerde cijfers; geen inlog nodig.',
          querystring: bijlageQuery,
        },
      },
      async (request, reply) => {
        const d = limiter.hit(request.ip);
        if (!d.allowed) throw new AppError('TE_VEEL_POGINGEN', `Te veel bijlagen aangevraagd. Probeer het over ${Math.max(1, Math.ceil(d.retryAfterSeconds / 60))} minuten opnieuw.`, [], { 'Retry-After': String(d.retryAfterSeconds) });
        const f = await service.genereer(request.query);
        return reply.header('Content-Type', f.mime).header('Content-Disposition', `attachment; filename="${f.bestandsnaam}"`).send(f.inhoud);
      },
    );
  };
}
