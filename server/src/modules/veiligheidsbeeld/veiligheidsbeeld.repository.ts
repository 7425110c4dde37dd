// SPDX-License-Identifier: EUPL-1.2
// SQL of the veiligheidsbeeld. Aggregates only (no personal data, no tenant rows): the tables are
// shared by the six gemeenten, so no TenantScope. Functions take an executor so the import service
// composes one transaction.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Bron, Gebied, Indeling, Veld } from './domain/catalogus.js';
import type { Inwoners, Waarde } from './domain/invoer.js';

type Executor = Kysely<DB> | Transaction<DB>;
const BATCH = 1000;


export async function loadGebieden(db: Executor): Promise<Map<string, Gebied>> {
  const rows = await db.selectFrom('vb_gebieden').selectAll().orderBy('code').execute();
  return new Map(rows.map((r) => [r.code, { code: r.code, naam: r.naam, soort: r.soort, geldigVan: r.geldig_van, geldigTot: r.geldig_tot, opvolger: r.opvolger, leden: r.leden }]));
}

export async function loadIndeling(db: Executor): Promise<Indeling[]> {
  const rows = await db.selectFrom('vb_indeling').selectAll().execute();
  return rows.map((r) => ({ bron: r.bron as Bron, code: r.code, veld: (r.veld as Veld | null) ?? null, tags: r.tags, geldigVan: r.geldig_van, opmerking: r.opmerking }));
}

/** Gemeenten not in the history table yet (e.g. a national file) are added as current codes. */
export async function ensureGemeenten(trx: Executor, gemeenten: ReadonlyMap<string, string | null>): Promise<number> {
  const values = [...gemeenten].map(([code, naam]) => ({ code, naam: naam ?? code, soort: 'gemeente' as const }));
  let n = 0;
  for (let i = 0; i < values.length; i += BATCH) {
    const r = await trx.insertInto('vb_gebieden').values(values.slice(i, i + BATCH)).onConflict((oc) => oc.column('code').doNothing()).returning('code').execute();
    n += r.length;
  }
  return n;
}

export interface IndicatorInvoer {
  bron: Bron;
  code: string;
  naam: string;
  /** The name comes from the file (and then replaces a stored fallback name). */
  naamUitBestand: boolean;
  eenheid: string;
}

/** Creates missing indicators, updates names carried by the file; returns ids by `bron|code` and the number of renamed ones. */
export async function upsertIndicatoren(trx: Executor, items: readonly IndicatorInvoer[]): Promise<{ ids: Map<string, number>; hernoemd: number }> {
  let hernoemd = 0;
  for (let i = 0; i < items.length; i += BATCH) {
    const chunk = items.slice(i, i + BATCH);
    const named = chunk.filter((x) => x.naamUitBestand).map(({ bron, code, naam, eenheid }) => ({ bron, code, naam, eenheid }));
    const plain = chunk.filter((x) => !x.naamUitBestand).map(({ bron, code, naam, eenheid }) => ({ bron, code, naam, eenheid }));
    if (plain.length) await trx.insertInto('vb_indicatoren').values(plain).onConflict((oc) => oc.columns(['bron', 'code']).doNothing()).execute();
    if (named.length) {
      const before = await trx.selectFrom('vb_indicatoren').select(['bron', 'code', 'naam']).where((eb) => eb.or(named.map((n) => eb.and([eb('bron', '=', n.bron), eb('code', '=', n.code)])))).execute();
      const old = new Map(before.map((b) => [`${b.bron}|${b.code}`, b.naam]));
      hernoemd += named.filter((n) => old.has(`${n.bron}|${n.code}`) && old.get(`${n.bron}|${n.code}`) !== n.naam).length;
      await trx
        .insertInto('vb_indicatoren')
        .values(named)
        .onConflict((oc) => oc.columns(['bron', 'code']).doUpdateSet({ naam: (eb) => eb.ref('excluded.naam') }).where(sql<boolean>`vb_indicatoren.naam IS DISTINCT FROM excluded.naam`))
        .execute();
    }
  }
  const ids = new Map<string, number>();
  const bronnen = [...new Set(items.map((x) => x.bron))];
  for (const bron of bronnen) {
    const codes = items.filter((x) => x.bron === bron).map((x) => x.code);
    for (let i = 0; i < codes.length; i += BATCH) {
      const rows = await trx.selectFrom('vb_indicatoren').select(['id', 'code']).where('bron', '=', bron).where('code', 'in', codes.slice(i, i + BATCH)).execute();
      for (const r of rows) ids.set(`${bron}|${r.code}`, r.id);
    }
  }
  return { ids, hernoemd };
}

