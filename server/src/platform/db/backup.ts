// SPDX-License-Identifier: EUPL-1.2
// Consistent logical backup for PGlite and PostgreSQL alike: every table in one REPEATABLE READ
// snapshot, written as gzip'ed JSON lines. Restore only into an empty, migrated database, in
// foreign-key order, with sequences reset; the audit chain is verified afterwards.
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';
import { knownMigrationNames } from './migrator.js';

/** Every table, in foreign-key order. A test fails when a table exists that is not listed here. */
export const BACKUP_TABLES = [
  'organisaties',
  'gebruikers',
  'herstelcodes',
  'sessies',
  'inlogpogingen',
  'api_sleutels',
  'audit_regels',
  'ldv_records',
  'verwerkingsactiviteiten',
  'instellingen',
  'taakuitvoeringen',
  'mail_uitgaand',
  'meldingcategorieen',
  'routeringsregels',
  'meldingen',
  'melding_gebeurtenissen',
  'melding_berichten',
  'melding_bijlagen',
  'melding_onderwerpen',
  'pow_gebruikt',
  'notificaties',
  'melding_verwijderlog',
  'melding_statistiek',
  'vb_gebieden',
  'vb_indeling',
  'vb_indicatoren',
  'vb_datasets',
  'vb_waarden',
  'vb_jaarcijfers',
  'vb_bevolking',
] as const;

/** Tables filled with base data at every start; a restore replaces them with the backup's rows (children first). */
const SEEDED_TABLES = ['vb_indeling', 'vb_gebieden', 'routeringsregels', 'meldingcategorieen', 'instellingen', 'verwerkingsactiviteiten', 'organisaties'] as const;

/** Self-references: inserted as NULL and set once every row of the table is in, so row order does not matter. */
const SELF_REFERENCES: Record<string, string> = { meldingen: 'ouder_id', meldingcategorieen: 'hoofdcategorie_id' };

const JSON_COLUMNS: Record<string, string[]> = {
  audit_regels: ['details'],
  ldv_records: ['attributen'],
  taakuitvoeringen: ['resultaat'],
  meldingcategorieen: ['vragen', 'standaardteksten', 'bewaartermijnen'],
  meldingen: ['antwoorden'],
};
const BATCH = 2000;

type Progress = (table: string, rows: number) => void;

