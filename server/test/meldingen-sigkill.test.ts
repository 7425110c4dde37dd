// SPDX-License-Identifier: EUPL-1.2
// Durability of public meldingen under SIGKILL (both engines): 200 submissions (JSON and
// multipart with a photo) are in flight when the server is killed with kill -9. After a restart
// every submission that was acknowledged with 201 is present and reachable with its receipt code,
// and nothing is half-written: every melding has its intake event and its consumed proof of work,
// every attachment row has its file, and the files of rolled-back submissions are orphans that
// the retention job removes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db/database.js';
import { solveChallenge, type AltchaChallenge } from '../src/platform/http/pow.js';
import { RETENTION_JOB } from '../src/modules/meldingen/retention.js';
import { DRUTEN_ONDERMIJNING, multipart, tinyPng, WIJCHEN_OVERLAST } from './meldingen-helpers.js';
import { createInstallation, ENGINE, isAlive, killStartedProcesses, readLock, runCli, startServer, type Installation, type ServerProcess } from './process-helpers.js';

const SUBMISSIONS = 200;


interface Planned {
  i: number;
  kanaal: 'overlast' | 'ondermijning';
  withFile: boolean;
  init: RequestInit;
}

interface Acknowledged {
  i: number;
  kanaal: string;
  withFile: boolean;
  referentie: string;
  ontvangstcode: string;
}

async function solveChallenges(server: ServerProcess, n: number): Promise<string[]> {
  const out: string[] = [];
  while (out.length < n) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, n - out.length) }, async () => {
        const res = await fetch(`${server.url}/api/v1/meldingen/uitdaging`);
        if (res.status !== 200) throw new Error(`uitdaging ${res.status}: ${await res.text()}`);
        return solveChallenge((await res.json()) as AltchaChallenge).payload;
      }),
    );
    out.push(...batch);
  }
  return out;
}

function plan(altchas: string[], run: string): Planned[] {
  return altchas.map((altcha, i) => {
    const ondermijning = i % 2 === 1;
    const base = ondermijning ? DRUTEN_ONDERMIJNING : WIJCHEN_OVERLAST;
    const body = { ...base, omschrijving: `${base.omschrijving} Duurzaamheidstest ${run} nummer ${i}.`, ...(i % 4 === 2 ? { contact: { naam: `Melder ${i}`, email: `melder${i}@example.nl` } } : {}) };
    const withFile = i % 4 === 1 || i % 4 === 0;
    if (withFile) {
      const mp = multipart({ melding: JSON.stringify(body), altcha }, [{ name: 'bijlagen', filename: `foto-${i}.png`, type: 'image/png', data: tinyPng() }]);
      return { i, kanaal: ondermijning ? 'ondermijning' : 'overlast', withFile, init: { method: 'POST', headers: mp.headers, body: new Uint8Array(mp.payload) } };
    }
    return { i, kanaal: ondermijning ? 'ondermijning' : 'overlast', withFile, init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, altcha }) } };
  });
}

/** Fires every planned submission at once and SIGKILLs the server after `killAfter` acknowledgements. */
async function submitUntilKilled(server: ServerProcess, planned: Planned[], killAfter: number) {
  const acknowledged: Acknowledged[] = [];
  const otherStatuses: Array<{ status: number; body: string }> = [];
  let failed = 0;
  let killedAt: number | null = null;
  await Promise.all(
    planned.map(async (p) => {
      try {
        const res = await fetch(`${server.url}/api/v1/meldingen`, { ...p.init, signal: AbortSignal.timeout(120_000) });
        const text = await res.text();
        if (res.status === 201) {
          const b = JSON.parse(text) as { referentie: string; ontvangstcode: string; kanaal: string };
          acknowledged.push({ i: p.i, kanaal: b.kanaal, withFile: p.withFile, referentie: b.referentie, ontvangstcode: b.ontvangstcode });
          if (killedAt === null && acknowledged.length >= killAfter) {
            killedAt = acknowledged.length;
            server.kill('SIGKILL');
          }
        } else otherStatuses.push({ status: res.status, body: text });
      } catch {
        // Connection reset by the kill: neither acknowledged nor required to survive.
        failed++;
      }
    }),
  );
  return { acknowledged, otherStatuses, failed, killedAt };
}

async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

function filesOnDisk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /^[0-9a-f]{2}[/\\][0-9a-f-]{36}(\.tmp)?$/.test(f))
    .map((f) => f.replace(/\\/g, '/'))
    .sort();
}

