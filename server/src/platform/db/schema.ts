// SPDX-License-Identifier: EUPL-1.2
import type { JobsMailTables } from '../jobs/schema.js';
import type { MeldingenTables } from '../../modules/meldingen/schema.js';
import type { VeiligheidsbeeldTables } from '../../modules/veiligheidsbeeld/schema.js';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<unknown, string, string>;

export type OrganisatieSoort =
  | 'gemeente'
  | 'politie'
  | 'om'
  | 'riec'
  | 'zvh'
  | 'veilig-thuis'
  | 'omgevingsdienst'
  | 'woningcorporatie'
  | 'wijkteam'
  | 'samenwerkingsverband';

export interface OrganisatiesTable {
  id: Generated<string>;
  code: string;
  naam: string;
  soort: OrganisatieSoort;
  actief: Generated<boolean>;
  aangemaakt_op: CreatedAt;
}

export interface GebruikersTable {
  id: Generated<string>;
  organisatie_id: string;
  gebruikersnaam: string;
  naam: string;
  email: string;
  rollen: string[];
  wachtwoord_hash: string | null;
  moet_wachtwoord_wijzigen: Generated<boolean>;
  totp_geheim: string | null;
  totp_voorlopig: string | null;
  totp_ingeschreven_op: Timestamp | null;
  totp_laatste_stap: number | null;
  oidc_subject: string | null;
  actief: Generated<boolean>;
  laatst_ingelogd_op: Timestamp | null;
  aangemaakt_op: CreatedAt;
  bijgewerkt_op: Timestamp;
}

export interface HerstelcodesTable {
  id: Generated<string>;
  gebruiker_id: string;
  code_hash: string;
  gebruikt_op: Timestamp | null;
}

export interface SessiesTable {
  id: string; // SHA-256 of the token in the cookie
  publiek_id: string; // non-secret id shown in "mijn sessies"
  gebruiker_id: string;
  organisatie_id: string;
  status: 'actief' | 'mfa-inschrijving';
  csrf_token: string;
  aangemaakt_op: CreatedAt;
  laatst_actief_op: Timestamp;
  verloopt_op: Timestamp;
  beeindigd_op: Timestamp | null;
  ip_adres: string | null;
}

export interface InlogpogingenTable {
  id: Generated<number>;
  sleutel: string;
  tijdstip: Timestamp;
  geslaagd: boolean;
}

export interface ApiSleutelsTable {
  id: Generated<string>;
  organisatie_id: string;
  naam: string;
  prefix: string;
  sleutel_hash: string;
  scopes: string[];
  aangemaakt_door: string | null;
  aangemaakt_op: CreatedAt;
  laatst_gebruikt_op: Timestamp | null;
  ingetrokken_op: Timestamp | null;
}

export interface AuditRegelsTable {
  id: Generated<number>;
  tijdstip: Timestamp;
  actor_soort: string;
  actor_id: string | null;
  actor_naam: string | null;
  actor_organisatie_id: string | null;
  actor_organisatie_code: string | null;
  actie: string;
  object_type: string;
  object_id: string | null;
  betrokkene: string | null;
  resultaat: string;
  request_id: string | null;
  ip_adres: string | null;
  doel: string | null;
  details: Json;
  vorige_hash: string;
  hash: string;
}

export interface LdvRecordsTable {
  id: Generated<number>;
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  naam: string;
  start_tijd: Timestamp;
  eind_tijd: Timestamp;
  status: 'Unset' | 'Ok' | 'Error';
  verwerkingsactiviteit_id: string;
  betrokkene_id: string;
  betrokkene_id_type: string;
  foreign_span_id: string | null;
  foreign_processor: string | null;
  attributen: Json;
}

export interface VerwerkingsactiviteitenTable {
  id: Generated<string>;
  code: string;
  naam: string;
  doel: string;
  grondslag: string;
  categorieen_betrokkenen: string;
  categorieen_gegevens: string;
  ontvangers: string;
  bewaartermijn: string;
  verantwoordelijke: string;
  actief: Generated<boolean>;
  bijgewerkt_op: Timestamp;
}

export interface InstellingenTable {
  sleutel: string;
  waarde: string;
}

export interface DB extends JobsMailTables, MeldingenTables, VeiligheidsbeeldTables {
  organisaties: OrganisatiesTable;
  gebruikers: GebruikersTable;
  herstelcodes: HerstelcodesTable;
  sessies: SessiesTable;
  inlogpogingen: InlogpogingenTable;
  api_sleutels: ApiSleutelsTable;
  audit_regels: AuditRegelsTable;
  ldv_records: LdvRecordsTable;
  verwerkingsactiviteiten: VerwerkingsactiviteitenTable;
  instellingen: InstellingenTable;
}

export type Organisatie = Selectable<OrganisatiesTable>;
export type Gebruiker = Selectable<GebruikersTable>;
export type NewGebruiker = Insertable<GebruikersTable>;
export type GebruikerUpdate = Updateable<GebruikersTable>;
export type Sessie = Selectable<SessiesTable>;
export type ApiSleutel = Selectable<ApiSleutelsTable>;
export type AuditRegel = Selectable<AuditRegelsTable>;
export type Verwerkingsactiviteit = Selectable<VerwerkingsactiviteitenTable>;
