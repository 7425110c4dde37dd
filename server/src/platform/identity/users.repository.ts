// SPDX-License-Identifier: EUPL-1.2
// Users are tenant-owned: every read and write takes a TenantScope, so an unscoped query cannot be written.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, Gebruiker, GebruikerUpdate, NewGebruiker } from '../db/schema.js';
import type { TenantScope } from '../auth/policy.js';

type Executor = Kysely<DB> | Transaction<DB>;

export interface UserWithOrganisation extends Gebruiker {
  org_code: string;
  org_naam: string;
}

function scoped(db: Executor, scope: TenantScope) {
  const q = db
    .selectFrom('gebruikers as g')
    .innerJoin('organisaties as o', 'o.id', 'g.organisatie_id')
    .selectAll('g')
    .select(['o.code as org_code', 'o.naam as org_naam']);
  return scope.kind === 'alle' ? q : q.where('g.organisatie_id', '=', scope.organisationId);
}

export const usersRepository = {
  list(db: Executor, scope: TenantScope): Promise<UserWithOrganisation[]> {
    return scoped(db, scope).orderBy('o.naam').orderBy('g.naam').execute();
  },
  findById(db: Executor, scope: TenantScope, id: string): Promise<UserWithOrganisation | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return Promise.resolve(undefined);
    return scoped(db, scope).where('g.id', '=', id).executeTakeFirst();
  },
  findByUsername(db: Executor, scope: TenantScope, username: string): Promise<UserWithOrganisation | undefined> {
    return scoped(db, scope).where(sql`lower(g.gebruikersnaam)`, '=', username.toLowerCase()).executeTakeFirst();
  },
  async insert(db: Executor, scope: TenantScope, user: NewGebruiker): Promise<Gebruiker> {
    if (scope.kind === 'organisatie' && user.organisatie_id !== scope.organisationId) throw new Error('gebruiker buiten de eigen organisatie');
    return db.insertInto('gebruikers').values(user).returningAll().executeTakeFirstOrThrow();
  },
  async update(db: Executor, scope: TenantScope, id: string, patch: GebruikerUpdate): Promise<Gebruiker | undefined> {
    let q = db.updateTable('gebruikers').set(patch).where('id', '=', id);
    if (scope.kind === 'organisatie') q = q.where('organisatie_id', '=', scope.organisationId);
    return q.returningAll().executeTakeFirst();
  },
  async countAdministrators(db: Executor): Promise<number> {
    const r = await db
      .selectFrom('gebruikers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(sql<boolean>`'functioneel-beheerder' = ANY(rollen)`)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
};
