// SPDX-License-Identifier: EUPL-1.2
// Demo mode: clearly fictional accounts, created once with random passwords printed once.
import type { PlatformDeps } from '../deps.js';
import type { Role } from '../auth/roles.js';
import { systemActor } from '../auth/actor.js';
import { organisationsRepository } from './organisations.repository.js';
import { createUsersService, temporaryPassword } from './users.service.js';

const DEMO_USERS: ReadonlyArray<{ gebruikersnaam: string; naam: string; org: string; rollen: Role[] }> = [
  { gebruikersnaam: 'demo.beheer', naam: 'Demo Beheerder (fictief)', org: 'SV-TWS', rollen: ['functioneel-beheerder'] },
  { gebruikersnaam: 'demo.fg', naam: 'Demo Privacy Officer (fictief)', org: 'SV-TWS', rollen: ['privacy-officer'] },
  { gebruikersnaam: 'demo.knooppunt', naam: 'Demo Knooppuntmedewerker Wijchen (fictief)', org: 'GM0296', rollen: ['knooppuntmedewerker'] },
  { gebruikersnaam: 'demo.iv', naam: 'Demo IV-coördinator Druten (fictief)', org: 'GM0225', rollen: ['iv-coordinator'] },
  { gebruikersnaam: 'demo.boa', naam: 'Demo BOA Beuningen (fictief)', org: 'GM0209', rollen: ['signaleerder'] },
  { gebruikersnaam: 'demo.regie', naam: 'Demo Procesregisseur ZVH (fictief)', org: 'ZVH-GZ', rollen: ['procesregisseur'] },
  { gebruikersnaam: 'demo.beleid', naam: 'Demo Beleidsadviseur (fictief)', org: 'SV-TWS', rollen: ['beleidsadviseur'] },
  { gebruikersnaam: 'demo.burgemeester', naam: 'Demo Burgemeester Wijchen (fictief)', org: 'GM0296', rollen: ['bestuurder'] },
];

/** Returns the credentials of accounts created now (empty when they already existed). */
export async function loadDemoData(deps: PlatformDeps): Promise<Array<{ gebruikersnaam: string; wachtwoord: string; rollen: Role[]; organisatie: string }>> {
  const users = createUsersService(deps);
  const created = [];
  for (const u of DEMO_USERS) {
    const exists = await deps.db.selectFrom('gebruikers').select('id').where('gebruikersnaam', '=', u.gebruikersnaam).executeTakeFirst();
    if (exists) continue;
    const org = await organisationsRepository.findByCode(deps.db, u.org);
    if (!org) continue;
    const wachtwoord = `demo-${temporaryPassword()}`;
    await users.createUser(systemActor('demo'), { gebruikersnaam: u.gebruikersnaam, naam: u.naam, email: `${u.gebruikersnaam}@demo.invalid`, organisatieId: org.id, rollen: u.rollen, wachtwoord }, { requestId: null, ipAddress: null });
    created.push({ gebruikersnaam: u.gebruikersnaam, wachtwoord, rollen: u.rollen, organisatie: u.org });
  }
  return created;
}
