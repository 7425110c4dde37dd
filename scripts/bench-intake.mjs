// SPDX-License-Identifier: EUPL-1.2
// `npm run bench:intake`: the public intake (POST /api/v1/meldingen, no files) against the real
// server process, on PGlite and on PostgreSQL:
//   1. a steady 50 requests/s for 60 s (open loop: requests are sent on schedule, whatever the
//      response times) → p50/p95/p99 latency and errors;
//   2. a burst of 200 requests/s for 5 s → errors and latency;
//   3. the ceiling: a bare Fastify route doing one INSERT into the same database engine, and our
//      intake, both closed loop with 16 concurrent clients for 10 s → throughput ratio.
// Challenges are fetched and solved before the clock starts (the server's cost of checking one is a
// single HMAC and SHA-256 whatever the difficulty, so the bench lowers the difficulty to make
// pre-solving quick). Results are written to docs/benchmarks.md.
//
// PostgreSQL: DATABASE_URL (a server URL; the bench creates and drops its own databases), or, when
// unset and PostgreSQL 15 is installed from Debian, a throwaway cluster on a free port.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { register } from 'tsx/esm/api';
import { createDatabase, freePort, percentile, sleep, startCluster, startProcess } from './bench-lib.mjs';

register();
const { solveChallenge } = await import('../server/src/platform/http/pow.ts');

const ROOT = path.resolve(import.meta.dirname, '..');
const STEADY_RPS = Number(process.env.BENCH_RPS ?? 50);
const STEADY_SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const BURST_RPS = 200;
const BURST_SECONDS = 5;
const CEILING_SECONDS = 10;
const CONCURRENCY = 16;
/** Solved challenges for the closed loop; it ends early (and says so) when they run out. */
const CEILING_POOL = 8000;

const BODY = {
  categorie: 'personen.jeugdoverlast',
  omschrijving: 'Elke avond een groep jongeren bij het winkelcentrum die scooters laat rondscheuren en voorbijgangers lastigvalt.',
  antwoorden: { acuut: 'nee', hoe_vaak: 'vaak' },
  locatie: { postcode: '6602 ZR', huisnummer: 1 },
};

