// SPDX-License-Identifier: EUPL-1.2
// Forward-only. Never edit this file once merged: add a new migration instead.
// Veiligheidsbeeld, national scale (ADR 0008): the fact tables vb_waarden and vb_jaarcijfers lose
// their foreign keys (a per-row check made a 2.5-million-row import half again as slow; the import
// service is their only writer and creates indicator, gebied and dataset in the same transaction)
// and vb_waarden its dataset index (provenance is looked up by the value key); the catalogue gets
// an index for first/last year per indicator. The mapping onto the
// Kernbeleid fields records who set a version and when (seeded versions have neither).
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are written against the schema as it was, not the current DB type
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE vb_waarden
      DROP CONSTRAINT IF EXISTS vb_waarden_indicator_id_fkey,
      DROP CONSTRAINT IF EXISTS vb_waarden_gebied_fkey,
      DROP CONSTRAINT IF EXISTS vb_waarden_dataset_id_fkey`.execute(db);
  await sql`DROP INDEX IF EXISTS vb_waarden_dataset`.execute(db);
  await sql`
    ALTER TABLE vb_jaarcijfers
      DROP CONSTRAINT IF EXISTS vb_jaarcijfers_indicator_id_fkey,
      DROP CONSTRAINT IF EXISTS vb_jaarcijfers_gebied_fkey`.execute(db);
  // First and last year per indicator (the catalogue) as two index probes instead of a scan.
  await sql`CREATE INDEX vb_jaarcijfers_indicator_jaar ON vb_jaarcijfers (indicator_id, jaar)`.execute(db);
  await sql`
    ALTER TABLE vb_indeling
      ADD COLUMN vastgesteld_door text,
      ADD COLUMN vastgesteld_op timestamptz`.execute(db);
}
