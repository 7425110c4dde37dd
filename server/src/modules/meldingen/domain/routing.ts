// SPDX-License-Identifier: EUPL-1.2
// Ordered routing rules: the first active rule that matches channel, category, gemeente and
// postcode area decides the team queue. Pure.

export interface RoutingRule {
  volgorde: number;
  kanaal: string | null;
  categorieId: string | null;
  gemeenteCode: string | null;
  /** Area as an inclusive PC4 range, e.g. 6600–6606. */
  postcodeVan: string | null;
  postcodeTot: string | null;
  team: string;
  actief: boolean;
}

export interface RoutingInput {
  kanaal: string;
  categorieId: string;
  hoofdcategorieId: string | null;
  gemeenteCode: string;
  postcode: string | null;
}

export const FALLBACK_TEAM = 'informatieknooppunt';

function inArea(rule: RoutingRule, postcode: string | null): boolean {
  if (!rule.postcodeVan && !rule.postcodeTot) return true;
  if (!postcode) return false;
  const pc4 = postcode.slice(0, 4);
  return (!rule.postcodeVan || pc4 >= rule.postcodeVan.slice(0, 4)) && (!rule.postcodeTot || pc4 <= rule.postcodeTot.slice(0, 4));
}

export function route(rules: readonly RoutingRule[], input: RoutingInput): string {
  const sorted = [...rules].filter((r) => r.actief).sort((a, b) => a.volgorde - b.volgorde);
  for (const r of sorted) {
    if (r.kanaal && r.kanaal !== input.kanaal) continue;
    if (r.categorieId && r.categorieId !== input.categorieId && r.categorieId !== input.hoofdcategorieId) continue;
    if (r.gemeenteCode && r.gemeenteCode !== input.gemeenteCode) continue;
    if (!inArea(r, input.postcode)) continue;
    return r.team;
  }
  return FALLBACK_TEAM;
}
