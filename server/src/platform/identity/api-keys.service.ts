// SPDX-License-Identifier: EUPL-1.2
import type { PlatformDeps } from '../deps.js';
import { AppError, notFound } from '../http/errors.js';
import { recordAudit, type RequestOrigin } from '../audit/audit.js';
import type { Actor } from '../auth/actor.js';
import { can, scopeFor } from '../auth/policy.js';
import { newApiKey } from '../auth/api-keys.js';
import type { ApiScope } from '../auth/roles.js';
import { organisationsRepository } from './organisations.repository.js';

export function createApiKeysService(deps: PlatformDeps) {
  const base = () =>
    deps.db
      .selectFrom('api_sleutels as k')
      .innerJoin('organisaties as o', 'o.id', 'k.organisatie_id')
      .select(['k.id', 'k.naam', 'k.prefix', 'k.scopes', 'k.organisatie_id', 'k.aangemaakt_op', 'k.laatst_gebruikt_op', 'k.ingetrokken_op', 'o.code as org_code', 'o.naam as org_naam']);

  return {
    async list(actor: Actor) {
      const scope = scopeFor(actor, 'api-sleutels:beheren');
      let q = base().orderBy('k.aangemaakt_op', 'desc');
      if (scope.kind === 'organisatie') q = q.where('k.organisatie_id', '=', scope.organisationId);
      return q.execute();
    },

    async create(actor: Actor, input: { naam: string; scopes: ApiScope[]; organisatieId?: string | undefined; organisatieCode?: string | undefined }, origin: RequestOrigin) {
      const org = input.organisatieCode
        ? await organisationsRepository.findByCode(deps.db, input.organisatieCode)
        : input.organisatieId
          ? await organisationsRepository.findById(deps.db, input.organisatieId)
          : actor.kind === 'gebruiker'
            ? await organisationsRepository.findById(deps.db, actor.organisationId)
            : undefined;
      if (!org || !can(actor, 'api-sleutels:beheren', { organisationId: org.id })) {
        throw new AppError('ONGELDIGE_INVOER', 'Een of meer velden zijn niet goed ingevuld.', [{ veld: 'organisatieId', melding: 'Onbekende organisatie, of u beheert deze organisatie niet.' }]);
      }
      const { key, prefix, hash } = newApiKey();
      const now = deps.clock.now();
      const id = await deps.db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('api_sleutels')
          .values({ organisatie_id: org.id, naam: input.naam, prefix, sleutel_hash: hash, scopes: input.scopes, aangemaakt_door: actor.kind === 'gebruiker' ? actor.userId : null, aangemaakt_op: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, origin, { action: 'api-sleutel-aangemaakt', objectType: 'api-sleutel', objectId: row.id, details: { organisatie: org.code, scopes: input.scopes } }, now);
        return row.id;
      });
      const created = await base().where('k.id', '=', id).executeTakeFirstOrThrow();
      return { apiKey: created, key };
    },

    async revoke(actor: Actor, id: string, origin: RequestOrigin) {
      const key = /^[0-9a-f-]{36}$/i.test(id) ? await base().where('k.id', '=', id).executeTakeFirst() : undefined;
      if (!key || !can(actor, 'api-sleutels:beheren', { organisationId: key.organisatie_id })) {
        await deps.db.transaction().execute((trx) => recordAudit(trx, actor, origin, { action: 'api-sleutel-niet-gevonden', objectType: 'api-sleutel', objectId: id.slice(0, 64), result: 'geweigerd' }, deps.clock.now()));
        throw notFound('Deze API-sleutel bestaat niet of valt buiten uw organisatie.');
      }
      const now = deps.clock.now();
      await deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('api_sleutels').set({ ingetrokken_op: now }).where('id', '=', id).where('ingetrokken_op', 'is', null).execute();
        await recordAudit(trx, actor, origin, { action: 'api-sleutel-ingetrokken', objectType: 'api-sleutel', objectId: id }, now);
      });
    },
  };
}

export type ApiKeysRow = Awaited<ReturnType<ReturnType<typeof createApiKeysService>['list']>>[number];

export const presentApiKey = (k: ApiKeysRow) => ({
  id: k.id,
  naam: k.naam,
  prefix: k.prefix,
  scopes: k.scopes,
  organisatie: { id: k.organisatie_id, code: k.org_code, naam: k.org_naam },
  aangemaaktOp: k.aangemaakt_op.toISOString(),
  laatstGebruiktOp: k.laatst_gebruikt_op?.toISOString() ?? null,
  ingetrokkenOp: k.ingetrokken_op?.toISOString() ?? null,
});
