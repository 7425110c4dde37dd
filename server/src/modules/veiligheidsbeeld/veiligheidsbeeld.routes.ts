// SPDX-License-Identifier: EUPL-1.2
// HTTP routes of the veiligheidsbeeld. Figures are public aggregates (no login, no personal data,
// no cookie read); importing needs the permission (iv-coördinator, beleidsadviseur) or an API key
// with scope veiligheidsbeeld:importeren.
import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../platform/deps.js';
import { origin, requireUser } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/http/errors.js';
import type { Formaat } from './domain/formaten.js';
import { createImportService } from './import.service.js';
import { createCijfersService, presentDataset } from './cijfers.service.js';
import { createIndelingService, type IndelingInvoer } from './indeling.service.js';
import * as s from './veiligheidsbeeld.schemas.js';

const publicTags = ['Veiligheidsbeeld (publiek)'];
const staffTags = ['Veiligheidsbeeld (import)'];
const publiek = { auth: 'publiek', tenancy: 'publiek' } as const;

export function veiligheidsbeeldRoutes(deps: PlatformDeps) {
  const imports = createImportService(deps);
  const cijfers = createCijfersService(deps);
  const indeling = createIndelingService(deps);
  const beheer = { auth: 'sessie', tenancy: 'platform', permission: 'veiligheidsbeeld:indeling-wijzigen' } as const;

  return async function register(app: FastifyInstance) {
    app.get<{ Querystring: { indicator: string; bron?: string; gebied: string; van?: string; tot?: string; basisjaar?: string } }>(
      '/api/v1/veiligheidsbeeld/cijfers',
      { config: publiek, schema: { tags: publicTags, summary: 'Reeks per jaar voor een indicator en een gemeente of Tweestromenland (aantal, per 1.000 inwoners, index, trend)', querystring: s.cijfersQuery, response: { 200: s.cijfersResponse } } },
      async (request) => cijfers.reeks(request.query),
    );

    app.get<{ Querystring: { indicator: string; bron?: string; gebied?: string; jaar: string } }>(
      '/api/v1/veiligheidsbeeld/vergelijking',
      { config: publiek, schema: { tags: publicTags, summary: 'De gemeenten van een groep naast elkaar voor één jaar, met rangorde', querystring: s.vergelijkingQuery } },
      async (request) => cijfers.vergelijking(request.query),
    );

    app.get<{ Querystring: { bron?: string; veld?: string } }>(
      '/api/v1/veiligheidsbeeld/indicatoren',
      { config: publiek, schema: { tags: publicTags, summary: 'Indicatoren met hun Kernbeleid-veld, thema’s en beschikbare jaren', querystring: s.indicatorenQuery } },
      async (request) => cijfers.indicatoren(request.query),
    );

    app.get('/api/v1/veiligheidsbeeld/gebieden', { config: publiek, schema: { tags: publicTags, summary: 'Gemeenten (met historie) en groepen' } }, async () => cijfers.gebieden());

    app.get<{ Querystring: { gebied: string; van: string; tot: string } }>(
      '/api/v1/veiligheidsbeeld/meldpunt',
      { config: publiek, schema: { tags: publicTags, summary: 'Eigen meldingen (overlast) per maand en hoofdcategorie; cellen onder 5 onderdrukt', querystring: s.meldpuntQuery } },
      async (request) => cijfers.meldpunt(request.query),
    );

    app.get(
      '/api/v1/veiligheidsbeeld/indeling',
      { config: publiek, schema: { tags: publicTags, summary: 'Indeling van codes in de Kernbeleid-velden: de geldende versie en alle versies per code' } },
      async () => indeling.lijst(),
    );

    app.put<{ Params: { bron: string; indicator: string }; Body: IndelingInvoer }>(
      '/api/v1/veiligheidsbeeld/indeling/:bron/:indicator',
      {
        config: beheer,
        schema: {
          tags: staffTags,
          summary: 'Indeling van een code vastleggen vanaf een datum (nieuwe versie; dezelfde datum vervangt die versie)',
          params: s.indelingParams,
          body: s.indelingBody,
        },
      },
      async (request, reply) => {
        const r = await indeling.zet(requireUser(request), request.params.bron, request.params.indicator, request.body, origin(request));
        return reply.code(r.nieuw ? 201 : 200).send(r);
      },
    );

    app.delete<{ Params: { bron: string; indicator: string; geldigVan: string } }>(
      '/api/v1/veiligheidsbeeld/indeling/:bron/:indicator/:geldigVan',
      { config: beheer, schema: { tags: staffTags, summary: 'Een vastgelegde versie van de indeling verwijderen (niet de standaardindeling)', params: s.indelingVersieParams } },
      async (request, reply) => {
        await indeling.verwijder(requireUser(request), request.params.bron, request.params.indicator, request.params.geldigVan, origin(request));
        return reply.code(204).send();
      },
    );

    app.get(
      '/api/v1/veiligheidsbeeld/datasets',
      { config: { auth: 'sessie', tenancy: 'platform', permission: 'module:veiligheidsbeeld' }, schema: { tags: staffTags, summary: 'Geïmporteerde datasets (bron, licentie, bestand, tijdstip)' } },
      async () => cijfers.datasets(),
    );

    app.post<{ Body: { formaat?: Formaat; bestandsnaam: string; inhoud: string; titel?: string; licentie?: string } }>(
      '/api/v1/veiligheidsbeeld/imports',
      {
        bodyLimit: s.IMPORT_BODY_LIMIT,
        config: { auth: 'sessie-of-api-sleutel', tenancy: 'platform', permission: 'veiligheidsbeeld:importeren', scope: 'veiligheidsbeeld:importeren' },
        schema: {
          tags: staffTags,
          summary: 'Cijfers importeren (lange CSV, OData JSON/CSV van politie en CBS, E-codes, bevolking)',
          description: 'Het hele bestand wordt eerst gecontroleerd; bij een fout wordt niets opgeslagen en noemt de fout het regelnummer. Dezelfde gegevens opnieuw importeren verandert niets.',
          body: s.importBody,
        },
      },
      async (request, reply) => {
        if (!request.actor) throw new AppError('NIET_INGELOGD', 'U bent niet ingelogd of uw sessie is verlopen.');
        const r = await imports.importeer(request.actor, request.body, origin(request));
        return reply.code(r.dataset ? 201 : 200).send({ ...r, dataset: r.dataset ? presentDataset(r.dataset) : null });
      },
    );
  };
}
