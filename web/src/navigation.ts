// SPDX-License-Identifier: EUPL-1.2
import type { MessageKey } from './i18n/t.js';

export type NavGroup = 'modules' | 'beheer' | 'privacy' | 'account';

export interface NavItem {
  to: string;
  label: MessageKey;
  description: MessageKey;
  group: NavGroup;
  /** Rechten waarvan er minstens één nodig is; leeg = iedere ingelogde gebruiker. */
  anyOf: readonly string[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/meldingen', label: 'nav.meldingen', description: 'card.meldingen', group: 'modules', anyOf: [] },
  { to: '/knooppunt', label: 'nav.knooppunt', description: 'card.knooppunt', group: 'modules', anyOf: [] },
  { to: '/casussen', label: 'nav.casussen', description: 'card.casussen', group: 'modules', anyOf: [] },
  { to: '/veiligheidsbeeld', label: 'nav.veiligheidsbeeld', description: 'card.veiligheidsbeeld', group: 'modules', anyOf: [] },
  { to: '/beleid', label: 'nav.beleid', description: 'card.beleid', group: 'modules', anyOf: [] },
  { to: '/beheer/organisaties', label: 'nav.organisaties', description: 'card.organisaties', group: 'beheer', anyOf: ['organisaties:lezen'] },
  { to: '/beheer/gebruikers', label: 'nav.gebruikers', description: 'card.gebruikers', group: 'beheer', anyOf: ['gebruikers:beheren'] },
  { to: '/beheer/api-sleutels', label: 'nav.apiSleutels', description: 'card.apiSleutels', group: 'beheer', anyOf: ['api-sleutels:beheren'] },
  { to: '/privacy/audit', label: 'nav.audit', description: 'card.audit', group: 'privacy', anyOf: ['audit:lezen'] },
  {
    to: '/privacy/verwerkingsregister',
    label: 'nav.verwerkingsregister',
    description: 'card.verwerkingsregister',
    group: 'privacy',
    anyOf: ['verwerkingsregister:beheren', 'verwerkingsregister:lezen'],
  },
  { to: '/account', label: 'nav.account', description: 'card.account', group: 'account', anyOf: [] },
];

export const NAV_GROUP_LABELS: Record<NavGroup, MessageKey> = {
  modules: 'nav.groupModules',
  beheer: 'nav.groupBeheer',
  privacy: 'nav.groupPrivacy',
  account: 'nav.groupAccount',
};

export function visibleNavItems(rechten: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.anyOf.length === 0 || item.anyOf.some((r) => rechten.includes(r)));
}
