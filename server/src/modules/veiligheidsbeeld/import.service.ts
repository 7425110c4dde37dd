// SPDX-License-Identifier: EUPL-1.2
// Import of police/CBS/incident figures and population: read and validate the whole file first
// (errors by line number, nothing written), then one transaction: dataset row, gemeenten,
// indicators, values, population, the yearly aggregate, and the audit row. Idempotent: values
// equal to the stored ones are not touched, and an import that changes nothing leaves no dataset.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { PlatformDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { can } from '../../platform/auth/policy.js';
import { recordAudit, type RequestOrigin } from '../../platform/audit/audit.js';
import { forbidden, invalid } from '../../platform/http/errors.js';
import { standaardTitel } from './domain/catalogus.js';
import { leesBestand, type Formaat, type Gelezen } from './domain/formaten.js';
import { alsVeldfouten, herleidBevolking, herleidWaarden, type Waarde } from './domain/invoer.js';
import * as repo from './veiligheidsbeeld.repository.js';
import type { DatasetRow } from './schema.js';

/** Advisory lock id that serialises imports (the audit chain uses 7_231_001). */
export const IMPORT_LOCK_KEY = 7_231_004;

export interface ImportInvoer {
  formaat?: Formaat | undefined;
  bestandsnaam: string;
  inhoud: string;
  titel?: string | undefined;
  licentie?: string | undefined;
}

/** Progress of an import: the phase and, for the long phase (values), how many rows are done. */
export type ImportFase = 'gelezen' | 'gecontroleerd' | 'waarden' | 'bevolking' | 'jaarcijfers' | 'klaar';
export type Voortgang = (fase: ImportFase, klaar: number, totaal: number) => void;

export interface ImportResultaat {
  /** The new dataset, or null when the file changed nothing (idempotent re-import). */
  dataset: DatasetRow | null;
  ongewijzigd: boolean;
  formaat: Formaat;
  soort: Gelezen['soort'];
  tabel: string | null;
  regels: number;
  overgeslagen: number;
  waarden: { totaal: number; nieuw: number; gewijzigd: number; gelijk: number; viaVoorgangers: number };
  bevolking: { totaal: number; nieuw: number; gewijzigd: number; gelijk: number };
  titels: { totaal: number; hernoemd: number };
  nieuweGebieden: number;
}

const SOORT_TITEL: Record<Gelezen['soort'], string> = {
  misdrijven: 'Geregistreerde misdrijven (politie)',
  overlast: 'Geregistreerde overlast (politie)',
  'cbs-misdrijven': 'Geregistreerde criminaliteit (CBS)',
  incidenten: 'Incidenten per E-code (politie)',
  bevolking: 'Bevolking per gemeente (CBS)',
  dimensie: 'Titels van codes (dimensie)',
};

