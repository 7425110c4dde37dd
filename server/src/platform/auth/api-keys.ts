// SPDX-License-Identifier: EUPL-1.2
// Per-organisation API keys for partner systems: `kp_<prefix>_<secret>`, only a SHA-256 at rest
// (the secret has 256 bits, so a slow hash adds nothing), scoped, revocable, last use recorded.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { sha256 } from '../crypto.js';
import type { ApiKeyActor } from './actor.js';
import { API_SCOPES, type ApiScope } from './roles.js';

export function newApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = crypto.randomBytes(6).toString('hex');
  const key = `kp_${prefix}_${crypto.randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: sha256(key) };
}

const KEY_FORMAT = /^kp_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/;

export async function resolveApiKey(db: Kysely<DB>, key: string, now: Date): Promise<ApiKeyActor | null> {
  const m = KEY_FORMAT.exec(key);
  if (!m) return null;
  const row = await db
    .selectFrom('api_sleutels as k')
    .innerJoin('organisaties as o', 'o.id', 'k.organisatie_id')
    .select(['k.id', 'k.naam', 'k.sleutel_hash', 'k.scopes', 'k.ingetrokken_op', 'k.laatst_gebruikt_op', 'k.organisatie_id', 'o.code', 'o.actief'])
    .where('k.prefix', '=', m[1]!)
    .executeTakeFirst();
  if (!row || row.ingetrokken_op || !row.actief) return null;
  const a = Buffer.from(row.sleutel_hash, 'hex');
  const b = Buffer.from(sha256(key), 'hex');
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) return null;
  if (!row.laatst_gebruikt_op || now.getTime() - row.laatst_gebruikt_op.getTime() > 60_000) {
    await db.updateTable('api_sleutels').set({ laatst_gebruikt_op: now }).where('id', '=', row.id).execute();
  }
  return {
    kind: 'api-sleutel',
    apiKeyId: row.id,
    name: row.naam,
    organisationId: row.organisatie_id,
    organisationCode: row.code,
    scopes: row.scopes.filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s)),
  };
}
