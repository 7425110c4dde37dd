// SPDX-License-Identifier: EUPL-1.2
import path from 'node:path';

export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'postgres'; url: string };

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Claim that identifies the local user (matched against gebruikersnaam). */
  userClaim: string;
}

export interface AppConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  demo: boolean;
  /** When true, the session cookie gets the Secure flag (set behind TLS). */
  secureCookies: boolean;
  trustProxy: boolean;
  publicUrl: string;
  logLevel: string;
  oidc: OidcConfig | null;
  webRoot: string | null;
  version: string;
  /** Where uploaded files (bijlagen) are stored, encrypted. */
  filesDir: string;
  /** Outgoing mail; null = mails are not sent (kept nowhere). */
  smtp: SmtpConfig | null;
  intake: IntakeConfig;
}

export interface SmtpConfig {
  /** smtp://user:pass@host:port or smtps://… */
  url: string;
  from: string;
}

export interface IntakeConfig {
  /** Proof-of-work difficulty (ALTCHA maxnumber). */
  powMaxNumber: number;
  /** Public submissions per client per hour (in-memory, keyed hash). */
  submissionsPerHour: number;
  /** Receipt-code lookups per client per 15 minutes. */
  receiptLookupsPerWindow: number;
  /** How long an instance keeps categories, routing rules and organisation ids in memory (ms). */
  configCacheMs: number;
}

export const APP_VERSION = '0.1.0';

function truthy(v: string | undefined): boolean {
  return v !== undefined && ['1', 'true', 'ja', 'yes', 'on'].includes(v.toLowerCase());
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} moet een positief geheel getal zijn, niet "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT moet een poortnummer zijn (0–65535), niet "${env.PORT}"`);
  }
  const database: DatabaseConfig = env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL }
    : { kind: 'pglite', dataDir: path.resolve(env.KNOOPPUNT_DATA_DIR ?? 'data') };
  const oidc: OidcConfig | null = env.OIDC_ISSUER
    ? {
        issuer: env.OIDC_ISSUER,
        clientId: env.OIDC_CLIENT_ID ?? '',
        clientSecret: env.OIDC_CLIENT_SECRET ?? '',
        redirectUri: env.OIDC_REDIRECT_URI ?? `${env.KNOOPPUNT_PUBLIC_URL ?? `http://localhost:${port}`}/api/v1/sessies/oidc/terugkoppeling`,
        userClaim: env.OIDC_USER_CLAIM ?? 'preferred_username',
      }
    : null;
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    database,
    demo: truthy(env.KNOOPPUNT_DEMO),
    secureCookies: truthy(env.KNOOPPUNT_SECURE_COOKIES) || (env.KNOOPPUNT_PUBLIC_URL ?? '').startsWith('https://'),
    trustProxy: truthy(env.KNOOPPUNT_TRUST_PROXY),
    publicUrl: env.KNOOPPUNT_PUBLIC_URL ?? `http://localhost:${port}`,
    logLevel: env.LOG_LEVEL ?? 'info',
    oidc,
    webRoot: path.resolve(env.KNOOPPUNT_WEB_ROOT ?? 'dist/web'),
    version: APP_VERSION,
    filesDir: path.resolve(env.KNOOPPUNT_BESTANDEN_DIR ?? path.join(env.KNOOPPUNT_DATA_DIR ?? 'data', 'bestanden')),
    smtp: env.KNOOPPUNT_SMTP_URL ? { url: env.KNOOPPUNT_SMTP_URL, from: env.KNOOPPUNT_MAIL_AFZENDER ?? 'Knooppunt <noreply@knooppunt.example>' } : null,
    intake: {
      powMaxNumber: positiveInt(env, 'KNOOPPUNT_POW_MAXNUMBER', 50_000),
      submissionsPerHour: positiveInt(env, 'KNOOPPUNT_MELDINGEN_PER_UUR', 20),
      receiptLookupsPerWindow: positiveInt(env, 'KNOOPPUNT_ONTVANGSTCODE_POGINGEN', 10),
      configCacheMs: 10_000,
    },
    ...overrides,
  };
}
