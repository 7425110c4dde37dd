// SPDX-License-Identifier: EUPL-1.2
// Retention of meldingen (both engines), with the injected clock: terms come from the category
// configuration and start at closing; an ondermijning melding closed without follow-up is deleted
// after 6 months (row, timeline, messages, attachments and their files), leaving only a
// content-free statistics stub and a deletion-log line; an overlast melding loses the reporter's
// contact details after 12 months and is deleted after 5 years. The receipt code of a deleted
// melding answers exactly like a code that never existed. The FG exports the deletion log as CSV.
// Retention is idempotent, and with two instances on one database the job runs once per period
// and every melding is deleted (and logged) exactly once.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../src/platform/db/schema.js';
import type { PlatformDeps } from '../src/platform/deps.js';
import { PLATFORM_ORG_CODE, seedBaseData } from '../src/platform/identity/seed.js';
import { createJobRunner } from '../src/platform/jobs/runner.js';
import { createIntakeService } from '../src/modules/meldingen/intake.service.js';
import { RETENTION_JOB, retentionJob, runRetention } from '../src/modules/meldingen/retention.js';
import { createTestPlatform, createUser, login, type LoggedIn, type TestPlatform, type TestUser } from './helpers.js';
import { DRUTEN_ONDERMIJNING, multipart, solvedAltcha, tinyPng, WIJCHEN_OVERLAST } from './meldingen-helpers.js';
import { openTwoInstances, type Instances } from './two-instances.js';

const ENGINE = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const DAY = 86_400_000;
const HENNEP = 'drugs-productie.hennepteelt';

function addMonthsUtc(d: Date, months: number): Date {
  const r = new Date(d);
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}


/** Every row of every table of the public schema as text, keyed by table. */
async function dumpTables(db: Kysely<DB>): Promise<Record<string, string>> {
  const { rows: tables } = await sql<{ t: string }>`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`.execute(db);
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const { rows } = await sql<{ r: string }>`SELECT x::text AS r FROM ${sql.table(t)} AS x`.execute(db);
    out[t] = rows.map((r) => r.r).join('\n');
  }
  return out;
}

const tablesContaining = async (db: Kysely<DB>, needle: string) =>
  Object.entries(await dumpTables(db))
    .filter(([, text]) => text.includes(needle))
    .map(([table]) => table);

/** The problem document without the per-request fields. */
function problemShape(body: Record<string, unknown>) {
  const { correlationId, ...rest } = body;
  expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
  return rest;
}

const randomCode = () => Array.from({ length: 20 }, () => crypto.randomInt(10)).join('');