describe(`SIGKILL tijdens publieke meldingen (${ENGINE})`, () => {
  let inst: Installation | null = null;
  afterEach(() => killStartedProcesses());
  afterAll(async () => {
    killStartedProcesses();
    await inst?.cleanup();
  });

  it(`elke met 201 bevestigde melding overleeft kill -9 terwijl ${SUBMISSIONS} meldingen onderweg zijn`, async () => {
    inst = await createInstallation();
    const base = inst;
    const configured: Installation = {
      ...base,
      env: (extra = {}) =>
        base.env({
          KNOOPPUNT_POW_MAXNUMBER: '1000',
          KNOOPPUNT_MELDINGEN_PER_UUR: '100000',
          KNOOPPUNT_ONTVANGSTCODE_POGINGEN: '100000',
          ...extra,
        }),
    };
    const filesDir = path.join(inst.dir, 'bestanden');

    let server = await startServer(configured);
    const altchas = await solveChallenges(server, SUBMISSIONS);
    const planned = plan(altchas, crypto.randomBytes(4).toString('hex'));
    const killAfter = 30 + crypto.randomInt(60);
    const r = await submitUntilKilled(server, planned, killAfter);
    const exit = await server.exit;
    expect(exit.signal).toBe('SIGKILL');
    expect(r.otherStatuses, 'onverwachte antwoorden').toEqual([]);
    // The kill really hit submissions in flight, and there was something to lose.
    expect(r.killedAt).toBe(killAfter);
    expect(r.acknowledged.length).toBeGreaterThanOrEqual(killAfter);
    expect(r.failed, `alle ${SUBMISSIONS} meldingen waren al klaar voor de kill`).toBeGreaterThan(0);
    expect(r.acknowledged.length + r.failed).toBe(SUBMISSIONS);
    expect(r.acknowledged.some((a) => a.withFile)).toBe(true);

    if (inst.engine === 'pglite') {
      // The killed server's lock is still there; the restart takes it over.
      expect(readLock(inst)?.pid).toBe(server.pid);
      expect(isAlive(server.pid)).toBe(false);
    }
    server = await startServer(configured);
    if (inst.engine === 'pglite') expect(readLock(inst)?.pid).toBe(server.pid);

    // Every acknowledged melding is there and reachable with its receipt code.
    const views = await inBatches(r.acknowledged, 8, async (a) => {
      const res = await fetch(`${server.url}/api/v1/meldingen/status-opvragen`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ontvangstcode: a.ontvangstcode }) });
      return { a, status: res.status, body: (await res.json()) as { referentie?: string; kanaal?: string; status?: string; aantalBijlagen?: number } };
    });
    const lost = views.filter((v) => v.status !== 200 || v.body.referentie !== v.a.referentie).map((v) => `${v.a.referentie}: ${v.status}`);
    expect(lost, 'bevestigd maar verdwenen of onvindbaar met de ontvangstcode').toEqual([]);
    for (const v of views) {
      expect(v.body).toMatchObject({ kanaal: v.a.kanaal, status: 'ontvangen', aantalBijlagen: v.a.withFile ? 1 : 0 });
    }
    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });

    // Nothing half-written.
    const database = await openDatabase(inst.databaseUrl ? { kind: 'postgres', url: inst.databaseUrl } : { kind: 'pglite', dataDir: inst.dir });
    let keys: string[];
    try {
      const { db } = database;
      const n = async (q: string) => Number((await sql<{ n: string }>`${sql.raw(q)}`.execute(db)).rows[0]!.n);
      const meldingen = await n('SELECT count(*) AS n FROM meldingen');
      expect(meldingen).toBeGreaterThanOrEqual(r.acknowledged.length);
      expect(meldingen).toBeLessThanOrEqual(SUBMISSIONS);
      const referenties = (await db.selectFrom('meldingen').select('referentie').execute()).map((m) => m.referentie);
      for (const a of r.acknowledged) expect(referenties).toContain(a.referentie);
      // Each melding was committed together with its intake event and its consumed proof of work.
      expect(await n(`SELECT count(*) AS n FROM meldingen m WHERE NOT EXISTS (SELECT 1 FROM melding_gebeurtenissen e WHERE e.melding_id = m.id AND e.soort = 'status' AND e.naar = 'ontvangen')`)).toBe(0);
      expect(await n(`SELECT count(*) AS n FROM melding_gebeurtenissen WHERE soort = 'status' AND naar = 'ontvangen'`)).toBe(meldingen);
      expect(await n('SELECT count(*) AS n FROM meldingen WHERE ontvangstcode_hash IS NULL')).toBe(0);
      expect(await n('SELECT count(*) AS n FROM pow_gebruikt')).toBe(meldingen);
      // Attachments: every row has its file on disk.
      const rows = await db.selectFrom('melding_bijlagen').select(['opslag_sleutel', 'grootte']).execute();
      keys = rows.map((b) => b.opslag_sleutel).sort();
      expect(rows.length).toBeGreaterThanOrEqual(r.acknowledged.filter((a) => a.withFile).length);
      for (const b of rows) {
        const p = path.join(filesDir, b.opslag_sleutel);
        expect(fs.existsSync(p), `bijlage ${b.opslag_sleutel} ontbreekt`).toBe(true);
        expect(fs.statSync(p).size).toBeGreaterThan(b.grootte); // sealed: header, iv, tag + content
      }
    } finally {
      await database.close();
    }

    // Files of submissions the kill rolled back are orphans; once older than a day the
    // retention job removes them — and only them.
    const orphans = filesOnDisk(filesDir).filter((f) => !keys.includes(f));
    const old = new Date(Date.now() - 2 * 86_400_000);
    for (const f of filesOnDisk(filesDir)) fs.utimesSync(path.join(filesDir, f), old, old);
    const task = await runCli(configured, ['taak', RETENTION_JOB]);
    expect(task.code, `${task.stdout}\n${task.stderr}`).toBe(0);
    expect(task.stdout).toContain(`"bestandenVerwijderd":${orphans.length}`);
    expect(filesOnDisk(filesDir)).toEqual(keys);
  }, 240_000);
});
