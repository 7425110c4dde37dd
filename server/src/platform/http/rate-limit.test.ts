// SPDX-License-Identifier: EUPL-1.2
// Unit tests for the pseudonymising in-memory rate limiter.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRateLimiter, inspectRateLimiter } from './rate-limit.js';

function clock(start = 1_700_000_000_000): { now: () => number; set: (t: number) => void; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, set: (v) => { t = v; }, advance: (ms) => { t += ms; } };
}

const WINDOW = 60_000;
// Aligned to a window boundary so retry-after values are easy to reason about.
const T0 = 1_700_000_040_000 - (1_700_000_040_000 % WINDOW);

describe('createRateLimiter', () => {
  it('allows `limit` hits per client per window, then denies with the rest of the window', () => {
    const c = clock(T0);
    const rl = createRateLimiter({ limit: 3, windowMs: WINDOW, now: c.now });
    for (let i = 0; i < 3; i++) expect(rl.hit('10.0.0.1')).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(rl.hit('10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    c.advance(15_500);
    expect(rl.hit('10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    c.advance(44_000);
    expect(rl.hit('10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // Other clients are unaffected.
    expect(rl.hit('10.0.0.2').allowed).toBe(true);
    expect(rl.size()).toBe(2);
  });
  it('denied hits do not extend the block', () => {
    const c = clock(T0);
    const rl = createRateLimiter({ limit: 1, windowMs: WINDOW, now: c.now });
    rl.hit('a');
    for (let i = 0; i < 100; i++) expect(rl.hit('a').allowed).toBe(false);
    expect(inspectRateLimiter(rl).entries.map(([, n]) => n)).toEqual([1]);
    c.set(T0 + WINDOW);
    expect(rl.hit('a').allowed).toBe(true);
  });
  it('resets counters when the window rolls over, exactly at the boundary', () => {
    const c = clock(T0);
    const rl = createRateLimiter({ limit: 2, windowMs: WINDOW, now: c.now });
    rl.hit('a');
    rl.hit('a');
    c.set(T0 + WINDOW - 1);
    expect(rl.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    c.set(T0 + WINDOW);
    expect(rl.hit('a').allowed).toBe(true);
    expect(rl.hit('a').allowed).toBe(true);
    expect(rl.hit('a').allowed).toBe(false);
  });
  it('drops all entries of an old window (size reflects the current window only)', () => {
    const c = clock(T0);
    const rl = createRateLimiter({ limit: 5, windowMs: WINDOW, now: c.now });
    for (let i = 0; i < 10; i++) rl.hit(`client-${i}`);
    expect(rl.size()).toBe(10);
    c.advance(WINDOW);
    expect(rl.size()).toBe(0);
    rl.hit('client-1');
    expect(rl.size()).toBe(1);
  });
  it('never stores the client id in clear, and rotates the key per window (unlinkable)', () => {
    const c = clock(T0);
    const rl = createRateLimiter({ limit: 5, windowMs: WINDOW, now: c.now });
    const id = '2001:db8::1234';
    rl.hit(id);
    const first = inspectRateLimiter(rl);
    const dump = JSON.stringify(first);
    expect(dump).not.toContain(id);
    expect(dump).not.toContain(Buffer.from(id).toString('hex'));
    expect(dump).not.toContain(Buffer.from(id).toString('base64url'));
    expect(first.entries).toHaveLength(1);
    const [key1] = first.entries[0] ?? [];
    expect(key1).toMatch(/^[A-Za-z0-9_-]{43}$/); // a 32-byte HMAC, base64url
    rl.hit(id);
    expect(inspectRateLimiter(rl).entries).toEqual([[key1, 2]]); // stable within a window
    c.advance(WINDOW);
    rl.hit(id);
    const [key2] = inspectRateLimiter(rl).entries[0] ?? [];
    expect(key2).toBeDefined();
    expect(key2).not.toBe(key1);
  });
  it('uses different keys for two limiters (no shared or static key)', () => {
    const c = clock(T0);
    const a = createRateLimiter({ limit: 5, windowMs: WINDOW, now: c.now });
    const b = createRateLimiter({ limit: 5, windowMs: WINDOW, now: c.now });
    a.hit('x');
    b.hit('x');
    expect(inspectRateLimiter(a).entries[0]?.[0]).not.toBe(inspectRateLimiter(b).entries[0]?.[0]);
  });
  it('bounds memory: when full, tracked clients keep counting and new clients are denied until the window ends', () => {
    const c = clock(T0);
    const rl = createRateLimiter({ limit: 2, windowMs: WINDOW, now: c.now, maxEntries: 3 });
    for (const id of ['a', 'b', 'c']) expect(rl.hit(id).allowed).toBe(true);
    c.advance(20_000);
    expect(rl.hit('d')).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(rl.hit('e').allowed).toBe(false);
    expect(rl.size()).toBe(3);
    expect(rl.hit('a').allowed).toBe(true);
    expect(rl.hit('a').allowed).toBe(false);
    c.advance(40_000);
    expect(rl.hit('d').allowed).toBe(true);
    expect(rl.size()).toBe(1);
  });
  it('never exceeds maxEntries and never allows more than `limit` per id per window (property)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 6 }),
      fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), fc.integer({ min: 0, max: 30_000 })), { maxLength: 200 }),
      (limit, maxEntries, steps) => {
        const c = clock(T0);
        const rl = createRateLimiter({ limit, windowMs: WINDOW, now: c.now, maxEntries });
        const allowed = new Map<string, number>();
        for (const [id, dt] of steps) {
          c.advance(dt);
          const w = Math.floor(c.now() / WINDOW);
          const r = rl.hit(id);
          if (r.allowed) {
            expect(r.retryAfterSeconds).toBe(0);
            const k = `${w}:${id}`;
            allowed.set(k, (allowed.get(k) ?? 0) + 1);
            expect(allowed.get(k)).toBeLessThanOrEqual(limit);
          } else {
            expect(r.retryAfterSeconds).toBeGreaterThanOrEqual(1);
            expect(r.retryAfterSeconds).toBeLessThanOrEqual(WINDOW / 1000);
          }
          expect(rl.size()).toBeLessThanOrEqual(maxEntries);
        }
      },
    ), { numRuns: 300 });
  });
  it('defaults maxEntries to 100 000', () => {
    const c = clock(T0);
    const rl = createRateLimiter({ limit: 1, windowMs: WINDOW, now: c.now });
    for (let i = 0; i < 100_000; i++) rl.hit(`id-${i}`);
    expect(rl.size()).toBe(100_000);
    expect(rl.hit('nieuw').allowed).toBe(false);
    expect(rl.size()).toBe(100_000);
  });
  it('fails closed on a broken clock', () => {
    const rl = createRateLimiter({ limit: 5, windowMs: WINDOW, now: () => Number.NaN });
    expect(rl.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });
  it('rejects invalid options', () => {
    const now = (): number => 0;
    expect(() => createRateLimiter({ limit: 0, windowMs: 1000, now })).toThrow(RangeError);
    expect(() => createRateLimiter({ limit: 1.5, windowMs: 1000, now })).toThrow(RangeError);
    expect(() => createRateLimiter({ limit: 1, windowMs: 0, now })).toThrow(RangeError);
    expect(() => createRateLimiter({ limit: 1, windowMs: 1000, now, maxEntries: 0 })).toThrow(RangeError);
  });
});
