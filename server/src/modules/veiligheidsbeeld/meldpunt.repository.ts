// SPDX-License-Identifier: EUPL-1.2
// The join point between the meldpunt and the veiligheidsbeeld: monthly counts of own meldingen
// per (main) category and gemeente, from `meldingen` plus the content-free `melding_statistiek`
// stubs of meldingen deleted by retention, so that counts do not drop when meldingen are deleted.
// Months are UTC calendar months, as in the stubs (retention.ts). Only counts leave this function;
// public output applies the minimum cell size (domain/analyse.ts `onderdruk`).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

export interface MeldpuntCel {
  /** 'YYYY-MM' */
  maand: string;
  gemeente: string;
  kanaal: string;
  /** The main category (a subcategory is counted under its main category). */
  categorie: string;
  categorieNaam: string;
  aantal: number;
}

export async function meldpuntMaandcijfers(db: Executor, opts: { gemeenten: readonly string[]; van: string; tot: string; kanalen: readonly string[] }): Promise<MeldpuntCel[]> {
  if (!opts.gemeenten.length || !opts.kanalen.length) return [];
  const { rows } = await sql<MeldpuntCel>`
    SELECT x.maand, x.gemeente_code AS gemeente, x.kanaal,
           coalesce(c.hoofdcategorie_id, x.categorie_id) AS categorie,
           coalesce(h.naam, c.naam, x.categorie_id) AS "categorieNaam",
           count(*)::int AS aantal
    FROM (
      SELECT to_char(m.aangemaakt_op AT TIME ZONE 'UTC', 'YYYY-MM') AS maand, m.gemeente_code, m.kanaal, m.categorie_id FROM meldingen m
      UNION ALL
      SELECT s.maand, s.gemeente_code, s.kanaal, s.categorie_id FROM melding_statistiek s
    ) x
    LEFT JOIN meldingcategorieen c ON c.id = x.categorie_id
    LEFT JOIN meldingcategorieen h ON h.id = c.hoofdcategorie_id
    WHERE x.gemeente_code IN (${sql.join([...opts.gemeenten])})
      AND x.kanaal IN (${sql.join([...opts.kanalen])})
      AND x.maand BETWEEN ${opts.van} AND ${opts.tot}
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY 1, 2, 4`.execute(db);
  return rows;
}
