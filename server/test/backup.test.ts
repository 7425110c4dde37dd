// SPDX-License-Identifier: EUPL-1.2
// `knooppunt backup` / `knooppunt restore` as real processes (both engines): a restore into a new
// installation reproduces users, organisations, API keys and the audit chain; damaged backups and
// non-empty targets are refused without leaving anything behind.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  addUser,
  cliOk,
  createInstallation,
  ENGINE,
  httpLogin,
  killStartedProcesses,
  listVaCodes,
  runCli,
  sleep,
  startServer,
  vaBody,
  type Installation,
} from './process-helpers.js';

describe(`back-up en terugzetten (${ENGINE})`, () => {
  const installs: Installation[] = [];
  const fresh = async () => {
    const i = await createInstallation();
    installs.push(i);
    return i;
  };
  afterEach(() => killStartedProcesses());
  afterAll(async () => {
    killStartedProcesses();
    for (const i of installs.splice(0)) await i.cleanup();
  });

  it('terugzetten in een nieuwe installatie geeft dezelfde gegevens; beschadigde back-ups en volle databases worden geweigerd', async () => {
    const [source, target] = await Promise.all([fresh(), fresh()]);
    const officer = await addUser(source, { email: 'fg@wijchen.nl' });
    const other = await cliOk(source, ['users', 'add', '--org', 'GM0225', '--role', 'signaleerder', 'knooppuntmedewerker', '--email', 'medewerker@druten.nl']);
    const otherName = (JSON.parse(other) as { gebruiker: { gebruikersnaam: string } }).gebruiker.gebruikersnaam;
    await cliOk(source, ['users', 'disable', otherName]);
    const key = JSON.parse(await cliOk(source, ['api-keys', 'add', '--org', 'GM0296', '--scopes', 'open311:lezen,meldingen:indienen', '--name', 'Partnersysteem'])) as { sleutel: string };
    expect(key.sleutel).toMatch(/^kp_/);

    const file = path.join(source.dir, 'knooppunt-backup.json.gz');
    const made = await cliOk(source, ['backup', file]);
    expect(made).toMatch(/Back-up geschreven naar .*gebruikers 2,.*api_sleutels 1,/);
    expect(fs.existsSync(`${file}.part`)).toBe(false);

    // Two damaged copies: cut off mid-stream (broken gzip) and a valid gzip whose end marker is missing.
    const bytes = fs.readFileSync(file);
    const cut = path.join(source.dir, 'afgekapt.json.gz');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const lines = zlib.gunzipSync(bytes).toString('utf8').trimEnd().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toHaveProperty('einde', true);
    const noEnd = path.join(source.dir, 'zonder-einde.json.gz');
    fs.writeFileSync(noEnd, zlib.gzipSync(`${lines.slice(0, -1).join('\n')}\n`));

    const [expected, actual] = await Promise.all([
      (async () => ({
        users: await cliOk(source, ['users', 'list', '--json']),
        orgs: await cliOk(source, ['orgs', 'list', '--json']),
        keys: await cliOk(source, ['api-keys', 'list', '--json']),
        audit: await cliOk(source, ['audit', 'verify']),
      }))(),
      (async () => {
        const truncated = await runCli(target, ['restore', cut]);
        const withoutEnd = await runCli(target, ['restore', noEnd]);
        const usersAfterRefusal = await cliOk(target, ['users', 'list', '--json']);
        const restored = await runCli(target, ['restore', file]);
        const second = await runCli(target, ['restore', file]);
        return {
          truncated,
          withoutEnd,
          usersAfterRefusal,
          restored,
          second,
          users: await cliOk(target, ['users', 'list', '--json']),
          orgs: await cliOk(target, ['orgs', 'list', '--json']),
          keys: await cliOk(target, ['api-keys', 'list', '--json']),
          audit: await cliOk(target, ['audit', 'verify']),
        };
      })(),
    ]);

    // Damaged backups: refused with a message that says what is wrong, nothing restored.
    expect(actual.truncated.code).not.toBe(0);
    expect(actual.truncated.stderr).toMatch(/back-up is (onvolledig|beschadigd)/i);
    expect(actual.truncated.stderr).toMatch(/niets teruggezet/i);
    expect(actual.withoutEnd.code).not.toBe(0);
    expect(actual.withoutEnd.stderr).toMatch(/onvolledig \(einde ontbreekt\); er is niets teruggezet/);
    expect(JSON.parse(actual.usersAfterRefusal)).toEqual([]);

    // The good backup restores, verifies the chain and reproduces the source exactly.
    expect(actual.restored.code, actual.restored.stderr).toBe(0);
    const auditCount = Number(/intact: (\d+) regels/.exec(expected.audit)?.[1]);
    expect(auditCount).toBeGreaterThanOrEqual(4); // 2 users, disable, API key
    expect(actual.restored.stdout).toContain(`Audittrail intact (${auditCount} regels)`);
    expect(JSON.parse(actual.users)).toEqual(JSON.parse(expected.users));
    expect((JSON.parse(actual.users) as unknown[]).length).toBe(2);
    expect(JSON.parse(actual.orgs)).toEqual(JSON.parse(expected.orgs));
    expect(JSON.parse(actual.keys)).toEqual(JSON.parse(expected.keys));
    expect((JSON.parse(actual.keys) as unknown[]).length).toBe(1);
    expect(actual.audit).toBe(expected.audit); // same row count and same head hash

    // A second restore into the now non-empty database is refused.
    expect(actual.second.code).not.toBe(0);
    expect(actual.second.stderr).toMatch(/alleen in een lege database/);
    expect(await cliOk(target, ['audit', 'verify'])).toBe(expected.audit);

    // The restored installation works: the officer logs in with the TOTP secret enrolled on the source.
    const server = await startServer(target);
    const session = await httpLogin(server.url, officer);
    expect((await listVaCodes(server.url, session)).size).toBeGreaterThan(0);
    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  }, 300_000);

  // On PostgreSQL the backup may run while the server keeps writing; it must be one consistent
  // snapshot (every record with its audit line, an intact chain). PGlite is locked by the server.
  it.runIf(ENGINE === 'postgres')('back-up terwijl de server schrijft is een consistente momentopname', async () => {
    const [source, target] = await Promise.all([fresh(), fresh()]);
    const officer = await addUser(source, { email: 'fg.live@wijchen.nl' });
    const server = await startServer(source);
    const session = await httpLogin(server.url, officer);
    let stop = false;
    let n = 0;
    const acknowledged: string[] = [];
    const otherStatuses: number[] = [];
    const writer = async () => {
      while (!stop) {
        const code = `va-b-${n++}`;
        const res = await fetch(`${server.url}/api/v1/verwerkingsactiviteiten`, { method: 'POST', headers: { ...session.headers, 'content-type': 'application/json' }, body: JSON.stringify(vaBody(code)) });
        await res.arrayBuffer();
        if (res.status === 201) acknowledged.push(code);
        else otherStatuses.push(res.status);
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    await sleep(300);
    const before = acknowledged.length;
    const file = path.join(source.dir, 'live.json.gz');
    const made = await cliOk(source, ['backup', file]);
    const after = acknowledged.length;
    stop = true;
    await Promise.all(writers);
    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(otherStatuses).toEqual([]);
    expect(after).toBeGreaterThan(before); // writes really ran during the backup
    const inBackup = Number(/verwerkingsactiviteiten (\d+)/.exec(made)?.[1]);

    const restored = await runCli(target, ['restore', file]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Audittrail intact \(\d+ regels\)/);

    const client = new pg.Client({ connectionString: target.databaseUrl! });
    await client.connect();
    try {
      const va = await client.query<{ code: string }>(`SELECT code FROM verwerkingsactiviteiten WHERE code LIKE 'va-b-%'`);
      const audit = await client.query<{ object_id: string }>(`SELECT object_id FROM audit_regels WHERE actie = 'verwerkingsactiviteit-toegevoegd' AND object_id LIKE 'va-b-%'`);
      const codes = va.rows.map((r) => r.code).sort();
      expect(codes.length).toBeGreaterThanOrEqual(before);
      expect(codes.length).toBeLessThanOrEqual(n);
      expect(audit.rows.map((r) => r.object_id).sort()).toEqual(codes);
      const total = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM verwerkingsactiviteiten');
      expect(total.rows[0]!.n).toBe(inBackup);
    } finally {
      await client.end();
    }
  }, 120_000);
});
