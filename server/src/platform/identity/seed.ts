// SPDX-License-Identifier: EUPL-1.2
// First-start data: the six municipalities, the standard partners and the processing register.
import type { Kysely } from 'kysely';
import type { DB, OrganisatieSoort } from '../db/schema.js';
import { seedMeldingenConfig } from '../../modules/meldingen/categories.repository.js';
import { seedVeiligheidsbeeldConfig } from '../../modules/veiligheidsbeeld/seed.js';

export const GEMEENTEN: ReadonlyArray<{ code: string; naam: string }> = [
  { code: 'GM1945', naam: 'Gemeente Berg en Dal' },
  { code: 'GM0209', naam: 'Gemeente Beuningen' },
  { code: 'GM0225', naam: 'Gemeente Druten' },
  { code: 'GM0252', naam: 'Gemeente Heumen' },
  { code: 'GM0668', naam: 'Gemeente West Maas en Waal' },
  { code: 'GM0296', naam: 'Gemeente Wijchen' },
];

export const PLATFORM_ORG_CODE = 'SV-TWS';

export const PARTNERS: ReadonlyArray<{ code: string; naam: string; soort: OrganisatieSoort }> = [
  { code: PLATFORM_ORG_CODE, naam: 'Samenwerking Veiligheid Tweestromenland (platformbeheer)', soort: 'samenwerkingsverband' },
  { code: 'POL-TWS', naam: 'Politie basisteam Tweestromenland', soort: 'politie' },
  { code: 'OM-ON', naam: 'Openbaar Ministerie, arrondissementsparket Oost-Nederland', soort: 'om' },
  { code: 'RIEC-ON', naam: 'RIEC Oost-Nederland', soort: 'riec' },
  { code: 'ZVH-GZ', naam: 'Zorg- en Veiligheidshuis Gelderland-Zuid', soort: 'zvh' },
  { code: 'VT-GZ', naam: 'Veilig Thuis Gelderland-Zuid', soort: 'veilig-thuis' },
  { code: 'ODRN', naam: 'Omgevingsdienst Regio Nijmegen', soort: 'omgevingsdienst' },
  { code: 'ODR', naam: 'Omgevingsdienst Rivierenland', soort: 'omgevingsdienst' },
  { code: 'WC-TWS', naam: 'Woningcorporaties Tweestromenland', soort: 'woningcorporatie' },
  ...GEMEENTEN.map((g) => ({ code: `WT-${g.code}`, naam: `Sociaal wijkteam ${g.naam.replace('Gemeente ', '')}`, soort: 'wijkteam' as const })),
];

export const PROCESSING_ACTIVITIES = [
  {
    code: 'va-gebruikersbeheer',
    naam: 'Beheer van gebruikers en toegang tot Knooppunt',
    doel: 'Medewerkers van gemeenten en partners veilig toegang geven tot Knooppunt en die toegang beveiligen (inloggen, tweestapsverificatie, sessies).',
    grondslag: 'Art. 6 lid 1 sub e AVG (taak van algemeen belang) jo. art. 32 AVG en de Baseline Informatiebeveiliging Overheid',
    categorieen_betrokkenen: 'Medewerkers van de gemeenten en partnerorganisaties',
    categorieen_gegevens: 'Naam, e-mailadres, gebruikersnaam, organisatie, rollen, inlogmomenten, IP-adres bij inloggen',
    ontvangers: 'Geen; alleen functioneel beheer van de eigen organisatie',
    bewaartermijn: 'Tot 1 jaar na beëindiging van het account; inlogpogingen 15 minuten voor blokkering, audit 7 jaar',
    verantwoordelijke: 'Het college van burgemeester en wethouders van de deelnemende gemeente',
  },
  {
    code: 'va-audittrail',
    naam: 'Audittrail en controle op rechtmatig gebruik',
    doel: 'Vastleggen wie wanneer welke gegevens heeft ingezien of gewijzigd, zodat de FG en de organisatie rechtmatig gebruik kunnen controleren.',
    grondslag: 'Art. 5 lid 2 en art. 32 AVG; BIO 8.15 (logging)',
    categorieen_betrokkenen: 'Medewerkers; betrokkenen wier gegevens zijn verwerkt (gepseudonimiseerd)',
    categorieen_gegevens: 'Gebruikersnaam, organisatie, handeling, object, tijdstip, IP-adres van medewerkers, doel',
    ontvangers: 'Functionaris gegevensbescherming, privacy officer',
    bewaartermijn: '7 jaar',
    verantwoordelijke: 'Het college van burgemeester en wethouders van de deelnemende gemeente',
  },
  {
    code: 'va-meldpunt',
    naam: 'Meldpunt: ontvangen en behandelen van meldingen over overlast, ondermijning en niet-pluis-signalen',
    doel: 'Meldingen van inwoners, ondernemers, partners en medewerkers ontvangen, beoordelen, doorzetten en afhandelen, en anonieme melders met een ontvangstcode vragen kunnen stellen.',
    grondslag: 'Art. 6 lid 1 sub e AVG jo. art. 172 Gemeentewet (openbare orde) en art. 2:… APV; voor strafrechtelijke gegevens art. 10 AVG jo. art. 33 UAVG',
    categorieen_betrokkenen: 'Melders (optioneel, anoniem mogelijk); personen, bedrijven en voertuigen waarover wordt gemeld',
    categorieen_gegevens: 'Omschrijving, adres, tijdstip, foto’s zonder metadata; bij niet-pluis-meldingen naam, geboortedatum, BSN, KvK-nummer, kenteken; contactgegevens van de melder (versleuteld)',
    ontvangers: 'Knooppuntmedewerkers en iv-coördinatoren van de betrokken gemeente; bij doorzetten politie, Veilig Thuis, RIEC of Zorg- en Veiligheidshuis',
    bewaartermijn: 'Per categorie: ondermijning zonder vervolg 6 maanden na afsluiten; overlast 5 jaar, contactgegevens 12 maanden na afsluiten',
    verantwoordelijke: 'Het college van burgemeester en wethouders van de gemeente waar de melding over gaat; de burgemeester voor openbare orde',
  },
] as const;

/** Idempotent: safe on every start. */
export async function seedBaseData(db: Kysely<DB>): Promise<{ createdOrganisations: number }> {
  const orgs = [...GEMEENTEN.map((g) => ({ ...g, soort: 'gemeente' as const })), ...PARTNERS];
  const inserted = await db
    .insertInto('organisaties')
    .values(orgs.map((o) => ({ code: o.code, naam: o.naam, soort: o.soort })))
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('id')
    .execute();
  await db
    .insertInto('verwerkingsactiviteiten')
    .values(PROCESSING_ACTIVITIES.map((p) => ({ ...p, bijgewerkt_op: new Date() })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await seedMeldingenConfig(db);
  await seedVeiligheidsbeeldConfig(db);
  return { createdOrganisations: inserted.length };
}
