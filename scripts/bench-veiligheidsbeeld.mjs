// SPDX-License-Identifier: EUPL-1.2
// `npm run bench:veiligheidsbeeld`: the veiligheidsbeeld at national size, on PGlite and PostgreSQL.
//   1. A generated national dataset in the police open-data CSV shape (47013NED "Onbewerkte
//      dataset"): 342 gemeenten × 60 codes × 120 months ≈ 2.5 million rows, 2% suppressed ("."),
//      imported with the CLI (`knooppunt veiligheidsbeeld import`), its progress lines timed.
//   2. The same file again (must change nothing), then a correction file with 1,000 changed values
//      (the yearly aggregate must follow: `veiligheidsbeeld controleer` recomputes all of it, and
//      the API total for a corrected gemeente-year must equal the sum from the generator).
//   3. Population for the 342 gemeenten, so the dashboards compute per-1,000 rates.
//   4. The server on that data: every dashboard query of the web pages (catalogue, gebieden, series
//      for Tweestromenland / a gemeente / total misdrijven, comparison, own meldingen), sequential
//      after a warm-up → p50/p95/max per query.
//   5. The six-gemeente appendix PDF (and XLSX) for ten years over the API → median of 5.
// Results are written to docs/benchmarks.md. PostgreSQL: DATABASE_URL (a server URL; the bench
// creates and drops its own databases), or, when unset and PostgreSQL 15 is installed from
// Debian, a throwaway cluster on a free port. BENCH_ENGINES=pglite or =postgres runs one engine.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { register } from 'tsx/esm/api';
import { createDatabase, freePort, percentile, sleep, startCluster, startProcess } from './bench-lib.mjs';

register();
const { STANDAARD_INDELING } = await import('../server/src/modules/veiligheidsbeeld/domain/catalogus.ts');

const ROOT = path.resolve(import.meta.dirname, '..');
const GEMEENTEN = 342;
const CODES = 60;
const JAREN = [2015, 2024];
const CORRECTIES = 1000;
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const WARMUP = 20;
const ZES = ['GM0209', 'GM1945', 'GM0225', 'GM0252', 'GM0668', 'GM0296'];
/** Historical codes in our history table (they merged into GM1945): not generated as current gemeenten. */
const OPGEHEVEN = new Set(['GM0241', 'GM0265', 'GM0282']);

const median = (xs) => percentile(xs, 50);
const nl = (n, d = 0) => n.toLocaleString('nl-NL', { minimumFractionDigits: d, maximumFractionDigits: d });

// ---------- the generated dataset ----------

