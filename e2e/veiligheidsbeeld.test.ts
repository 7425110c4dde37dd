// SPDX-License-Identifier: EUPL-1.2
// Browser e2e of the veiligheidsbeeld: the iv-coördinator uploads the plan's figures (and population)
// through the upload page, the dashboards show them by Kernbeleid field and as six small charts with
// table alternatives and downloads, and the public /cijfers page works without login or cookies.
// axe-core (WCAG 2.1 AA) on every page visited.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { createServer, type E2eServer, expectAccessible, freshTotp, launchBrowser, openPage } from './harness.js';

const PASSWORD = 'paard batterij nietje correct';
const FIXTURE = path.resolve(import.meta.dirname, '..', 'server', 'test', 'fixtures', 'veiligheidsbeeld', 'ivp-bijlage-misdrijven.csv');
let server: E2eServer;
let browser: Browser;
interface Gebruiker {
  gebruikersnaam: string;
  totpGeheim: string;
}
let iv: Gebruiker;
let adviseur: Gebruiker;

function maakGebruiker(org: string, rol: string, username: string): Gebruiker {
  const r = server.cli(['users', 'add', '--org', org, '--role', rol, '--email', `${username}@example.org`, '--username', username, '--password-stdin', '--enroll-totp'], `${PASSWORD}\n`);
  expect(r.status, r.stderr).toBe(0);
  const created = JSON.parse(r.stdout) as { gebruiker: { gebruikersnaam: string }; totpGeheim: string };
  return { gebruikersnaam: created.gebruiker.gebruikersnaam, totpGeheim: created.totpGeheim };
}

beforeAll(async () => {
  server = await createServer();
  iv = maakGebruiker('GM0296', 'iv-coordinator', 'iv.e2e');
  adviseur = maakGebruiker('SV-TWS', 'beleidsadviseur', 'adviseur.e2e');
  await server.start();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

async function newPage(): Promise<Page> {
  return openPage(browser);
}

async function login(page: Page, wie: Gebruiker = iv) {
  await page.goto(`${server.url}/inloggen`);
  await page.getByLabel('Gebruikersnaam', { exact: true }).fill(wie.gebruikersnaam);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByLabel('Verificatiecode', { exact: true }).fill(await freshTotp(wie.totpGeheim));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
}

async function upload(page: Page, name: string, content: string) {
  await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  await page.getByRole('button', { name: 'Importeren' }).click();
}

/** What the upload page showed while busy, recorded in the page by a MutationObserver. */
interface Voortgang {
  teksten: string[];
  maxima: string[];
  aankondigingen: string[];
}

/** Records the visible progress text, the `max` of a determinate <progress> and every text of the live region. */
async function volgVoortgang(page: Page) {
  await page.evaluate(() => {
    const log: Voortgang = { teksten: [], maxima: [], aankondigingen: [] };
    (window as unknown as { vbVoortgang: Voortgang }).vbVoortgang = log;
    const noteer = () => {
      const balk = document.querySelector('[data-testid="import-voortgang-balk"]');
      const tekst = balk?.querySelector('.vb-voortgang__tekst')?.textContent;
      if (tekst && log.teksten.at(-1) !== tekst) log.teksten.push(tekst);
      const max = balk?.querySelector('progress')?.getAttribute('max');
      if (max && log.maxima.at(-1) !== max) log.maxima.push(max);
      const status = document.querySelector('[data-testid="import-voortgang"]')?.textContent ?? '';
      if (status && log.aankondigingen.at(-1) !== status) log.aankondigingen.push(status);
    };
    new MutationObserver(noteer).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['value', 'max'] });
  });
}

async function voortgang(page: Page): Promise<Voortgang> {
  return page.evaluate(() => (window as unknown as { vbVoortgang: Voortgang }).vbVoortgang);
}

async function datasetIds(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const r = await fetch('/api/v1/veiligheidsbeeld/datasets', { headers: { Accept: 'application/json' } });
    const body = (await r.json()) as { datasets: { id: string }[] };
    return body.datasets.map((d) => d.id);
  });
}

async function downloadText(page: Page, button: string): Promise<{ name: string; body: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), body: fs.readFileSync(file) };
}

