// SPDX-License-Identifier: EUPL-1.2
// The one place that decides access: can(actor, action, resource). Deny by default. Pure.
import type { Actor, UserActor } from './actor.js';
import type { Role } from './roles.js';

export type Action =
  | 'organisaties:lezen'
  | 'gebruikers:beheren'
  | 'api-sleutels:beheren'
  | 'audit:lezen'
  | 'verwerkingsregister:lezen'
  | 'verwerkingsregister:beheren'
  | 'ldv:exporteren'
  | 'account:beheren'
  | 'module:meldingen'
  | 'module:knooppunt'
  | 'module:casussen'
  | 'module:veiligheidsbeeld'
  | 'module:beleid'
  | 'meldingen:behandelen'
  | 'meldingen:niet-pluis-melden'
  | 'meldingen:configureren'
  | 'meldingen:verwijderlog-lezen'
  | 'veiligheidsbeeld:importeren'
  | 'veiligheidsbeeld:indeling-wijzigen';

/** A tenant-owned resource: every such row carries its organisation. */
export interface TenantResource {
  organisationId: string;
}

const ALL_STAFF: readonly Role[] = [
  'signaleerder',
  'knooppuntmedewerker',
  'procesregisseur',
  'iv-coordinator',
  'beleidsadviseur',
  'bestuurder',
  'functioneel-beheerder',
  'privacy-officer',
];

/** Which roles may perform an action at all (the coarse check). */
const GRANTS: Record<Action, readonly Role[]> = {
  'organisaties:lezen': ALL_STAFF,
  'gebruikers:beheren': ['functioneel-beheerder'],
  'api-sleutels:beheren': ['functioneel-beheerder'],
  'audit:lezen': ['privacy-officer'],
  'verwerkingsregister:lezen': ['privacy-officer', 'functioneel-beheerder', 'iv-coordinator', 'beleidsadviseur'],
  'verwerkingsregister:beheren': ['privacy-officer'],
  'ldv:exporteren': ['privacy-officer'],
  'account:beheren': ALL_STAFF,
  // Module entries (content arrives with the module issues; functioneel beheerder and FG see no case content).
  'module:meldingen': ['signaleerder', 'knooppuntmedewerker', 'iv-coordinator', 'procesregisseur'],
  'module:knooppunt': ['knooppuntmedewerker', 'iv-coordinator'],
  'module:casussen': ['procesregisseur', 'iv-coordinator', 'knooppuntmedewerker', 'bestuurder'],
  'module:veiligheidsbeeld': ['iv-coordinator', 'beleidsadviseur', 'bestuurder', 'knooppuntmedewerker'],
  'module:beleid': ['iv-coordinator', 'beleidsadviseur', 'bestuurder'],
  // Meldpunt: the hub handles meldingen of its own gemeente (a regional hub: all six).
  'meldingen:behandelen': ['knooppuntmedewerker', 'iv-coordinator'],
  'meldingen:niet-pluis-melden': ['signaleerder', 'knooppuntmedewerker', 'procesregisseur', 'iv-coordinator'],
  'meldingen:configureren': ['functioneel-beheerder'],
  'meldingen:verwijderlog-lezen': ['privacy-officer'],
  // Veiligheidsbeeld: importing police/CBS figures (aggregates, no personal data).
  'veiligheidsbeeld:importeren': ['iv-coordinator', 'beleidsadviseur'],
  // The mapping of codes onto the Kernbeleid fields is policy: the beleidsadviseur sets it.
  'veiligheidsbeeld:indeling-wijzigen': ['beleidsadviseur'],
};

/** Actions that act on one organisation's data: only within the actor's own organisation. */
const TENANT_SCOPED: ReadonlySet<Action> = new Set<Action>(['gebruikers:beheren', 'api-sleutels:beheren', 'audit:lezen']);

/** Administrators of the regional cooperation organisation manage every organisation. */
export function isPlatformAdmin(actor: Actor): boolean {
  return actor.kind === 'gebruiker' && actor.organisationKind === 'samenwerkingsverband' && actor.roles.includes('functioneel-beheerder');
}

export function isPlatformPrivacyOfficer(actor: Actor): boolean {
  return actor.kind === 'gebruiker' && actor.organisationKind === 'samenwerkingsverband' && actor.roles.includes('privacy-officer');
}

function hasRole(actor: UserActor, allowed: readonly Role[]): boolean {
  return actor.roles.some((r) => allowed.includes(r));
}

export function can(actor: Actor | null, action: Action, resource?: TenantResource): boolean {
  if (!actor) return false;
  if (actor.kind === 'systeem') return true;
  if (actor.kind === 'api-sleutel') return false; // API keys act only through scopes (see hasScope)
  if (!hasRole(actor, GRANTS[action])) return false;
  if (resource && TENANT_SCOPED.has(action)) {
    if (resource.organisationId === actor.organisationId) return true;
    if (action === 'audit:lezen') return isPlatformPrivacyOfficer(actor);
    return isPlatformAdmin(actor);
  }
  return true;
}

/** The abilities of a user, for the UI (`rechten`). The UI never re-implements these rules. */
export function abilities(actor: UserActor): Action[] {
  return (Object.keys(GRANTS) as Action[]).filter((a) => can(actor, a));
}

/** Tenant scope for repository calls: a query without one cannot be written. */
export type TenantScope = { kind: 'organisatie'; organisationId: string } | { kind: 'alle'; reason: string };

export function scopeFor(actor: Actor, action: Action): TenantScope {
  if (actor.kind === 'systeem') return { kind: 'alle', reason: actor.name };
  if (action === 'audit:lezen' && isPlatformPrivacyOfficer(actor)) return { kind: 'alle', reason: 'platform-FG' };
  if (action !== 'audit:lezen' && isPlatformAdmin(actor)) return { kind: 'alle', reason: 'platformbeheer' };
  return { kind: 'organisatie', organisationId: actor.organisationId };
}

export function inScope(scope: TenantScope, organisationId: string): boolean {
  return scope.kind === 'alle' || scope.organisationId === organisationId;
}
