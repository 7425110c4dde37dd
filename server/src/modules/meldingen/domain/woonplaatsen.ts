// SPDX-License-Identifier: EUPL-1.2
// Woonplaatsen (BAG place names) of the six municipalities, so "street + place" also decides
// the gemeente. Source: the woonplaatsen of each gemeente in the BAG (checked by name; [B] for
// the smallest hamlets, which the BAG sometimes counts under a larger woonplaats).

export const WOONPLAATS_GEMEENTE: Record<string, string> = {
  // Berg en Dal (GM1945)
  groesbeek: 'GM1945', 'berg en dal': 'GM1945', beek: 'GM1945', ubbergen: 'GM1945', 'heilig landstichting': 'GM1945',
  ooij: 'GM1945', persingen: 'GM1945', leuth: 'GM1945', kekerdom: 'GM1945', millingen: 'GM1945', 'millingen aan de rijn': 'GM1945',
  breedeweg: 'GM1945', 'de horst': 'GM1945', erlecom: 'GM1945',
  // Beuningen (GM0209)
  beuningen: 'GM0209', ewijk: 'GM0209', weurt: 'GM0209', winssen: 'GM0209',
  // Druten (GM0225)
  druten: 'GM0225', afferden: 'GM0225', deest: 'GM0225', horssen: 'GM0225', puiflijk: 'GM0225',
  // Heumen (GM0252)
  malden: 'GM0252', heumen: 'GM0252', overasselt: 'GM0252', nederasselt: 'GM0252',
  // West Maas en Waal (GM0668)
  'beneden-leeuwen': 'GM0668', 'boven-leeuwen': 'GM0668', wamel: 'GM0668', dreumel: 'GM0668', alphen: 'GM0668',
  altforst: 'GM0668', appeltern: 'GM0668', maasbommel: 'GM0668',
  // Wijchen (GM0296)
  wijchen: 'GM0296', alverna: 'GM0296', balgoij: 'GM0296', batenburg: 'GM0296', bergharen: 'GM0296', hernen: 'GM0296',
  leur: 'GM0296', niftrik: 'GM0296',
};

export function normaliseWoonplaats(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function gemeenteForWoonplaats(input: string): string | null {
  return WOONPLAATS_GEMEENTE[normaliseWoonplaats(input)] ?? null;
}
