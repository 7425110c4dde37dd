// SPDX-License-Identifier: EUPL-1.2
// Typen van de meldingen-API die het publieke meldpunt (/melden) en de medewerkersschermen
// (/meldingen, /knooppunt) delen, en het samenstellen van een multipart-melding.

export type Kanaal = 'overlast' | 'ondermijning';
export type Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

/** Antwoord op een extra vraag: tekst of (bij meerkeuze) een lijst sleutels. */
export type Antwoord = string | string[];

export interface CategorieWaarde {
  key: string;
  naam: string;
  hardeStop?: string;
}

export interface CategorieVraag {
  code: string;
  datatype: Datatype;
  vraag: string;
  toelichting?: string;
  verplicht: boolean;
  volgorde: number;
  waarden?: CategorieWaarde[];
}

export interface Categorie {
  id: string;
  hoofdcategorieId: string | null;
  kanaal: Kanaal;
  naam: string;
  hulptekst: string;
  volgorde: number;
  vragen: CategorieVraag[];
  termijn: { aantal: number; eenheid: 'werkdagen' | 'kalenderdagen' };
}

export interface Ontvangstbewijs {
  id: string;
  referentie: string;
  kanaal: Kanaal;
  status: string;
  gemeente: { code: string; naam: string };
  afhandeltermijn: string | null;
  bericht: string;
}

export type PubliekeStatus = 'ontvangen' | 'in-behandeling' | 'afgehandeld';

/** De tekst van de "harde stop" (acuut gevaar) bij het gekozen antwoord, of null. */
export function hardStopOf(vraag: CategorieVraag, value: Antwoord | undefined): string | null {
  const chosen = Array.isArray(value) ? value : value ? [value] : [];
  return vraag.waarden?.find((w) => w.hardeStop && chosen.includes(w.key))?.hardeStop ?? null;
}

/** multipart/form-data met de JSON in het veld `melding` (als gegeven), extra velden en de bestanden in `bijlagen`. */
export function multipart(json: Record<string, unknown> | null, files: readonly File[], extra: Record<string, string> = {}): FormData {
  const data = new FormData();
  if (json) data.append('melding', JSON.stringify(json));
  for (const [key, value] of Object.entries(extra)) data.append(key, value);
  for (const file of files) data.append('bijlagen', file, file.name);
  return data;
}