export async function backup(db: Kysely<DB>, file: string, onProgress: Progress = () => undefined): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(`${file}.part`);
  gzip.pipe(out);
  const write = (obj: unknown) => new Promise<void>((resolve) => (gzip.write(`${JSON.stringify(obj)}\n`) ? resolve() : gzip.once('drain', resolve)));
  await db.connection().execute(async (conn) => {
    await sql`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`.execute(conn);
    try {
      await write({ formaat: 'knooppunt-backup', versie: 1, migraties: knownMigrationNames, gemaaktOp: new Date().toISOString() });
      for (const table of BACKUP_TABLES) {
        let offset = 0;
        counts[table] = 0;
        await write({ tabel: table });
        for (;;) {
          const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} ORDER BY 1 LIMIT ${BATCH} OFFSET ${offset}`.execute(conn);
          for (const row of rows) await write({ r: row });
          offset += rows.length;
          counts[table] += rows.length;
          onProgress(table, counts[table]);
          if (rows.length < BATCH) break;
        }
      }
      await write({ einde: true, aantallen: counts });
    } finally {
      await sql`COMMIT`.execute(conn);
    }
  });
  await new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    gzip.end();
  });
  fs.renameSync(`${file}.part`, file);
  return counts;
}

/** Lines of the decompressed backup; a cut-off or corrupt gzip stream becomes a clear Dutch error. */
async function* readLines(lines: AsyncIterable<string>): AsyncGenerator<string> {
  try {
    for await (const line of lines) yield line;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_')) throw new Error(`De back-up is onvolledig of beschadigd (${(err as Error).message}); er is niets teruggezet.`);
    throw err;
  }
}

export async function restore(db: Kysely<DB>, file: string, onProgress: Progress = () => undefined): Promise<Record<string, number>> {
  for (const table of BACKUP_TABLES) {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db);
    if (Number(rows[0]?.n ?? 0) > 0 && !(SEEDED_TABLES as readonly string[]).includes(table)) {
      throw new Error(`Terugzetten kan alleen in een lege database; tabel ${table} bevat al gegevens. Gebruik een nieuwe datamap of database.`);
    }
  }
  const counts: Record<string, number> = {};
  await db.transaction().execute(async (trx) => {
    // Base data seeded by a start is replaced by the backup's own.
    for (const seeded of SEEDED_TABLES) await trx.deleteFrom(seeded).execute();
    const selfRefs: { table: string; column: string; id: unknown; ref: unknown }[] = [];
    let table: string | null = null;
    let batch: Record<string, unknown>[] = [];
    let header = false;
    let ended = false;
    const flush = async () => {
      if (!table || batch.length === 0) return;
      const jsonCols = JSON_COLUMNS[table] ?? [];
      const current = table;
      const selfRef = SELF_REFERENCES[current];
      const rows = batch.map((r) =>
        Object.fromEntries(
          Object.entries(r).map(([k, v]) => {
            if (k === selfRef && v !== null && v !== undefined) {
              selfRefs.push({ table: current, column: k, id: r.id, ref: v });
              return [k, null];
            }
            return [k, jsonCols.includes(k) ? JSON.stringify(v) : v];
          }),
        ),
      );
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- table name comes from the fixed BACKUP_TABLES list
      await trx.insertInto(table as any).values(rows).execute();
      counts[table] = (counts[table] ?? 0) + batch.length;
      onProgress(table, counts[table] ?? 0);
      batch = [];
    };
    // Created only now: readline starts reading at once, and lines emitted before the loop below
    // listens are lost (on PostgreSQL the queries above leave time for the file to be read).
    const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
    for await (const line of readLines(lines)) {
      if (!line) continue;
      let obj: { formaat?: string; tabel?: string; r?: Record<string, unknown>; einde?: boolean; migraties?: string[] };
      try {
        obj = JSON.parse(line) as typeof obj;
      } catch {
        throw new Error('De back-up is beschadigd (onleesbare regel); er is niets teruggezet.');
      }
      if (!header) {
        if (obj.formaat !== 'knooppunt-backup') throw new Error('Dit is geen Knooppunt-back-up.');
        const unknown = (obj.migraties ?? []).filter((m) => !knownMigrationNames.includes(m));
        if (unknown.length) throw new Error(`De back-up komt van een nieuwere versie (migraties ${unknown.join(', ')}).`);
        header = true;
      } else if (obj.tabel) {
        await flush();
        if (!(BACKUP_TABLES as readonly string[]).includes(obj.tabel)) throw new Error(`Onbekende tabel in back-up: ${obj.tabel}`);
        table = obj.tabel;
      } else if (obj.r) {
        batch.push(obj.r);
        if (batch.length >= 500) await flush();
      } else if (obj.einde) {
        await flush();
        ended = true;
      }
    }
    if (!ended) throw new Error('De back-up is onvolledig (einde ontbreekt); er is niets teruggezet.');
    for (const ref of selfRefs) {
      await sql`UPDATE ${sql.table(ref.table)} SET ${sql.ref(ref.column)} = ${ref.ref} WHERE id = ${ref.id}`.execute(trx);
    }
    for (const [t, col] of [['inlogpogingen', 'id'], ['audit_regels', 'id'], ['ldv_records', 'id'], ['vb_indicatoren', 'id']] as const) {
      await sql`SELECT setval(pg_get_serial_sequence(${t}, ${col}), coalesce((SELECT max(${sql.ref(col)}) FROM ${sql.table(t)}), 0) + 1, false)`.execute(trx);
    }
    // Reference numbers are never reused, also not those of meldingen deleted by retention.
    await sql`SELECT setval('melding_volgnummer', coalesce((SELECT max(split_part(referentie, '-', 3)::bigint) FROM (SELECT referentie FROM meldingen UNION ALL SELECT referentie FROM melding_verwijderlog) r), 0) + 1, false)`.execute(trx);
  });
  return counts;
}
