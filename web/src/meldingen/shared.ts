// SPDX-License-Identifier: EUPL-1.2
// Gedeeld door het meldpunt voor medewerkers (/meldingen) en het informatieknooppunt (/knooppunt):
// API-typen, vaste Nederlandse labels en het koppelen van serverfouten aan velden.
import { ApiError } from '../api/client.js';
import type { Categorie, Kanaal, PubliekeStatus } from '../api/meldingen.js';
import type { FormErrors } from '../components/FormErrors.js';

export type { Categorie, CategorieVraag, CategorieWaarde, Kanaal, Ontvangstbewijs, PubliekeStatus } from '../api/meldingen.js';

export interface MijnMelding {
  referentie: string;
  categorie: string;
  gemeente: string;
  status: PubliekeStatus;
  ingediendOp: string;
}

export interface Notificatie {
  id: string;
  tekst: string;
  meldingId: string | null;
  gelezenOp: string | null;
  op: string;
}

export interface CodeNaam {
  code: string;
  naam: string;
}

/** Wat een regel in de werkvoorraad en het detail van een melding gemeen hebben. */
interface MeldingKern {
  id: string;
  referentie: string;
  kanaal: Kanaal;
  bron: string;
  categorie: { id: string; naam: string };
  gemeente: CodeNaam;
  team: CodeNaam;
  status: string;
  statusNaam: string;
  afhandeltermijn: string;
  termijnOverschreden: boolean;
  aangemaaktOp: string;
  toegewezenAan: { id: string; naam: string } | null;
}

export interface WerkvoorraadRegel extends MeldingKern {
  drievoudigOverschreden: boolean;
  ouderId: string | null;
  adres: string | null;
}

export interface Werkvoorraad {
  resultaten: WerkvoorraadRegel[];
  totaal: number;
  pagina: number;
  paginaGrootte: number;
}

export interface Signalering {
  termijnOverschreden: Werkvoorraad;
  drievoudigOverschreden: Werkvoorraad;
}

export interface GekoppeldeMelding {
  id: string;
  referentie: string;
  status: string;
  reden: string | null;
}

export interface MogelijkeDubbel {
  id: string;
  referentie: string;
  categorieId: string;
  status: string;
  statusNaam: string;
  aangemaaktOp: string;
  redenen: string[];
  gekoppeld: boolean;
}

export interface Gebeurtenis {
  id: string;
  soort: string;
  van: string | null;
  naar: string | null;
  reden: string | null;
  door: string;
  op: string;
}

export interface Bericht {
  id: string;
  richting: 'aan-melder' | 'van-melder';
  tekst: string;
  reactieGevraagd: boolean;
  auteur: string | null;
  op: string;
}

export interface Bijlage {
  id: string;
  bestandsnaam: string;
  mimeType: string;
  grootte: number;
  bron: string;
  op: string;
}

export interface MeldingDetail extends MeldingKern {
  mogelijkeStatussen: Array<{ status: string; label: string }>;
  versie: number;
  omschrijving: string;
  antwoorden: Array<{ vraag: string; antwoord: string }>;
  locatie: {
    postcode: string | null;
    huisnummer: number | null;
    huisletter: string | null;
    huisnummertoevoeging: string | null;
    straat: string | null;
    woonplaats: string | null;
    toelichting: string | null;
    breedtegraad: number | null;
    lengtegraad: number | null;
  };
  waargenomenOp: string | null;
  waargenomenToelichting: string | null;
  contactAanwezig: boolean;
  ontvangstcodeActief: boolean;
  melder: { organisatie: string | null; rol: string | null } | null;
  escalatietermijn: string;
  reactieTermijn: string | null;
  doorgezetNaar: string | null;
  afgeslotenOp: string | null;
  bewarenTot: string | null;
  contactWissenOp: string | null;
  ouder: GekoppeldeMelding | null;
  kinderen: GekoppeldeMelding[];
  onderwerpen: Array<{ id: string; soort: Onderwerpsoort; gegevens: Record<string, string | number> }>;
  tijdlijn: Gebeurtenis[];
  berichten: Bericht[];
  bijlagen: Bijlage[];
  mogelijkeDubbelen: MogelijkeDubbel[];
}

export type Onderwerpsoort = 'persoon' | 'adres' | 'bedrijf' | 'voertuig';

export const GEMEENTEN: readonly CodeNaam[] = [
  { code: 'GM1945', naam: 'Berg en Dal' },
  { code: 'GM0209', naam: 'Beuningen' },
  { code: 'GM0225', naam: 'Druten' },
  { code: 'GM0252', naam: 'Heumen' },
  { code: 'GM0668', naam: 'West Maas en Waal' },
  { code: 'GM0296', naam: 'Wijchen' },
];

export const KANAAL_LABELS: Record<Kanaal, string> = {
  overlast: 'Overlast en leefbaarheid',
  ondermijning: 'Vermoeden van ondermijning',
};

