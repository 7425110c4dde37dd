// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { passwordProblem, hashPassword, verifyPassword } from './password.js';

describe('passwordProblem (NIST 800-63B)', () => {
  it('rejects short, common, breached and trivial passwords', () => {
    expect(passwordProblem('kort')).toMatch(/minstens 12/);
    expect(passwordProblem('password1234')).toMatch(/veelgebruikte/);
    expect(passwordProblem('Wachtwoord123!')).toMatch(/veelgebruikte/);
    expect(passwordProblem('aaaaaaaaaaaaaa')).not.toBeNull();
    expect(passwordProblem('123456789012')).not.toBeNull();
    expect(passwordProblem('jan.jansen-geheim-x', { username: 'jan.jansen' })).toMatch(/gebruikersnaam/);
  });
  it('accepts a long passphrase without composition rules', () => {
    expect(passwordProblem('paard batterij nietje correct')).toBeNull();
    expect(passwordProblem('zonder hoofdletters of cijfers prima')).toBeNull();
  });
  it('never throws and accepts every sufficiently long random string of 4+ distinct words', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = passwordProblem(s);
        expect(r === null || typeof r === 'string').toBe(true);
        if ([...s].length < 12) expect(r).not.toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('paard batterij nietje correct');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'paard batterij nietje correct')).toBe(true);
    expect(await verifyPassword(h, 'paard batterij nietje correcT')).toBe(false);
    expect(await verifyPassword('geen-hash', 'x')).toBe(false);
  });
});
