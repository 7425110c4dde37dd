// SPDX-License-Identifier: EUPL-1.2
// User administration by the functioneel beheerder (own organisation; platform administrators all),
// the CLI, and the first-administrator installation.
import crypto from 'node:crypto';
import type { PlatformDeps } from '../deps.js';
import { AppError, notFound } from '../http/errors.js';
import { encrypt, pseudonymise, sha256 } from '../crypto.js';
import { recordAudit, type RequestOrigin } from '../audit/audit.js';
import { recordProcessing } from '../ldv/ldv.js';
import type { TraceContext } from '../ldv/trace-context.js';
import type { Actor } from '../auth/actor.js';
import { can, scopeFor, type TenantScope } from '../auth/policy.js';
import type { Role } from '../auth/roles.js';
import { hashPassword, passwordProblem } from '../auth/password.js';
import { endUserSessions } from '../auth/sessions.js';
import { newTotpSecret, otpauthUri } from '../auth/totp.js';
import { organisationsRepository } from './organisations.repository.js';
import { usersRepository, type UserWithOrganisation } from './users.repository.js';
import { PLATFORM_ORG_CODE } from './seed.js';

export interface NewUserInput {
  gebruikersnaam: string;
  naam: string;
  email: string;
  organisatieId: string;
  rollen: Role[];
  /** When absent a temporary password is generated and returned once. */
  wachtwoord?: string;
  enrollTotp?: boolean;
}

const TEMP_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export function temporaryPassword(): string {
  const bytes = crypto.randomBytes(20);
  const chars = [...bytes].map((b) => TEMP_ALPHABET[b % TEMP_ALPHABET.length]).join('');
  return chars.match(/.{1,5}/g)!.join('-');
}

export const userSubject = (deps: PlatformDeps, userId: string) => pseudonymise(deps.secrets, 'gebruiker', userId);

