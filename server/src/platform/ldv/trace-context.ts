// SPDX-License-Identifier: EUPL-1.2
// W3C Trace Context (traceparent) parsing and id generation. Pure apart from randomness.
import crypto from 'node:crypto';

export interface TraceContext {
  traceId: string; // 32 hex
  parentSpanId: string | null; // 16 hex
  sampled: boolean;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export function parseTraceparent(header: string | undefined): TraceContext | null {
  if (!header) return null;
  const m = TRACEPARENT.exec(header.trim().toLowerCase());
  if (!m) return null;
  const [, version, traceId, spanId, flags] = m as unknown as [string, string, string, string, string];
  if (version === 'ff' || /^0+$/.test(traceId) || /^0+$/.test(spanId)) return null;
  return { traceId, parentSpanId: spanId, sampled: (parseInt(flags, 16) & 1) === 1 };
}

export function newTraceId(): string {
  return crypto.randomBytes(16).toString('hex');
}

export function newSpanId(): string {
  return crypto.randomBytes(8).toString('hex');
}
