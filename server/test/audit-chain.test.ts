// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from './helpers.js';
import { recordAudit, verifyAuditChain } from '../src/platform/audit/audit.js';
import { systemActor } from '../src/platform/auth/actor.js';

let t: TestPlatform;
const origin = { requestId: 'test', ipAddress: null };

beforeAll(async () => {
  t = await createTestPlatform();
  // 20 concurrent transactions (4 rolled back) must still leave one valid chain.
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      t.deps.db
        .transaction()
        .execute(async (trx) => {
          await recordAudit(trx, systemActor('test'), origin, { action: 'test-actie', objectType: 'test', objectId: String(i), details: { i, nested: { b: 2, a: 1 } } });
          if (i % 5 === 4) throw new Error('rollback');
        })
        .catch(() => undefined),
    ),
  );
  for (let i = 0; i < 40; i++) {
    await t.deps.db.transaction().execute((trx) => recordAudit(trx, systemActor('test'), origin, { action: 'volgorde', objectType: 'test', objectId: `s${i}`, purpose: i % 3 === 0 ? 'toezicht' : null }));
  }
});
afterAll(async () => t?.close());

describe('audit trail', () => {
  it('forms one valid chain, also after concurrent and rolled-back transactions', async () => {
    const v = await verifyAuditChain(t.deps.db);
    expect(v.ok).toBe(true);
    expect(v.count).toBe(16 + 40);
  });

  it('is append-only: the database rejects UPDATE, DELETE and TRUNCATE', async () => {
    await expect(sql`UPDATE audit_regels SET actie = 'x' WHERE id = (SELECT min(id) FROM audit_regels)`.execute(t.deps.db)).rejects.toThrow(/alleen-toevoegen/);
    await expect(sql`DELETE FROM audit_regels`.execute(t.deps.db)).rejects.toThrow(/alleen-toevoegen/);
    await expect(sql`TRUNCATE audit_regels`.execute(t.deps.db)).rejects.toThrow(/alleen-toevoegen/);
    await expect(sql`DELETE FROM ldv_records`.execute(t.deps.db)).rejects.toThrow(/alleen-toevoegen/);
  });

  it('catches every single-row tampering (property test: mutate, delete or swap a random row)', async () => {
    const ids = (await t.deps.db.selectFrom('audit_regels').select('id').orderBy('id').execute()).map((r) => r.id);
    const columns = ['tijdstip', 'actor_naam', 'actie', 'object_type', 'object_id', 'betrokkene', 'resultaat', 'request_id', 'ip_adres', 'doel', 'details', 'vorige_hash', 'hash'] as const;
    class Rollback extends Error {}
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ids),
        fc.oneof(
          fc.record({ kind: fc.constant('update' as const), column: fc.constantFrom(...columns), salt: fc.string({ minLength: 1, maxLength: 8 }) }),
          fc.record({ kind: fc.constant('delete' as const) }),
          fc.record({ kind: fc.constant('swap' as const) }),
        ),
        async (id, m) => {
          let verdict: Awaited<ReturnType<typeof verifyAuditChain>> | null = null;
          await t.deps.db
            .transaction()
            .execute(async (trx) => {
              await sql`ALTER TABLE audit_regels DISABLE TRIGGER USER`.execute(trx);
              if (m.kind === 'delete') {
                await sql`DELETE FROM audit_regels WHERE id = ${id}`.execute(trx);
                if (id === ids[ids.length - 1]) {
                  // Deleting the head is only detectable against an anchored head: check that.
                  const v = await verifyAuditChain(trx);
                  verdict = v.ok && v.count === ids.length - 1 ? { ok: false, count: v.count, brokenAt: id, reason: 'kop ontbreekt' } : v;
                  throw new Rollback();
                }
              } else if (m.kind === 'swap') {
                const other = id === ids[0] ? ids[1]! : ids[0]!;
                await sql`UPDATE audit_regels SET actie = CASE WHEN id = ${id} THEN (SELECT actie FROM audit_regels WHERE id = ${other}) ELSE (SELECT actie FROM audit_regels WHERE id = ${id}) END || '~' WHERE id IN (${id}, ${other})`.execute(trx);
              } else if (m.column === 'tijdstip') {
                await sql`UPDATE audit_regels SET tijdstip = tijdstip + interval '1 second' WHERE id = ${id}`.execute(trx);
              } else if (m.column === 'details') {
                await sql`UPDATE audit_regels SET details = details || jsonb_build_object('x', ${m.salt}::text) WHERE id = ${id}`.execute(trx);
              } else {
                await sql`UPDATE audit_regels SET ${sql.ref(m.column)} = coalesce(${sql.ref(m.column)}, '') || ${m.salt} WHERE id = ${id}`.execute(trx);
              }
              verdict = await verifyAuditChain(trx);
              throw new Rollback();
            })
            .catch((e: unknown) => {
              if (!(e instanceof Rollback)) throw e;
            });
          const v = verdict as Awaited<ReturnType<typeof verifyAuditChain>> | null;
          expect(v).not.toBeNull();
          expect(v!.ok).toBe(false);
          if (v && !v.ok) expect(v.brokenAt).toBeGreaterThanOrEqual(ids[0]!);
        },
      ),
      { numRuns: 1000 },
    );
    // The real table is untouched afterwards.
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  }, 120_000);

  it('names the first broken link', async () => {
    const ids = (await t.deps.db.selectFrom('audit_regels').select('id').orderBy('id').execute()).map((r) => r.id);
    const target = ids[10]!;
    await t.deps.db
      .transaction()
      .execute(async (trx) => {
        await sql`ALTER TABLE audit_regels DISABLE TRIGGER USER`.execute(trx);
        await sql`UPDATE audit_regels SET actie = 'vervalst' WHERE id = ${target}`.execute(trx);
        const v = await verifyAuditChain(trx);
        expect(v).toMatchObject({ ok: false, brokenAt: target, count: 10 });
        throw new Error('rollback');
      })
      .catch((e: unknown) => {
        if (!(e instanceof Error) || e.message !== 'rollback') throw e;
      });
  });
});
