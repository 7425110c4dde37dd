// SPDX-License-Identifier: EUPL-1.2
// The job runner: two instances on one database (PGlite: one process; PostgreSQL: two connection
// pools racing) claim every period exactly once; stale and failed runs are re-claimed at most up to
// three attempts; errors are logged and recorded, never thrown out of the runner.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createJobRunner, periodKey, STALE_AFTER_MS, type JobDefinition, type JobRunner } from '../src/platform/jobs/runner.js';
import { openTwoInstances, type Instances } from './two-instances.js';

const ENGINE = process.env.DATABASE_URL ? 'postgres' : 'pglite';

describe(`geplande taken (${ENGINE})`, () => {
  let t: Instances;
  beforeAll(async () => {
    t = await openTwoInstances();
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    await t.a.db.deleteFrom('taakuitvoeringen').execute();
  });

  const rowsOf = (taak: string) => t.a.db.selectFrom('taakuitvoeringen').selectAll().where('taak', '=', taak).orderBy('periode').execute();

  it('berekent de periode: dagelijks op lokale tijd (Europe/Amsterdam), interval op epoch', () => {
    const daily = { kind: 'dagelijks', at: '02:00' } as const;
    // Summer time (UTC+2): 23:30 UTC on 1 July is 01:30 on 2 July in Amsterdam — not yet due.
    expect(periodKey(daily, new Date('2026-07-01T23:30:00Z'))).toBeNull();
    expect(periodKey(daily, new Date('2026-07-02T00:00:00Z'))).toBe('2026-07-02');
    // Winter time (UTC+1).
    expect(periodKey(daily, new Date('2026-12-01T00:59:00Z'))).toBeNull();
    expect(periodKey(daily, new Date('2026-12-01T01:00:00Z'))).toBe('2026-12-01');
    expect(periodKey(daily, new Date('2026-12-01T22:59:00Z'))).toBe('2026-12-01');
    expect(periodKey(daily, new Date('2026-12-01T23:00:00Z'))).toBeNull(); // 00:00 on 2 December
    expect(periodKey({ kind: 'interval', everyMs: 15_000 }, new Date(45_000))).toBe('3');
    expect(periodKey({ kind: 'interval', everyMs: 15_000 }, new Date(59_999))).toBe('3');
  });

  it('twee instanties die tegelijk starten voeren elke periode precies één keer uit (20 races)', async () => {
    const executions = new Map<string, number>();
    const count = (key: string) => executions.set(key, (executions.get(key) ?? 0) + 1);
    const jobs = (): JobDefinition[] => [
      { name: 'race-dagelijks', schedule: { kind: 'dagelijks', at: '02:00' }, run: async ({ now }) => void count(`d:${periodKey({ kind: 'dagelijks', at: '02:00' }, now)}`) },
      {
        name: 'race-interval',
        schedule: { kind: 'interval', everyMs: 60_000 },
        run: async ({ now }) => {
          count(`i:${Math.floor(now.getTime() / 60_000)}`);
          return { ok: true };
        },
      },
    ];
    const a = createJobRunner(t.a, jobs(), { instanceId: 'instantie-a' });
    const b = createJobRunner(t.b, jobs(), { instanceId: 'instantie-b' });
    const start = new Date('2026-12-07T03:00:00Z').getTime();
    const ranBy = { a: 0, b: 0 };
    for (let i = 0; i < 20; i++) {
      const now = new Date(start + i * 24 * 60 * 60 * 1000);
      const [byA, byB] = await Promise.all([a.runDue(now), b.runDue(now)]);
      ranBy.a += byA.length;
      ranBy.b += byB.length;
      // Each job ran on exactly one of the two instances.
      expect([...byA, ...byB].sort()).toEqual(['race-dagelijks', 'race-interval']);
      // Running again in the same period does nothing.
      expect(await Promise.all([a.runDue(now), b.runDue(now)])).toEqual([[], []]);
    }
    expect(executions.size).toBe(40);
    expect([...executions.values()].every((n) => n === 1)).toBe(true);
    expect(ranBy.a + ranBy.b).toBe(40);
    const daily = await rowsOf('race-dagelijks');
    expect(daily).toHaveLength(20);
    expect(daily.every((r) => r.status === 'voltooid' && r.pogingen === 1 && r.voltooid_op !== null)).toBe(true);
    // Interval rows older than a week are pruned (the mail job claims a period every 15 s).
    const interval = await rowsOf('race-interval');
    const last = start + 19 * 24 * 60 * 60 * 1000;
    expect(interval.length).toBeGreaterThanOrEqual(8);
    expect(interval.length).toBeLessThan(20);
    expect(interval.every((r) => r.status === 'voltooid' && last - r.gestart_op.getTime() <= 8 * 24 * 60 * 60 * 1000)).toBe(true);
    expect(interval[0]!.resultaat).toEqual({ ok: true });
    await Promise.all([a.stop(), b.stop()]);
  });

  it('een dagelijkse taak draait niet vóór het tijdstip en daarna één keer per dag', async () => {
    let runs = 0;
    const job: JobDefinition = { name: 'dagelijks-0300', schedule: { kind: 'dagelijks', at: '03:00' }, run: async () => void runs++ };
    const r = createJobRunner(t.a, [job], { instanceId: 'a' });
    expect(await r.runDue(new Date('2026-12-07T01:59:00Z'))).toEqual([]); // 02:59 local
    expect(await r.runDue(new Date('2026-12-07T02:00:00Z'))).toEqual(['dagelijks-0300']);
    expect(await r.runDue(new Date('2026-12-07T22:00:00Z'))).toEqual([]);
    expect(await r.runDue(new Date('2026-12-08T02:30:00Z'))).toEqual(['dagelijks-0300']);
    expect(runs).toBe(2);
    expect((await rowsOf('dagelijks-0300')).map((x) => x.periode)).toEqual(['2026-12-07', '2026-12-08']);
    await r.stop();
  });

  it('een blijven hangende run (gecrasht) wordt na een uur door precies één instantie overgenomen', async () => {
    let runs = 0;
    const jobs = (): JobDefinition[] => [{ name: 'hangend', schedule: { kind: 'dagelijks', at: '02:00' }, run: async () => void runs++ }];
    const a = createJobRunner(t.a, jobs(), { instanceId: 'a' });
    const b = createJobRunner(t.b, jobs(), { instanceId: 'b' });
    const crashedAt = new Date('2026-12-07T05:00:00Z');
    await t.a.db.insertInto('taakuitvoeringen').values({ taak: 'hangend', periode: '2026-12-07', status: 'bezig', instantie: 'gecrasht', pogingen: 1, gestart_op: crashedAt }).execute();

    // Within the hour: still considered running elsewhere.
    const soon = new Date(crashedAt.getTime() + STALE_AFTER_MS - 60_000);
    expect(await Promise.all([a.runDue(soon), b.runDue(soon)])).toEqual([[], []]);
    expect(runs).toBe(0);

    const later = new Date(crashedAt.getTime() + STALE_AFTER_MS + 60_000);
    const [byA, byB] = await Promise.all([a.runDue(later), b.runDue(later)]);
    expect([...byA, ...byB]).toEqual(['hangend']);
    expect(runs).toBe(1);
    const [row] = await rowsOf('hangend');
    expect(row).toMatchObject({ status: 'voltooid', pogingen: 2 });
    expect(['a', 'b']).toContain(row!.instantie);

    const evenLater = new Date(later.getTime() + 2 * STALE_AFTER_MS);
    expect(await Promise.all([a.runDue(evenLater), b.runDue(evenLater)])).toEqual([[], []]);
    expect(runs).toBe(1);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('een mislukte taak wordt hoogstens drie keer geprobeerd; de fout wordt vastgelegd en gelogd, niet gegooid', async () => {
    let runs = 0;
    const jobs = (): JobDefinition[] => [
      {
        name: 'faalt-altijd',
        schedule: { kind: 'dagelijks', at: '02:00' },
        run: async () => {
          runs++;
          throw new Error(`kapot ${runs}`);
        },
      },
    ];
    const a = createJobRunner(t.a, jobs(), { instanceId: 'a' });
    const b = createJobRunner(t.b, jobs(), { instanceId: 'b' });
    const start = new Date('2026-12-07T06:00:00Z').getTime();
    for (let i = 0; i < 6; i++) {
      const now = new Date(start + i * 60_000);
      await Promise.all([a.runDue(now), b.runDue(now)]);
    }
    expect(runs).toBe(3);
    const [row] = await rowsOf('faalt-altijd');
    expect(row).toMatchObject({ status: 'mislukt', pogingen: 3, fout: 'Error: kapot 3' });
    expect(t.logs.filter((l) => l.includes('"taak mislukt"') && l.includes('faalt-altijd'))).toHaveLength(3);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('een taak die eerst mislukt en daarna slaagt, staat als voltooid met zijn resultaat', async () => {
    let runs = 0;
    const job: JobDefinition = {
      name: 'tweede-keer-goed',
      schedule: { kind: 'interval', everyMs: 3_600_000 },
      run: async () => {
        if (++runs === 1) throw new Error('tijdelijk');
        return { verwerkt: 7 };
      },
    };
    const r = createJobRunner(t.a, [job], { instanceId: 'a' });
    const now = new Date('2026-12-07T10:00:00Z');
    expect(await r.runDue(now)).toEqual(['tweede-keer-goed']);
    expect(await r.runDue(new Date(now.getTime() + 30_000))).toEqual(['tweede-keer-goed']);
    expect(await r.runDue(new Date(now.getTime() + 60_000))).toEqual([]);
    const [row] = await rowsOf('tweede-keer-goed');
    expect(row).toMatchObject({ status: 'voltooid', pogingen: 2, fout: null, resultaat: { verwerkt: 7 } });
    await r.stop();
  });

  it('runNow voert een taak direct uit en legt dat vast; een onbekende taak wordt geweigerd', async () => {
    let runs = 0;
    const jobs: JobDefinition[] = [
      { name: 'handmatig', schedule: { kind: 'dagelijks', at: '23:59' }, run: async () => ({ runs: ++runs }) },
      {
        name: 'handmatig-fout',
        schedule: { kind: 'dagelijks', at: '23:59' },
        run: async () => {
          throw new Error('mis');
        },
      },
    ];
    const r = createJobRunner(t.a, jobs, { instanceId: 'cli' });
    expect(await r.runNow('handmatig')).toEqual({ runs: 1 });
    expect(await r.runNow('handmatig')).toEqual({ runs: 2 });
    const rows = await rowsOf('handmatig');
    expect(rows).toHaveLength(2);
    expect(rows.every((x) => x.periode.startsWith('handmatig:') && x.status === 'voltooid')).toBe(true);
    await expect(r.runNow('handmatig-fout')).rejects.toThrow('mis');
    expect((await rowsOf('handmatig-fout'))[0]).toMatchObject({ status: 'mislukt', fout: 'Error: mis' });
    await expect(r.runNow('bestaat-niet')).rejects.toThrow(/Onbekende taak "bestaat-niet"/);
    await r.stop();
  });

  it('weigert dubbele namen en ongeldige schema’s', () => {
    const noop = async () => undefined;
    expect(() => createJobRunner(t.a, [{ name: 'x', schedule: { kind: 'interval', everyMs: 5000 }, run: noop }, { name: 'x', schedule: { kind: 'interval', everyMs: 5000 }, run: noop }], { instanceId: 'a' })).toThrow(/dubbel/);
    expect(() => createJobRunner(t.a, [{ name: 'y', schedule: { kind: 'dagelijks', at: '24:00' }, run: noop }], { instanceId: 'a' })).toThrow(/HH:MM/);
    expect(() => createJobRunner(t.a, [{ name: 'z', schedule: { kind: 'interval', everyMs: 10 }, run: noop }], { instanceId: 'a' })).toThrow(/interval/);
  });

  it('start() draait direct een eerste ronde; stop() wacht op de lopende taak en start daarna niets meer', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    let finished = 0;
    const job: JobDefinition = {
      name: 'traag',
      schedule: { kind: 'interval', everyMs: 60_000 },
      run: async () => {
        started++;
        await gate;
        finished++;
      },
    };
    const r: JobRunner = createJobRunner(t.a, [job], { instanceId: 'a', tickMs: 1000 });
    r.start();
    for (let i = 0; i < 200 && started === 0; i++) await new Promise((res) => setTimeout(res, 5));
    expect(started).toBe(1);
    let stopped = false;
    const stopping = r.stop().then(() => (stopped = true));
    await new Promise((res) => setTimeout(res, 20));
    expect(stopped).toBe(false); // still waiting for the running job
    release();
    await stopping;
    expect(finished).toBe(1);
    expect((await rowsOf('traag'))[0]).toMatchObject({ status: 'voltooid' });
    expect(await r.runDue(new Date('2030-01-01T00:00:00Z'))).toEqual([]); // stopped: nothing runs
  });
});
