// SPDX-License-Identifier: EUPL-1.2
// Shared by the bench scripts: a free port, percentiles, and a throwaway PostgreSQL 15 cluster
// (Debian's binaries, as in .ci/run) with one database per measured run.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Nearest-rank percentile; NaN for no samples. */
export function percentile(xs, p) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** Throwaway PostgreSQL 15 cluster on a free loopback port; null when PostgreSQL is not installed. */
export async function startCluster() {
  const bin = '/usr/lib/postgresql/15/bin';
  if (!fs.existsSync(`${bin}/initdb`)) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'knooppunt-bench-pg-'));
  const port = await freePort();
  const asPg = (cmd, args) => (process.getuid?.() === 0 ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' }));
  if (process.getuid?.() === 0) spawnSync('chown', ['postgres:postgres', dir]);
  let r = asPg(`${bin}/initdb`, ['-D', `${dir}/data`, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  if (r.status !== 0) throw new Error(`initdb: ${r.stderr}`);
  r = asPg(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-w', '-l', `${dir}/server.log`, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=128MB`, 'start']);
  if (r.status !== 0) throw new Error(`pg_ctl start: ${r.stderr}`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      asPg(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-m', 'fast', 'stop']);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database on the server of `baseUrl`, dropped (with its connections) by drop(). */
export async function createDatabase(baseUrl) {
  const name = `kp_bench_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A child Node process in `cwd` with the last 20,000 characters of its output kept for errors. */
export function startProcess(cwd, args, env) {
  let out = '';
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => (out = (out + d).slice(-20000)));
  child.stderr.on('data', (d) => (out = (out + d).slice(-20000)));
  return {
    child,
    out: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}
