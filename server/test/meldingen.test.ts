// SPDX-License-Identifier: EUPL-1.2
// Meldpunt end to end over HTTP: public intake (both channels), receipt-code conversation,
// niet-pluis intake, worklist (triage, assign, link, close), re-routing, validation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, createUser, login, type LoggedIn, type TestPlatform } from './helpers.js';
import { DRUTEN_ONDERMIJNING, multipart, pngChunk, solvedAltcha, submitMelding, tinyPng, WIJCHEN_OVERLAST } from './meldingen-helpers.js';

let t: TestPlatform;
let hub: LoggedIn;
let hubUserId: string;
let colleagueId: string;
let boa: LoggedIn;

beforeAll(async () => {
  t = await createTestPlatform();
  const hubUser = await createUser(t, ['knooppuntmedewerker'], 'GM0296');
  hubUserId = hubUser.id;
  colleagueId = (await createUser(t, ['iv-coordinator'], 'GM0296')).id;
  hub = await login(t, hubUser);
  boa = await login(t, await createUser(t, ['signaleerder'], 'GM0296'));
});
afterAll(async () => t.close());

async function detail(id: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/meldingen/${id}`, headers: hub.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function transition(id: string, body: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: `/api/v1/meldingen/${id}/statuswijzigingen`, headers: hub.headers, payload: body });
}

describe('public intake', () => {
  it('accepts an overlast melding in Wijchen and returns reference and receipt code once', async () => {
    const res = await submitMelding(t, { ...WIJCHEN_OVERLAST, contact: { naam: 'Jan', email: 'jan@example.nl', updatesPerMail: true } });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.referentie).toMatch(/^KP-\d{4}-\d{6}$/);
    expect(body.ontvangstcode.replace(/ /g, '')).toMatch(/^\d{20}$/);
    expect(body.gemeente).toEqual({ code: 'GM0296', naam: 'Wijchen' });
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const row = await t.deps.db.selectFrom('meldingen').selectAll().where('referentie', '=', body.referentie).executeTakeFirstOrThrow();
    expect(row.ontvangstcode_hash).toMatch(/^argon2id\$/);
    expect(JSON.stringify(row)).not.toContain(body.ontvangstcode.replace(/ /g, ''));
    expect(JSON.stringify(row)).not.toContain('jan@example.nl');
    expect(row.team).toBe('openbare-orde');
    // The confirmation mail is in the outbox, encrypted.
    const mails = await t.deps.db.selectFrom('mail_uitgaand').selectAll().execute();
    expect(mails.some((m) => m.onderwerp.includes(body.referentie))).toBe(true);
    expect(JSON.stringify(mails)).not.toContain('jan@example.nl');
  });

  it('routes ondermijning to the informatieknooppunt and never reveals the outcome', async () => {
    const res = await submitMelding(t, DRUTEN_ONDERMIJNING);
    expect(res.statusCode, res.body).toBe(201);
    const { ontvangstcode, bericht, gemeente } = res.json();
    expect(gemeente.code).toBe('GM0225');
    expect(bericht).toMatch(/hoort niet wat er met uw melding gebeurt/);
    const row = await t.deps.db.selectFrom('meldingen').selectAll().where('ontvangstcode_hash', 'is not', null).where('kanaal', '=', 'ondermijning').executeTakeFirstOrThrow();
    expect(row.team).toBe('informatieknooppunt');
    const status = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen/status-opvragen', payload: { ontvangstcode } });
    expect(status.statusCode).toBe(200);
    expect(status.json().status).toBe('ontvangen');
  });

  it('refuses a missing, wrong or replayed proof of work', async () => {
    const none = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: { ...WIJCHEN_OVERLAST, altcha: 'bm9wZQ==' } });
    expect(none.statusCode).toBe(400);
    expect(none.headers['content-type']).toContain('application/problem+json');
    const altcha = await solvedAltcha(t);
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: { ...WIJCHEN_OVERLAST, altcha } });
    expect(first.statusCode).toBe(201);
    const replay = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: { ...WIJCHEN_OVERLAST, altcha } });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().detail).toMatch(/al gebruikt/);
  });

  it('stops at a hard-stop answer (acute danger → 112) and stores nothing', async () => {
    const before = await t.deps.db.selectFrom('meldingen').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const res = await submitMelding(t, { ...WIJCHEN_OVERLAST, antwoorden: { acuut: 'ja' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(/112/);
    const after = await t.deps.db.selectFrom('meldingen').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('tells where to report an address outside the six municipalities', async () => {
    const res = await submitMelding(t, { ...WIJCHEN_OVERLAST, locatie: { postcode: '6511 AA', huisnummer: 1 } });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(/Nijmegen/);
  });

  it('derives the gemeente from street and place', async () => {
    const res = await submitMelding(t, { ...WIJCHEN_OVERLAST, locatie: { straat: 'Kerkstraat', woonplaats: 'Malden' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().gemeente.code).toBe('GM0252');
  });

  it('gives Dutch field errors for invalid input', async () => {
    const res = await submitMelding(t, { ...WIJCHEN_OVERLAST, categorie: 'bestaat.niet', omschrijving: 'kort', locatie: { postcode: '0000 XX', huisnummer: 1 } });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().errors as Array<{ veld: string; melding: string }>).map((p) => p.veld);
    expect(fields).toEqual(expect.arrayContaining(['categorie', 'omschrijving', 'locatie.postcode']));
  });

  it('forbids names of third parties in public meldingen', async () => {
    const res = await submitMelding(t, { ...WIJCHEN_OVERLAST, onderwerpen: [{ soort: 'persoon', naam: 'Piet' }] });
    expect(res.statusCode).toBe(400);
  });
});

describe('files', () => {
  const png = tinyPng();

  it('accepts a PNG by content, strips text metadata, and rejects a fake by content', async () => {
    const altcha = await solvedAltcha(t);
    const withText = Buffer.concat([png.subarray(0, 33), pngChunk('tEXt', Buffer.from('GPS\u0000GEHEIM-52.1234')), png.subarray(33)]);
    const mp = multipart({ melding: JSON.stringify(WIJCHEN_OVERLAST), altcha }, [{ name: 'bijlagen', filename: 'foto.png', type: 'image/png', data: withText }]);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen', headers: mp.headers, payload: mp.payload });
    expect(ok.statusCode, ok.body).toBe(201);
    const d = await detail(ok.json().id);
    expect(d.bijlagen).toHaveLength(1);
    const file = await t.app.inject({ method: 'GET', url: `/api/v1/meldingen/${d.id}/bijlagen/${d.bijlagen[0].id}`, headers: hub.headers });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.includes(Buffer.from('GEHEIM'))).toBe(false);

    const fake = multipart({ melding: JSON.stringify(WIJCHEN_OVERLAST), altcha: await solvedAltcha(t) }, [{ name: 'bijlagen', filename: 'foto.jpg', type: 'image/jpeg', data: Buffer.from('MZ this is an executable') }]);
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen', headers: fake.headers, payload: fake.payload });
    expect(bad.statusCode).toBe(415);
  });

  it('answers 400 on malformed multipart and 413 on a file over 10 MB', async () => {
    const broken = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen', headers: { 'content-type': 'multipart/form-data; boundary=abc' }, payload: '--abc\r\nContent-Disposition: form-data; name="melding"\r\n\r\n{"x":1' });
    expect(broken.statusCode).toBe(400);
    const big = multipart({ melding: JSON.stringify(WIJCHEN_OVERLAST), altcha: await solvedAltcha(t) }, [{ name: 'bijlagen', filename: 'groot.png', type: 'image/png', data: Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024)]) }]);
    const tooBig = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen', headers: big.headers, payload: big.payload });
    expect(tooBig.statusCode).toBe(413);
  });
});


describe('receipt code conversation and worklist', () => {
  it('lets staff ask a question that the anonymous reporter answers with the code', async () => {
    const res = await submitMelding(t, WIJCHEN_OVERLAST);
    const { id, ontvangstcode } = res.json();
    expect((await transition(id, { status: 'in-triage' })).statusCode).toBe(204);
    const ask = await t.app.inject({ method: 'POST', url: `/api/v1/meldingen/${id}/berichten`, headers: hub.headers, payload: { tekst: 'Om welk tijdstip ziet u de groep meestal?', reactieGevraagd: true } });
    expect(ask.statusCode, ask.body).toBe(201);
    expect((await detail(id)).status).toBe('wacht-op-reactie');

    const view = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen/status-opvragen', payload: { ontvangstcode } });
    expect(view.json().reactieGevraagd).toBe(true);
    expect(view.json().berichten[0].tekst).toMatch(/tijdstip/);

    const answer = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen/reacties', payload: { ontvangstcode, tekst: 'Meestal tussen 21 en 23 uur.' } });
    expect(answer.statusCode, answer.body).toBe(201);
    const d = await detail(id);
    expect(d.status).toBe('in-behandeling');
    expect(d.berichten.map((b: { richting: string }) => b.richting)).toEqual(['aan-melder', 'van-melder']);

    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen/status-opvragen', payload: { ontvangstcode: '0000 0000 0000 0000 0000' } });
    expect(wrong.statusCode).toBe(404);
  });

  it('triages, assigns with a notification, links a duplicate and closes parent with child', async () => {
    const a = (await submitMelding(t, WIJCHEN_OVERLAST)).json();
    const b = (await submitMelding(t, WIJCHEN_OVERLAST)).json();
    const dA = await detail(a.id);
    expect(dA.mogelijkeDubbelen.map((x: { id: string }) => x.id)).toContain(b.id);

    const assign = await t.app.inject({ method: 'PUT', url: `/api/v1/meldingen/${a.id}/toewijzing`, headers: hub.headers, payload: { gebruikerId: colleagueId } });
    expect(assign.statusCode, assign.body).toBe(204);
    const notes = await t.deps.db.selectFrom('notificaties').selectAll().where('gebruiker_id', '=', colleagueId).execute();
    expect(notes).toHaveLength(1);
    const mail = await t.deps.db.selectFrom('mail_uitgaand').selectAll().where('soort', '=', 'toewijzing').execute();
    expect(mail).toHaveLength(1);

    const link = await t.app.inject({ method: 'PUT', url: `/api/v1/meldingen/${b.id}/koppeling`, headers: hub.headers, payload: { ouderId: a.id, reden: 'Zelfde groep jongeren' } });
    expect(link.statusCode, link.body).toBe(204);
    expect((await detail(a.id)).kinderen.map((k: { id: string }) => k.id)).toEqual([b.id]);

    expect((await transition(a.id, { status: 'afgehandeld' })).statusCode).toBe(409); // reason required
    expect((await transition(a.id, { status: 'in-behandeling' })).statusCode).toBe(204);
    const close = await transition(a.id, { status: 'afgehandeld', reden: 'Jongerenwerk ingezet', berichtAanMelder: 'Het jongerenwerk gaat met de groep in gesprek.' });
    expect(close.statusCode, close.body).toBe(204);
    const closedA = await detail(a.id);
    expect(closedA.afgeslotenOp).not.toBeNull();
    expect(closedA.bewarenTot).not.toBeNull();
    expect((await detail(b.id)).status).toBe('geannuleerd');
    const view = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen/status-opvragen', payload: { ontvangstcode: a.ontvangstcode } });
    expect(view.json()).toMatchObject({ status: 'afgehandeld', berichtBijAfhandeling: 'Het jongerenwerk gaat met de groep in gesprek.' });
  });

  it('re-routes when the category or address changes', async () => {
    const a = (await submitMelding(t, WIJCHEN_OVERLAST)).json();
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/meldingen/${a.id}`, headers: hub.headers, payload: { categorie: 'personen.verward-gedrag', reden: 'Het gaat om één verwarde man' } });
    expect(res.statusCode, res.body).toBe(204);
    const d = await detail(a.id);
    expect(d.team.code).toBe('zorg-en-veiligheid');
    expect(d.tijdlijn.map((e: { soort: string }) => e.soort)).toEqual(expect.arrayContaining(['categorie', 'routering']));
  });

  it('filters the worklist and shows overdue meldingen in signalering', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/meldingen?kanaal=overlast&toegewezen=niemand&status=ontvangen&sorteer=-aangemaakt', headers: hub.headers });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().resultaten.length).toBeGreaterThan(0);
    expect(list.json().resultaten.every((r: { kanaal: string; gemeente: { code: string } }) => r.kanaal === 'overlast' && r.gemeente.code === 'GM0296')).toBe(true);
    await t.deps.db.updateTable('meldingen').set({ afhandeltermijn: new Date(Date.now() - 40 * 86_400_000), escalatietermijn: new Date(Date.now() - 86_400_000) }).where('referentie', '=', list.json().resultaten[0].referentie).execute();
    const sig = await t.app.inject({ method: 'GET', url: '/api/v1/meldingen/signalering', headers: hub.headers });
    expect(sig.statusCode).toBe(200);
    expect(sig.json().drievoudigOverschreden.resultaten.map((r: { referentie: string }) => r.referentie)).toContain(list.json().resultaten[0].referentie);
    expect(sig.json().termijnOverschreden.totaal).toBeGreaterThan(0);
  });

  it('pages the worklist with query-string numbers and refuses nonsense paging', async () => {
    for (let i = 0; i < 3; i++) expect((await submitMelding(t, WIJCHEN_OVERLAST)).statusCode).toBe(201);
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/meldingen?sorteer=aangemaakt', headers: hub.headers })).json();
    expect(all.totaal).toBeGreaterThan(2);
    const page2 = await t.app.inject({ method: 'GET', url: '/api/v1/meldingen?sorteer=aangemaakt&pagina=2&paginaGrootte=1', headers: hub.headers });
    expect(page2.statusCode, page2.body).toBe(200);
    expect(page2.json().resultaten.map((r: { id: string }) => r.id)).toEqual([all.resultaten[1].id]);
    expect(page2.json()).toMatchObject({ pagina: 2, paginaGrootte: 1, totaal: all.totaal });
    for (const bad of ['pagina=0', 'paginaGrootte=101', 'pagina=-1', 'pagina=1e3', 'paginaGrootte=abc']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/meldingen?${bad}`, headers: hub.headers });
      expect(res.statusCode, bad).toBe(400);
    }
  });

  it('takes a niet-pluis-melding with structured subjects from a BOA and shows it in Mijn meldingen', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/niet-pluis-meldingen',
      headers: boa.headers,
      payload: {
        categorie: 'geld-vastgoed.schuren-loodsen',
        omschrijving: 'Loods wordt verhuurd aan onbekenden, elke nacht busjes met buitenlandse kentekens.',
        antwoorden: { acuut: 'nee' },
        locatie: { gemeente: 'GM0296', toelichting: 'Industrieterrein Bijsterhuizen' },
        onderwerpen: [
          { soort: 'persoon', naam: 'P. Jansen', geboortedatum: '1980-02-03', bsn: '999993653' },
          { soort: 'bedrijf', naam: 'Loods BV', kvkNummer: '12345678' },
          { soort: 'voertuig', kenteken: '12-ABC-3' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/mijn-meldingen', headers: boa.headers });
    expect(mine.json().meldingen[0]).toMatchObject({ referentie: res.json().referentie, status: 'ontvangen' });
    expect(Object.keys(mine.json().meldingen[0])).not.toContain('omschrijving');
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/niet-pluis-meldingen', headers: boa.headers, payload: { categorie: 'geld-vastgoed.witwassen', omschrijving: 'Veel contant geld bij aankoop van panden.', antwoorden: { acuut: 'nee' }, locatie: { gemeente: 'GM0296' }, onderwerpen: [{ soort: 'persoon', bsn: '123456789' }, { soort: 'voertuig', kenteken: 'XXXXXXXXX' }] } });
    expect(bad.statusCode).toBe(400);
    // Signaleerders cannot open the worklist.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/meldingen', headers: boa.headers })).statusCode).toBe(403);
    void hubUserId;
  });
});

describe('OpenAPI', () => {
  it('documents a request body for POST /api/v1/meldingen whose example is a valid overlast melding in Wijchen once altcha is added', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const media = doc.paths['/api/v1/meldingen'].post.requestBody.content['application/json'];
    const example = (media.schema.examples ?? [media.example])[0] as Record<string, unknown>;
    expect(example).toBeTruthy();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: { ...example, altcha: await solvedAltcha(t) } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().kanaal).toBe('overlast');
    expect(res.json().gemeente).toEqual({ code: 'GM0296', naam: 'Wijchen' });
  });
});
