// SPDX-License-Identifier: EUPL-1.2
// Browser e2e against the real server (`knooppunt serve`) in Debian's Chromium: first-administrator
// installation, login with MFA enrolment (the test computes the TOTP), user administration, API keys,
// the FG's audit search, and axe-core (WCAG 2.1 AA) on every page visited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createServer, type E2eServer, expectAccessible, freshTotp, launchBrowser, openPage } from './harness.js';
import { generateTotp } from '../server/src/platform/auth/totp.js';

const PASSWORD = 'paard batterij nietje correct';
let server: E2eServer;
let browser: Browser;
let installCode: string;
let fg: { gebruikersnaam: string; totpGeheim: string };

beforeAll(async () => {
  server = await createServer();
  // Scripts can create working accounts with the CLI before the server runs.
  const r = server.cli(['users', 'add', '--org', 'SV-TWS', '--role', 'privacy-officer', '--email', 'fg@tweestromenland.example', '--username', 'fg.e2e', '--password-stdin', '--enroll-totp'], `${PASSWORD}\n`);
  expect(r.status, r.stderr).toBe(0);
  const created = JSON.parse(r.stdout) as { gebruiker: { gebruikersnaam: string }; otpauthUri: string; totpGeheim: string };
  expect(created.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
  fg = { gebruikersnaam: created.gebruiker.gebruikersnaam, totpGeheim: created.totpGeheim };
  await server.start();
  const m = /installatiecode in:\s*\n\s*([A-Z0-9]{5}(?:-[A-Z0-9]{5}){3})/.exec(server.output());
  expect(m, server.output()).not.toBeNull();
  installCode = m![1]!;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

async function newPage(): Promise<Page> {
  return openPage(browser);
}

async function login(page: Page, username: string, password: string, totpSecret?: string) {
  await page.goto(`${server.url}/inloggen`);
  await page.getByLabel('Gebruikersnaam', { exact: true }).fill(username);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  if (totpSecret) {
    await page.getByLabel('Verificatiecode', { exact: true }).fill(await freshTotp(totpSecret));
    await page.getByRole('button', { name: 'Inloggen' }).click();
  }
}

describe('platform in the browser', () => {
  it('installs the first administrator, enrols MFA at first login and manages users and API keys', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/`);
    await page.waitForURL('**/inloggen');
    await expect(page.title()).resolves.toMatch(/Knooppunt/);
    await expectAccessible(page, 'inloggen');

    // Keyboard: the skip link is the first focusable element and moves focus to the main content.
    const firstFocusable = await page.evaluate(() => document.querySelector<HTMLElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')?.textContent ?? '');
    expect(firstFocusable).toContain('Naar de inhoud');
    await page.getByRole('link', { name: 'Naar de inhoud' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => Boolean(document.activeElement?.closest('main')))).resolves.toBe(true);

    await page.goto(`${server.url}/installatie`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page, 'installatie');
    await page.getByLabel('Installatiecode', { exact: true }).fill(installCode);
    await page.getByLabel('Gebruikersnaam', { exact: true }).fill('beheer.e2e');
    await page.getByLabel('Naam', { exact: true }).fill('Beheer E2E');
    await page.getByLabel('E-mailadres', { exact: true }).fill('beheer@tweestromenland.example');
    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Wachtwoord herhalen', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Beheerder aanmaken' }).click();
    await page.getByText(/is aangemaakt/).waitFor();

    await login(page, 'beheer.e2e', PASSWORD);
    await page.waitForURL('**/mfa-inschrijving');
    const secret = (await page.getByTestId('totp-geheim').textContent())!.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expect(page.getByRole('img', { name: /QR/i }).count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page, 'mfa-inschrijving');
    await page.getByLabel('Verificatiecode', { exact: true }).fill(generateTotp(secret));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('button', { name: 'Ik heb de herstelcodes bewaard' }).waitFor();
    const codes = (await page.getByTestId('herstelcodes').textContent()) ?? '';
    expect(codes.match(/[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}/g)).toHaveLength(10);
    await expectAccessible(page, 'herstelcodes');
    await page.getByRole('button', { name: 'Ik heb de herstelcodes bewaard' }).click();
    await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
    await expectAccessible(page, 'home');
    // Navigation per role: the administrator sees beheer, not the FG pages or module content.
    const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    await expect(nav.getByRole('link', { name: 'Gebruikers' }).count()).resolves.toBe(1);
    await expect(nav.getByRole('link', { name: 'Audittrail' }).count()).resolves.toBe(0);

    for (const path of ['/beheer/organisaties', '/account', '/veiligheidsbeeld', '/bestaat-niet']) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectAccessible(page, path);
    }
    await page.goto(`${server.url}/beheer/organisaties`);
    await page.getByRole('cell', { name: 'GM1945', exact: true }).waitFor();

    // User administration.
    await page.goto(`${server.url}/beheer/gebruikers`);
    await page.getByRole('table').first().waitFor();
    await expectAccessible(page, 'gebruikers');
    await page.getByLabel('Gebruikersnaam', { exact: true }).fill('k.devries');
    await page.getByLabel('Naam', { exact: true }).fill('Kim de Vries');
    await page.getByLabel('E-mailadres', { exact: true }).fill('k.devries@wijchen.example');
    await page.getByLabel('Organisatie', { exact: true }).selectOption({ label: 'Gemeente Wijchen (GM0296)' });
    await page.getByLabel('Knooppuntmedewerker').check();
    await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    const temp = (await page.getByTestId('tijdelijk-wachtwoord').textContent())!.trim();
    expect(temp.length).toBeGreaterThanOrEqual(12);
    await expectAccessible(page, 'gebruiker-aangemaakt');
    const row = page.getByRole('row', { name: /k\.devries/ });
    await row.getByRole('button', { name: /^Blokkeren/ }).click();
    await page.getByRole('button', { name: 'Ja, blokkeren' }).click();
    await page.getByTestId('actie-resultaat').filter({ hasText: 'geblokkeerd' }).waitFor();

    // The blocked user cannot log in.
    const other = await newPage();
    await login(other, 'k.devries', temp);
    await other.getByRole('alert').filter({ hasText: /onjuist|geblokkeerd/ }).waitFor();

    // API keys: shown once.
    await page.goto(`${server.url}/beheer/api-sleutels`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByLabel('Naam', { exact: true }).fill('Koppeling woningcorporatie');
    await page.getByLabel(/Open311 lezen/).check();
    await page.getByRole('button', { name: 'API-sleutel aanmaken' }).click();
    const key = (await page.getByTestId('nieuwe-api-sleutel').textContent())!.trim();
    expect(key).toMatch(/^kp_[0-9a-f]{12}_/);
    await expectAccessible(page, 'api-sleutels');

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL('**/inloggen');
  });

  it('lets the FG search the audit trail and export it', async () => {
    const page = await newPage();
    await login(page, fg.gebruikersnaam, PASSWORD, fg.totpGeheim);
    await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
    await page.goto(`${server.url}/privacy/audit`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page, 'audit');
    await page.getByLabel(/Actor|Gebruiker/).first().fill('beheer.e2e');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const table = page.getByRole('table', { name: 'Auditregels' });
    await table.waitFor();
    await table.getByRole('cell', { name: 'gebruiker-aangemaakt' }).first().waitFor();
    await table.getByRole('cell', { name: 'gebruiker-geblokkeerd' }).first().waitFor();
    await expectAccessible(page, 'audit-resultaten');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporteren als CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('audittrail.csv');
    await page.goto(`${server.url}/privacy/verwerkingsregister`);
    await page.getByText('Beheer van gebruikers en toegang tot Knooppunt').first().waitFor();
    await expectAccessible(page, 'verwerkingsregister');
  });

  it('keeps the audit chain intact after the browser session', async () => {
    await server.stop();
    const r = server.cli(['audit', 'verify']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Audittrail intact: \d+ regels/);
  });
});