describe(`bewaartermijnen van meldingen (${ENGINE})`, () => {
  let t: TestPlatform;
  let hubUser: TestUser;
  let fgPlatform: TestUser;
  let fgWijchen: TestUser;
  const deleted: { referentie: string; omschrijving: string }[] = [];
  let overlast: { referentie: string; omschrijving: string; email: string } | null = null;

  beforeAll(async () => {
    t = await createTestPlatform();
    t.clock.set(new Date('2026-03-02T08:00:00Z'));
    hubUser = await createUser(t, ['knooppuntmedewerker'], PLATFORM_ORG_CODE);
    fgPlatform = await createUser(t, ['privacy-officer'], PLATFORM_ORG_CODE);
    fgWijchen = await createUser(t, ['privacy-officer'], 'GM0296');
  });
  afterAll(async () => t?.close());

  const run = () => runRetention(t.deps, t.clock.now());
  const at = (d: Date) => t.clock.set(d);
  const meldingRow = (id: string) => t.deps.db.selectFrom('meldingen').selectAll().where('id', '=', id).executeTakeFirst();
  const countWhere = async (table: 'melding_gebeurtenissen' | 'melding_berichten' | 'melding_bijlagen', id: string) =>
    Number((await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).where('melding_id', '=', id).executeTakeFirstOrThrow()).n);
  const logRows = (referentie: string) => t.deps.db.selectFrom('melding_verwijderlog').selectAll().where('referentie', '=', referentie).orderBy('uitgevoerd_op').execute();
  const lookup = (ontvangstcode: string) => t.app.inject({ method: 'POST', url: '/api/v1/meldingen/status-opvragen', payload: { ontvangstcode } });

  async function transition(hub: LoggedIn, id: string, body: Record<string, unknown>) {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/meldingen/${id}/statuswijzigingen`, headers: hub.headers, payload: body });
    expect(res.statusCode, res.body).toBe(204);
  }

  /** Closes a melding the way staff does: in behandeling, then afgehandeld without follow-up. */
  async function close(id: string, berichtAanMelder?: string) {
    const hub = await login(t, hubUser);
    await transition(hub, id, { status: 'in-behandeling' });
    await transition(hub, id, { status: 'afgehandeld', reden: 'Geen aanleiding voor vervolg', ...(berichtAanMelder ? { berichtAanMelder } : {}) });
    return (await meldingRow(id))!;
  }

  async function submitOndermijning(marker: string, withFile = false) {
    const omschrijving = `${DRUTEN_ONDERMIJNING.omschrijving} Kenmerk ${marker}.`;
    const mp = multipart({ melding: JSON.stringify({ ...DRUTEN_ONDERMIJNING, omschrijving }), altcha: await solvedAltcha(t) }, withFile ? [{ name: 'bijlagen', filename: 'loods.png', type: 'image/png', data: tinyPng() }] : []);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen', headers: mp.headers, payload: mp.payload });
    expect(res.statusCode, res.body).toBe(201);
    return { ...(res.json() as { id: string; referentie: string; ontvangstcode: string }), omschrijving };
  }

  it('verwijdert een ondermijningsmelding zonder vervolg 6 maanden na afsluiten: rij, tijdlijn, berichten, bijlagen en bestanden; houdt alleen een inhoudsloze telling en het verwijderlog', async () => {
    at(new Date('2026-03-02T09:00:00Z'));
    const marker = `OND-${crypto.randomBytes(4).toString('hex')}`;
    const m = await submitOndermijning(marker, true);
    // The reporter adds information with a second photo, staff sends a message.
    const reactie = multipart({ ontvangstcode: m.ontvangstcode, tekst: `Ook 's nachts licht. ${marker}-REACTIE` }, [{ name: 'bijlagen', filename: 'licht.png', type: 'image/png', data: tinyPng() }]);
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen/reacties', headers: reactie.headers, payload: reactie.payload });
    expect(r.statusCode, r.body).toBe(201);
    const hub = await login(t, hubUser);
    const msg = await t.app.inject({ method: 'POST', url: `/api/v1/meldingen/${m.id}/berichten`, headers: hub.headers, payload: { tekst: `Dank voor de aanvulling. ${marker}-BERICHT` } });
    expect(msg.statusCode, msg.body).toBe(201);

    const row = await close(m.id);
    expect(row).toMatchObject({ status: 'afgehandeld', uitkomst: 'afgehandeld', contact_versleuteld: null, contact_wissen_op: null });
    const closedAt = new Date(row.afgesloten_op!);
    // The term of the category (ondermijning without follow-up: 6 months), counted from closing.
    expect(new Date(row.bewaren_tot!)).toEqual(addMonthsUtc(closedAt, 6));
    const keys = (await t.deps.db.selectFrom('melding_bijlagen').select('opslag_sleutel').where('melding_id', '=', m.id).execute()).map((k) => k.opslag_sleutel);
    expect(keys).toHaveLength(2);
    for (const k of keys) expect(fs.existsSync(path.join(t.deps.config.filesDir, k)), k).toBe(true);
    expect(await countWhere('melding_gebeurtenissen', m.id)).toBeGreaterThanOrEqual(3);
    expect(await countWhere('melding_berichten', m.id)).toBe(2);

    // One day before the term: nothing happens.
    at(new Date(new Date(row.bewaren_tot!).getTime() - DAY));
    expect(await run()).toEqual({ contactgegevensGewist: 0, verwijderd: 0, bestandenVerwijderd: 0 });
    expect(await meldingRow(m.id)).toBeDefined();
    expect((await lookup(m.ontvangstcode)).statusCode).toBe(200);

    // Just after the term: gone, with everything that belongs to it.
    at(new Date(new Date(row.bewaren_tot!).getTime() + 60_000));
    const now = t.clock.now();
    expect(await run()).toEqual({ contactgegevensGewist: 0, verwijderd: 1, bestandenVerwijderd: 2 });
    expect(await meldingRow(m.id)).toBeUndefined();
    expect(await countWhere('melding_gebeurtenissen', m.id)).toBe(0);
    expect(await countWhere('melding_berichten', m.id)).toBe(0);
    expect(await countWhere('melding_bijlagen', m.id)).toBe(0);
    for (const k of keys) expect(fs.existsSync(path.join(t.deps.config.filesDir, k)), k).toBe(false);
    expect(fs.readdirSync(t.deps.config.filesDir, { recursive: true }).filter((f) => /[0-9a-f-]{36}/.test(String(f)))).toEqual([]);

    // A content-free statistics stub: category, gemeente, month, outcome — nothing else.
    const stats = await t.deps.db.selectFrom('melding_statistiek').selectAll().execute();
    expect(stats).toHaveLength(1);
    expect(Object.keys(stats[0]!).sort()).toEqual(['categorie_id', 'gemeente_code', 'id', 'kanaal', 'maand', 'uitkomst']);
    expect(stats[0]).toMatchObject({ kanaal: 'ondermijning', categorie_id: HENNEP, gemeente_code: 'GM0225', maand: '2026-03', uitkomst: 'afgehandeld' });

    // One line in the deletion log, with the reference and the dates, without content.
    const log = await logRows(m.referentie);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ handeling: 'verwijderd', kanaal: 'ondermijning', categorie_id: HENNEP, bijlagen_verwijderd: 2, grondslag: 'Bewaartermijn verstreken (afgesloten zonder vervolg)' });
    expect(new Date(log[0]!.afgesloten_op!)).toEqual(closedAt);
    expect(new Date(log[0]!.termijn_verstreken_op)).toEqual(new Date(row.bewaren_tot!));
    expect(new Date(log[0]!.uitgevoerd_op)).toEqual(now);

    // No trace of the content anywhere in the database; the reference only in the deletion log.
    expect(await tablesContaining(t.deps.db, marker)).toEqual([]);
    expect(await tablesContaining(t.deps.db, m.referentie)).toEqual(['melding_verwijderlog']);

    // The receipt code now answers exactly like a code that never existed.
    const known = await lookup(m.ontvangstcode);
    const never = await lookup(randomCode());
    expect(known.statusCode).toBe(404);
    expect(never.statusCode).toBe(404);
    expect(problemShape(known.json())).toEqual(problemShape(never.json()));
    const replyKnown = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen/reacties', payload: { ontvangstcode: m.ontvangstcode, tekst: 'Nog iets' } });
    const replyNever = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen/reacties', payload: { ontvangstcode: randomCode(), tekst: 'Nog iets' } });
    expect(replyKnown.statusCode).toBe(404);
    expect(problemShape(replyKnown.json())).toEqual(problemShape(replyNever.json()));

    // Idempotent: a second run (same moment, or later) changes nothing.
    expect(await run()).toEqual({ contactgegevensGewist: 0, verwijderd: 0, bestandenVerwijderd: 0 });
    at(new Date(now.getTime() + 7 * DAY));
    expect(await run()).toEqual({ contactgegevensGewist: 0, verwijderd: 0, bestandenVerwijderd: 0 });
    expect(await logRows(m.referentie)).toHaveLength(1);
    expect(await t.deps.db.selectFrom('melding_statistiek').selectAll().execute()).toHaveLength(1);
    deleted.push({ referentie: m.referentie, omschrijving: m.omschrijving });
  });

  it('wist de contactgegevens van een overlastmelding 12 maanden na afsluiten en verwijdert haar na 5 jaar', async () => {
    at(new Date('2027-01-04T09:00:00Z'));
    const marker = `OVL-${crypto.randomBytes(4).toString('hex')}`;
    const email = `melder.${marker.toLowerCase()}@example.nl`;
    const omschrijving = `${WIJCHEN_OVERLAST.omschrijving} Kenmerk ${marker}.`;
    const altcha = await solvedAltcha(t);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: { ...WIJCHEN_OVERLAST, omschrijving, contact: { naam: 'Bea Melder', email, telefoon: '0612345678', updatesPerMail: true }, altcha } });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json() as { id: string; referentie: string; ontvangstcode: string };
    const row = await close(m.id, 'Het jongerenwerk spreekt de groep aan.');
    const closedAt = new Date(row.afgesloten_op!);
    expect(row.contact_versleuteld).not.toBeNull();
    expect(row.updates_per_mail).toBe(true);
    expect(new Date(row.contact_wissen_op!)).toEqual(addMonthsUtc(closedAt, 12));
    expect(new Date(row.bewaren_tot!)).toEqual(addMonthsUtc(closedAt, 60));

    at(new Date(new Date(row.contact_wissen_op!).getTime() - DAY));
    expect(await run()).toEqual({ contactgegevensGewist: 0, verwijderd: 0, bestandenVerwijderd: 0 });
    expect((await meldingRow(m.id))!.contact_versleuteld).not.toBeNull();

    at(new Date(new Date(row.contact_wissen_op!).getTime() + 60_000));
    expect(await run()).toEqual({ contactgegevensGewist: 1, verwijderd: 0, bestandenVerwijderd: 0 });
    const wiped = (await meldingRow(m.id))!;
    expect(wiped).toMatchObject({ contact_versleuteld: null, updates_per_mail: false, contact_wissen_op: null, status: 'afgehandeld' });
    expect(new Date(wiped.bewaren_tot!)).toEqual(new Date(row.bewaren_tot!));
    const events = await t.deps.db.selectFrom('melding_gebeurtenissen').selectAll().where('melding_id', '=', m.id).where('soort', '=', 'bewaartermijn').execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_soort: 'systeem', reden: 'Contactgegevens van de melder gewist (bewaartermijn verstreken)' });
    let log = await logRows(m.referentie);
    expect(log.map((l) => l.handeling)).toEqual(['contactgegevens-gewist']);
    expect(new Date(log[0]!.termijn_verstreken_op)).toEqual(new Date(row.contact_wissen_op!));
    // The melding itself is still there and reachable with the receipt code.
    const view = await lookup(m.ontvangstcode);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ referentie: m.referentie, status: 'afgehandeld' });
    // Staff see no contact details any more.
    const hub = await login(t, hubUser);
    const contact = await t.app.inject({ method: 'POST', url: `/api/v1/meldingen/${m.id}/contactgegevens-inzage`, headers: hub.headers, payload: { reden: 'Controle na bewaartermijn' } });
    expect(contact.body).not.toContain(email);

    // Idempotent.
    expect(await run()).toEqual({ contactgegevensGewist: 0, verwijderd: 0, bestandenVerwijderd: 0 });
    expect(await logRows(m.referentie)).toHaveLength(1);

    at(new Date(new Date(row.bewaren_tot!).getTime() - DAY));
    expect(await run()).toEqual({ contactgegevensGewist: 0, verwijderd: 0, bestandenVerwijderd: 0 });
    expect(await meldingRow(m.id)).toBeDefined();
    at(new Date(new Date(row.bewaren_tot!).getTime() + 60_000));
    expect(await run()).toEqual({ contactgegevensGewist: 0, verwijderd: 1, bestandenVerwijderd: 0 });
    expect(await meldingRow(m.id)).toBeUndefined();
    log = await logRows(m.referentie);
    expect(log.map((l) => l.handeling)).toEqual(['contactgegevens-gewist', 'verwijderd']);
    expect(await t.deps.db.selectFrom('melding_statistiek').selectAll().where('kanaal', '=', 'overlast').execute()).toEqual([
      expect.objectContaining({ categorie_id: WIJCHEN_OVERLAST.categorie, gemeente_code: 'GM0296', maand: '2027-01', uitkomst: 'afgehandeld' }),
    ]);
    expect(await tablesContaining(t.deps.db, marker)).toEqual([]);
    expect((await lookup(m.ontvangstcode)).statusCode).toBe(404);
    expect(await run()).toEqual({ contactgegevensGewist: 0, verwijderd: 0, bestandenVerwijderd: 0 });
    overlast = { referentie: m.referentie, omschrijving, email };
    deleted.push({ referentie: m.referentie, omschrijving });
  });

  it('neemt de termijnen uit de categorieconfiguratie: een gewijzigde termijn geldt voor meldingen die daarna worden afgesloten', async () => {
    const original = (await t.deps.db.selectFrom('meldingcategorieen').select('bewaartermijnen').where('id', '=', HENNEP).executeTakeFirstOrThrow()).bewaartermijnen;
    const parsed = (typeof original === 'string' ? JSON.parse(original) : original) as Record<string, number>;
    expect(parsed).toMatchObject({ verwijderenZonderVervolgNaMaanden: 6 });
    try {
      at(new Date('2032-06-01T09:00:00Z'));
      const a = await submitOndermijning(`CFG-A-${crypto.randomBytes(3).toString('hex')}`);
      const rowA = await close(a.id);
      expect(new Date(rowA.bewaren_tot!)).toEqual(addMonthsUtc(new Date(rowA.afgesloten_op!), 6));

      // The functioneel beheerder shortens the term for this category to 2 months.
      await t.deps.db
        .updateTable('meldingcategorieen')
        .set({ bewaartermijnen: JSON.stringify({ ...parsed, verwijderenZonderVervolgNaMaanden: 2 }) })
        .where('id', '=', HENNEP)
        .execute();
      const b = await submitOndermijning(`CFG-B-${crypto.randomBytes(3).toString('hex')}`);
      const rowB = await close(b.id);
      expect(new Date(rowB.bewaren_tot!)).toEqual(addMonthsUtc(new Date(rowB.afgesloten_op!), 2));

      // After 2 months and a day: B (closed under the new term) is gone, A (closed before) is not.
      at(new Date(new Date(rowB.bewaren_tot!).getTime() + DAY));
      expect(await run()).toEqual({ contactgegevensGewist: 0, verwijderd: 1, bestandenVerwijderd: 0 });
      expect(await meldingRow(b.id)).toBeUndefined();
      expect(await meldingRow(a.id)).toBeDefined();
      expect((await lookup(b.ontvangstcode)).statusCode).toBe(404);
      expect((await lookup(a.ontvangstcode)).statusCode).toBe(200);
      at(new Date(new Date(rowA.bewaren_tot!).getTime() + DAY));
      expect(await run()).toEqual({ contactgegevensGewist: 0, verwijderd: 1, bestandenVerwijderd: 0 });
      expect(await meldingRow(a.id)).toBeUndefined();
      expect((await logRows(a.referentie)).map((l) => l.handeling)).toEqual(['verwijderd']);
      expect((await logRows(b.referentie)).map((l) => l.handeling)).toEqual(['verwijderd']);
      deleted.push({ referentie: a.referentie, omschrijving: a.omschrijving }, { referentie: b.referentie, omschrijving: b.omschrijving });
    } finally {
      await t.deps.db.updateTable('meldingcategorieen').set({ bewaartermijnen: JSON.stringify(parsed) }).where('id', '=', HENNEP).execute();
    }
  });

  it('de FG exporteert het verwijderlog als CSV: kopregel, een regel per handeling met de referentie, geen inhoud', async () => {
    expect(deleted.length).toBeGreaterThanOrEqual(4); // filled by the tests above
    at(new Date(t.clock.now().getTime() + DAY));
    const fg = await login(t, fgPlatform);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/meldingen-verwijderlog?formaat=csv', headers: { cookie: fg.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.headers['cache-control']).toContain('no-store');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const lines = res.body.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('referentie;organisatie;kanaal;categorie;handeling;grondslag;afgeslotenOp;termijnVerstrekenOp;uitgevoerdOp;bijlagenVerwijderd');
    const rows = lines.slice(1).map((l) => l.split(';'));
    expect(rows).toHaveLength(deleted.length + 1); // + the contact erasure of the overlast melding
    const first = rows.find((r) => r[0] === deleted[0]!.referentie)!;
    expect(first).toBeDefined();
    expect(first.slice(0, 5)).toEqual([deleted[0]!.referentie, 'GM0225', 'ondermijning', HENNEP, 'verwijderd']);
    expect(first[9]).toBe('2');
    expect(rows.filter((r) => r[0] === overlast!.referentie).map((r) => r[4])).toEqual(['contactgegevens-gewist', 'verwijderd']);
    for (const d of deleted) expect(res.body).not.toContain(d.omschrijving.slice(-20));
    expect(res.body).not.toContain(overlast!.email);
    expect(res.body).not.toContain('jongeren');

    // The export itself is audited.
    const audit = await t.deps.db.selectFrom('audit_regels').selectAll().where('actie', '=', 'verwijderlog.geexporteerd').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ aantal: deleted.length + 1, formaat: 'csv' });

    // A gemeente's FG sees only her own gemeente; the hub may not export.
    const fgW = await login(t, fgWijchen);
    const own = await t.app.inject({ method: 'GET', url: '/api/v1/meldingen-verwijderlog?formaat=csv', headers: { cookie: fgW.cookie } });
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain(overlast!.referentie);
    expect(own.body).not.toContain(deleted[0]!.referentie);
    const json = await t.app.inject({ method: 'GET', url: '/api/v1/meldingen-verwijderlog', headers: { cookie: fgW.cookie } });
    expect((json.json() as { regels: { referentie: string }[] }).regels.map((r) => r.referentie)).toEqual([overlast!.referentie, overlast!.referentie]);
    const hub = await login(t, hubUser);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/meldingen-verwijderlog?formaat=csv', headers: { cookie: hub.cookie } })).statusCode).toBe(403);
  });
});

