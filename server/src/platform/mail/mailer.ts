// SPDX-License-Identifier: EUPL-1.2
// Outgoing mail through an outbox: `enqueueMail` writes a row in the caller's transaction (so a mail
// exists if and only if the change committed); the mail job sends pending rows over SMTP with
// retries and wipes recipient and body once a mail is sent or given up. Addresses and bodies are
// encrypted at rest and never logged.
import nodemailer, { type Transporter } from 'nodemailer';
import { sql, type Transaction } from 'kysely';
import { decrypt, encrypt, type Secrets } from '../crypto.js';
import type { PlatformDeps } from '../deps.js';
import type { DB } from '../db/schema.js';
import type { JobDefinition } from '../jobs/runner.js';

export interface OutgoingMail {
  /** Kind of mail, for the outbox and statistics (e.g. 'ontvangstbevestiging'). */
  soort: string;
  to: string;
  /** Stored unencrypted: never put personal data in a subject. */
  subject: string;
  text: string;
}

export interface MailSender {
  /** Sends up to `limit` due mails; counts are of this call (failed = attempts that failed). */
  sendPending(limit?: number): Promise<{ sent: number; failed: number }>;
  close(): Promise<void>;
}

export const MAIL_JOB_NAME = 'mail-verzenden';
/** Attempts per mail before it is given up. */
export const MAX_MAIL_ATTEMPTS = 5;
/** Wait after failed attempt 1, 2, 3 (and further): 1, 5, 30 minutes. */
export const MAIL_BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000] as const;
/** A claimed mail is not picked up by another sender for this long (a crashed sender's mail is retried after it). */
const CLAIM_LEASE_MS = 10 * 60_000;
const NO_SMTP = 'geen SMTP-server ingesteld';

