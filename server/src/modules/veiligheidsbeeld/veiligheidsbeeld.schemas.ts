// SPDX-License-Identifier: EUPL-1.2
// JSON schemas of the veiligheidsbeeld API (→ OpenAPI). Query values are strings (no coercion).
import { BRONNEN } from './domain/catalogus.js';
import { FORMATEN } from './domain/formaten.js';

export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

const jaar = { type: 'string', pattern: '^[0-9]{4}$', description: 'Jaar, bijvoorbeeld 2018' };
const maand = { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'Maand als JJJJ-MM' };
const gebied = { type: 'string', minLength: 1, maxLength: 40, description: 'Gemeentecode (GM0296) of "tweestromenland"', examples: ['GM0296'] };
const indicator = { type: 'string', minLength: 1, maxLength: 40, description: 'Code van de indicator: politiecode (2.5.1; 0.0.0 = totaal misdrijven), E-code (E33) of CBS-code', examples: ['2.5.1'] };
const bron = { type: 'string', enum: [...BRONNEN] };

export const importBody = {
  type: 'object',
  additionalProperties: false,
  required: ['bestandsnaam', 'inhoud'],
  properties: {
    formaat: { type: 'string', enum: [...FORMATEN], description: 'Leeg = automatisch herkennen' },
    bestandsnaam: { type: 'string', minLength: 1, maxLength: 255 },
    inhoud: { type: 'string', minLength: 1, maxLength: IMPORT_BODY_LIMIT, description: 'De inhoud van het bestand als tekst (UTF-8)' },
    titel: { type: 'string', maxLength: 200 },
    licentie: { type: 'string', maxLength: 100 },
  },
  examples: [
    {
      bestandsnaam: 'ivp-bijlage-misdrijven.csv',
      inhoud: 'soort_code;soort_omschrijving;gemeentecode;gemeente;jaar;aantal\n2.5.1;Diefstal/inbraak bedrijven en instellingen;GM0296;Wijchen;2014;34\n',
    },
  ],
};

export const cijfersQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['indicator', 'gebied'],
  properties: { indicator, bron, gebied, van: jaar, tot: jaar, basisjaar: jaar },
};

export const vergelijkingQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['indicator', 'jaar'],
  properties: { indicator, bron, gebied: { ...gebied, examples: ['tweestromenland'] }, jaar },
};

export const indicatorenQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { bron, veld: { type: 'string', enum: ['1', '2', '3', '4', '5', 'geen'] } },
};

export const meldpuntQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['gebied', 'van', 'tot'],
  properties: { gebied, van: maand, tot: maand },
};

const nullableNumber = { type: ['number', 'null'] };
const nullableInt = { type: ['integer', 'null'] };
const nullableString = { type: ['string', 'null'] };

const indicatorSchema = {
  type: 'object',
  properties: { code: { type: 'string' }, naam: { type: 'string' }, bron: { type: 'string' }, veld: nullableInt, veldNaam: nullableString, tags: { type: 'array', items: { type: 'string' } }, eenheid: { type: 'string' } },
};

const bronDataset = {
  type: 'object',
  properties: { id: { type: 'string' }, titel: { type: 'string' }, bron: { type: 'string' }, tabel: nullableString, licentie: { type: 'string' }, bestandsnaam: { type: 'string' }, geimporteerdOp: { type: 'string' } },
};

export const cijfersResponse = {
  type: 'object',
  properties: {
    indicator: indicatorSchema,
    gebied: { type: 'object', properties: { code: { type: 'string' }, naam: { type: 'string' }, soort: { type: 'string' }, leden: { type: 'array', items: { type: 'string' } } } },
    basisjaar: { type: 'integer' },
    reeks: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          jaar: { type: 'integer' },
          aantal: nullableInt,
          inwoners: nullableInt,
          per1000: nullableNumber,
          indexTovBasisjaar: nullableNumber,
          ontbrekend: { type: 'array', items: { type: 'string' } },
          deeljaar: { type: 'boolean' },
        },
      },
    },
    analyse: {
      type: 'object',
      properties: {
        verandering: { type: ['object', 'null'], properties: { basisjaar: { type: 'integer' }, eindjaar: { type: 'integer' }, absoluut: nullableInt, procent: nullableNumber } },
        trend: { type: 'object', properties: { richting: { type: 'string' }, helling: nullableNumber, relatieveHelling: nullableNumber, punten: { type: 'integer' }, drempel: { type: 'number' } } },
      },
    },
    bron: { type: 'object', properties: { licentie: nullableString, datasets: { type: 'array', items: bronDataset }, bevolking: { type: 'array', items: bronDataset } } },
  },
};

export const indelingParams = {
  type: 'object',
  additionalProperties: false,
  required: ['bron', 'indicator'],
  properties: { bron, indicator: { type: 'string', minLength: 1, maxLength: 40, description: 'Code van de indicator binnen de bron, bijvoorbeeld 2.5.1 of E33' } },
};

export const indelingVersieParams = {
  type: 'object',
  additionalProperties: false,
  required: ['bron', 'indicator', 'geldigVan'],
  properties: { ...indelingParams.properties, geldigVan: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'Datum vanaf wanneer de versie geldt (JJJJ-MM-DD)' } },
};

export const indelingBody = {
  type: 'object',
  additionalProperties: false,
  required: ['geldigVan', 'veld'],
  properties: {
    geldigVan: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'Vanaf deze datum geldt de indeling; dezelfde datum vervangt die versie' },
    veld: { type: ['integer', 'null'], minimum: 1, maximum: 5, description: 'Kernbeleid-veld 1–5; null = telt alleen mee in totalen' },
    tags: { type: 'array', maxItems: 10, items: { type: 'string', minLength: 1, maxLength: 40 }, description: 'Thema’s, bijvoorbeeld ondermijning' },
    opmerking: { type: 'string', maxLength: 500 },
  },
  examples: [{ geldigVan: '2023-01-01', veld: 5, tags: ['ondermijning'], opmerking: 'Vanaf het programma 2023–2024 onder Integriteit en veiligheid.' }],
};
