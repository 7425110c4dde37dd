// SPDX-License-Identifier: EUPL-1.2
// Opening the platform: database (with lock), migrations, secrets, base data.
import type { Logger } from 'pino';
import type { AppConfig } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrator.js';
import { loadSecrets } from './crypto.js';
import { seedBaseData } from './identity/seed.js';
import { systemClock, type PlatformDeps } from './deps.js';

export interface Platform {
  database: Database;
  deps: PlatformDeps;
}

export async function openPlatform(config: AppConfig, log: Logger, opts: { migrate?: boolean; seed?: boolean } = {}): Promise<Platform> {
  const database = await openDatabase(config.database);
  try {
    if (opts.migrate !== false) {
      const result = await migrateToLatest(database.db);
      for (const r of result.results ?? []) log.info({ migratie: r.migrationName, status: r.status }, 'migratie uitgevoerd');
    }
    const secrets = await loadSecrets(database.db);
    if (opts.seed !== false) await seedBaseData(database.db);
    return { database, deps: { db: database.db, engine: database.engine, secrets, config, clock: systemClock, log } };
  } catch (err) {
    await database.close();
    throw err;
  }
}
