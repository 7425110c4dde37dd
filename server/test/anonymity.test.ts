// SPDX-License-Identifier: EUPL-1.2
// Anonymity of the public meldpunt (both engines), against a real server process at the most
// verbose log level: requests carry distinctive client identifiers (user agent, X-Forwarded-For
// with trust proxy on, X-Real-IP, Forwarded, cookies, Referer). Afterwards none of them occurs in
// the captured stdout/stderr, in any row of any table (CLI backup plus a SELECT of every table of
// every schema), or — on PGlite — anywhere in the raw bytes of the data directory. Every public
// response sets no cookie, has Cache-Control: no-store and Referrer-Policy: no-referrer, and the
// meldpunt pages reference no third-party origin.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql, type RawBuilder } from 'kysely';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db/database.js';
import { solveChallenge, type AltchaChallenge } from '../src/platform/http/pow.js';
import { DRUTEN_ONDERMIJNING, multipart, tinyPng, WIJCHEN_OVERLAST } from './meldingen-helpers.js';
import { createInstallation, ENGINE, killStartedProcesses, REPO_ROOT, runCli, startServer, type Installation, type ServerProcess } from './process-helpers.js';

const rand = () => crypto.randomBytes(6).toString('hex');
const octet = () => 2 + crypto.randomInt(250);

/** Distinctive client identifiers; none of them may end up in a log line or a database row. */
const ID = {
  userAgent: `KP-ANON-UA-${rand()}`,
  forwardedIp: `203.0.113.${octet()}`,
  proxyIp: `198.51.100.${octet()}`,
  forwardedToken: `KP-ANON-XFF-${rand()}`,
  realIp: `192.0.2.${octet()}`,
  forwardedHeaderToken: `KP-ANON-FWD-${rand()}`,
  cookieValue: `KP-ANON-COOKIE-${rand()}`,
  sessionCookieValue: `KP-ANON-SESSIE-${rand()}`,
  referer: `KP-ANON-REF-${rand()}`,
  clientId: `KP-ANON-CID-${rand()}`,
  requestId: `KP-ANON-RID-${rand()}`,
};

/** Headers a browser behind a proxy (or a tracking script) would send. */
function clientHeaders(forwardedIp = ID.forwardedIp): Record<string, string> {
  return {
    'user-agent': `Mozilla/5.0 (X11; Linux x86_64) ${ID.userAgent}`,
    'x-forwarded-for': `${forwardedIp}, ${ID.proxyIp}`,
    'x-real-ip': ID.realIp,
    forwarded: `for=${forwardedIp};by=${ID.forwardedHeaderToken}`,
    'x-client-id': ID.clientId,
    // A client-chosen request id would be logged and audited with every request: it must be ignored.
    'x-request-id': ID.requestId,
    'request-id': ID.requestId,
    'x-correlation-id': ID.requestId,
    'x-request-source': ID.forwardedToken,
    cookie: `kp_volg=${ID.cookieValue}; knooppunt_sessie=${ID.sessionCookieValue}`,
    referer: `https://tracker.example/${ID.referer}?ref=${ID.referer}`,
    'accept-language': 'nl-NL,nl;q=0.9',
  };
}

/** Every source in the CSP must be same-origin (or none/data:): no third-party origin at all. */
function assertCspSameOrigin(csp: string | null) {
  expect(csp, 'Content-Security-Policy ontbreekt').toBeTruthy();
  for (const directive of csp!.split(';').map((d) => d.trim()).filter(Boolean)) {
    const [name, ...sources] = directive.split(/\s+/);
    for (const s of sources) expect(["'self'", "'none'", 'data:'], `${name} staat ${s} toe`).toContain(s);
  }
}

function assertPrivateResponse(what: string, res: Response) {
  expect(res.headers.get('set-cookie'), `${what}: Set-Cookie`).toBeNull();
  expect(res.headers.getSetCookie(), `${what}: Set-Cookie`).toEqual([]);
  expect(res.headers.get('cache-control') ?? '', `${what}: Cache-Control`).toContain('no-store');
  expect(res.headers.get('referrer-policy'), `${what}: Referrer-Policy`).toBe('no-referrer');
  assertCspSameOrigin(res.headers.get('content-security-policy'));
}


