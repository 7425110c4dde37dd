// SPDX-License-Identifier: EUPL-1.2
// Unit tests for the ALTCHA-compatible proof-of-work (challenge creation, verification, solving).
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createChallenge, solveChallenge, verifySolution, type AltchaChallenge } from './pow.js';

const key = Buffer.from('0123456789abcdef0123456789abcdef');
const now = new Date('2025-03-01T12:00:00Z');
const FALLBACK = 'De oplossing kon niet worden gecontroleerd.';

const sha = (s: string): string => crypto.createHash('sha256').update(s).digest('hex');
const hmac = (k: Buffer | string, s: string): string => crypto.createHmac('sha256', k).update(s).digest('hex');
const encode = (o: unknown): string => Buffer.from(JSON.stringify(o) ?? 'undefined').toString('base64');
const decode = (p: string): Record<string, unknown> => JSON.parse(Buffer.from(p, 'base64').toString('utf8')) as Record<string, unknown>;

function challenge(maxNumber = 2000, expiresInMs = 60_000, hmacKey: Buffer | string = key): AltchaChallenge {
  return createChallenge({ hmacKey, maxNumber, expiresInMs, now });
}

/** A correctly signed challenge for an arbitrary salt (to test salt validation independently of the signature). */
function forge(salt: string, number: number, hmacKey: Buffer | string = key): Record<string, unknown> {
  const ch = sha(salt + String(number));
  return { algorithm: 'SHA-256', challenge: ch, number, salt, signature: hmac(hmacKey, ch) };
}

function reasonOf(r: ReturnType<typeof verifySolution>): string {
  if (r.ok) throw new Error('expected a rejection');
  return r.reason;
}

describe('createChallenge', () => {
  it('returns the ALTCHA v1 shape with a consistent challenge and signature', () => {
    const ch = challenge(5000, 120_000);
    expect(Object.keys(ch).sort()).toEqual(['algorithm', 'challenge', 'maxnumber', 'salt', 'signature']);
    expect(ch.algorithm).toBe('SHA-256');
    expect(ch.maxnumber).toBe(5000);
    expect(ch.challenge).toMatch(/^[0-9a-f]{64}$/);
    expect(ch.signature).toBe(hmac(key, ch.challenge));
    const m = /^([0-9a-f]+)\?expires=(\d+)&$/.exec(ch.salt);
    expect(m).not.toBeNull();
    expect(m?.[1]?.length).toBeGreaterThanOrEqual(24);
    expect(Number(m?.[2])).toBe(Math.floor((now.getTime() + 120_000) / 1000));
    const { number } = solveChallenge(ch);
    expect(number).toBeGreaterThanOrEqual(0);
    expect(number).toBeLessThanOrEqual(5000);
    expect(sha(ch.salt + String(number))).toBe(ch.challenge);
  });
  it('uses a fresh salt every time', () => {
    const salts = new Set(Array.from({ length: 50 }, () => challenge(10).salt));
    expect(salts.size).toBe(50);
  });
  it('spreads the secret number over the whole range [0, maxNumber]', () => {
    const seen = new Set(Array.from({ length: 200 }, () => solveChallenge(challenge(3)).number));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });
  it('accepts a string key and rejects bad parameters', () => {
    const ch = challenge(10, 60_000, 'geheim');
    expect(ch.signature).toBe(hmac('geheim', ch.challenge));
    expect(() => challenge(-1)).toThrow(RangeError);
    expect(() => challenge(10_000_001)).toThrow(RangeError);
    expect(() => challenge(1.5)).toThrow(RangeError);
    expect(() => challenge(10, 0)).toThrow(RangeError);
  });
});

