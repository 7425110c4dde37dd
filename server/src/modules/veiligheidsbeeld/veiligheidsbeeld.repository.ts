// SPDX-License-Identifier: EUPL-1.2
// SQL of the veiligheidsbeeld. Aggregates only (no personal data, no tenant rows): the tables are
// shared by the six gemeenten, so no TenantScope. Functions take an executor so the import service
// composes one transaction.
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Bron, Gebied, Indeling, Veld } from './domain/catalogus.js';
import type { Inwoners, Waarde } from './domain/invoer.js';

type Executor = Kysely<DB> | Transaction<DB>;
const BATCH = 1000;


export async function loadGebieden(db: Executor): Promise<Map<string, Gebied>> {
  const rows = await db.selectFrom('vb_gebieden').selectAll().orderBy('code').execute();
  return new Map(rows.map((r) => [r.code, { code: r.code, naam: r.naam, soort: r.soort, geldigVan: r.geldig_van, geldigTot: r.geldig_tot, opvolger: r.opvolger, leden: r.leden }]));
}

export type IndelingVersie = Selectable<DB['vb_indeling']>;

/** Every mapping version as stored (with who set it and when), by source, code and date. */
export async function indelingVersies(db: Executor): Promise<IndelingVersie[]> {
  return db.selectFrom('vb_indeling').selectAll().orderBy('bron').orderBy('code').orderBy('geldig_van').execute();
}

/** Stored versions as the domain's mapping (catalogus.indelingOp picks the one in effect). */
export function alsIndeling(rows: readonly IndelingVersie[]): Indeling[] {
  return rows.map((r) => ({ bron: r.bron as Bron, code: r.code, veld: (r.veld as Veld | null) ?? null, tags: r.tags, geldigVan: r.geldig_van, opmerking: r.opmerking }));
}

export async function loadIndeling(db: Executor): Promise<Indeling[]> {
  return alsIndeling(await indelingVersies(db));
}

export async function indelingVersie(db: Executor, bron: string, code: string, geldigVan: string): Promise<IndelingVersie | undefined> {
  return db.selectFrom('vb_indeling').selectAll().where('bron', '=', bron).where('code', '=', code).where('geldig_van', '=', geldigVan).executeTakeFirst();
}

