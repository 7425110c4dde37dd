// SPDX-License-Identifier: EUPL-1.2
// The data model of the appendix ("Bijlage: de cijfers en grafieken"): what both renderers (PDF,
// XLSX) consume. Numbers stay numbers (null = unknown or not delivered, never 0); formatting is
// the renderers' job.
import type { Veld } from '../domain/catalogus.js';

export interface BijlageCel {
  jaar: number;
  aantal: number | null;
  /** Per 1,000 inhabitants; null when the population (or, for the Totaal, a member's row) is missing. */
  per1000: number | null;
}

export interface BijlageRij {
  /** Gemeente code, or the group code for the Totaal row. */
  code: string;
  naam: string;
  cellen: BijlageCel[];
  /** Change from the first to the last year of the period, in percent (−21.8); null when unknown. */
  veranderingProcent: number | null;
}

export interface BijlageBron {
  titel: string;
  tabel: string | null;
  bestandsnaam: string;
  licentie: string;
  /** ISO timestamp of the import. */
  geimporteerdOp: string;
}

export interface BijlageTabel {
  indicator: { bron: string; code: string; naam: string; eenheid: string; veld: Veld | null };
  /** Gemeenten with at least one delivered value in the period, in the group's order (as in the plan). */
  rijen: BijlageRij[];
  /** Totaal (the group): sum of the delivered values per year, see domain/analyse.ts. */
  totaal: BijlageRij & { ontbrekend: string[][] };
  /** True when some per-1,000 value is known: the renderers add the per-1,000 table and chart. */
  heeftPer1000: boolean;
  bronnen: BijlageBron[];
  /** Population datasets used for the per-1,000 figures (only when heeftPer1000). */
  bevolkingsbronnen: BijlageBron[];
}

export interface BijlageVeld {
  /** Kernbeleid Veiligheid field 1–5; null = totals and codes not assigned to a field. */
  veld: Veld | null;
  naam: string;
  tabellen: BijlageTabel[];
}

export interface Bijlage {
  titel: string;
  gebied: { code: string; naam: string; leden: Array<{ code: string; naam: string }> };
  van: number;
  tot: number;
  jaren: number[];
  /** ISO timestamp of generation. */
  gegenereerdOp: string;
  velden: BijlageVeld[];
}

export const FORMATEN_BIJLAGE = ['pdf', 'xlsx'] as const;
export type BijlageFormaat = (typeof FORMATEN_BIJLAGE)[number];

export const MIME: Readonly<Record<BijlageFormaat, string>> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Name of the "field" that holds the totals and the codes without a Kernbeleid field. */
export const OVERIG_NAAM = 'Totaal en niet ingedeeld';
