// SPDX-License-Identifier: EUPL-1.2
// Tables of the meldingen module (migration 20261202T0900_create_meldingen).
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type Kanaal = 'overlast' | 'ondermijning';
export type Bron = 'publiek' | 'niet-pluis' | 'open311';

export interface MeldingcategorieenTable {
  id: string;
  hoofdcategorie_id: string | null;
  kanaal: Kanaal;
  naam: string;
  hulptekst: string;
  volgorde: number;
  actief: Generated<boolean>;
  vragen: Json<unknown>;
  termijn_aantal: number;
  termijn_eenheid: 'werkdagen' | 'kalenderdagen';
  standaardteksten: Json<unknown>;
  bewaartermijnen: Json<unknown>;
  bijgewerkt_op: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface RouteringsregelsTable {
  id: Generated<string>;
  volgorde: number;
  kanaal: string | null;
  categorie_id: string | null;
  gemeente_code: string | null;
  postcode_van: string | null;
  postcode_tot: string | null;
  team: string;
  actief: Generated<boolean>;
}

export interface MeldingenTable {
  id: Generated<string>;
  referentie: string;
  kanaal: Kanaal;
  bron: Bron;
  categorie_id: string;
  organisatie_id: string;
  gemeente_code: string;
  team: string;
  status: string;
  omschrijving: string;
  antwoorden: Json<unknown>;
  postcode: string | null;
  huisnummer: number | null;
  huisletter: string | null;
  huisnummertoevoeging: string | null;
  straat: string | null;
  woonplaats: string | null;
  locatie_toelichting: string | null;
  breedtegraad: number | null;
  lengtegraad: number | null;
  waargenomen_op: Timestamp | null;
  waargenomen_toelichting: string | null;
  contact_versleuteld: string | null;
  updates_per_mail: Generated<boolean>;
  ontvangstcode_hash: string | null;
  melder_gebruiker_id: string | null;
  melder_organisatie_id: string | null;
  melder_rol: string | null;
  toegewezen_aan: string | null;
  ouder_id: string | null;
  koppelreden: string | null;
  afhandeltermijn: Timestamp;
  escalatietermijn: Timestamp;
  bericht_aan_melder: string | null;
  reactie_termijn: Timestamp | null;
  doorgezet_naar: string | null;
  uitkomst: string | null;
  afgesloten_op: Timestamp | null;
  contact_wissen_op: Timestamp | null;
  bewaren_tot: Timestamp | null;
  versie: Generated<number>;
  aangemaakt_op: Timestamp;
  bijgewerkt_op: Timestamp;
}

export interface MeldingGebeurtenissenTable {
  id: Generated<string>;
  melding_id: string;
  soort: string;
  van: string | null;
  naar: string | null;
  reden: string | null;
  actor_soort: string;
  actor_id: string | null;
  actor_naam: string | null;
  op: Timestamp;
}

export interface MeldingBerichtenTable {
  id: Generated<string>;
  melding_id: string;
  richting: 'aan-melder' | 'van-melder';
  tekst: string;
  reactie_gevraagd: Generated<boolean>;
  auteur_id: string | null;
  aangemaakt_op: Timestamp;
}

export interface MeldingBijlagenTable {
  id: Generated<string>;
  melding_id: string;
  bestandsnaam: string;
  mime_type: string;
  grootte: number;
  sha256: string;
  opslag_sleutel: string;
  bron: 'melder' | 'medewerker';
  aangemaakt_op: Timestamp;
}

export interface MeldingOnderwerpenTable {
  id: Generated<string>;
  melding_id: string;
  soort: 'persoon' | 'adres' | 'bedrijf' | 'voertuig';
  gegevens_versleuteld: string;
  sleutels: string[];
}

export interface PowGebruiktTable {
  id: string;
  verloopt_op: Timestamp;
}

export interface NotificatiesTable {
  id: Generated<string>;
  gebruiker_id: string;
  organisatie_id: string;
  tekst: string;
  melding_id: string | null;
  gelezen_op: Timestamp | null;
  aangemaakt_op: Timestamp;
}

export interface MeldingVerwijderlogTable {
  id: Generated<string>;
  referentie: string;
  organisatie_id: string;
  kanaal: string;
  categorie_id: string;
  handeling: 'verwijderd' | 'contactgegevens-gewist';
  grondslag: string;
  afgesloten_op: Timestamp | null;
  termijn_verstreken_op: Timestamp;
  uitgevoerd_op: Timestamp;
  bijlagen_verwijderd: Generated<number>;
}

export interface MeldingStatistiekTable {
  id: Generated<string>;
  kanaal: string;
  categorie_id: string;
  gemeente_code: string;
  maand: string;
  uitkomst: string;
}

export interface MeldingenTables {
  meldingcategorieen: MeldingcategorieenTable;
  routeringsregels: RouteringsregelsTable;
  meldingen: MeldingenTable;
  melding_gebeurtenissen: MeldingGebeurtenissenTable;
  melding_berichten: MeldingBerichtenTable;
  melding_bijlagen: MeldingBijlagenTable;
  melding_onderwerpen: MeldingOnderwerpenTable;
  pow_gebruikt: PowGebruiktTable;
  notificaties: NotificatiesTable;
  melding_verwijderlog: MeldingVerwijderlogTable;
  melding_statistiek: MeldingStatistiekTable;
}

export type MeldingRow = Selectable<MeldingenTable>;
export type CategorieRow = Selectable<MeldingcategorieenTable>;
