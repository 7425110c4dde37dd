// SPDX-License-Identifier: EUPL-1.2
// Scheduled jobs, exactly once per period across any number of instances on one database (ADR 0006):
// the period is claimed with a row in `taakuitvoeringen` (unique on taak + periode); only the
// instance whose INSERT … ON CONFLICT DO NOTHING returned a row runs the job.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { PlatformDeps } from '../deps.js';

export type JobSchedule =
  /** Once a day, on the first tick at or after `at` (HH:MM, Europe/Amsterdam). */
  | { kind: 'dagelijks'; at: string }
  /** Once per `everyMs` window of epoch time (period = floor(epoch / everyMs)). */
  | { kind: 'interval'; everyMs: number };

export type JobResult = Record<string, unknown> | void;

export interface JobContext {
  deps: PlatformDeps;
  /** The (injected) time of this run; use it instead of `new Date()`. */
  now: Date;
  log: Logger;
}

export interface JobDefinition {
  /** Unique, stable name (kebab-case, Dutch): the key in `taakuitvoeringen` and for `knooppunt taak <naam>`. */
  name: string;
  schedule: JobSchedule;
  run(ctx: JobContext): Promise<JobResult>;
  /** Optional: release resources (connections) when the runner stops. */
  close?(): Promise<void>;
}

export interface JobRunner {
  /** Starts the timer (unref'ed: it never keeps the process alive). */
  start(): void;
  /** Stops the timer and waits for jobs this instance is running. */
  stop(): Promise<void>;
  /** Claims and runs every due job; resolves with the names of the jobs THIS instance ran. */
  runDue(now?: Date): Promise<string[]>;
  /** Runs one job at once, outside its schedule (recorded as period `handmatig:…`); rethrows its error. */
  runNow(name: string): Promise<JobResult>;
}

export interface JobRunnerOptions {
  /** Identifies this process in `taakuitvoeringen.instantie` (e.g. host:pid). */
  instanceId: string;
  /** Timer period; shortened to the shortest interval job. */
  tickMs?: number;
}

/** A claim left 'bezig' for longer than this belongs to a crashed instance and may be taken over. */
export const STALE_AFTER_MS = 60 * 60 * 1000;
/** Attempts per period (first run plus re-claims after a failure or a crashed instance). */
export const MAX_ATTEMPTS = 3;
/** Finished rows of interval jobs older than this are pruned (daily jobs keep their history). */
const KEEP_INTERVAL_ROWS_MS = 7 * 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
const MAX_ERROR_LENGTH = 2000;
const TIME_ZONE = 'Europe/Amsterdam';

const localParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Local date and time in Europe/Amsterdam: { date: 'YYYY-MM-DD', time: 'HH:MM' }. */
export function amsterdamDateTime(d: Date): { date: string; time: string } {
  const p = Object.fromEntries(localParts.formatToParts(d).map((x) => [x.type, x.value])) as Record<string, string>;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** The period key that is due at `now`, or null when a daily job's time has not come yet today. */
export function periodKey(schedule: JobSchedule, now: Date): string | null {
  if (schedule.kind === 'interval') return String(Math.floor(now.getTime() / schedule.everyMs));
  const { date, time } = amsterdamDateTime(now);
  return time >= schedule.at ? date : null;
}

function validate(jobs: JobDefinition[]): void {
  const seen = new Set<string>();
  for (const job of jobs) {
    if (seen.has(job.name)) throw new Error(`taak ${job.name} is dubbel geregistreerd`);
    seen.add(job.name);
    if (job.schedule.kind === 'dagelijks' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(job.schedule.at)) {
      throw new Error(`taak ${job.name}: tijdstip moet HH:MM zijn, niet "${job.schedule.at}"`);
    }
    if (job.schedule.kind === 'interval' && !(Number.isInteger(job.schedule.everyMs) && job.schedule.everyMs >= 1000)) {
      throw new Error(`taak ${job.name}: interval moet een geheel aantal milliseconden ≥ 1000 zijn`);
    }
  }
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

export function createJobRunner(deps: PlatformDeps, jobs: JobDefinition[], opts: JobRunnerOptions): JobRunner {
  validate(jobs);
  const { db } = deps;
  const byName = new Map(jobs.map((j) => [j.name, j]));
  const running = new Set<string>(); // jobs this instance is running now
  const inFlight = new Set<Promise<unknown>>();
  const lastPrune = new Map<string, number>();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let stopping: Promise<void> | null = null;

  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p)).catch(() => undefined);
    return p;
  };

  /** Claims (taak, periode) for this instance; returns the attempt number, or null if another instance has it. */
  async function claim(name: string, period: string, now: Date): Promise<number | null> {
    const inserted = await db
      .insertInto('taakuitvoeringen')
      .values({ taak: name, periode: period, status: 'bezig', instantie: opts.instanceId, pogingen: 1, gestart_op: now })
      .onConflict((oc) => oc.columns(['taak', 'periode']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return 1;
    // Re-claim, atomically: one conditional UPDATE, so of two racing instances only one matches
    // (PostgreSQL re-evaluates the WHERE on the row version the first one committed).
    const staleBefore = new Date(now.getTime() - STALE_AFTER_MS);
    const reclaimed = await db
      .updateTable('taakuitvoeringen')
      .set({ status: 'bezig', instantie: opts.instanceId, pogingen: sql<number>`pogingen + 1`, gestart_op: now, voltooid_op: null, resultaat: null, fout: null })
      .where('taak', '=', name)
      .where('periode', '=', period)
      .where('pogingen', '<', MAX_ATTEMPTS)
      .where((eb) => eb.or([eb('status', '=', 'mislukt'), eb.and([eb('status', '=', 'bezig'), eb('gestart_op', '<', staleBefore)])]))
      .returning('pogingen')
      .executeTakeFirst();
    return reclaimed ? reclaimed.pogingen : null;
  }

  async function execute(job: JobDefinition, period: string, attempt: number, now: Date): Promise<JobResult> {
    const log = deps.log.child({ taak: job.name, periode: period });
    const started = performance.now();
    try {
      const result = await job.run({ deps, now, log });
      await db
        .updateTable('taakuitvoeringen')
        .set({ status: 'voltooid', voltooid_op: deps.clock.now(), resultaat: result ? JSON.stringify(result) : null, fout: null })
        .where('taak', '=', job.name)
        .where('periode', '=', period)
        .where('instantie', '=', opts.instanceId)
        .where('pogingen', '=', attempt)
        .execute();
      // Interval jobs (the mail sender every 15 s) would flood the log at info.
      log[job.schedule.kind === 'interval' ? 'debug' : 'info']({ poging: attempt, duurMs: Math.round(performance.now() - started) }, 'taak voltooid');
      return result;
    } catch (err) {
      log.error({ err, poging: attempt }, 'taak mislukt');
      await db
        .updateTable('taakuitvoeringen')
        .set({ status: 'mislukt', voltooid_op: deps.clock.now(), fout: errorText(err) })
        .where('taak', '=', job.name)
        .where('periode', '=', period)
        .where('instantie', '=', opts.instanceId)
        .where('pogingen', '=', attempt)
        .execute()
        .catch((e: unknown) => log.error({ err: e }, 'taakresultaat vastleggen mislukt'));
      throw err;
    }
  }

  async function prune(job: JobDefinition, now: Date): Promise<void> {
    if (job.schedule.kind !== 'interval') return;
    const last = lastPrune.get(job.name) ?? 0;
    if (now.getTime() - last < PRUNE_EVERY_MS) return;
    lastPrune.set(job.name, now.getTime());
    await db
      .deleteFrom('taakuitvoeringen')
      .where('taak', '=', job.name)
      .where('status', 'in', ['voltooid', 'mislukt'])
      .where('gestart_op', '<', new Date(now.getTime() - KEEP_INTERVAL_ROWS_MS))
      .where('periode', 'not like', 'handmatig:%')
      .execute();
  }

  /** Claims and runs one job if due; true when this instance ran it. Never throws. */
  async function runIfDue(job: JobDefinition, now: Date): Promise<boolean> {
    if (stopped || running.has(job.name)) return false;
    const period = periodKey(job.schedule, now);
    if (period === null) return false;
    running.add(job.name);
    try {
      const attempt = await claim(job.name, period, now);
      if (attempt === null) return false;
      await execute(job, period, attempt, now).catch(() => undefined); // logged and recorded in execute
      await prune(job, now).catch((err: unknown) => deps.log.warn({ err, taak: job.name }, 'oude taakuitvoeringen opruimen mislukt'));
      return true;
    } catch (err) {
      deps.log.error({ err, taak: job.name }, 'taak claimen mislukt');
      return false;
    } finally {
      running.delete(job.name);
    }
  }

  function runDue(now: Date = deps.clock.now()): Promise<string[]> {
    return track(
      (async () => {
        const ran = await Promise.all(jobs.map((job) => runIfDue(job, now)));
        return jobs.filter((_, i) => ran[i]).map((j) => j.name);
      })(),
    );
  }

  const shortestInterval = Math.min(...jobs.map((j) => (j.schedule.kind === 'interval' ? j.schedule.everyMs : Infinity)));
  const tickMs = Math.max(1000, Math.min(opts.tickMs ?? 30_000, shortestInterval));

  return {
    start() {
      if (timer || stopped) return;
      const tick = () => {
        // Not awaited: a long job must not delay the others; runIfDue skips a job still running here.
        runDue().catch((err: unknown) => deps.log.error({ err }, 'taken uitvoeren mislukt'));
      };
      timer = setInterval(tick, tickMs);
      timer.unref();
      const first = setTimeout(tick, 0);
      first.unref();
    },
    stop() {
      stopping ??= (async () => {
        stopped = true;
        if (timer) clearInterval(timer);
        timer = null;
        while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
        for (const job of jobs) await job.close?.().catch((err: unknown) => deps.log.warn({ err, taak: job.name }, 'taak afsluiten mislukt'));
      })();
      return stopping;
    },
    runDue,
    runNow(name: string) {
      const job = byName.get(name);
      if (!job) return Promise.reject(new Error(`Onbekende taak "${name}". Bekende taken: ${[...byName.keys()].join(', ') || '(geen)'}`));
      if (stopped) return Promise.reject(new Error('De takenplanner is gestopt.'));
      return track(
        (async () => {
          const now = deps.clock.now();
          const period = `handmatig:${now.toISOString()}:${crypto.randomUUID().slice(0, 8)}`;
          await db.insertInto('taakuitvoeringen').values({ taak: name, periode: period, status: 'bezig', instantie: opts.instanceId, pogingen: 1, gestart_op: now }).execute();
          return execute(job, period, 1, now);
        })(),
      );
    },
  };
}
