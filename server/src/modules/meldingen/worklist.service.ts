// SPDX-License-Identifier: EUPL-1.2
// The hub's side: worklist, detail with timeline, transitions, assignment, messages to the
// reporter, re-routing, linking, contact details on purpose, attachments, signalering.
// Every read of a melding's content is audited; personal subjects are logged in the LDV.
import { sql, type Transaction } from 'kysely';
import type { PlatformDeps } from '../../platform/deps.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, forbidden, invalid, notFound, type FieldError } from '../../platform/http/errors.js';
import { decrypt, pseudonymise } from '../../platform/crypto.js';
import type { UserActor } from '../../platform/auth/actor.js';
import { can } from '../../platform/auth/policy.js';
import { recordAudit, type RequestOrigin } from '../../platform/audit/audit.js';
import { recordProcessing } from '../../platform/ldv/ldv.js';
import type { TraceContext } from '../../platform/ldv/trace-context.js';
import { enqueueMail } from '../../platform/mail/mailer.js';
import { findCategory, listCategories, listRoutingRules } from './categories.repository.js';
import { route } from './domain/routing.js';
import { addTerm } from './domain/werkdagen.js';
import { availableTransitions, checkTransition, isClosed, MELDING_WORKFLOW, statusLabel, DOORZET_LABELS, type BaseStatus, type DoorzetDoel } from './domain/workflow.js';
import { duplicateReasons, DUPLICATE_WINDOW_DAYS, type DuplicateFacts } from './domain/duplicates.js';
import { createFileStore, type FileStore } from './attachments.store.js';
import { addressKey, createIntakeService, gemeenteNaam, type LocationInput, type UploadedFile } from './intake.service.js';
import type { MeldingRow } from './schema.js';
import { teamLabel } from './domain/categories.js';

export const REACTION_TERM_WERKDAGEN = 5;

export interface WorklistFilters {
  gemeente?: string;
  kanaal?: string;
  categorie?: string;
  status?: string[];
  team?: string;
  termijn?: 'overschreden' | 'drievoudig-overschreden';
  toegewezen?: 'mij' | 'niemand';
  van?: string;
  tot?: string;
  zoek?: string;
  sorteer?: 'aangemaakt' | '-aangemaakt' | 'termijn' | '-termijn' | 'status' | 'categorie';
  pagina?: number;
  paginaGrootte?: number;
}

const OPEN_STATUSES = MELDING_WORKFLOW.statuses.filter((s) => !MELDING_WORKFLOW.closed.includes(s));

function addMonths(d: Date, months: number): Date {
  const r = new Date(d);
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}