export function createImportService(deps: PlatformDeps) {
  return {
    async importeer(actor: Actor, input: ImportInvoer, origin: RequestOrigin, onProgress?: Voortgang): Promise<ImportResultaat> {
      if (actor.kind === 'gebruiker' && !can(actor, 'veiligheidsbeeld:importeren')) throw forbidden();
      const gelezen = leesBestand(input.inhoud, { formaat: input.formaat, bestandsnaam: input.bestandsnaam });
      onProgress?.('gelezen', gelezen.regels, gelezen.regels);
      if (gelezen.fouten.length) throw invalid(alsVeldfouten(gelezen.fouten));
      if (!gelezen.waarden.length && !gelezen.bevolking.length && !gelezen.titels.length) {
        throw invalid([{ veld: 'bestand', melding: gelezen.overgeslagen ? `Het bestand bevat geen cijfers voor gemeenten (${gelezen.overgeslagen} regels buiten bereik overgeslagen).` : 'Het bestand bevat geen cijfers.' }]);
      }
      const gebieden = await repo.loadGebieden(deps.db);
      const w = herleidWaarden(gelezen.waarden, gebieden);
      const b = herleidBevolking(gelezen.bevolking, gebieden);
      // The raw rows are no longer needed: let them go before the long database phase.
      gelezen.waarden = [];
      gelezen.bevolking = [];
      const fouten = [...w.fouten, ...b.fouten];
      if (fouten.length) throw invalid(alsVeldfouten(fouten));
      onProgress?.('gecontroleerd', w.waarden.length + b.bevolking.length, w.waarden.length + b.bevolking.length);

      const sha256 = crypto.createHash('sha256').update(input.inhoud, 'utf8').digest('hex');
      const now = deps.clock.now();
      const door = actor.kind === 'gebruiker' ? actor.username : actor.kind === 'api-sleutel' ? `api-sleutel:${actor.name}` : `systeem:${actor.name}`;
      const titel = (input.titel ?? `${SOORT_TITEL[gelezen.soort]}${gelezen.tabel ? ` ${gelezen.tabel}` : ''}`).slice(0, 200);

      return deps.db.transaction().execute(async (trx) => {
        // Imports are serialised: the values upsert and the aggregate rely on it (ADR 0008).
        await sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`.execute(trx);
        const dataset = await trx
          .insertInto('vb_datasets')
          .values({
            bron: gelezen.bron, formaat: gelezen.formaat, soort: gelezen.soort, tabel: gelezen.tabel, titel, licentie: (input.licentie ?? gelezen.licentie).slice(0, 100),
            bestandsnaam: input.bestandsnaam.slice(0, 255), sha256, regels: gelezen.regels, waarden: w.waarden.length, nieuw: 0, gewijzigd: 0, bevolking: b.bevolking.length,
            overgeslagen: gelezen.overgeslagen, geimporteerd_op: now, geimporteerd_door: door,
          })
          .returningAll()
          .executeTakeFirstOrThrow();

        const gemeenten = new Map<string, string | null>();
        for (const lijst of [w.waarden, b.bevolking]) for (const x of lijst) if (!gebieden.has(x.gebied) && !gemeenten.has(x.gebied)) gemeenten.set(x.gebied, x.gebiedNaam);
        const nieuweGebieden = await repo.ensureGemeenten(trx, gemeenten);

        const indicatoren = new Map<string, repo.IndicatorInvoer>();
        for (const t of gelezen.titels) indicatoren.set(`${t.bron}|${t.code}`, { bron: t.bron, code: t.code, naam: t.naam, naamUitBestand: true, eenheid: t.bron === 'politie-incidenten' ? 'incidenten' : 'misdrijven' });
        let vorige: Waarde | null = null;
        for (const v of w.waarden) {
          if (vorige && vorige.code === v.code && vorige.bron === v.bron && (vorige.naam === v.naam || v.naam === null)) continue;
          vorige = v;
          const key = `${v.bron}|${v.code}`;
          const known = indicatoren.get(key);
          if (!known || (!known.naamUitBestand && v.naam)) indicatoren.set(key, { bron: v.bron, code: v.code, naam: (v.naam ?? standaardTitel(v.bron, v.code)).slice(0, 200), naamUitBestand: v.naam !== null, eenheid: v.eenheid });
        }
        const { ids, hernoemd } = await repo.upsertIndicatoren(trx, [...indicatoren.values()]);

        const tw = await repo.upsertWaarden(trx, w.waarden, ids, dataset.id, now, (klaar) => onProgress?.('waarden', klaar, w.waarden.length));
        const tb = await repo.upsertBevolking(trx, b.bevolking, titel, dataset.id, now);
        onProgress?.('bevolking', b.bevolking.length, b.bevolking.length);
        const changed = tw.nieuw + tw.gewijzigd + tb.nieuw + tb.gewijzigd;
        if (tw.nieuw + tw.gewijzigd > 0) {
          await repo.herberekenJaarcijfers(trx);
          onProgress?.('jaarcijfers', 1, 1);
        }
        let kept: DatasetRow | null = null;
        if (changed > 0 || hernoemd > 0 || nieuweGebieden > 0) {
          kept = await trx.updateTable('vb_datasets').set({ nieuw: tw.nieuw + tb.nieuw, gewijzigd: tw.gewijzigd + tb.gewijzigd }).where('id', '=', dataset.id).returningAll().executeTakeFirstOrThrow();
        } else {
          await trx.deleteFrom('vb_datasets').where('id', '=', dataset.id).execute();
        }
        const resultaat: ImportResultaat = {
          dataset: kept,
          ongewijzigd: kept === null,
          formaat: gelezen.formaat,
          soort: gelezen.soort,
          tabel: gelezen.tabel,
          regels: gelezen.regels,
          overgeslagen: gelezen.overgeslagen,
          waarden: { totaal: w.waarden.length, nieuw: tw.nieuw, gewijzigd: tw.gewijzigd, gelijk: w.waarden.length - tw.nieuw - tw.gewijzigd, viaVoorgangers: w.waarden.filter((v) => v.via.length > 0).length },
          bevolking: { totaal: b.bevolking.length, nieuw: tb.nieuw, gewijzigd: tb.gewijzigd, gelijk: b.bevolking.length - tb.nieuw - tb.gewijzigd },
          titels: { totaal: gelezen.titels.length, hernoemd },
          nieuweGebieden,
        };
        await recordAudit(
          trx,
          actor,
          origin,
          {
            action: 'veiligheidsbeeld.geimporteerd',
            objectType: 'veiligheidsbeeld-dataset',
            objectId: kept?.id ?? null,
            details: { bestandsnaam: input.bestandsnaam.slice(0, 255), sha256, formaat: gelezen.formaat, soort: gelezen.soort, ongewijzigd: kept === null, waarden: resultaat.waarden, bevolking: resultaat.bevolking },
          },
          now,
        );
        return resultaat;
      }).then((r) => {
        onProgress?.('klaar', 1, 1);
        return r;
      });
    },
  };
}
