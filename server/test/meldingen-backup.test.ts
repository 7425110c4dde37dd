// SPDX-License-Identifier: EUPL-1.2
// Backup and restore of the meldpunt tables (both engines): linked meldingen (a self-reference that
// a row-by-row restore must not trip over), their timeline, the category tree, and reference numbers
// that are never reused — not even those of meldingen already deleted by the retention job.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { backup, restore } from '../src/platform/db/backup.js';
import { createTestPlatform, createUser, login, type TestPlatform } from './helpers.js';
import { submitMelding, WIJCHEN_OVERLAST } from './meldingen-helpers.js';

const platforms: TestPlatform[] = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-meldingen-backup-'));
afterAll(async () => {
  for (const p of platforms) await p.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('restores linked meldingen and continues the reference numbers after every number used', async () => {
  const source = await createTestPlatform();
  platforms.push(source);
  const hub = await login(source, await createUser(source, ['knooppuntmedewerker'], 'GM0296'));
  const made: { id: string; referentie: string }[] = [];
  for (let i = 0; i < 3; i++) {
    const res = await submitMelding(source, WIJCHEN_OVERLAST);
    expect(res.statusCode, res.body).toBe(201);
    made.push(res.json());
  }
  // The child has a smaller id than its parent half of the time; make sure one does.
  const sorted = [...made].sort((a, b) => (a.id < b.id ? 1 : -1));
  const parent = sorted[0]!;
  const child = sorted[1]!;
  const link = await source.app.inject({ method: 'PUT', url: `/api/v1/meldingen/${child.id}/koppeling`, headers: hub.headers, payload: { ouderId: parent.id, reden: 'Zelfde adres' } });
  expect(link.statusCode, link.body).toBe(204);
  const org = await source.deps.db.selectFrom('organisaties').select('id').where('code', '=', 'GM0296').executeTakeFirstOrThrow();
  await source.deps.db
    .insertInto('melding_verwijderlog')
    .values({ referentie: `KP-2026-000050`, organisatie_id: org.id, kanaal: 'overlast', categorie_id: 'personen.jeugdoverlast', handeling: 'verwijderd', grondslag: 'bewaartermijn', termijn_verstreken_op: new Date(), uitgevoerd_op: new Date() })
    .execute();

  const file = path.join(dir, 'backup.jsonl.gz');
  const counts = await backup(source.deps.db, file);
  expect(counts.meldingen).toBe(3);
  expect(counts.meldingcategorieen).toBeGreaterThan(10);

  const target = await createTestPlatform();
  platforms.push(target);
  await restore(target.deps.db, file);

  const rows = async (p: TestPlatform) =>
    p.deps.db.selectFrom('meldingen').select(['id', 'referentie', 'ouder_id', 'koppelreden', 'status', 'antwoorden', 'ontvangstcode_hash']).orderBy('referentie').execute();
  expect(await rows(target)).toEqual(await rows(source));
  expect((await rows(target)).find((r) => r.id === child.id)?.ouder_id).toBe(parent.id);
  const events = async (p: TestPlatform) => p.deps.db.selectFrom('melding_gebeurtenissen').select(['melding_id', 'soort', 'naar', 'reden']).orderBy('melding_id').orderBy('soort').orderBy('reden').execute();
  expect(await events(target)).toEqual(await events(source));
  const tree = async (p: TestPlatform) => p.deps.db.selectFrom('meldingcategorieen').select(['id', 'hoofdcategorie_id', 'vragen', 'bewaartermijnen']).orderBy('id').execute();
  expect(await tree(target)).toEqual(await tree(source));

  // The next melding in the restored installation gets a number after the deleted KP-…-000050.
  const next = await submitMelding(target, WIJCHEN_OVERLAST);
  expect(next.statusCode, next.body).toBe(201);
  expect(next.json().referentie).toMatch(/^KP-\d{4}-000051$/);
});
