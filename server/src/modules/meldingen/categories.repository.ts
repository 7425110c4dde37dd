// SPDX-License-Identifier: EUPL-1.2
// Category configuration and routing rules: reading, seeding defaults, changing.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { DEFAULT_CATEGORIES, DEFAULT_ROUTING_RULES, type CategoryConfig, type Question, type RetentionTerms, type StandardTexts } from './domain/categories.js';
import type { RoutingRule } from './domain/routing.js';
import type { CategorieRow } from './schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

function parse<T>(v: unknown, fallback: T): T {
  if (v === null || v === undefined) return fallback;
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

export function toCategory(row: CategorieRow): CategoryConfig & { actief: boolean } {
  return {
    id: row.id,
    hoofdcategorieId: row.hoofdcategorie_id,
    kanaal: row.kanaal,
    naam: row.naam,
    hulptekst: row.hulptekst,
    volgorde: row.volgorde,
    actief: row.actief,
    vragen: parse<Question[]>(row.vragen, []),
    termijn: { aantal: row.termijn_aantal, eenheid: row.termijn_eenheid },
    standaardteksten: parse<StandardTexts>(row.standaardteksten, {}),
    bewaartermijnen: parse<RetentionTerms>(row.bewaartermijnen, { contactWissenNaMaanden: 12, verwijderenNaMaanden: 60, verwijderenZonderVervolgNaMaanden: 60 }),
  };
}

export type Category = ReturnType<typeof toCategory>;

export async function listCategories(db: Executor): Promise<Category[]> {
  const rows = await db.selectFrom('meldingcategorieen').selectAll().orderBy('volgorde').orderBy('id').execute();
  return rows.map(toCategory);
}

export async function findCategory(db: Executor, id: string): Promise<Category | null> {
  const row = await db.selectFrom('meldingcategorieen').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCategory(row) : null;
}

export async function listRoutingRules(db: Executor): Promise<RoutingRule[]> {
  const rows = await db.selectFrom('routeringsregels').selectAll().orderBy('volgorde').execute();
  return rows.map((r) => ({
    volgorde: r.volgorde,
    kanaal: r.kanaal,
    categorieId: r.categorie_id,
    gemeenteCode: r.gemeente_code,
    postcodeVan: r.postcode_van,
    postcodeTot: r.postcode_tot,
    team: r.team,
    actief: r.actief,
  }));
}

function categoryValues(c: CategoryConfig) {
  return {
    id: c.id,
    hoofdcategorie_id: c.hoofdcategorieId,
    kanaal: c.kanaal,
    naam: c.naam,
    hulptekst: c.hulptekst,
    volgorde: c.volgorde,
    vragen: JSON.stringify(c.vragen),
    termijn_aantal: c.termijn.aantal,
    termijn_eenheid: c.termijn.eenheid,
    standaardteksten: JSON.stringify(c.standaardteksten),
    bewaartermijnen: JSON.stringify(c.bewaartermijnen),
  };
}

/** Idempotent: inserts missing default categories; routing rules only on an empty table. */
export async function seedMeldingenConfig(db: Kysely<DB>): Promise<void> {
  const mains = DEFAULT_CATEGORIES.filter((c) => c.hoofdcategorieId === null);
  const leaves = DEFAULT_CATEGORIES.filter((c) => c.hoofdcategorieId !== null);
  for (const group of [mains, leaves]) {
    await db.insertInto('meldingcategorieen').values(group.map(categoryValues)).onConflict((oc) => oc.column('id').doNothing()).execute();
  }
  const existing = await db.selectFrom('routeringsregels').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  if (Number(existing.n) === 0) {
    await db
      .insertInto('routeringsregels')
      .values(DEFAULT_ROUTING_RULES.map((r) => ({ volgorde: r.volgorde, kanaal: r.kanaal, categorie_id: r.categorieId, gemeente_code: r.gemeenteCode, team: r.team })))
      .execute();
  }
}

export async function updateCategory(trx: Transaction<DB>, c: CategoryConfig & { actief: boolean }): Promise<void> {
  const { id, ...values } = categoryValues(c);
  await trx
    .updateTable('meldingcategorieen')
    .set({ ...values, actief: c.actief, bijgewerkt_op: new Date() })
    .where('id', '=', id)
    .execute();
}
