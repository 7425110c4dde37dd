// SPDX-License-Identifier: EUPL-1.2
// Self-hosted proof-of-work (ALTCHA v1 compatible): create signed challenges and verify solutions.
import crypto from 'node:crypto';

/** Challenge as sent to the ALTCHA widget (v1 JSON shape). */
export interface AltchaChallenge {
  algorithm: 'SHA-256';
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

export type VerifyResult = { ok: true; challengeId: string; expiresAt: Date } | { ok: false; reason: string };

/** Highest number a solution may carry, whatever maxnumber a challenge was created with. */
export const MAX_NUMBER = 10_000_000;
/** Payloads longer than this are refused before decoding (a genuine one is ~300 characters). */
const MAX_PAYLOAD_CHARS = 4096;
const SALT_BYTES = 16;
const HEX64 = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/**
 * The salt ends in '&'. challenge = sha256(salt + number) is a plain concatenation, so without a
 * terminator a client could move leading digits of `number` into the salt ("expires=1700…" →
 * "expires=17000…") and obtain a far-future expiry with the same challenge and signature. The
 * terminator makes every salt/number split but the original one fail this pattern.
 */
const SALT_PATTERN = /^[0-9a-f]{24,128}\?expires=([0-9]{1,12})&$/;

function sha256Hex(input: string): string {
  return crypto.createHash('sha256').update(input, 'utf8').digest('hex');
}

function hmacHex(key: Buffer | string, input: string): string {
  return crypto.createHmac('sha256', key).update(input, 'utf8').digest('hex');
}

/** Compares two lowercase 64-character hex strings in constant time. */
function hexEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === 32 && y.length === 32 && crypto.timingSafeEqual(x, y);
}

export function createChallenge(opts: { hmacKey: Buffer | string; maxNumber: number; expiresInMs: number; now: Date }): AltchaChallenge {
  const { hmacKey, maxNumber, expiresInMs, now } = opts;
  if (!Number.isSafeInteger(maxNumber) || maxNumber < 0 || maxNumber > MAX_NUMBER) {
    throw new RangeError(`maxNumber moet een geheel getal tussen 0 en ${MAX_NUMBER} zijn`);
  }
  if (!Number.isFinite(expiresInMs) || expiresInMs <= 0) throw new RangeError('expiresInMs moet positief zijn');
  const expires = Math.floor((now.getTime() + expiresInMs) / 1000);
  const salt = `${crypto.randomBytes(SALT_BYTES).toString('hex')}?expires=${expires}&`;
  const number = crypto.randomInt(0, maxNumber + 1);
  const challenge = sha256Hex(salt + String(number));
  return { algorithm: 'SHA-256', challenge, maxnumber: maxNumber, salt, signature: hmacHex(hmacKey, challenge) };
}

function fail(reason: string): VerifyResult {
  return { ok: false, reason };
}

function decodePayload(payload: unknown): Record<string, unknown> | string {
  let parsed: unknown = payload;
  if (typeof payload === 'string') {
    const text = payload.trim();
    if (text.length === 0 || text.length > MAX_PAYLOAD_CHARS || !BASE64.test(text)) return 'De oplossing is geen geldige base64-tekst.';
    const json = Buffer.from(text, 'base64').toString('utf8');
    try {
      parsed = JSON.parse(json) as unknown;
    } catch {
      return 'De oplossing bevat geen geldige JSON.';
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'De oplossing heeft een onjuiste vorm.';
  return parsed as Record<string, unknown>;
}

/**
 * Verifies an ALTCHA v1 solution (base64 JSON string or an already-parsed object). Never throws.
 * On success `challengeId` (the signature) must be stored until `expiresAt` to refuse replays.
 */
export function verifySolution(payload: unknown, hmacKey: Buffer | string, now: Date): VerifyResult {
  try {
    const decoded = decodePayload(payload);
    if (typeof decoded === 'string') return fail(decoded);
    const { algorithm, challenge, number, salt, signature, took } = decoded;
    if (algorithm !== 'SHA-256') return fail('Het algoritme van de oplossing wordt niet ondersteund.');
    if (typeof challenge !== 'string' || !HEX64.test(challenge)) return fail('De uitdaging in de oplossing is ongeldig.');
    if (typeof signature !== 'string' || !HEX64.test(signature)) return fail('De ondertekening van de oplossing is ongeldig.');
    if (typeof salt !== 'string') return fail('De salt van de oplossing is ongeldig.');
    if (typeof number !== 'number' || !Number.isSafeInteger(number)) return fail('Het getal in de oplossing is ongeldig.');
    if (number < 0 || number > MAX_NUMBER) return fail('Het getal in de oplossing valt buiten het toegestane bereik.');
    if (took !== undefined && (typeof took !== 'number' || !Number.isFinite(took) || took < 0)) return fail('De oplossing heeft een onjuiste vorm.');
    const match = SALT_PATTERN.exec(salt);
    if (!match?.[1]) return fail('De uitdaging heeft geen geldige vervaldatum.');
    const expiresAt = new Date(Number(match[1]) * 1000);
    if (!Number.isFinite(now.getTime()) || expiresAt.getTime() <= now.getTime()) return fail('De uitdaging is verlopen. Probeer het opnieuw.');
    if (!hexEqual(hmacHex(hmacKey, challenge), signature)) return fail('De ondertekening van de oplossing klopt niet.');
    if (!hexEqual(sha256Hex(salt + String(number)), challenge)) return fail('De oplossing is onjuist.');
    return { ok: true, challengeId: signature, expiresAt };
  } catch {
    // Defensive: e.g. a getter on a caller-supplied object, or an unusable hmacKey.
    return fail('De oplossing kon niet worden gecontroleerd.');
  }
}

/** Synchronous brute-force solver (tests and benchmarks only; the browser uses web/src/meldpunt/altcha.ts). */
export function solveChallenge(ch: AltchaChallenge): { number: number; payload: string } {
  const started = Date.now();
  const max = Math.min(ch.maxnumber, MAX_NUMBER);
  for (let number = 0; number <= max; number++) {
    if (sha256Hex(ch.salt + String(number)) === ch.challenge) {
      const solution = { algorithm: ch.algorithm, challenge: ch.challenge, number, salt: ch.salt, signature: ch.signature, took: Date.now() - started };
      return { number, payload: Buffer.from(JSON.stringify(solution), 'utf8').toString('base64') };
    }
  }
  throw new Error('Geen oplossing gevonden voor de uitdaging.');
}