/** The built web UI when present (CI builds it first), otherwise the source index.html. */
function prepareWebRoot(): { dir: string; cleanup(): void } {
  const built = path.join(REPO_ROOT, 'dist', 'web');
  if (fs.existsSync(path.join(built, 'index.html'))) return { dir: built, cleanup: () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-web-'));
  fs.copyFileSync(path.join(REPO_ROOT, 'web', 'index.html'), path.join(dir, 'index.html'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Every row of every table of every non-system schema, as text. */
async function dumpAllTables(inst: Installation): Promise<{ text: string; tables: string[] }> {
  const database = await openDatabase(inst.databaseUrl ? { kind: 'postgres', url: inst.databaseUrl } : { kind: 'pglite', dataDir: inst.dir });
  try {
    const { rows: tables } = await sql<{ s: string; t: string }>`
      SELECT table_schema AS s, table_name AS t FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`.execute(database.db);
    const parts: string[] = [];
    for (const { s, t } of tables) {
      const { rows } = await sql<{ r: string }>`SELECT x::text AS r FROM ${sql.table(`${s}.${t}`)} AS x`.execute(database.db);
      parts.push(`## ${s}.${t}`, ...rows.map((r) => r.r));
    }
    // Sequences and settings are not rows of a user table but could in principle hold a value.
    const { rows: settings } = await sql<{ r: string }>`SELECT string_agg(name || '=' || setting, E'\n') AS r FROM pg_settings`.execute(database.db);
    parts.push(settings[0]?.r ?? '');
    return { text: parts.join('\n'), tables: tables.map((x) => `${x.s}.${x.t}`) };
  } finally {
    await database.close();
  }
}

/** Recursively finds the needles in the raw bytes of every file under dir (PGlite heap, WAL, …). */
function scanRawFiles(dir: string, needles: string[]): string[] {
  const hits: string[] = [];
  const bufs = needles.map((n) => ({ n, b: Buffer.from(n, 'utf8') }));
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const data = fs.readFileSync(p);
        for (const { n, b } of bufs) if (data.includes(b)) hits.push(`${n} in ${path.relative(dir, p)}`);
      }
    }
  };
  walk(dir);
  return hits;
}

describe(`anonimiteit van het publieke meldpunt (${ENGINE})`, () => {
  let inst: Installation | null = null;
  let web: { dir: string; cleanup(): void } | null = null;
  afterEach(() => killStartedProcesses());
  afterAll(async () => {
    killStartedProcesses();
    await inst?.cleanup();
    web?.cleanup();
  });

  it('slaat geen IP-adres, user agent, cookie of referrer op en logt ze niet, ook niet op het meest uitgebreide logniveau', async () => {
    inst = await createInstallation();
    web = prepareWebRoot();
    const base = inst;
    // startServer takes its environment from inst.env(): add ours (trust proxy on, so the app
    // really would take the X-Forwarded-For address as the client address).
    const configured: Installation = {
      ...base,
      env: (extra = {}) =>
        base.env({
          LOG_LEVEL: 'trace',
          KNOOPPUNT_TRUST_PROXY: 'true',
          KNOOPPUNT_WEB_ROOT: web!.dir,
          KNOOPPUNT_POW_MAXNUMBER: '2000',
          KNOOPPUNT_ONTVANGSTCODE_POGINGEN: '6',
          ...extra,
        }),
    };
    const server: ServerProcess = await startServer(configured);
    const url = (p: string) => `${server.url}${p}`;
    const headers = clientHeaders();
    const json = { ...headers, 'content-type': 'application/json' };

    const challenge = async () => {
      const res = await fetch(url('/api/v1/meldingen/uitdaging'), { headers });
      expect(res.status).toBe(200);
      assertPrivateResponse('uitdaging', res);
      return solveChallenge((await res.json()) as AltchaChallenge).payload;
    };

    // Overlast with contact details (JSON).
    const r1 = await fetch(url('/api/v1/meldingen'), { method: 'POST', headers: json, body: JSON.stringify({ ...WIJCHEN_OVERLAST, contact: { naam: 'Anoniem Testpersoon', email: 'melder@example.nl', updatesPerMail: true }, altcha: await challenge() }) });
    const body1 = (await r1.json()) as { referentie: string; ontvangstcode: string };
    expect(r1.status, JSON.stringify(body1)).toBe(201);
    assertPrivateResponse('melding (json)', r1);

    // Ondermijning with a photo (multipart).
    const mp = multipart({ melding: JSON.stringify(DRUTEN_ONDERMIJNING), altcha: await challenge() }, [{ name: 'bijlagen', filename: 'foto.png', type: 'image/png', data: tinyPng() }]);
    const r2 = await fetch(url('/api/v1/meldingen'), { method: 'POST', headers: { ...headers, ...mp.headers }, body: new Uint8Array(mp.payload) });
    const body2 = (await r2.json()) as { referentie: string; ontvangstcode: string };
    expect(r2.status, JSON.stringify(body2)).toBe(201);
    assertPrivateResponse('melding (multipart)', r2);

    // Status lookup and a reaction with the receipt code (JSON and multipart).
    const st = await fetch(url('/api/v1/meldingen/status-opvragen'), { method: 'POST', headers: json, body: JSON.stringify({ ontvangstcode: body1.ontvangstcode }) });
    expect(st.status).toBe(200);
    expect(((await st.json()) as { referentie: string }).referentie).toBe(body1.referentie);
    assertPrivateResponse('status-opvragen', st);
    const re = await fetch(url('/api/v1/meldingen/reacties'), { method: 'POST', headers: json, body: JSON.stringify({ ontvangstcode: body1.ontvangstcode, tekst: 'Vanavond waren ze er weer.' }) });
    expect(re.status, await re.clone().text()).toBe(201);
    assertPrivateResponse('reacties (json)', re);
    const mp2 = multipart({ ontvangstcode: body2.ontvangstcode, tekst: 'Nog een foto.' }, [{ name: 'bijlagen', filename: 'foto2.png', type: 'image/png', data: tinyPng() }]);
    const re2 = await fetch(url('/api/v1/meldingen/reacties'), { method: 'POST', headers: { ...headers, ...mp2.headers }, body: new Uint8Array(mp2.payload) });
    expect(re2.status, await re2.clone().text()).toBe(201);
    assertPrivateResponse('reacties (multipart)', re2);

    // Error paths log differently: an unknown code (404), invalid input (400), a rate limit (429).
    const unknown = await fetch(url('/api/v1/meldingen/status-opvragen'), { method: 'POST', headers: json, body: JSON.stringify({ ontvangstcode: '0000 0000 0000 0000 0001' }) });
    expect(unknown.status).toBe(404);
    assertPrivateResponse('onbekende code', unknown);
    const invalid = await fetch(url('/api/v1/meldingen'), { method: 'POST', headers: json, body: JSON.stringify({ ...WIJCHEN_OVERLAST, omschrijving: 'kort', altcha: 'x' }) });
    expect(invalid.status).toBe(400);
    assertPrivateResponse('ongeldige melding', invalid);
    const broken = await fetch(url('/api/v1/meldingen'), { method: 'POST', headers: json, body: '{"kapot":' });
    expect(broken.status).toBe(400);
    assertPrivateResponse('kapotte JSON', broken);
    // Lookups so far from this client: 4 of 6 (status, two reactions, unknown code) → 2 left, then 429.
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await fetch(url('/api/v1/meldingen/status-opvragen'), { method: 'POST', headers: json, body: JSON.stringify({ ontvangstcode: body2.ontvangstcode }) });
      statuses.push(r.status);
      assertPrivateResponse(`status-opvragen ${i}`, r);
      await r.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 429]);
    // The limit is per client address as the app sees it: another X-Forwarded-For address is a
    // different client — proof that the distinctive address really was the client IP in the app.
    const otherIp = ID.forwardedIp === '203.0.113.254' ? '203.0.113.253' : '203.0.113.254';
    const other = await fetch(url('/api/v1/meldingen/status-opvragen'), { method: 'POST', headers: { ...clientHeaders(otherIp), 'content-type': 'application/json' }, body: JSON.stringify({ ontvangstcode: body2.ontvangstcode }) });
    expect(other.status).toBe(200);
    assertPrivateResponse('status-opvragen ander adres', other);

    // Reference data.
    const cats = await fetch(url('/api/v1/meldingcategorieen?kanaal=overlast'), { headers });
    expect(cats.status).toBe(200);
    assertPrivateResponse('meldingcategorieen', cats);
    const gem = await fetch(url('/api/v1/gemeentebepaling?postcode=6602ZR'), { headers });
    expect(gem.status).toBe(200);
    expect(((await gem.json()) as { gemeente: { code: string } }).gemeente.code).toBe('GM0296');
    assertPrivateResponse('gemeentebepaling', gem);

    // The pages of the meldpunt (the web UI's index.html).
    for (const page of ['/melden', '/melden/status', '/melden/ondermijning']) {
      const res = await fetch(url(page), { headers: { ...headers, accept: 'text/html' } });
      expect(res.status, page).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      assertPrivateResponse(page, res);
      const html = await res.text();
      // No third-party origin: every src/href is same-origin (relative) or data:.
      const refs = [...html.matchAll(/\b(?:src|href|action|content)\s*=\s*["']([^"']*)["']/gi)].map((m) => m[1]!);
      for (const ref of refs) expect(/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(ref) && !ref.startsWith('data:'), `${page} verwijst naar ${ref}`).toBe(false);
      expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/)/);
      // A <meta name="referrer"> in the page must not weaken the header's no-referrer.
      const meta = /<meta\s+name=["']referrer["']\s+content=["']([^"']+)["']/i.exec(html);
      if (meta) expect(meta[1]).toBe('no-referrer');
    }

    // Stop cleanly (checkpoint), then look everywhere.
    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    const logText = `${server.stdout()}\n${server.stderr()}`;
    const logLines = server.stdout().split('\n').filter((l) => l.startsWith('{'));
    // The log is at its most verbose and did record the requests (method, path, id).
    expect(logLines.some((l) => l.includes('"level":10') || l.includes('"level":20')) || logLines.length > 20, 'uitgebreide log verwacht').toBe(true);
    const requestLines = logLines.map((l) => JSON.parse(l) as { req?: { path?: string } }).filter((l) => l.req);
    expect(requestLines.some((l) => l.req?.path === '/api/v1/meldingen')).toBe(true);
    expect(requestLines.some((l) => l.req?.path === '/melden/status')).toBe(true);

    const backupFile = path.join(inst.dir, 'anonimiteit.backup.gz');
    const bk = await runCli(configured, ['backup', backupFile]);
    expect(bk.code, `${bk.stdout}\n${bk.stderr}`).toBe(0);
    const backupText = zlib.gunzipSync(fs.readFileSync(backupFile)).toString('utf8');
    expect(backupText).toContain(body1.referentie);
    expect(backupText).toContain(body2.referentie);

    const dump = await dumpAllTables(inst);
    expect(dump.tables).toEqual(expect.arrayContaining(['public.meldingen', 'public.audit_regels', 'public.ldv_records', 'public.melding_gebeurtenissen', 'public.melding_bijlagen']));
    expect(dump.text).toContain(body1.referentie);

    const needles = [ID.userAgent, ID.forwardedIp, otherIp, ID.proxyIp, ID.forwardedToken, ID.realIp, ID.forwardedHeaderToken, ID.cookieValue, ID.sessionCookieValue, ID.referer, ID.clientId, ID.requestId, 'tracker.example'];
    const everything: Record<string, string> = { log: logText, 'cli-uitvoer': `${bk.stdout}\n${bk.stderr}`, backup: backupText, database: dump.text };
    for (const [where, text] of Object.entries(everything)) {
      const found = needles.filter((n) => text.includes(n));
      expect(found, `${where} bevat een clientkenmerk`).toEqual([]);
    }
    // PGlite: not even in the raw bytes of heap files, WAL or free space.
    if (inst.engine === 'pglite') {
      fs.rmSync(backupFile, { force: true });
      expect(scanRawFiles(inst.dir, needles)).toEqual([]);
      // Control: the scan does see what the database holds in clear.
      expect(scanRawFiles(inst.dir, [body1.referentie]).length).toBeGreaterThan(0);
    }

    // Nothing that identifies a client is kept: no session, no audit IP, no login attempt.
    const database = await openDatabase(inst.databaseUrl ? { kind: 'postgres', url: inst.databaseUrl } : { kind: 'pglite', dataDir: inst.dir });
    try {
      const count = async (q: RawBuilder<{ n: string }>) => Number((await q.execute(database.db)).rows[0]!.n);
      expect(await count(sql<{ n: string }>`SELECT count(*) AS n FROM audit_regels WHERE ip_adres IS NOT NULL`)).toBe(0);
      expect(await count(sql<{ n: string }>`SELECT count(*) AS n FROM sessies`)).toBe(0);
      expect(await count(sql<{ n: string }>`SELECT count(*) AS n FROM inlogpogingen`)).toBe(0);
      expect(await count(sql<{ n: string }>`SELECT count(*) AS n FROM meldingen WHERE melder_gebruiker_id IS NOT NULL OR melder_organisatie_id IS NOT NULL`)).toBe(0);
    } finally {
      await database.close();
    }
  }, 180_000);
});
