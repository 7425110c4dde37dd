// SPDX-License-Identifier: EUPL-1.2
// PC4 postcode areas of the six Tweestromenland municipalities, and advice for addresses outside them.
//
// Sources (checked 2026, see the notes per entry): the PC4 lists per municipality and village in the
// Wikipedia infoboxes (de/en/nl, fed by CBS "postcode per gemeente"), plaatsengids.nl per village,
// and the municipalities' own postbus addresses. A PC4 area normally lies in one woonplaats and so in
// one gemeente; the exceptions near the borders are listed in PC4_GRENSGEVALLEN. The authoritative
// answer for one address is the BAG (postcode + huisnummer → gemeente); use this table only as a
// first, offline guess. Entries marked [onzeker] are background knowledge not confirmed in a source.

export interface Gemeente {
  code: string;
  naam: string;
}

export const GEMEENTEN_TWEESTROMENLAND: readonly Gemeente[] = [
  { code: 'GM1945', naam: 'Berg en Dal' },
  { code: 'GM0209', naam: 'Beuningen' },
  { code: 'GM0225', naam: 'Druten' },
  { code: 'GM0252', naam: 'Heumen' },
  { code: 'GM0668', naam: 'West Maas en Waal' },
  { code: 'GM0296', naam: 'Wijchen' },
];

/** PC4 → gemeentecode (CBS "GM" + RvIG code) for the six municipalities. */
export const PC4_GEMEENTE: Readonly<Record<string, string>> = {
  // Berg en Dal (GM1945): 6561–6562, 6564, 6566, 6571–6579 per the municipal infobox.
  '6560': 'GM1945', // postbussen Groesbeek (gemeente: Postbus 20, 6560 AA Groesbeek)
  '6561': 'GM1945', // Groesbeek; Breedeweg and De Horst have no own postcode and use Groesbeek's
  '6562': 'GM1945', // Groesbeek (incl. Breedeweg, De Horst)
  '6564': 'GM1945', // Heilig Landstichting; a few addresses lie in Nijmegen (see PC4_GRENSGEVALLEN)
  '6566': 'GM1945', // Millingen aan de Rijn
  '6570': 'GM1945', // postbussen Berg en Dal [onzeker: postbus code, not seen in a source]
  '6571': 'GM1945', // Berg en Dal (village, former Groesbeek part)
  '6572': 'GM1945', // Berg en Dal (village, former Ubbergen part)
  '6573': 'GM1945', // Beek (Ubbergen infobox lists 6573–6574)
  '6574': 'GM1945', // Ubbergen; a few addresses lie in Nijmegen (see PC4_GRENSGEVALLEN)
  '6575': 'GM1945', // Persingen [onzeker which village; the gemeente is certain (6571–6579)]
  '6576': 'GM1945', // Ooij
  '6577': 'GM1945', // Erlecom [onzeker which village; the gemeente is certain (6571–6579)]
  '6578': 'GM1945', // Leuth
  '6579': 'GM1945', // Kekerdom
  // Beuningen (GM0209): 6551, 6641–6642, 6644–6645.
  '6551': 'GM0209', // Weurt
  '6640': 'GM0209', // postbussen Beuningen (gemeente: Postbus 14, 6640 AA)
  '6641': 'GM0209', // Beuningen
  '6642': 'GM0209', // Beuningen
  '6644': 'GM0209', // Ewijk
  '6645': 'GM0209', // Winssen
  // Druten (GM0225): 6631, 6651–6655 (and a few addresses in 6617, see PC4_GRENSGEVALLEN).
  '6630': 'GM0225', // postbussen Horssen [onzeker: only in an older infobox (6630–6631)]
  '6631': 'GM0225', // Horssen
  '6650': 'GM0225', // postbussen Druten (gemeente: Postbus 1, 6650 AA)
  '6651': 'GM0225', // Druten
  '6652': 'GM0225', // Druten
  '6653': 'GM0225', // Deest
  '6654': 'GM0225', // Afferden
  '6655': 'GM0225', // Puiflijk
  // Heumen (GM0252): 6581–6582, 6611–6612. 6583 does not exist as far as known; 6584 (Molenhoek) is
  // Mook en Middelaar: the small Gelderland part of Molenhoek has Heumen/Malden addresses.
  '6580': 'GM0252', // postbussen Malden (gemeente: Postbus 200, 6580 AZ)
  '6581': 'GM0252', // Malden
  '6582': 'GM0252', // Heumen (and the Gelderland part of Molenhoek)
  '6610': 'GM0252', // postbussen Overasselt [onzeker: only in an older infobox (6610–6612)]
  '6611': 'GM0252', // Overasselt
  '6612': 'GM0252', // Nederasselt
  // West Maas en Waal (GM0668): 6621, 6626–6629, 6657–6659. Not 6622–6625 (6624 = Heerewaarden, Maasdriel).
  '6621': 'GM0668', // Dreumel
  '6626': 'GM0668', // Alphen [onzeker which village]
  '6627': 'GM0668', // Maasbommel [onzeker which village]
  '6628': 'GM0668', // Altforst [onzeker which village]
  '6629': 'GM0668', // Appeltern [onzeker which village]
  '6657': 'GM0668', // Boven-Leeuwen
  '6658': 'GM0668', // Beneden-Leeuwen (gemeente: Postbus 1, 6658 ZG)
  '6659': 'GM0668', // Wamel
  // Wijchen (GM0296): 6600–6606, 6613, 6615–6617, 6634.
  '6600': 'GM0296', // postbussen Wijchen (gemeente: Postbus 9000, 6600 HA)
  '6601': 'GM0296', // Wijchen
  '6602': 'GM0296', // Wijchen
  '6603': 'GM0296', // Wijchen, Alverna [onzeker which part]
  '6604': 'GM0296', // Wijchen
  '6605': 'GM0296', // Wijchen (Woezik)
  '6606': 'GM0296', // Niftrik
  '6613': 'GM0296', // Balgoij
  '6615': 'GM0296', // Leur [onzeker which village; 6615 is in Wijchen's list]
  '6616': 'GM0296', // Hernen
  '6617': 'GM0296', // Bergharen; a few addresses lie in Druten (see PC4_GRENSGEVALLEN)
  '6634': 'GM0296', // Batenburg
};

