// SPDX-License-Identifier: EUPL-1.2
// Verzoeken van het publieke meldpunt: altijd zonder cookies (credentials: 'omit') en zonder
// CSRF-header, alleen naar de eigen server. Fouten komen als ApiError terug, zodat de generieke
// formulierfouten werken.
import { requestJson, type RequestOptions } from '../api/client.js';
import { multipart, type Categorie, type CategorieVraag, type CategorieWaarde, type Kanaal, type Ontvangstbewijs, type PubliekeStatus } from '../api/meldingen.js';
import type { AltchaChallengeInput } from './altcha.js';
import { T } from './texts.js';

export type { Datatype, Kanaal } from '../api/meldingen.js';
export type QuestionOption = CategorieWaarde;
export type Question = CategorieVraag;
export type Category = Categorie;
export type PublicStatus = PubliekeStatus;

export type Gemeentebepaling = { binnenWerkgebied: true; gemeente: { code: string; naam: string } } | { binnenWerkgebied: false; advies: string };

export interface Receipt extends Ontvangstbewijs {
  ontvangstcode: string;
}

export interface ReporterMessage {
  id: string;
  van: 'gemeente' | 'melder';
  tekst: string;
  reactieGevraagd: boolean;
  op: string;
}

export interface ReporterView {
  referentie: string;
  kanaal: Kanaal;
  categorie: string;
  status: PublicStatus;
  statusToelichting: string;
  berichtBijAfhandeling: string | null;
  ontvangenOp: string;
  reactieGevraagd: boolean;
  reactieMogelijk: boolean;
  aantalBijlagen: number;
  berichten: ReporterMessage[];
}

const PUBLIEK: Omit<RequestOptions, 'method' | 'body'> = {
  credentials: 'omit',
  cache: 'no-store',
  referrerPolicy: 'no-referrer',
  texts: { title: T.fout.titel, network: T.fout.netwerk, unexpected: T.fout.onverwacht },
};

function call<R>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<R> {
  return requestJson<R>(path, { ...PUBLIEK, method, body });
}

export { multipart };

export const meldpuntApi = {
  categories: async (kanaal: Kanaal) =>
    (await call<{ categorieen: Category[] }>('GET', `/meldingcategorieen?kanaal=${encodeURIComponent(kanaal)}`)).categorieen,
  gemeente: (postcode: string) => call<Gemeentebepaling>('GET', `/gemeentebepaling?postcode=${encodeURIComponent(postcode)}`),
  challenge: () => call<AltchaChallengeInput>('GET', '/meldingen/uitdaging'),
  submit: (data: FormData) => call<Receipt>('POST', '/meldingen', data),
  status: (ontvangstcode: string) => call<ReporterView>('POST', '/meldingen/status-opvragen', { ontvangstcode }),
  reply: (ontvangstcode: string, tekst: string, files: readonly File[]) =>
    files.length > 0
      ? call<ReporterView>('POST', '/meldingen/reacties', multipart({}, files, { ontvangstcode, ...(tekst.trim() ? { tekst } : {}) }))
      : call<ReporterView>('POST', '/meldingen/reacties', { ontvangstcode, tekst }),
};
