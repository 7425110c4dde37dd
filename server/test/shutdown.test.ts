// SPDX-License-Identifier: EUPL-1.2
// Graceful shutdown of the real server process: on SIGTERM, requests already in flight get their
// complete response, the process exits 0 and (PGlite) releases the data-directory lock.
import fs from 'node:fs';
import http from 'node:http';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createInstallation, ENGINE, killStartedProcesses, sleep, startServer, type Installation } from './process-helpers.js';

interface Outcome {
  status?: number;
  body?: string;
  error?: string;
  at: number;
}

/**
 * A POST whose body arrives in two parts: headers and the first half now, the rest on `finish()`.
 * Between the two the request is in flight on the server (routed, reading its body).
 */
function slowPost(url: string, path: string, body: unknown): { finish(): void; done: Promise<Outcome> } {
  const payload = Buffer.from(JSON.stringify(body));
  const half = Math.floor(payload.length / 2);
  let req!: http.ClientRequest;
  const done = new Promise<Outcome>((resolve) => {
    req = http.request(`${url}${path}`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': payload.length, connection: 'close' } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode, body: data, at: Date.now() }));
      res.on('error', (e) => resolve({ error: (e as NodeJS.ErrnoException).code ?? e.message, at: Date.now() }));
    });
    req.on('error', (e) => resolve({ error: (e as NodeJS.ErrnoException).code ?? e.message, at: Date.now() }));
    req.flushHeaders();
    req.write(payload.subarray(0, half));
  });
  return { finish: () => req.end(payload.subarray(half)), done };
}

describe(`nette afsluiting met SIGTERM (${ENGINE})`, () => {
  let inst: Installation | null = null;
  afterEach(() => killStartedProcesses());
  afterAll(async () => {
    killStartedProcesses();
    await inst?.cleanup();
  });

  it('lopende verzoeken krijgen een antwoord, het proces stopt met 0 en geeft de datamap vrij', async () => {
    inst = await createInstallation();
    const server = await startServer(inst);
    if (inst.engine === 'pglite') expect(fs.existsSync(inst.lockPath)).toBe(true);

    // Failed logins are slow on purpose (argon2 plus audit writes); distinct names avoid the lockout.
    const requests = Array.from({ length: 12 }, (_, i) =>
      slowPost(server.url, '/api/v1/sessies', { gebruikersnaam: `onbekend-${i}@wijchen.nl`, wachtwoord: 'fout wachtwoord nummer een', totpCode: '123456' }),
    );
    await sleep(500); // the server has accepted and routed them and is waiting for the rest of the bodies
    const signalledAt = Date.now();
    server.kill('SIGTERM');
    await sleep(300);
    expect(server.exited(), 'server stopte terwijl verzoeken nog liepen').toBe(false);
    for (const r of requests) r.finish();
    const outcomes = await Promise.all(requests.map((r) => r.done));
    const exit = await server.exit;

    expect(outcomes.filter((o) => o.error)).toEqual([]);
    for (const o of outcomes) {
      expect(o.status, `${o.body}\n${server.stderr()}`).toBe(401);
      expect(JSON.parse(o.body!)).toMatchObject({ status: 401, code: 'INLOGGEN_MISLUKT' });
    }
    // Every response came after the signal: they were all in flight during the shutdown.
    expect(outcomes.every((o) => o.at >= signalledAt + 300)).toBe(true);
    expect(exit).toEqual({ code: 0, signal: null });
    if (inst.engine === 'pglite') expect(fs.existsSync(inst.lockPath)).toBe(false);

    // Nothing listens any more.
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
