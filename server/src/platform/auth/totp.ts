// SPDX-License-Identifier: EUPL-1.2
// TOTP (RFC 6238, SHA-1, 6 digits, 30 s) with replay protection through the last accepted step.
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import crypto from 'node:crypto';

export const TOTP_ISSUER = 'Knooppunt Tweestromenland';
const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

export function otpauthUri(secretBase32: string, username: string): string {
  return totpFor(secretBase32, username).toString();
}

export async function qrCodeSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/**
 * Returns the accepted time step, or null. A window of one step either side allows for clock
 * drift; a step at or before `lastStep` is refused (a code can be used once).
 */
export function verifyTotp(secretBase32: string, code: string, lastStep: number | null, now: number = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32, 'x').validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

export function generateTotp(secretBase32: string, now: number = Date.now()): string {
  return totpFor(secretBase32, 'x').generate({ timestamp: now });
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** Ten recovery codes of 12 characters (~59 bits each), formatted xxxx-xxxx-xxxx. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = crypto.randomBytes(12);
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}