describe(`bewaartermijnen met twee instanties op één database (${ENGINE})`, () => {
  let t: Instances;
  let filesDir: string;
  beforeAll(async () => {
    filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-bestanden-'));
    t = await openTwoInstances({ filesDir });
    await seedBaseData(t.a.db);
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(filesDir, { recursive: true, force: true });
  });

  /** Submits meldingen and closes them directly in the database with terms already passed. */
  async function seedDue(deps: PlatformDeps, opts: { deletions: number; withFiles: number; contactWipes: number }) {
    const intake = createIntakeService(deps);
    const now = deps.clock.now();
    const toDelete: string[] = [];
    const toWipe: string[] = [];
    for (let i = 0; i < opts.deletions; i++) {
      const r = await intake.submit({ ...DRUTEN_ONDERMIJNING, omschrijving: `${DRUTEN_ONDERMIJNING.omschrijving} (${i})` }, i < opts.withFiles ? [{ filename: 'foto.png', data: tinyPng() }] : [], { bron: 'publiek', allowedKanalen: ['overlast', 'ondermijning'] });
      toDelete.push(r.referentie);
    }
    for (let i = 0; i < opts.contactWipes; i++) {
      const r = await intake.submit({ ...WIJCHEN_OVERLAST, contact: { naam: 'Melder', email: `melder${i}@example.nl` } }, [], { bron: 'publiek', allowedKanalen: ['overlast', 'ondermijning'] });
      toWipe.push(r.referentie);
    }
    const closed = { status: 'afgehandeld', uitkomst: 'afgehandeld' };
    await deps.db.updateTable('meldingen').set({ ...closed, afgesloten_op: new Date(now.getTime() - 200 * DAY), bewaren_tot: new Date(now.getTime() - DAY) }).where('referentie', 'in', toDelete).execute();
    await deps.db
      .updateTable('meldingen')
      .set({ ...closed, afgesloten_op: new Date(now.getTime() - 400 * DAY), contact_wissen_op: new Date(now.getTime() - DAY), bewaren_tot: new Date(now.getTime() + 1000 * DAY) })
      .where('referentie', 'in', toWipe)
      .execute();
    return { toDelete, toWipe };
  }

  async function assertOncePerMelding(toDelete: string[], toWipe: string[]) {
    const log = await t.a.db.selectFrom('melding_verwijderlog').select(['referentie', 'handeling']).where('referentie', 'in', [...toDelete, ...toWipe]).execute();
    const key = (l: { referentie: string; handeling: string }) => `${l.referentie}|${l.handeling}`;
    expect(log.map(key).sort()).toEqual([...toDelete.map((r) => `${r}|verwijderd`), ...toWipe.map((r) => `${r}|contactgegevens-gewist`)].sort());
    expect(await t.a.db.selectFrom('meldingen').select('id').where('referentie', 'in', toDelete).execute()).toEqual([]);
    const wiped = await t.a.db.selectFrom('meldingen').select(['contact_versleuteld']).where('referentie', 'in', toWipe).execute();
    expect(wiped).toHaveLength(toWipe.length);
    expect(wiped.every((w) => w.contact_versleuteld === null)).toBe(true);
    const events = await t.a.db
      .selectFrom('melding_gebeurtenissen as e')
      .innerJoin('meldingen as m', 'm.id', 'e.melding_id')
      .select('m.referentie')
      .where('e.soort', '=', 'bewaartermijn')
      .where('m.referentie', 'in', toWipe)
      .execute();
    expect(events.map((e) => e.referentie).sort()).toEqual([...toWipe].sort());
  }

  it('de bewaartermijnentaak draait per periode op precies één van twee racende instanties; elke melding wordt één keer verwijderd', async () => {
    const { toDelete, toWipe } = await seedDue(t.a, { deletions: 12, withFiles: 4, contactWipes: 6 });
    const keys = (await t.a.db.selectFrom('melding_bijlagen').select('opslag_sleutel').execute()).map((k) => k.opslag_sleutel);
    expect(keys).toHaveLength(4);
    const a = createJobRunner(t.a, [retentionJob()], { instanceId: 'instantie-a' });
    const b = createJobRunner(t.b, [retentionJob()], { instanceId: 'instantie-b' });
    try {
      // 03:00 in Amsterdam, after the job's 02:30.
      const night = new Date('2026-12-08T02:00:00Z');
      const [byA, byB] = await Promise.all([a.runDue(night), b.runDue(night)]);
      expect([...byA, ...byB]).toEqual([RETENTION_JOB]);
      const runs = await t.a.db.selectFrom('taakuitvoeringen').selectAll().where('taak', '=', RETENTION_JOB).execute();
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ periode: '2026-12-08', status: 'voltooid', pogingen: 1 });
      expect(runs[0]!.resultaat).toEqual({ contactgegevensGewist: 6, verwijderd: 12, bestandenVerwijderd: 4 });
      await assertOncePerMelding(toDelete, toWipe);
      for (const k of keys) expect(fs.existsSync(path.join(filesDir, k))).toBe(false);
      expect(await t.a.db.selectFrom('melding_statistiek').selectAll().execute()).toHaveLength(12);

      // Same period again: nobody runs it. Next night: it runs once and has nothing to do.
      expect(await Promise.all([a.runDue(night), b.runDue(night)])).toEqual([[], []]);
      const next = new Date(night.getTime() + DAY);
      const [a2, b2] = await Promise.all([a.runDue(next), b.runDue(next)]);
      expect([...a2, ...b2]).toEqual([RETENTION_JOB]);
      const second = await t.a.db.selectFrom('taakuitvoeringen').selectAll().where('taak', '=', RETENTION_JOB).where('periode', '=', '2026-12-09').executeTakeFirstOrThrow();
      expect(second.resultaat).toEqual({ contactgegevensGewist: 0, verwijderd: 0, bestandenVerwijderd: 0 });
      await assertOncePerMelding(toDelete, toWipe);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('ook als twee instanties de bewaartermijnen tegelijk (handmatig) uitvoeren, wordt elke melding precies één keer verwijderd en gelogd', async () => {
    await t.a.db.deleteFrom('melding_verwijderlog').execute();
    await t.a.db.deleteFrom('melding_statistiek').execute();
    t.clock.set(new Date('2026-12-10T09:00:00Z'));
    const { toDelete, toWipe } = await seedDue(t.a, { deletions: 15, withFiles: 3, contactWipes: 5 });
    const now = t.clock.now();
    const [ra, rb] = await Promise.all([runRetention(t.a, now), runRetention(t.b, now)]);
    expect(ra.verwijderd + rb.verwijderd).toBe(15);
    expect(ra.contactgegevensGewist + rb.contactgegevensGewist).toBe(5);
    expect(ra.bestandenVerwijderd + rb.bestandenVerwijderd).toBeGreaterThanOrEqual(3);
    await assertOncePerMelding(toDelete, toWipe);
    expect(await t.a.db.selectFrom('melding_statistiek').selectAll().execute()).toHaveLength(15);
    expect(fs.readdirSync(filesDir, { recursive: true }).filter((f) => /[0-9a-f-]{36}/.test(String(f)))).toEqual([]);
  });
});
