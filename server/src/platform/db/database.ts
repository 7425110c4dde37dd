// SPDX-License-Identifier: EUPL-1.2
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { DatabaseConfig } from '../config.js';
import type { DB } from './schema.js';
import { acquireDirLock, type DirLock } from './lock.js';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** CHECKPOINT (PGlite), close connections, release the data-directory lock. */
  close(): Promise<void>;
}

const INT8_OID = 20;

// int8 (bigserial ids, counts) as JS numbers on both engines; values stay far below 2^53.
pg.types.setTypeParser(INT8_OID, (v: string) => Number(v));

function pgliteOptions() {
  return {
    extensions: { pg_trgm, unaccent },
    parsers: { [INT8_OID]: (v: string) => Number(v) },
  };
}

/**
 * Opens PGlite on `<dataDir>/pgdata`. A first initialisation happens in a temporary sibling
 * directory that is renamed into place only when complete, so a process killed during initdb
 * never leaves an unopenable data directory behind.
 */
export async function openPglite(dataDir: string): Promise<{ pglite: PGlite; lock: DirLock }> {
  const lock = acquireDirLock(dataDir);
  try {
    const pgdata = path.join(dataDir, 'pgdata');
    for (const entry of fs.readdirSync(dataDir)) {
      if (entry.startsWith('pgdata.init-')) fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
    }
    if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
      if (fs.existsSync(pgdata)) fs.rmSync(pgdata, { recursive: true, force: true });
      const tmp = path.join(dataDir, `pgdata.init-${process.pid}`);
      const init = await PGlite.create(tmp, pgliteOptions());
      await init.exec('CHECKPOINT');
      await init.close();
      fs.renameSync(tmp, pgdata);
    }
    const pglite = await PGlite.create(pgdata, pgliteOptions());
    return { pglite, lock };
  } catch (err) {
    lock.release();
    throw err;
  }
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    // An idle connection that the server drops (restart, failover, admin shutdown) must not crash
    // the process; the pool replaces it on the next checkout.
    pool.on('error', (err: Error & { code?: string }) => {
      process.emitWarning(`PostgreSQL-verbinding verbroken (${err.code ?? 'onbekend'}); de pool maakt een nieuwe`, 'KnooppuntDatabaseWarning');
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      engine: 'postgres',
      async close() {
        await db.destroy();
      },
    };
  }
  const { pglite, lock } = await openPglite(config.dataDir);
  return wrapPglite(pglite, lock);
}

/** In-memory PGlite, for tests. */
export async function openMemoryPglite(): Promise<Database> {
  const pglite = await PGlite.create(pgliteOptions());
  return wrapPglite(pglite, null);
}

function wrapPglite(pglite: PGlite, lock: DirLock | null): Database {
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  let closed = false;
  return {
    db,
    engine: 'pglite',
    async close() {
      if (closed) return;
      closed = true;
      try {
        if (!pglite.closed) {
          await sql`CHECKPOINT`.execute(db).catch(() => undefined);
          await db.destroy();
          if (!pglite.closed) await pglite.close();
        }
      } finally {
        lock?.release();
      }
    },
  };
}
