// SPDX-License-Identifier: EUPL-1.2
// The `knooppunt` command line.
import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { loadConfig, type AppConfig } from './platform/config.js';
import { createLogger } from './platform/logging.js';
import { openPlatform, type Platform } from './platform/runtime.js';
import { DataDirLockedError } from './platform/db/lock.js';
import { migrateToLatest } from './platform/db/migrator.js';
import { openDatabase } from './platform/db/database.js';
import { backup, restore } from './platform/db/backup.js';
import { verifyAuditChain } from './platform/audit/audit.js';
import { startServer, installSignalHandlers } from './server.js';
import { systemActor } from './platform/auth/actor.js';
import { API_SCOPES, ROLES, isRole, type ApiScope, type Role } from './platform/auth/roles.js';
import { organisationsRepository } from './platform/identity/organisations.repository.js';
import { usersRepository } from './platform/identity/users.repository.js';
import { createUsersService } from './platform/identity/users.service.js';
import { createApiKeysService, presentApiKey } from './platform/identity/api-keys.service.js';
import { presentUser } from './platform/identity/presenters.js';
import { AppError } from './platform/http/errors.js';
import { createJobRunner, instanceId, withPlatformJobs } from './platform/jobs/index.js';
import { allJobs } from './jobs.js';
import { createImportService, type ImportFase, type Voortgang } from './modules/veiligheidsbeeld/import.service.js';
import { FORMATEN, type Formaat } from './modules/veiligheidsbeeld/domain/formaten.js';
import { createBijlageService } from './modules/veiligheidsbeeld/bijlage/bijlage.service.js';
import { controleer as controleerVeiligheidsbeeld } from './modules/veiligheidsbeeld/veiligheidsbeeld.repository.js';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);
const cliOrigin = { requestId: 'cli', ipAddress: null };

class CliError extends Error {}

/** Import progress on stderr: each phase with the elapsed time, values in steps of 10 %. */
function voortgangNaarStderr(): Voortgang {
  const t0 = performance.now();
  let stap = -1;
  const tijd = () => `${((performance.now() - t0) / 1000).toFixed(1).replace('.', ',')} s`;
  const namen: Record<ImportFase, string> = { gelezen: 'bestand gelezen', gecontroleerd: 'gecontroleerd', waarden: 'waarden', bevolking: 'bevolking opgeslagen', jaarcijfers: 'jaarcijfers bijgewerkt', klaar: 'vastgelegd' };
  return (fase, klaar, totaal) => {
    if (fase === 'waarden') {
      const nu = totaal ? Math.floor((klaar / totaal) * 10) : 10;
      if (totaal < 5000 || nu === stap) return;
      stap = nu;
      err(`  waarden: ${klaar.toLocaleString('nl-NL')} van ${totaal.toLocaleString('nl-NL')} (${nu * 10} %) – ${tijd()}`);
      return;
    }
    err(`  ${namen[fase]}${fase === 'gelezen' ? ` (${klaar.toLocaleString('nl-NL')} regels)` : ''} – ${tijd()}`);
  };
}

function describeError(e: unknown): string {
  if (e instanceof DataDirLockedError) {
    return `${e.message}\nDe server houdt de ingebouwde database vast: stop de server eerst (Ctrl+C of SIGTERM) en voer dit commando dan opnieuw uit. Met PostgreSQL (DATABASE_URL) kan dit terwijl de server draait.`;
  }
  if (e instanceof AppError) return [e.message, ...e.fieldErrors.map((f) => `  ${f.veld}: ${f.melding}`)].join('\n');
  return e instanceof Error ? e.message : String(e);
}

async function withPlatform<T>(fn: (p: Platform) => Promise<T>, config: AppConfig = loadConfig()): Promise<T> {
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn', process.stderr);
  const platform = await openPlatform(config, log);
  try {
    return await fn(platform);
  } finally {
    await platform.database.close();
  }
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (c: string) => (data += c));
    process.stdin.on('end', () => resolve(data.replace(/\r?\n$/, '')));
    process.stdin.on('error', reject);
  });
}

/** File text: UTF-16 with a byte-order mark (as CBS/RvIG exports sometimes are) or UTF-8. */
function decodeTekst(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return Buffer.from(buf.subarray(2)).swap16().toString('utf16le');
  return buf.toString('utf8').replace(/^\uFEFF/, '');
}