/** Deterministic: the same seed gives the same file and the same expected sums. */
function genereer(dir) {
  const codes = STANDAARD_INDELING.filter((i) => i.bron === 'politie').map((i) => i.code);
  for (let n = 1; codes.length < CODES; n++) codes.push(`9.9.${n}`);
  codes.length = CODES;
  const gemeenten = [...ZES];
  for (let i = 1; gemeenten.length < GEMEENTEN; i++) {
    const c = `GM${String(i).padStart(4, '0')}`;
    if (!gemeenten.includes(c) && !OPGEHEVEN.has(c)) gemeenten.push(c);
  }
  const jaren = JAREN[1] - JAREN[0] + 1;
  const n = codes.length * gemeenten.length * jaren * 12;
  const waarden = new Int32Array(n); // −1 = suppressed
  let seed = 20261202;
  const rnd = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const idx = (c, g, j, m) => ((c * gemeenten.length + g) * jaren + j) * 12 + m;
  const file = path.join(dir, '47013NED_Gemeenten_maand.csv');
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, '"ID";"SoortMisdrijf";"RegioS";"Perioden";"GeregistreerdeMisdrijven_1"\n');
  let id = 0;
  let buf = [];
  for (let c = 0; c < codes.length; c++) {
    const schaal = c === 0 ? 400 : 5 + Math.floor(rnd() * 40);
    for (let g = 0; g < gemeenten.length; g++) {
      for (let j = 0; j < jaren; j++) {
        for (let m = 0; m < 12; m++) {
          const v = rnd() < 0.02 ? -1 : Math.floor(rnd() * schaal);
          waarden[idx(c, g, j, m)] = v;
          buf.push(`${id++};"${codes[c].padEnd(8)}";"${gemeenten[g].padEnd(6)}";"${JAREN[0] + j}MM${String(m + 1).padStart(2, '0')}";${v < 0 ? '.' : v}`);
          if (buf.length >= 20_000) {
            fs.writeSync(fd, `${buf.join('\n')}\n`);
            buf = [];
          }
        }
      }
    }
  }
  fs.writeSync(fd, `${buf.join('\n')}\n`);
  fs.closeSync(fd);

  // Corrections: 1,000 delivered values change (a suppressed value becomes known, others +7), a
  // tenth of them in the six gemeenten so the API check below sees them.
  const correcties = new Map();
  while (correcties.size < CORRECTIES) {
    const c = 1 + Math.floor(rnd() * (codes.length - 1));
    const g = correcties.size % 10 === 0 ? Math.floor(rnd() * ZES.length) : Math.floor(rnd() * gemeenten.length);
    const j = Math.floor(rnd() * jaren);
    const m = Math.floor(rnd() * 12);
    const k = idx(c, g, j, m);
    if (correcties.has(k)) continue;
    const oud = waarden[k];
    correcties.set(k, { c, g, j, m, nieuw: oud < 0 ? 3 : oud + 7 });
  }
  const correctie = path.join(dir, '47013NED_Gemeenten_maand_correctie.csv');
  const regels = ['"ID";"SoortMisdrijf";"RegioS";"Perioden";"GeregistreerdeMisdrijven_1"'];
  for (const [k, x] of correcties) {
    waarden[k] = x.nieuw;
    regels.push(`${k};"${codes[x.c].padEnd(8)}";"${gemeenten[x.g].padEnd(6)}";"${JAREN[0] + x.j}MM${String(x.m + 1).padStart(2, '0')}";${x.nieuw}`);
  }
  fs.writeFileSync(correctie, `${regels.join('\n')}\n`);

  const bevolking = path.join(dir, 'bevolking-gemeenten.csv');
  const br = ['gemeentecode;gemeente;jaar;inwoners'];
  for (let g = 0; g < gemeenten.length; g++) {
    const basis = 5000 + Math.floor(rnd() * 120_000);
    for (let j = 0; j < jaren; j++) br.push(`${gemeenten[g]};Gemeente ${gemeenten[g]};${JAREN[0] + j};${basis + j * 150}`);
  }
  fs.writeFileSync(bevolking, `${br.join('\n')}\n`);

  /** Expected yearly total after the correction (null when a month is suppressed). */
  const jaartotaal = (c, g, j) => {
    let s = 0;
    for (let m = 0; m < 12; m++) {
      const v = waarden[idx(c, g, j, m)];
      if (v < 0) return null;
      s += v;
    }
    return s;
  };
  const gecorrigeerdInZes = [...correcties.values()].filter((x) => x.g < ZES.length);
  return { file, correctie, bevolking, codes, gemeenten, rijen: n, bytes: fs.statSync(file).size, jaartotaal, gecorrigeerdInZes };
}

// ---------- processes ----------

function run(args, env, { onLine } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/knooppunt.mjs'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let rest = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => {
      err += d;
      rest += d;
      const lines = rest.split('\n');
      rest = lines.pop();
      for (const l of lines) onLine?.(l, (performance.now() - t0) / 1000);
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out, err, seconds: (performance.now() - t0) / 1000 }));
  });
}

const startServer = (env) => startProcess(ROOT, [path.join(ROOT, 'bin/knooppunt.mjs'), 'serve'], env);

async function waitReady(url, server) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server exited: ${server.out()}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      /* not yet */
    }
    await sleep(100);
  }
  throw new Error(`server not ready: ${server.out()}`);
}


// ---------- the measurements ----------

