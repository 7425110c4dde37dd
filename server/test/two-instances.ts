// SPDX-License-Identifier: EUPL-1.2
// Two platform instances on one fresh database, for tests of work that must happen exactly once
// (scheduled jobs, the mail outbox): on PostgreSQL each instance has its own connection pool.
import { Writable } from 'node:stream';
import { openDatabase, openMemoryPglite, type Database } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrator.js';
import { loadSecrets } from '../src/platform/crypto.js';
import { loadConfig, type AppConfig } from '../src/platform/config.js';
import { createLogger } from '../src/platform/logging.js';
import type { PlatformDeps } from '../src/platform/deps.js';
import { createPostgresDatabase, mutableClock } from './helpers.js';

export interface Instances {
  a: PlatformDeps;
  b: PlatformDeps;
  logs: string[];
  clock: ReturnType<typeof mutableClock>;
  close(): Promise<void>;
}

/** Two platform instances on one fresh database: on PostgreSQL each with its own connection pool. */
export async function openTwoInstances(overrides: Partial<AppConfig> = {}): Promise<Instances> {
  let first: Database;
  let second: Database;
  let drop: (() => Promise<void>) | null = null;
  if (process.env.DATABASE_URL) {
    const created = await createPostgresDatabase(process.env.DATABASE_URL);
    drop = created.drop;
    first = await openDatabase({ kind: 'postgres', url: created.url });
    second = await openDatabase({ kind: 'postgres', url: created.url });
  } else {
    first = await openMemoryPglite();
    second = first;
  }
  await migrateToLatest(first.db);
  const secrets = await loadSecrets(first.db, {});
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      cb();
    },
  });
  const log = createLogger('debug', sink);
  const clock = mutableClock(new Date('2026-12-07T09:00:00Z'));
  const config = { ...loadConfig({ PORT: '0' }), webRoot: null, ...overrides };
  const base = { secrets, config, clock, log };
  return {
    a: { ...base, db: first.db, engine: first.engine },
    b: { ...base, db: second.db, engine: second.engine },
    logs,
    clock,
    async close() {
      if (second !== first) await second.close();
      await first.close();
      if (drop) await drop();
    },
  };
}
