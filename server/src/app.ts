// SPDX-License-Identifier: EUPL-1.2
// buildApp() assembles the platform and the modules; listen() lives in server.ts so tests use inject.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import type { PlatformDeps } from './platform/deps.js';
import { installSecurityHeaders, API_VERSION } from './platform/http/headers.js';
import { installProblemHandlers, routeRegex } from './platform/http/problem.js';
import { installAuth } from './platform/auth/plugin.js';
import { installInputGuard } from './platform/http/input-guard.js';
import { identityRoutes } from './platform/identity/routes.js';
import { oidcRoutes } from './platform/auth/oidc.js';
import { auditRoutes } from './platform/audit/routes.js';
import { healthRoutes } from './platform/http/health.js';
import { createUsersService } from './platform/identity/users.service.js';
import type { Tenancy } from './platform/auth/plugin.js';
import { meldingenRoutes } from './modules/meldingen/meldingen.routes.js';
import { open311Routes } from './modules/meldingen/open311.routes.js';
import { veiligheidsbeeldRoutes } from './modules/veiligheidsbeeld/veiligheidsbeeld.routes.js';
import { bijlageRoutes } from './modules/veiligheidsbeeld/bijlage.routes.js';

export const BODY_LIMIT = 64 * 1024;

export interface RouteInfo {
  method: string;
  url: string;
  tenancy: Tenancy | undefined;
  auth: string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    knooppuntRoutes: RouteInfo[];
  }
}

export async function buildApp(deps: PlatformDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    genReqId: () => crypto.randomUUID(),
    bodyLimit: BODY_LIMIT,
    trustProxy: deps.config.trustProxy,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: false, ignoreDuplicateSlashes: false, maxParamLength: 200 },
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: false, useDefaults: true } },
  });

  const routes: RouteInfo[] = [];
  const matchers: Array<{ method: string; re: RegExp }> = [];
  app.decorate('knooppuntRoutes', routes);
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods) {
      if (m === 'HEAD') continue;
      routes.push({ method: m, url: r.url, tenancy: r.config?.tenancy, auth: r.config?.auth });
      matchers.push({ method: m, re: routeRegex(r.url) });
    }
  });

  await app.register(cookie);
  // Limits are set per request in readIntakeRequest; these are the outer bounds.
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 3, fields: 10, fieldSize: 64 * 1024, parts: 14 }, throwFileSizeLimit: true });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Knooppunt API',
        version: API_VERSION,
        description: 'API van Knooppunt, het integraal-veiligheidsplatform van de gemeenten Berg en Dal, Beuningen, Druten, Heumen, West Maas en Waal en Wijchen. Fouten volgen RFC 9457 (application/problem+json).',
        contact: { name: 'Knooppunt Tweestromenland', email: 'knooppunt@tweestromenland.example', url: 'https://knooppunt.tweestromenland.example' },
        license: { name: 'EUPL-1.2', url: 'https://eupl.eu/1.2/nl/' },
      },
      servers: [{ url: '/', description: 'Deze installatie' }],
      components: {
        securitySchemes: {
          sessie: { type: 'apiKey', in: 'cookie', name: 'knooppunt_sessie' },
          apiSleutel: { type: 'http', scheme: 'bearer', description: 'API-sleutel van de organisatie' },
        },
      },
    },
    hideUntagged: false,
  });

  installSecurityHeaders(app);
  installInputGuard(app);
  installAuth(app, deps);

  const webRoot = deps.config.webRoot;
  const indexHtml = webRoot && fs.existsSync(path.join(webRoot, 'index.html')) ? fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8') : null;
  installProblemHandlers(app, () => matchers, indexHtml);

  app.get('/api/v1/openapi.json', { config: { tenancy: 'publiek' }, schema: { hide: true } }, async (_request, reply) => {
    reply.header('Access-Control-Allow-Origin', '*');
    return app.swagger();
  });

  const users = createUsersService(deps);
  app.get('/api/v1/omgeving', { config: { tenancy: 'publiek' }, schema: { tags: ['Omgeving'], summary: 'Publieke kenmerken van deze installatie' } }, async () => ({
    demo: deps.config.demo,
    versie: deps.config.version,
    oidc: deps.config.oidc !== null,
    eersteBeheerderNodig: await users.installationNeeded(),
  }));

  await app.register(healthRoutes(deps));
  await app.register(identityRoutes(deps));
  await app.register(oidcRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(meldingenRoutes(deps));
  await app.register(open311Routes(deps));
  await app.register(veiligheidsbeeldRoutes(deps));
  await app.register(bijlageRoutes(deps));

  if (webRoot && indexHtml) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      setHeaders: (res, filePath) => {
        res.header('Cache-Control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return app;
}
