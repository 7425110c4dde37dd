// SPDX-License-Identifier: EUPL-1.2
// The ceiling for `npm run bench:intake`: a bare Fastify server whose one route validates nothing
// and does one INSERT of the request body (PostgreSQL: DATABASE_URL with a pool of 10 like the app;
// PGlite: BARE_DATA_DIR, one connection like the app). BARE_TABLE=meldingen inserts one row into
// Knooppunt's own `meldingen` table of that database (same indexes and constraints: the storage
// floor of a melding); otherwise into a one-index table `bench_plafond`.
import Fastify from 'fastify';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

const DDL = `CREATE TABLE IF NOT EXISTS bench_plafond (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  categorie text NOT NULL,
  omschrijving text NOT NULL,
  antwoorden jsonb NOT NULL,
  postcode text,
  huisnummer integer,
  aangemaakt_op timestamptz NOT NULL DEFAULT now()
)`;
const INSERT_PLAFOND = 'INSERT INTO bench_plafond (categorie, omschrijving, antwoorden, postcode, huisnummer) VALUES ($1, $2, $3, $4, $5) RETURNING id';
const INSERT_MELDING = `INSERT INTO meldingen (referentie, kanaal, bron, categorie_id, organisatie_id, gemeente_code, team, status, omschrijving, antwoorden,
  postcode, huisnummer, ontvangstcode_hash, afhandeltermijn, escalatietermijn)
  VALUES ('BARE-' || gen_random_uuid(), 'overlast', 'publiek', $1, $6, 'GM0296', 'openbare-orde', 'ontvangen', $2, $3, $4, $5,
  md5(random()::text) || md5(random()::text), now() + interval '7 days', now() + interval '21 days') RETURNING id`;
const intoMeldingen = process.env.BARE_TABLE === 'meldingen';

let query;
if (process.env.DATABASE_URL) {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  query = (text, params) => pool.query(text, params);
} else {
  const db = await PGlite.create(process.env.BARE_DATA_DIR, { extensions: { pg_trgm, unaccent } });
  query = (text, params) => db.query(text, params);
}
let organisationId = null;
if (intoMeldingen) organisationId = (await query("SELECT id FROM organisaties WHERE code = 'GM0296'", [])).rows[0].id;
else await query(DDL, []);

const app = Fastify({ logger: false });
app.get('/readyz', async () => ({ status: 'ok' }));
app.post('/insert', async (request, reply) => {
  const b = request.body;
  const params = [b.categorie, b.omschrijving, JSON.stringify(b.antwoorden ?? {}), b.locatie?.postcode ?? null, b.locatie?.huisnummer ?? null];
  const { rows } = await query(intoMeldingen ? INSERT_MELDING : INSERT_PLAFOND, intoMeldingen ? [...params, organisationId] : params);
  return reply.code(201).send({ id: rows[0].id });
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
const stop = async () => {
  await app.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