const EMAIL_LIKE = /[^\s<>"'(),;:[\]]+@[^\s<>"'(),;:[\]]+/g;

/** Error text for the outbox and the log: SMTP code and message, with anything address-like removed. */
function describeSendError(err: unknown): string {
  const e = err as { code?: unknown; responseCode?: unknown; message?: unknown };
  const parts = [typeof e.code === 'string' ? e.code : 'fout', typeof e.responseCode === 'number' ? String(e.responseCode) : ''].filter(Boolean);
  const message = typeof e.message === 'string' ? e.message.replace(EMAIL_LIKE, '[adres]') : '';
  const text = `${parts.join(' ')}${message ? `: ${message}` : ''}`;
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

function backoffMs(attempt: number): number {
  return MAIL_BACKOFF_MS[Math.min(Math.max(attempt, 1), MAIL_BACKOFF_MS.length) - 1] ?? 30 * 60_000;
}

/**
 * Puts a mail in the outbox inside the caller's transaction. Recipient and text are encrypted;
 * the mail job sends it after the commit (and `kickMailSender()` may be called after the commit to
 * send it at once). Returns the outbox id.
 */
export async function enqueueMail(trx: Transaction<DB>, secrets: Secrets, mail: OutgoingMail, now: Date): Promise<string> {
  const to = mail.to.trim();
  if (!/^[^\s@,;<>]+@[^\s@,;<>]+$/.test(to)) throw new Error('ongeldig e-mailadres voor uitgaande mail');
  if (/[\r\n]/.test(mail.subject)) throw new Error('het onderwerp van een mail mag geen regeleinde bevatten');
  const row = await trx
    .insertInto('mail_uitgaand')
    .values({
      soort: mail.soort,
      ontvanger_versleuteld: encrypt(secrets, to),
      onderwerp: mail.subject,
      tekst_versleuteld: encrypt(secrets, mail.text),
      status: 'wachtend',
      volgende_poging_op: now,
      aangemaakt_op: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function createMailSender(deps: PlatformDeps): MailSender {
  const { db, log } = deps;
  let transport: Transporter | null = null;

  const getTransport = (url: string): Transporter =>
    (transport ??= nodemailer.createTransport({ url, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 }));

  /** Without SMTP nothing is sent and nothing kept: due mails are given up and wiped. */
  async function discardPending(now: Date): Promise<number> {
    const rows = await db
      .updateTable('mail_uitgaand')
      .set({ status: 'mislukt', laatste_fout: NO_SMTP, ontvanger_versleuteld: null, tekst_versleuteld: null })
      .where('status', '=', 'wachtend')
      .where('volgende_poging_op', '<=', now)
      .returning('id')
      .execute();
    if (rows.length > 0) log.warn({ aantal: rows.length }, `uitgaande mail niet verzonden: ${NO_SMTP} (KNOOPPUNT_SMTP_URL)`);
    return rows.length;
  }

  /**
   * Claims due mails in one statement: the CTE locks them with FOR UPDATE SKIP LOCKED (rows another
   * sender is claiming are skipped) and the UPDATE moves their next attempt past a lease, so no
   * other sender picks them up while this one is talking to the SMTP server. The attempt number
   * returned fences the final update.
   */
  async function claim(now: Date, limit: number) {
    return db
      .with('geclaimd', (qb) =>
        qb
          .selectFrom('mail_uitgaand')
          .select('id')
          .where('status', '=', 'wachtend')
          .where('volgende_poging_op', '<=', now)
          .orderBy('volgende_poging_op')
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .updateTable('mail_uitgaand')
      .set({ pogingen: sql<number>`pogingen + 1`, volgende_poging_op: new Date(now.getTime() + CLAIM_LEASE_MS) })
      .where('id', 'in', (eb) => eb.selectFrom('geclaimd').select('geclaimd.id'))
      .returning(['id', 'soort', 'ontvanger_versleuteld', 'onderwerp', 'tekst_versleuteld', 'pogingen'])
      .execute();
  }

  async function giveUp(id: string, attempt: number, fout: string): Promise<void> {
    await db
      .updateTable('mail_uitgaand')
      .set({ status: 'mislukt', laatste_fout: fout, ontvanger_versleuteld: null, tekst_versleuteld: null })
      .where('id', '=', id)
      .where('pogingen', '=', attempt)
      .execute();
  }

  return {
    async sendPending(limit = 50) {
      const now = deps.clock.now();
      const smtp = deps.config.smtp;
      if (!smtp) return { sent: 0, failed: await discardPending(now) };
      const claimed = await claim(now, limit);
      let sent = 0;
      let failed = 0;
      for (const mail of claimed) {
        const attempt = mail.pogingen;
        let to: string;
        let text: string;
        try {
          if (mail.ontvanger_versleuteld === null || mail.tekst_versleuteld === null) throw new Error('ontvanger of tekst ontbreekt');
          to = decrypt(deps.secrets, mail.ontvanger_versleuteld);
          text = decrypt(deps.secrets, mail.tekst_versleuteld);
        } catch {
          failed++;
          log.error({ mailId: mail.id, soort: mail.soort }, 'uitgaande mail kan niet worden ontsleuteld; opgegeven');
          await giveUp(mail.id, attempt, 'ontsleutelen mislukt');
          continue;
        }
        try {
          await getTransport(smtp.url).sendMail({ from: smtp.from, to, subject: mail.onderwerp, text });
          await db
            .updateTable('mail_uitgaand')
            .set({ status: 'verzonden', verzonden_op: deps.clock.now(), laatste_fout: null, ontvanger_versleuteld: null, tekst_versleuteld: null })
            .where('id', '=', mail.id)
            .where('pogingen', '=', attempt)
            .execute();
          sent++;
          log.info({ mailId: mail.id, soort: mail.soort, poging: attempt }, 'mail verzonden');
        } catch (err) {
          failed++;
          const fout = describeSendError(err);
          if (attempt >= MAX_MAIL_ATTEMPTS) {
            await giveUp(mail.id, attempt, fout);
            log.error({ mailId: mail.id, soort: mail.soort, poging: attempt, fout }, 'mail verzenden definitief mislukt');
          } else {
            const next = new Date(deps.clock.now().getTime() + backoffMs(attempt));
            await db
              .updateTable('mail_uitgaand')
              .set({ laatste_fout: fout, volgende_poging_op: next })
              .where('id', '=', mail.id)
              .where('pogingen', '=', attempt)
              .execute();
            log.warn({ mailId: mail.id, soort: mail.soort, poging: attempt, volgendePoging: next.toISOString(), fout }, 'mail verzenden mislukt; nieuwe poging later');
          }
        }
      }
      return { sent, failed };
    },
    close() {
      transport?.close();
      transport = null;
      return Promise.resolve();
    },
  };
}

let kick: (() => void) | null = null;

/**
 * Asks the running mail job to send pending mail now instead of at its next tick (call it after
 * the transaction with `enqueueMail` committed). Best effort: a no-op when no mail job has run in
 * this process yet; the job's next tick (≤ 15 s) sends the mail anyway.
 */
export function kickMailSender(): void {
  kick?.();
}

/** The job that sends the outbox every 15 seconds. */
export function mailJob(): JobDefinition {
  let sender: MailSender | null = null;
  let kicked: Promise<void> | null = null;
  let again = false;
  return {
    name: MAIL_JOB_NAME,
    schedule: { kind: 'interval', everyMs: 15_000 },
    async run({ deps }) {
      const s = (sender ??= createMailSender(deps));
      kick = () => {
        if (kicked) {
          again = true;
          return;
        }
        kicked = (async () => {
          do {
            again = false;
            await s.sendPending().catch((err: unknown) => deps.log.error({ err }, 'mail verzenden mislukt'));
          } while (again);
          kicked = null;
        })();
      };
      const { sent, failed } = await s.sendPending();
      return { verzonden: sent, mislukt: failed };
    },
    async close() {
      kick = null;
      await kicked;
      await sender?.close();
      sender = null;
    },
  };
}
