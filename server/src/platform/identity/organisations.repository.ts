// SPDX-License-Identifier: EUPL-1.2
import type { Kysely, Transaction } from 'kysely';
import type { DB, Organisatie } from '../db/schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** Organisations are the tenants themselves; their list (code, name, kind) is not tenant data. */
export const organisationsRepository = {
  list(db: Executor): Promise<Organisatie[]> {
    return db.selectFrom('organisaties').selectAll().where('actief', '=', true).orderBy('soort').orderBy('naam').execute();
  },
  findById(db: Executor, id: string): Promise<Organisatie | undefined> {
    return db.selectFrom('organisaties').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findByCode(db: Executor, code: string): Promise<Organisatie | undefined> {
    return db.selectFrom('organisaties').selectAll().where('code', '=', code.toUpperCase()).executeTakeFirst();
  },
};
