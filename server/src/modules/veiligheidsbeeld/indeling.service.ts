// SPDX-License-Identifier: EUPL-1.2
// The mapping of codes onto the five Kernbeleid fields (and themes) as versioned configuration: the
// suggestion from the statistics reference is seeded as the version of 2000-01-01; a beleidsadviseur
// adds a version from a date (or replaces the version of that same date, or removes a version they
// added). Figures and the appendix use the version in effect; every change is audited with its
// before and after.
import type { PlatformDeps } from '../../platform/deps.js';
import type { UserActor } from '../../platform/auth/actor.js';
import { can } from '../../platform/auth/policy.js';
import { recordAudit, type RequestOrigin } from '../../platform/audit/audit.js';
import { AppError, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { BRONNEN, indelingOp, VELDEN, type Bron, type Veld } from './domain/catalogus.js';
import * as repo from './veiligheidsbeeld.repository.js';

export interface IndelingInvoer {
  geldigVan: string;
  veld: number | null;
  tags?: string[] | undefined;
  opmerking?: string | undefined;
}

const TAG = /^[a-z0-9][a-z0-9-]{0,39}$/;

function geldigeDatum(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function controleer(bron: string, code: string, input: IndelingInvoer): { bron: Bron; code: string; veld: Veld | null; tags: string[]; opmerking: string } {
  const fouten: Array<{ veld: string; melding: string }> = [];
  if (!(BRONNEN as readonly string[]).includes(bron)) fouten.push({ veld: 'bron', melding: `Kies uit: ${BRONNEN.join(', ')}.` });
  const c = code.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9.\-_]{0,39}$/.test(c)) fouten.push({ veld: 'code', melding: 'Een code bestaat uit letters, cijfers, punten of streepjes (hoogstens 40 tekens), bijvoorbeeld 2.5.1 of E33.' });
  if (!geldigeDatum(input.geldigVan)) fouten.push({ veld: 'geldigVan', melding: 'Geef een bestaande datum als JJJJ-MM-DD, bijvoorbeeld 2023-01-01.' });
  if (input.veld !== null && !(Number.isInteger(input.veld) && input.veld >= 1 && input.veld <= 5)) fouten.push({ veld: 'veld', melding: 'Kies een veld van 1 tot en met 5, of geen veld (telt alleen mee in totalen).' });
  const tags = [...new Set((input.tags ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean))];
  if (tags.length > 10) fouten.push({ veld: 'tags', melding: 'Hoogstens 10 thema’s.' });
  const slecht = tags.find((t) => !TAG.test(t));
  if (slecht !== undefined) fouten.push({ veld: 'tags', melding: `Thema "${slecht.slice(0, 40)}" mag alleen kleine letters, cijfers en streepjes bevatten (hoogstens 40 tekens).` });
  const opmerking = (input.opmerking ?? '').trim();
  if (opmerking.length > 500) fouten.push({ veld: 'opmerking', melding: 'De opmerking is te lang (hoogstens 500 tekens).' });
  if (fouten.length) throw invalid(fouten);
  return { bron: bron as Bron, code: c, veld: input.veld as Veld | null, tags, opmerking };
}

