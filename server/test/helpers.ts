// SPDX-License-Identifier: EUPL-1.2
// Test harness: a fresh database per test file — in-memory PGlite by default, a new PostgreSQL
// database when DATABASE_URL is set — and helpers to create and log in users.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { openDatabase, openMemoryPglite, type Database } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrator.js';
import { loadSecrets } from '../src/platform/crypto.js';
import { seedBaseData } from '../src/platform/identity/seed.js';
import { loadConfig, type AppConfig } from '../src/platform/config.js';
import { createLogger } from '../src/platform/logging.js';
import { buildApp } from '../src/app.js';
import type { Clock, PlatformDeps } from '../src/platform/deps.js';
import { createUsersService } from '../src/platform/identity/users.service.js';
import { organisationsRepository } from '../src/platform/identity/organisations.repository.js';
import { systemActor } from '../src/platform/auth/actor.js';
import type { Role } from '../src/platform/auth/roles.js';
import { generateTotp } from '../src/platform/auth/totp.js';

export const TEST_PASSWORD = 'paard batterij nietje correct';

/** A PostgreSQL database of its own for this test file (DATABASE_URL mode). */
export async function createPostgresDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `kp_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface LogCapture {
  lines: string[];
  text(): string;
}

export interface TestPlatform {
  app: FastifyInstance;
  deps: PlatformDeps;
  database: Database;
  logs: LogCapture;
  clock: Clock & { set(d: Date): void; advance(ms: number): void };
  close(): Promise<void>;
}

export function mutableClock(start?: Date): TestPlatform['clock'] {
  let fixed: Date | null = start ?? null;
  return {
    now: () => (fixed ? new Date(fixed) : new Date()),
    set: (d: Date) => void (fixed = d),
    advance: (ms: number) => void (fixed = new Date((fixed ?? new Date()).getTime() + ms)),
  };
}

export async function createTestPlatform(overrides: Partial<AppConfig> = {}): Promise<TestPlatform> {
  let database: Database;
  let dropDb: (() => Promise<void>) | null = null;
  if (process.env.DATABASE_URL) {
    const created = await createPostgresDatabase(process.env.DATABASE_URL);
    dropDb = created.drop;
    database = await openDatabase({ kind: 'postgres', url: created.url });
  } else {
    database = await openMemoryPglite();
  }
  await migrateToLatest(database.db);
  await seedBaseData(database.db);
  const secrets = await loadSecrets(database.db, {});
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      cb();
    },
  });
  const log = createLogger('info', sink);
  const clock = mutableClock();
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-bestanden-'));
  const config: AppConfig = {
    ...loadConfig({ PORT: '0' }),
    webRoot: null,
    filesDir,
    // Light proof-of-work and generous limits, unless a test sets its own.
    intake: { powMaxNumber: 2000, submissionsPerHour: 10_000, receiptLookupsPerWindow: 10_000, configCacheMs: 0 },
    ...overrides,
  };
  const deps: PlatformDeps = { db: database.db, engine: database.engine, secrets, config, clock, log };
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    deps,
    database,
    logs: { lines, text: () => lines.join('\n') },
    clock,
    async close() {
      await app.close();
      await database.close();
      if (dropDb) await dropDb();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  totpSecret: string;
  organisationId: string;
  organisationCode: string;
}

let counter = 0;
export async function createUser(t: TestPlatform, roles: Role[], orgCode = 'GM0296', opts: { enrolTotp?: boolean } = {}): Promise<TestUser> {
  const org = await organisationsRepository.findByCode(t.deps.db, orgCode);
  if (!org) throw new Error(`org ${orgCode}`);
  const username = `test.${roles[0]}.${orgCode.toLowerCase()}.${++counter}.${crypto.randomBytes(3).toString('hex')}`;
  const r = await createUsersService(t.deps).createUser(
    systemActor('test'),
    { gebruikersnaam: username, naam: `Test ${username}`, email: `${username}@test.invalid`, organisatieId: org.id, rollen: roles, wachtwoord: TEST_PASSWORD, enrollTotp: opts.enrolTotp ?? true },
    { requestId: null, ipAddress: null },
  );
  return { id: r.user.id, username, password: TEST_PASSWORD, totpSecret: r.totpSecret ?? '', organisationId: org.id, organisationCode: org.code };
}

export interface LoggedIn {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
  response: LightMyRequestResponse;
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name.endsWith('knooppunt_sessie'));
  if (!c) throw new Error(`no session cookie (status ${res.statusCode}: ${res.body})`);
  return `${c.name}=${c.value}`;
}

/** Logs in with password and a fresh TOTP code (steps forward to avoid the replay guard). */
export async function login(t: TestPlatform, u: TestUser, ip = '203.0.113.7'): Promise<LoggedIn> {
  const now = t.clock.now().getTime();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sessies',
    remoteAddress: ip,
    payload: { gebruikersnaam: u.username, wachtwoord: u.password, ...(u.totpSecret ? { totpCode: generateTotp(u.totpSecret, now) } : {}) },
  });
  if (res.statusCode !== 201) throw new Error(`login failed ${res.statusCode}: ${res.body}`);
  const cookie = sessionCookie(res);
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  // Next login of the same user must use a later TOTP step.
  t.clock.set(new Date(now + 30_000));
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf }, response: res };
}