async function findUser(p: Platform, username: string) {
  const u = await usersRepository.findByUsername(p.deps.db, { kind: 'alle', reason: 'cli' }, username);
  if (!u) throw new CliError(`Gebruiker ${username} bestaat niet.`);
  return u;
}

export function buildCli(): Command {
  const program = new Command('knooppunt')
    .description('Knooppunt — integraal-veiligheidsplatform Tweestromenland')
    .showHelpAfterError()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('serve', { isDefault: false })
    .description('Start de server (API en webapplicatie)')
    .option('--demo', 'laad fictieve demogegevens en demo-accounts')
    .action(async (opts: { demo?: boolean }) => {
      const config = loadConfig(process.env, opts.demo ? { demo: true } : {});
      const server = await startServer(config);
      installSignalHandlers(server);
    });

  program
    .command('migrate')
    .description('Voer openstaande databasemigraties uit')
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase(config.database);
      try {
        const r = await migrateToLatest(database.db);
        const done = (r.results ?? []).filter((x) => x.status === 'Success');
        out(done.length ? done.map((x) => `uitgevoerd: ${x.migrationName}`).join('\n') : 'De database is al actueel.');
      } finally {
        await database.close();
      }
    });

  const users = program.command('users').description('Gebruikers beheren');
  users
    .command('add')
    .description('Gebruiker aanmaken; geeft JSON')
    .requiredOption('--org <code>', 'organisatiecode, bijv. GM0225')
    .requiredOption('--role <rol...>', `rol(len): ${ROLES.join(', ')}`)
    .requiredOption('--email <adres>', 'e-mailadres')
    .option('--username <naam>', 'gebruikersnaam (standaard het e-mailadres)')
    .option('--name <naam>', 'volledige naam (standaard de gebruikersnaam)')
    .option('--password-stdin', 'lees het wachtwoord van standaardinvoer (anders een tijdelijk wachtwoord)')
    .option('--enroll-totp', 'schrijf direct een TOTP-geheim in en geef de otpauth://-URI terug')
    .action(async (opts: { org: string; role: string[]; email: string; username?: string; name?: string; passwordStdin?: boolean; enrollTotp?: boolean }) => {
      const roles = opts.role.flatMap((r) => r.split(',')).map((r) => r.trim());
      const bad = roles.filter((r) => !isRole(r));
      if (bad.length) throw new CliError(`Onbekende rol(len): ${bad.join(', ')}. Kies uit: ${ROLES.join(', ')}`);
      const password = opts.passwordStdin ? await readStdin() : undefined;
      await withPlatform(async (p) => {
        const org = await organisationsRepository.findByCode(p.deps.db, opts.org);
        if (!org) throw new CliError(`Organisatie ${opts.org} bestaat niet. Zie 'knooppunt orgs list'.`);
        const username = opts.username ?? opts.email;
        const r = await createUsersService(p.deps).createUser(
          systemActor('cli'),
          { gebruikersnaam: username, naam: opts.name ?? username, email: opts.email, organisatieId: org.id, rollen: roles as Role[], ...(password !== undefined ? { wachtwoord: password } : {}), enrollTotp: Boolean(opts.enrollTotp) },
          cliOrigin,
        );
        out(JSON.stringify({ gebruiker: presentUser(r.user), ...(r.temporaryPassword ? { tijdelijkWachtwoord: r.temporaryPassword } : {}), ...(r.otpauthUri ? { otpauthUri: r.otpauthUri, totpGeheim: r.totpSecret } : {}) }, null, 2));
      });
    });
  users
    .command('list')
    .description('Gebruikers tonen')
    .option('--org <code>', 'alleen deze organisatie')
    .option('--json', 'als JSON')
    .action(async (opts: { org?: string; json?: boolean }) => {
      await withPlatform(async (p) => {
        let list = await usersRepository.list(p.deps.db, { kind: 'alle', reason: 'cli' });
        if (opts.org) list = list.filter((u) => u.org_code === opts.org!.toUpperCase());
        if (opts.json) return out(JSON.stringify(list.map(presentUser), null, 2));
        for (const u of list) out(`${u.gebruikersnaam.padEnd(30)} ${u.org_code.padEnd(10)} ${u.rollen.join(',').padEnd(30)} ${u.actief ? 'actief' : 'geblokkeerd'}${u.totp_ingeschreven_op ? '' : ' (geen MFA)'}`);
      });
    });
  users
    .command('disable <gebruikersnaam>')
    .description('Gebruiker blokkeren en alle sessies beëindigen')
    .action(async (username: string) => {
      await withPlatform(async (p) => {
        const u = await findUser(p, username);
        await createUsersService(p.deps).update(systemActor('cli'), u.id, { actief: false }, cliOrigin);
        out(`${username} is geblokkeerd; alle sessies zijn beëindigd.`);
      });
    });
  users
    .command('reset-mfa <gebruikersnaam>')
    .description('Tweestapsverificatie wissen; de gebruiker schrijft opnieuw in bij de volgende login')
    .action(async (username: string) => {
      await withPlatform(async (p) => {
        const u = await findUser(p, username);
        await createUsersService(p.deps).resetMfa(systemActor('cli'), u.id, cliOrigin);
        out(`Tweestapsverificatie van ${username} is gewist; sessies zijn beëindigd.`);
      });
    });

  program
    .command('orgs')
    .description('Organisaties')
    .command('list')
    .option('--json', 'als JSON')
    .action(async (opts: { json?: boolean }) => {
      await withPlatform(async (p) => {
        const orgs = await organisationsRepository.list(p.deps.db);
        if (opts.json) return out(JSON.stringify(orgs.map((o) => ({ code: o.code, naam: o.naam, soort: o.soort })), null, 2));
        for (const o of orgs) out(`${o.code.padEnd(12)} ${o.soort.padEnd(22)} ${o.naam}`);
      });
    });

  const keys = program.command('api-keys').description('API-sleutels van partnersystemen');
  keys
    .command('add')
    .requiredOption('--org <code>', 'organisatiecode')
    .requiredOption('--scopes <scopes>', `komma-gescheiden: ${API_SCOPES.join(', ')}`)
    .option('--name <naam>', 'omschrijving', 'API-sleutel')
    .action(async (opts: { org: string; scopes: string; name: string }) => {
      const scopes = opts.scopes.split(',').map((s) => s.trim()).filter(Boolean);
      const bad = scopes.filter((s) => !(API_SCOPES as readonly string[]).includes(s));
      if (bad.length || scopes.length === 0) throw new CliError(`Onbekende scope(s): ${bad.join(', ') || '(geen)'}. Kies uit: ${API_SCOPES.join(', ')}`);
      await withPlatform(async (p) => {
        const r = await createApiKeysService(p.deps).create(systemActor('cli'), { naam: opts.name, scopes: scopes as ApiScope[], organisatieCode: opts.org }, cliOrigin);
        out(JSON.stringify({ apiSleutel: presentApiKey(r.apiKey), sleutel: r.key }, null, 2));
        err('Bewaar de sleutel nu: hij wordt niet opnieuw getoond.');
      });
    });
  keys
    .command('list')
    .option('--json', 'als JSON')
    .action(async (opts: { json?: boolean }) => {
      await withPlatform(async (p) => {
        const list = (await createApiKeysService(p.deps).list(systemActor('cli'))).map(presentApiKey);
        if (opts.json) return out(JSON.stringify(list, null, 2));
        for (const k of list) out(`${k.id}  kp_${k.prefix}_…  ${k.organisatie.code.padEnd(8)} ${k.scopes.join(',').padEnd(40)} ${k.ingetrokkenOp ? 'ingetrokken' : `laatst gebruikt: ${k.laatstGebruiktOp ?? 'nooit'}`}  ${k.naam}`);
      });
    });
  keys
    .command('revoke <id>')
    .description('API-sleutel intrekken (id of prefix)')
    .action(async (id: string) => {
      await withPlatform(async (p) => {
        const svc = createApiKeysService(p.deps);
        const match = (await svc.list(systemActor('cli'))).find((k) => k.id === id || k.prefix === id.replace(/^kp_/, '').split('_')[0]);
        if (!match) throw new CliError(`API-sleutel ${id} bestaat niet.`);
        await svc.revoke(systemActor('cli'), match.id, cliOrigin);
        out(`API-sleutel ${match.id} is ingetrokken.`);
      });
    });

  program
    .command('audit')
    .description('Audittrail')
    .command('verify')
    .description('Herbereken de hashketen van de audittrail en noem de eerste gebroken schakel')
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase(config.database);
      try {
        const verdict = await verifyAuditChain(database.db, (done, total) => {
          if (process.stderr.isTTY) process.stderr.write(`\rgecontroleerd: ${done}/${total}`);
        });
        if (process.stderr.isTTY) process.stderr.write('\n');
        if (verdict.ok) {
          out(`Audittrail intact: ${verdict.count} regels, laatste hash ${verdict.head}`);
        } else {
          out(`Audittrail GEBROKEN bij regel ${verdict.brokenAt}: ${verdict.reason} (${verdict.count} regels ervoor zijn intact)`);
          process.exitCode = 3;
        }
      } finally {
        await database.close();
      }
    });

  program
    .command('backup <bestand>')
    .description('Consistente back-up (PGlite en PostgreSQL) naar een gzip-JSON-bestand')
    .action(async (file: string) => {
      const config = loadConfig();
      const database = await openDatabase(config.database);
      try {
        const counts = await backup(database.db, file, (t, n) => err(`  ${t}: ${n} rijen`));
        out(`Back-up geschreven naar ${file}: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}`);
      } finally {
        await database.close();
      }
    });

  program
    .command('restore <bestand>')
    .description('Zet een back-up terug in een lege database (nieuwe datamap of database)')
    .action(async (file: string) => {
      if (!fs.existsSync(file)) throw new CliError(`Bestand ${file} bestaat niet.`);
      const config = loadConfig();
      const database = await openDatabase(config.database);
      try {
        await migrateToLatest(database.db);
        const counts = await restore(database.db, file, (t, n) => err(`  ${t}: ${n} rijen`));
        const verdict = await verifyAuditChain(database.db);
        out(`Teruggezet: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}. Audittrail ${verdict.ok ? `intact (${verdict.count} regels)` : `GEBROKEN bij regel ${verdict.brokenAt}`}.`);
        if (!verdict.ok) process.exitCode = 3;
      } finally {
        await database.close();
      }
    });

  program
    .command('taak <naam>')
    .description('Voer een geplande taak nu één keer uit (bijv. mail-verzenden)')
    .action(async (name: string) => {
      await withPlatform(async (p) => {
        const runner = createJobRunner(p.deps, withPlatformJobs(allJobs(p.deps)), { instanceId: `cli:${instanceId()}` });
        try {
          const result = await runner.runNow(name);
          out(`Taak ${name} uitgevoerd${result ? `: ${JSON.stringify(result)}` : '.'}`);
        } finally {
          await runner.stop();
        }
      });
    });

  const vb = program.command('veiligheidsbeeld').description('Veiligheidsbeeld: cijfers van politie en CBS');
  vb.command('import <bestand>')
    .description('Importeer cijfers (formaat wordt herkend): lange CSV, OData JSON/CSV (politie, CBS), E-codes-CSV, bevolking')
    .addOption(new Option('--formaat <formaat>', 'formaat van het bestand').choices([...FORMATEN]))
    .option('--titel <titel>', 'titel van de dataset')
    .option('--licentie <licentie>', 'licentie (standaard CC BY 4.0 voor open data)')
    .action(async (file: string, opts: { formaat?: Formaat; titel?: string; licentie?: string }) => {
      if (!fs.existsSync(file)) throw new CliError(`Bestand ${file} bestaat niet.`);
      const inhoud = decodeTekst(fs.readFileSync(file));
      await withPlatform(async (p) => {
        const r = await createImportService(p.deps).importeer(systemActor('cli'), { formaat: opts.formaat, bestandsnaam: path.basename(file), inhoud, titel: opts.titel, licentie: opts.licentie }, cliOrigin, voortgangNaarStderr());
        out(
          r.ongewijzigd
            ? `Niets gewijzigd: ${r.waarden.totaal} waarden en ${r.bevolking.totaal} bevolkingscijfers waren al zo opgeslagen (${r.formaat}, ${r.regels} regels).`
            : `Geïmporteerd als dataset ${r.dataset!.id} (${r.formaat}${r.tabel ? `, ${r.tabel}` : ''}, ${r.regels} regels): waarden ${r.waarden.nieuw} nieuw, ${r.waarden.gewijzigd} gewijzigd, ${r.waarden.gelijk} ongewijzigd; bevolking ${r.bevolking.nieuw} nieuw, ${r.bevolking.gewijzigd} gewijzigd, ${r.bevolking.gelijk} ongewijzigd.`,
        );
        if (r.waarden.viaVoorgangers) out(`${r.waarden.viaVoorgangers} waarden zijn uit opgeheven gemeentecodes herleid naar de huidige gemeente.`);
        if (r.overgeslagen) out(`${r.overgeslagen} regels overgeslagen (geen gemeente, kwartaal of geen totaal).`);
      });
    });

  vb.command('controleer')
    .description('Controleer de samenhang: elke waarde heeft indicator, gemeente en dataset; de jaarcijfers kloppen met de waarden')
    .action(async () => {
      await withPlatform(async (p) => {
        const c = await controleerVeiligheidsbeeld(p.deps.db);
        out(`${c.waarden} waarden, ${c.jaarcijfers} jaarcijfers.`);
        const fouten = [
          [c.zonderIndicator, 'waarden zonder indicator'],
          [c.zonderGebied, 'waarden zonder gemeente'],
          [c.zonderDataset, 'waarden zonder dataset'],
          [c.jaarcijfersAfwijkend, 'jaarcijfers die afwijken van de waarden'],
        ] as const;
        for (const [n, wat] of fouten) if (n > 0) err(`${n} ${wat}`);
        if (fouten.some(([n]) => n > 0)) throw new CliError('De veiligheidsbeeldtabellen zijn niet consistent. Importeer het laatste bestand opnieuw of meld dit bij beheer.');
        out('In orde: alle waarden hebben hun indicator, gemeente en dataset, en de jaarcijfers kloppen.');
      });
    });

  vb.command('bijlage')
    .description('Maak de bijlage "de cijfers en grafieken" (per indicator tabel gemeente × jaar met Totaal en grafiek) als PDF of XLSX')
    .option('--van <jaar>', 'eerste jaar (standaard: vijf jaar voor --tot)')
    .option('--tot <jaar>', 'laatste jaar (standaard: het laatste jaar met cijfers)')
    .requiredOption('--uitvoer <bestand>', 'het bestand om te schrijven: .pdf of .xlsx')
    .addOption(new Option('--formaat <formaat>', 'pdf of xlsx (standaard: uit de extensie van --uitvoer)').choices(['pdf', 'xlsx']))
    .action(async (opts: { van?: string; tot?: string; uitvoer: string; formaat?: string }) => {
      const formaat = opts.formaat ?? path.extname(opts.uitvoer).slice(1).toLowerCase();
      if (formaat !== 'pdf' && formaat !== 'xlsx') throw new CliError('Geef --uitvoer met de extensie .pdf of .xlsx, of kies --formaat pdf|xlsx.');
      await withPlatform(async (p) => {
        const start = performance.now();
        const f = await createBijlageService(p.deps).genereer({ van: opts.van, tot: opts.tot, formaat });
        fs.writeFileSync(opts.uitvoer, f.inhoud);
        const tabellen = f.bijlage.velden.reduce((n, v) => n + v.tabellen.length, 0);
        const sec = ((performance.now() - start) / 1000).toFixed(1).replace('.', ',');
        out(`Bijlage ${f.bijlage.van}–${f.bijlage.tot} geschreven naar ${opts.uitvoer}: ${tabellen} tabellen in ${f.bijlage.velden.length} velden, ${f.delen} ${formaat === 'pdf' ? "pagina's" : 'tabbladen'} (${sec} s).`);
      });
    });

  const addOverride = new Option('--data-dir <map>', 'PGlite-datamap (standaard ./data of KNOOPPUNT_DATA_DIR)');
  program.addOption(addOverride);
  program.hook('preAction', (cmd) => {
    const dir = cmd.opts<{ dataDir?: string }>().dataDir;
    if (dir) process.env.KNOOPPUNT_DATA_DIR = dir;
  });
  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (e) {
    err(`Fout: ${describeError(e)}`);
    process.exitCode = e instanceof DataDirLockedError ? 75 : 1;
  }
}
