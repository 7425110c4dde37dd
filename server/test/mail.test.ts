// SPDX-License-Identifier: EUPL-1.2
// The mail outbox against a real SMTP server (smtp-server on 127.0.0.1): a mail exists only when its
// transaction committed, is delivered in UTF-8, and its recipient and body are wiped afterwards;
// rejected mail is retried with backoff and given up after five attempts; two senders in parallel
// (PostgreSQL: two connection pools) deliver every mail exactly once; no address or body is logged.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PlatformDeps } from '../src/platform/deps.js';
import { createMailSender, enqueueMail, kickMailSender, mailJob, MAX_MAIL_ATTEMPTS, type OutgoingMail } from '../src/platform/mail/mailer.js';
import { createJobRunner } from '../src/platform/jobs/runner.js';
import { openTwoInstances, type Instances } from './two-instances.js';
import { decodeHeader, parseMail, startSmtp } from './smtp.js';

const ENGINE = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const BODY = 'Geachte melder,\n\nUw melding is ontvangen – ë\n\nMet vriendelijke groet,\nGemeente Wijchen';

describe(`uitgaande mail (${ENGINE})`, () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: Instances;
  const FROM = 'Knooppunt Tweestromenland <noreply@knooppunt.example>';

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await openTwoInstances({ smtp: { url: `smtp://127.0.0.1:${smtp.port}`, from: FROM } });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });
  beforeEach(async () => {
    smtp.received.length = 0;
    await t.a.db.deleteFrom('mail_uitgaand').execute();
  });

  const enqueue = (deps: PlatformDeps, mails: OutgoingMail[]) =>
    deps.db.transaction().execute(async (trx) => {
      const ids: string[] = [];
      for (const m of mails) ids.push(await enqueueMail(trx, deps.secrets, m, deps.clock.now()));
      return ids;
    });
  const outbox = () => t.a.db.selectFrom('mail_uitgaand').selectAll().orderBy('aangemaakt_op').execute();
  const assertNoPersonalDataLogged = (...secrets: string[]) => {
    for (const s of secrets) expect(t.logs.join('\n')).not.toContain(s);
  };

  it('verstuurt een mail uit een gecommitte transactie in UTF-8 en wist daarna ontvanger en tekst', async () => {
    const to = 'melder.een@example.org';
    const [id] = await enqueue(t.a, [{ soort: 'ontvangstbevestiging', to, subject: 'Uw melding is ontvangen', text: BODY }]);

    // At rest: encrypted, not readable.
    const [stored] = await outbox();
    expect(stored).toMatchObject({ id, status: 'wachtend', pogingen: 0, soort: 'ontvangstbevestiging', onderwerp: 'Uw melding is ontvangen' });
    expect(stored!.ontvanger_versleuteld).toMatch(/^v1\./);
    expect(stored!.ontvanger_versleuteld).not.toContain('melder');
    expect(stored!.tekst_versleuteld).not.toContain('melding');

    const sender = createMailSender(t.a);
    expect(await sender.sendPending()).toEqual({ sent: 1, failed: 0 });
    await sender.close();

    expect(smtp.received).toHaveLength(1);
    const [msg] = smtp.received;
    expect(msg!.to).toEqual([to]);
    expect(msg!.from).toBe('noreply@knooppunt.example');
    const parsed = parseMail(msg!.raw);
    expect(decodeHeader(parsed.headers.subject ?? '')).toBe('Uw melding is ontvangen');
    expect(parsed.headers['content-type']).toMatch(/charset=utf-8/i);
    expect(parsed.body).toBe(BODY);

    const [after] = await outbox();
    expect(after).toMatchObject({ status: 'verzonden', pogingen: 1, ontvanger_versleuteld: null, tekst_versleuteld: null, laatste_fout: null });
    expect(after!.verzonden_op).toEqual(t.clock.now());
    // Nothing left to send.
    expect(await createMailSender(t.a).sendPending()).toEqual({ sent: 0, failed: 0 });
    assertNoPersonalDataLogged(to, 'melder.een', 'ontvangen – ë');
  });

  it('een UTF-8-onderwerp komt ongeschonden aan', async () => {
    await enqueue(t.a, [{ soort: 'test', to: 'utf8@example.org', subject: 'Ontvangstbevestiging – café ë', text: 'ë' }]);
    const sender = createMailSender(t.a);
    expect(await sender.sendPending()).toEqual({ sent: 1, failed: 0 });
    await sender.close();
    const parsed = parseMail(smtp.received[0]!.raw);
    expect(decodeHeader(parsed.headers.subject ?? '')).toBe('Ontvangstbevestiging – café ë');
    expect(parsed.body).toBe('ë');
  });

  it('een teruggedraaide transactie verstuurt niets', async () => {
    await expect(
      t.a.db.transaction().execute(async (trx) => {
        await enqueueMail(trx, t.a.secrets, { soort: 'test', to: 'teruggedraaid@example.org', subject: 'Niet versturen', text: 'x' }, t.clock.now());
        throw new Error('wijziging mislukt');
      }),
    ).rejects.toThrow('wijziging mislukt');
    expect(await outbox()).toEqual([]);
    const sender = createMailSender(t.a);
    expect(await sender.sendPending()).toEqual({ sent: 0, failed: 0 });
    await sender.close();
    expect(smtp.received).toEqual([]);
  });

  it('een geweigerde mail wordt opnieuw geprobeerd na 1, 5, 30 en 30 minuten en na vijf pogingen opgegeven en gewist', async () => {
    const to = 'weiger.mij@example.org';
    await enqueue(t.a, [{ soort: 'test', to, subject: 'Wordt geweigerd', text: 'geheime inhoud' }]);
    const sender = createMailSender(t.a);
    const start = t.clock.now().getTime();
    const waits = [60_000, 5 * 60_000, 30 * 60_000, 30 * 60_000];
    let elapsed = 0;
    for (let attempt = 1; attempt < MAX_MAIL_ATTEMPTS; attempt++) {
      expect(await sender.sendPending()).toEqual({ sent: 0, failed: 1 });
      const [row] = await outbox();
      expect(row).toMatchObject({ status: 'wachtend', pogingen: attempt });
      expect(row!.volgende_poging_op.getTime()).toBe(start + elapsed + waits[attempt - 1]!);
      expect(row!.laatste_fout).toMatch(/^EENVELOPE 550: .*\[adres\]/);
      expect(row!.laatste_fout).not.toContain('weiger.mij');
      expect(row!.ontvanger_versleuteld).not.toBeNull();
      // Not yet due: nothing happens just before the next attempt.
      t.clock.advance(waits[attempt - 1]! - 1000);
      expect(await sender.sendPending()).toEqual({ sent: 0, failed: 0 });
      t.clock.advance(1000);
      elapsed += waits[attempt - 1]!;
    }
    expect(await sender.sendPending()).toEqual({ sent: 0, failed: 1 });
    const [row] = await outbox();
    expect(row).toMatchObject({ status: 'mislukt', pogingen: MAX_MAIL_ATTEMPTS, ontvanger_versleuteld: null, tekst_versleuteld: null });
    expect(row!.laatste_fout).toMatch(/EENVELOPE/);
    t.clock.advance(24 * 60 * 60 * 1000);
    expect(await sender.sendPending()).toEqual({ sent: 0, failed: 0 });
    await sender.close();
    expect(smtp.received).toEqual([]);
    assertNoPersonalDataLogged(to, 'weiger.mij', 'geheime inhoud');
    expect(t.logs.some((l) => l.includes('definitief mislukt'))).toBe(true);
  });

  it('twee verzenders tegelijk versturen elke mail precies één keer', async () => {
    const mails = Array.from({ length: 30 }, (_, i) => ({ soort: 'test', to: `parallel.${i}@example.org`, subject: `Bericht ${i}`, text: `Tekst ${i} – ë` }));
    await enqueue(t.a, mails.slice(0, 15));
    await enqueue(t.b, mails.slice(15));
    const s1 = createMailSender(t.a);
    const s2 = createMailSender(t.b);
    const drain = async (s: ReturnType<typeof createMailSender>) => {
      let sent = 0;
      for (;;) {
        const r = await s.sendPending(4);
        sent += r.sent;
        if (r.sent + r.failed === 0) return sent;
      }
    };
    // Two loops per sender, so claims also race within one instance.
    const counts = await Promise.all([drain(s1), drain(s2), drain(s1), drain(s2)]);
    await Promise.all([s1.close(), s2.close()]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(30);
    const recipients = smtp.received.flatMap((m) => m.to).sort();
    expect(recipients).toEqual(mails.map((m) => m.to).sort());
    expect(new Set(recipients).size).toBe(30);
    const rows = await outbox();
    expect(rows.every((r) => r.status === 'verzonden' && r.pogingen === 1 && r.ontvanger_versleuteld === null)).toBe(true);
  });

  it('zonder SMTP-server worden mails als mislukt gemarkeerd en gewist, met een waarschuwing zonder adres', async () => {
    const to = 'geen.smtp@example.org';
    await enqueue(t.a, [{ soort: 'test', to, subject: 'Zonder SMTP', text: 'inhoud zonder smtp' }]);
    const noSmtp: PlatformDeps = { ...t.a, config: { ...t.a.config, smtp: null } };
    const sender = createMailSender(noSmtp);
    expect(await sender.sendPending()).toEqual({ sent: 0, failed: 1 });
    await sender.close();
    const [row] = await outbox();
    expect(row).toMatchObject({ status: 'mislukt', laatste_fout: 'geen SMTP-server ingesteld', ontvanger_versleuteld: null, tekst_versleuteld: null });
    expect(t.logs.some((l) => l.includes('geen SMTP-server ingesteld') && l.includes('"aantal":1'))).toBe(true);
    assertNoPersonalDataLogged(to, 'geen.smtp', 'inhoud zonder smtp');
    expect(smtp.received).toEqual([]);
  });

  it('weigert een ongeldig adres en een onderwerp met regeleinde', async () => {
    await expect(enqueue(t.a, [{ soort: 'test', to: 'geen-adres', subject: 'x', text: 'x' }])).rejects.toThrow(/ongeldig e-mailadres/);
    await expect(enqueue(t.a, [{ soort: 'test', to: 'a@example.org, b@example.org', subject: 'x', text: 'x' }])).rejects.toThrow(/ongeldig e-mailadres/);
    await expect(enqueue(t.a, [{ soort: 'test', to: 'a@example.org', subject: 'x\r\nBcc: b@example.org', text: 'x' }])).rejects.toThrow(/regeleinde/);
    expect(await outbox()).toEqual([]);
  });

  it('de mailtaak verstuurt via de takenplanner; kickMailSender verstuurt direct na de commit', async () => {
    const runner = createJobRunner(t.a, [mailJob()], { instanceId: 'a' });
    await enqueue(t.a, [{ soort: 'test', to: 'taak@example.org', subject: 'Via de taak', text: 'x' }]);
    expect(await runner.runDue()).toEqual(['mail-verzenden']);
    expect(smtp.received.map((m) => m.to)).toEqual([['taak@example.org']]);
    const [run] = await t.a.db.selectFrom('taakuitvoeringen').selectAll().where('taak', '=', 'mail-verzenden').execute();
    expect(run).toMatchObject({ status: 'voltooid', resultaat: { verzonden: 1, mislukt: 0 } });

    // Same 15-second period: the job does not run again, but a kick sends at once.
    await enqueue(t.a, [{ soort: 'test', to: 'kick@example.org', subject: 'Via een kick', text: 'x' }]);
    expect(await runner.runDue()).toEqual([]);
    kickMailSender();
    for (let i = 0; i < 400 && smtp.received.length < 2; i++) await new Promise((r) => setTimeout(r, 5));
    expect(smtp.received.map((m) => m.to)).toEqual([['taak@example.org'], ['kick@example.org']]);
    await runner.stop();
    kickMailSender(); // after stop: a no-op
  });
});
