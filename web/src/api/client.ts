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

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('json')) {
    try {
      body = await response.json();
    } catch {
      body = null;
    }
  }
  const retryAfterHeader = response.headers.get('retry-after');
  const retryAfter = retryAfterHeader !== null && /^\d+$/.test(retryAfterHeader) ? Number(retryAfterHeader) : undefined;
  if (isRecord(body)) {
    return new ApiError({
      status: typeof body['status'] === 'number' ? body['status'] : response.status,
      title: asString(body['title']) ?? t('error.title'),
      detail: asString(body['detail']),
      code: asString(body['code']),
      correlationId: asString(body['correlationId']),
      errors: parseFieldErrors(body['errors']),
      retryAfterSeconds: retryAfter,
    });
  }
  return new ApiError({
    status: response.status,
    title: t('error.title'),
    detail: t('error.unexpected', { status: response.status }),
    retryAfterSeconds: retryAfter,
  });
}

async function send(method: Method, path: string, body?: unknown, accept = 'application/json'): Promise<Response> {
  const headers: Record<string, string> = { Accept: `${accept}, application/problem+json` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, title: t('error.title'), detail: t('error.network'), code: 'NETWERKFOUT' });
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text.length > 0 ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string): Promise<T> => request<T>('GET', path),
  post: <T>(path: string, body?: unknown): Promise<T> => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown): Promise<T> => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown): Promise<T> => request<T>('PATCH', path, body),
  delete: (path: string): Promise<void> => request<void>('DELETE', path),
  /** POST die een bestand teruggeeft (bijv. CSV-export). */
  postForBlob: async (path: string, body: unknown, accept: string): Promise<{ blob: Blob; filename: string | null }> => {
    const response = await send('POST', path, body, accept);
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
