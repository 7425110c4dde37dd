// SPDX-License-Identifier: EUPL-1.2
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AppConfig } from './config.js';
import type { DB } from './db/schema.js';
import type { Engine } from './db/database.js';
import type { Secrets } from './crypto.js';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** The small set of platform services handed to every module. */
export interface PlatformDeps {
  db: Kysely<DB>;
  engine: Engine;
  secrets: Secrets;
  config: AppConfig;
  clock: Clock;
  log: Logger;
}
