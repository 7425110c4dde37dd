// SPDX-License-Identifier: EUPL-1.2
import type { ResolvedSession } from '../auth/sessions.js';
import { abilities } from '../auth/policy.js';
import type { UserActor } from '../auth/actor.js';
import type { Organisatie } from '../db/schema.js';
import type { UserWithOrganisation } from './users.repository.js';

export const presentOrganisation = (o: Pick<Organisatie, 'id' | 'code' | 'naam'> & { soort: string }) => ({ id: o.id, code: o.code, naam: o.naam, soort: o.soort });

export function presentSession(resolved: Pick<ResolvedSession, 'user' | 'organisation'> & { session: { status: string; csrf_token: string; verloopt_op: Date } }, actor: UserActor) {
  return {
    status: resolved.session.status,
    csrfToken: resolved.session.csrf_token,
    verlooptOp: resolved.session.verloopt_op.toISOString(),
    moetWachtwoordWijzigen: resolved.user.moet_wachtwoord_wijzigen,
    gebruiker: { id: resolved.user.id, gebruikersnaam: resolved.user.gebruikersnaam, naam: resolved.user.naam, email: resolved.user.email },
    organisatie: presentOrganisation(resolved.organisation),
    rollen: actor.roles,
    rechten: resolved.session.status === 'actief' ? abilities(actor) : [],
  };
}

export function presentUser(u: UserWithOrganisation) {
  return {
    id: u.id,
    gebruikersnaam: u.gebruikersnaam,
    naam: u.naam,
    email: u.email,
    organisatie: { id: u.organisatie_id, code: u.org_code, naam: u.org_naam },
    rollen: u.rollen,
    actief: u.actief,
    mfaIngeschreven: u.totp_ingeschreven_op !== null,
    laatstIngelogdOp: u.laatst_ingelogd_op?.toISOString() ?? null,
    aangemaaktOp: u.aangemaakt_op.toISOString(),
  };
}
