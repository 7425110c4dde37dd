// SPDX-License-Identifier: EUPL-1.2
// `npm run bench:startup`: time from process start to /readyz 200 on PGlite (first start on an
// empty directory, and a restart on an existing one), and idle memory (RSS) after start-up.
// Medians of several runs in one go; results are written to docs/benchmarks.md.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './bench-lib.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.RUNS ?? 5);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function rssMiB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
  return kb / 1024;
}

async function startOnce(dataDir) {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/knooppunt.mjs'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', KNOOPPUNT_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: 'ignore',
  });
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (r.ok) break;
    } catch {
      /* not yet */
    }
    if (child.exitCode !== null) throw new Error('server exited');
    await new Promise((r) => setTimeout(r, 25));
  }
  const ready = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 5000)); // idle
  const rss = rssMiB(child.pid);
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  return { ready, rss };
}

const first = [];
const warm = [];
for (let i = 0; i < RUNS; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'knooppunt-bench-'));
  first.push(await startOnce(dir));
  warm.push(await startOnce(dir));
  fs.rmSync(dir, { recursive: true, force: true });
  process.stderr.write(`run ${i + 1}/${RUNS}: first ${first.at(-1).ready.toFixed(0)} ms, restart ${warm.at(-1).ready.toFixed(0)} ms, RSS ${warm.at(-1).rss.toFixed(0)} MiB\n`);
}

const row = (label, xs) => `| ${label} | ${median(xs.map((x) => x.ready)).toFixed(0)} ms | ${Math.min(...xs.map((x) => x.ready)).toFixed(0)}–${Math.max(...xs.map((x) => x.ready)).toFixed(0)} ms | ${median(xs.map((x) => x.rss)).toFixed(0)} MiB |`;
const section = [
  '## Start-up and idle memory (PGlite)',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:startup\` (${RUNS} runs each, medians; Node ${process.version}, ${os.cpus().length} cores). Time from process start to the first \`/readyz\` 200; RSS read from /proc after 5 s idle. \`npm start\` adds the web build (vite) before this.`,
  '',
  '| Start | median to ready | range | idle RSS (median) |',
  '|---|---|---|---|',
  row('first start (empty data directory: initdb, migrations, seed)', first),
  row('restart on an existing data directory', warm),
  '',
].join('\n');

const file = path.join(ROOT, 'docs/benchmarks.md');
let doc = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n\nFigures from the `npm run bench:*` scripts. Medians and ratios come from one run on one machine; the machines are shared and noisy.\n\n';
const re = /## Start-up and idle memory \(PGlite\)\n[\s\S]*?(?=\n## |$)/;
doc = re.test(doc) ? doc.replace(re, section) : `${doc.trimEnd()}\n\n${section}`;
fs.writeFileSync(file, doc.endsWith('\n') ? doc : `${doc}\n`);
console.log(section);
