// SPDX-License-Identifier: EUPL-1.2
// Meldpunt mail against a real SMTP server: a reporter who left an address and asked for updates
// gets the category's standard texts per status (and the hub's closing message); staff get an
// assignment notice; an ondermijning reporter never gets a mail about the outcome.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMailSender } from '../src/platform/mail/mailer.js';
import { createTestPlatform, createUser, login, type LoggedIn, type TestPlatform, type TestUser } from './helpers.js';
import { DRUTEN_ONDERMIJNING, submitMelding, WIJCHEN_OVERLAST } from './meldingen-helpers.js';
import { decodeHeader, parseMail, startSmtp } from './smtp.js';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let t: TestPlatform;
let hub: LoggedIn;
let colleague: TestUser;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestPlatform({ smtp: { url: `smtp://127.0.0.1:${smtp.port}`, from: 'Meldpunt Tweestromenland <meldpunt@knooppunt.example>' } });
  hub = await login(t, await createUser(t, ['knooppuntmedewerker'], 'GM0296'));
  colleague = await createUser(t, ['iv-coordinator'], 'GM0296');
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const mails = () => smtp.received.map((r) => ({ to: r.to, ...parseMail(r.raw) })).map((m) => ({ to: m.to, subject: decodeHeader(m.headers.subject ?? ''), body: m.body }));

it('sends the standard texts per status to a reporter who asked for updates, and an assignment notice to staff', async () => {
  const res = await submitMelding(t, { ...WIJCHEN_OVERLAST, contact: { naam: 'A. Bewoner', email: 'bewoner@example.nl', updatesPerMail: true } });
  expect(res.statusCode, res.body).toBe(201);
  const { id, referentie } = res.json() as { id: string; referentie: string };
  const ondermijning = await submitMelding(t, { ...DRUTEN_ONDERMIJNING, contact: { naam: 'Anoniem', email: 'tipgever@example.nl', updatesPerMail: true } });
  expect(ondermijning.statusCode, ondermijning.body).toBe(201);

  const step = async (url: string, method: 'POST' | 'PUT', payload: object) => {
    const r = await t.app.inject({ method, url, headers: hub.headers, payload });
    expect(r.statusCode, r.body).toBeLessThan(300);
  };
  await step(`/api/v1/meldingen/${id}/toewijzing`, 'PUT', { gebruikerId: colleague.id });
  await step(`/api/v1/meldingen/${id}/statuswijzigingen`, 'POST', { status: 'in-triage' });
  await step(`/api/v1/meldingen/${id}/statuswijzigingen`, 'POST', { status: 'in-behandeling' });
  await step(`/api/v1/meldingen/${id}/statuswijzigingen`, 'POST', { status: 'afgehandeld', reden: 'Boa’s hebben de groep aangesproken.', berichtAanMelder: 'De boa’s houden het plein de komende weken extra in de gaten.' });

  const sent = await createMailSender(t.deps).sendPending();
  expect(sent.failed).toBe(0);
  const all = mails();
  const toReporter = all.filter((m) => m.to.includes('bewoner@example.nl'));
  expect(toReporter.map((m) => m.subject)).toEqual(expect.arrayContaining([`Uw melding ${referentie} is ontvangen`, expect.stringMatching(new RegExp(`^Uw melding ${referentie}: afgehandeld`))]));
  const received = toReporter.find((m) => m.subject.endsWith('is ontvangen'))!;
  expect(received.body).toContain('Bedankt voor uw melding. Wij hebben haar ontvangen');
  expect(received.body).toContain('/melden/status');
  const closed = toReporter.find((m) => m.subject.includes('afgehandeld'))!;
  expect(closed.body).toContain('Uw melding is afgehandeld.');
  expect(closed.body).toContain('De boa’s houden het plein de komende weken extra in de gaten.');
  expect(closed.body).not.toContain('aangesproken'); // the internal reason stays internal

  const toStaff = all.filter((m) => m.to.includes(`${colleague.username}@test.invalid`));
  expect(toStaff).toHaveLength(1);
  expect(toStaff[0]!.body).toContain(referentie);
  expect(toStaff[0]!.body).not.toContain('bewoner@example.nl');

  // The ondermijning reporter is never mailed: the outcome is not reported back.
  expect(all.filter((m) => m.to.includes('tipgever@example.nl'))).toEqual([]);
  // Sent mails lose recipient and body in the outbox.
  const left = await t.deps.db.selectFrom('mail_uitgaand').select(['status']).where('status', '!=', 'verzonden').execute();
  expect(left).toEqual([]);
});
