// SPDX-License-Identifier: EUPL-1.2
// Demo mode: fictional accounts printed once, and the demo banner on every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createServer, expectAccessible, launchBrowser, type E2eServer } from './harness.js';

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  server = await createServer({ KNOOPPUNT_DEMO: '1' });
  await server.start();
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

describe('demo mode', () => {
  it('prints the demo credentials once and shows the banner on every page', async () => {
    const first = server.output();
    expect(first).toContain('Demo-omgeving — fictieve gegevens');
    const m = /demo\.beheer\s+(\S+)/.exec(first);
    expect(m).not.toBeNull();
    const page = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
    for (const path of ['/inloggen', '/installatie', '/bestaat-niet']) {
      await page.goto(`${server.url}${path}`);
      await page.getByTestId('demo-banner').filter({ hasText: 'Demo-omgeving — fictieve gegevens' }).waitFor();
      await expectAccessible(page, `demo ${path}`);
    }
    await page.goto(`${server.url}/inloggen`);
    await page.getByLabel('Gebruikersnaam', { exact: true }).fill('demo.beheer');
    await page.getByLabel('Wachtwoord', { exact: true }).fill(m![1]!);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL('**/mfa-inschrijving');
    await page.getByTestId('demo-banner').waitFor();

    // A second start does not print (or change) the credentials again.
    await server.stop();
    await server.start();
    expect(server.output()).not.toContain(m![1]!);
    expect(server.output()).not.toMatch(/demo\.beheer\s+demo-/);
  });
});