/**
 * PC4 areas that cross a municipal border (CBS lists them under both gemeenten). The table above
 * and NEIGHBOUR_PC4 give the gemeente of most addresses; the note is shown with the advice.
 */
export const PC4_GRENSGEVALLEN: Readonly<Record<string, string>> = {
  '6521': 'Een klein deel van postcodegebied 6521 hoort bij de gemeente Berg en Dal (Groesbeek).',
  '6523': 'Een klein deel van postcodegebied 6523 hoort bij de gemeente Berg en Dal (het dorp Berg en Dal).',
  '6564': 'Een klein deel van postcodegebied 6564 hoort bij de gemeente Nijmegen.',
  '6574': 'Een klein deel van postcodegebied 6574 hoort bij de gemeente Nijmegen.',
  '6617': 'Een klein deel van postcodegebied 6617 hoort bij de gemeente Druten.',
  '6584': 'Een klein deel van Molenhoek ligt in de gemeente Heumen; die adressen hebben een postcode die begint met 6582.',
};

interface Neighbour {
  naam: string;
  website: string;
  telefoon?: string;
}

const NEIGHBOURS: Readonly<Record<string, Neighbour>> = {
  nijmegen: { naam: 'Nijmegen', website: 'nijmegen.nl', telefoon: '14 024' },
  mook: { naam: 'Mook en Middelaar', website: 'mookenmiddelaar.nl' },
  gennep: { naam: 'Gennep', website: 'gennep.nl' },
  landVanCuijk: { naam: 'Land van Cuijk', website: 'landvancuijk.nl' },
  oss: { naam: 'Oss', website: 'oss.nl' },
  maasdriel: { naam: 'Maasdriel', website: 'maasdriel.nl' },
  tiel: { naam: 'Tiel', website: 'tiel.nl' },
  nederBetuwe: { naam: 'Neder-Betuwe', website: 'nederbetuwe.nl' },
  overbetuwe: { naam: 'Overbetuwe', website: 'overbetuwe.nl' },
  lingewaard: { naam: 'Lingewaard', website: 'lingewaard.nl' },
  zevenaar: { naam: 'Zevenaar', website: 'zevenaar.nl' },
};

type NeighbourKey = keyof typeof NEIGHBOURS;

function range(from: number, to: number): string[] {
  const out: string[] = [];
  for (let n = from; n <= to; n += 1) out.push(String(n));
  return out;
}

/**
 * PC4 areas of the neighbouring municipalities that we can name. Only codes found in a source are
 * listed, except those marked [onzeker]; anything else gets the generic advice.
 */
