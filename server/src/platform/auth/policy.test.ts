// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { abilities, can, scopeFor } from './policy.js';
import type { UserActor } from './actor.js';
import type { Role } from './roles.js';

const user = (roles: Role[], organisationId = 'org-a', organisationKind = 'gemeente'): UserActor => ({
  kind: 'gebruiker', userId: 'u', username: 'u', organisationId, organisationCode: 'GM0296', organisationKind, roles, sessionId: 's',
});

describe('policy', () => {
  it('denies by default: no actor, or a role without the grant', () => {
    expect(can(null, 'organisaties:lezen')).toBe(false);
    expect(can(user(['signaleerder']), 'gebruikers:beheren')).toBe(false);
    expect(can(user(['functioneel-beheerder']), 'audit:lezen')).toBe(false);
  });
  it('keeps a functioneel beheerder inside the own organisation', () => {
    const admin = user(['functioneel-beheerder']);
    expect(can(admin, 'gebruikers:beheren', { organisationId: 'org-a' })).toBe(true);
    expect(can(admin, 'gebruikers:beheren', { organisationId: 'org-b' })).toBe(false);
  });
  it('lets a platform administrator of the samenwerkingsverband manage every organisation', () => {
    const admin = user(['functioneel-beheerder'], 'platform', 'samenwerkingsverband');
    expect(can(admin, 'gebruikers:beheren', { organisationId: 'org-b' })).toBe(true);
    expect(scopeFor(admin, 'gebruikers:beheren')).toEqual({ kind: 'alle', reason: 'platformbeheer' });
  });
  it('gives functioneel beheerder and FG no module (case content) access', () => {
    for (const role of ['functioneel-beheerder', 'privacy-officer'] as Role[]) {
      const a = abilities(user([role]));
      expect(a.filter((x) => x.startsWith('module:'))).toEqual([]);
    }
  });
  it('lets only the iv-coördinator and the beleidsadviseur import veiligheidsbeeld figures', () => {
    expect(can(user(['iv-coordinator']), 'veiligheidsbeeld:importeren')).toBe(true);
    expect(can(user(['beleidsadviseur']), 'veiligheidsbeeld:importeren')).toBe(true);
    for (const role of ['knooppuntmedewerker', 'bestuurder', 'functioneel-beheerder', 'privacy-officer', 'signaleerder'] as Role[]) expect(can(user([role]), 'veiligheidsbeeld:importeren')).toBe(false);
  });
  it('denies API keys every user action', () => {
    expect(can({ kind: 'api-sleutel', apiKeyId: 'k', name: 'k', organisationId: 'org-a', organisationCode: 'GM0296', scopes: ['open311:lezen'] }, 'organisaties:lezen')).toBe(false);
  });
});