async function importeer(label, engine, env, file) {
  const fasen = [];
  let laatste = '';
  const r = await run(['veiligheidsbeeld', 'import', file], env, {
    onLine: (l, s) => {
      const t = l.trim();
      if (!t) return;
      fasen.push({ s, regel: t });
      if (!t.startsWith('waarden') || /\((?:0|50|100) %\)/.test(t)) process.stderr.write(`${engine} ${label}: [${s.toFixed(1)} s] ${t}\n`);
      laatste = t;
    },
  });
  if (r.code !== 0) throw new Error(`${label} failed (${r.code}): ${r.err.slice(-3000)}`);
  void laatste;
  const tijd = (re) => fasen.find((f) => re.test(f.regel))?.s ?? null;
  return {
    seconds: r.seconds,
    out: r.out.trim(),
    progressLines: fasen.filter((f) => f.regel.startsWith('waarden')).length,
    gelezen: tijd(/^bestand gelezen/),
    gecontroleerd: tijd(/^gecontroleerd/),
    waardenKlaar: tijd(/^waarden: .*\(100 %\)/),
    jaarcijfers: tijd(/^jaarcijfers/),
    vastgelegd: tijd(/^vastgelegd/),
  };
}

async function timed(url) {
  const t0 = performance.now();
  const r = await fetch(url);
  const body = await r.arrayBuffer();
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(`${url} → ${r.status}: ${Buffer.from(body).toString('utf8').slice(0, 500)}`);
  return { ms, body, type: r.headers.get('content-type') ?? '' };
}

async function dashboard(base, data) {
  const api = `${base}/api/v1/veiligheidsbeeld`;
  const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
  const jaar = () => JAREN[0] + Math.floor(Math.random() * (JAREN[1] - JAREN[0] + 1));
  const soorten = {
    'catalogus (indicatoren)': () => `${api}/indicatoren`,
    gebieden: () => `${api}/gebieden`,
    'reeks Tweestromenland, alle jaren': () => `${api}/cijfers?indicator=${pick(data.codes)}&gebied=tweestromenland`,
    'reeks één van de 342 gemeenten': () => `${api}/cijfers?indicator=${pick(data.codes)}&gebied=${pick(data.gemeenten)}&van=${JAREN[0]}&tot=${JAREN[1]}`,
    'reeks totaal misdrijven (0.0.0), gemeente': () => `${api}/cijfers?indicator=0.0.0&gebied=${pick(ZES)}`,
    'vergelijking van de zes': () => `${api}/vergelijking?indicator=${pick(data.codes)}&jaar=${jaar()}`,
    'eigen meldingen per maand (120 maanden)': () => `${api}/meldpunt?gebied=tweestromenland&van=${JAREN[0]}-01&tot=${JAREN[1]}-12`,
  };
  const out = {};
  for (const [naam, url] of Object.entries(soorten)) {
    for (let i = 0; i < WARMUP; i++) await timed(url());
    const ms = [];
    for (let i = 0; i < QUERIES; i++) ms.push((await timed(url())).ms);
    out[naam] = { n: ms.length, p50: median(ms), p95: percentile(ms, 95), max: Math.max(...ms) };
  }
  return out;
}

async function checkCorrectie(base, data) {
  // Every corrected value in the six gemeenten: the API's yearly total equals the generator's sum.
  let bekeken = 0;
  for (const x of data.gecorrigeerdInZes.slice(0, 25)) {
    const j = JAREN[0] + x.j;
    const r = await fetch(`${base}/api/v1/veiligheidsbeeld/cijfers?indicator=${data.codes[x.c]}&gebied=${ZES[x.g]}&van=${j}&tot=${j}`);
    const body = await r.json();
    const verwacht = data.jaartotaal(x.c, x.g, x.j);
    if (body.reeks?.[0]?.aantal !== verwacht) throw new Error(`aggregate wrong after correction: ${data.codes[x.c]} ${ZES[x.g]} ${j}: API ${body.reeks?.[0]?.aantal}, expected ${verwacht}`);
    bekeken++;
  }
  return bekeken;
}

