// SPDX-License-Identifier: EUPL-1.2
// De publieke cijfer-API (zonder cookies) en de import (met sessie).
import { api, requestJson } from '../api/client.js';

export interface Indicator {
  code: string;
  naam: string;
  bron: string;
  veld: number | null;
  veldNaam: string | null;
  tags: string[];
  eenheid: string;
  jaren?: { van: number; tot: number } | null;
}

export interface Veld {
  veld: number;
  naam: string;
}

export interface Gebied {
  code: string;
  naam: string;
  soort: 'gemeente' | 'groep';
  geldigVan: string | null;
  geldigTot: string | null;
  opvolger: string | null;
  leden: string[];
}

export interface ReeksPunt {
  jaar: number;
  aantal: number | null;
  inwoners: number | null;
  per1000: number | null;
  indexTovBasisjaar: number | null;
  ontbrekend: string[];
  deeljaar: boolean;
}

export interface Cijfers {
  indicator: Indicator;
  gebied: { code: string; naam: string; soort: string; leden: string[] };
  basisjaar: number;
  reeks: ReeksPunt[];
  analyse: {
    verandering: { basisjaar: number; eindjaar: number; absoluut: number | null; procent: number | null } | null;
    trend: { richting: string };
  };
  bron: { licentie: string | null };
}

export interface Vergelijking {
  indicator: Indicator;
  jaar: number;
  rangschikkingOp: 'per1000' | 'aantal';
  gemeenten: { code: string; naam: string; aantal: number | null; inwoners: number | null; per1000: number | null; rang: number | null }[];
}

export interface MeldpuntCijfers {
  gebied: { code: string; naam: string };
  van: string;
  tot: string;
  minimumCel: number;
  cellen: { maand: string; categorie: string; categorieNaam: string; aantal: number | null; onderdrukt: boolean }[];
}

export interface ImportResultaat {
  dataset: { id: string; titel: string } | null;
  ongewijzigd: boolean;
  formaat: string;
  soort: string;
  tabel: string | null;
  regels: number;
  overgeslagen: number;
  waarden: { totaal: number; nieuw: number; gewijzigd: number; gelijk: number; viaVoorgangers: number };
  bevolking: { totaal: number; nieuw: number; gewijzigd: number; gelijk: number };
}

export interface Dataset {
  id: string;
  titel: string;
  bron: string;
  licentie: string;
  bestandsnaam: string;
  waarden: number;
  bevolking: number;
  geimporteerdOp: string;
}

/** Publieke GET zonder cookies (credentials 'omit'). */
function publiek<T>(path: string): Promise<T> {
  return requestJson<T>(`/veiligheidsbeeld${path}`, { method: 'GET', credentials: 'omit' });
}

const q = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined).map(([k, v]) => [k, String(v)])).toString();

export const vbApi = {
  indicatoren: () => publiek<{ indicatoren: Indicator[]; velden: Veld[] }>('/indicatoren'),
  gebieden: () => publiek<{ gebieden: Gebied[] }>('/gebieden'),
  cijfers: (indicator: string, gebied: string, van?: number, tot?: number, bron?: string) => publiek<Cijfers>(`/cijfers?${q({ indicator, gebied, van, tot, bron })}`),
  vergelijking: (indicator: string, jaar: number, bron?: string) => publiek<Vergelijking>(`/vergelijking?${q({ indicator, jaar, bron })}`),
  meldpunt: (gebied: string, van: string, tot: string) => publiek<MeldpuntCijfers>(`/meldpunt?${q({ gebied, van, tot })}`),
  datasets: () => api.get<{ datasets: Dataset[] }>('/veiligheidsbeeld/datasets'),
  importeer: (body: { bestandsnaam: string; inhoud: string; formaat?: string }) => api.post<ImportResultaat>('/veiligheidsbeeld/imports', body),
};

export const TWEESTROMENLAND = 'tweestromenland';

/** De huidige gemeenten van Tweestromenland, in de volgorde van de groep. */
export function gemeentenVan(gebieden: readonly Gebied[]): Gebied[] {
  const groep = gebieden.find((g) => g.code === TWEESTROMENLAND);
  const leden = groep?.leden ?? [];
  return leden.map((code) => gebieden.find((g) => g.code === code)).filter((g): g is Gebied => g !== undefined);
}
