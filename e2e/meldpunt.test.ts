// SPDX-License-Identifier: EUPL-1.2
// The public meldpunt (/melden) in Chromium against the real server: an overlast melding in Wijchen
// with a photo, the hard stop (112), an address outside the six municipalities, an anonymous
// ondermijning melding in Druten, the status page with the receipt code, and the reporter answering
// a question from the hub. axe-core (WCAG 2.1 AA) on every page and step; no cookies, no storage
// and no request to any host other than the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createServer, expectAccessible, freshTotp, launchBrowser, type E2eServer } from './harness.js';

const PASSWORD = 'paard batterij nietje correct';
// A valid 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

let server: E2eServer;
let browser: Browser;
let hub: { gebruikersnaam: string; totpGeheim: string };

beforeAll(async () => {
  server = await createServer({ KNOOPPUNT_POW_MAXNUMBER: '20000' });
  const r = server.cli(
    ['users', 'add', '--org', 'GM0296', '--role', 'knooppuntmedewerker', '--email', 'hub@wijchen.example', '--username', 'hub.e2e', '--password-stdin', '--enroll-totp'],
    `${PASSWORD}\n`,
  );
  expect(r.status, r.stderr).toBe(0);
  const created = JSON.parse(r.stdout) as { gebruiker: { gebruikersnaam: string }; totpGeheim: string };
  hub = { gebruikersnaam: created.gebruiker.gebruikersnaam, totpGeheim: created.totpGeheim };
  [browser] = await Promise.all([launchBrowser(), server.start()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

interface Resident {
  context: BrowserContext;
  page: Page;
  /** Every http(s) host the page contacted. */
  hosts: Set<string>;
}

async function resident(): Promise<Resident> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  const hosts = new Set<string>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'http:' || url.protocol === 'https:') hosts.add(url.host);
  });
  page.on('pageerror', (e) => {
    throw e;
  });
  return { context, page, hosts };
}

/** No cookie, nothing in web storage, and no request to anyone but the server. */
async function expectPrivate(r: Resident) {
  await expect(r.context.cookies()).resolves.toEqual([]);
  await expect(r.page.evaluate(() => localStorage.length + sessionStorage.length)).resolves.toBe(0);
  expect([...r.hosts]).toEqual([new URL(server.url).host]);
}

async function expectStep(page: Page, n: number, title: string | RegExp) {
  const heading = page.getByRole('heading', { level: 1, name: title });
  await heading.waitFor();
  await expect(page.getByTestId('stap').textContent()).resolves.toContain(`Stap ${n} van 6`);
  // Focus moves to the heading of the new step.
  await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H1');
}

const next = (page: Page) => page.getByRole('button', { name: 'Volgende' }).click();

function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}

let staffPromise: ReturnType<typeof login> | null = null;
/** One staff session for the whole file (a TOTP code is accepted only once per time step). */
const staffSession = () => (staffPromise ??= login());

async function login() {
  const res = await fetch(`${server.url}/api/v1/sessies`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ gebruikersnaam: hub.gebruikersnaam, wachtwoord: PASSWORD, totpCode: await freshTotp(hub.totpGeheim) }),
  });
  const body = await res.text();
  expect(res.status, body).toBe(201);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.split('=')[0]!.endsWith('knooppunt_sessie'));
  expect(cookie).toBeTruthy();
  const csrf = (JSON.parse(body) as { csrfToken: string }).csrfToken;
  const headers = { cookie: cookie!, 'x-csrf-token': csrf };
  return {
    async get<T>(path: string): Promise<T> {
      const r = await fetch(`${server.url}/api/v1${path}`, { headers });
      const text = await r.text();
      expect(r.status, text).toBe(200);
      return JSON.parse(text) as T;
    },
    async post(path: string, payload: unknown, status: number) {
      const r = await fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(payload) });
      expect(r.status, await r.text()).toBe(status);
    },
  };
}