async function benchEngine(engine, pgBase, data) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'knooppunt-bench-vb-'));
  const cleanups = [() => fs.rmSync(dataDir, { recursive: true, force: true })];
  let server = null;
  try {
    let databaseUrl = '';
    if (engine === 'postgres') {
      const db = await createDatabase(pgBase);
      databaseUrl = db.url;
      cleanups.push(() => db.drop());
    }
    const env = { KNOOPPUNT_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' };
    const eerste = await importeer('import', engine, env, data.file);
    const opnieuw = await importeer('re-import', engine, env, data.file);
    if (!/Niets gewijzigd/.test(opnieuw.out)) throw new Error(`re-import changed something: ${opnieuw.out}`);
    const correctie = await importeer('correctie', engine, env, data.correctie);
    if (!new RegExp(`waarden 0 nieuw, ${CORRECTIES} gewijzigd`).test(correctie.out)) throw new Error(`correction: ${correctie.out}`);
    const bevolking = await importeer('bevolking', engine, env, data.bevolking);
    const controle = await run(['veiligheidsbeeld', 'controleer'], env);
    if (controle.code !== 0) throw new Error(`controleer: ${controle.out}${controle.err}`);
    process.stderr.write(`${engine}: ${controle.out.trim()}\n`);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = startServer({ ...env, PORT: String(port), HOST: '127.0.0.1' });
    cleanups.unshift(() => server.stop());
    await waitReady(base, server);
    const gecontroleerd = await checkCorrectie(base, data);
    process.stderr.write(`${engine}: dashboard queries…\n`);
    const queries = await dashboard(base, data);
    const pdf = [];
    let pdfBytes = 0;
    for (let i = 0; i < 5; i++) {
      const r = await timed(`${base}/api/v1/veiligheidsbeeld/bijlage?van=${JAREN[0]}&tot=${JAREN[1]}&formaat=pdf`);
      if (!r.type.startsWith('application/pdf')) throw new Error(`bijlage: ${r.type}`);
      pdf.push(r.ms);
      pdfBytes = r.body.byteLength;
    }
    const xlsx = await timed(`${base}/api/v1/veiligheidsbeeld/bijlage?van=${JAREN[0]}&tot=${JAREN[1]}&formaat=xlsx`);
    await server.stop();
    return { eerste, opnieuw, correctie, bevolking, controleSeconds: controle.seconds, gecontroleerd, queries, pdf: { median: median(pdf), max: Math.max(...pdf), bytes: pdfBytes }, xlsxMs: xlsx.ms };
  } catch (e) {
    if (server) process.stderr.write(`${engine}: server output before the failure:\n${server.out()}\n`);
    throw e;
  } finally {
    for (const c of cleanups) await c();
  }
}

// ---------- report ----------