describe('verifySolution', () => {
  it('accepts a solved challenge as base64 string and as parsed object', () => {
    const ch = challenge();
    const { payload } = solveChallenge(ch);
    const r = verifySolution(payload, key, now);
    expect(r).toEqual({ ok: true, challengeId: ch.signature, expiresAt: new Date(Math.floor((now.getTime() + 60_000) / 1000) * 1000) });
    expect(verifySolution(decode(payload), key, now)).toEqual(r);
    const body = decode(payload);
    expect(typeof body.took).toBe('number');
    delete body.took;
    expect(verifySolution(body, key, now).ok).toBe(true);
  });
  it('rejects an expired challenge, including exactly at the expiry second', () => {
    const ch = challenge(100, 60_000);
    const { payload } = solveChallenge(ch);
    const expires = Math.floor((now.getTime() + 60_000) / 1000) * 1000;
    expect(verifySolution(payload, key, new Date(expires - 1)).ok).toBe(true);
    expect(reasonOf(verifySolution(payload, key, new Date(expires)))).toMatch(/verlopen/);
    expect(reasonOf(verifySolution(payload, key, new Date(expires + 3_600_000)))).toMatch(/verlopen/);
    expect(verifySolution(payload, key, new Date(Number.NaN)).ok).toBe(false);
  });
  it('rejects a signature made with another key', () => {
    const { payload } = solveChallenge(challenge(100, 60_000, 'ander-geheim'));
    expect(reasonOf(verifySolution(payload, key, now))).toMatch(/ondertekening/);
  });
  it('rejects a wrong number', () => {
    const ch = challenge(100);
    const { number, payload } = solveChallenge(ch);
    const body = decode(payload);
    body.number = number === 0 ? 1 : number - 1;
    expect(reasonOf(verifySolution(body, key, now))).toBe('De oplossing is onjuist.');
  });
  it('rejects a salt changed after signing (e.g. a later expiry)', () => {
    const ch = challenge(100);
    const body = decode(solveChallenge(ch).payload);
    body.salt = String(body.salt).replace(/expires=(\d+)/, (_m, d: string) => `expires=${Number(d) + 3600}`);
    expect(reasonOf(verifySolution(body, key, now))).toBe('De oplossing is onjuist.');
  });
  it('refuses to move digits of the number into the expiry (salt splicing)', () => {
    // Without a salt terminator, salt "…expires=N" + "12345" equals "…expires=N1" + "2345".
    const salt = `${'ab'.repeat(16)}?expires=${Math.floor(now.getTime() / 1000) + 60}&`;
    const ok = forge(salt, 12345);
    expect(verifySolution(ok, key, now).ok).toBe(true);
    const spliced = { ...ok, salt: `${salt}1`, number: 2345 };
    expect(sha(spliced.salt + String(spliced.number))).toBe(ok.challenge); // same hash, same signature
    expect(reasonOf(verifySolution(spliced, key, now))).toMatch(/vervaldatum/);
    // A salt without the terminator is never accepted, even when correctly signed.
    const unterminated = `${'ab'.repeat(16)}?expires=${Math.floor(now.getTime() / 1000) + 60}`;
    expect(reasonOf(verifySolution(forge(unterminated, 1), key, now))).toMatch(/vervaldatum/);
  });
  it('requires an expires parameter in the salt', () => {
    for (const salt of ['ab'.repeat(16), `${'ab'.repeat(16)}?expires=&`, `${'ab'.repeat(16)}?expires=12x&`, `${'ab'.repeat(16)}?foo=1&`, `${'ab'.repeat(4)}?expires=99999999999&`]) {
      expect(reasonOf(verifySolution(forge(salt, 5), key, now))).toMatch(/vervaldatum/);
    }
  });
  it('rejects a wrong or missing algorithm', () => {
    const body = decode(solveChallenge(challenge(50)).payload);
    for (const algorithm of ['SHA-1', 'sha-256', 'SHA-512', undefined, 256]) {
      expect(reasonOf(verifySolution({ ...body, algorithm }, key, now))).toMatch(/algoritme/);
    }
  });
  it('rejects numbers of the wrong type or outside [0, 10 000 000]', () => {
    const salt = `${'cd'.repeat(16)}?expires=${Math.floor(now.getTime() / 1000) + 60}&`;
    expect(verifySolution(forge(salt, 10_000_000), key, now).ok).toBe(true);
    expect(verifySolution(forge(salt, 0), key, now).ok).toBe(true);
    expect(reasonOf(verifySolution(forge(salt, 10_000_001), key, now))).toMatch(/bereik/);
    expect(reasonOf(verifySolution(forge(salt, -1), key, now))).toMatch(/bereik/);
    const base = forge(salt, 7);
    for (const number of ['7', 7.5, Number.NaN, Number.POSITIVE_INFINITY, null, [7], 2 ** 60]) {
      expect(verifySolution({ ...base, number }, key, now).ok).toBe(false);
    }
  });
  it('rejects fields of the wrong type or format', () => {
    const body = decode(solveChallenge(challenge(50)).payload);
    const variants: Record<string, unknown>[] = [
      { ...body, challenge: String(body.challenge).toUpperCase() },
      { ...body, signature: String(body.signature).toUpperCase() },
      { ...body, signature: `${String(body.signature)}00` },
      { ...body, challenge: 42 },
      { ...body, salt: 42 },
      { ...body, signature: null },
      { ...body, took: 'snel' },
      { ...body, took: -1 },
    ];
    for (const v of variants) expect(verifySolution(v, key, now).ok).toBe(false);
  });
  it('rejects malformed payloads with a Dutch reason', () => {
    const cases: unknown[] = [
      '', '   ', 'niet-base64!', '%%%%', Buffer.from('geen json').toString('base64'), encode([1, 2]), encode('tekst'), encode(null), encode(42),
      'A'.repeat(5000), null, undefined, 42, true, [], ['a'], () => 1, Symbol('x'), new Date(), Buffer.from('x'),
    ];
    for (const c of cases) {
      const r = verifySolution(c, key, now);
      expect(r.ok).toBe(false);
      expect(reasonOf(r)).toMatch(/^(De|Het) /);
      expect(reasonOf(r)).not.toBe(FALLBACK);
    }
  });
  it('never throws and never accepts arbitrary strings or objects', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.base64String()), (s) => {
      const r = verifySolution(s, key, now);
      expect(r.ok).toBe(false);
      expect(reasonOf(r)).not.toBe(FALLBACK);
    }), { numRuns: 500 });
    fc.assert(fc.property(fc.anything(), (v) => {
      expect(verifySolution(v, key, now).ok).toBe(false);
      expect(verifySolution(encode(v), key, now).ok).toBe(false);
    }), { numRuns: 500 });
  });
  it('never throws on structurally close objects with arbitrary field values', () => {
    const body = decode(solveChallenge(challenge(50)).payload);
    const field = fc.constantFrom('algorithm', 'challenge', 'number', 'salt', 'signature', 'took');
    fc.assert(fc.property(field, fc.anything(), (name, value) => {
      fc.pre(value !== body[name]);
      const r = verifySolution({ ...body, [name]: value }, key, now);
      if (name === 'took') return; // took is informational; only its type is checked
      expect(r.ok).toBe(false);
      expect(reasonOf(r)).not.toBe(FALLBACK);
    }), { numRuns: 1000 });
  });
  it('returns the fallback reason instead of throwing on a hostile object', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('boem'); } });
    expect(verifySolution(hostile, key, now)).toEqual({ ok: false, reason: FALLBACK });
  });
});

describe('solveChallenge', () => {
  it('produces a base64 JSON payload with the ALTCHA fields', () => {
    const ch = challenge(300);
    const { number, payload } = solveChallenge(ch);
    expect(payload).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(decode(payload)).toMatchObject({ algorithm: 'SHA-256', challenge: ch.challenge, number, salt: ch.salt, signature: ch.signature });
  });
  it('throws when the challenge has no solution in range', () => {
    const ch = challenge(300);
    expect(() => solveChallenge({ ...ch, challenge: sha('anders') })).toThrow();
  });
});
