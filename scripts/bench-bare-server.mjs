// SPDX-License-Identifier: EUPL-1.2
// The ceiling for `npm run bench:intake`: a bare Fastify server whose one route validates nothing
// and does one INSERT of the request body into the same database engine as Knooppunt (PostgreSQL:
// DATABASE_URL with a pool of 10 like the app; PGlite: BARE_DATA_DIR, one connection like the app).
import Fastify from 'fastify';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';

const DDL = `CREATE TABLE IF NOT EXISTS bench_plafond (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  categorie text NOT NULL,
  omschrijving text NOT NULL,
  antwoorden jsonb NOT NULL,
  postcode text,
  huisnummer integer,
  aangemaakt_op timestamptz NOT NULL DEFAULT now()
)`;
const INSERT = 'INSERT INTO bench_plafond (categorie, omschrijving, antwoorden, postcode, huisnummer) VALUES ($1, $2, $3, $4, $5) RETURNING id';

let query;
if (process.env.DATABASE_URL) {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  query = (text, params) => pool.query(text, params);
} else {
  const db = await PGlite.create(process.env.BARE_DATA_DIR);
  query = (text, params) => db.query(text, params);
}
await query(DDL, []);

const app = Fastify({ logger: false });
app.get('/readyz', async () => ({ status: 'ok' }));
app.post('/insert', async (request, reply) => {
  const b = request.body;
  const { rows } = await query(INSERT, [b.categorie, b.omschrijving, JSON.stringify(b.antwoorden ?? {}), b.locatie?.postcode ?? null, b.locatie?.huisnummer ?? null]);
  return reply.code(201).send({ id: rows[0].id });
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
const stop = async () => {
  await app.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
