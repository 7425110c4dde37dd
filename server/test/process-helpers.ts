// SPDX-License-Identifier: EUPL-1.2
// Real-process test harness: runs `node bin/knooppunt.mjs …` as child processes against a fresh
// PGlite data directory (default) or a fresh PostgreSQL database (when DATABASE_URL is set).
// Every child started here is tracked, so a failing test never leaves a server behind.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPostgresDatabase } from './helpers.js';
import { generateTotp } from '../src/platform/auth/totp.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(REPO_ROOT, 'bin', 'knooppunt.mjs');
export const PASSWORD = 'paard batterij nietje correct';

export type Engine = 'pglite' | 'postgres';
export const ENGINE: Engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';

const live = new Set<ChildProcess>();

/** SIGKILLs every child started by these helpers that is still running (by pid, nothing else). */
export function killStartedProcesses(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
  live.clear();
}

/** One Knooppunt installation: a temp dir (PGlite data dir, backup files) and, on PostgreSQL, its own database. */
export interface Installation {
  engine: Engine;
  /** Temp directory; on PGlite this is KNOOPPUNT_DATA_DIR. */
  dir: string;
  databaseUrl: string | null;
  lockPath: string;
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
}

export async function createInstallation(): Promise<Installation> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'knooppunt-proc-'));
  let databaseUrl: string | null = null;
  let drop: (() => Promise<void>) | null = null;
  if (process.env.DATABASE_URL) {
    const created = await createPostgresDatabase(process.env.DATABASE_URL);
    databaseUrl = created.url;
    drop = created.drop;
  }
  return {
    engine: databaseUrl ? 'postgres' : 'pglite',
    dir,
    databaseUrl,
    lockPath: path.join(dir, 'knooppunt.lock'),
    env(extra = {}) {
      const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', KNOOPPUNT_DATA_DIR: dir, ...extra };
      delete env.KNOOPPUNT_DEMO;
      delete env.OIDC_ISSUER;
      if (databaseUrl) env.DATABASE_URL = databaseUrl;
      else delete env.DATABASE_URL;
      return env;
    },
    async cleanup() {
      if (drop) await drop().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function spawnKnooppunt(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  live.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exit = new Promise<ExitInfo>((resolve) => {
    child.on('close', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    });
  });
  return { child, exit, stdout: () => stdout, stderr: () => stderr };
}

export interface CliResult extends ExitInfo {
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs one CLI command to completion (killed after timeoutMs). */
export async function runCli(inst: Installation, args: string[], opts: { input?: string; timeoutMs?: number; env?: Record<string, string> } = {}): Promise<CliResult> {
  const started = Date.now();
  const p = spawnKnooppunt(args, inst.env(opts.env));
  p.child.stdin!.end(opts.input ?? '');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
  const exit = await p.exit;
  clearTimeout(timer);
  return { ...exit, stdout: p.stdout(), stderr: p.stderr(), ms: Date.now() - started };
}

/** Runs a CLI command and returns its stdout; throws with the output when it fails. */
export async function cliOk(inst: Installation, args: string[], opts: { input?: string } = {}): Promise<string> {
  const r = await runCli(inst, args, opts);
  if (r.code !== 0) throw new Error(`knooppunt ${args.join(' ')} → exit ${r.code ?? r.signal}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export interface CreatedUser {
  username: string;
  password: string;
  totpSecret: string;
  id: string;
  /** Last TOTP step used for a login, to stay ahead of the server's replay guard. */
  lastStep: number | null;
}

export async function addUser(inst: Installation, opts: { email: string; role?: string; org?: string }): Promise<CreatedUser> {
  const out = await cliOk(inst, ['users', 'add', '--org', opts.org ?? 'GM0296', '--role', opts.role ?? 'privacy-officer', '--email', opts.email, '--password-stdin', '--enroll-totp'], { input: `${PASSWORD}\n` });
  const parsed = JSON.parse(out) as { gebruiker: { id: string; gebruikersnaam: string }; otpauthUri?: string; totpGeheim?: string };
  if (!parsed.totpGeheim || !parsed.otpauthUri?.startsWith('otpauth://')) throw new Error(`users add gaf geen TOTP-geheim: ${out}`);
  return { username: parsed.gebruiker.gebruikersnaam, password: PASSWORD, totpSecret: parsed.totpGeheim, id: parsed.gebruiker.id, lastStep: null };
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  exit: Promise<ExitInfo>;
  stdout(): string;
  stderr(): string;
  exited(): boolean;
  /** Polls GET /readyz until 200; throws (with the output) when the child exits first or on timeout. */
  waitReady(timeoutMs?: number): Promise<number>;
  kill(signal: NodeJS.Signals): void;
  /** Sends the signal and waits for exit. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<ExitInfo>;
}

export async function startServer(inst: Installation, opts: { waitReady?: boolean; timeoutMs?: number } = {}): Promise<ServerProcess> {
  const port = await freePort();
  const started = Date.now();
  const p = spawnKnooppunt(['serve'], inst.env({ PORT: String(port), HOST: '127.0.0.1' }));
  let done = false;
  void p.exit.then(() => (done = true));
  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    child: p.child,
    pid: p.child.pid!,
    port,
    url,
    exit: p.exit,
    stdout: p.stdout,
    stderr: p.stderr,
    exited: () => done,
    async waitReady(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (done) {
          const e = await p.exit;
          throw new Error(`server stopte voor hij gereed was (exit ${e.code ?? e.signal})\n${p.stdout()}\n${p.stderr()}`);
        }
        try {
          const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
          if (res.status === 200) return Date.now() - started;
        } catch {
          /* not listening yet */
        }
        await sleep(100);
      }
      throw new Error(`server niet gereed binnen ${timeoutMs} ms\n${p.stdout()}\n${p.stderr()}`);
    },
    kill(signal) {
      if (!done) p.child.kill(signal);
    },
    async stop(signal = 'SIGTERM', timeoutMs = 30_000) {
      if (!done) p.child.kill(signal);
      const timer = setTimeout(() => p.child.kill('SIGKILL'), timeoutMs);
      const e = await p.exit;
      clearTimeout(timer);
      return e;
    },
  };
  if (opts.waitReady !== false) await server.waitReady(opts.timeoutMs);
  return server;
}

/**
 * A TOTP code the server will accept: a step after the user's last one, within the server's
 * ±1-step window of real time. Waits for the next 30-s window when the user is too far ahead.
 */
export async function nextTotp(user: CreatedUser): Promise<string> {
  for (;;) {
    const current = Math.floor(Date.now() / 30_000);
    const step = Math.max(current, (user.lastStep ?? -1) + 1);
    if (step <= current + 1) {
      user.lastStep = step;
      return generateTotp(user.totpSecret, step * 30_000 + 15_000);
    }
    await sleep((current + 1) * 30_000 - Date.now() + 50);
  }
}

export interface HttpSession {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

export async function httpLogin(baseUrl: string, user: CreatedUser, stderrOf?: () => string): Promise<HttpSession> {
  const res = await fetch(`${baseUrl}/api/v1/sessies`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ gebruikersnaam: user.username, wachtwoord: user.password, totpCode: await nextTotp(user) }),
  });
  const body = await res.text();
  if (res.status !== 201) throw new Error(`inloggen mislukt: ${res.status} ${body}${stderrOf ? `\n${stderrOf()}` : ""}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const cookie = cookies.find((c) => c.split('=')[0]!.endsWith('knooppunt_sessie'));
  if (!cookie) throw new Error(`geen sessiecookie: ${cookies.join(', ')}`);
  const csrf = (JSON.parse(body) as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

export function vaBody(code: string) {
  return {
    code,
    naam: `Test ${code}`,
    doel: 'Duurzaamheidstest',
    grondslag: 'AVG art. 6 lid 1 sub e',
    categorieenBetrokkenen: 'Inwoners',
    categorieenGegevens: 'NAW',
    bewaartermijn: '1 jaar',
    verantwoordelijke: 'College van B&W',
  };
}

export async function listVaCodes(baseUrl: string, session: HttpSession): Promise<Set<string>> {
  const res = await fetch(`${baseUrl}/api/v1/verwerkingsactiviteiten`, { headers: { cookie: session.cookie } });
  if (res.status !== 200) throw new Error(`lijst verwerkingsactiviteiten: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { verwerkingsactiviteiten: { id: string }[] };
  return new Set(body.verwerkingsactiviteiten.map((v) => v.id));
}

export function readLock(inst: Installation): { pid: number; host: string } | null {
  try {
    return JSON.parse(fs.readFileSync(inst.lockPath, 'utf8')) as { pid: number; host: string };
  } catch {
    return null;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
