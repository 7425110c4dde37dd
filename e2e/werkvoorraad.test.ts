// SPDX-License-Identifier: EUPL-1.2
// Meldingen in de browser: een signaleerder doet op een telefoon een niet-pluis-melding en ziet
// haar (alleen de status) in Mijn meldingen; een knooppuntmedewerker van Wijchen filtert de
// werkvoorraad, triageert, wijst toe, koppelt een dubbele melding, stuurt de melder een bericht en
// handelt af; de collega ziet de notificatie. axe-core (WCAG 2.1 AA) op elke bezochte pagina.
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createServer, type E2eServer, expectAccessible, freshTotp, launchBrowser, openPage } from './harness.js';
import { solveChallenge, type AltchaChallenge } from '../server/src/platform/http/pow.js';

const PASSWORD = 'paard batterij nietje correct';

const WIJCHEN_OVERLAST = {
  categorie: 'personen.jeugdoverlast',
  omschrijving: 'Elke avond een groep jongeren bij het winkelcentrum die scooters laat rondscheuren.',
  antwoorden: { acuut: 'nee', hoe_vaak: 'vaak' },
  locatie: { postcode: '6602 ZR', huisnummer: 1 },
};

interface Account {
  gebruikersnaam: string;
  totpGeheim: string;
}

interface Receipt {
  id: string;
  referentie: string;
  ontvangstcode: string;
}

let server: E2eServer;
let browser: Browser;
let boa: Account;
let hub: Account;
let colleague: Account;
let meldingA: Receipt;
let meldingB: Receipt;

function addUser(org: string, role: string, username: string, name: string): Account {
  const r = server.cli(
    ['users', 'add', '--org', org, '--role', role, '--email', `${username}@tweestromenland.example`, '--username', username, '--name', name, '--password-stdin', '--enroll-totp'],
    `${PASSWORD}\n`,
  );
  expect(r.status, r.stderr).toBe(0);
  const created = JSON.parse(r.stdout) as { gebruiker: { gebruikersnaam: string }; totpGeheim: string };
  return { gebruikersnaam: created.gebruiker.gebruikersnaam, totpGeheim: created.totpGeheim };
}

/** A public melding as the browser meldpunt would send it, with the proof of work solved in Node. */
async function submitPublic(body: Record<string, unknown>): Promise<Receipt> {
  const challenge = (await (await fetch(`${server.url}/api/v1/meldingen/uitdaging`)).json()) as AltchaChallenge;
  const altcha = solveChallenge(challenge).payload;
  const res = await fetch(`${server.url}/api/v1/meldingen`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, altcha }) });
  const text = await res.text();
  expect(res.status, text).toBe(201);
  return JSON.parse(text) as Receipt;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([len, body, crc]);
}

const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a', 'hex'),
  pngChunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0])),
  pngChunk('IDAT', zlib.deflateSync(Buffer.from([0, 255, 0, 0, 255]))),
  pngChunk('IEND', Buffer.alloc(0)),
]);

