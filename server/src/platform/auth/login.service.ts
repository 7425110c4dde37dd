// SPDX-License-Identifier: EUPL-1.2
// Login with password + TOTP, lockout, MFA enrolment, recovery codes, own account. Every login,
// failure and MFA event is audited in the transaction that changes state.
import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { PlatformDeps } from '../deps.js';
import { AppError } from '../http/errors.js';
import { decrypt, encrypt, pseudonymise } from '../crypto.js';
import { recordAudit, type RequestOrigin } from '../audit/audit.js';
import { usersRepository, type UserWithOrganisation } from '../identity/users.repository.js';
import type { UserActor } from './actor.js';
import { isRole } from './roles.js';
import { hashPassword, passwordProblem, verifyDummy, verifyPassword } from './password.js';
import { createSession, endSession, endUserSessions, type SessionStatus } from './sessions.js';
import { newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, otpauthUri, qrCodeSvg, verifyTotp } from './totp.js';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

export interface LoginInput {
  gebruikersnaam: string;
  wachtwoord: string;
  totpCode?: string | undefined;
  herstelcode?: string | undefined;
}

function actorOf(u: UserWithOrganisation, sessionId: string, orgKind: string): UserActor {
  return { kind: 'gebruiker', userId: u.id, username: u.gebruikersnaam, organisationId: u.organisatie_id, organisationCode: u.org_code, organisationKind: orgKind, roles: u.rollen.filter(isRole), sessionId };
}

export function recoveryHash(deps: PlatformDeps, code: string): string {
  return crypto.createHmac('sha256', deps.secrets.pseudonymKey).update(`herstelcode:${normaliseRecoveryCode(code)}`).digest('hex');
}

async function orgKind(trx: Transaction<DB>, organisationId: string): Promise<string> {
  const o = await trx.selectFrom('organisaties').select('soort').where('id', '=', organisationId).executeTakeFirstOrThrow();
  return o.soort;
}

