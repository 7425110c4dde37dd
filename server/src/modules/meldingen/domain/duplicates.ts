// SPDX-License-Identifier: EUPL-1.2
// "Possible duplicate" rules: same address, same subject key, or same category within 250 m
// and 12 weeks. Pure; the repository pre-selects candidates, this decides and explains.

export const DUPLICATE_RADIUS_M = 250;
export const DUPLICATE_WINDOW_DAYS = 7 * 12;

export interface DuplicateFacts {
  id: string;
  categorieId: string;
  postcode: string | null;
  huisnummer: number | null;
  huisletter: string | null;
  huisnummertoevoeging: string | null;
  lat: number | null;
  lon: number | null;
  createdAt: Date;
  subjectKeys: readonly string[];
}

export type DuplicateReason = 'zelfde-adres' | 'zelfde-onderwerp' | 'zelfde-categorie-dichtbij';

export function distanceMetres(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const R = 6_371_000;
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLon = (bLon - aLon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function duplicateReasons(a: DuplicateFacts, b: DuplicateFacts): DuplicateReason[] {
  if (a.id === b.id) return [];
  const reasons: DuplicateReason[] = [];
  if (
    a.postcode &&
    a.huisnummer !== null &&
    a.postcode === b.postcode &&
    a.huisnummer === b.huisnummer &&
    (a.huisletter ?? '').toUpperCase() === (b.huisletter ?? '').toUpperCase() &&
    (a.huisnummertoevoeging ?? '').toUpperCase() === (b.huisnummertoevoeging ?? '').toUpperCase()
  ) {
    reasons.push('zelfde-adres');
  }
  if (a.subjectKeys.some((k) => b.subjectKeys.includes(k))) reasons.push('zelfde-onderwerp');
  const withinWindow = Math.abs(a.createdAt.getTime() - b.createdAt.getTime()) <= DUPLICATE_WINDOW_DAYS * 86_400_000;
  if (a.categorieId === b.categorieId && withinWindow && a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null) {
    if (distanceMetres(a.lat, a.lon, b.lat, b.lon) <= DUPLICATE_RADIUS_M) reasons.push('zelfde-categorie-dichtbij');
  }
  return reasons;
}

export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, string> = {
  'zelfde-adres': 'Zelfde adres',
  'zelfde-onderwerp': 'Zelfde persoon, bedrijf of voertuig',
  'zelfde-categorie-dichtbij': 'Zelfde categorie binnen 250 m en 12 weken',
};
