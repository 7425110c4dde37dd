// SPDX-License-Identifier: EUPL-1.2
// Pure hash-chain logic for the audit trail: hash = SHA-256(previous hash ‖ canonical row).
import crypto from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainFields {
  id: number;
  tijdstip: Date;
  actor_soort: string;
  actor_id: string | null;
  actor_naam: string | null;
  actor_organisatie_id: string | null;
  actor_organisatie_code: string | null;
  actie: string;
  object_type: string;
  object_id: string | null;
  betrokkene: string | null;
  resultaat: string;
  request_id: string | null;
  ip_adres: string | null;
  doel: string | null;
  details: unknown;
}

/** JSON with object keys sorted at every level, so jsonb's key reordering does not matter. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .filter((k) => obj[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

export function canonicalRow(row: ChainFields): string {
  return canonicalJson([
    row.id,
    row.tijdstip.toISOString(),
    row.actor_soort,
    row.actor_id,
    row.actor_naam,
    row.actor_organisatie_id,
    row.actor_organisatie_code,
    row.actie,
    row.object_type,
    row.object_id,
    row.betrokkene,
    row.resultaat,
    row.request_id,
    row.ip_adres,
    row.doel,
    row.details ?? {},
  ]);
}

export function chainHash(previousHash: string, row: ChainFields): string {
  return crypto.createHash('sha256').update(previousHash).update('\n').update(canonicalRow(row)).digest('hex');
}

export type ChainVerdict = { ok: true; count: number; head: string } | { ok: false; count: number; brokenAt: number; reason: string };

/** Checks rows given in id order, continuing from `previous`. */
export function verifyRows(
  rows: Iterable<ChainFields & { vorige_hash: string; hash: string }>,
  state: { previous: string; count: number },
): ChainVerdict | null {
  for (const row of rows) {
    if (row.vorige_hash !== state.previous) {
      return { ok: false, count: state.count, brokenAt: row.id, reason: 'vorige_hash sluit niet aan op de voorgaande regel (regel verwijderd, ingevoegd of verplaatst)' };
    }
    const expected = chainHash(state.previous, row);
    if (expected !== row.hash) {
      return { ok: false, count: state.count, brokenAt: row.id, reason: 'inhoud van de regel komt niet overeen met de hash (regel gewijzigd)' };
    }
    state.previous = row.hash;
    state.count++;
  }
  return null;
}
