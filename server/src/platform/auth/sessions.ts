// SPDX-License-Identifier: EUPL-1.2
// Server-side sessions in the database (shared by every app instance). The cookie holds a random
// token; the table holds only its SHA-256. 30 minutes idle, 12 hours absolute.
import type { Kysely, Transaction } from 'kysely';
import type { DB, Sessie } from '../db/schema.js';
import { randomToken, sha256 } from '../crypto.js';

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
const TOUCH_INTERVAL_MS = 60 * 1000;

export type SessionStatus = 'actief' | 'mfa-inschrijving';

export async function createSession(
  trx: Transaction<DB> | Kysely<DB>,
  input: { userId: string; organisationId: string; status: SessionStatus; ipAddress: string | null; now: Date },
): Promise<{ token: string; session: Sessie }> {
  const token = randomToken(32);
  const session = await trx
    .insertInto('sessies')
    .values({
      id: sha256(token),
      publiek_id: randomToken(12),
      gebruiker_id: input.userId,
      organisatie_id: input.organisationId,
      status: input.status,
      csrf_token: randomToken(24),
      aangemaakt_op: input.now,
      laatst_actief_op: input.now,
      verloopt_op: new Date(input.now.getTime() + ABSOLUTE_TIMEOUT_MS),
      ip_adres: input.ipAddress,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { token, session };
}

export interface ResolvedSession {
  session: Sessie;
  user: { id: string; gebruikersnaam: string; naam: string; email: string; rollen: string[]; moet_wachtwoord_wijzigen: boolean };
  organisation: { id: string; code: string; naam: string; soort: string };
}

export async function resolveSession(db: Kysely<DB>, token: string, now: Date): Promise<ResolvedSession | null> {
  const row = await db
    .selectFrom('sessies as s')
    .innerJoin('gebruikers as g', 'g.id', 's.gebruiker_id')
    .innerJoin('organisaties as o', 'o.id', 'g.organisatie_id')
    .selectAll('s')
    .select(['g.gebruikersnaam', 'g.naam', 'g.email', 'g.rollen', 'g.actief as gebruiker_actief', 'g.moet_wachtwoord_wijzigen', 'o.code as org_code', 'o.naam as org_naam', 'o.soort as org_soort', 'o.actief as org_actief'])
    .where('s.id', '=', sha256(token))
    .executeTakeFirst();
  if (!row) return null;
  if (row.beeindigd_op || !row.gebruiker_actief || !row.org_actief) return null;
  if (row.verloopt_op.getTime() <= now.getTime()) return null;
  if (now.getTime() - row.laatst_actief_op.getTime() > IDLE_TIMEOUT_MS) return null;
  if (now.getTime() - row.laatst_actief_op.getTime() > TOUCH_INTERVAL_MS) {
    await db.updateTable('sessies').set({ laatst_actief_op: now }).where('id', '=', row.id).execute();
    row.laatst_actief_op = now;
  }
  const session: Sessie = {
    id: row.id, publiek_id: row.publiek_id, gebruiker_id: row.gebruiker_id, organisatie_id: row.organisatie_id, status: row.status,
    csrf_token: row.csrf_token, aangemaakt_op: row.aangemaakt_op, laatst_actief_op: row.laatst_actief_op, verloopt_op: row.verloopt_op,
    beeindigd_op: row.beeindigd_op, ip_adres: row.ip_adres,
  };
  return {
    session,
    user: { id: row.gebruiker_id, gebruikersnaam: row.gebruikersnaam, naam: row.naam, email: row.email, rollen: row.rollen, moet_wachtwoord_wijzigen: row.moet_wachtwoord_wijzigen },
    organisation: { id: row.organisatie_id, code: row.org_code, naam: row.org_naam, soort: row.org_soort },
  };
}

export async function endSession(trx: Transaction<DB> | Kysely<DB>, sessionId: string, now: Date): Promise<void> {
  await trx.updateTable('sessies').set({ beeindigd_op: now }).where('id', '=', sessionId).where('beeindigd_op', 'is', null).execute();
}

export async function endUserSessions(trx: Transaction<DB> | Kysely<DB>, userId: string, now: Date): Promise<number> {
  const r = await trx.updateTable('sessies').set({ beeindigd_op: now }).where('gebruiker_id', '=', userId).where('beeindigd_op', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function listActiveSessions(db: Kysely<DB>, userId: string, now: Date) {
  return db
    .selectFrom('sessies')
    .select(['id', 'publiek_id', 'aangemaakt_op', 'laatst_actief_op', 'verloopt_op'])
    .where('gebruiker_id', '=', userId)
    .where('beeindigd_op', 'is', null)
    .where('verloopt_op', '>', now)
    .where('laatst_actief_op', '>', new Date(now.getTime() - IDLE_TIMEOUT_MS))
    .orderBy('aangemaakt_op', 'desc')
    .execute();
}