beforeAll(async () => {
  server = await createServer();
  boa = addUser('GM0225', 'signaleerder', 'boa.druten', 'Bram Boa');
  hub = addUser('GM0296', 'knooppuntmedewerker', 'hub.wijchen', 'Kim Knooppunt');
  colleague = addUser('GM0296', 'knooppuntmedewerker', 'collega.wijchen', 'Sanne Jansen');
  await server.start();
  // Two public meldingen at the same Wijchen address: possible duplicates of each other.
  meldingA = await submitPublic({ ...WIJCHEN_OVERLAST, contact: { naam: 'Jan Melder', email: 'jan@example.nl' } });
  meldingB = await submitPublic({ ...WIJCHEN_OVERLAST, omschrijving: 'Weer die groep jongeren bij het winkelcentrum, nu met vuurwerk.' });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  return openPage(browser, { viewport, hasTouch: viewport.width < 500 });
}

async function login(page: Page, account: Account) {
  await page.goto(`${server.url}/inloggen`);
  await page.getByLabel('Gebruikersnaam', { exact: true }).fill(account.gebruikersnaam);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByLabel('Verificatiecode', { exact: true }).fill(await freshTotp(account.totpGeheim));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
}

async function actionResult(page: Page, text: RegExp) {
  await page.getByTestId('actie-resultaat').filter({ hasText: text }).waitFor();
}

describe('meldingen in the browser', () => {
  it('lets a BOA file a niet-pluis-melding on a phone and see only its status', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await login(page, boa);
    await page.goto(`${server.url}/meldingen`);
    await page.getByRole('heading', { level: 1, name: 'Meldpunt' }).waitFor();
    await expectAccessible(page, '/meldingen');
    await page.getByRole('link', { name: /Niet-pluis-melding doen/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Niet-pluis-melding doen' }).waitFor();
    await expectAccessible(page, '/meldingen/niet-pluis');

    // Nothing filled in: an error summary with links to the fields.
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    const summary = page.getByTestId('foutmelding');
    await summary.getByRole('link', { name: /Soort melding/ }).waitFor();
    await expectAccessible(page, 'niet-pluis met fouten');

    await page.getByLabel('Vermoeden van ondermijning').check();
    await page.getByLabel('Categorie', { exact: true }).selectOption({ label: 'Hennepteelt' });
    await page.getByRole('group', { name: /direct gevaar/ }).getByLabel('Nee').check();
    await page.getByLabel(/Een sterke geur/).check();
    await page.getByLabel('Wat heeft u gezien?').fill('Sterke hennepgeur bij de loods achter de boerderij, ramen afgeplakt en veel stroomkabels.');
    await page.getByLabel('Postcode', { exact: true }).fill('6651 AA');
    await page.getByLabel('Huisnummer', { exact: true }).fill('12');
    await page.getByRole('button', { name: 'Voertuig toevoegen' }).click();
    const vehicle = page.getByRole('group', { name: 'Voertuig 1' });
    await expect(vehicle.getByLabel('Kenteken').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await vehicle.getByLabel('Kenteken').fill('12-ABC-3');
    await page.getByLabel("Foto's of documenten", { exact: true }).setInputFiles({ name: 'loods.png', mimeType: 'image/png', buffer: PNG });
    await expectAccessible(page, 'niet-pluis ingevuld');
    // The form fits the phone: no horizontal scrolling.
    await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).resolves.toBe(true);
    await page.getByRole('button', { name: 'Melding versturen' }).click();

    const referentie = (await page.getByTestId('referentie').textContent())!.trim();
    expect(referentie).toMatch(/^KP-\d{4}-\d{6}$/);
    await expectAccessible(page, 'niet-pluis verstuurd');

    await page.getByRole('link', { name: 'Naar mijn meldingen' }).click();
    const table = page.getByRole('table', { name: 'Mijn niet-pluis-meldingen' });
    const row = table.getByRole('row', { name: new RegExp(referentie) });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/Hennepteelt.*Druten.*Ontvangen/);
    await expect(page.getByText(/hennepgeur/).count()).resolves.toBe(0);
    await expectAccessible(page, '/meldingen/mijn');
    await page.context().close();
  });

  it('lets a knooppuntmedewerker triage, assign, link, message and close a melding', async () => {
    const page = await newPage();
    await login(page, hub);
    await page.goto(`${server.url}/knooppunt`);
    await page.getByRole('heading', { level: 1, name: 'Werkvoorraad meldingen' }).waitFor();
    await page.getByTestId('werkvoorraad-totaal').filter({ hasText: '2 meldingen gevonden.' }).waitFor();
    await expectAccessible(page, '/knooppunt');

    // Filter: overlast, not yet assigned, by reference.
    await page.getByLabel('Kanaal', { exact: true }).selectOption('overlast');
    await page.getByLabel('Toegewezen aan', { exact: true }).selectOption('niemand');
    await page.getByLabel('Ontvangen', { exact: true }).check();
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.waitForURL(/kanaal=overlast/);
    await page.getByTestId('werkvoorraad-totaal').filter({ hasText: '2 meldingen gevonden.' }).waitFor();
    // Sort by received date, oldest first.
    await page.getByRole('button', { name: /^Ontvangen/ }).click();
    await page.waitForURL(/sorteer=aangemaakt/);
    const table = page.getByRole('table', { name: 'Werkvoorraad' });
    await expect(table.locator('th[aria-sort="ascending"]').textContent()).resolves.toMatch(/Ontvangen/);
    await table.getByRole('row').nth(1).filter({ hasText: meldingA.referentie }).waitFor();
    await page.getByLabel('Referentie', { exact: true }).fill(meldingB.referentie);
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.getByTestId('werkvoorraad-totaal').filter({ hasText: '1 melding gevonden.' }).waitFor();
    await expectAccessible(page, '/knooppunt gefilterd');
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await page.getByTestId('werkvoorraad-totaal').filter({ hasText: '2 meldingen gevonden.' }).waitFor();

    await page.getByRole('link', { name: meldingA.referentie, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Melding ${meldingA.referentie}` }).waitFor();
    await expect(page.getByTestId('samenvatting').textContent()).resolves.toMatch(/Ontvangen.*Jeugdoverlast.*Wijchen/);
    await expectAccessible(page, 'melding detail');

    // Triage.
    await page.getByRole('button', { name: 'Start triage' }).click();
    await page.getByRole('button', { name: 'Start triage: bevestigen' }).click();
    await actionResult(page, /De status is gewijzigd/);
    await expect(page.getByTestId('samenvatting').textContent()).resolves.toContain('In triage');

    // Assign to the colleague.
    await page.getByLabel('Behandelaar', { exact: true }).selectOption({ label: 'Sanne Jansen' });
    await page.getByRole('button', { name: 'Toewijzen', exact: true }).click();
    await actionResult(page, /toegewezen aan Sanne Jansen/);
    await expect(page.getByTestId('behandelaar').textContent()).resolves.toContain('Sanne Jansen');

    // The other melding at the same address is a possible duplicate: link it as deelmelding.
    const duplicates = page.getByRole('table', { name: 'Mogelijke dubbele meldingen' });
    await duplicates.getByRole('row', { name: new RegExp(meldingB.referentie) }).getByText('Zelfde adres').waitFor();
    await duplicates.getByRole('button', { name: `Koppelen als deelmelding ${meldingB.referentie}` }).click();
    await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
    await page.getByTestId('foutmelding').filter({ hasText: /reden/ }).waitFor();
    await page.getByLabel(`Reden voor het koppelen van ${meldingB.referentie}`).fill('Zelfde adres en dezelfde groep jongeren.');
    await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
    await actionResult(page, /als deelmelding gekoppeld/);
    await page.getByRole('table', { name: 'Gekoppelde meldingen' }).getByRole('row', { name: new RegExp(`${meldingB.referentie}.*Deelmelding`) }).waitFor();

    // Contact details only with a reason.
    await page.getByRole('button', { name: 'Contactgegevens inzien' }).click();
    await page.getByLabel('Waarom heeft u de contactgegevens nodig?').fill('Melder terugbellen over de plek.');
    await page.getByRole('button', { name: 'Inzien', exact: true }).click();
    await expect(page.getByTestId('contactgegevens').textContent()).resolves.toContain('jan@example.nl');

    // A message to the reporter.
    await page.getByLabel('Bericht aan de melder', { exact: true }).fill('Dank voor uw melding. Wij gaan met het jongerenwerk in gesprek.');
    await page.getByRole('button', { name: 'Bericht versturen' }).click();
    await actionResult(page, /Het bericht is verstuurd/);
    await page.getByTestId('berichten').getByText('Wij gaan met het jongerenwerk in gesprek.').waitFor();
    await expectAccessible(page, 'melding na acties');

    // Close with a message to the reporter; the linked deelmelding closes with it.
    await page.getByRole('button', { name: 'Afhandelen', exact: true }).click();
    const closeForm = page.getByRole('group', { name: 'Afhandelen' });
    await closeForm.getByLabel('Reden').fill('Jongerenwerk ingezet.');
    await closeForm.getByLabel('Afsluitbericht aan de melder').fill('Het jongerenwerk gaat met de groep in gesprek.');
    await expectAccessible(page, 'afhandelen');
    await closeForm.getByRole('button', { name: 'Afhandelen: bevestigen' }).click();
    await actionResult(page, /De status is gewijzigd: Afhandelen/);
    await expect(page.getByTestId('samenvatting').textContent()).resolves.toContain('Afgehandeld');
    await expect(page.getByTestId('tijdlijn').textContent()).resolves.toMatch(/In triage → Afgehandeld/);
    await expectAccessible(page, 'melding afgehandeld');

    // What the reporters see with their receipt codes.
    const view = async (code: string) =>
      (await (await fetch(`${server.url}/api/v1/meldingen/status-opvragen`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ontvangstcode: code }) })).json()) as {
        status: string;
        berichtBijAfhandeling: string | null;
        berichten: Array<{ tekst: string }>;
      };
    const a = await view(meldingA.ontvangstcode);
    expect(a.status).toBe('afgehandeld');
    expect(a.berichtBijAfhandeling).toBe('Het jongerenwerk gaat met de groep in gesprek.');
    expect(a.berichten.map((b) => b.tekst)).toContain('Dank voor uw melding. Wij gaan met het jongerenwerk in gesprek.');
    expect((await view(meldingB.ontvangstcode)).status).toBe('afgehandeld');

    await page.goto(`${server.url}/knooppunt/signalering`);
    await page.getByRole('heading', { level: 1, name: 'Signalering termijnen' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Afhandeltermijn overschreden/ }).waitFor();
    await expectAccessible(page, '/knooppunt/signalering');
    await page.context().close();
  });

  it('shows the colleague a notification of the assignment', async () => {
    const page = await newPage();
    await login(page, colleague);
    await page.goto(`${server.url}/knooppunt`);
    await page.getByRole('link', { name: 'Notificaties (1 ongelezen)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notificaties' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(`melding ${meldingA.referentie} aan u toegewezen`) });
    await row.getByText('Ongelezen').waitFor();
    await expectAccessible(page, '/knooppunt/notificaties');
    await row.getByRole('button', { name: /^Markeer als gelezen/ }).click();
    await page.getByTestId('notificatie-resultaat').filter({ hasText: 'gelezen' }).waitFor();
    await row.getByText('Gelezen', { exact: true }).waitFor();
    await row.getByRole('link', { name: /aan u toegewezen/ }).click();
    await page.getByRole('heading', { level: 1, name: `Melding ${meldingA.referentie}` }).waitFor();
    await expect(page.getByTestId('behandelaar').textContent()).resolves.toContain('Sanne Jansen (u)');
    await page.context().close();
  });
});
