// SPDX-License-Identifier: EUPL-1.2
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.js';

/**
 * Application secrets derived from one master key. Production sets KNOOPPUNT_GEHEIM (32+ random
 * bytes, base64) outside the database; without it a key is generated once and kept in the
 * `instellingen` table, which is acceptable for the embedded mode only (see docs/operations.md).
 */
export interface Secrets {
  /** HMAC key for pseudonymising data-subject ids (audit, LDV) and lockout keys. */
  pseudonymKey: Buffer;
  /** AES-256-GCM key for TOTP secrets at rest. */
  encryptionKey: Buffer;
}

function derive(master: Buffer, label: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), `knooppunt:${label}`, 32));
}

export async function loadSecrets(db: Kysely<DB>, env: NodeJS.ProcessEnv = process.env): Promise<Secrets> {
  let master: Buffer;
  if (env.KNOOPPUNT_GEHEIM) {
    master = Buffer.from(env.KNOOPPUNT_GEHEIM, 'base64');
    if (master.length < 32) throw new Error('KNOOPPUNT_GEHEIM moet minstens 32 bytes bevatten (base64)');
  } else {
    const generated = crypto.randomBytes(32).toString('base64');
    await db.insertInto('instellingen').values({ sleutel: 'hoofdsleutel', waarde: generated }).onConflict((oc) => oc.column('sleutel').doNothing()).execute();
    const row = await db.selectFrom('instellingen').select('waarde').where('sleutel', '=', 'hoofdsleutel').executeTakeFirstOrThrow();
    master = Buffer.from(row.waarde, 'base64');
  }
  return { pseudonymKey: derive(master, 'pseudoniem'), encryptionKey: derive(master, 'versleuteling') };
}

export function pseudonymise(secrets: Secrets, type: string, id: string): string {
  return crypto.createHmac('sha256', secrets.pseudonymKey).update(`${type}:${id}`).digest('base64url');
}

export function encrypt(secrets: Secrets, plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', secrets.encryptionKey, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

export function decrypt(secrets: Secrets, sealed: string): string {
  const [v, iv, tag, data] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || data === undefined) throw new Error('onbekend versleutelformaat');
  const decipher = crypto.createDecipheriv('aes-256-gcm', secrets.encryptionKey, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

export function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}