export const STATUS_LABELS: Record<string, string> = {
  ontvangen: 'Ontvangen',
  'in-triage': 'In triage',
  'in-behandeling': 'In behandeling',
  'wacht-op-reactie': 'Wacht op reactie melder',
  doorgezet: 'Doorgezet',
  afgehandeld: 'Afgehandeld',
  heropend: 'Heropend',
  geannuleerd: 'Geannuleerd',
};

export const GESLOTEN_STATUSSEN: readonly string[] = ['afgehandeld', 'doorgezet', 'geannuleerd'];

export const PUBLIEKE_STATUS_LABELS: Record<PubliekeStatus, string> = {
  ontvangen: 'Ontvangen',
  'in-behandeling': 'In behandeling',
  afgehandeld: 'Afgehandeld',
};

export const BRON_LABELS: Record<string, string> = {
  publiek: 'Publiek meldpunt',
  'niet-pluis': 'Niet-pluis-melding (medewerker)',
  open311: 'Partnersysteem (Open311)',
};

export const ONDERWERP_LABELS: Record<Onderwerpsoort, string> = {
  persoon: 'Persoon',
  adres: 'Adres',
  bedrijf: 'Bedrijf',
  voertuig: 'Voertuig',
};

export const ONDERWERP_VELD_LABELS: Record<string, string> = {
  naam: 'Naam',
  geboortedatum: 'Geboortedatum',
  bsn: 'BSN',
  postcode: 'Postcode',
  huisnummer: 'Huisnummer',
  huisletter: 'Huisletter',
  huisnummertoevoeging: 'Toevoeging',
  straat: 'Straat',
  woonplaats: 'Plaats',
  kvkNummer: 'KvK-nummer',
  kenteken: 'Kenteken',
  omschrijving: 'Omschrijving',
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

export function statusBadge(status: string): 'neutral' | 'success' | 'danger' | 'warning' {
  if (status === 'afgehandeld') return 'success';
  if (status === 'geannuleerd' || status === 'doorgezet') return 'neutral';
  if (status === 'wacht-op-reactie') return 'warning';
  return 'neutral';
}

/** Adres als één regel: "6602 ZR 1a-2, Kerkstraat, Wijchen". */
export function adresRegel(l: MeldingDetail['locatie']): string {
  const nummer = [l.huisnummer ?? '', l.huisletter ?? '', l.huisnummertoevoeging ? `-${l.huisnummertoevoeging}` : ''].join('');
  const parts = [l.straat ? `${l.straat}${l.postcode ? '' : nummer ? ` ${nummer}` : ''}` : '', l.postcode ? `${l.postcode} ${nummer}`.trim() : '', l.woonplaats ?? ''];
  return parts.filter(Boolean).join(', ');
}

export function byteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

/** Subcategorieën per hoofdcategorie, in de volgorde van de beheerder. */
export function groupCategories(categorieen: readonly Categorie[], kanaal?: Kanaal | ''): Array<{ hoofd: Categorie; subs: Categorie[] }> {
  const mains = categorieen.filter((c) => c.hoofdcategorieId === null && (!kanaal || c.kanaal === kanaal)).sort((a, b) => a.volgorde - b.volgorde);
  return mains
    .map((hoofd) => ({ hoofd, subs: categorieen.filter((c) => c.hoofdcategorieId === hoofd.id).sort((a, b) => a.volgorde - b.volgorde) }))
    .filter((g) => g.subs.length > 0);
}

/** "body.onderwerpen.0.naam" of "onderwerpen[0].naam" → "onderwerpen[0].naam". */
export function canonicalField(veld: string): string {
  return veld
    .replace(/^\/+/, '')
    .replace(/^body[./]/, '')
    .replace(/\//g, '.')
    .replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

/**
 * Koppelt de veldfouten van een problem+json-antwoord aan de velden van het formulier (op het
 * volledige pad, zoals "locatie.postcode"). Lukt dat niet voor alle fouten, dan toont de
 * foutsamenvatting de titel en de omschrijving van de server.
 */
export function showApiErrors(form: FormErrors, error: unknown, resolve: (veld: string) => string | null = (veld) => veld) {
  if (error instanceof ApiError && error.errors.length > 0) {
    const known = new Set(form.fields.map((f) => f.name));
    const mapped: Record<string, string> = {};
    let unmatched = false;
    for (const item of error.errors) {
      const name = resolve(canonicalField(item.veld));
      if (name && known.has(name)) mapped[name] = mapped[name] ? `${mapped[name]} ${item.melding}` : item.melding;
      else unmatched = true;
    }
    if (!unmatched) {
      form.setClientErrors(mapped);
      return;
    }
  }
  form.setError(error);
}

/** Veilige element-id voor een veldnaam met punten of haken. */
export function safeId(prefix: string, name: string): string {
  return `${prefix}-${name.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-+$/, '')}`;
}