export interface Telling {
  nieuw: number;
  gewijzigd: number;
}

/** Upsert on (indicator, gebied, jaar, maand); a row whose value is unchanged is not touched. */
export async function upsertWaarden(trx: Executor, waarden: readonly Waarde[], ids: ReadonlyMap<string, number>, datasetId: string, now: Date, onProgress?: (klaar: number) => void): Promise<Telling> {
  const t: Telling = { nieuw: 0, gewijzigd: 0 };
  for (let i = 0; i < waarden.length; i += BATCH) {
    const rows = waarden.slice(i, i + BATCH).map((w) => ({ indicator_id: ids.get(`${w.bron}|${w.code}`)!, gebied: w.gebied, jaar: w.jaar, maand: w.maand, aantal: w.aantal, dataset_id: datasetId, bijgewerkt_op: now }));
    const res = await trx
      .insertInto('vb_waarden')
      .values(rows)
      .onConflict((oc) =>
        oc
          .columns(['indicator_id', 'gebied', 'jaar', 'maand'])
          .doUpdateSet({ aantal: (eb) => eb.ref('excluded.aantal'), dataset_id: (eb) => eb.ref('excluded.dataset_id'), bijgewerkt_op: (eb) => eb.ref('excluded.bijgewerkt_op') })
          .where(sql<boolean>`vb_waarden.aantal IS DISTINCT FROM excluded.aantal`),
      )
      .returning(sql<boolean>`(xmax = 0)`.as('nieuw'))
      .execute();
    for (const r of res) {
      if (r.nieuw) t.nieuw++;
      else t.gewijzigd++;
    }
    onProgress?.(Math.min(i + BATCH, waarden.length));
  }
  return t;
}

export async function upsertBevolking(trx: Executor, rows: readonly Inwoners[], bron: string, datasetId: string, now: Date): Promise<Telling> {
  const t: Telling = { nieuw: 0, gewijzigd: 0 };
  for (let i = 0; i < rows.length; i += BATCH) {
    const res = await trx
      .insertInto('vb_bevolking')
      .values(rows.slice(i, i + BATCH).map((b) => ({ gebied: b.gebied, jaar: b.jaar, aantal: b.aantal, bron, dataset_id: datasetId, bijgewerkt_op: now })))
      .onConflict((oc) =>
        oc
          .columns(['gebied', 'jaar'])
          .doUpdateSet({ aantal: (eb) => eb.ref('excluded.aantal'), bron: (eb) => eb.ref('excluded.bron'), dataset_id: (eb) => eb.ref('excluded.dataset_id'), bijgewerkt_op: (eb) => eb.ref('excluded.bijgewerkt_op') })
          .where(sql<boolean>`vb_bevolking.aantal IS DISTINCT FROM excluded.aantal`),
      )
      .returning(sql<boolean>`(xmax = 0)`.as('nieuw'))
      .execute();
    for (const r of res) {
      if (r.nieuw) t.nieuw++;
      else t.gewijzigd++;
    }
  }
  return t;
}

/**
 * Recomputes the yearly aggregate for a region of keys (any superset of the changed keys is
 * correct): a delivered year row wins; otherwise the sum of the months, unknown when one month is.
 */