function section(results, data, meta) {
  const engines = Object.keys(results);
  const s = (x) => (x === null || x === undefined ? '–' : `${nl(x, 1)} s`);
  const ms = (x) => `${nl(x, x < 10 ? 1 : 0)} ms`;
  const lines = [
    '## Veiligheidsbeeld at national size (`npm run bench:veiligheidsbeeld`)',
    '',
    `Run ${meta.date} on ${meta.machine}. Dataset: the police open-data CSV shape of 47013NED, ${nl(data.gemeenten.length)} gemeenten × ${data.codes.length} codes × ${(JAREN[1] - JAREN[0] + 1) * 12} months = ${nl(data.rijen)} rows (${nl(data.bytes / 1e6, 0)} MB, 2 % suppressed), generated deterministically by the script. Imports run through the CLI as a user would (process start included); the progress lines are the CLI's own. Goals (issue 4 §7): import < 2 min with progress; every dashboard query p95 < 200 ms on PostgreSQL and < 500 ms on PGlite; the six-gemeente appendix PDF < 5 s.`,
    '',
    `| Import | ${engines.join(' | ')} |`,
    `|---|${engines.map(() => '---:').join('|')}|`,
    `| national file: wall time | ${engines.map((e) => `**${s(results[e].eerste.seconds)}**`).join(' | ')} |`,
    `| … read and parsed | ${engines.map((e) => s(results[e].eerste.gelezen)).join(' | ')} |`,
    `| … checked (gemeente history, duplicates) | ${engines.map((e) => s(results[e].eerste.gecontroleerd)).join(' | ')} |`,
    `| … values written (${nl(data.rijen)}) | ${engines.map((e) => s(results[e].eerste.waardenKlaar)).join(' | ')} |`,
    `| … yearly aggregate rebuilt | ${engines.map((e) => s(results[e].eerste.jaarcijfers)).join(' | ')} |`,
    `| … committed | ${engines.map((e) => s(results[e].eerste.vastgelegd)).join(' | ')} |`,
    `| progress lines printed | ${engines.map((e) => results[e].eerste.progressLines).join(' | ')} |`,
    `| same file again (changes nothing) | ${engines.map((e) => s(results[e].opnieuw.seconds)).join(' | ')} |`,
    `| correction file, ${nl(CORRECTIES)} changed values | ${engines.map((e) => s(results[e].correctie.seconds)).join(' | ')} |`,
    `| population, ${data.gemeenten.length} gemeenten × ${JAREN[1] - JAREN[0] + 1} years | ${engines.map((e) => s(results[e].bevolking.seconds)).join(' | ')} |`,
    `| \`veiligheidsbeeld controleer\` (recomputes every aggregate: 0 differences) | ${engines.map((e) => s(results[e].controleSeconds)).join(' | ')} |`,
    '',
    `After the correction, the API's yearly totals of ${engines.map((e) => results[e].gecontroleerd).join(' / ')} corrected gemeente-years were checked against the generator's own sums.`,
    '',
    `| Dashboard query (${QUERIES} sequential after ${WARMUP} warm-up, over HTTP) | ${engines.map((e) => `${e} p50 / p95 / max`).join(' | ')} |`,
    `|---|${engines.map(() => '---:').join('|')}|`,
    ...Object.keys(results[engines[0]].queries).map((q) => `| ${q} | ${engines.map((e) => { const x = results[e].queries[q]; return `${ms(x.p50)} / **${ms(x.p95)}** / ${ms(x.max)}`; }).join(' | ')} |`),
    '',
    `| Appendix, six gemeenten, ${JAREN[0]}–${JAREN[1]}, ${data.codes.length} indicators | ${engines.join(' | ')} |`,
    `|---|${engines.map(() => '---:').join('|')}|`,
    `| PDF over the API, median of 5 (max) | ${engines.map((e) => `**${nl(results[e].pdf.median / 1000, 2)} s** (${nl(results[e].pdf.max / 1000, 2)} s), ${nl(results[e].pdf.bytes / 1024, 0)} KiB`).join(' | ')} |`,
    `| XLSX over the API, once | ${engines.map((e) => `${nl(results[e].xlsxMs / 1000, 2)} s`).join(' | ')} |`,
    '',
    `How: values are written in batches of 20,000 rows as one \`INSERT … SELECT FROM unnest(arrays)\` per batch, with \`ON CONFLICT … DO UPDATE … WHERE value IS DISTINCT\` unless the batch only holds indicators without any values yet (the first import), so an unchanged value is not touched and the counts come from the database; the keys that changed go to a temporary table, and only their yearly aggregate (\`vb_jaarcijfers\`) is recomputed, in the same transaction. The dashboards read the aggregate, never the 2.5 million monthly values. See ADR 0008.`,
    '',
  ];
  return lines.join('\n');
}

function writeSection(text) {
  const file = path.join(ROOT, 'docs/benchmarks.md');
  const doc = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = '<!-- bench:veiligheidsbeeld -->';
  const end = '<!-- /bench:veiligheidsbeeld -->';
  const block = `${start}\n${text}${end}`;
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  fs.writeFileSync(file, re.test(doc) ? doc.replace(re, block) : `${doc.trimEnd()}\n\n${block}\n`);
}

const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((s) => s.trim());
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'knooppunt-bench-vb-data-'));
let cluster = null;
try {
  process.stderr.write('generating the national dataset…\n');
  const data = genereer(work);
  process.stderr.write(`${nl(data.rijen)} rows, ${nl(data.bytes / 1e6)} MB\n`);
  const results = {};
  for (const engine of engines) {
    let base = null;
    if (engine === 'postgres') {
      base = process.env.DATABASE_URL || null;
      if (!base) {
        cluster = await startCluster();
        if (!cluster) {
          process.stderr.write('postgres: skipped (no DATABASE_URL and no PostgreSQL 15 installed)\n');
          continue;
        }
        base = cluster.url;
      }
    }
    results[engine] = await benchEngine(engine, base, data);
    process.stderr.write(`${engine}: ${JSON.stringify(results[engine], null, 1)}\n`);
  }
  const meta = { date: new Date().toISOString().slice(0, 10), machine: `${os.cpus().length} cores, ${nl(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}` };
  const text = section(results, data, meta);
  writeSection(text);
  process.stdout.write(text);
} finally {
  cluster?.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
