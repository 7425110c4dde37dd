// SPDX-License-Identifier: EUPL-1.2
// Thin routes: schema-validated input → service → presenter.
import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../deps.js';
import { AppError } from '../http/errors.js';
import { clearSessionCookie, origin, requireUser, setSessionCookie } from '../auth/plugin.js';
import { createLoginService, type LoginInput } from '../auth/login.service.js';
import { listActiveSessions, resolveSession } from '../auth/sessions.js';
import type { Role, ApiScope } from '../auth/roles.js';
import { organisationsRepository } from './organisations.repository.js';
import { createUsersService } from './users.service.js';
import { createApiKeysService, presentApiKey } from './api-keys.service.js';
import { presentOrganisation, presentSession, presentUser } from './presenters.js';
import * as s from './schemas.js';

const ok = (schema: object) => ({ 200: schema });

export function identityRoutes(deps: PlatformDeps) {
  const login = createLoginService(deps);
  const users = createUsersService(deps);
  const apiKeys = createApiKeysService(deps);

  return async function register(app: FastifyInstance) {
    // ---- sessions ----
    app.post<{ Body: LoginInput }>(
      '/api/v1/sessies',
      { config: { auth: 'publiek', tenancy: 'publiek' }, schema: { tags: ['Sessies'], summary: 'Inloggen met wachtwoord en verificatiecode', body: s.loginBody, response: { 201: s.sessieSchema } } },
      async (request, reply) => {
        const { token } = await login.login(request.body, { requestId: request.id, ipAddress: request.ip });
        const resolved = (await resolveSession(deps.db, token, deps.clock.now()))!;
        setSessionCookie(reply, deps, token);
        request.actor = null;
        const actor = { kind: 'gebruiker' as const, userId: resolved.user.id, username: resolved.user.gebruikersnaam, organisationId: resolved.organisation.id, organisationCode: resolved.organisation.code, organisationKind: resolved.organisation.soort, roles: resolved.user.rollen as Role[], sessionId: resolved.session.id };
        return reply.code(201).send(presentSession(resolved, actor));
      },
    );

    app.get('/api/v1/sessies/huidig', { config: { auth: 'mfa-inschrijving', tenancy: 'eigen' }, schema: { tags: ['Sessies'], summary: 'De huidige sessie', response: ok(s.sessieSchema) } }, async (request) => {
      return presentSession(request.authSession!, requireUser(request));
    });

    app.delete('/api/v1/sessies/huidig', { config: { auth: 'mfa-inschrijving', tenancy: 'eigen' }, schema: { tags: ['Sessies'], summary: 'Uitloggen' } }, async (request, reply) => {
      await login.logout(requireUser(request), origin(request));
      clearSessionCookie(reply, deps);
      return reply.code(204).send();
    });

    app.post(
      '/api/v1/sessies/huidig/totp-inschrijving',
      { config: { auth: 'mfa-inschrijving', tenancy: 'eigen' }, schema: { tags: ['Sessies'], summary: 'Start de inschrijving van een authenticator-app', response: ok({ type: 'object', properties: { otpauthUri: { type: 'string' }, geheim: { type: 'string' }, qrCodeSvg: { type: 'string' } } }) } },
      async (request) => {
        const actor = requireUser(request);
        if (request.authSession!.session.status !== 'mfa-inschrijving') throw new AppError('CONFLICT', 'Tweestapsverificatie is al ingesteld. Laat de beheerder haar opnieuw instellen als u uw telefoon kwijt bent.');
        return login.startTotpEnrolment(actor, origin(request));
      },
    );

    app.post<{ Body: { totpCode: string } }>(
      '/api/v1/sessies/huidig/totp-bevestiging',
      { config: { auth: 'mfa-inschrijving', tenancy: 'eigen' }, schema: { tags: ['Sessies'], summary: 'Bevestig de authenticator-app; geeft herstelcodes', body: s.totpConfirmBody, response: ok({ type: 'object', properties: { herstelcodes: { type: 'array', items: { type: 'string' } }, sessie: s.sessieSchema } }) } },
      async (request, reply) => {
        const actor = requireUser(request);
        if (request.authSession!.session.status !== 'mfa-inschrijving') throw new AppError('CONFLICT', 'Tweestapsverificatie is al ingesteld.');
        const { herstelcodes, token } = await login.confirmTotpEnrolment(actor, request.body.totpCode, origin(request));
        setSessionCookie(reply, deps, token);
        const resolved = (await resolveSession(deps.db, token, deps.clock.now()))!;
        return { herstelcodes, sessie: presentSession(resolved, { ...actor, sessionId: resolved.session.id }) };
      },
    );

    // ---- own account ----
    app.put<{ Body: { huidigWachtwoord: string; nieuwWachtwoord: string } }>(
      '/api/v1/account/wachtwoord',
      { config: { auth: 'sessie', tenancy: 'eigen', permission: 'account:beheren', duringPasswordChange: true }, schema: { tags: ['Account'], summary: 'Eigen wachtwoord wijzigen', body: s.passwordChangeBody } },
      async (request, reply) => {
        await login.changePassword(requireUser(request), request.body.huidigWachtwoord, request.body.nieuwWachtwoord, origin(request));
        return reply.code(204).send();
      },
    );

    app.post<{ Body: { totpCode: string } }>(
      '/api/v1/account/herstelcodes',
      { config: { auth: 'sessie', tenancy: 'eigen', permission: 'account:beheren', duringPasswordChange: true }, schema: { tags: ['Account'], summary: 'Nieuwe herstelcodes (oude vervallen)', body: s.totpConfirmBody, response: ok({ type: 'object', properties: { herstelcodes: { type: 'array', items: { type: 'string' } } } }) } },
      async (request) => ({ herstelcodes: await login.regenerateRecoveryCodes(requireUser(request), request.body.totpCode, origin(request)) }),
    );

    app.get('/api/v1/account/sessies', { config: { auth: 'sessie', tenancy: 'eigen', permission: 'account:beheren', duringPasswordChange: true }, schema: { tags: ['Account'], summary: 'Eigen actieve sessies' } }, async (request) => {
      const actor = requireUser(request);
      const rows = await listActiveSessions(deps.db, actor.userId, deps.clock.now());
      return { sessies: rows.map((r) => ({ id: r.publiek_id, aangemaaktOp: r.aangemaakt_op.toISOString(), laatstActiefOp: r.laatst_actief_op.toISOString(), huidig: r.id === actor.sessionId })) };
    });

    app.delete<{ Params: { id: string } }>('/api/v1/account/sessies/:id', { config: { auth: 'sessie', tenancy: 'eigen', permission: 'account:beheren', duringPasswordChange: true }, schema: { tags: ['Account'], summary: 'Eigen sessie beëindigen', params: s.idParams } }, async (request, reply) => {
      await login.endOwnSession(requireUser(request), request.params.id, origin(request));
      return reply.code(204).send();
    });

    // ---- installation ----
    app.post<{ Body: { installatiecode: string; gebruikersnaam: string; naam: string; email: string; wachtwoord: string } }>(
      '/api/v1/installatie/eerste-beheerder',
      { config: { auth: 'publiek', tenancy: 'publiek' }, schema: { tags: ['Installatie'], summary: 'Eerste functioneel beheerder aanmaken met de eenmalige installatiecode', body: s.installBody, response: { 201: { type: 'object', properties: { gebruiker: s.userSchema } } } } },
      async (request, reply) => {
        const user = await users.installFirstAdministrator(request.body, { requestId: request.id, ipAddress: null });
        return reply.code(201).send({ gebruiker: presentUser(user) });
      },
    );

    // ---- organisations ----
    app.get('/api/v1/organisaties', { config: { auth: 'sessie', tenancy: 'platform', permission: 'organisaties:lezen' }, schema: { tags: ['Organisaties'], summary: 'Alle organisaties (gemeenten en partners)', response: ok({ type: 'object', properties: { organisaties: { type: 'array', items: s.organisatieSchema } } }) } }, async () => {
      return { organisaties: (await organisationsRepository.list(deps.db)).map(presentOrganisation) };
    });

    // ---- users ----
    const admin = { auth: 'sessie', tenancy: 'tenant', permission: 'gebruikers:beheren' } as const;
    app.get('/api/v1/gebruikers', { config: admin, schema: { tags: ['Gebruikers'], summary: 'Gebruikers van de eigen organisatie', response: ok({ type: 'object', properties: { gebruikers: { type: 'array', items: s.userSchema } } }) } }, async (request) => {
      const list = await users.list(request.actor!, request.trace, origin(request));
      return { gebruikers: list.map(presentUser) };
    });

    app.post<{ Body: { gebruikersnaam: string; naam: string; email: string; organisatieId: string; rollen: Role[] } }>(
      '/api/v1/gebruikers',
      { config: admin, schema: { tags: ['Gebruikers'], summary: 'Gebruiker aanmaken (tijdelijk wachtwoord wordt eenmalig getoond)', body: s.newUserBody, response: { 201: { type: 'object', properties: { gebruiker: s.userSchema, tijdelijkWachtwoord: { type: 'string' } } } } } },
      async (request, reply) => {
        const r = await users.createUser(request.actor!, request.body, origin(request));
        return reply.code(201).send({ gebruiker: presentUser(r.user), tijdelijkWachtwoord: r.temporaryPassword });
      },
    );

    app.get<{ Params: { id: string } }>('/api/v1/gebruikers/:id', { config: admin, schema: { tags: ['Gebruikers'], summary: 'Eén gebruiker', params: s.idParams, response: ok(s.userSchema) } }, async (request) => {
      return presentUser(await users.get(request.actor!, request.params.id, request.trace, origin(request)));
    });

    app.patch<{ Params: { id: string }; Body: { naam?: string; email?: string; rollen?: Role[]; actief?: boolean } }>(
      '/api/v1/gebruikers/:id',
      { config: admin, schema: { tags: ['Gebruikers'], summary: 'Gebruiker wijzigen of blokkeren (blokkeren beëindigt de sessies)', params: s.idParams, body: s.userPatchBody, response: ok(s.userSchema) } },
      async (request) => presentUser(await users.update(request.actor!, request.params.id, request.body, origin(request))),
    );

    app.post<{ Params: { id: string } }>('/api/v1/gebruikers/:id/mfa-herstel', { config: admin, schema: { tags: ['Gebruikers'], summary: 'Tweestapsverificatie opnieuw laten instellen', params: s.idParams } }, async (request, reply) => {
      await users.resetMfa(request.actor!, request.params.id, origin(request));
      return reply.code(204).send();
    });

    app.delete<{ Params: { id: string } }>('/api/v1/gebruikers/:id/sessies', { config: admin, schema: { tags: ['Gebruikers'], summary: 'Alle sessies van een gebruiker beëindigen', params: s.idParams } }, async (request, reply) => {
      await users.endSessions(request.actor!, request.params.id, origin(request));
      return reply.code(204).send();
    });

    // ---- API keys ----
    const keysAdmin = { auth: 'sessie', tenancy: 'tenant', permission: 'api-sleutels:beheren' } as const;
    app.get('/api/v1/api-sleutels', { config: keysAdmin, schema: { tags: ['API-sleutels'], summary: 'API-sleutels van de eigen organisatie', response: ok({ type: 'object', properties: { apiSleutels: { type: 'array', items: s.apiKeySchema } } }) } }, async (request) => {
      return { apiSleutels: (await apiKeys.list(request.actor!)).map(presentApiKey) };
    });

    app.post<{ Body: { naam: string; scopes: ApiScope[]; organisatieId?: string } }>(
      '/api/v1/api-sleutels',
      { config: keysAdmin, schema: { tags: ['API-sleutels'], summary: 'API-sleutel aanmaken (de sleutel wordt eenmalig getoond)', body: s.newApiKeyBody, response: { 201: { type: 'object', properties: { apiSleutel: s.apiKeySchema, sleutel: { type: 'string' } } } } } },
      async (request, reply) => {
        const r = await apiKeys.create(request.actor!, request.body, origin(request));
        return reply.code(201).send({ apiSleutel: presentApiKey(r.apiKey), sleutel: r.key });
      },
    );

    app.get(
      '/api/v1/api-sleutels/huidig',
      { config: { auth: 'api-sleutel', tenancy: 'eigen' }, schema: { tags: ['API-sleutels'], summary: 'Welke organisatie en scopes horen bij deze API-sleutel (voor partnersystemen)', security: [{ apiSleutel: [] }], response: ok({ type: 'object', properties: { naam: { type: 'string' }, organisatie: { type: 'object', properties: { code: { type: 'string' } } }, scopes: { type: 'array', items: { type: 'string' } } } }) } },
      async (request) => {
        const a = request.actor;
        if (!a || a.kind !== 'api-sleutel') throw new AppError('NIET_INGELOGD', 'Gebruik een API-sleutel.');
        return { naam: a.name, organisatie: { code: a.organisationCode }, scopes: a.scopes };
      },
    );

    app.delete<{ Params: { id: string } }>('/api/v1/api-sleutels/:id', { config: keysAdmin, schema: { tags: ['API-sleutels'], summary: 'API-sleutel intrekken', params: s.idParams } }, async (request, reply) => {
      await apiKeys.revoke(request.actor!, request.params.id, origin(request));
      return reply.code(204).send();
    });
  };
}
