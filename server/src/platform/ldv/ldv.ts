// SPDX-License-Identifier: EUPL-1.2
// Logboek Dataverwerkingen: one record per processing per data subject, no user identities,
// its own append-only table, exportable as OTLP JSON.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { newSpanId, newTraceId, type TraceContext } from './trace-context.js';

export interface LdvProcessing {
  name: string;
  /** Code of the verwerkingsactiviteit in the register (becomes a URI in the export). */
  processingActivity: string;
  /** Pseudonymised subject id (crypto.pseudonymise) and its type, e.g. `gebruiker`, `BSN`. */
  subjectId: string;
  subjectIdType: string;
  status?: 'Unset' | 'Ok' | 'Error';
  start?: Date;
  end?: Date;
  /** Set when another organisation's application called us. */
  foreignProcessor?: string | null;
}

export async function recordProcessing(trx: Transaction<DB> | Kysely<DB>, trace: TraceContext | null, p: LdvProcessing): Promise<void> {
  const now = new Date();
  await trx
    .insertInto('ldv_records')
    .values({
      trace_id: trace?.traceId ?? newTraceId(),
      span_id: newSpanId(),
      parent_span_id: trace?.parentSpanId ?? null,
      naam: p.name,
      start_tijd: p.start ?? now,
      eind_tijd: p.end ?? now,
      status: p.status ?? 'Ok',
      verwerkingsactiviteit_id: p.processingActivity,
      betrokkene_id: p.subjectId,
      betrokkene_id_type: p.subjectIdType,
      foreign_span_id: p.foreignProcessor && trace?.parentSpanId ? trace.parentSpanId : null,
      foreign_processor: p.foreignProcessor ?? null,
      attributen: '{}',
    })
    .execute();
}

const nanos = (d: Date) => `${BigInt(d.getTime()) * 1_000_000n}`;
const statusCode = { Unset: 0, Ok: 1, Error: 2 } as const;

/** OTLP/JSON (ExportTraceServiceRequest) of the logbook, per the LDV attribute names. */
export async function exportOtlp(db: Kysely<DB>, opts: { publicUrl: string; version: string; from?: Date; to?: Date }) {
  let q = db.selectFrom('ldv_records').selectAll().orderBy('id');
  if (opts.from) q = q.where('start_tijd', '>=', opts.from);
  if (opts.to) q = q.where('start_tijd', '<', opts.to);
  const rows = await q.execute();
  const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
  return {
    resourceSpans: [
      {
        resource: { attributes: [str('service.name', 'knooppunt'), str('service.version', opts.version)] },
        scopeSpans: [
          {
            scope: { name: 'knooppunt.ldv', version: opts.version },
            spans: rows.map((r) => ({
              traceId: r.trace_id,
              spanId: r.span_id,
              ...(r.parent_span_id ? { parentSpanId: r.parent_span_id } : {}),
              name: r.naam,
              kind: 1,
              startTimeUnixNano: nanos(r.start_tijd),
              endTimeUnixNano: nanos(r.eind_tijd),
              status: { code: statusCode[r.status] },
              attributes: [
                str('dpl.core.processing_activity_id', `${opts.publicUrl}/api/v1/verwerkingsactiviteiten/${r.verwerkingsactiviteit_id}`),
                str('dpl.core.data_subject_id', r.betrokkene_id),
                str('dpl.core.data_subject_id_type', r.betrokkene_id_type),
                ...(r.foreign_span_id ? [str('dpl.core.foreign_operation.span_id', r.foreign_span_id)] : []),
                ...(r.foreign_processor ? [str('dpl.core.foreign_operation.processor', r.foreign_processor)] : []),
              ],
            })),
          },
        ],
      },
    ],
  };
}
