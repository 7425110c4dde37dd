// SPDX-License-Identifier: EUPL-1.2
// Base data of the veiligheidsbeeld, seeded at every start (idempotent; existing rows, which a
// beleidsadviseur may have edited, are left alone): gemeenten with history, the group
// Tweestromenland, and the suggested mapping of codes onto the Kernbeleid fields.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { STANDAARD_GEBIEDEN, STANDAARD_INDELING } from './domain/catalogus.js';

export async function seedVeiligheidsbeeldConfig(db: Kysely<DB>): Promise<void> {
  await db
    .insertInto('vb_gebieden')
    .values(STANDAARD_GEBIEDEN.map((g) => ({ code: g.code, naam: g.naam, soort: g.soort, geldig_van: g.geldigVan, geldig_tot: g.geldigTot, opvolger: g.opvolger, leden: g.leden })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await db
    .insertInto('vb_indeling')
    .values(STANDAARD_INDELING.map((i) => ({ bron: i.bron, code: i.code, geldig_van: i.geldigVan, veld: i.veld, tags: i.tags, opmerking: i.opmerking })))
    .onConflict((oc) => oc.columns(['bron', 'code', 'geldig_van']).doNothing())
    .execute();
}
