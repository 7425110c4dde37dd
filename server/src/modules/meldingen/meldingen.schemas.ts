// SPDX-License-Identifier: EUPL-1.2
// JSON schemas of the meldingen API (→ OpenAPI). Shapes and lengths here; meaning (postcode,
// BSN, category questions) is checked by the service with Dutch field messages.

const str = (maxLength: number, extra: Record<string, unknown> = {}) => ({ type: 'string', maxLength, ...extra });

export const locatieSchema = {
  type: 'object',
  additionalProperties: false,
  description: 'Postcode + huisnummer (+ huisletter/toevoeging), of straat + woonplaats. De gemeente volgt uit het adres.',
  properties: {
    postcode: str(8, { examples: ['6602 ZR'] }),
    huisnummer: { anyOf: [{ type: 'integer', minimum: 1, maximum: 99999 }, str(6)] },
    huisletter: str(1),
    huisnummertoevoeging: str(4),
    straat: str(120),
    woonplaats: str(80),
    toelichting: str(500, { description: 'Bijvoorbeeld: "achter de sporthal"' }),
    breedtegraad: { type: 'number', minimum: -90, maximum: 90 },
    lengtegraad: { type: 'number', minimum: -180, maximum: 180 },
    gemeente: str(6, { description: 'Alleen bij niet-pluis-meldingen zonder adres: de gemeentecode (GM….).' }),
  },
};

export const contactSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    naam: str(120),
    email: str(254),
    telefoon: str(20),
    updatesPerMail: { type: 'boolean' },
  },
};

const antwoordenSchema = {
  type: 'object',
  description: 'Antwoorden op de extra vragen van de categorie, per vraagcode.',
  maxProperties: 30,
  additionalProperties: { anyOf: [str(2000), { type: 'number' }, { type: 'array', maxItems: 30, items: str(100) }] },
};

export const publicIntakeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['categorie', 'omschrijving', 'locatie', 'altcha'],
  properties: {
    categorie: str(80, { description: 'Id van een subcategorie uit GET /api/v1/meldingcategorieen' }),
    omschrijving: str(5000),
    antwoorden: antwoordenSchema,
    locatie: locatieSchema,
    waargenomenOp: str(40, { description: 'Datum (en tijd) van waarnemen, ISO 8601' }),
    waargenomenToelichting: str(500),
    contact: contactSchema,
    altcha: str(2000, { description: 'De opgeloste proof-of-work-uitdaging (ALTCHA-payload, base64).' }),
  },
  examples: [{
    categorie: 'personen.jeugdoverlast',
    omschrijving: 'Elke avond een groep jongeren bij het winkelcentrum die scooters laat rondscheuren en voorbijgangers lastigvalt.',
    antwoorden: { acuut: 'nee', hoe_vaak: 'vaak', tijdstip: 'avond', aantal_personen: 8 },
    locatie: { postcode: '6602 ZR', huisnummer: 1, toelichting: 'Bij de ingang van het winkelcentrum' },
    waargenomenOp: '2026-11-28T21:30:00+01:00',
    contact: { naam: 'J. de Vries', email: 'j.devries@example.nl', updatesPerMail: true },
  }],
};

const subjectSchema = {
  type: 'object',
  required: ['soort'],
  additionalProperties: false,
  properties: {
    soort: { type: 'string', enum: ['persoon', 'adres', 'bedrijf', 'voertuig'] },
    naam: str(160),
    geboortedatum: str(10),
    bsn: str(11),
    postcode: str(8),
    huisnummer: { anyOf: [{ type: 'integer' }, str(6)] },
    huisletter: str(1),
    huisnummertoevoeging: str(4),
    straat: str(120),
    woonplaats: str(80),
    kvkNummer: str(12),
    kenteken: str(10),
    omschrijving: str(200),
  },
};

export const nietPluisBody = {
  type: 'object',
  additionalProperties: false,
  required: ['categorie', 'omschrijving', 'locatie'],
  properties: {
    categorie: str(80),
    omschrijving: str(5000),
    antwoorden: antwoordenSchema,
    locatie: locatieSchema,
    waargenomenOp: str(40),
    waargenomenToelichting: str(500),
    onderwerpen: { type: 'array', maxItems: 10, items: subjectSchema },
  },
  examples: [{ categorie: 'drugs-productie.hennepteelt', omschrijving: 'Bij controle sterke hennepgeur bij de loods; ramen afgeplakt, veel stroomkabels.', antwoorden: { acuut: 'nee' }, locatie: { postcode: '6651 AA', huisnummer: 12 }, waargenomenOp: '2026-11-30T14:10:00+01:00', onderwerpen: [{ soort: 'voertuig', kenteken: '12-ABC-3' }, { soort: 'bedrijf', naam: 'Loodsverhuur De Waal', kvkNummer: '12345678' }] }],
};