async function waitReady(url, child, out) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out()}`);
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    await sleep(100);
  }
  throw new Error(`server not ready: ${out()}`);
}



async function challenges(url, n) {
  const out = [];
  const batch = 32;
  for (let i = 0; i < n; i += batch) {
    const got = await Promise.all(
      Array.from({ length: Math.min(batch, n - i) }, async () => {
        const r = await fetch(`${url}/api/v1/meldingen/uitdaging`);
        if (!r.ok) throw new Error(`uitdaging ${r.status}: ${await r.text()}`);
        return solveChallenge(await r.json()).payload;
      }),
    );
    out.push(...got);
  }
  return out;
}

async function submit(url, altcha) {
  const t0 = performance.now();
  try {
    const r = await fetch(`${url}/api/v1/meldingen`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...BODY, altcha }) });
    await r.arrayBuffer();
    return { ms: performance.now() - t0, ok: r.status === 201, status: r.status };
  } catch (e) {
    return { ms: performance.now() - t0, ok: false, status: String(e.cause?.code ?? e.message) };
  }
}

/** Open loop: request i leaves at t0 + i/rps, whether or not earlier ones returned. */
async function openLoop(rps, seconds, send) {
  const n = rps * seconds;
  const t0 = performance.now();
  const pending = [];
  for (let i = 0; i < n; i++) {
    const due = t0 + (i * 1000) / rps;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    pending.push(send(i));
  }
  const results = await Promise.all(pending);
  return summarise(results, (performance.now() - t0) / 1000);
}

/**
 * Closed loop: CONCURRENCY clients, each sending the next request when the previous returned, for
 * `seconds` or until `available()` says there is nothing left to send.
 */
async function closedLoop(seconds, send, available = () => true) {
  const results = [];
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  let i = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end && available()) results.push(await send(i++));
    }),
  );
  return summarise(results, (performance.now() - t0) / 1000);
}

function summarise(results, seconds) {
  const ms = results.filter((r) => r.ok).map((r) => r.ms);
  const errors = results.filter((r) => !r.ok);
  const kinds = {};
  for (const e of errors) kinds[e.status] = (kinds[e.status] ?? 0) + 1;
  return { n: results.length, ok: ms.length, errors: errors.length, kinds, p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99), max: Math.max(...ms), rps: ms.length / seconds };
}

async function benchEngine(engine, pgBase) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'knooppunt-bench-intake-'));
  const cleanups = [() => fs.rmSync(dataDir, { recursive: true, force: true })];
  try {
    let databaseUrl = '';
    if (engine === 'postgres') {
      const db = await createDatabase(pgBase);
      databaseUrl = db.url;
      cleanups.push(() => db.drop());
    }
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const server = startProcess(ROOT, [path.join(ROOT, 'bin/knooppunt.mjs'), 'serve'], {
      PORT: String(port),
      HOST: '127.0.0.1',
      KNOOPPUNT_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      KNOOPPUNT_POW_MAXNUMBER: '1000',
      KNOOPPUNT_MELDINGEN_PER_UUR: '10000000',
    });
    cleanups.push(() => server.stop());
    await waitReady(url, server.child, server.out);

    const needed = STEADY_RPS * STEADY_SECONDS + BURST_RPS * BURST_SECONDS + CEILING_POOL + 100;
    process.stderr.write(`${engine}: solving ${needed} challenges…\n`);
    const pool = await challenges(url, needed);
    const next = () => {
      const a = pool.pop();
      if (!a) throw new Error('out of solved challenges; raise the pool');
      return a;
    };
    // Warm-up (JIT, connection pools, argon2 threads).
    for (let i = 0; i < 100; i++) await submit(url, next());

    process.stderr.write(`${engine}: steady ${STEADY_RPS} rps × ${STEADY_SECONDS} s…\n`);
    const steady = await openLoop(STEADY_RPS, STEADY_SECONDS, () => submit(url, next()));
    process.stderr.write(`${engine}: burst ${BURST_RPS} rps × ${BURST_SECONDS} s…\n`);
    const burst = await openLoop(BURST_RPS, BURST_SECONDS, () => submit(url, next()));
    process.stderr.write(`${engine}: intake closed loop ×${CONCURRENCY}…\n`);
    const ours = await closedLoop(CEILING_SECONDS, () => submit(url, next()), () => pool.length > 0);
    await server.stop();

    // The ceilings: bare Fastify, one INSERT, same engine. (1) into the `meldingen` table of the
    // database the server just used (same indexes and constraints), (2) into a one-index table.
    const bare = async (table) => {
      const barePort = await freePort();
      const proc = startProcess(ROOT, [path.join(ROOT, 'scripts/bench-bare-server.mjs')], {
        PORT: String(barePort),
        BARE_TABLE: table,
        BARE_DATA_DIR: table === 'meldingen' ? path.join(dataDir, 'pgdata') : path.join(dataDir, 'bare'),
        DATABASE_URL: databaseUrl,
      });
      const bareUrl = `http://127.0.0.1:${barePort}`;
      try {
        await waitReady(bareUrl, proc.child, proc.out);
        const send = async () => {
          const t0 = performance.now();
          const r = await fetch(`${bareUrl}/insert`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BODY) });
          await r.arrayBuffer();
          return { ms: performance.now() - t0, ok: r.status === 201, status: r.status };
        };
        for (let i = 0; i < 100; i++) await send();
        process.stderr.write(`${engine}: bare INSERT into ${table} closed loop ×${CONCURRENCY}…\n`);
        return await closedLoop(CEILING_SECONDS, send);
      } finally {
        await proc.stop();
      }
    };
    const ceiling = await bare('meldingen');
    const ceilingPlain = await bare('plafond');
    return { engine, steady, burst, ours, ceiling, ceilingPlain };
  } finally {
    for (const c of cleanups.reverse()) await c();
  }
}

