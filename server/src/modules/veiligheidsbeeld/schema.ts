// SPDX-License-Identifier: EUPL-1.2
// Tables of the veiligheidsbeeld module (migrations 20261203T0900_create_veiligheidsbeeld and
// 20261204T0900_veiligheidsbeeld_bulk_indeling).
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** ISO date as text (YYYY-MM-DD). */
type DateCol = string;

/** Gemeenten with their history (successor table as data) and groups such as "tweestromenland". */
export interface VbGebiedenTable {
  code: string;
  naam: string;
  soort: 'gemeente' | 'groep';
  geldig_van: DateCol | null;
  /** Exclusive: the first day the code no longer exists. */
  geldig_tot: DateCol | null;
  opvolger: string | null;
  leden: Generated<string[]>;
}

/** Versioned mapping of a code onto a Kernbeleid field (1–5, null = totals only) with theme tags. */
export interface VbIndelingTable {
  bron: string;
  code: string;
  geldig_van: DateCol;
  veld: number | null;
  tags: Generated<string[]>;
  opmerking: Generated<string>;
  /** Who set this version (null for the seeded default) and when. */
  vastgesteld_door: string | null;
  vastgesteld_op: Date | null;
}

export interface VbIndicatorenTable {
  id: Generated<number>;
  bron: string;
  code: string;
  naam: string;
  eenheid: string;
}

export interface VbDatasetsTable {
  id: Generated<string>;
  bron: string;
  formaat: string;
  soort: string;
  tabel: string | null;
  titel: string;
  licentie: string;
  bestandsnaam: string;
  sha256: string;
  regels: number;
  waarden: number;
  nieuw: number;
  gewijzigd: number;
  bevolking: number;
  overgeslagen: number;
  geimporteerd_op: Timestamp;
  geimporteerd_door: string;
}

/** One value as delivered: a year (maand null) or a month. aantal null = suppressed/unknown, never 0. */
export interface VbWaardenTable {
  indicator_id: number;
  gebied: string;
  jaar: number;
  maand: number | null;
  aantal: number | null;
  dataset_id: string;
  bijgewerkt_op: Timestamp;
}

/** Yearly aggregate, maintained on import: the year row when delivered, else the sum of the months. */
export interface VbJaarcijfersTable {
  indicator_id: number;
  gebied: string;
  jaar: number;
  aantal: number | null;
  /** 12 for a delivered year row; otherwise the number of months present. */
  maanden: number;
}

export interface VbBevolkingTable {
  gebied: string;
  jaar: number;
  aantal: number | null;
  bron: string;
  dataset_id: string | null;
  bijgewerkt_op: Timestamp;
}

export interface VeiligheidsbeeldTables {
  vb_gebieden: VbGebiedenTable;
  vb_indeling: VbIndelingTable;
  vb_indicatoren: VbIndicatorenTable;
  vb_datasets: VbDatasetsTable;
  vb_waarden: VbWaardenTable;
  vb_jaarcijfers: VbJaarcijfersTable;
  vb_bevolking: VbBevolkingTable;
}

export type DatasetRow = Selectable<VbDatasetsTable>;
export type IndicatorRow = Selectable<VbIndicatorenTable>;
export type GebiedRow = Selectable<VbGebiedenTable>;