export function createIndelingService(deps: PlatformDeps) {
  const today = () => deps.clock.now().toISOString().slice(0, 10);

  function present(r: repo.IndelingVersie) {
    return {
      geldigVan: r.geldig_van,
      veld: r.veld,
      veldNaam: r.veld ? VELDEN[r.veld as Veld] : null,
      tags: r.tags,
      opmerking: r.opmerking,
      standaard: r.vastgesteld_op === null,
      vastgesteldOp: r.vastgesteld_op ? new Date(r.vastgesteld_op).toISOString() : null,
    };
  }

  return {
    /** Every code with a mapping or with figures, its version in effect today and all versions. */
    async lijst() {
      const [versies, indicatoren] = await Promise.all([repo.indelingVersies(deps.db), repo.listIndicatoren(deps.db)]);
      const datum = today();
      const perCode = new Map<string, { bron: string; code: string; naam: string | null; versies: repo.IndelingVersie[] }>();
      for (const v of versies) {
        const k = `${v.bron}|${v.code}`;
        const e = perCode.get(k) ?? { bron: v.bron, code: v.code, naam: null, versies: [] };
        e.versies.push(v);
        perCode.set(k, e);
      }
      for (const i of indicatoren) {
        const k = `${i.bron}|${i.code}`;
        const e = perCode.get(k) ?? { bron: i.bron, code: i.code, naam: null, versies: [] };
        e.naam = i.naam;
        perCode.set(k, e);
      }
      const alle = repo.alsIndeling(versies);
      return {
        peildatum: datum,
        velden: Object.entries(VELDEN).map(([nr, naam]) => ({ veld: Number(nr), naam })),
        codes: [...perCode.values()]
          .sort((a, b) => (a.bron === b.bron ? a.code.localeCompare(b.code, 'nl', { numeric: true }) : a.bron.localeCompare(b.bron)))
          .map((e) => {
            const nu = indelingOp(alle, e.bron as Bron, e.code, datum);
            return {
              bron: e.bron,
              code: e.code,
              naam: e.naam,
              huidig: nu ? { geldigVan: nu.geldigVan, veld: nu.veld, veldNaam: nu.veld ? VELDEN[nu.veld] : null, tags: nu.tags, opmerking: nu.opmerking } : null,
              versies: e.versies.sort((a, b) => a.geldig_van.localeCompare(b.geldig_van)).map(present),
            };
          }),
      };
    },

    /** Sets the version of (bron, code) from `geldigVan`: a new version, or the same date replaced. */
    async zet(actor: UserActor, bron: string, code: string, input: IndelingInvoer, origin: RequestOrigin) {
      if (!can(actor, 'veiligheidsbeeld:indeling-wijzigen')) throw forbidden();
      const v = controleer(bron, code, input);
      const now = deps.clock.now();
      return deps.db.transaction().execute(async (trx) => {
        const voor = await repo.indelingVersie(trx, v.bron, v.code, input.geldigVan);
        const na = await repo.zetIndelingVersie(trx, { bron: v.bron, code: v.code, geldig_van: input.geldigVan, veld: v.veld, tags: v.tags, opmerking: v.opmerking, vastgesteld_door: actor.username, vastgesteld_op: now });
        await recordAudit(
          trx,
          actor,
          origin,
          {
            action: 'veiligheidsbeeld.indeling-gewijzigd',
            objectType: 'veiligheidsbeeld-indeling',
            objectId: `${v.bron}|${v.code}|${input.geldigVan}`,
            details: { voor: voor ? { veld: voor.veld, tags: voor.tags, opmerking: voor.opmerking } : null, na: { veld: na.veld, tags: na.tags, opmerking: na.opmerking } },
          },
          now,
        );
        return { bron: v.bron, code: v.code, nieuw: voor === undefined, versie: present(na) };
      });
    },

    /** Removes a version a person set; the seeded default cannot be removed (replace it instead). */
    async verwijder(actor: UserActor, bron: string, code: string, geldigVan: string, origin: RequestOrigin) {
      if (!can(actor, 'veiligheidsbeeld:indeling-wijzigen')) throw forbidden();
      if (!geldigeDatum(geldigVan)) throw invalid([{ veld: 'geldigVan', melding: 'Geef een bestaande datum als JJJJ-MM-DD.' }]);
      const now = deps.clock.now();
      return deps.db.transaction().execute(async (trx) => {
        const voor = await repo.indelingVersie(trx, bron, code, geldigVan);
        if (!voor) throw notFound(`Er is geen indeling van ${bron} ${code.slice(0, 40)} vanaf ${geldigVan}.`);
        if (voor.vastgesteld_op === null) throw new AppError('CONFLICT', 'De standaardindeling kan niet worden verwijderd; leg een nieuwe versie vast of vervang deze met dezelfde datum.');
        await repo.verwijderIndelingVersie(trx, bron, code, geldigVan);
        await recordAudit(
          trx,
          actor,
          origin,
          { action: 'veiligheidsbeeld.indeling-verwijderd', objectType: 'veiligheidsbeeld-indeling', objectId: `${bron}|${code}|${geldigVan}`, details: { voor: { veld: voor.veld, tags: voor.tags, opmerking: voor.opmerking } } },
          now,
        );
      });
    },
  };
}
