// SPDX-License-Identifier: EUPL-1.2
// Forward-only. Never edit this file once merged: add a new migration instead.
// Meldpunt: categories (configuration), routing rules, meldingen with their events, messages,
// attachments and subjects, in-app notifications, the deletion log and content-free statistics.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are written against the schema as it was, not the current DB type
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE meldingcategorieen (
      id text PRIMARY KEY,
      hoofdcategorie_id text REFERENCES meldingcategorieen(id),
      kanaal text NOT NULL CHECK (kanaal IN ('overlast', 'ondermijning')),
      naam text NOT NULL,
      hulptekst text NOT NULL DEFAULT '',
      volgorde integer NOT NULL DEFAULT 0,
      actief boolean NOT NULL DEFAULT true,
      vragen jsonb NOT NULL DEFAULT '[]',
      termijn_aantal integer NOT NULL DEFAULT 5,
      termijn_eenheid text NOT NULL DEFAULT 'werkdagen' CHECK (termijn_eenheid IN ('werkdagen', 'kalenderdagen')),
      standaardteksten jsonb NOT NULL DEFAULT '{}',
      bewaartermijnen jsonb NOT NULL DEFAULT '{}',
      bijgewerkt_op timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE routeringsregels (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      volgorde integer NOT NULL,
      kanaal text,
      categorie_id text REFERENCES meldingcategorieen(id),
      gemeente_code text,
      postcode_van text,
      postcode_tot text,
      team text NOT NULL,
      actief boolean NOT NULL DEFAULT true
    )`.execute(db);

  await sql`CREATE SEQUENCE melding_volgnummer`.execute(db);

  await sql`
    CREATE TABLE meldingen (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      referentie text NOT NULL UNIQUE,
      kanaal text NOT NULL,
      bron text NOT NULL CHECK (bron IN ('publiek', 'niet-pluis', 'open311')),
      categorie_id text NOT NULL REFERENCES meldingcategorieen(id),
      organisatie_id uuid NOT NULL REFERENCES organisaties(id),
      gemeente_code text NOT NULL,
      team text NOT NULL,
      status text NOT NULL,
      omschrijving text NOT NULL,
      antwoorden jsonb NOT NULL DEFAULT '{}',
      postcode text,
      huisnummer integer,
      huisletter text,
      huisnummertoevoeging text,
      straat text,
      woonplaats text,
      locatie_toelichting text,
      breedtegraad double precision,
      lengtegraad double precision,
      waargenomen_op timestamptz,
      waargenomen_toelichting text,
      contact_versleuteld text,
      updates_per_mail boolean NOT NULL DEFAULT false,
      ontvangstcode_hash text UNIQUE,
      melder_gebruiker_id uuid REFERENCES gebruikers(id) ON DELETE SET NULL,
      melder_organisatie_id uuid REFERENCES organisaties(id),
      melder_rol text,
      toegewezen_aan uuid REFERENCES gebruikers(id) ON DELETE SET NULL,
      ouder_id uuid REFERENCES meldingen(id) ON DELETE SET NULL,
      koppelreden text,
      afhandeltermijn timestamptz NOT NULL,
      escalatietermijn timestamptz NOT NULL,
      bericht_aan_melder text,
      reactie_termijn timestamptz,
      doorgezet_naar text,
      uitkomst text,
      afgesloten_op timestamptz,
      contact_wissen_op timestamptz,
      bewaren_tot timestamptz,
      versie integer NOT NULL DEFAULT 1,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      bijgewerkt_op timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX meldingen_werkvoorraad_idx ON meldingen (organisatie_id, status, aangemaakt_op DESC)`.execute(db);
  await sql`CREATE INDEX meldingen_adres_idx ON meldingen (postcode, huisnummer) WHERE postcode IS NOT NULL`.execute(db);
  await sql`CREATE INDEX meldingen_categorie_idx ON meldingen (categorie_id, aangemaakt_op)`.execute(db);
  await sql`CREATE INDEX meldingen_melder_idx ON meldingen (melder_gebruiker_id) WHERE melder_gebruiker_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX meldingen_ouder_idx ON meldingen (ouder_id) WHERE ouder_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX meldingen_bewaren_idx ON meldingen (bewaren_tot) WHERE bewaren_tot IS NOT NULL`.execute(db);
  await sql`CREATE INDEX meldingen_contact_wissen_idx ON meldingen (contact_wissen_op) WHERE contact_wissen_op IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE melding_gebeurtenissen (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      melding_id uuid NOT NULL REFERENCES meldingen(id) ON DELETE CASCADE,
      soort text NOT NULL,
      van text,
      naar text,
      reden text,
      actor_soort text NOT NULL,
      actor_id uuid,
      actor_naam text,
      op timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX melding_gebeurtenissen_melding_idx ON melding_gebeurtenissen (melding_id, op)`.execute(db);

  await sql`
    CREATE TABLE melding_berichten (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      melding_id uuid NOT NULL REFERENCES meldingen(id) ON DELETE CASCADE,
      richting text NOT NULL CHECK (richting IN ('aan-melder', 'van-melder')),
      tekst text NOT NULL,
      reactie_gevraagd boolean NOT NULL DEFAULT false,
      auteur_id uuid REFERENCES gebruikers(id) ON DELETE SET NULL,
      aangemaakt_op timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX melding_berichten_melding_idx ON melding_berichten (melding_id, aangemaakt_op)`.execute(db);

  await sql`
    CREATE TABLE melding_bijlagen (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      melding_id uuid NOT NULL REFERENCES meldingen(id) ON DELETE CASCADE,
      bestandsnaam text NOT NULL,
      mime_type text NOT NULL,
      grootte integer NOT NULL,
      sha256 text NOT NULL,
      opslag_sleutel text NOT NULL UNIQUE,
      bron text NOT NULL CHECK (bron IN ('melder', 'medewerker')),
      aangemaakt_op timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX melding_bijlagen_melding_idx ON melding_bijlagen (melding_id)`.execute(db);

  await sql`
    CREATE TABLE melding_onderwerpen (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      melding_id uuid NOT NULL REFERENCES meldingen(id) ON DELETE CASCADE,
      soort text NOT NULL CHECK (soort IN ('persoon', 'adres', 'bedrijf', 'voertuig')),
      gegevens_versleuteld text NOT NULL,
      sleutels text[] NOT NULL DEFAULT '{}'
    )`.execute(db);
  await sql`CREATE INDEX melding_onderwerpen_melding_idx ON melding_onderwerpen (melding_id)`.execute(db);
  await sql`CREATE INDEX melding_onderwerpen_sleutels_idx ON melding_onderwerpen USING gin (sleutels)`.execute(db);

  await sql`
    CREATE TABLE pow_gebruikt (
      id text PRIMARY KEY,
      verloopt_op timestamptz NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE notificaties (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      gebruiker_id uuid NOT NULL REFERENCES gebruikers(id) ON DELETE CASCADE,
      organisatie_id uuid NOT NULL REFERENCES organisaties(id),
      tekst text NOT NULL,
      melding_id uuid REFERENCES meldingen(id) ON DELETE CASCADE,
      gelezen_op timestamptz,
      aangemaakt_op timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX notificaties_gebruiker_idx ON notificaties (gebruiker_id, aangemaakt_op DESC)`.execute(db);

  await sql`
    CREATE TABLE melding_verwijderlog (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      referentie text NOT NULL,
      organisatie_id uuid NOT NULL REFERENCES organisaties(id),
      kanaal text NOT NULL,
      categorie_id text NOT NULL,
      handeling text NOT NULL CHECK (handeling IN ('verwijderd', 'contactgegevens-gewist')),
      grondslag text NOT NULL,
      afgesloten_op timestamptz,
      termijn_verstreken_op timestamptz NOT NULL,
      uitgevoerd_op timestamptz NOT NULL,
      bijlagen_verwijderd integer NOT NULL DEFAULT 0
    )`.execute(db);
  await sql`CREATE INDEX melding_verwijderlog_org_idx ON melding_verwijderlog (organisatie_id, uitgevoerd_op)`.execute(db);

  await sql`
    CREATE TABLE melding_statistiek (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kanaal text NOT NULL,
      categorie_id text NOT NULL,
      gemeente_code text NOT NULL,
      maand text NOT NULL,
      uitkomst text NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX melding_statistiek_idx ON melding_statistiek (gemeente_code, maand)`.execute(db);
}
