// SPDX-License-Identifier: EUPL-1.2
import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely/migration';
import * as m20261201T0800 from './migrations/20261201T0800_create_platform.js';
import * as m20261202T0800 from './migrations/20261202T0800_create_jobs_mail.js';
import * as m20261202T0900 from './migrations/20261202T0900_create_meldingen.js';
import * as m20261203T0900 from './migrations/20261203T0900_create_veiligheidsbeeld.js';
import * as m20261204T0900 from './migrations/20261204T0900_veiligheidsbeeld_bulk_indeling.js';

/**
 * All migrations, in order. Names are timestamp + verb phrase; files are never edited once merged.
 * Listed explicitly (no directory scan) so the bundle is the same wherever it runs.
 */
const migrations: Record<string, Migration> = {
  '20261201T0800_create_platform': m20261201T0800,
  '20261202T0800_create_jobs_mail': m20261202T0800,
  '20261202T0900_create_meldingen': m20261202T0900,
  '20261203T0900_create_veiligheidsbeeld': m20261203T0900,
  '20261204T0900_veiligheidsbeeld_bulk_indeling': m20261204T0900,
};

class StaticProvider implements MigrationProvider {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(migrations);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: new StaticProvider(), migrationTableName: 'knooppunt_migraties', migrationLockTableName: 'knooppunt_migraties_lock' });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const result = await createMigrator(db).migrateToLatest();
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return result;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const all = await createMigrator(db).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}

export const knownMigrationNames = Object.keys(migrations);