describe('public meldpunt in the browser', () => {
  let overlast: { referentie: string; ontvangstcode: string };

  it('files an overlast melding in Wijchen with a photo; hard stop and an address outside the six', async () => {
    const r = await resident();
    const { page } = r;
    await page.goto(`${server.url}/melden`);
    await page.getByRole('heading', { level: 1, name: 'Een melding doen' }).waitFor();
    await expect(page.getByRole('banner').textContent()).resolves.toContain('Meldpunt Tweestromenland');
    await expect(page.getByTestId('privacyverklaring').textContent()).resolves.toContain('geen cookies');
    await expect(page.getByText(/0800-7000/).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('link', { name: 'Status opvragen met uw ontvangstcode' }).count()).resolves.toBe(1);
    // The skip link is the first focusable element.
    const firstFocusable = await page.evaluate(() => document.querySelector<HTMLElement>('a[href], button, input, select, textarea')?.textContent ?? '');
    expect(firstFocusable).toContain('Naar de inhoud');
    await expectAccessible(page, 'melden (start)');

    await page.getByRole('link', { name: /Overlast en leefbaarheid/ }).click();
    await page.waitForURL('**/melden/overlast');
    await page.getByLabel('Overlast van personen', { exact: true }).waitFor();
    await expectStep(page, 1, /Wat wilt u melden/);
    await expectAccessible(page, 'overlast stap 1');

    // Continuing without choosing shows the error summary.
    await next(page);
    await page.getByTestId('foutmelding').waitFor();
    await expect(page.getByTestId('foutmelding').textContent()).resolves.toContain('Kies een onderwerp');
    await expectAccessible(page, 'overlast stap 1 met fouten');

    await page.getByLabel('Overlast van personen', { exact: true }).check();
    await page.getByLabel('Jeugdoverlast', { exact: true }).check();
    const danger = page.getByRole('group', { name: /direct gevaar/ });
    await danger.getByLabel('Ja, er is nu gevaar voor mensen').check();
    // Hard stop: 112 and no way forward.
    const stop = page.getByTestId('harde-stop');
    await stop.waitFor();
    await expect(stop.textContent()).resolves.toContain('Is er nu direct gevaar? Bel 112.');
    await expect(stop.getByRole('link', { name: 'Bel 112' }).getAttribute('href')).resolves.toBe('tel:112');
    await expect(page.getByRole('button', { name: 'Volgende' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'overlast harde stop');

    await danger.getByLabel('Nee', { exact: true }).check();
    await stop.waitFor({ state: 'detached' });
    await page.getByRole('group', { name: /Hoe vaak/ }).getByLabel('Vaak (wekelijks of vaker)').check();
    await page.getByLabel('Om hoeveel personen gaat het ongeveer?').fill('8');
    await page.getByLabel('Omschrijving', { exact: true }).fill('Elke avond een groep jongeren bij het winkelcentrum die scooters laat rondscheuren.');
    await next(page);

    // Where: first an Amsterdam address (outside the six), then Wijchen.
    await expectStep(page, 2, /Waar is het/);
    await expectAccessible(page, 'overlast stap 2');
    await page.getByLabel('Postcode', { exact: true }).fill('1012 JS');
    await page.getByLabel('Huisnummer', { exact: true }).fill('1');
    await page.getByTestId('gemeente').getByText('Dit adres ligt buiten ons werkgebied').waitFor();
    await expect(page.getByTestId('gemeente').textContent()).resolves.toMatch(/Meld het bij de gemeente/);
    await next(page);
    await page.getByTestId('foutmelding').waitFor();
    await expect(page.getByTestId('foutmelding').textContent()).resolves.toMatch(/Meld het bij de gemeente/);
    await expect(page.getByRole('heading', { level: 1, name: /Waar is het/ }).count()).resolves.toBe(1);
    await expectAccessible(page, 'overlast buiten werkgebied');

    await page.getByLabel('Postcode', { exact: true }).fill('6602 ZR');
    await page.getByTestId('gemeente').getByText('Dit adres ligt in de gemeente Wijchen').waitFor();
    await page.getByLabel('Toelichting op de plek', { exact: true }).fill('Bij de ingang van het winkelcentrum');
    await expectAccessible(page, 'overlast stap 2 Wijchen');
    await next(page);

    await expectStep(page, 3, /Wanneer zag u het/);
    await page.getByLabel('Datum', { exact: true }).fill(daysAgo(2));
    await page.getByLabel('Tijd', { exact: true }).fill('21:30');
    await expectAccessible(page, 'overlast stap 3');
    await next(page);

    await expectStep(page, 4, /Foto's of documenten/);
    await page.getByLabel('Bestanden kiezen', { exact: true }).setInputFiles([{ name: 'jongeren.png', mimeType: 'image/png', buffer: PNG }]);
    await page.getByRole('button', { name: 'Verwijder jongeren.png' }).waitFor();
    await expect(page.getByTestId('bestanden').textContent()).resolves.toMatch(/jongeren\.png\s*1 kB/);
    // Remove and add again: the list follows.
    await page.getByRole('button', { name: 'Verwijder jongeren.png' }).click();
    await page.getByText('U heeft nog geen bestanden toegevoegd.').waitFor();
    await page.getByLabel('Bestanden kiezen', { exact: true }).setInputFiles([{ name: 'jongeren.png', mimeType: 'image/png', buffer: PNG }]);
    await page.getByRole('button', { name: 'Verwijder jongeren.png' }).waitFor();
    await expectAccessible(page, 'overlast stap 4');
    await next(page);

    await expectStep(page, 5, /Uw gegevens/);
    await expect(page.getByLabel('Houd mij per e-mail op de hoogte van mijn melding').count()).resolves.toBe(1);
    await expectAccessible(page, 'overlast stap 5');
    await next(page);

    await expectStep(page, 6, /Controleren en versturen/);
    await expect(page.getByTestId('samenvatting-onderwerp').textContent()).resolves.toContain('Jeugdoverlast');
    await expect(page.getByTestId('samenvatting-adres').textContent()).resolves.toContain('6602 ZR 1');
    await expect(page.getByTestId('samenvatting-contact').textContent()).resolves.toBe('Anoniem');
    await expectAccessible(page, 'overlast stap 6');
    // Edit link goes back to the step and returns to the summary.
    await page.getByRole('button', { name: 'Wijzig de plek' }).click();
    await expectStep(page, 2, /Waar is het/);
    await page.getByRole('button', { name: 'Opslaan en terug naar controleren' }).click();
    await expectStep(page, 6, /Controleren en versturen/);

    // Delay the challenge a little so the security-check status is observable.
    await page.route('**/api/v1/meldingen/uitdaging', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    await page.getByText('Bezig met beveiligingscontrole…').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Uw melding is verstuurd' }).waitFor({ timeout: 30_000 });
    const referentie = ((await page.getByTestId('referentie').textContent()) ?? '').trim();
    const ontvangstcode = ((await page.getByTestId('ontvangstcode').textContent()) ?? '').trim();
    expect(referentie).toMatch(/^KP-\d{4}-\d{6}$/);
    expect(ontvangstcode.replace(/\s/g, '')).toMatch(/^\d{20}$/);
    await expect(page.getByTestId('bevestiging-gemeente').textContent()).resolves.toBe('Wijchen');
    await expect(page.getByText(/U ziet hem maar één keer/).count()).resolves.toBe(1);
    await expect(page.getByTestId('bericht').textContent()).resolves.toMatch(/Bedankt/);
    await expectAccessible(page, 'overlast bevestiging');
    // The code never went into a URL.
    expect(page.url()).not.toContain(ontvangstcode.replace(/\s/g, '').slice(0, 8));
    await expectPrivate(r);
    overlast = { referentie, ontvangstcode };

    // The hub sees the melding with the photo attached.
    const staff = await staffSession();
    const list = await staff.get<{ resultaten: Array<{ id: string }> }>(`/meldingen?zoek=${referentie}`);
    expect(list.resultaten).toHaveLength(1);
    const detail = await staff.get<{ gemeente: { code: string }; categorie: { id: string }; bijlagen: Array<{ bestandsnaam: string }> }>(`/meldingen/${list.resultaten[0]!.id}`);
    expect(detail.gemeente.code).toBe('GM0296');
    expect(detail.categorie.id).toBe('personen.jeugdoverlast');
    expect(detail.bijlagen.map((b) => b.bestandsnaam)).toEqual(['jongeren.png']);
    await r.context.close();
  });

  it('files an anonymous ondermijning melding in Druten and checks its status with the code', async () => {
    const r = await resident();
    const { page } = r;
    await page.goto(`${server.url}/melden`);
    await page.getByRole('link', { name: /Vermoeden van ondermijning/ }).click();
    await page.getByRole('heading', { level: 1, name: /Wat wilt u melden/ }).waitFor();
    const notice = page.getByTestId('ondermijning-uitleg');
    await expect(notice.textContent()).resolves.toMatch(/anoniem/);
    await expect(notice.textContent()).resolves.toMatch(/U hoort niet wat er met uw melding gebeurt/);
    await expect(notice.getByRole('link', { name: /Meld Misdaad Anoniem: 0800-7000/ }).getAttribute('href')).resolves.toBe('tel:08007000');
    await expectAccessible(page, 'ondermijning stap 1');

    await page.getByLabel('Drugs', { exact: true }).check();
    await page.getByLabel('Hennepteelt', { exact: true }).check();
    await page.getByRole('group', { name: /direct gevaar/ }).getByLabel('Nee', { exact: true }).check();
    await page.getByLabel('Een sterke geur (hennep, anijs of chemisch)').check();
    await page.getByLabel('Afgeplakte of altijd gesloten ramen').check();
    await page.getByLabel('Omschrijving', { exact: true }).fill('Uit de loods achter de boerderij komt een sterke hennepgeur en de ramen zijn afgeplakt.');
    await expectAccessible(page, 'ondermijning stap 1 ingevuld');
    await next(page);

    await expectStep(page, 2, /Waar is het/);
    await page.getByLabel('Postcode', { exact: true }).fill('6651 AA');
    await page.getByLabel('Huisnummer', { exact: true }).fill('12');
    await page.getByTestId('gemeente').getByText('Dit adres ligt in de gemeente Druten').waitFor();
    await expectAccessible(page, 'ondermijning stap 2');
    await next(page);

    await expectStep(page, 3, /Wanneer zag u het/);
    await expectAccessible(page, 'ondermijning stap 3');
    await next(page);
    await expectStep(page, 4, /Foto's of documenten/);
    await expectAccessible(page, 'ondermijning stap 4');
    await next(page);

    // Contact: anonymous by default, the fields only appear on request.
    await expectStep(page, 5, /Uw gegevens/);
    await expect(page.getByLabel('Nee, ik meld anoniem (aanbevolen)').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('E-mailadres', { exact: true }).count()).resolves.toBe(0);
    await expect(page.getByLabel('Houd mij per e-mail op de hoogte van mijn melding').count()).resolves.toBe(0);
    await page.getByLabel('Ja, ik laat contactgegevens achter').check();
    await page.getByLabel('E-mailadres', { exact: true }).waitFor();
    await expectAccessible(page, 'ondermijning stap 5 met gegevens');
    await page.getByLabel('Nee, ik meld anoniem (aanbevolen)').check();
    await expectAccessible(page, 'ondermijning stap 5');
    await next(page);

    await expectStep(page, 6, /Controleren en versturen/);
    await expect(page.getByTestId('samenvatting-contact').textContent()).resolves.toBe('Anoniem');
    await expectAccessible(page, 'ondermijning stap 6');
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uw melding is verstuurd' }).waitFor({ timeout: 30_000 });
    const ontvangstcode = ((await page.getByTestId('ontvangstcode').textContent()) ?? '').trim();
    await expect(page.getByTestId('bevestiging-gemeente').textContent()).resolves.toBe('Druten');
    await expect(page.getByTestId('bericht').textContent()).resolves.toMatch(/hoort niet wat er met uw melding gebeurt/);
    await expectAccessible(page, 'ondermijning bevestiging');

    // Status with the code: the code goes in the POST body, never in the URL.
    const statusRequests: string[] = [];
    page.on('request', (req) => {
      if (req.url().includes('/status-opvragen')) statusRequests.push(`${req.method()} ${req.url()} ${req.postData() ?? ''}`);
    });
    await page.getByRole('link', { name: 'Status opvragen met uw ontvangstcode' }).click();
    await page.waitForURL('**/melden/status');
    await page.getByRole('heading', { level: 1, name: 'Status van uw melding' }).waitFor();
    await expectAccessible(page, 'status (leeg)');
    await page.getByRole('button', { name: 'Status opvragen' }).click();
    await page.getByTestId('foutmelding').waitFor();
    await page.getByLabel('Ontvangstcode', { exact: true }).fill(ontvangstcode);
    await page.getByRole('button', { name: 'Status opvragen' }).click();
    await expect(page.getByTestId('status').textContent()).resolves.toBe('Ontvangen');
    await expect(page.getByTestId('status-toelichting').textContent()).resolves.toMatch(/vertrouwelijk/);
    await expectAccessible(page, 'status ondermijning');
    expect(statusRequests).toHaveLength(1);
    expect(statusRequests[0]).toMatch(/^POST \S+\/api\/v1\/meldingen\/status-opvragen \{"ontvangstcode":/);
    expect(page.url()).toBe(`${server.url}/melden/status`);
    await expectPrivate(r);
    await r.context.close();
  });

  it('lets the anonymous reporter answer a question from the hub with the receipt code', async () => {
    const staff = await staffSession();
    const list = await staff.get<{ resultaten: Array<{ id: string }> }>(`/meldingen?zoek=${overlast.referentie}`);
    const id = list.resultaten[0]!.id;
    await staff.post(`/meldingen/${id}/statuswijzigingen`, { status: 'in-triage' }, 204);
    await staff.post(`/meldingen/${id}/berichten`, { tekst: 'Om welk tijdstip ziet u de groep meestal?', reactieGevraagd: true }, 201);
    expect((await staff.get<{ status: string }>(`/meldingen/${id}`)).status).toBe('wacht-op-reactie');

    const r = await resident();
    const { page } = r;
    await page.goto(`${server.url}/melden/status`);
    await page.getByLabel('Ontvangstcode', { exact: true }).fill(overlast.ontvangstcode);
    await page.getByRole('button', { name: 'Status opvragen' }).click();
    await page.getByTestId('vraag-melding').waitFor();
    await expect(page.getByTestId('status').textContent()).resolves.toBe('In behandeling');
    await expect(page.getByTestId('berichten').textContent()).resolves.toContain('Om welk tijdstip ziet u de groep meestal?');
    await page.getByRole('heading', { name: 'Vraag beantwoorden' }).waitFor();
    await expectAccessible(page, 'status met vraag');

    await page.getByLabel('Uw reactie', { exact: true }).fill('Meestal tussen 21 en 23 uur, vooral op vrijdag.');
    await page.getByRole('button', { name: 'Reactie versturen' }).click();
    await page.getByTestId('reactie-verstuurd').getByText('Uw reactie is verstuurd').waitFor();
    await expect(page.getByTestId('berichten').textContent()).resolves.toContain('Meestal tussen 21 en 23 uur');
    await expect(page.getByTestId('vraag-melding').count()).resolves.toBe(0);
    // Adding information stays possible.
    await page.getByRole('heading', { name: 'Informatie toevoegen' }).waitFor();
    await expectAccessible(page, 'status na reactie');
    await expectPrivate(r);
    await r.context.close();

    const detail = await staff.get<{ status: string; berichten: Array<{ richting: string; tekst: string }> }>(`/meldingen/${id}`);
    expect(detail.status).toBe('in-behandeling');
    expect(detail.berichten.map((b) => b.richting)).toEqual(['aan-melder', 'van-melder']);
    expect(detail.berichten[1]!.tekst).toContain('Meestal tussen 21 en 23 uur');
  });
});
