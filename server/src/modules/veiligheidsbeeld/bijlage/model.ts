// SPDX-License-Identifier: EUPL-1.2
// The data model of the appendix ("Bijlage: de cijfers en grafieken"): what both renderers (PDF,
// XLSX) consume. Numbers stay numbers (null = unknown or not delivered, never 0); formatting is
// the renderers' job.
import { VELDEN, type Veld } from '../domain/catalogus.js';

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

/**
 * One code in the closing section "Indeling van codes in de Kernbeleid-velden": the mapping version
 * (vb_indeling) that was in effect on the generation date and so produced the grouping above.
 */
export interface BijlageIndelingRegel {
  bron: string;
  code: string;
  /** Indicator title as in the tables. */
  naam: string;
  /** false = the code has no mapping version in effect (it then stands under OVERIG_NAAM). */
  ingedeeld: boolean;
  /** Kernbeleid field 1–5; null = no field (counts only in totals) or not mapped. */
  veld: Veld | null;
  /** Theme tags of the version. */
  tags: string[];
  /** ISO date from which the version applies; null when not mapped. */
  geldigVan: string | null;
  /** ISO timestamp at which a beleidsadviseur set the version; null = the seeded default suggestion. */
  vastgesteldOp: string | null;
  opmerking: string;
}

export interface BijlageIndeling {
  /** ISO date on which the mapping was read (the generation date). */
  peildatum: string;
  /** Every indicator that has a table in the appendix, by source and code. */
  regels: BijlageIndelingRegel[];
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
  indeling: BijlageIndeling;
}

export const FORMATEN_BIJLAGE = ['pdf', 'xlsx'] as const;
export type BijlageFormaat = (typeof FORMATEN_BIJLAGE)[number];

export const MIME: Readonly<Record<BijlageFormaat, string>> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Name of the "field" that holds the totals and the codes without a Kernbeleid field. */
export const OVERIG_NAAM = 'Totaal en niet ingedeeld';

/** Title of the closing section (PDF) and the sheet "Indeling" (XLSX). */
export const INDELING_TITEL = 'Indeling van codes in de Kernbeleid-velden';
export const INDELING_BLAD = 'Indeling';

/** Sources in the order of the appendix. */
export const BRON_VOLGORDE: readonly string[] = ['politie', 'politie-incidenten', 'cbs', 'meldpunt'];

/** Reader-facing name of a source code. */
export const BRON_NAAM: Readonly<Record<string, string>> = {
  politie: 'Politie (misdrijven)',
  'politie-incidenten': 'Politie (incidenten)',
  cbs: 'CBS',
  meldpunt: 'Meldpunt Knooppunt',
};

/** "Veilige woon- en leefomgeving", "Geen veld (telt alleen in totalen)", "Niet ingedeeld". */
export function veldNaam(r: Pick<BijlageIndelingRegel, 'ingedeeld' | 'veld'>): string {
  if (!r.ingedeeld) return 'Niet ingedeeld';
  return r.veld === null ? 'Geen veld (telt alleen in totalen)' : VELDEN[r.veld];
}

/** As veldNaam, with the field's number in front: "1 Veilige woon- en leefomgeving". */
export function veldOmschrijving(r: Pick<BijlageIndelingRegel, 'ingedeeld' | 'veld'>): string {
  return r.ingedeeld && r.veld !== null ? `${r.veld} ${veldNaam(r)}` : veldNaam(r);
}
