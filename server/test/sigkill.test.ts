// SPDX-License-Identifier: EUPL-1.2
// Durability under SIGKILL (both engines): every write the server acknowledged with 201 must
// survive a kill -9 while other writes are in flight, over several kill/restart cycles, and the
// audit chain must still verify afterwards.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  addUser,
  createInstallation,
  ENGINE,
  httpLogin,
  isAlive,
  killStartedProcesses,
  listVaCodes,
  readLock,
  runCli,
  sleep,
  startServer,
  vaBody,
  type HttpSession,
  type Installation,
  type ServerProcess,
} from './process-helpers.js';

const CYCLES = 3;
const IN_FLIGHT = 8;

interface CycleResult {
  acknowledged: string[];
  otherStatuses: number[];
  failedInFlight: number;
}

/** Keeps IN_FLIGHT writes going until the server dies; returns what was acknowledged. */
async function writeUntilKilled(server: ServerProcess, session: HttpSession, cycle: number, killAfterMs: number): Promise<CycleResult> {
  const result: CycleResult = { acknowledged: [], otherStatuses: [], failedInFlight: 0 };
  let n = 0;
  let killed = false;
  const worker = async () => {
    while (!killed) {
      const code = `va-k-${cycle}-${n++}`;
      try {
        const res = await fetch(`${server.url}/api/v1/verwerkingsactiviteiten`, {
          method: 'POST',
          headers: { ...session.headers, 'content-type': 'application/json' },
          body: JSON.stringify(vaBody(code)),
        });
        await res.arrayBuffer();
        if (res.status === 201) result.acknowledged.push(code);
        else if (!killed) result.otherStatuses.push(res.status);
      } catch {
        // Connection reset by the kill: the write is neither acknowledged nor required.
        result.failedInFlight++;
        if (!killed) await sleep(10);
      }
    }
  };
  const workers = Array.from({ length: IN_FLIGHT }, worker);
  await sleep(killAfterMs);
  server.kill('SIGKILL');
  const exit = await server.exit;
  killed = true;
  expect(exit.signal).toBe('SIGKILL');
  await Promise.all(workers);
  return result;
}

describe(`SIGKILL tijdens schrijven (${ENGINE})`, () => {
  let inst: Installation | null = null;
  afterEach(() => killStartedProcesses());
  afterAll(async () => {
    killStartedProcesses();
    await inst?.cleanup();
  });

  it(`elke bevestigde schrijfactie overleeft ${CYCLES} keer kill -9`, async () => {
    inst = await createInstallation();
    // Two privacy officers, used in turn: TOTP codes cannot be reused within a 30-s step.
    const users = [await addUser(inst, { email: 'fg.een@wijchen.nl' }), await addUser(inst, { email: 'fg.twee@wijchen.nl' })];
    let login = 0;
    const nextUser = () => users[login++ % users.length]!;

    const acknowledged = new Set<string>();
    let server = await startServer(inst);
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const session = await httpLogin(server.url, nextUser(), server.stderr);
      if (cycle > 0) {
        const present = await listVaCodes(server.url, session);
        const missing = [...acknowledged].filter((c) => !present.has(c));
        expect(missing, `cyclus ${cycle}: bevestigd maar verdwenen`).toEqual([]);
      }
      const killAfter = 1500 + Math.floor(Math.random() * 1000);
      const r = await writeUntilKilled(server, session, cycle, killAfter);
      // The test can only fail if there was something to lose.
      expect(r.acknowledged.length, `cyclus ${cycle}: geen enkele schrijfactie bevestigd in ${killAfter} ms`).toBeGreaterThan(0);
      expect(r.otherStatuses, `cyclus ${cycle}: onverwachte statussen`).toEqual([]);
      for (const c of r.acknowledged) acknowledged.add(c);

      if (inst.engine === 'pglite') {
        // The killed server's lock is still there; the next start must take it over.
        const lock = readLock(inst);
        expect(lock?.pid).toBe(server.pid);
        expect(isAlive(server.pid)).toBe(false);
      }
      server = await startServer(inst);
      if (inst.engine === 'pglite') expect(readLock(inst)?.pid).toBe(server.pid);
    }

    const session = await httpLogin(server.url, nextUser(), server.stderr);
    const present = await listVaCodes(server.url, session);
    const missing = [...acknowledged].filter((c) => !present.has(c));
    expect(missing, 'bevestigd maar verdwenen na de laatste herstart').toEqual([]);
    // Each single code also reads back individually.
    const sample = [...acknowledged].slice(-3);
    for (const code of sample) {
      const res = await fetch(`${server.url}/api/v1/verwerkingsactiviteiten/${code}`, { headers: { cookie: session.cookie } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { id: string }).id).toBe(code);
    }

    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    const verify = await runCli(inst, ['audit', 'verify']);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/Audittrail intact: \d+ regels/);
    // At least one audit line per acknowledged write plus the two user creations.
    const count = Number(/intact: (\d+) regels/.exec(verify.stdout)![1]);
    expect(count).toBeGreaterThanOrEqual(acknowledged.size + users.length);
  }, 180_000);
});