export function createUsersService(deps: PlatformDeps) {
  async function createUser(actor: Actor, input: NewUserInput, origin: RequestOrigin) {
    const now = deps.clock.now();
    const org = await organisationsRepository.findById(deps.db, input.organisatieId).catch(() => undefined);
    if (!org || !can(actor, 'gebruikers:beheren', { organisationId: org.id })) {
      throw new AppError('ONGELDIGE_INVOER', 'Een of meer velden zijn niet goed ingevuld.', [{ veld: 'organisatieId', melding: 'Onbekende organisatie, of u beheert deze organisatie niet.' }]);
    }
    const scope: TenantScope = scopeFor(actor, 'gebruikers:beheren');
    const existing = await usersRepository.findByUsername(deps.db, { kind: 'alle', reason: 'uniciteit' }, input.gebruikersnaam);
    if (existing) throw new AppError('CONFLICT', 'Deze gebruikersnaam is al in gebruik.', [{ veld: 'gebruikersnaam', melding: 'Deze gebruikersnaam is al in gebruik.' }]);
    const generated = input.wachtwoord === undefined;
    const password = input.wachtwoord ?? temporaryPassword();
    if (!generated) {
      const problem = passwordProblem(password, { username: input.gebruikersnaam, email: input.email });
      if (problem) throw new AppError('WACHTWOORD_ZWAK', problem, [{ veld: 'wachtwoord', melding: problem }]);
    }
    const totpSecret = input.enrollTotp ? newTotpSecret() : null;
    const hashed = await hashPassword(password);
    const user = await deps.db.transaction().execute(async (trx) => {
      const u = await usersRepository.insert(trx, scope, {
        organisatie_id: org.id,
        gebruikersnaam: input.gebruikersnaam,
        naam: input.naam,
        email: input.email,
        rollen: input.rollen,
        wachtwoord_hash: hashed,
        moet_wachtwoord_wijzigen: generated,
        totp_geheim: totpSecret ? encrypt(deps.secrets, totpSecret) : null,
        totp_ingeschreven_op: totpSecret ? now : null,
        bijgewerkt_op: now,
      });
      await recordAudit(trx, actor, origin, { action: 'gebruiker-aangemaakt', objectType: 'gebruiker', objectId: u.id, subject: userSubject(deps, u.id), details: { organisatie: org.code, rollen: input.rollen, totpIngeschreven: Boolean(totpSecret) } }, now);
      return u;
    });
    const full = (await usersRepository.findById(deps.db, { kind: 'alle', reason: 'zojuist aangemaakt' }, user.id))!;
    return { user: full, temporaryPassword: generated ? password : null, otpauthUri: totpSecret ? otpauthUri(totpSecret, input.gebruikersnaam) : null, totpSecret };
  }

  async function loadForAdmin(actor: Actor, id: string, origin: RequestOrigin): Promise<UserWithOrganisation> {
    const user = await usersRepository.findById(deps.db, scopeFor(actor, 'gebruikers:beheren'), id);
    // Not found and not allowed look the same: existence is not leaked (404). The attempt is audited.
    if (!user || !can(actor, 'gebruikers:beheren', { organisationId: user.organisatie_id })) {
      await deps.db.transaction().execute((trx) => recordAudit(trx, actor, origin, { action: 'gebruiker-niet-gevonden', objectType: 'gebruiker', objectId: id.slice(0, 64), result: 'geweigerd' }, deps.clock.now()));
      throw notFound('Deze gebruiker bestaat niet of valt buiten uw organisatie.');
    }
    return user;
  }

  return {
    createUser,

    async list(actor: Actor, trace: TraceContext | null, origin: RequestOrigin) {
      const users = await usersRepository.list(deps.db, scopeFor(actor, 'gebruikers:beheren'));
      await deps.db.transaction().execute(async (trx) => {
        await recordAudit(trx, actor, origin, { action: 'gebruikers-gelezen', objectType: 'gebruiker', details: { aantal: users.length } }, deps.clock.now());
        for (const u of users) {
          await recordProcessing(trx, trace, { name: 'gebruikerslijst-lezen', processingActivity: 'va-gebruikersbeheer', subjectId: userSubject(deps, u.id), subjectIdType: 'gebruiker' });
        }
      });
      return users;
    },

    async get(actor: Actor, id: string, trace: TraceContext | null, origin: RequestOrigin) {
      const user = await loadForAdmin(actor, id, origin);
      await deps.db.transaction().execute(async (trx) => {
        await recordAudit(trx, actor, origin, { action: 'gebruiker-gelezen', objectType: 'gebruiker', objectId: user.id, subject: userSubject(deps, user.id) }, deps.clock.now());
        await recordProcessing(trx, trace, { name: 'gebruiker-lezen', processingActivity: 'va-gebruikersbeheer', subjectId: userSubject(deps, user.id), subjectIdType: 'gebruiker' });
      });
      return user;
    },

    async update(actor: Actor, id: string, patch: { naam?: string; email?: string; rollen?: Role[]; actief?: boolean }, origin: RequestOrigin) {
      const user = await loadForAdmin(actor, id, origin);
      const now = deps.clock.now();
      if (actor.kind === 'gebruiker' && actor.userId === id && (patch.actief === false || (patch.rollen && !patch.rollen.includes('functioneel-beheerder')))) {
        throw new AppError('CONFLICT', 'U kunt uw eigen account niet blokkeren of uw eigen beheerrol niet afnemen.');
      }
      await deps.db.transaction().execute(async (trx) => {
        await usersRepository.update(trx, scopeFor(actor, 'gebruikers:beheren'), id, { ...patch, bijgewerkt_op: now });
        if (patch.actief === false) await endUserSessions(trx, id, now);
        await recordAudit(trx, actor, origin, { action: patch.actief === false ? 'gebruiker-geblokkeerd' : 'gebruiker-gewijzigd', objectType: 'gebruiker', objectId: id, subject: userSubject(deps, id), details: { velden: Object.keys(patch) } }, now);
      });
      return (await usersRepository.findById(deps.db, { kind: 'alle', reason: 'zojuist gewijzigd' }, user.id))!;
    },

    async resetMfa(actor: Actor, id: string, origin: RequestOrigin) {
      await loadForAdmin(actor, id, origin);
      const now = deps.clock.now();
      await deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('gebruikers').set({ totp_geheim: null, totp_voorlopig: null, totp_ingeschreven_op: null, totp_laatste_stap: null, bijgewerkt_op: now }).where('id', '=', id).execute();
        await trx.deleteFrom('herstelcodes').where('gebruiker_id', '=', id).execute();
        await endUserSessions(trx, id, now);
        await recordAudit(trx, actor, origin, { action: 'mfa-hersteld', objectType: 'gebruiker', objectId: id, subject: userSubject(deps, id) }, now);
      });
    },

    async endSessions(actor: Actor, id: string, origin: RequestOrigin) {
      await loadForAdmin(actor, id, origin);
      const now = deps.clock.now();
      await deps.db.transaction().execute(async (trx) => {
        const n = await endUserSessions(trx, id, now);
        await recordAudit(trx, actor, origin, { action: 'sessies-beeindigd', objectType: 'gebruiker', objectId: id, subject: userSubject(deps, id), details: { aantal: n } }, now);
      });
    },

    /** First start: a one-time installation code (printed, stored only as a hash). */
    async prepareInstallation(): Promise<string | null> {
      if ((await usersRepository.countAdministrators(deps.db)) > 0) return null;
      const code = temporaryPassword().toUpperCase();
      await deps.db
        .insertInto('instellingen')
        .values({ sleutel: 'installatiecode', waarde: sha256(code) })
        .onConflict((oc) => oc.column('sleutel').doUpdateSet({ waarde: sha256(code) }))
        .execute();
      return code;
    },

    async installationNeeded(): Promise<boolean> {
      return (await usersRepository.countAdministrators(deps.db)) === 0;
    },

    async installFirstAdministrator(input: { installatiecode: string; gebruikersnaam: string; naam: string; email: string; wachtwoord: string }, origin: RequestOrigin) {
      const stored = await deps.db.selectFrom('instellingen').select('waarde').where('sleutel', '=', 'installatiecode').executeTakeFirst();
      const given = Buffer.from(sha256(input.installatiecode.trim().toUpperCase()), 'hex');
      if (!stored || (await usersRepository.countAdministrators(deps.db)) > 0 || !crypto.timingSafeEqual(Buffer.from(stored.waarde, 'hex'), given)) {
        throw new AppError('INSTALLATIECODE_ONGELDIG', 'De installatiecode is onjuist of al gebruikt.');
      }
      const org = await organisationsRepository.findByCode(deps.db, PLATFORM_ORG_CODE);
      if (!org) throw new Error('platformorganisatie ontbreekt');
      const system = { kind: 'systeem' as const, name: 'installatie' };
      const result = await createUser(system, { gebruikersnaam: input.gebruikersnaam, naam: input.naam, email: input.email, organisatieId: org.id, rollen: ['functioneel-beheerder'], wachtwoord: input.wachtwoord }, origin);
      await deps.db.deleteFrom('instellingen').where('sleutel', '=', 'installatiecode').execute();
      return result.user;
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
