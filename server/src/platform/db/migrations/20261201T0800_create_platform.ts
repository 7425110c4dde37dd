// SPDX-License-Identifier: EUPL-1.2
// Forward-only. Never edit this file once merged: add a new migration instead.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are written against the schema as it was, not the current DB type
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);

  await sql`
    CREATE TABLE organisaties (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      naam text NOT NULL,
      soort text NOT NULL,
      actief boolean NOT NULL DEFAULT true,
      aangemaakt_op timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE gebruikers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisatie_id uuid NOT NULL REFERENCES organisaties(id),
      gebruikersnaam text NOT NULL,
      naam text NOT NULL,
      email text NOT NULL,
      rollen text[] NOT NULL DEFAULT '{}',
      wachtwoord_hash text,
      moet_wachtwoord_wijzigen boolean NOT NULL DEFAULT false,
      totp_geheim text,
      totp_voorlopig text,
      totp_ingeschreven_op timestamptz,
      totp_laatste_stap bigint,
      oidc_subject text,
      actief boolean NOT NULL DEFAULT true,
      laatst_ingelogd_op timestamptz,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      bijgewerkt_op timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX gebruikers_gebruikersnaam_uk ON gebruikers (lower(gebruikersnaam))`.execute(db);
  await sql`CREATE INDEX gebruikers_organisatie_idx ON gebruikers (organisatie_id)`.execute(db);

  await sql`
    CREATE TABLE herstelcodes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      gebruiker_id uuid NOT NULL REFERENCES gebruikers(id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      gebruikt_op timestamptz
    )`.execute(db);
  await sql`CREATE INDEX herstelcodes_gebruiker_idx ON herstelcodes (gebruiker_id)`.execute(db);

  await sql`
    CREATE TABLE sessies (
      id text PRIMARY KEY,
      publiek_id text NOT NULL UNIQUE,
      gebruiker_id uuid NOT NULL REFERENCES gebruikers(id) ON DELETE CASCADE,
      organisatie_id uuid NOT NULL REFERENCES organisaties(id),
      status text NOT NULL,
      csrf_token text NOT NULL,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      laatst_actief_op timestamptz NOT NULL,
      verloopt_op timestamptz NOT NULL,
      beeindigd_op timestamptz,
      ip_adres text
    )`.execute(db);
  await sql`CREATE INDEX sessies_gebruiker_idx ON sessies (gebruiker_id)`.execute(db);

  await sql`
    CREATE TABLE inlogpogingen (
      id bigserial PRIMARY KEY,
      sleutel text NOT NULL,
      tijdstip timestamptz NOT NULL,
      geslaagd boolean NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX inlogpogingen_sleutel_idx ON inlogpogingen (sleutel, tijdstip)`.execute(db);

  await sql`
    CREATE TABLE api_sleutels (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisatie_id uuid NOT NULL REFERENCES organisaties(id),
      naam text NOT NULL,
      prefix text NOT NULL UNIQUE,
      sleutel_hash text NOT NULL,
      scopes text[] NOT NULL,
      aangemaakt_door uuid REFERENCES gebruikers(id),
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      laatst_gebruikt_op timestamptz,
      ingetrokken_op timestamptz
    )`.execute(db);

  await sql`
    CREATE TABLE audit_regels (
      id bigserial PRIMARY KEY,
      tijdstip timestamptz NOT NULL,
      actor_soort text NOT NULL,
      actor_id text,
      actor_naam text,
      actor_organisatie_id text,
      actor_organisatie_code text,
      actie text NOT NULL,
      object_type text NOT NULL,
      object_id text,
      betrokkene text,
      resultaat text NOT NULL,
      request_id text,
      ip_adres text,
      doel text,
      details jsonb NOT NULL DEFAULT '{}',
      vorige_hash text NOT NULL,
      hash text NOT NULL UNIQUE
    )`.execute(db);
  await sql`CREATE INDEX audit_regels_tijdstip_idx ON audit_regels (tijdstip)`.execute(db);
  await sql`CREATE INDEX audit_regels_object_idx ON audit_regels (object_type, object_id)`.execute(db);
  await sql`CREATE INDEX audit_regels_actor_idx ON audit_regels (actor_naam)`.execute(db);
  await sql`CREATE INDEX audit_regels_betrokkene_idx ON audit_regels (betrokkene)`.execute(db);

  await sql`
    CREATE TABLE ldv_records (
      id bigserial PRIMARY KEY,
      trace_id text NOT NULL,
      span_id text NOT NULL,
      parent_span_id text,
      naam text NOT NULL,
      start_tijd timestamptz NOT NULL,
      eind_tijd timestamptz NOT NULL,
      status text NOT NULL,
      verwerkingsactiviteit_id text NOT NULL,
      betrokkene_id text NOT NULL,
      betrokkene_id_type text NOT NULL,
      foreign_span_id text,
      foreign_processor text,
      attributen jsonb NOT NULL DEFAULT '{}'
    )`.execute(db);
  await sql`CREATE INDEX ldv_records_trace_idx ON ldv_records (trace_id)`.execute(db);

  // Append-only: the database itself refuses to change or remove audit and LDV records.
  await sql`
    CREATE FUNCTION weiger_wijziging() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'tabel % is alleen-toevoegen: % is niet toegestaan', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END $$`.execute(db);
  for (const table of ['audit_regels', 'ldv_records']) {
    // Statement-level, so even a statement that matches no rows is refused.
    await sql`CREATE TRIGGER ${sql.raw(table)}_alleen_toevoegen BEFORE UPDATE OR DELETE OR TRUNCATE ON ${sql.raw(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION weiger_wijziging()`.execute(db);
  }

  await sql`
    CREATE TABLE verwerkingsactiviteiten (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      naam text NOT NULL,
      doel text NOT NULL,
      grondslag text NOT NULL,
      categorieen_betrokkenen text NOT NULL,
      categorieen_gegevens text NOT NULL,
      ontvangers text NOT NULL DEFAULT '',
      bewaartermijn text NOT NULL,
      verantwoordelijke text NOT NULL,
      actief boolean NOT NULL DEFAULT true,
      bijgewerkt_op timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE instellingen (
      sleutel text PRIMARY KEY,
      waarde text NOT NULL
    )`.execute(db);
}
