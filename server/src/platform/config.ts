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
}

export const APP_VERSION = '0.1.0';

function truthy(v: string | undefined): boolean {
  return v !== undefined && ['1', 'true', 'ja', 'yes', 'on'].includes(v.toLowerCase());
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
    ...overrides,
  };
}