describe('veiligheidsbeeld in the browser', () => {
  it('imports the plan figures through the upload page and shows the dashboards with charts, tables and downloads', async () => {
    const page = await newPage();
    await login(page);

    // Upload page: progress, counts, idempotent re-import, line-numbered errors.
    await page.goto(`${server.url}/veiligheidsbeeld/import`);
    await page.getByRole('heading', { level: 1, name: 'Cijfers importeren' }).waitFor();
    await expectAccessible(page, 'import');
    // Client-side check: an empty file is refused before anything is sent.
    const zonderImport = await datasetIds(page);
    await upload(page, 'leeg.csv', '');
    await page.getByText('Het bestand is leeg. Kies een bestand met cijfers.').waitFor();
    await expect(page.getByLabel('Bestand', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(datasetIds(page)).resolves.toEqual(zonderImport);

    const csv = fs.readFileSync(FIXTURE, 'utf8');
    const rows = csv.trim().split('\n').length - 1;
    await volgVoortgang(page);
    await upload(page, 'ivp-bijlage-misdrijven.csv', csv);
    const resultaat = page.getByTestId('import-resultaat');
    await resultaat.getByText('De cijfers zijn geïmporteerd.').waitFor();
    // Determinate upload progress was shown; the live region only announced phases and steps of 25 %.
    const gezien = await voortgang(page);
    expect(gezien.teksten.some((t) => /^Uploaden: \d{1,3} %/.test(t)), gezien.teksten.join(' | ')).toBe(true);
    expect(gezien.maxima).toContain('100');
    expect(gezien.aankondigingen.some((t) => /^Uploaden: /.test(t)), gezien.aankondigingen.join(' | ')).toBe(true);
    for (const a of gezien.aankondigingen) expect(a).toMatch(/^(?:(?:Bestand lezen|Uploaden): (?:0|25|50|75|100) %|Verwerken en controleren…)$/);
    await expect(page.getByTestId('import-voortgang').textContent()).resolves.toBe('');
    await expect(page.getByTestId('import-voortgang-balk').count()).resolves.toBe(0);
    await expect(page.getByLabel('Bestand', { exact: true }).getAttribute('aria-invalid')).resolves.toBeNull();
    const counts = page.getByTestId('import-aantallen');
    await expect(counts.textContent()).resolves.toContain(`Gelezen regels${rows}`);
    await expect(counts.textContent()).resolves.toContain(`Nieuwe waarden${rows}`);
    await page.getByRole('cell', { name: 'ivp-bijlage-misdrijven.csv' }).waitFor();
    await expectAccessible(page, 'import-resultaat');

    await upload(page, 'ivp-bijlage-misdrijven.csv', csv);
    await resultaat.getByText('Er is niets veranderd: deze gegevens waren al geïmporteerd.').waitFor();
    await expect(counts.textContent()).resolves.toContain(`Ongewijzigde waarden${rows}`);

    const bad = 'soort_code;soort_omschrijving;gemeentecode;gemeente;jaar;aantal\n0.0.0;Totaal misdrijven;GM0296;Wijchen;2019;900\n0.0.0;Totaal misdrijven;GM0296;Wijchen;twintig;12\n';
    await upload(page, 'fout.csv', bad);
    const fout = page.getByTestId('import-fout');
    await fout.waitFor();
    await expect(fout.textContent()).resolves.toMatch(/regel 3/);
    await expectAccessible(page, 'import-fout');

    // Overview: Tweestromenland by Kernbeleid field.
    await page.goto(`${server.url}/veiligheidsbeeld`);
    await page.getByRole('heading', { level: 1, name: 'Veiligheidsbeeld' }).waitFor();
    await page.getByTestId('veld').first().waitFor();
    const velden = await page.getByTestId('veld').getByRole('heading', { level: 2 }).allTextContents();
    expect(velden.some((v) => /^\d\. /.test(v)), velden.join(' | ')).toBe(true);
    const totaalRij = page.getByRole('row', { name: /Totaal misdrijven/ });
    await expect(totaalRij.textContent()).resolves.toMatch(/2018/);
    await expect(totaalRij.textContent()).resolves.toMatch(/[+−]\d+,\d %/);
    // The plan's appendix for 2014–2018 as a PDF download from the overview.
    await page.getByLabel('Van jaar', { exact: true }).fill('2014');
    await page.getByLabel('Tot en met jaar', { exact: true }).fill('2018');
    const bijlage = page.getByRole('link', { name: 'Download bijlage 2014–2018 (PDF)' });
    const [download] = await Promise.all([page.waitForEvent('download'), bijlage.click()]);
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expectAccessible(page, 'overzicht');

    // Indicator page: six small charts with the same scale and table alternatives.
    await totaalRij.getByRole('link', { name: 'Totaal misdrijven' }).click();
    await page.getByRole('heading', { level: 1, name: /Totaal misdrijven/ }).waitFor();
    const klein = page.getByTestId('klein-figuur');
    await expect.poll(() => klein.count()).toBe(6);
    await expect.poll(() => page.locator('[data-testid="klein-figuur"] [data-testid="grafiek"] canvas').count()).toBe(6);
    await expect(page.locator('[data-testid="grafiek"][aria-hidden="true"]').count()).resolves.toBe(7);
    const bergEnDal = klein.filter({ has: page.getByRole('heading', { name: 'Berg en Dal', exact: true }) });
    const tabel = bergEnDal.locator('table');
    await expect(tabel.locator('caption').textContent()).resolves.toMatch(/Berg en Dal: Totaal misdrijven/);
    await expect(tabel.locator('tr').filter({ hasText: '2014' }).textContent()).resolves.toContain('1.187');
    await expect(page.getByLabel('Toon per 1.000 inwoners').count()).resolves.toBe(0);
    await bergEnDal.getByText('Toon als tabel').click();
    await tabel.waitFor({ state: 'visible' });
    await expectAccessible(page, 'indicator');

    const csvDownload = await downloadText(page, 'CSV downloaden (Berg en Dal)');
    expect(csvDownload.name).toMatch(/^berg-en-dal.*\.csv$/);
    const csvText = csvDownload.body.toString('utf8');
    expect(csvText.startsWith('\uFEFFJaar;Aantal\r\n')).toBe(true);
    expect(csvText).toContain('\r\n2014;1187\r\n');
    const xlsx = await downloadText(page, 'Excel downloaden (Berg en Dal)');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(xlsx.body.subarray(0, 2).toString('latin1')).toBe('PK');
    const png = await downloadText(page, 'Afbeelding (PNG) downloaden (Berg en Dal)');
    expect(png.name).toMatch(/\.png$/);
    expect(png.body.subarray(1, 4).toString('latin1')).toBe('PNG');

    // Gemeente page and comparison table.
    await page.goto(`${server.url}/veiligheidsbeeld/gemeenten/GM1945`);
    await page.getByRole('heading', { level: 1, name: 'Berg en Dal' }).waitFor();
    await page.getByTestId('figuur').locator('tr').filter({ hasText: '2014' }).filter({ hasText: '1.187' }).waitFor({ state: 'attached' });
    await page.getByTestId('veld').first().waitFor();
    await expectAccessible(page, 'gemeente');
    await page.getByRole('link', { name: 'Vergelijking', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Vergelijking van de gemeenten' }).waitFor();
    await page.getByRole('table', { name: /Rangorde van de gemeenten: Totaal misdrijven/ }).waitFor();
    await page.getByLabel('Jaar', { exact: true }).selectOption('2014');
    await page.getByRole('table', { name: /Totaal misdrijven \(0\.0\.0\), 2014/ }).getByRole('row', { name: /Berg en Dal/ }).filter({ hasText: '1.187' }).waitFor();
    await expectAccessible(page, 'vergelijking');

    // Population → the per-1,000 toggle appears.
    const { gebieden } = (await (await fetch(`${server.url}/api/v1/veiligheidsbeeld/gebieden`)).json()) as { gebieden: { code: string; naam: string; leden: string[] }[] };
    const leden = gebieden.find((g) => g.code === 'tweestromenland')!.leden;
    expect(leden).toHaveLength(6);
    const pop = ['gemeentecode;gemeente;jaar;inwoners'];
    leden.forEach((code, i) => {
      for (let jaar = 2014; jaar <= 2018; jaar++) pop.push(`${code};${gebieden.find((g) => g.code === code)!.naam};${jaar};${20_000 + i * 5_000 + (jaar - 2014) * 100}`);
    });
    await page.goto(`${server.url}/veiligheidsbeeld/import`);
    await page.getByRole('heading', { level: 1, name: 'Cijfers importeren' }).waitFor();
    await upload(page, 'bevolking.csv', `${pop.join('\n')}\n`);
    await resultaat.getByText('De cijfers zijn geïmporteerd.').waitFor();
    await page.goto(`${server.url}/veiligheidsbeeld/indicatoren/0.0.0?bron=politie`);
    const toggle = page.getByLabel('Toon per 1.000 inwoners');
    await toggle.waitFor();
    await toggle.check();
    await page.getByTestId('klein-figuur').first().locator('th').filter({ hasText: 'Per 1.000 inwoners' }).waitFor({ state: 'attached' });
    await expectAccessible(page, 'indicator-per1000');
  }, 240_000);

  it('cancels an upload in progress; nothing is stored', async () => {
    const page = await newPage();
    await login(page);
    await page.goto(`${server.url}/veiligheidsbeeld/import`);
    await page.getByRole('heading', { level: 1, name: 'Cijfers importeren' }).waitFor();
    const voor = await datasetIds(page);
    // Hold the upload in the browser (it never reaches the server) so the page stays in the upload phase.
    let vastgehouden: Route | null = null;
    let aangekomen = () => {};
    const aangehouden = new Promise<void>((resolve) => (aangekomen = resolve));
    await page.route('**/api/v1/veiligheidsbeeld/imports', (route) => {
      vastgehouden = route;
      aangekomen();
    });
    const pop = 'gemeentecode;gemeente;jaar;inwoners\nGM0296;Wijchen;2020;41000\n';
    await upload(page, 'annuleren.csv', pop);
    await aangehouden;
    const balk = page.getByTestId('import-voortgang-balk');
    await balk.getByRole('button', { name: 'Annuleren' }).waitFor();
    await expect(balk.locator('progress').getAttribute('max')).resolves.toBe('100');
    await expect(balk.locator('.vb-voortgang__tekst').textContent()).resolves.toMatch(/^Uploaden: \d{1,3} % \(annuleren\.csv\)$/);
    await expect(page.getByTestId('import-voortgang').textContent()).resolves.toMatch(/^Uploaden: (?:0|25|50|75|100) %$/);
    await expect(page.getByRole('button', { name: 'Importeren' }).isDisabled()).resolves.toBe(true);
    await expectAccessible(page, 'import-voortgang');

    await balk.getByRole('button', { name: 'Annuleren' }).click();
    await page.getByTestId('import-geannuleerd').getByText('Upload geannuleerd; er is niets opgeslagen.').waitFor();
    await expect(balk.count()).resolves.toBe(0);
    await expect(page.getByTestId('import-voortgang').textContent()).resolves.toBe('');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('import-resultaat');
    await expectAccessible(page, 'import-geannuleerd');
    await (vastgehouden as Route | null)?.abort().catch(() => undefined);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await expect(datasetIds(page)).resolves.toEqual(voor);
    await expect(page.getByRole('button', { name: 'Importeren' }).isDisabled()).resolves.toBe(false);
  }, 120_000);

  it('lets the beleidsadviseur set a new version of the field mapping; the indicator page follows; the iv-coördinator only reads', async () => {
    const page = await newPage();
    await login(page, adviseur);
    await page.goto(`${server.url}/veiligheidsbeeld/indeling`);
    await page.getByRole('heading', { level: 1, name: 'Indeling in Kernbeleid-velden' }).waitFor();
    const tabel = page.getByRole('table', { name: /Indeling van \d+ codes/ });
    const rij = tabel.getByRole('row', { name: /^2\.5\.1/ });
    await expect(rij.textContent()).resolves.toContain('2. Bedrijvigheid en veiligheid');
    await expectAccessible(page, 'indeling');
    await page.getByLabel('Bron', { exact: true }).selectOption({ label: 'Politie' });
    await rij.getByRole('link', { name: /Wijzigen/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Indeling van 2.5.1' }).waitFor();
    await expect(page.getByTestId('indeling-huidig').textContent()).resolves.toContain('2. Bedrijvigheid en veiligheid');
    await expectAccessible(page, 'indeling-2.5.1');

    // An empty date is refused in the page; the summary names the field and focuses.
    const form = page.getByRole('form', { name: 'Nieuwe versie vastleggen' });
    await form.getByLabel('Geldig vanaf').fill('');
    await form.getByRole('button', { name: 'Versie vastleggen' }).click();
    await page.getByTestId('foutmelding').getByText(/Geldig vanaf: Vul een datum in/).waitFor();
    await expectAccessible(page, 'indeling-fout');

    await form.getByLabel('Geldig vanaf').fill('2024-01-01');
    await form.getByLabel('Kernbeleid-veld').selectOption({ label: '5. Integriteit en veiligheid' });
    await form.getByLabel('Thema’s').fill('ondermijning, bedrijven');
    await form.getByLabel('Toelichting').fill('Besluit driehoek: inbraak bij bedrijven onder ondermijning.');
    await form.getByRole('button', { name: 'Versie vastleggen' }).click();
    await page.getByTestId('indeling-resultaat').getByText('Vastgelegd: vanaf 1 januari 2024 valt 2.5.1 onder 5. Integriteit en veiligheid.').waitFor();
    await expect.poll(() => page.getByTestId('indeling-huidig').textContent()).toContain('5. Integriteit en veiligheid — ondermijning, bedrijven');
    const versies = page.getByRole('table', { name: /Versies van de indeling van 2\.5\.1/ });
    await versies.getByRole('row', { name: /1 januari 2024/ }).waitFor();
    await expectAccessible(page, 'indeling-opgeslagen');

    // The indicator page groups by the version in effect.
    await page.goto(`${server.url}/veiligheidsbeeld/indicatoren/2.5.1`);
    await page.getByText('Integriteit en veiligheid').first().waitFor();

    // Remove it again (with a confirmation step): the default applies again.
    await page.goto(`${server.url}/veiligheidsbeeld/indeling/politie/2.5.1`);
    await versies.getByRole('button', { name: /^Verwijderen\s*: versie vanaf 1 januari 2024$/ }).click();
    await page.getByRole('group', { name: /De versie vanaf 1 januari 2024 verwijderen\?/ }).getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByTestId('indeling-resultaat').getByText('De versie vanaf 1 januari 2024 is verwijderd.').waitFor();
    await expect.poll(() => page.getByTestId('indeling-huidig').textContent()).toContain('2. Bedrijvigheid en veiligheid');
    await expect(versies.getByRole('button', { name: /Verwijderen/ }).count()).resolves.toBe(0);

    // The iv-coördinator sees the mapping but has no form and no delete buttons.
    const ivPage = await newPage();
    await login(ivPage);
    await ivPage.goto(`${server.url}/veiligheidsbeeld/indeling/politie/2.5.1`);
    await ivPage.getByRole('heading', { level: 1, name: 'Indeling van 2.5.1' }).waitFor();
    await ivPage.getByRole('table', { name: /Versies van de indeling/ }).waitFor();
    await expect(ivPage.getByRole('form', { name: 'Nieuwe versie vastleggen' }).count()).resolves.toBe(0);
  }, 120_000);

  it('shows the public figures page without login and without cookies', async () => {
    const page = await newPage();
    const paths: string[] = [];
    page.on('request', (r) => paths.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/cijfers`);
    await page.getByRole('heading', { level: 1, name: 'Veiligheid in cijfers' }).waitFor();
    await page.getByTestId('figuur').locator('tr').filter({ hasText: '2014' }).filter({ hasText: '5.655' }).waitFor({ state: 'attached' });
    await page.getByTestId('veld').first().waitFor();
    await page.getByRole('heading', { level: 2, name: 'Eigen meldingen van overlast' }).waitFor();
    await page.getByText(/geen meldingen van overlast|Meldingen van overlast per maand/).first().waitFor();
    await expectAccessible(page, 'cijfers');
    await page.getByLabel('Gebied', { exact: true }).selectOption({ label: 'Berg en Dal' });
    await page.getByTestId('figuur').locator('tr').filter({ hasText: '2014' }).filter({ hasText: '1.187' }).waitFor({ state: 'attached' });
    await expectAccessible(page, 'cijfers-berg-en-dal');
    expect(await page.context().cookies()).toEqual([]);
    expect(paths.filter((p) => p.startsWith('/api/') && !p.startsWith('/api/v1/veiligheidsbeeld/'))).toEqual([]);

    // Small counts are shown as "< 5" (the API suppresses them; here its answer is stubbed).
    const stub = await newPage();
    await stub.route('**/api/v1/veiligheidsbeeld/meldpunt?**', async (route) => {
      const url = new URL(route.request().url());
      const van = url.searchParams.get('van')!;
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          gebied: { code: 'tweestromenland', naam: 'Tweestromenland' },
          van,
          tot: url.searchParams.get('tot'),
          minimumCel: 5,
          cellen: [
            { maand: van, categorie: 'afval', categorieNaam: 'Afval', aantal: 12, onderdrukt: false },
            { maand: van, categorie: 'geluid', categorieNaam: 'Geluid', aantal: null, onderdrukt: true },
          ],
        }),
      });
    });
    await stub.goto(`${server.url}/cijfers`);
    const meldingen = stub.getByRole('table', { name: /Meldingen van overlast per maand/ });
    await meldingen.getByRole('row', { name: /Geluid/ }).filter({ hasText: '< 5' }).waitFor();
    await expect(meldingen.getByRole('row', { name: /Afval/ }).textContent()).resolves.toContain('12');
    await expectAccessible(stub, 'cijfers-meldingen');
  }, 120_000);
});
