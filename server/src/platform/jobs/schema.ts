// SPDX-License-Identifier: EUPL-1.2
// Tables of the job runner and the mail outbox (migration 20261202T0800_create_jobs_mail).
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** jsonb: written as a JSON string, read as the parsed value. */
type NullableJson = ColumnType<unknown, string | null, string | null>;

export type TaakStatus = 'bezig' | 'voltooid' | 'mislukt';

export interface TaakuitvoeringenTable {
  id: Generated<string>;
  taak: string;
  /** 'YYYY-MM-DD' (daily, Europe/Amsterdam), the interval number, or 'handmatig:…' for runNow. */
  periode: string;
  status: TaakStatus;
  instantie: string;
  pogingen: number;
  gestart_op: Timestamp;
  voltooid_op: Timestamp | null;
  resultaat: NullableJson;
  fout: string | null;
}

export type MailStatus = 'wachtend' | 'verzonden' | 'mislukt';

export interface MailUitgaandTable {
  id: Generated<string>;
  soort: string;
  /** AES-256-GCM (platform/crypto.ts); null once sent or given up. */
  ontvanger_versleuteld: string | null;
  /** Plain text: never put personal data in a subject. */
  onderwerp: string;
  tekst_versleuteld: string | null;
  status: MailStatus;
  pogingen: Generated<number>;
  volgende_poging_op: Timestamp;
  laatste_fout: string | null;
  aangemaakt_op: CreatedAt;
  verzonden_op: Timestamp | null;
}

export interface JobsMailTables {
  taakuitvoeringen: TaakuitvoeringenTable;
  mail_uitgaand: MailUitgaandTable;
}

export type Taakuitvoering = Selectable<TaakuitvoeringenTable>;
export type UitgaandeMail = Selectable<MailUitgaandTable>;
