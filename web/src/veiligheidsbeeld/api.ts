// SPDX-License-Identifier: EUPL-1.2
// De publieke cijfer-API (zonder cookies) en de import (met sessie).
import { api, ApiError, problemToApiError, requestJson } from '../api/client.js';
import { t } from '../i18n/t.js';

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

export interface IndelingVersie {
  geldigVan: string;
  veld: number | null;
  veldNaam: string | null;
  tags: string[];
  opmerking: string;
  /** De standaardindeling van Knooppunt (voorstel), niet door een persoon vastgesteld. */
  standaard: boolean;
  vastgesteldOp: string | null;
}

export interface IndelingCode {
  bron: string;
  code: string;
  naam: string | null;
  huidig: { geldigVan: string; veld: number | null; veldNaam: string | null; tags: string[]; opmerking: string } | null;
  versies: IndelingVersie[];
}

export interface Indeling {
  peildatum: string;
  velden: Veld[];
  codes: IndelingCode[];
}

export interface IndelingInvoer {
  geldigVan: string;
  veld: number | null;
  tags: string[];
  opmerking: string;
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

/**
 * Grootste body van POST /veiligheidsbeeld/imports in bytes: IMPORT_BODY_LIMIT in
 * server/src/modules/veiligheidsbeeld/veiligheidsbeeld.schemas.ts (Fastify's bodyLimit telt de
 * bytes van de hele JSON-body, dus inclusief aanhalingstekens, escapes en bestandsnaam).
 */
export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

export interface ImportInvoer {
  bestandsnaam: string;
  inhoud: string;
  formaat?: string;
}

/** De JSON-body precies zoals hij verstuurd wordt; `size` is de UTF-8-grootte die de server tegen zijn limiet houdt. */
export function importBody(invoer: ImportInvoer): Blob {
  return new Blob([JSON.stringify(invoer)], { type: 'application/json' });
}

/** Een upload die met `signal` is afgebroken (xhr.abort()). */
export class ImportGeannuleerd extends Error {
  constructor() {
    super('Upload geannuleerd');
    this.name = 'ImportGeannuleerd';
  }
}

export interface ImportOpties {
  /** De CSRF-token van de sessie (X-CSRF-Token), zoals api/client.ts hem meestuurt bij alles behalve GET. */
  csrfToken: string | null;
  signal?: AbortSignal;
  /** Verzonden en totaal aantal bytes van de body (xhr.upload.onprogress). */
  onUploadVoortgang?: (verzonden: number, totaal: number) => void;
  /** De hele body is verzonden; de server controleert en verwerkt hem nu. */
  onUploadKlaar?: () => void;
}

/** problem+json uit een XHR-antwoord naar ApiError, zoals api/client.ts het doet voor fetch. */
const apiFout = (xhr: XMLHttpRequest): ApiError =>
  problemToApiError({ status: xhr.status, contentType: xhr.getResponseHeader('content-type'), bodyText: xhr.responseText, retryAfter: xhr.getResponseHeader('retry-after') });

/**
 * POST /api/v1/veiligheidsbeeld/imports met XMLHttpRequest, omdat fetch geen uploadvoortgang geeft.
 * Zelfde verzoek als api.post: Accept met problem+json, JSON-body, X-CSRF-Token, cookies van dezelfde
 * oorsprong (withCredentials is alleen voor cross-origin). Fouten worden ApiError (ook 401 bij een verlopen
 * sessie, met de Nederlandse tekst van de server; status 0 bij een netwerkfout); afbreken geeft ImportGeannuleerd.
 */
function importeer(body: Blob, opties: ImportOpties): Promise<ImportResultaat> {
  return new Promise<ImportResultaat>((resolve, reject) => {
    const { signal } = opties;
    if (signal?.aborted) {
      reject(new ImportGeannuleerd());
      return;
    }
    const xhr = new XMLHttpRequest();
    const breekAf = () => xhr.abort();
    const klaar = () => signal?.removeEventListener('abort', breekAf);
    xhr.open('POST', '/api/v1/veiligheidsbeeld/imports');
    xhr.responseType = 'text';
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Content-Type', 'application/json');
    if (opties.csrfToken) xhr.setRequestHeader('X-CSRF-Token', opties.csrfToken);
    // Luisteraars op xhr.upload vóór send(), anders meldt de browser geen uploadvoortgang.
    xhr.upload.onprogress = (e) => opties.onUploadVoortgang?.(e.loaded, e.lengthComputable ? e.total : body.size);
    xhr.upload.onload = () => opties.onUploadKlaar?.();
    xhr.onload = () => {
      klaar();
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(apiFout(xhr));
        return;
      }
      try {
        resolve(JSON.parse(xhr.responseText) as ImportResultaat);
      } catch {
        reject(new ApiError({ status: xhr.status, title: t('error.title'), detail: t('error.unexpected', { status: xhr.status }) }));
      }
    };
    xhr.onerror = () => {
      klaar();
      reject(new ApiError({ status: 0, title: t('error.title'), detail: t('error.network'), code: 'NETWERKFOUT' }));
    };
    xhr.onabort = () => {
      klaar();
      reject(new ImportGeannuleerd());
    };
    signal?.addEventListener('abort', breekAf);
    xhr.send(body);
  });
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
  indeling: () => publiek<Indeling>('/indeling'),
  zetIndeling: (bron: string, code: string, invoer: IndelingInvoer) =>
    api.put<{ nieuw: boolean; versie: IndelingVersie }>(`/veiligheidsbeeld/indeling/${encodeURIComponent(bron)}/${encodeURIComponent(code)}`, invoer),
  verwijderIndeling: (bron: string, code: string, geldigVan: string) =>
    api.delete(`/veiligheidsbeeld/indeling/${encodeURIComponent(bron)}/${encodeURIComponent(code)}/${encodeURIComponent(geldigVan)}`),
  importeer,
};

export const TWEESTROMENLAND = 'tweestromenland';

/** De huidige gemeenten van Tweestromenland, in de volgorde van de groep. */
export function gemeentenVan(gebieden: readonly Gebied[]): Gebied[] {
  const groep = gebieden.find((g) => g.code === TWEESTROMENLAND);
  const leden = groep?.leden ?? [];
  return leden.map((code) => gebieden.find((g) => g.code === code)).filter((g): g is Gebied => g !== undefined);
}
