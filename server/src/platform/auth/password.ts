// SPDX-License-Identifier: EUPL-1.2
// NIST SP 800-63B passwords: at least 12 characters, checked against a list of common and
// breached passwords, no composition rules. Hashed with argon2id.
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

const ARGON2_OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum, not importable under verbatimModuleSyntax) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** Dutch and local additions to the bundled list of ~49,000 common passwords. */
const LOCAL_COMMON = [
  'wachtwoord', 'wachtwoord1', 'wachtwoord12', 'wachtwoord123', 'welkom', 'welkom01', 'welkom123', 'welkomwelkom',
  'geheimgeheim', 'zomer2024', 'winter2024', 'voorjaar2025', 'najaar2025', 'knooppunt', 'knooppunt123', 'tweestromenland',
  'wijchen', 'beuningen', 'druten', 'heumen', 'bergendal', 'westmaasenwaal', 'gemeente', 'gemeente123', 'veiligheid',
  'veiligheid123', 'politie', 'politie112', 'ajax1900', 'feyenoord', 'psvpsvpsv', 'nederland', 'amsterdam', 'rotterdam',
  'nijmegen', 'nijmegen024',
];

const COMMON: ReadonlySet<string> = new Set([...(dictionary['passwords-common'] as string[]), ...LOCAL_COMMON].map((p) => p.toLowerCase()));

function normalizedCore(pw: string): string {
  // "Welkom2024!" and "welkom2024" are the same weak choice: strip trailing digits/symbols too.
  return pw.toLowerCase().replace(/[\d\W_]+$/u, '');
}

/** Returns a Dutch reason when the password is not acceptable, or null when it is. */
export function passwordProblem(password: string, context: { username?: string; email?: string } = {}): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `Het wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens lang zijn.`;
  if (length > MAX_PASSWORD_LENGTH) return `Het wachtwoord mag hoogstens ${MAX_PASSWORD_LENGTH} tekens lang zijn.`;
  const lower = password.toLowerCase();
  const core = normalizedCore(password);
  if (COMMON.has(lower) || (core.length >= 4 && COMMON.has(core))) {
    return 'Dit wachtwoord staat op de lijst van veelgebruikte of gelekte wachtwoorden. Kies een ander, bijvoorbeeld een zin van vier losse woorden.';
  }
  if (/^(.)\1+$/u.test(password)) return 'Het wachtwoord bestaat uit één herhaald teken.';
  if ('01234567890123456789'.includes(password) || 'abcdefghijklmnopqrstuvwxyz'.includes(lower) || 'qwertyuiopasdfghjklzxcvbnm'.includes(lower)) {
    return 'Het wachtwoord is een eenvoudige reeks.';
  }
  for (const v of [context.username, context.email, context.email?.split('@')[0]]) {
    if (v && v.length >= 4 && lower.includes(v.toLowerCase())) return 'Het wachtwoord mag uw gebruikersnaam of e-mailadres niet bevatten.';
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
/** Spend the same time when the user does not exist, so timing does not reveal accounts. */
export async function verifyDummy(password: string): Promise<false> {
  dummy ??= hashPassword('niet-bestaande-gebruiker-dummy-wachtwoord');
  await verifyPassword(await dummy, password);
  return false;
}
