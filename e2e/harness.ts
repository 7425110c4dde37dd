// SPDX-License-Identifier: EUPL-1.2
// Starts the real server (`node bin/knooppunt.mjs serve`) on a fresh PGlite directory, or a fresh
// PostgreSQL database when DATABASE_URL is set, and Debian's Chromium through playwright-core.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';
import { createPostgresDatabase } from '../server/test/helpers.js';
import { generateTotp } from '../server/src/platform/auth/totp.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'knooppunt.mjs');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface E2eServer {
  url: string;
  output: () => string;
  env: NodeJS.ProcessEnv;
  cli(args: string[], stdin?: string): { status: number | null; stdout: string; stderr: string };
  start(): Promise<void>;
  stop(): Promise<void>;
  cleanup(): Promise<void>;
}

export async function createServer(extraEnv: Record<string, string> = {}): Promise<E2eServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'knooppunt-e2e-'));
  const port = await freePort();
  let drop: (() => Promise<void>) | null = null;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', KNOOPPUNT_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...extraEnv };
  if (process.env.DATABASE_URL) {
    const db = await createPostgresDatabase(process.env.DATABASE_URL);
    env.DATABASE_URL = db.url;
    drop = db.drop;
  }
  let child: ChildProcess | null = null;
  let out = '';
  const server: E2eServer = {
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    env,
    cli(args, stdin) {
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, input: stdin ?? '', encoding: 'utf8', timeout: 60_000 });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    async start() {
      out = '';
      child = spawn(process.execPath, [BIN, 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
        try {
          const r = await fetch(`${server.url}/readyz`);
          if (r.ok && out.includes('Knooppunt draait')) return;
        } catch {
          /* not yet */
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`server did not become ready: ${out}`);
    },
    async stop() {
      const c = child;
      if (!c || c.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        c.once('exit', () => resolve());
        c.kill('SIGTERM');
      });
    },
    async cleanup() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (drop) await drop();
    },
  };
  return server;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/** axe-core on the current page: 0 violations of WCAG 2.1 A/AA. */
export async function expectAccessible(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** A fresh context (Dutch locale, Amsterdam time, downloads allowed) and page; a page error fails the test. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  return page;
}

const TOTP_PERIOD_MS = 30_000;
const lastTotpStep = new Map<string, number>();

/**
 * A TOTP code for a login, never from a time step this file already used for the same secret: the
 * server refuses a code of a step at or before the last accepted one (replay protection), so a
 * second login within 30 s waits for the next step instead of failing.
 */
export async function freshTotp(secret: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / TOTP_PERIOD_MS);
    const last = lastTotpStep.get(secret);
    if (last === undefined || step > last) {
      lastTotpStep.set(secret, step);
      return generateTotp(secret, now);
    }
    await new Promise((r) => setTimeout(r, (step + 1) * TOTP_PERIOD_MS - now + 50));
  }
}