export function createLoginService(deps: PlatformDeps) {
  /** A new set of recovery codes voids every earlier one. */
  async function replaceRecoveryCodes(trx: Transaction<DB>, userId: string, codes: string[]) {
    await trx.deleteFrom('herstelcodes').where('gebruiker_id', '=', userId).execute();
    await trx.insertInto('herstelcodes').values(codes.map((c) => ({ gebruiker_id: userId, code_hash: recoveryHash(deps, c) }))).execute();
  }

  const lockKey = (username: string, ip: string | null) => pseudonymise(deps.secrets, 'inlog', `${username.toLowerCase()}|${ip ?? '-'}`);

  async function recentFailures(key: string, now: Date): Promise<{ count: number; oldest: Date | null }> {
    const rows = await deps.db
      .selectFrom('inlogpogingen')
      .select('tijdstip')
      .where('sleutel', '=', key)
      .where('geslaagd', '=', false)
      .where('tijdstip', '>', new Date(now.getTime() - FAILURE_WINDOW_MS))
      .orderBy('tijdstip')
      .execute();
    return { count: rows.length, oldest: rows[0]?.tijdstip ?? null };
  }

  async function fail(key: string, username: string, userId: string | null, origin: RequestOrigin, reason: string, now: Date): Promise<never> {
    await deps.db.transaction().execute(async (trx) => {
      await trx.insertInto('inlogpogingen').values({ sleutel: key, tijdstip: now, geslaagd: false }).execute();
      await recordAudit(trx, null, origin, { action: 'inloggen', objectType: 'gebruiker', objectId: userId, result: 'mislukt', details: { reden: reason, gebruikersnaam: username.slice(0, 100) } }, now);
    });
    if (reason === 'mfa-onjuist') throw new AppError('MFA_ONJUIST', 'De verificatiecode of herstelcode klopt niet.');
    throw new AppError('INLOGGEN_MISLUKT', 'De combinatie van gebruikersnaam en wachtwoord is onjuist, of het account is geblokkeerd.');
  }

  async function startSession(trx: Transaction<DB>, user: UserWithOrganisation, status: SessionStatus, origin: RequestOrigin, now: Date, method: string) {
    const { token, session } = await createSession(trx, { userId: user.id, organisationId: user.organisatie_id, status, ipAddress: origin.ipAddress, now });
    await trx.updateTable('gebruikers').set({ laatst_ingelogd_op: now }).where('id', '=', user.id).execute();
    const actor = actorOf(user, session.id, await orgKind(trx, user.organisatie_id));
    await recordAudit(trx, actor, origin, { action: 'inloggen', objectType: 'gebruiker', objectId: user.id, details: { methode: method, sessieStatus: status } }, now);
    return { token, session };
  }

  return {
    async login(input: LoginInput, origin: RequestOrigin) {
      const now = deps.clock.now();
      const key = lockKey(input.gebruikersnaam, origin.ipAddress);
      const failures = await recentFailures(key, now);
      if (failures.count >= MAX_FAILURES) {
        const retryAfter = Math.max(1, Math.ceil(((failures.oldest?.getTime() ?? now.getTime()) + FAILURE_WINDOW_MS - now.getTime()) / 1000));
        await deps.db.transaction().execute((trx) =>
          recordAudit(trx, null, origin, { action: 'inloggen', objectType: 'gebruiker', result: 'geweigerd', details: { reden: 'geblokkeerd', gebruikersnaam: input.gebruikersnaam.slice(0, 100) } }, now),
        );
        throw new AppError('TE_VEEL_POGINGEN', `Te veel mislukte pogingen. Probeer het over ${Math.ceil(retryAfter / 60)} minuten opnieuw.`, [], { 'Retry-After': String(retryAfter) });
      }
      const user = await usersRepository.findByUsername(deps.db, { kind: 'alle', reason: 'inloggen' }, input.gebruikersnaam);
      if (!user || !user.actief || !user.wachtwoord_hash) {
        await verifyDummy(input.wachtwoord);
        return fail(key, input.gebruikersnaam, user?.id ?? null, origin, user ? 'account-geblokkeerd-of-zonder-wachtwoord' : 'onbekende-gebruiker', now);
      }
      if (!(await verifyPassword(user.wachtwoord_hash, input.wachtwoord))) return fail(key, input.gebruikersnaam, user.id, origin, 'wachtwoord-onjuist', now);

      if (user.totp_geheim) {
        if (!input.totpCode && !input.herstelcode) {
          throw new AppError('MFA_VEREIST', 'Vul de verificatiecode uit uw authenticator-app in.');
        }
        if (input.totpCode) {
          const step = verifyTotp(decrypt(deps.secrets, user.totp_geheim), input.totpCode.trim(), user.totp_laatste_stap, now.getTime());
          if (step === null) return fail(key, input.gebruikersnaam, user.id, origin, 'mfa-onjuist', now);
          return deps.db.transaction().execute(async (trx) => {
            const claimed = await trx.updateTable('gebruikers').set({ totp_laatste_stap: step }).where('id', '=', user.id).where((eb) => eb.or([eb('totp_laatste_stap', 'is', null), eb('totp_laatste_stap', '<', step)])).executeTakeFirst();
            if (Number(claimed.numUpdatedRows) !== 1) throw new AppError('MFA_ONJUIST', 'Deze verificatiecode is al gebruikt; wacht op de volgende.');
            await trx.insertInto('inlogpogingen').values({ sleutel: key, tijdstip: now, geslaagd: true }).execute();
            return startSession(trx, user, 'actief', origin, now, 'wachtwoord+totp');
          });
        }
        const hashValue = recoveryHash(deps, input.herstelcode ?? '');
        const ok = await deps.db.transaction().execute(async (trx) => {
          const used = await trx.updateTable('herstelcodes').set({ gebruikt_op: now }).where('gebruiker_id', '=', user.id).where('code_hash', '=', hashValue).where('gebruikt_op', 'is', null).executeTakeFirst();
          if (Number(used.numUpdatedRows) !== 1) return null;
          await trx.insertInto('inlogpogingen').values({ sleutel: key, tijdstip: now, geslaagd: true }).execute();
          const actor = actorOf(user, '-', await orgKind(trx, user.organisatie_id));
          await recordAudit(trx, actor, origin, { action: 'mfa-herstelcode-gebruikt', objectType: 'gebruiker', objectId: user.id }, now);
          return startSession(trx, user, 'actief', origin, now, 'wachtwoord+herstelcode');
        });
        if (!ok) return fail(key, input.gebruikersnaam, user.id, origin, 'mfa-onjuist', now);
        return ok;
      }
      return deps.db.transaction().execute(async (trx) => {
        await trx.insertInto('inlogpogingen').values({ sleutel: key, tijdstip: now, geslaagd: true }).execute();
        return startSession(trx, user, 'mfa-inschrijving', origin, now, 'wachtwoord');
      });
    },

    /** Session for a user authenticated by the organisation's OpenID provider (MFA is the IdP's). */
    async loginOidc(user: UserWithOrganisation, origin: RequestOrigin) {
      const now = deps.clock.now();
      return deps.db.transaction().execute((trx) => startSession(trx, user, 'actief', origin, now, 'oidc'));
    },

    async logout(actor: UserActor, origin: RequestOrigin) {
      const now = deps.clock.now();
      await deps.db.transaction().execute(async (trx) => {
        await endSession(trx, actor.sessionId, now);
        await recordAudit(trx, actor, origin, { action: 'uitloggen', objectType: 'gebruiker', objectId: actor.userId }, now);
      });
    },

    async startTotpEnrolment(actor: UserActor, origin: RequestOrigin) {
      const now = deps.clock.now();
      const secret = newTotpSecret();
      const uri = otpauthUri(secret, actor.username);
      await deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('gebruikers').set({ totp_voorlopig: encrypt(deps.secrets, secret), bijgewerkt_op: now }).where('id', '=', actor.userId).execute();
        await recordAudit(trx, actor, origin, { action: 'mfa-inschrijving-gestart', objectType: 'gebruiker', objectId: actor.userId }, now);
      });
      return { otpauthUri: uri, geheim: secret, qrCodeSvg: await qrCodeSvg(uri) };
    },

    async confirmTotpEnrolment(actor: UserActor, code: string, origin: RequestOrigin) {
      const now = deps.clock.now();
      const user = await deps.db.selectFrom('gebruikers').select(['totp_voorlopig', 'organisatie_id']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
      if (!user.totp_voorlopig) throw new AppError('ONGELDIGE_INVOER', 'Start eerst de inschrijving van de authenticator-app.', [{ veld: 'totpCode', melding: 'Er is geen inschrijving gestart.' }]);
      const step = verifyTotp(decrypt(deps.secrets, user.totp_voorlopig), code.trim(), null, now.getTime());
      if (step === null) {
        await deps.db.transaction().execute((trx) => recordAudit(trx, actor, origin, { action: 'mfa-inschrijving-bevestigd', objectType: 'gebruiker', objectId: actor.userId, result: 'mislukt' }, now));
        throw new AppError('ONGELDIGE_INVOER', 'De verificatiecode klopt niet.', [{ veld: 'totpCode', melding: 'De code klopt niet. Controleer de tijd op uw telefoon en probeer de volgende code.' }]);
      }
      const codes = newRecoveryCodes();
      const result = await deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('gebruikers').set({ totp_geheim: user.totp_voorlopig, totp_voorlopig: null, totp_ingeschreven_op: now, totp_laatste_stap: step, bijgewerkt_op: now }).where('id', '=', actor.userId).execute();
        await replaceRecoveryCodes(trx, actor.userId, codes);
        // Privilege change: a new session id, the enrolment session ends.
        await endSession(trx, actor.sessionId, now);
        const created = await createSession(trx, { userId: actor.userId, organisationId: user.organisatie_id, status: 'actief', ipAddress: origin.ipAddress, now });
        await recordAudit(trx, actor, origin, { action: 'mfa-inschrijving-bevestigd', objectType: 'gebruiker', objectId: actor.userId }, now);
        return created;
      });
      return { herstelcodes: codes, ...result };
    },

    async regenerateRecoveryCodes(actor: UserActor, totpCode: string, origin: RequestOrigin) {
      const now = deps.clock.now();
      const user = await deps.db.selectFrom('gebruikers').select(['totp_geheim', 'totp_laatste_stap']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
      const step = user.totp_geheim ? verifyTotp(decrypt(deps.secrets, user.totp_geheim), totpCode.trim(), user.totp_laatste_stap, now.getTime()) : null;
      if (step === null) throw new AppError('ONGELDIGE_INVOER', 'De verificatiecode klopt niet.', [{ veld: 'totpCode', melding: 'De code klopt niet.' }]);
      const codes = newRecoveryCodes();
      await deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('gebruikers').set({ totp_laatste_stap: step }).where('id', '=', actor.userId).execute();
        await replaceRecoveryCodes(trx, actor.userId, codes);
        await recordAudit(trx, actor, origin, { action: 'mfa-herstelcodes-vernieuwd', objectType: 'gebruiker', objectId: actor.userId }, now);
      });
      return codes;
    },

    async changePassword(actor: UserActor, current: string, next: string, origin: RequestOrigin) {
      const now = deps.clock.now();
      const user = await deps.db.selectFrom('gebruikers').select(['wachtwoord_hash', 'gebruikersnaam', 'email']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
      if (!user.wachtwoord_hash || !(await verifyPassword(user.wachtwoord_hash, current))) {
        throw new AppError('WACHTWOORD_ONJUIST', 'Het huidige wachtwoord klopt niet.', [{ veld: 'huidigWachtwoord', melding: 'Het huidige wachtwoord klopt niet.' }]);
      }
      const problem = passwordProblem(next, { username: user.gebruikersnaam, email: user.email });
      if (problem) throw new AppError('WACHTWOORD_ZWAK', problem, [{ veld: 'nieuwWachtwoord', melding: problem }]);
      const hashed = await hashPassword(next);
      await deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('gebruikers').set({ wachtwoord_hash: hashed, moet_wachtwoord_wijzigen: false, bijgewerkt_op: now }).where('id', '=', actor.userId).execute();
        // Other sessions end when the password changes; the current one stays.
        await trx.updateTable('sessies').set({ beeindigd_op: now }).where('gebruiker_id', '=', actor.userId).where('id', '!=', actor.sessionId).where('beeindigd_op', 'is', null).execute();
        await recordAudit(trx, actor, origin, { action: 'wachtwoord-gewijzigd', objectType: 'gebruiker', objectId: actor.userId }, now);
      });
    },

    async endOwnSession(actor: UserActor, publicId: string, origin: RequestOrigin) {
      const now = deps.clock.now();
      const done = await deps.db.transaction().execute(async (trx) => {
        const r = await trx.updateTable('sessies').set({ beeindigd_op: now }).where('gebruiker_id', '=', actor.userId).where('publiek_id', '=', publicId).where('beeindigd_op', 'is', null).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) return false;
        await recordAudit(trx, actor, origin, { action: 'sessie-beeindigd', objectType: 'sessie', objectId: publicId }, now);
        return true;
      });
      if (!done) throw new AppError('NIET_GEVONDEN', 'Deze sessie bestaat niet (meer).');
    },

    endUserSessions: (trx: Transaction<DB>, userId: string) => endUserSessions(trx, userId, deps.clock.now()),
  };
}

export type LoginService = ReturnType<typeof createLoginService>;