export async function zetIndelingVersie(db: Executor, v: Insertable<DB['vb_indeling']>): Promise<IndelingVersie> {
  return db
    .insertInto('vb_indeling')
    .values(v)
    .onConflict((oc) =>
      oc.columns(['bron', 'code', 'geldig_van']).doUpdateSet({
        veld: (eb) => eb.ref('excluded.veld'),
        tags: (eb) => eb.ref('excluded.tags'),
        opmerking: (eb) => eb.ref('excluded.opmerking'),
        vastgesteld_door: (eb) => eb.ref('excluded.vastgesteld_door'),
        vastgesteld_op: (eb) => eb.ref('excluded.vastgesteld_op'),
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function verwijderIndelingVersie(db: Executor, bron: string, code: string, geldigVan: string): Promise<void> {
  await db.deleteFrom('vb_indeling').where('bron', '=', bron).where('code', '=', code).where('geldig_van', '=', geldigVan).execute();
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

/** Rows per statement of the bulk upsert: columns travel as five array parameters (unnest). */
export const WAARDEN_BATCH = 20_000;

/** Indicators among `ids` that have no values yet (their rows can be inserted without a conflict check). */
export async function indicatorenZonderWaarden(trx: Executor, ids: readonly number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const r = await sql<{ id: number }>`SELECT i AS id FROM unnest(${[...ids]}::int4[]) AS i WHERE NOT EXISTS (SELECT 1 FROM vb_waarden w WHERE w.indicator_id = i)`.execute(trx);
  return new Set(r.rows.map((x) => Number(x.id)));
}

/**
 * Upsert on (indicator, gebied, jaar, maand); a row whose value is unchanged is not touched. Set
 * based: each batch is one INSERT … SELECT FROM unnest(arrays), counted in the database. Batches
 * whose indicators had no values at all skip the conflict check (plain INSERT: half again as fast
 * on a first import); the caller serialises imports, and the file has no duplicate keys.
 */
export async function upsertWaarden(trx: Executor, waarden: readonly Waarde[], ids: ReadonlyMap<string, number>, datasetId: string, now: Date, onProgress?: (klaar: number) => void): Promise<Telling> {
  const t: Telling = { nieuw: 0, gewijzigd: 0 };
  // The (indicator, gebied, jaar) keys whose values were inserted or changed, for the aggregate.
  await sql`CREATE TEMP TABLE IF NOT EXISTS vb_geraakt (indicator_id int4, gebied text, jaar int2, PRIMARY KEY (indicator_id, gebied, jaar)) ON COMMIT DROP`.execute(trx);
  const leeg = await indicatorenZonderWaarden(trx, [...new Set(ids.values())]);
  let laatsteCode: string | null = null;
  let laatsteBron: string | null = null;
  let laatsteId = 0;
  for (let i = 0; i < waarden.length; i += WAARDEN_BATCH) {
    const chunk = waarden.slice(i, i + WAARDEN_BATCH);
    const ind: number[] = new Array(chunk.length);
    const geb: string[] = new Array(chunk.length);
    const jr: number[] = new Array(chunk.length);
    const mnd: Array<number | null> = new Array(chunk.length);
    const aant: Array<number | null> = new Array(chunk.length);
    let vers = true;
    for (let k = 0; k < chunk.length; k++) {
      const w = chunk[k]!;
      // Files come sorted by code: look the id up only when source or code changes.
      if (w.code !== laatsteCode || w.bron !== laatsteBron) {
        laatsteCode = w.code;
        laatsteBron = w.bron;
        laatsteId = ids.get(`${w.bron}|${w.code}`)!;
      }
      const id = laatsteId;
      ind[k] = id;
      if (!leeg.has(id)) vers = false;
      geb[k] = w.gebied;
      jr[k] = w.jaar;
      mnd[k] = w.maand;
      aant[k] = w.aantal;
    }
    const rijen = sql`SELECT u.indicator_id, u.gebied, u.jaar, u.maand, u.aantal, ${datasetId}::uuid, ${now}::timestamptz
        FROM unnest(${ind}::int4[], ${geb}::text[], ${jr}::int2[], ${mnd}::int2[], ${aant}::int4[]) AS u(indicator_id, gebied, jaar, maand, aantal)`;
    const conflict = vers
      ? sql``
      : sql`ON CONFLICT (indicator_id, gebied, jaar, maand) DO UPDATE
          SET aantal = excluded.aantal, dataset_id = excluded.dataset_id, bijgewerkt_op = excluded.bijgewerkt_op
          WHERE vb_waarden.aantal IS DISTINCT FROM excluded.aantal`;
    const r = await sql<{ nieuw: number; gewijzigd: number }>`
      WITH up AS (
        INSERT INTO vb_waarden (indicator_id, gebied, jaar, maand, aantal, dataset_id, bijgewerkt_op)
        ${rijen}
        ${conflict}
        RETURNING indicator_id, gebied, jaar, (xmax = 0) AS nieuw
      ),
      geraakt AS (
        INSERT INTO vb_geraakt SELECT DISTINCT indicator_id, gebied, jaar FROM up ON CONFLICT DO NOTHING
      )
      SELECT count(*) FILTER (WHERE nieuw)::int AS nieuw, count(*) FILTER (WHERE NOT nieuw)::int AS gewijzigd FROM up`.execute(trx);
    t.nieuw += Number(r.rows[0]?.nieuw ?? 0);
    t.gewijzigd += Number(r.rows[0]?.gewijzigd ?? 0);
    onProgress?.(Math.min(i + WAARDEN_BATCH, waarden.length));
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
 * The yearly aggregate of the vb_waarden rows of one indicator × gebied × jaar (GROUP BY): a
 * delivered year row wins; otherwise the sum of the months, unknown when one month is; `maanden`
 * counts the months (12 for a year row). The import and `controleer` must compute it alike.
 */
const JAAR_AANTAL = sql`CASE WHEN bool_or(maand IS NULL) THEN max(aantal) FILTER (WHERE maand IS NULL)
           WHEN bool_or(aantal IS NULL) THEN NULL
           ELSE sum(aantal)::int END`;
const JAAR_MAANDEN = sql`CASE WHEN bool_or(maand IS NULL) THEN 12 ELSE count(*) END`;

/** Recomputes the yearly aggregate for the keys that upsertWaarden touched in this transaction. */
export async function herberekenJaarcijfers(trx: Executor): Promise<void> {
  await sql`DELETE FROM vb_jaarcijfers j USING vb_geraakt g WHERE j.indicator_id = g.indicator_id AND j.gebied = g.gebied AND j.jaar = g.jaar`.execute(trx);
  await sql`
    INSERT INTO vb_jaarcijfers (indicator_id, gebied, jaar, aantal, maanden)
    SELECT w.indicator_id, w.gebied, w.jaar, ${JAAR_AANTAL}, ${JAAR_MAANDEN}
    FROM vb_waarden w JOIN vb_geraakt g ON g.indicator_id = w.indicator_id AND g.gebied = w.gebied AND g.jaar = w.jaar
    GROUP BY w.indicator_id, w.gebied, w.jaar`.execute(trx);
}

/**
 * Consistency of the tables without foreign keys (ADR 0008): every value has its indicator, gebied
 * and dataset, and the yearly aggregate equals a fresh computation from the values.
 */
export async function controleer(db: Executor) {
  const r = await sql<{ zonder_indicator: number; zonder_gebied: number; zonder_dataset: number; jaarcijfers_afwijkend: number; jaarcijfers: number; waarden: number }>`
    WITH vers AS (
      SELECT indicator_id, gebied, jaar, ${JAAR_AANTAL} AS aantal, ${JAAR_MAANDEN} AS maanden
      FROM vb_waarden GROUP BY indicator_id, gebied, jaar
    )
    SELECT
      (SELECT count(*)::int FROM vb_waarden w WHERE NOT EXISTS (SELECT 1 FROM vb_indicatoren i WHERE i.id = w.indicator_id)) AS zonder_indicator,
      (SELECT count(*)::int FROM vb_waarden w WHERE NOT EXISTS (SELECT 1 FROM vb_gebieden g WHERE g.code = w.gebied)) AS zonder_gebied,
      (SELECT count(*)::int FROM vb_waarden w WHERE NOT EXISTS (SELECT 1 FROM vb_datasets d WHERE d.id = w.dataset_id)) AS zonder_dataset,
      (SELECT count(*)::int FROM vers v FULL JOIN vb_jaarcijfers j USING (indicator_id, gebied, jaar)
         WHERE v.indicator_id IS NULL OR j.indicator_id IS NULL OR v.aantal IS DISTINCT FROM j.aantal OR v.maanden <> j.maanden) AS jaarcijfers_afwijkend,
      (SELECT count(*)::int FROM vb_jaarcijfers) AS jaarcijfers,
      (SELECT count(*)::int FROM vb_waarden) AS waarden`.execute(db);
  const x = r.rows[0]!;
  return {
    waarden: Number(x.waarden),
    jaarcijfers: Number(x.jaarcijfers),
    zonderIndicator: Number(x.zonder_indicator),
    zonderGebied: Number(x.zonder_gebied),
    zonderDataset: Number(x.zonder_dataset),
    jaarcijfersAfwijkend: Number(x.jaarcijfers_afwijkend),
  };
}

// ---------- reads ----------

export async function findIndicatoren(db: Executor, code: string) {
  return db.selectFrom('vb_indicatoren').selectAll().where('code', '=', code).execute();
}

export async function listIndicatoren(db: Executor) {
  return db
    .selectFrom('vb_indicatoren as i')
    .select(['i.id', 'i.bron', 'i.code', 'i.naam', 'i.eenheid'])
    .select((eb) => [
      eb.selectFrom('vb_jaarcijfers as j').select(sql<number | null>`min(j.jaar)`.as('van')).whereRef('j.indicator_id', '=', 'i.id').as('van'),
      eb.selectFrom('vb_jaarcijfers as j').select(sql<number | null>`max(j.jaar)`.as('tot')).whereRef('j.indicator_id', '=', 'i.id').as('tot'),
    ])
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