export function createWorklistService(deps: PlatformDeps, store: FileStore = createFileStore(deps.config.filesDir, deps.secrets)) {
  const { db } = deps;
  const intake = createIntakeService(deps, store);

  function requireHandler(actor: UserActor) {
    if (!can(actor, 'meldingen:behandelen')) throw forbidden('Alleen knooppuntmedewerkers en iv-coördinatoren behandelen meldingen.');
  }

  /** A regional hub (samenwerkingsverband) sees all six gemeenten; others their own organisation. */
  function regional(actor: UserActor): boolean {
    return actor.organisationKind === 'samenwerkingsverband';
  }

  async function load(actor: UserActor, id: string, trx?: Transaction<DB>, lock = false): Promise<MeldingRow> {
    requireHandler(actor);
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
    let q = (trx ?? db).selectFrom('meldingen').selectAll().where('id', '=', id);
    if (!regional(actor)) q = q.where('organisatie_id', '=', actor.organisationId);
    if (lock) q = q.forUpdate();
    const m = await q.executeTakeFirst();
    if (!m) throw notFound('Deze melding bestaat niet of hoort niet bij uw organisatie.');
    return m;
  }

  async function event(trx: Transaction<DB>, meldingId: string, actor: UserActor | null, e: { soort: string; van?: string | null; naar?: string | null; reden?: string | null }, now: Date) {
    await trx
      .insertInto('melding_gebeurtenissen')
      .values({ melding_id: meldingId, soort: e.soort, van: e.van ?? null, naar: e.naar ?? null, reden: e.reden ?? null, actor_soort: actor ? 'gebruiker' : 'systeem', actor_id: actor?.userId ?? null, actor_naam: actor?.username ?? null, op: now })
      .execute();
  }

  function contactOf(m: MeldingRow): { naam?: string; email?: string; telefoon?: string } | null {
    if (!m.contact_versleuteld) return null;
    return JSON.parse(decrypt(deps.secrets, m.contact_versleuteld)) as { naam?: string; email?: string; telefoon?: string };
  }

  async function mailReporter(trx: Transaction<DB>, m: MeldingRow, status: string, extra: string | null, now: Date) {
    if (!m.updates_per_mail || m.kanaal !== 'overlast') return;
    const contact = contactOf(m);
    if (!contact?.email) return;
    const category = await findCategory(trx, m.categorie_id);
    const texts = (category?.standaardteksten ?? {}) as Record<string, string | undefined>;
    const body = texts[status];
    if (!body && !extra) return;
    await enqueueMail(
      trx,
      deps.secrets,
      {
        soort: `melding-${status}`,
        to: contact.email,
        subject: `Uw melding ${m.referentie}: ${statusLabel(status).toLowerCase()}`,
        text: [body, extra, `Referentie: ${m.referentie}`, `Status bekijken of reageren: ${deps.config.publicUrl}/melden/status (met uw ontvangstcode)`, `Gemeente ${gemeenteNaam(m.gemeente_code)}`].filter(Boolean).join('\n\n'),
      },
      now,
    );
  }

  async function list(actor: UserActor, f: WorklistFilters) {
    requireHandler(actor);
    const now = deps.clock.now();
    const size = Math.min(Math.max(f.paginaGrootte ?? 25, 1), 100);
    const page = Math.max(f.pagina ?? 1, 1);
    let q = db.selectFrom('meldingen as m').leftJoin('gebruikers as g', 'g.id', 'm.toegewezen_aan');
    if (!regional(actor)) q = q.where('m.organisatie_id', '=', actor.organisationId);
    if (f.gemeente) q = q.where('m.gemeente_code', '=', f.gemeente);
    if (f.kanaal) q = q.where('m.kanaal', '=', f.kanaal as 'overlast');
    if (f.categorie) q = q.where((eb) => eb.or([eb('m.categorie_id', '=', f.categorie!), eb('m.categorie_id', 'like', `${f.categorie!.replace(/[%_\\]/g, '')}.%`)]));
    if (f.status?.length) q = q.where('m.status', 'in', f.status);
    if (f.team) q = q.where('m.team', '=', f.team);
    if (f.termijn === 'overschreden') q = q.where('m.afhandeltermijn', '<', now).where('m.status', 'in', OPEN_STATUSES);
    if (f.termijn === 'drievoudig-overschreden') q = q.where('m.escalatietermijn', '<', now).where('m.status', 'in', OPEN_STATUSES);
    if (f.toegewezen === 'mij') q = q.where('m.toegewezen_aan', '=', actor.userId);
    if (f.toegewezen === 'niemand') q = q.where('m.toegewezen_aan', 'is', null);
    if (f.van) q = q.where('m.aangemaakt_op', '>=', new Date(`${f.van}T00:00:00Z`));
    if (f.tot) q = q.where('m.aangemaakt_op', '<', new Date(new Date(`${f.tot}T00:00:00Z`).getTime() + 86_400_000));
    if (f.zoek) q = q.where('m.referentie', 'ilike', `%${f.zoek.replace(/[%_\\]/g, '')}%`);
    const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const sortKey = f.sorteer ?? '-aangemaakt';
    const desc = sortKey.startsWith('-');
    const column = { aangemaakt: 'm.aangemaakt_op', termijn: 'm.afhandeltermijn', status: 'm.status', categorie: 'm.categorie_id' }[sortKey.replace(/^-/, '') as 'aangemaakt'] as 'm.aangemaakt_op';
    const rows = await q
      .select(['m.id', 'm.referentie', 'm.kanaal', 'm.bron', 'm.categorie_id', 'm.gemeente_code', 'm.team', 'm.status', 'm.afhandeltermijn', 'm.escalatietermijn', 'm.aangemaakt_op', 'm.toegewezen_aan', 'g.naam as toegewezen_naam', 'm.ouder_id', 'm.postcode', 'm.huisnummer', 'm.woonplaats'])
      .orderBy(column, desc ? 'desc' : 'asc')
      .orderBy('m.id')
      .limit(size)
      .offset((page - 1) * size)
      .execute();
    const categories = new Map((await listCategories(db)).map((c) => [c.id, c.naam]));
    return {
      resultaten: rows.map((r) => ({
        id: r.id,
        referentie: r.referentie,
        kanaal: r.kanaal,
        bron: r.bron,
        categorie: { id: r.categorie_id, naam: categories.get(r.categorie_id) ?? r.categorie_id },
        gemeente: { code: r.gemeente_code, naam: gemeenteNaam(r.gemeente_code) },
        team: { code: r.team, naam: teamLabel(r.team) },
        status: r.status,
        statusNaam: statusLabel(r.status),
        afhandeltermijn: r.afhandeltermijn,
        termijnOverschreden: !isClosed(MELDING_WORKFLOW, r.status as BaseStatus) && new Date(r.afhandeltermijn).getTime() < now.getTime(),
        drievoudigOverschreden: !isClosed(MELDING_WORKFLOW, r.status as BaseStatus) && new Date(r.escalatietermijn).getTime() < now.getTime(),
        aangemaaktOp: r.aangemaakt_op,
        toegewezenAan: r.toegewezen_aan ? { id: r.toegewezen_aan, naam: r.toegewezen_naam ?? '' } : null,
        ouderId: r.ouder_id,
        adres: r.postcode ? `${r.postcode} ${r.huisnummer ?? ''}`.trim() : (r.woonplaats ?? null),
      })),
      totaal: Number(total.n),
      pagina: page,
      paginaGrootte: size,
    };
  }

  async function subjectsOf(meldingId: string) {
    const rows = await db.selectFrom('melding_onderwerpen').select(['id', 'soort', 'gegevens_versleuteld', 'sleutels']).where('melding_id', '=', meldingId).execute();
    return rows.map((r) => ({ id: r.id, soort: r.soort, gegevens: JSON.parse(decrypt(deps.secrets, r.gegevens_versleuteld)) as Record<string, string | number>, sleutels: r.sleutels }));
  }

  async function duplicates(actor: UserActor, m: MeldingRow) {
    const subjects = await db.selectFrom('melding_onderwerpen').select('sleutels').where('melding_id', '=', m.id).execute();
    const ownKeys = subjects.flatMap((s) => s.sleutels);
    if (m.postcode && m.huisnummer !== null) ownKeys.push(addressKey(deps, m.postcode, m.huisnummer, m.huisletter, m.huisnummertoevoeging));
    const windowStart = new Date(new Date(m.aangemaakt_op).getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000);
    const windowEnd = new Date(new Date(m.aangemaakt_op).getTime() + DUPLICATE_WINDOW_DAYS * 86_400_000);
    let q = db.selectFrom('meldingen').selectAll().where('id', '<>', m.id);
    if (!regional(actor)) q = q.where('organisatie_id', '=', actor.organisationId);
    q = q.where((eb) => {
      const ors = [];
      if (m.postcode && m.huisnummer !== null) ors.push(eb.and([eb('postcode', '=', m.postcode), eb('huisnummer', '=', m.huisnummer)]));
      if (ownKeys.length) ors.push(eb('id', 'in', eb.selectFrom('melding_onderwerpen').select('melding_id').where(sql<boolean>`sleutels && ${sql.val(ownKeys)}::text[]`)));
      if (m.breedtegraad !== null && m.lengtegraad !== null) {
        ors.push(
          eb.and([
            eb('categorie_id', '=', m.categorie_id),
            eb('aangemaakt_op', '>=', windowStart),
            eb('aangemaakt_op', '<=', windowEnd),
            eb('breedtegraad', '>=', m.breedtegraad - 0.003),
            eb('breedtegraad', '<=', m.breedtegraad + 0.003),
            eb('lengtegraad', '>=', m.lengtegraad - 0.005),
            eb('lengtegraad', '<=', m.lengtegraad + 0.005),
          ]),
        );
      }
      return ors.length ? eb.or(ors) : eb.val(false);
    });
    const candidates = await q.orderBy('aangemaakt_op', 'desc').limit(50).execute();
    const candidateSubjects = candidates.length
      ? await db.selectFrom('melding_onderwerpen').select(['melding_id', 'sleutels']).where('melding_id', 'in', candidates.map((c) => c.id)).execute()
      : [];
    const facts = (r: MeldingRow, keys: string[]): DuplicateFacts => ({
      id: r.id,
      categorieId: r.categorie_id,
      postcode: r.postcode,
      huisnummer: r.huisnummer,
      huisletter: r.huisletter,
      huisnummertoevoeging: r.huisnummertoevoeging,
      lat: r.breedtegraad,
      lon: r.lengtegraad,
      createdAt: new Date(r.aangemaakt_op),
      subjectKeys: keys,
    });
    const mine = facts(m, ownKeys);
    return candidates
      .map((c) => {
        const keys = candidateSubjects.filter((s) => s.melding_id === c.id).flatMap((s) => s.sleutels);
        if (c.postcode && c.huisnummer !== null) keys.push(addressKey(deps, c.postcode, c.huisnummer, c.huisletter, c.huisnummertoevoeging));
        return { c, reasons: duplicateReasons(mine, facts(c, keys)) };
      })
      .filter((x) => x.reasons.length > 0)
      .map(({ c, reasons }) => ({ id: c.id, referentie: c.referentie, categorieId: c.categorie_id, status: c.status, statusNaam: statusLabel(c.status), aangemaaktOp: c.aangemaakt_op, redenen: reasons, gekoppeld: c.ouder_id === m.id || m.ouder_id === c.id }));
  }

  async function detail(actor: UserActor, id: string, origin: RequestOrigin, trace: TraceContext | null) {
    const m = await load(actor, id);
    const now = deps.clock.now();
    const category = await findCategory(db, m.categorie_id);
    const [events, messages, attachments, children, subjects, parent] = await Promise.all([
      db.selectFrom('melding_gebeurtenissen').selectAll().where('melding_id', '=', m.id).orderBy('op').orderBy('id').execute(),
      db.selectFrom('melding_berichten as b').leftJoin('gebruikers as g', 'g.id', 'b.auteur_id').select(['b.id', 'b.richting', 'b.tekst', 'b.reactie_gevraagd', 'b.aangemaakt_op', 'g.naam as auteur']).where('b.melding_id', '=', m.id).orderBy('b.aangemaakt_op').execute(),
      db.selectFrom('melding_bijlagen').select(['id', 'bestandsnaam', 'mime_type', 'grootte', 'bron', 'aangemaakt_op']).where('melding_id', '=', m.id).orderBy('aangemaakt_op').execute(),
      db.selectFrom('meldingen').select(['id', 'referentie', 'status', 'koppelreden']).where('ouder_id', '=', m.id).execute(),
      subjectsOf(m.id),
      m.ouder_id ? db.selectFrom('meldingen').select(['id', 'referentie', 'status']).where('id', '=', m.ouder_id).executeTakeFirst() : Promise.resolve(undefined),
    ]);
    const assignee = m.toegewezen_aan ? await db.selectFrom('gebruikers').select(['id', 'naam']).where('id', '=', m.toegewezen_aan).executeTakeFirst() : undefined;
    const possibleDuplicates = await duplicates(actor, m);
    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, actor, origin, { action: 'melding.ingezien', objectType: 'melding', objectId: m.id, purpose: 'behandeling melding' }, now);
      for (const s of subjects.filter((x) => x.soort === 'persoon')) {
        const bsn = typeof s.gegevens.bsn === 'string' ? s.gegevens.bsn : null;
        await recordProcessing(trx, trace, {
          name: 'melding ingezien',
          processingActivity: 'va-meldpunt',
          subjectId: bsn ? pseudonymise(deps.secrets, 'BSN', bsn) : pseudonymise(deps.secrets, 'persoon', `${String(s.gegevens.naam ?? '')}|${String(s.gegevens.geboortedatum ?? '')}`),
          subjectIdType: bsn ? 'BSN' : 'persoon',
        });
      }
    });
    const answers = typeof m.antwoorden === 'string' ? (JSON.parse(m.antwoorden) as Record<string, unknown>) : (m.antwoorden as Record<string, unknown>);
    return {
      id: m.id,
      referentie: m.referentie,
      kanaal: m.kanaal,
      bron: m.bron,
      categorie: { id: m.categorie_id, naam: category?.naam ?? m.categorie_id },
      gemeente: { code: m.gemeente_code, naam: gemeenteNaam(m.gemeente_code) },
      team: { code: m.team, naam: teamLabel(m.team) },
      status: m.status,
      statusNaam: statusLabel(m.status),
      mogelijkeStatussen: availableTransitions(MELDING_WORKFLOW, m.status as BaseStatus).map((t) => ({ status: t.to, label: t.label })),
      versie: m.versie,
      omschrijving: m.omschrijving,
      antwoorden: (category?.vragen ?? [])
        .filter((q) => answers[q.code] !== undefined)
        .map((q) => {
          const a = answers[q.code];
          const label = (k: unknown) => q.waarden?.find((w) => w.key === k)?.naam ?? String(k);
          return { vraag: q.vraag, antwoord: Array.isArray(a) ? a.map(label).join(', ') : label(a) };
        }),
      locatie: {
        postcode: m.postcode,
        huisnummer: m.huisnummer,
        huisletter: m.huisletter,
        huisnummertoevoeging: m.huisnummertoevoeging,
        straat: m.straat,
        woonplaats: m.woonplaats,
        toelichting: m.locatie_toelichting,
        breedtegraad: m.breedtegraad,
        lengtegraad: m.lengtegraad,
      },
      waargenomenOp: m.waargenomen_op,
      waargenomenToelichting: m.waargenomen_toelichting,
      contactAanwezig: m.contact_versleuteld !== null,
      ontvangstcodeActief: m.ontvangstcode_hash !== null,
      melder: m.melder_organisatie_id ? { organisatie: (await db.selectFrom('organisaties').select('naam').where('id', '=', m.melder_organisatie_id).executeTakeFirst())?.naam ?? null, rol: m.melder_rol } : null,
      toegewezenAan: assignee ? { id: assignee.id, naam: assignee.naam } : null,
      afhandeltermijn: m.afhandeltermijn,
      escalatietermijn: m.escalatietermijn,
      reactieTermijn: m.reactie_termijn,
      termijnOverschreden: !isClosed(MELDING_WORKFLOW, m.status as BaseStatus) && new Date(m.afhandeltermijn).getTime() < now.getTime(),
      doorgezetNaar: m.doorgezet_naar,
      afgeslotenOp: m.afgesloten_op,
      bewarenTot: m.bewaren_tot,
      contactWissenOp: m.contact_wissen_op,
      aangemaaktOp: m.aangemaakt_op,
      ouder: parent ? { id: parent.id, referentie: parent.referentie, status: parent.status, reden: m.koppelreden } : null,
      kinderen: children.map((c) => ({ id: c.id, referentie: c.referentie, status: c.status, reden: c.koppelreden })),
      onderwerpen: subjects.map((s) => ({ id: s.id, soort: s.soort, gegevens: s.gegevens })),
      tijdlijn: events.map((e) => ({ id: e.id, soort: e.soort, van: e.van, naar: e.naar, reden: e.reden, door: e.actor_soort === 'gebruiker' ? (e.actor_naam ?? 'medewerker') : e.actor_soort === 'melder' ? 'melder' : e.actor_soort === 'api-sleutel' ? 'partnersysteem' : 'systeem', op: e.op })),
      berichten: messages.map((b) => ({ id: b.id, richting: b.richting, tekst: b.tekst, reactieGevraagd: b.reactie_gevraagd, auteur: b.auteur ?? null, op: b.aangemaakt_op })),
      bijlagen: attachments.map((a) => ({ id: a.id, bestandsnaam: a.bestandsnaam, mimeType: a.mime_type, grootte: a.grootte, bron: a.bron, op: a.aangemaakt_op })),
      mogelijkeDubbelen: possibleDuplicates,
    };
  }

  function retentionOnClose(m: MeldingRow, to: string, now: Date, terms: { contactWissenNaMaanden: number; verwijderenNaMaanden: number; verwijderenZonderVervolgNaMaanden: number }) {
    const followUp = to === 'doorgezet';
    return {
      afgesloten_op: now,
      uitkomst: to,
      bewaren_tot: addMonths(now, followUp ? terms.verwijderenNaMaanden : terms.verwijderenZonderVervolgNaMaanden),
      contact_wissen_op: m.contact_versleuteld ? addMonths(now, terms.contactWissenNaMaanden) : null,
    };
  }

  interface TransitionInput {
    status: string;
    reden?: string;
    doorgezetNaar?: string;
    berichtAanMelder?: string;
    versie?: number;
  }

  async function applyTransition(trx: Transaction<DB>, actor: UserActor | null, m: MeldingRow, input: TransitionInput, now: Date) {
    const to = input.status as BaseStatus;
    const check = checkTransition(MELDING_WORKFLOW, m.status as BaseStatus, to, {
      reason: input.reden ?? null,
      doorgezetNaar: input.doorgezetNaar ?? null,
      reporterReachable: m.ontvangstcode_hash !== null || m.contact_versleuteld !== null,
      assigned: m.toegewezen_aan !== null,
      isChild: m.ouder_id !== null,
      actorIsSystem: actor === null,
    });
    if (!check.ok) throw new AppError('STATUSOVERGANG_ONGELDIG', check.message);
    const category = await findCategory(trx, m.categorie_id);
    const terms = category?.bewaartermijnen ?? { contactWissenNaMaanden: 12, verwijderenNaMaanden: 60, verwijderenZonderVervolgNaMaanden: 60 };
    const closing = isClosed(MELDING_WORKFLOW, to);
    const patch = {
      status: to,
      bijgewerkt_op: now,
      versie: m.versie + 1,
      reactie_termijn: to === 'wacht-op-reactie' ? addTerm(now, REACTION_TERM_WERKDAGEN, 'werkdagen') : null,
      doorgezet_naar: to === 'doorgezet' ? (input.doorgezetNaar ?? null) : m.doorgezet_naar,
      bericht_aan_melder: closing && input.berichtAanMelder ? input.berichtAanMelder : m.bericht_aan_melder,
      ...(closing ? retentionOnClose(m, to, now, terms) : {}),
      ...(to === 'heropend' ? { afgesloten_op: null, uitkomst: null, bewaren_tot: null, contact_wissen_op: null, bericht_aan_melder: null } : {}),
    };
    await trx.updateTable('meldingen').set(patch).where('id', '=', m.id).execute();
    const reason = to === 'doorgezet' ? `Doorgezet naar ${DOORZET_LABELS[input.doorgezetNaar as DoorzetDoel]}: ${input.reden ?? ''}` : (input.reden ?? null);
    await event(trx, m.id, actor, { soort: 'status', van: m.status, naar: to, reden: reason }, now);
    await mailReporter(trx, { ...m, ...patch } as MeldingRow, to === 'doorgezet' || to === 'geannuleerd' ? 'afgehandeld' : to, closing && m.kanaal === 'overlast' ? (input.berichtAanMelder ?? null) : null, now);
    if (closing) {
      // Children close with their parent (only the parent talks to the reporter).
      const children = await trx.selectFrom('meldingen').selectAll().where('ouder_id', '=', m.id).where('status', 'in', OPEN_STATUSES).forUpdate().execute();
      for (const c of children) {
        const childTo = c.status === 'ontvangen' ? 'geannuleerd' : 'afgehandeld';
        await trx.updateTable('meldingen').set({ status: childTo, bijgewerkt_op: now, versie: c.versie + 1, ...retentionOnClose(c, childTo, now, terms) }).where('id', '=', c.id).execute();
        await event(trx, c.id, actor, { soort: 'status', van: c.status, naar: childTo, reden: `Afgesloten met hoofdmelding ${m.referentie}` }, now);
      }
    }
  }

  async function transition(actor: UserActor, id: string, input: TransitionInput, origin: RequestOrigin) {
    const now = deps.clock.now();
    await db.transaction().execute(async (trx) => {
      const m = await load(actor, id, trx, true);
      if (input.versie !== undefined && input.versie !== m.versie) throw new AppError('CONFLICT', 'Iemand anders heeft deze melding net gewijzigd. Laad de melding opnieuw.');
      await applyTransition(trx, actor, m, input, now);
      await recordAudit(trx, actor, origin, { action: 'melding.status-gewijzigd', objectType: 'melding', objectId: m.id, details: { van: m.status, naar: input.status } }, now);
    });
  }

  async function assign(actor: UserActor, id: string, userId: string | null, origin: RequestOrigin) {
    const now = deps.clock.now();
    await db.transaction().execute(async (trx) => {
      const m = await load(actor, id, trx, true);
      let assignee: { id: string; naam: string; email: string; organisatie_id: string } | undefined;
      if (userId) {
        assignee = await trx.selectFrom('gebruikers').select(['id', 'naam', 'email', 'organisatie_id', 'rollen', 'actief']).where('id', '=', userId).where('actief', '=', true).executeTakeFirst();
        const a = assignee as (typeof assignee & { rollen: string[] }) | undefined;
        if (!a || (a.organisatie_id !== m.organisatie_id && a.organisatie_id !== actor.organisationId) || !a.rollen.some((r) => r === 'knooppuntmedewerker' || r === 'iv-coordinator')) {
          throw invalid([{ veld: 'gebruikerId', melding: 'Kies een actieve knooppuntmedewerker of iv-coördinator van deze gemeente.' }]);
        }
      }
      await trx.updateTable('meldingen').set({ toegewezen_aan: userId, bijgewerkt_op: now, versie: m.versie + 1 }).where('id', '=', m.id).execute();
      await event(trx, m.id, actor, { soort: 'toewijzing', van: m.toegewezen_aan, naar: userId, reden: assignee ? `Toegewezen aan ${assignee.naam}` : 'Toewijzing ingetrokken' }, now);
      if (assignee && assignee.id !== actor.userId) {
        await trx.insertInto('notificaties').values({ gebruiker_id: assignee.id, organisatie_id: assignee.organisatie_id, tekst: `${actor.username} heeft melding ${m.referentie} aan u toegewezen.`, melding_id: m.id, aangemaakt_op: now }).execute();
        await enqueueMail(trx, deps.secrets, { soort: 'toewijzing', to: assignee.email, subject: `Melding ${m.referentie} is aan u toegewezen`, text: `Melding ${m.referentie} (${statusLabel(m.status)}) is aan u toegewezen door ${actor.username}.\n\nOpen de melding in Knooppunt: ${deps.config.publicUrl}/knooppunt/meldingen/${m.id}\n\nDeze e-mail bevat bewust geen inhoud van de melding.` }, now);
      }
      await recordAudit(trx, actor, origin, { action: 'melding.toegewezen', objectType: 'melding', objectId: m.id, details: { aan: userId } }, now);
    });
  }

  async function update(actor: UserActor, id: string, input: { categorie?: string; locatie?: LocationInput; reden: string }, origin: RequestOrigin) {
    const now = deps.clock.now();
    const errors: FieldError[] = [];
    if (!input.reden || input.reden.trim().length < 3) errors.push({ veld: 'reden', melding: 'Geef een reden op voor de wijziging.' });
    if (errors.length) throw invalid(errors);
    await db.transaction().execute(async (trx) => {
      const m = await load(actor, id, trx, true);
      if (isClosed(MELDING_WORKFLOW, m.status as BaseStatus)) throw new AppError('CONFLICT', 'Een afgesloten melding kunt u niet wijzigen. Heropen haar eerst.');
      let categoryId = m.categorie_id;
      if (input.categorie && input.categorie !== m.categorie_id) {
        const c = await findCategory(trx, input.categorie);
        if (!c || c.hoofdcategorieId === null || !c.actief) throw invalid([{ veld: 'categorie', melding: 'Kies een bestaande subcategorie.' }]);
        if (c.kanaal !== m.kanaal) throw invalid([{ veld: 'categorie', melding: 'Een melding blijft in haar kanaal (overlast of ondermijning).' }]);
        categoryId = c.id;
      }
      let loc: { gemeente_code: string; postcode: string | null; huisnummer: number | null; huisletter: string | null; huisnummertoevoeging: string | null; straat: string | null; woonplaats: string | null } = m;
      if (input.locatie) {
        const resolved = intake.resolveForUpdate(input.locatie);
        loc = resolved;
      }
      const category = (await findCategory(trx, categoryId))!;
      const rules = await listRoutingRules(trx);
      const team = route(rules, { kanaal: m.kanaal, categorieId: category.id, hoofdcategorieId: category.hoofdcategorieId, gemeenteCode: loc.gemeente_code, postcode: loc.postcode });
      const org = await trx.selectFrom('organisaties').select('id').where('code', '=', loc.gemeente_code).executeTakeFirstOrThrow();
      await trx
        .updateTable('meldingen')
        .set({ categorie_id: categoryId, team, organisatie_id: org.id, gemeente_code: loc.gemeente_code, postcode: loc.postcode, huisnummer: loc.huisnummer, huisletter: loc.huisletter, huisnummertoevoeging: loc.huisnummertoevoeging, straat: loc.straat, woonplaats: loc.woonplaats, bijgewerkt_op: now, versie: m.versie + 1, ...(org.id !== m.organisatie_id ? { toegewezen_aan: null } : {}) })
        .where('id', '=', m.id)
        .execute();
      if (categoryId !== m.categorie_id) await event(trx, m.id, actor, { soort: 'categorie', van: m.categorie_id, naar: categoryId, reden: input.reden }, now);
      if (input.locatie) await event(trx, m.id, actor, { soort: 'locatie', van: m.gemeente_code, naar: loc.gemeente_code, reden: input.reden }, now);
      if (team !== m.team || org.id !== m.organisatie_id) await event(trx, m.id, actor, { soort: 'routering', van: `${m.gemeente_code}/${m.team}`, naar: `${loc.gemeente_code}/${team}`, reden: 'Opnieuw gerouteerd na wijziging' }, now);
      await recordAudit(trx, actor, origin, { action: 'melding.gewijzigd', objectType: 'melding', objectId: m.id, details: { categorie: categoryId, gemeente: loc.gemeente_code, team } }, now);
    });
  }

  async function sendMessage(actor: UserActor, id: string, input: { tekst: string; reactieGevraagd?: boolean }, origin: RequestOrigin) {
    const now = deps.clock.now();
    const tekst = typeof input.tekst === 'string' ? input.tekst.trim() : '';
    if (tekst.length < 2 || tekst.length > 5000) throw invalid([{ veld: 'tekst', melding: 'Schrijf een bericht van 2 tot 5000 tekens.' }]);
    await db.transaction().execute(async (trx) => {
      const m = await load(actor, id, trx, true);
      if (isClosed(MELDING_WORKFLOW, m.status as BaseStatus)) throw new AppError('CONFLICT', 'De melding is afgesloten; heropen haar om de melder een bericht te sturen.');
      if (m.ontvangstcode_hash === null && m.contact_versleuteld === null) throw new AppError('CONFLICT', 'De melder is niet bereikbaar: er is geen ontvangstcode of contactgegeven.');
      await trx.insertInto('melding_berichten').values({ melding_id: m.id, richting: 'aan-melder', tekst, reactie_gevraagd: input.reactieGevraagd === true, auteur_id: actor.userId, aangemaakt_op: now }).execute();
      await event(trx, m.id, actor, { soort: 'bericht', reden: input.reactieGevraagd ? 'Vraag aan de melder' : 'Bericht aan de melder' }, now);
      if (input.reactieGevraagd && m.status !== 'wacht-op-reactie') {
        await applyTransition(trx, actor, { ...m }, { status: 'wacht-op-reactie', reden: 'Reactie gevraagd aan de melder' }, now);
      } else {
        await trx.updateTable('meldingen').set({ bijgewerkt_op: now, versie: m.versie + 1 }).where('id', '=', m.id).execute();
      }
      await recordAudit(trx, actor, origin, { action: 'melding.bericht-verstuurd', objectType: 'melding', objectId: m.id }, now);
    });
  }

  async function link(actor: UserActor, childId: string, input: { ouderId: string | null; reden?: string }, origin: RequestOrigin) {
    const now = deps.clock.now();
    await db.transaction().execute(async (trx) => {
      const child = await load(actor, childId, trx, true);
      if (input.ouderId === null) {
        if (!child.ouder_id) throw new AppError('CONFLICT', 'Deze melding is niet gekoppeld.');
        if (!input.reden || input.reden.trim().length < 3) throw invalid([{ veld: 'reden', melding: 'Geef een reden op voor het ontkoppelen.' }]);
        await trx.updateTable('meldingen').set({ ouder_id: null, koppelreden: null, bijgewerkt_op: now, versie: child.versie + 1 }).where('id', '=', child.id).execute();
        await event(trx, child.id, actor, { soort: 'koppeling', van: child.ouder_id, naar: null, reden: input.reden }, now);
        await recordAudit(trx, actor, origin, { action: 'melding.ontkoppeld', objectType: 'melding', objectId: child.id }, now);
        return;
      }
      if (!input.reden || input.reden.trim().length < 3) throw invalid([{ veld: 'reden', melding: 'Geef een reden op voor het koppelen.' }]);
      const parent = await load(actor, input.ouderId, trx, true);
      if (parent.id === child.id) throw invalid([{ veld: 'ouderId', melding: 'Een melding kan niet aan zichzelf worden gekoppeld.' }]);
      if (parent.ouder_id) throw new AppError('CONFLICT', `Melding ${parent.referentie} is zelf een deelmelding; koppel aan haar hoofdmelding.`);
      const grandchildren = await trx.selectFrom('meldingen').select('id').where('ouder_id', '=', child.id).limit(1).execute();
      if (grandchildren.length) throw new AppError('CONFLICT', `Melding ${child.referentie} is een hoofdmelding met deelmeldingen; koppel één niveau diep.`);
      const siblings = await trx.selectFrom('meldingen').select((eb) => eb.fn.countAll<string>().as('n')).where('ouder_id', '=', parent.id).executeTakeFirstOrThrow();
      if (Number(siblings.n) >= 10) throw new AppError('CONFLICT', 'Een hoofdmelding heeft maximaal 10 deelmeldingen.');
      await trx.updateTable('meldingen').set({ ouder_id: parent.id, koppelreden: input.reden.trim(), bijgewerkt_op: now, versie: child.versie + 1 }).where('id', '=', child.id).execute();
      await event(trx, child.id, actor, { soort: 'koppeling', van: null, naar: parent.referentie, reden: input.reden }, now);
      await event(trx, parent.id, actor, { soort: 'koppeling', van: null, naar: child.referentie, reden: `Deelmelding gekoppeld: ${input.reden}` }, now);
      await recordAudit(trx, actor, origin, { action: 'melding.gekoppeld', objectType: 'melding', objectId: child.id, details: { ouder: parent.id } }, now);
    });
  }

  async function contactDetails(actor: UserActor, id: string, reden: string, origin: RequestOrigin) {
    if (!reden || reden.trim().length < 3) throw invalid([{ veld: 'reden', melding: 'Geef aan waarom u de contactgegevens nodig heeft.' }]);
    const now = deps.clock.now();
    const m = await load(actor, id);
    const contact = contactOf(m);
    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, actor, origin, { action: 'melding.contactgegevens-ingezien', objectType: 'melding', objectId: m.id, purpose: reden.trim() }, now);
    });
    return { contact, updatesPerMail: m.updates_per_mail };
  }

  async function attachment(actor: UserActor, id: string, attachmentId: string, origin: RequestOrigin) {
    const m = await load(actor, id);
    if (!/^[0-9a-f-]{36}$/i.test(attachmentId)) throw notFound();
    const a = await db.selectFrom('melding_bijlagen').selectAll().where('id', '=', attachmentId).where('melding_id', '=', m.id).executeTakeFirst();
    if (!a) throw notFound('Deze bijlage bestaat niet.');
    const data = await store.read(a.opslag_sleutel);
    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, actor, origin, { action: 'melding.bijlage-ingezien', objectType: 'melding-bijlage', objectId: a.id }, deps.clock.now());
    });
    return { data, mime: a.mime_type, bestandsnaam: a.bestandsnaam };
  }

  async function addStaffAttachments(actor: UserActor, id: string, files: readonly UploadedFile[], origin: RequestOrigin) {
    const now = deps.clock.now();
    await intake.withFiles(files, async (trx, written) => {
      const m = await load(actor, id, trx, true);
      await intake.insertAttachments(trx, m.id, written, 'medewerker', now);
      await event(trx, m.id, actor, { soort: 'bijlage', reden: `${written.length} bijlage(n) toegevoegd` }, now);
      await recordAudit(trx, actor, origin, { action: 'melding.bijlage-toegevoegd', objectType: 'melding', objectId: m.id }, now);
    });
  }

  async function signalering(actor: UserActor) {
    const over = await list(actor, { termijn: 'overschreden', sorteer: 'termijn', paginaGrootte: 100 });
    const triple = await list(actor, { termijn: 'drievoudig-overschreden', sorteer: 'termijn', paginaGrootte: 100 });
    return { termijnOverschreden: over, drievoudigOverschreden: triple };
  }

  async function handlers(actor: UserActor, id: string) {
    const m = await load(actor, id);
    const rows = await db
      .selectFrom('gebruikers')
      .select(['id', 'naam'])
      .where('actief', '=', true)
      .where((eb) => eb.or([eb('organisatie_id', '=', m.organisatie_id), eb('organisatie_id', '=', actor.organisationId)]))
      .where(sql<boolean>`rollen && ARRAY['knooppuntmedewerker','iv-coordinator']::text[]`)
      .orderBy('naam')
      .execute();
    return rows;
  }

  /** The reporter's own niet-pluis-meldingen: status only. */
  async function mine(actor: UserActor) {
    const rows = await db.selectFrom('meldingen').select(['id', 'referentie', 'categorie_id', 'gemeente_code', 'status', 'aangemaakt_op']).where('melder_gebruiker_id', '=', actor.userId).orderBy('aangemaakt_op', 'desc').limit(200).execute();
    const categories = new Map((await listCategories(db)).map((c) => [c.id, c.naam]));
    return rows.map((r) => ({ referentie: r.referentie, categorie: categories.get(r.categorie_id) ?? r.categorie_id, gemeente: gemeenteNaam(r.gemeente_code), status: r.status === 'ontvangen' ? 'ontvangen' : isClosed(MELDING_WORKFLOW, r.status as BaseStatus) ? 'afgehandeld' : 'in-behandeling', ingediendOp: r.aangemaakt_op }));
  }

  async function notifications(actor: UserActor) {
    return db.selectFrom('notificaties').select(['id', 'tekst', 'melding_id as meldingId', 'gelezen_op as gelezenOp', 'aangemaakt_op as op']).where('gebruiker_id', '=', actor.userId).orderBy('aangemaakt_op', 'desc').limit(50).execute();
  }

  async function markNotificationRead(actor: UserActor, id: string) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
    const r = await db.updateTable('notificaties').set({ gelezen_op: deps.clock.now() }).where('id', '=', id).where('gebruiker_id', '=', actor.userId).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw notFound();
  }

  /** Timer: reaction requests that expired go back to in behandeling. */
  async function expireReactionRequests(now: Date): Promise<number> {
    const due = await db.selectFrom('meldingen').select('id').where('status', '=', 'wacht-op-reactie').where('reactie_termijn', '<', now).limit(500).execute();
    for (const { id } of due) {
      await db.transaction().execute(async (trx) => {
        const m = await trx.selectFrom('meldingen').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!m || m.status !== 'wacht-op-reactie') return;
        await applyTransition(trx, null, m, { status: 'in-behandeling', reden: 'Geen reactie van de melder binnen de termijn' }, now);
      });
    }
    return due.length;
  }

  /** Throws 404 unless the actor may handle this melding (checked before an upload is read). */
  async function assertVisible(actor: UserActor, id: string): Promise<void> {
    await load(actor, id);
  }

  return { list, detail, assertVisible, transition, assign, update, sendMessage, link, contactDetails, attachment, addStaffAttachments, signalering, handlers, mine, notifications, markNotificationRead, expireReactionRequests };
}

export type WorklistService = ReturnType<typeof createWorklistService>;
