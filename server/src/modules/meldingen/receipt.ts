// SPDX-License-Identifier: EUPL-1.2
// Ontvangstcode: 20 random digits (≈ 66 bits), shown once, stored only as an argon2id hash.
// The hash uses an installation-wide salt derived from the master key so a code can be looked up
// by its hash (as GlobaLeaks does with its receipts); brute force is slowed by argon2 and the
// in-memory rate limit on the lookup routes. The parameters are for a high-entropy secret, not a
// password: guessing 66 random bits is out of reach at any hash cost, so the work factor only has
// to keep the hash from being a plain digest, and one hash costs about a quarter of a millisecond — the
// intake's throughput depends on it (ADR 0007).
import crypto from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';
import type { Secrets } from '../../platform/crypto.js';

export const RECEIPT_DIGITS = 20;
const PARAMS = { algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1, outputLen: 32 } as const;

export function generateReceiptCode(): string {
  let digits = '';
  while (digits.length < RECEIPT_DIGITS) {
    const n = crypto.randomInt(0, 1_000_000_000);
    digits += String(n).padStart(9, '0');
  }
  return digits.slice(0, RECEIPT_DIGITS);
}

/** Groups of four for reading aloud and writing down: 1234 5678 9012 3456 7890. */
export function formatReceiptCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** Accepts spaces, dashes and dots between digits; null when it cannot be a code. */
export function normaliseReceiptCode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  const digits = input.replace(/[\s.-]/g, '');
  return new RegExp(`^\\d{${RECEIPT_DIGITS}}$`).test(digits) ? digits : null;
}

export async function hashReceiptCode(secrets: Secrets, code: string): Promise<string> {
  const salt = crypto.createHmac('sha256', secrets.pseudonymKey).update('ontvangstcode-zout').digest().subarray(0, 16);
  const raw = await hashRaw(code, { ...PARAMS, salt });
  return `argon2id$m=${PARAMS.memoryCost},t=${PARAMS.timeCost}$${raw.toString('base64url')}`;
}
