// SPDX-License-Identifier: EUPL-1.2
// JSON schemas (→ validation and OpenAPI). Every request body has a valid example.
import { API_SCOPES, ROLES } from '../auth/roles.js';

const uuid = { type: 'string', format: 'uuid' } as const;
const text = (max: number, min = 1) => ({ type: 'string', minLength: min, maxLength: max }) as const;
const dateTime = { type: 'string', format: 'date-time' } as const;

export const organisatieSchema = {
  type: 'object',
  required: ['id', 'code', 'naam', 'soort'],
  properties: { id: uuid, code: { type: 'string' }, naam: { type: 'string' }, soort: { type: 'string' } },
} as const;

export const sessieSchema = {
  type: 'object',
  required: ['status', 'csrfToken', 'verlooptOp', 'gebruiker', 'organisatie', 'rollen', 'rechten'],
  properties: {
    status: { type: 'string', enum: ['actief', 'mfa-inschrijving'] },
    csrfToken: { type: 'string' },
    verlooptOp: dateTime,
    moetWachtwoordWijzigen: { type: 'boolean' },
    gebruiker: { type: 'object', properties: { id: uuid, gebruikersnaam: { type: 'string' }, naam: { type: 'string' }, email: { type: 'string' } } },
    organisatie: organisatieSchema,
    rollen: { type: 'array', items: { type: 'string', enum: ROLES } },
    rechten: { type: 'array', items: { type: 'string' } },
  },
} as const;

export const loginBody = {
  type: 'object',
  additionalProperties: false,
  required: ['gebruikersnaam', 'wachtwoord'],
  properties: {
    gebruikersnaam: text(200),
    wachtwoord: text(256),
    totpCode: { type: 'string', pattern: '^[0-9]{6}$' },
    herstelcode: text(40),
  },
  examples: [{ gebruikersnaam: 'a.jansen', wachtwoord: 'paard batterij nietje correct', totpCode: '123456' }],
} as const;

export const totpConfirmBody = {
  type: 'object',
  additionalProperties: false,
  required: ['totpCode'],
  properties: { totpCode: { type: 'string', pattern: '^[0-9]{6}$' } },
  examples: [{ totpCode: '123456' }],
} as const;

export const passwordChangeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['huidigWachtwoord', 'nieuwWachtwoord'],
  properties: { huidigWachtwoord: text(256), nieuwWachtwoord: text(256) },
  examples: [{ huidigWachtwoord: 'paard batterij nietje correct', nieuwWachtwoord: 'vier losse woorden als wachtwoord' }],
} as const;

export const installBody = {
  type: 'object',
  additionalProperties: false,
  required: ['installatiecode', 'gebruikersnaam', 'naam', 'email', 'wachtwoord'],
  properties: {
    installatiecode: text(64),
    gebruikersnaam: { type: 'string', minLength: 3, maxLength: 100, pattern: '^[A-Za-z0-9._@-]+$' },
    naam: text(200),
    email: { type: 'string', format: 'email', maxLength: 254 },
    wachtwoord: text(256),
  },
  examples: [{ installatiecode: 'ABCDE-FGHJK-MNPQR-STUVW', gebruikersnaam: 'beheer.tws', naam: 'Functioneel Beheer', email: 'beheer@tweestromenland.example', wachtwoord: 'paard batterij nietje correct' }],
} as const;

export const userSchema = {
  type: 'object',
  properties: {
    id: uuid,
    gebruikersnaam: { type: 'string' },
    naam: { type: 'string' },
    email: { type: 'string' },
    organisatie: { type: 'object', properties: { id: uuid, code: { type: 'string' }, naam: { type: 'string' } } },
    rollen: { type: 'array', items: { type: 'string' } },
    actief: { type: 'boolean' },
    mfaIngeschreven: { type: 'boolean' },
    laatstIngelogdOp: { type: ['string', 'null'], format: 'date-time' },
    aangemaaktOp: dateTime,
  },
} as const;

const roles = { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: ROLES } } as const;

export const newUserBody = {
  type: 'object',
  additionalProperties: false,
  required: ['gebruikersnaam', 'naam', 'email', 'organisatieId', 'rollen'],
  properties: {
    gebruikersnaam: { type: 'string', minLength: 3, maxLength: 100, pattern: '^[A-Za-z0-9._@-]+$' },
    naam: text(200),
    email: { type: 'string', format: 'email', maxLength: 254 },
    organisatieId: uuid,
    rollen: roles,
  },
  examples: [{ gebruikersnaam: 'k.devries', naam: 'Kim de Vries', email: 'k.devries@wijchen.example', organisatieId: '7d1f4d3e-2b1c-4e8a-9c55-0b6a1f2e3d4c', rollen: ['knooppuntmedewerker'] }],
} as const;

export const userPatchBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { naam: text(200), email: { type: 'string', format: 'email', maxLength: 254 }, rollen: roles, actief: { type: 'boolean' } },
  examples: [{ actief: false }],
} as const;

export const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } } as const;

export const apiKeySchema = {
  type: 'object',
  properties: {
    id: uuid,
    naam: { type: 'string' },
    prefix: { type: 'string' },
    scopes: { type: 'array', items: { type: 'string' } },
    organisatie: { type: 'object', properties: { id: uuid, code: { type: 'string' }, naam: { type: 'string' } } },
    aangemaaktOp: dateTime,
    laatstGebruiktOp: { type: ['string', 'null'], format: 'date-time' },
    ingetrokkenOp: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

export const newApiKeyBody = {
  type: 'object',
  additionalProperties: false,
  required: ['naam', 'scopes'],
  properties: {
    naam: text(200),
    scopes: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: API_SCOPES } },
    organisatieId: uuid,
  },
  examples: [{ naam: 'Meldingensysteem woningcorporatie', scopes: ['open311:lezen', 'open311:schrijven'] }],
} as const;

export const problemSchema = {
  type: 'object',
  properties: {
    type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, instance: { type: 'string' },
    code: { type: 'string' }, correlationId: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { veld: { type: 'string' }, melding: { type: 'string' } } } },
  },
} as const;