export async function herberekenJaarcijfers(trx: Executor, indicatorIds: readonly number[], gebieden: readonly string[], jaren: readonly number[]): Promise<void> {
  if (!indicatorIds.length || !gebieden.length || !jaren.length) return;
  const lo = Math.min(...jaren);
  const hi = Math.max(...jaren);
  for (let i = 0; i < indicatorIds.length; i += 200) {
    const ids = indicatorIds.slice(i, i + 200);
    await trx.deleteFrom('vb_jaarcijfers').where('indicator_id', 'in', ids).where('gebied', 'in', [...gebieden]).where('jaar', '>=', lo).where('jaar', '<=', hi).execute();
    await sql`
      INSERT INTO vb_jaarcijfers (indicator_id, gebied, jaar, aantal, maanden)
      SELECT indicator_id, gebied, jaar,
        CASE WHEN bool_or(maand IS NULL) THEN max(aantal) FILTER (WHERE maand IS NULL)
             WHEN bool_or(aantal IS NULL) THEN NULL
             ELSE sum(aantal)::int END,
        CASE WHEN bool_or(maand IS NULL) THEN 12 ELSE count(*) END
      FROM vb_waarden
      WHERE indicator_id IN (${sql.join(ids)}) AND gebied IN (${sql.join([...gebieden])}) AND jaar BETWEEN ${lo} AND ${hi}
      GROUP BY indicator_id, gebied, jaar`.execute(trx);
  }
}

// ---------- reads ----------

export async function findIndicatoren(db: Executor, code: string) {
  return db.selectFrom('vb_indicatoren').selectAll().where('code', '=', code).execute();
}

export async function listIndicatoren(db: Executor) {
  return db
    .selectFrom('vb_indicatoren as i')
    .leftJoin(
      (eb) => eb.selectFrom('vb_jaarcijfers').select(['indicator_id', sql<number>`min(jaar)`.as('van'), sql<number>`max(jaar)`.as('tot')]).groupBy('indicator_id').as('j'),
      (join) => join.onRef('j.indicator_id', '=', 'i.id'),
    )
    .select(['i.id', 'i.bron', 'i.code', 'i.naam', 'i.eenheid', 'j.van', 'j.tot'])
    .orderBy('i.bron')
    .orderBy('i.code')
    .execute();
}

export async function jaarcijfers(db: Executor, indicatorId: number, gebieden: readonly string[], van: number, tot: number) {
  if (!gebieden.length) return [];
  return db.selectFrom('vb_jaarcijfers').select(['gebied', 'jaar', 'aantal', 'maanden']).where('indicator_id', '=', indicatorId).where('gebied', 'in', [...gebieden]).where('jaar', '>=', van).where('jaar', '<=', tot).execute();
}

export async function jarenVan(db: Executor, indicatorId: number, gebieden: readonly string[]): Promise<{ van: number | null; tot: number | null }> {
  if (!gebieden.length) return { van: null, tot: null };
  const r = await db.selectFrom('vb_jaarcijfers').select([sql<number | null>`min(jaar)`.as('van'), sql<number | null>`max(jaar)`.as('tot')]).where('indicator_id', '=', indicatorId).where('gebied', 'in', [...gebieden]).executeTakeFirst();
  return { van: r?.van ?? null, tot: r?.tot ?? null };
}

export async function bevolking(db: Executor, gebieden: readonly string[], van: number, tot: number) {
  if (!gebieden.length) return [];
  return db.selectFrom('vb_bevolking').select(['gebied', 'jaar', 'aantal', 'bron', 'dataset_id']).where('gebied', 'in', [...gebieden]).where('jaar', '>=', van).where('jaar', '<=', tot).execute();
}

export async function bronDatasets(db: Executor, indicatorId: number, gebieden: readonly string[], van: number, tot: number) {
  if (!gebieden.length) return [];
  const ids = db.selectFrom('vb_waarden').select('dataset_id').distinct().where('indicator_id', '=', indicatorId).where('gebied', 'in', [...gebieden]).where('jaar', '>=', van).where('jaar', '<=', tot);
  return db.selectFrom('vb_datasets').selectAll().where('id', 'in', ids).orderBy('geimporteerd_op').orderBy('id').execute();
}

export async function datasetsById(db: Executor, ids: readonly string[]) {
  if (!ids.length) return [];
  return db.selectFrom('vb_datasets').selectAll().where('id', 'in', [...ids]).orderBy('geimporteerd_op').orderBy('id').execute();
}

export async function listDatasets(db: Executor, limit = 500) {
  return db.selectFrom('vb_datasets').selectAll().orderBy('geimporteerd_op', 'desc').orderBy('id').limit(limit).execute();
}
