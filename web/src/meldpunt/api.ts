// SPDX-License-Identifier: EUPL-1.2
// Verzoeken van het publieke meldpunt: altijd zonder cookies (credentials: 'omit') en alleen naar
// de eigen server. Fouten komen als ApiError terug, zodat de generieke formulierfouten werken.
import { ApiError, type FieldError } from '../api/client.js';
import type { AltchaChallengeInput } from './altcha.js';
import { T } from './texts.js';

export type Kanaal = 'overlast' | 'ondermijning';
export type Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface QuestionOption {
  key: string;
  naam: string;
  hardeStop?: string;
}

export interface Question {
  code: string;
  datatype: Datatype;
  vraag: string;
  toelichting?: string;
  verplicht: boolean;
  volgorde: number;
  waarden?: QuestionOption[];
}

export interface Category {
  id: string;
  hoofdcategorieId: string | null;
  kanaal: Kanaal;
  naam: string;
  hulptekst: string;
  volgorde: number;
  vragen: Question[];
}

export type Gemeentebepaling = { binnenWerkgebied: true; gemeente: { code: string; naam: string } } | { binnenWerkgebied: false; advies: string };

export interface Receipt {
  id: string;
  referentie: string;
  ontvangstcode: string;
  kanaal: Kanaal;
  status: string;
  gemeente: { code: string; naam: string };
  afhandeltermijn: string | null;
  bericht: string;
}

export type PublicStatus = 'ontvangen' | 'in-behandeling' | 'afgehandeld';

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function fieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is FieldError => isRecord(item) && typeof item['veld'] === 'string' && typeof item['melding'] === 'string',
  );
}

async function problem(response: Response): Promise<ApiError> {
  let body: unknown = null;
  if ((response.headers.get('content-type') ?? '').includes('json')) body = await response.json().catch(() => null);
  if (isRecord(body)) {
    return new ApiError({
      status: response.status,
      title: typeof body['title'] === 'string' ? body['title'] : T.fout.titel,
      detail: typeof body['detail'] === 'string' ? body['detail'] : undefined,
      code: typeof body['code'] === 'string' ? body['code'] : undefined,
      correlationId: typeof body['correlationId'] === 'string' ? body['correlationId'] : undefined,
      errors: fieldErrors(body['errors']),
    });
  }
  return new ApiError({ status: response.status, title: T.fout.titel, detail: T.fout.onverwacht(response.status) });
}

async function call<R>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<R> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  let payload: BodyInit | null = null;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, body: payload, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
  } catch {
    throw new ApiError({ status: 0, title: T.fout.titel, detail: T.fout.netwerk, code: 'NETWERKFOUT' });
  }
  if (!response.ok) throw await problem(response);
  return (await response.json()) as R;
}

/** multipart/form-data met de JSON in het veld `melding` en de bestanden in `bijlagen`. */
export function multipart(json: Record<string, unknown>, files: readonly File[], extra: Record<string, string> = {}): FormData {
  const data = new FormData();
  data.append('melding', JSON.stringify(json));
  for (const [key, value] of Object.entries(extra)) data.append(key, value);
  for (const file of files) data.append('bijlagen', file, file.name);
  return data;
}

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