const NEIGHBOUR_PC4_LISTS: ReadonlyArray<[NeighbourKey, readonly string[]]> = [
  // Nijmegen: 6501, 6503–6504, 6511–6512, 6515, 6521–6525, 6531–6538, 6541–6546, 6663 (Lent);
  // 6500 as postbus code [onzeker].
  ['nijmegen', ['6500', '6501', '6503', '6504', '6511', '6512', '6515', ...range(6521, 6525), ...range(6531, 6538), ...range(6541, 6546), '6663']],
  // Mook en Middelaar: 6584 Molenhoek, 6585 Mook, 6586 Plasmolen, 6587 Middelaar.
  ['mook', range(6584, 6587)],
  // Gennep: 6591, 6595–6596, 6598–6599 (6590 postbussen).
  ['gennep', ['6590', '6591', '6595', '6596', '6598', '6599']],
  // Land van Cuijk [onzeker]: Grave 5361, Velp 5363, Escharen 5364, Cuijk 5431–5432.
  ['landVanCuijk', ['5361', '5363', '5364', '5431', '5432']],
  // Oss: 5341–5349, 5351–5359, 5366–5368, 5371, 5373, 5386, 5394–5398 (5340 postbussen).
  ['oss', [...range(5340, 5349), ...range(5351, 5359), ...range(5366, 5368), '5371', '5373', '5386', ...range(5394, 5398)]],
  // Maasdriel: 5321, 5324–5325, 5327–5328, 5331, 5333–5335, 6624 (Heerewaarden).
  ['maasdriel', ['5321', '5324', '5325', '5327', '5328', '5331', '5333', '5334', '5335', '6624']],
  // Tiel: 4000–4007, 4013–4014, 4017.
  ['tiel', [...range(4000, 4007), '4013', '4014', '4017']],
  // Neder-Betuwe: 4033, 4041, 4043, 4051, 4053–4054, 6669 (Dodewaard).
  ['nederBetuwe', ['4033', '4041', '4043', '4051', '4053', '4054', '6669']],
  // Overbetuwe: 6661 (Elst); the others [onzeker]: 6665 Driel, 6666 Heteren, 6668 Randwijk,
  // 6671 Zetten, 6673 Andelst, 6674 Herveld, 6675 Valburg, 6677 Slijk-Ewijk, 6678 Oosterhout.
  ['overbetuwe', ['6661', '6665', '6666', '6668', '6671', '6673', '6674', '6675', '6677', '6678']],
  // Lingewaard: 6681, 6684–6687, 6691, 6851–6852 (6680, 6690, 6850 postbussen).
  ['lingewaard', ['6680', '6681', ...range(6684, 6687), '6690', '6691', '6850', '6851', '6852']],
  // Zevenaar: 6900–6905; the former Rijnwaarden villages 6911–6917 [onzeker].
  ['zevenaar', [...range(6900, 6905), ...range(6911, 6917)]],
];

const NEIGHBOUR_PC4: ReadonlyMap<string, NeighbourKey> = new Map(
  NEIGHBOUR_PC4_LISTS.flatMap(([key, codes]) => codes.map((code): [string, NeighbourKey] => [code, key])),
);

/** PC4 → name of the neighbouring gemeente that the advice names. */
export const PC4_BUURGEMEENTE: ReadonlyMap<string, string> = new Map(
  [...NEIGHBOUR_PC4].map(([pc4, key]) => [pc4, NEIGHBOURS[key]?.naam ?? key]),
);

const NAMES = new Map(GEMEENTEN_TWEESTROMENLAND.map((g) => [g.code, g.naam]));

const ACUUT = 'Is er acuut gevaar? Bel dan 112.';

const ALGEMEEN =
  'Dit adres ligt niet in de gemeente Berg en Dal, Beuningen, Druten, Heumen, West Maas en Waal of Wijchen. ' +
  'Meld het bij de gemeente waar het adres ligt: bel 14 met daarna het netnummer van die gemeente, ' +
  'of kijk op de website van die gemeente.';

/** Advice for an address outside the six municipalities and their named neighbours. */
export const ALGEMEEN_ADVIES = `${ALGEMEEN} ${ACUUT}`;

export type GemeenteLookup =
  | { kind: 'binnen'; gemeenteCode: string; gemeenteNaam: string }
  | { kind: 'buiten'; advies: string }
  | { kind: 'ongeldig'; message: string };

/** The four digits of a Dutch postcode ("6601 AB", "6601ab" or just "6601"), or null. */
export function pc4Of(postcode: string): string | null {
  if (typeof postcode !== 'string' || postcode.length > 20) return null;
  const m = /^([1-9]\d{3})(?:\s*[A-Za-z]{2})?$/.exec(postcode.trim());
  return m?.[1] ?? null;
}

function neighbourAdvice(n: Neighbour): string {
  const contact = n.telefoon ? ` of bel ${n.telefoon}` : ` via ${n.website}`;
  return `Dit adres ligt in de gemeente ${n.naam}. Meld het bij de gemeente ${n.naam}${contact}.`;
}

/**
 * Which of the six municipalities a postcode belongs to, or advice for an address outside them.
 * Accepts a full postcode or its four digits. Border cases carry a note in the advice; for a
 * definite answer per address, look the address up in the BAG.
 */
export function gemeenteForPostcode(postcode: string): GemeenteLookup {
  const pc4 = pc4Of(postcode);
  if (pc4 === null) return { kind: 'ongeldig', message: 'Vul een geldige postcode in, bijvoorbeeld 6601 AB.' };
  const code = PC4_GEMEENTE[pc4];
  if (code !== undefined) return { kind: 'binnen', gemeenteCode: code, gemeenteNaam: NAMES.get(code) ?? code };
  const note = PC4_GRENSGEVALLEN[pc4];
  const key = NEIGHBOUR_PC4.get(pc4);
  const neighbour = key === undefined ? undefined : NEIGHBOURS[key];
  const parts = [neighbour ? neighbourAdvice(neighbour) : ALGEMEEN, note, ACUUT].filter((p) => p !== undefined);
  return { kind: 'buiten', advies: parts.join(' ') };
}
