// SPDX-License-Identifier: EUPL-1.2
import { t } from '../i18n/t.js';

/** Eén veldfout uit een problem+json-antwoord. */
export interface FieldError {
  veld: string;
  melding: string;
}

/** Fout van de API, afgeleid uit application/problem+json. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly code: string | undefined;
  readonly correlationId: string | undefined;
  readonly errors: FieldError[];
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    status: number;
    title: string;
    detail?: string | undefined;
    code?: string | undefined;
    correlationId?: string | undefined;
    errors?: FieldError[] | undefined;
    retryAfterSeconds?: number | undefined;
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.code = init.code;
    this.correlationId = init.correlationId;
    this.errors = init.errors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** Leesbare Nederlandse omschrijving voor de gebruiker. */
  get message_nl(): string {
    return this.detail ?? this.title;
  }
}

let csrfToken: string | null = null;

/** Wordt door de sessiecontext gezet zodra een sessie bekend is. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const BASE = '/api/v1';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function parseFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  const result: FieldError[] = [];
  for (const item of value) {
    if (isRecord(item) && typeof item['veld'] === 'string' && typeof item['melding'] === 'string') {
      result.push({ veld: item['veld'], melding: item['melding'] });
    }
  }
  return result;
}

/** De Nederlandse teksten voor fouten zonder (bruikbare) problem+json. */
export interface ErrorTexts {
  title: string;
  network: string;
  unexpected: (status: number) => string;
}

function defaultTexts(): ErrorTexts {
  return { title: t('error.title'), network: t('error.network'), unexpected: (status) => t('error.unexpected', { status }) };
}

/**
 * An error answer as ApiError: problem+json when the body is JSON, else a generic Dutch text. Shared
 * by fetch (below) and XMLHttpRequest callers (the upload with progress in the veiligheidsbeeld).
 */
export function problemToApiError(
  answer: { status: number; contentType: string | null; bodyText: string | null; retryAfter: string | null },
  texts: ErrorTexts = defaultTexts(),
): ApiError {
  let body: unknown = null;
  if ((answer.contentType ?? '').includes('json') && answer.bodyText) {
    try {
      body = JSON.parse(answer.bodyText) as unknown;
    } catch {
      body = null;
    }
  }
  const retryAfter = answer.retryAfter !== null && /^\d+$/.test(answer.retryAfter) ? Number(answer.retryAfter) : undefined;
  if (isRecord(body)) {
    return new ApiError({
      status: typeof body['status'] === 'number' ? body['status'] : answer.status,
      title: asString(body['title']) ?? texts.title,
      detail: asString(body['detail']),
      code: asString(body['code']),
      correlationId: asString(body['correlationId']),
      errors: parseFieldErrors(body['errors']),
      retryAfterSeconds: retryAfter,
    });
  }
  return new ApiError({
    status: answer.status,
    title: texts.title,
    detail: texts.unexpected(answer.status),
    retryAfterSeconds: retryAfter,
  });
}

async function toApiError(response: Response, texts: ErrorTexts): Promise<ApiError> {
  const contentType = response.headers.get('content-type');
  let bodyText: string | null = null;
  if ((contentType ?? '').includes('json')) {
    try {
      bodyText = await response.text();
    } catch {
      bodyText = null;
    }
  }
  return problemToApiError({ status: response.status, contentType, bodyText, retryAfter: response.headers.get('retry-after') }, texts);
}

export interface RequestOptions {
  method: Method;
  /** JSON-waarde, of FormData voor multipart/form-data (bestanden). */
  body?: unknown;
  accept?: string;
  /** Medewerkers: de CSRF-token gaat mee bij alles behalve GET. Het publieke meldpunt stuurt er geen. */
  csrfToken?: string | null;
  /** Standaard 'same-origin'; het publieke meldpunt gebruikt 'omit' (geen cookies). */
  credentials?: RequestCredentials;
  cache?: RequestCache;
  referrerPolicy?: ReferrerPolicy;
  texts?: ErrorTexts;
}

/** Eén verzoek naar de API; een fout komt terug als ApiError. */
export async function send(path: string, options: RequestOptions): Promise<Response> {
  const { method, body, accept = 'application/json', csrfToken: token, credentials = 'same-origin', cache, referrerPolicy } = options;
  const texts = options.texts ?? defaultTexts();
  const headers: Record<string, string> = { Accept: `${accept}, application/problem+json` };
  let payload: BodyInit | null = null;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && token) headers['X-CSRF-Token'] = token;
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method,
      headers,
      credentials,
      body: payload,
      ...(cache ? { cache } : {}),
      ...(referrerPolicy ? { referrerPolicy } : {}),
    });
  } catch {
    throw new ApiError({ status: 0, title: texts.title, detail: texts.network, code: 'NETWERKFOUT' });
  }
  if (!response.ok) throw await toApiError(response, texts);
  return response;
}

/** Verzoek met een JSON-antwoord (of geen inhoud). */
export async function requestJson<T>(path: string, options: RequestOptions): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text.length > 0 ? JSON.parse(text) : undefined) as T;
}

function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  return requestJson<T>(path, { method, body, csrfToken });
}

export const api = {
  get: <T>(path: string): Promise<T> => request<T>('GET', path),
  post: <T>(path: string, body?: unknown): Promise<T> => request<T>('POST', path, body ?? {}),
  /** POST met multipart/form-data (bestanden); de CSRF-header gaat mee. */
  postForm: <T>(path: string, data: FormData): Promise<T> => request<T>('POST', path, data),
  put: <T>(path: string, body: unknown): Promise<T> => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown): Promise<T> => request<T>('PATCH', path, body),
  delete: (path: string): Promise<void> => request<void>('DELETE', path),
  /** POST die een bestand teruggeeft (bijv. CSV-export). */
  postForBlob: async (path: string, body: unknown, accept: string): Promise<{ blob: Blob; filename: string | null }> => {
    const response = await send(path, { method: 'POST', body, accept, csrfToken });
    const disposition = response.headers.get('content-disposition') ?? '';
    const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
    return { blob: await response.blob(), filename: match?.[1] ? decodeURIComponent(match[1]) : null };
  },
};

/** Nederlandse foutomschrijving voor willekeurige fouten. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message_nl;
  return t('error.unexpected', { status: '?' });
}
