// SPDX-License-Identifier: EUPL-1.2
// RFC 9457 problem+json for every error: one error handler and one not-found handler.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorCodeToStatus, type FieldError } from './errors.js';

export const PROBLEM_TYPE_BASE = 'https://knooppunt.tweestromenland.nl/problemen/';

const TITLES: Record<number, string> = {
  400: 'Ongeldig verzoek',
  401: 'Niet ingelogd',
  403: 'Geen toegang',
  404: 'Niet gevonden',
  405: 'Methode niet toegestaan',
  406: 'Niet aanvaardbaar',
  409: 'Conflict',
  413: 'Verzoek te groot',
  415: 'Mediatype niet ondersteund',
  429: 'Te veel verzoeken',
  500: 'Interne fout',
  503: 'Dienst niet beschikbaar',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  correlationId: string;
  errors?: FieldError[];
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, status: number, code: string, detail: string, errors?: FieldError[]) {
  const body: Problem = {
    type: `${PROBLEM_TYPE_BASE}${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Fout',
    status,
    detail,
    instance: request.url.split('?')[0] ?? '/',
    code,
    correlationId: request.id,
    ...(errors && errors.length ? { errors } : {}),
  };
  return reply.code(status).type('application/problem+json; charset=utf-8').send(body);
}

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

function fieldName(e: AjvError, context: string | undefined): string {
  const base = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (e.keyword === 'required') return [base, String(e.params.missingProperty)].filter(Boolean).join('.');
  if (e.keyword === 'additionalProperties') return [base, String(e.params.additionalProperty)].filter(Boolean).join('.');
  return base || context || 'body';
}

function dutchMessage(e: AjvError): string {
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      return 'Dit veld is verplicht.';
    case 'type':
      return `Moet van het type ${String(p.type)} zijn.`;
    case 'minLength':
      return `Moet minstens ${String(p.limit)} teken(s) bevatten.`;
    case 'maxLength':
      return `Mag hoogstens ${String(p.limit)} tekens bevatten.`;
    case 'minimum':
      return `Moet minstens ${String(p.limit)} zijn.`;
    case 'maximum':
      return `Mag hoogstens ${String(p.limit)} zijn.`;
    case 'minItems':
      return `Kies er minstens ${String(p.limit)}.`;
    case 'maxItems':
      return `Kies er hoogstens ${String(p.limit)}.`;
    case 'uniqueItems':
      return 'Elke waarde mag maar één keer voorkomen.';
    case 'enum':
      return `Moet een van deze waarden zijn: ${(p.allowedValues as unknown[]).join(', ')}.`;
    case 'format':
      return `Heeft niet het juiste formaat (${String(p.format)}).`;
    case 'pattern':
      return 'Heeft niet het juiste formaat.';
    case 'additionalProperties':
      return 'Dit veld is onbekend.';
    case 'const':
      return `Moet ${JSON.stringify(p.allowedValue)} zijn.`;
    default:
      return e.message ?? 'Ongeldige waarde.';
  }
}

export function installProblemHandlers(app: FastifyInstance, routeMatchers: () => Array<{ method: string; re: RegExp }>, spaIndexHtml: string | null = null) {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      for (const [k, v] of Object.entries(error.headers)) reply.header(k, v);
      return sendProblem(request, reply, errorCodeToStatus(error.code), error.code, error.message, error.fieldErrors);
    }
    const fe = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
    if (fe.validation) {
      const errors = fe.validation.map((e) => ({ veld: fieldName(e, fe.validationContext), melding: dutchMessage(e) }));
      return sendProblem(request, reply, 400, 'ONGELDIGE_INVOER', 'Een of meer velden zijn niet goed ingevuld.', errors);
    }
    const status = fe.statusCode ?? 500;
    if (status === 413) return sendProblem(request, reply, 413, 'TE_GROOT', 'Het verzoek is groter dan toegestaan.');
    if (status === 415) return sendProblem(request, reply, 415, 'MEDIATYPE_ONBEKEND', 'Dit mediatype wordt hier niet ondersteund; gebruik application/json.');
    if (status === 429) return sendProblem(request, reply, 429, 'TE_VEEL_VERZOEKEN', 'Te veel verzoeken; probeer het later opnieuw.');
    if (status >= 400 && status < 500) {
      const detail =
        fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? 'De body is leeg maar het mediatype is application/json.'
          : fe.code?.startsWith('FST_ERR_CTP') || error instanceof SyntaxError
            ? 'De body is geen geldige JSON.'
            : 'Het verzoek is ongeldig.';
      return sendProblem(request, reply, status, 'ONGELDIG_VERZOEK', detail);
    }
    request.log.error({ err: error, correlationId: request.id }, 'onverwachte fout');
    return sendProblem(request, reply, 500, 'INTERNE_FOUT', `Er ging iets mis aan onze kant. Vermeld bij contact met de servicedesk het correlatienummer ${request.id}.`);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isApi = path.startsWith('/api/') || path.startsWith('/open311/') || path === '/healthz' || path === '/readyz';
    if (spaIndexHtml && !isApi && (request.method === 'GET' || request.method === 'HEAD') && (path === '/' || !path.endsWith('/'))) {
      // Client-side routes of the web UI get the single-page app.
      return reply.code(200).type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(spaIndexHtml);
    }
    const allowed = routeMatchers()
      .filter((r) => r.re.test(path))
      .map((r) => r.method);
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      reply.header('Allow', [...new Set(allowed)].join(', '));
      return sendProblem(request, reply, 405, 'METHODE_NIET_TOEGESTAAN', `De methode ${request.method} is niet toegestaan op deze bron.`);
    }
    return sendProblem(request, reply, 404, 'NIET_GEVONDEN', 'Deze bron bestaat niet.');
  });
}

/** Turns a Fastify route path (`/a/:id`) into an exact-match regex (no trailing slash). */
export function routeRegex(url: string): RegExp {
  const escaped = url
    .split('/')
    .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg === '*' ? '.*' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}$`);
}