export const receiptSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    referentie: { type: 'string' },
    ontvangstcode: { type: 'string', description: 'Wordt één keer getoond en nergens leesbaar bewaard.' },
    kanaal: { type: 'string' },
    status: { type: 'string' },
    gemeente: { type: 'object', properties: { code: { type: 'string' }, naam: { type: 'string' } } },
    afhandeltermijn: { type: 'string', format: 'date-time', nullable: true },
    bericht: { type: 'string' },
  },
};

export const receiptCodeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['ontvangstcode'],
  properties: { ontvangstcode: str(64, { examples: ['1234 5678 9012 3456 7890'] }) },
  examples: [{ ontvangstcode: '1234 5678 9012 3456 7890' }],
};

export const replyBody = {
  type: 'object',
  additionalProperties: false,
  required: ['ontvangstcode'],
  properties: { ontvangstcode: str(64), tekst: str(5000) },
  examples: [{ ontvangstcode: '1234 5678 9012 3456 7890', tekst: 'Het gaat om de blauwe bestelbus die elke avond voor nummer 12 staat.' }],
};

export const multipartBody = {
  description:
    'multipart/form-data met het veld `melding` (de JSON van de melding), het veld `altcha` (publiek) en maximaal 3 bestanden in het veld `bijlagen` (JPEG, PNG, WebP, GIF of PDF; maximaal 10 MB per bestand). Metadata (EXIF, GPS, XMP) wordt uit foto’s verwijderd.',
};

export const staffFilesBody = {
  description: 'multipart/form-data met maximaal 3 bestanden in het veld `bijlagen` (JPEG, PNG, WebP, GIF of PDF; maximaal 10 MB per bestand).',
  examples: [{ bijlagen: ['foto-situatie.jpg'] }],
};

export const worklistQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    gemeente: str(6),
    kanaal: { type: 'string', enum: ['overlast', 'ondermijning'] },
    categorie: str(80),
    status: str(200, { description: 'Een of meer statussen, komma-gescheiden' }),
    team: str(40),
    termijn: { type: 'string', enum: ['overschreden', 'drievoudig-overschreden'] },
    toegewezen: { type: 'string', enum: ['mij', 'niemand'] },
    van: str(10, { pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    tot: str(10, { pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    zoek: str(40),
    sorteer: { type: 'string', enum: ['aangemaakt', '-aangemaakt', 'termijn', '-termijn', 'status', 'categorie'] },
    pagina: str(6, { pattern: '^[1-9][0-9]{0,5}$', description: 'Paginanummer, vanaf 1' }),
    paginaGrootte: str(3, { pattern: '^([1-9][0-9]?|100)$', description: 'Aantal per pagina, 1–100 (standaard 25)' }),
  },
};

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
};

export const transitionBody = {
  type: 'object',
  additionalProperties: false,
  required: ['status'],
  properties: {
    status: str(40),
    reden: str(2000),
    doorgezetNaar: str(40),
    berichtAanMelder: str(2000, { description: 'Alleen bij overlast: tekst voor de melder bij het afsluiten.' }),
    versie: { type: 'integer', minimum: 1 },
  },
  examples: [{ status: 'afgehandeld', reden: 'Handhaving heeft de jongeren aangesproken.', berichtAanMelder: 'Boa’s hebben de groep aangesproken en houden de plek de komende weken in de gaten.', versie: 3 }],
};

export const assignBody = {
  type: 'object',
  additionalProperties: false,
  required: ['gebruikerId'],
  properties: { gebruikerId: { type: 'string', format: 'uuid', nullable: true } },
  examples: [{ gebruikerId: '0b9c6a4e-3f7d-4a8e-9b1c-2d3e4f5a6b7c' }],
};

export const updateBody = {
  type: 'object',
  additionalProperties: false,
  required: ['reden'],
  properties: { categorie: str(80), locatie: locatieSchema, reden: str(2000) },
  examples: [{ categorie: 'personen.woonoverlast', reden: 'Het gaat om overlast vanuit één woning.' }],
};

export const messageBody = {
  type: 'object',
  additionalProperties: false,
  required: ['tekst'],
  properties: { tekst: str(5000), reactieGevraagd: { type: 'boolean' } },
  examples: [{ tekst: 'Op welke dagen ziet u de bus staan?', reactieGevraagd: true }],
};

export const linkBody = {
  type: 'object',
  additionalProperties: false,
  required: ['ouderId'],
  properties: { ouderId: { type: 'string', format: 'uuid', nullable: true }, reden: str(2000) },
  examples: [{ ouderId: '0b9c6a4e-3f7d-4a8e-9b1c-2d3e4f5a6b7c', reden: 'Zelfde adres en zelfde groep jongeren.' }],
};

export const reasonBody = {
  type: 'object',
  additionalProperties: false,
  required: ['reden'],
  properties: { reden: str(2000) },
  examples: [{ reden: 'Melder terugbellen over een afspraak ter plaatse.' }],
};
