// SPDX-License-Identifier: EUPL-1.2
/** Typen volgens docs/api.md (v1). */

export type Rol =
  | 'signaleerder'
  | 'knooppuntmedewerker'
  | 'procesregisseur'
  | 'iv-coordinator'
  | 'beleidsadviseur'
  | 'bestuurder'
  | 'functioneel-beheerder'
  | 'privacy-officer';

export const ALLE_ROLLEN: readonly Rol[] = [
  'signaleerder',
  'knooppuntmedewerker',
  'procesregisseur',
  'iv-coordinator',
  'beleidsadviseur',
  'bestuurder',
  'functioneel-beheerder',
  'privacy-officer',
];

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

export interface Omgeving {
  demo: boolean;
  versie: string;
  oidc: boolean;
  eersteBeheerderNodig: boolean;
}

export interface Organisatie {
  id: string;
  code: string;
  naam: string;
  soort: OrganisatieSoort;
}

export interface OrganisatieRef {
  id: string;
  code: string;
  naam: string;
}

export interface Sessie {
  status: 'actief' | 'mfa-inschrijving';
  /** True while a temporary password (set by an administrator) must be replaced. */
  moetWachtwoordWijzigen?: boolean;
  csrfToken: string;
  verlooptOp: string;
  gebruiker: { id: string; gebruikersnaam: string; naam: string; email: string };
  organisatie: Organisatie;
  rollen: Rol[];
  rechten: string[];
}

export interface TotpInschrijving {
  otpauthUri: string;
  geheim: string;
  qrCodeSvg: string;
}

export interface TotpBevestiging {
  herstelcodes: string[];
  sessie: Sessie;
}

export interface AccountSessie {
  id: string;
  aangemaaktOp: string;
  laatstActiefOp: string | null;
  huidig: boolean;
}

export interface Gebruiker {
  id: string;
  gebruikersnaam: string;
  naam: string;
  email: string;
  organisatie: OrganisatieRef;
  rollen: Rol[];
  actief: boolean;
  mfaIngeschreven: boolean;
  laatstIngelogdOp: string | null;
  aangemaaktOp: string;
}

export type ApiScope = 'open311:lezen' | 'open311:schrijven' | 'meldingen:indienen' | 'veiligheidsbeeld:importeren';

export const ALLE_SCOPES: readonly ApiScope[] = [
  'open311:lezen',
  'open311:schrijven',
  'meldingen:indienen',
  'veiligheidsbeeld:importeren',
];

export interface ApiSleutel {
  id: string;
  naam: string;
  prefix: string;
  scopes: string[];
  organisatie: OrganisatieRef | null;
  aangemaaktOp: string;
  laatstGebruiktOp: string | null;
  ingetrokkenOp: string | null;
}

export interface AuditFilter {
  actor?: string;
  objectType?: string;
  objectId?: string;
  betrokkene?: string;
  van?: string;
  tot?: string;
  pagina?: number;
  paginaGrootte?: number;
}

export interface AuditRegel {
  id: string;
  tijdstip: string;
  /** Volgens docs/api.md: gebruikerId/gebruikersnaam; de server levert (nog) ook id/naam/soort. */
  actor: {
    gebruikerId?: string;
    gebruikersnaam?: string;
    id?: string;
    naam?: string;
    soort?: string;
    organisatieCode?: string | null;
  } | null;
  actie: string;
  objectType: string;
  objectId: string | null;
  resultaat: string;
  requestId: string | null;
  ipAdres: string | null;
  doel: string | null;
}

export interface Verwerkingsactiviteit {
  id: string;
  naam: string;
  doel: string;
  grondslag: string;
  categorieenBetrokkenen: string[] | string;
  categorieenGegevens: string[] | string;
  bewaartermijn: string;
  verantwoordelijke: string;
  actief: boolean;
}
