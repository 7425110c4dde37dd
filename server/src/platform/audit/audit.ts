// SPDX-License-Identifier: EUPL-1.2
// Audit trail (BIO 8.15, ASVS V16): written explicitly, in the same transaction as the action.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Actor } from '../auth/actor.js';
import { GENESIS_HASH, chainHash, verifyRows, type ChainFields, type ChainVerdict } from './chain.js';

export type Executor = Kysely<DB> | Transaction<DB>;

export interface RequestOrigin {
  requestId: string | null;
  /** Only recorded for authenticated staff, never for public routes. */
  ipAddress: string | null;
}

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId?: string | null;
  /** Pseudonymised data-subject id (see crypto.pseudonymise), when personal data is involved. */
  subject?: string | null;
  result?: 'gelukt' | 'geweigerd' | 'mislukt';
  purpose?: string | null;
  details?: Record<string, unknown>;
}

/** PostgreSQL text and jsonb cannot hold NUL; attacker-chosen ids must not break the audit write. */
function clean<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('\u0000', '\uFFFD') as T;
  if (Array.isArray(value)) return value.map(clean) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [clean(k), clean(v)])) as T;
  return value;
}

const AUDIT_LOCK_KEY = 7_231_001; // advisory lock id serialising the chain head

function actorFields(actor: Actor | null) {
  if (!actor) return { actor_soort: 'anoniem', actor_id: null, actor_naam: null, actor_organisatie_id: null, actor_organisatie_code: null };
  switch (actor.kind) {
    case 'gebruiker':
      return { actor_soort: 'gebruiker', actor_id: actor.userId, actor_naam: actor.username, actor_organisatie_id: actor.organisationId, actor_organisatie_code: actor.organisationCode };
    case 'api-sleutel':
      return { actor_soort: 'api-sleutel', actor_id: actor.apiKeyId, actor_naam: actor.name, actor_organisatie_id: actor.organisationId, actor_organisatie_code: actor.organisationCode };
    case 'systeem':
      return { actor_soort: 'systeem', actor_id: null, actor_naam: actor.name, actor_organisatie_id: null, actor_organisatie_code: null };
  }
}

/**
 * Appends one audit row. Must be called with the transaction of the action it records, so the row
 * exists if and only if the action committed. Serialises on an advisory lock to extend the chain.
 */
export async function recordAudit(trx: Transaction<DB>, actor: Actor | null, origin: RequestOrigin, entry: AuditEntry, now: Date = new Date()): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const last = await trx.selectFrom('audit_regels').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const { rows } = await sql<{ id: number }>`SELECT nextval('audit_regels_id_seq')::int8 AS id`.execute(trx);
  const id = Number(rows[0]!.id);
  const staffIp = actor?.kind === 'gebruiker' ? origin.ipAddress : null;
  const fields: ChainFields = clean({
    id,
    tijdstip: new Date(Math.floor(now.getTime())),
    ...actorFields(actor),
    actie: entry.action,
    object_type: entry.objectType,
    object_id: entry.objectId ?? null,
    betrokkene: entry.subject ?? null,
    resultaat: entry.result ?? 'gelukt',
    request_id: origin.requestId,
    ip_adres: staffIp,
    doel: entry.purpose ?? null,
    details: entry.details ?? {},
  });
  const vorige = last?.hash ?? GENESIS_HASH;
  await trx
    .insertInto('audit_regels')
    .values({ ...fields, details: JSON.stringify(fields.details), vorige_hash: vorige, hash: chainHash(vorige, fields) })
    .execute();
}

/** Recomputes the whole chain in id order, in batches; names the first broken link. */
export async function verifyAuditChain(db: Executor, onProgress?: (done: number, total: number) => void, batchSize = 5000): Promise<ChainVerdict> {
  const totalRow = await db.selectFrom('audit_regels').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(totalRow.n);
  const state = { previous: GENESIS_HASH, count: 0 };
  let afterId = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_regels').selectAll().where('id', '>', afterId).orderBy('id').limit(batchSize).execute();
    if (rows.length === 0) break;
    const verdict = verifyRows(rows, state);
    if (verdict) return verdict;
    afterId = rows[rows.length - 1]!.id;
    onProgress?.(state.count, total);
  }
  return { ok: true, count: state.count, head: state.previous };
}
