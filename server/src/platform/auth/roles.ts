// SPDX-License-Identifier: EUPL-1.2

/** Platform roles (API values). Dutch labels live in the web UI's message catalog. */
export const ROLES = [
  'signaleerder',
  'knooppuntmedewerker',
  'procesregisseur',
  'iv-coordinator',
  'beleidsadviseur',
  'bestuurder',
  'functioneel-beheerder',
  'privacy-officer',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  signaleerder: 'Signaleerder',
  knooppuntmedewerker: 'Knooppuntmedewerker',
  procesregisseur: 'Procesregisseur',
  'iv-coordinator': 'IV-coördinator',
  beleidsadviseur: 'Strategisch beleidsadviseur',
  bestuurder: 'Bestuurder',
  'functioneel-beheerder': 'Functioneel beheerder',
  'privacy-officer': 'Privacy officer / FG',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Scopes an API key can carry. */
export const API_SCOPES = ['open311:lezen', 'open311:schrijven', 'meldingen:indienen', 'veiligheidsbeeld:importeren'] as const;
export type ApiScope = (typeof API_SCOPES)[number];
