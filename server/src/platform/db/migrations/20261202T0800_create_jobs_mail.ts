// SPDX-License-Identifier: EUPL-1.2
// Forward-only. Never edit this file once merged: add a new migration instead.
// Tables of the job runner (exactly-once claims per period, ADR 0006) and the mail outbox.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are written against the schema as it was, not the current DB type
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE taakuitvoeringen (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      taak text NOT NULL,
      periode text NOT NULL,
      status text NOT NULL CHECK (status IN ('bezig', 'voltooid', 'mislukt')),
      instantie text NOT NULL,
      pogingen integer NOT NULL DEFAULT 1,
      gestart_op timestamptz NOT NULL,
      voltooid_op timestamptz,
      resultaat jsonb,
      fout text,
      CONSTRAINT taakuitvoeringen_taak_periode_uk UNIQUE (taak, periode)
    )`.execute(db);
  await sql`CREATE INDEX taakuitvoeringen_gestart_idx ON taakuitvoeringen (taak, gestart_op)`.execute(db);

  // Outbox: a mail row is written in the same transaction as the change it reports, and sent
  // afterwards. Recipient and body are encrypted at rest and wiped once the mail is sent or given up.
  await sql`
    CREATE TABLE mail_uitgaand (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      soort text NOT NULL,
      ontvanger_versleuteld text,
      onderwerp text NOT NULL,
      tekst_versleuteld text,
      status text NOT NULL DEFAULT 'wachtend' CHECK (status IN ('wachtend', 'verzonden', 'mislukt')),
      pogingen integer NOT NULL DEFAULT 0,
      volgende_poging_op timestamptz NOT NULL,
      laatste_fout text,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      verzonden_op timestamptz
    )`.execute(db);
  await sql`CREATE INDEX mail_uitgaand_wachtend_idx ON mail_uitgaand (volgende_poging_op) WHERE status = 'wachtend'`.execute(db);
}
