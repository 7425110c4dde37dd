// SPDX-License-Identifier: EUPL-1.2
// Retention by design: a daily job erases contact details and deletes meldingen whose term has
// passed (from each category's configuration, clock started at closing), keeps a content-free
// statistics stub, and writes the deletion log the FG exports. Also expires reaction requests
// and removes orphaned files and used proof-of-work ids.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PlatformDeps } from '../../platform/deps.js';
import type { JobDefinition } from '../../platform/jobs/runner.js';
import { createFileStore, type FileStore } from './attachments.store.js';
import { createWorklistService } from './worklist.service.js';

export const RETENTION_JOB = 'meldingen-bewaartermijnen';
export const REACTION_TIMER_JOB = 'meldingen-reactietermijnen';
const BATCH = 200;

function month(d: Date | string): string {
  return new Date(d).toISOString().slice(0, 7);
}

export async function runRetention(deps: PlatformDeps, now: Date, store: FileStore = createFileStore(deps.config.filesDir, deps.secrets)) {
  const { db } = deps;
  let contactErased = 0;
  let deleted = 0;
  let filesRemoved = 0;

  for (;;) {
    const due = await db.selectFrom('meldingen').select('id').where('contact_wissen_op', '<=', now).where('contact_versleuteld', 'is not', null).limit(BATCH).execute();
    if (!due.length) break;
    for (const { id } of due) {
      await db.transaction().execute(async (trx) => {
        const m = await trx.selectFrom('meldingen').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!m || !m.contact_versleuteld || !m.contact_wissen_op || new Date(m.contact_wissen_op) > now) return;
        await trx.updateTable('meldingen').set({ contact_versleuteld: null, updates_per_mail: false, contact_wissen_op: null, bijgewerkt_op: now }).where('id', '=', id).execute();
        await trx.insertInto('melding_gebeurtenissen').values({ melding_id: id, soort: 'bewaartermijn', reden: 'Contactgegevens van de melder gewist (bewaartermijn verstreken)', actor_soort: 'systeem', actor_id: null, actor_naam: RETENTION_JOB, op: now }).execute();
        await trx
          .insertInto('melding_verwijderlog')
          .values({ referentie: m.referentie, organisatie_id: m.organisatie_id, kanaal: m.kanaal, categorie_id: m.categorie_id, handeling: 'contactgegevens-gewist', grondslag: 'Bewaartermijn contactgegevens melder verstreken', afgesloten_op: m.afgesloten_op, termijn_verstreken_op: m.contact_wissen_op, uitgevoerd_op: now })
          .execute();
        contactErased++;
      });
    }
    if (due.length < BATCH) break;
  }

  for (;;) {
    const due = await db.selectFrom('meldingen').select('id').where('bewaren_tot', '<=', now).limit(BATCH).execute();
    if (!due.length) break;
    for (const { id } of due) {
      const keys = await db.transaction().execute(async (trx) => {
        const m = await trx.selectFrom('meldingen').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!m || !m.bewaren_tot || new Date(m.bewaren_tot) > now) return [];
        const files = await trx.selectFrom('melding_bijlagen').select('opslag_sleutel').where('melding_id', '=', id).execute();
        await trx.insertInto('melding_statistiek').values({ kanaal: m.kanaal, categorie_id: m.categorie_id, gemeente_code: m.gemeente_code, maand: month(m.aangemaakt_op), uitkomst: m.uitkomst ?? m.status }).execute();
        await trx
          .insertInto('melding_verwijderlog')
          .values({
            referentie: m.referentie,
            organisatie_id: m.organisatie_id,
            kanaal: m.kanaal,
            categorie_id: m.categorie_id,
            handeling: 'verwijderd',
            grondslag: m.uitkomst === 'doorgezet' ? 'Bewaartermijn verstreken' : 'Bewaartermijn verstreken (afgesloten zonder vervolg)',
            afgesloten_op: m.afgesloten_op,
            termijn_verstreken_op: m.bewaren_tot,
            uitgevoerd_op: now,
            bijlagen_verwijderd: files.length,
          })
          .execute();
        await trx.deleteFrom('meldingen').where('id', '=', id).execute();
        deleted++;
        return files.map((f) => f.opslag_sleutel);
      });
      for (const k of keys) {
        await store.remove(k);
        filesRemoved++;
      }
    }
    if (due.length < BATCH) break;
  }

  await db.deleteFrom('pow_gebruikt').where('verloopt_op', '<', now).execute();
  const orphans = await removeOrphanFiles(deps, store, now);
  return { contactgegevensGewist: contactErased, verwijderd: deleted, bestandenVerwijderd: filesRemoved + orphans };
}

/** Files without a row (a crash between writing and committing) older than a day are removed. */
async function removeOrphanFiles(deps: PlatformDeps, store: FileStore, now: Date): Promise<number> {
  const dir = deps.config.filesDir;
  let removed = 0;
  let shards: string[];
  try {
    shards = await fs.readdir(dir);
  } catch {
    return 0;
  }
  for (const shard of shards.filter((s) => /^[0-9a-f]{2}$/.test(s))) {
    const names = await fs.readdir(path.join(dir, shard));
    const keys = names.filter((n) => /^[0-9a-f-]{36}(\.tmp)?$/.test(n)).map((n) => `${shard}/${n}`);
    if (!keys.length) continue;
    const known = new Set((await deps.db.selectFrom('melding_bijlagen').select('opslag_sleutel').where('opslag_sleutel', 'in', keys.map((k) => k.replace(/\.tmp$/, ''))).execute()).map((r) => r.opslag_sleutel));
    for (const k of keys) {
      if (known.has(k)) continue;
      const stat = await fs.stat(path.join(dir, k)).catch(() => null);
      if (!stat || now.getTime() - stat.mtimeMs < 86_400_000) continue;
      if (k.endsWith('.tmp')) await fs.rm(path.join(dir, k), { force: true });
      else await store.remove(k);
      removed++;
    }
  }
  return removed;
}

export function retentionJob(): JobDefinition {
  return {
    name: RETENTION_JOB,
    schedule: { kind: 'dagelijks', at: '02:30' },
    run: async ({ deps, now }) => runRetention(deps, now),
  };
}

export function reactionTimerJob(): JobDefinition {
  return {
    name: REACTION_TIMER_JOB,
    schedule: { kind: 'interval', everyMs: 5 * 60_000 },
    run: async ({ deps, now }) => ({ verlopen: await createWorklistService(deps).expireReactionRequests(now) }),
  };
}
