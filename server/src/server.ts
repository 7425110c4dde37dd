// SPDX-License-Identifier: EUPL-1.2
// `knooppunt serve`: open the platform, listen, shut down gracefully on SIGTERM/SIGINT.
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from './platform/config.js';
import { createLogger } from './platform/logging.js';
import { openPlatform, type Platform } from './platform/runtime.js';
import { buildApp } from './app.js';
import { createUsersService } from './platform/identity/users.service.js';
import { loadDemoData } from './platform/identity/demo.js';
import { startJobs } from './platform/jobs/index.js';
import type { JobDefinition, JobRunner } from './platform/jobs/runner.js';
import { allJobs } from './jobs.js';

export interface RunningServer {
  app: FastifyInstance;
  platform: Platform;
  /** The scheduled-job runner, started once the server listens. */
  jobs: JobRunner;
  url: string;
  stop(): Promise<void>;
}

export interface StartServerOptions {
  /** Scheduled jobs to run instead of `allJobs(deps)` (the mail job is always included). */
  jobs?: JobDefinition[];
}

export async function startServer(
  config: AppConfig,
  print: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
  opts: StartServerOptions = {},
): Promise<RunningServer> {
  const started = performance.now();
  const log = createLogger(config.logLevel);
  const platform = await openPlatform(config, log);
  const { deps } = platform;
  let app: FastifyInstance;
  try {
    if (config.demo) {
      const demo = await loadDemoData(deps);
      if (demo.length > 0) {
        print('');
        print('Demo-omgeving — fictieve gegevens. Demo-accounts (eenmalig getoond; stel bij de eerste keer inloggen tweestapsverificatie in):');
        for (const d of demo) print(`  ${d.gebruikersnaam.padEnd(20)} ${d.wachtwoord}   (${d.rollen.join(', ')}, ${d.organisatie})`);
      }
    }
    const code = await createUsersService(deps).prepareInstallation();
    app = await buildApp(deps);
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://localhost:${port}`;
    if (code) {
      print('');
      print('Eerste start: er is nog geen functioneel beheerder.');
      print(`  Open ${url}/installatie en vul deze eenmalige installatiecode in:`);
      print(`  ${code}`);
      print('  (De code is alleen nu zichtbaar; een nieuwe start geeft een nieuwe code zolang er geen beheerder is.)');
    }
    print('');
    const jobs = startJobs(deps, opts.jobs ?? allJobs(deps));
    print(`Knooppunt draait op ${url} (${deps.engine === 'pglite' ? 'ingebouwde PostgreSQL (PGlite)' : 'PostgreSQL'}; gereed in ${Math.round(performance.now() - started)} ms)`);
    let stopping: Promise<void> | null = null;
    const stop = () => {
      stopping ??= (async () => {
        // Stop accepting and let in-flight requests finish; meanwhile no new job starts and a
        // running one completes (its claim row would otherwise stay 'bezig' for an hour).
        await Promise.all([app.close(), jobs.stop()]);
        await platform.database.close(); // CHECKPOINT, close, release the lock
      })();
      return stopping;
    };
    return { app, platform, jobs, url, stop };
  } catch (err) {
    await platform.database.close();
    throw err;
  }
}

export function installSignalHandlers(server: RunningServer) {
  let signalled = false;
  const handler = (signal: NodeJS.Signals) => {
    if (signalled) return;
    signalled = true;
    server.app.log.info({ signal }, 'afsluiten');
    server.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        server.app.log.error({ err }, 'afsluiten mislukt');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}
