// SPDX-License-Identifier: EUPL-1.2
// Real processes on one PGlite data directory: the exclusive lock, stale locks of killed
// processes, and recovery from an interrupted first initialisation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addUser, createInstallation, killStartedProcesses, readLock, runCli, sleep, startServer, type Installation } from './process-helpers.js';

// The data-directory lock exists because PGlite has none of its own; PostgreSQL (DATABASE_URL)
// coordinates concurrent processes itself, so there is nothing to test for that engine.
describe.skipIf(!!process.env.DATABASE_URL)('PGlite-datamap: vergrendeling en onderbroken initialisatie', () => {
  const installs: Installation[] = [];
  const fresh = async () => {
    const i = await createInstallation();
    installs.push(i);
    return i;
  };
  afterEach(async () => {
    killStartedProcesses();
    for (const i of installs.splice(0)) await i.cleanup();
  });

  it('een tweede server op dezelfde datamap stopt direct; de eerste draait door en de gegevens blijven heel', async () => {
    const inst = await fresh();
    const user = await addUser(inst, { email: 'slot@wijchen.nl' });

    const a = await startServer(inst);
    const lock = readLock(inst);
    expect(lock?.pid).toBe(a.pid);

    const t0 = Date.now();
    const b = await startServer(inst, { waitReady: false });
    const bExit = await b.exit;
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(bExit.code).not.toBe(0);
    expect(bExit.code).not.toBeNull();
    expect(b.stderr()).toMatch(/datamap wordt al gebruikt/i);
    expect(b.stderr()).toContain(`pid ${a.pid}`);
    expect(b.stdout()).not.toMatch(/Knooppunt draait op/);

    // A is untouched: still ready, still holds the lock.
    const ready = await fetch(`${a.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(readLock(inst)?.pid).toBe(a.pid);

    // (b) A CLI command that needs the database says plainly that the server must be stopped.
    const cli = await runCli(inst, ['users', 'list', '--json']);
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toMatch(/stop de server eerst/i);
    expect(cli.stdout).toBe('');
    expect((await fetch(`${a.url}/readyz`)).status).toBe(200);

    const aExit = await a.stop('SIGTERM');
    expect(aExit).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(inst.lockPath)).toBe(false);

    // A new start on the directory works and the data is intact.
    const c = await startServer(inst);
    expect((await fetch(`${c.url}/readyz`)).status).toBe(200);
    expect(await c.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    const list = await runCli(inst, ['users', 'list', '--json']);
    expect(list.code).toBe(0);
    const users = JSON.parse(list.stdout) as { gebruikersnaam: string; id: string; mfaIngeschreven: boolean }[];
    expect(users.map((u) => u.gebruikersnaam)).toEqual([user.username]);
    expect(users[0]).toMatchObject({ id: user.id, mfaIngeschreven: true });
    expect(fs.existsSync(inst.lockPath)).toBe(false);
  });

  it('een achtergebleven vergrendeling van een dood proces wordt overgenomen', async () => {
    const inst = await fresh();
    const deadPid = 2 ** 22 + 12345; // above the maximum pid_max (4194304): never a live process
    fs.writeFileSync(inst.lockPath, JSON.stringify({ pid: deadPid, host: os.hostname(), since: new Date(0).toISOString() }));
    const s = await startServer(inst);
    expect(readLock(inst)?.pid).toBe(s.pid);
    expect(await s.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(inst.lockPath)).toBe(false);

    // A half-written (empty) lock file of a process killed while writing it is stale too.
    fs.writeFileSync(inst.lockPath, '');
    const s2 = await startServer(inst);
    expect(readLock(inst)?.pid).toBe(s2.pid);
    expect(await s2.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  });

  it('restanten van een onderbroken eerste initialisatie blokkeren de start niet', async () => {
    const inst = await fresh();
    const leftover = path.join(inst.dir, 'pgdata.init-99999');
    fs.mkdirSync(path.join(leftover, 'base'), { recursive: true });
    fs.writeFileSync(path.join(leftover, 'base', 'rommel'), 'half geschreven');
    const pgdata = path.join(inst.dir, 'pgdata');
    fs.mkdirSync(path.join(pgdata, 'global'), { recursive: true }); // pgdata without PG_VERSION
    fs.writeFileSync(path.join(pgdata, 'global', 'pg_control'), 'rommel');

    const s = await startServer(inst);
    expect((await fetch(`${s.url}/readyz`)).status).toBe(200);
    expect(fs.existsSync(leftover)).toBe(false);
    expect(fs.existsSync(path.join(pgdata, 'PG_VERSION'))).toBe(true);
    expect(await s.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    // And it opens again afterwards (the initialised directory is a real one).
    const again = await runCli(inst, ['users', 'list', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual([]);
  });

  // SIGKILL at various moments of the very first start: during initdb (counted from the moment the
  // temporary init directory appears) and just after it, while the first migrations run.
  it.each([
    { label: 'zodra initdb begint', waitFor: 'init', delay: 0 },
    { label: '300 ms in initdb', waitFor: 'init', delay: 300 },
    { label: '800 ms in initdb', waitFor: 'init', delay: 800 },
    { label: 'tijdens de eerste migraties', waitFor: 'pgdata', delay: 150 },
  ] as const)('SIGKILL tijdens de eerste initialisatie ($label): de volgende start opent en wordt gereed', async ({ waitFor, delay }) => {
    const inst = await fresh();
    const s = await startServer(inst, { waitReady: false });
    const reached = () =>
      fs.existsSync(inst.dir) &&
      (waitFor === 'init' ? fs.readdirSync(inst.dir).some((e) => e.startsWith('pgdata.init-')) : fs.existsSync(path.join(inst.dir, 'pgdata', 'PG_VERSION')));
    const deadline = Date.now() + 30_000;
    while (!reached() && !s.exited() && Date.now() < deadline) await sleep(5);
    expect(reached()).toBe(true);
    await sleep(delay);
    expect(s.exited()).toBe(false); // still starting: the kill really interrupts the first start
    s.kill('SIGKILL');
    expect((await s.exit).signal).toBe('SIGKILL');

    const again = await startServer(inst);
    expect((await fetch(`${again.url}/readyz`)).status).toBe(200);
    expect(await again.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(fs.readdirSync(inst.dir).filter((e) => e.startsWith('pgdata.init-'))).toEqual([]);
    expect(fs.existsSync(path.join(inst.dir, 'pgdata', 'PG_VERSION'))).toBe(true);
  });
});