const results = [];
results.push(await benchEngine('pglite'));
let cluster = null;
let pgBase = process.env.DATABASE_URL;
if (!pgBase) {
  cluster = await startCluster();
  pgBase = cluster?.url;
}
try {
  if (pgBase) results.push(await benchEngine('postgres', pgBase));
  else process.stderr.write('PostgreSQL not available: only PGlite measured.\n');
} finally {
  cluster?.stop();
}

const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const errs = (r) => (r.errors ? `${r.errors} (${Object.entries(r.kinds).map(([k, v]) => `${k}: ${v}`).join(', ')})` : '0');
const lines = [
  '## Public intake (meldpunt)',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:intake\` (Node ${process.version}, ${os.cpus().length} cores; load generator and server on the same machine). POST /api/v1/meldingen without files against the real server process (\`knooppunt serve\`, LOG_LEVEL=warn): validation, proof-of-work check and replay record, routing, argon2id hash of the receipt code, one transaction with the melding, its event and the mail outbox. Challenges were solved beforehand. Latencies are client-side, in ms.`,
  '',
  '| Engine | Load | requests | errors | p50 | p95 | p99 | max | achieved req/s |',
  '|---|---|---|---|---|---|---|---|---|',
];
for (const r of results) {
  lines.push(`| ${r.engine} | ${STEADY_RPS} req/s × ${STEADY_SECONDS} s (open loop) | ${r.steady.n} | ${errs(r.steady)} | ${f(r.steady.p50)} | ${f(r.steady.p95)} | ${f(r.steady.p99)} | ${f(r.steady.max)} | ${f(r.steady.rps)} |`);
  lines.push(`| ${r.engine} | burst ${BURST_RPS} req/s × ${BURST_SECONDS} s (open loop) | ${r.burst.n} | ${errs(r.burst)} | ${f(r.burst.p50)} | ${f(r.burst.p95)} | ${f(r.burst.p99)} | ${f(r.burst.max)} | ${f(r.burst.rps)} |`);
}
lines.push(
  '',
  `Throughput against the ceiling: ${CONCURRENCY} concurrent clients for ${CEILING_SECONDS} s (closed loop), our intake versus a bare Fastify route (scripts/bench-bare-server.mjs) doing one INSERT of the same body into the same database: into its \`meldingen\` table (same indexes and constraints — the storage floor of one melding) and, for context, into a table with only a primary key.`,
  '',
);
lines.push('| Engine | intake req/s | bare INSERT into meldingen req/s | ratio | bare INSERT, one-index table req/s | ratio | intake p99 | bare (meldingen) p99 |', '|---|---|---|---|---|---|---|---|');
for (const r of results) lines.push(`| ${r.engine} | ${f(r.ours.rps)} | ${f(r.ceiling.rps)} | **${(r.ours.rps / r.ceiling.rps).toFixed(2)}** | ${f(r.ceilingPlain.rps)} | ${(r.ours.rps / r.ceilingPlain.rps).toFixed(2)} | ${f(r.ours.p99)} | ${f(r.ceiling.p99)} |`);
lines.push('', 'Goals (issue 3): steady p99 < 50 ms; no errors in the burst; ratio ≥ 0.5.', '');
const section = lines.join('\n');
process.stdout.write(`${section}\n`);

const file = path.join(ROOT, 'docs/benchmarks.md');
const doc = fs.readFileSync(file, 'utf8');
const start = doc.indexOf('## Public intake (meldpunt)');
let updated;
if (start === -1) updated = `${doc.trimEnd()}\n\n${section}`;
else {
  const end = doc.indexOf('\n## ', start + 1);
  updated = `${doc.slice(0, start)}${section}${end === -1 ? '' : `\n${doc.slice(end + 1)}`}`;
}
fs.writeFileSync(file, `${updated.trimEnd()}\n`);
