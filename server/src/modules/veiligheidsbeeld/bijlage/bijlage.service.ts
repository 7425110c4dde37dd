// SPDX-License-Identifier: EUPL-1.2
// Collects the appendix ("Bijlage: de cijfers en grafieken") from the stored figures: per indicator
// a table gemeente × year with a Totaal row and per-1,000 rates, grouped by Kernbeleid field, with
// the source datasets, and a closing section with the code → field mapping version in effect (so a
// reader sees which mapping produced the grouping). Reads through the repository and computes only
// with domain/analyse.ts (the same totals, rates and change as the public API), then hands the
// model to a renderer.
import type { PlatformDeps } from '../../../platform/deps.js';
import { invalid } from '../../../platform/http/errors.js';
import { GROEP_TWEESTROMENLAND, indelingOp, VELDEN, type Bron, type Veld } from '../domain/catalogus.js';
import { per1000, totaalVoorGroep, verandering, type Aantal } from '../domain/analyse.js';
import { ledenVan } from '../domain/gebieden.js';
import { presentDataset } from '../cijfers.service.js';
import * as repo from '../veiligheidsbeeld.repository.js';
import type { DatasetRow } from '../schema.js';
import {
  BRON_VOLGORDE,
  FORMATEN_BIJLAGE,
  MIME,
  OVERIG_NAAM,
  type Bijlage,
  type BijlageBron,
  type BijlageCel,
  type BijlageFormaat,
  type BijlageIndelingRegel,
  type BijlageRij,
  type BijlageTabel,
  type BijlageVeld,
} from './model.js';
import { renderPdf } from './pdf.js';
import { renderXlsx } from './xlsx.js';

/** The appendix covers at most this many years (a table row must stay readable on A4). */
export const MAX_JAREN_BIJLAGE = 15;
const STANDAARD_JAREN = 5;
const codeVolgorde = new Intl.Collator('nl', { numeric: true });

export interface BijlageVraag {
  van?: string | number | undefined;
  tot?: string | number | undefined;
  /** Default: tweestromenland. */
  gebied?: string | undefined;
}

export interface BijlageBestand {
  inhoud: Buffer;
  mime: string;
  bestandsnaam: string;
  formaat: BijlageFormaat;
  /** Number of pages (PDF) or sheets (XLSX). */
  delen: number;
  bijlage: Bijlage;
}

function jaar(raw: string | number | undefined, veld: string): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const s = String(raw).trim();
  if (!/^\d{4}$/.test(s)) throw invalid([{ veld, melding: 'Geef een jaar van vier cijfers, bijvoorbeeld 2018.' }]);
  const j = Number(s);
  if (j < 1900 || j > 2100) throw invalid([{ veld, melding: 'Het jaar moet tussen 1900 en 2100 liggen.' }]);
  return j;
}

function bron(d: DatasetRow): BijlageBron {
  const p = presentDataset(d);
  return { titel: p.titel, tabel: p.tabel, bestandsnaam: p.bestandsnaam, licentie: p.licentie, geimporteerdOp: p.geimporteerdOp };
}

/**
 * When each mapping version was set (`${bron}|${code}|${geldigVan}` → ISO timestamp); versions without
 * one are the seeded default. Only the moment, not who: the appendix is public and vastgesteld_door
 * names a staff member.
 */
function vastgesteldOp(versies: readonly repo.IndelingVersie[]): Map<string, string> {
  return new Map(versies.filter((v) => v.vastgesteld_op !== null).map((v) => [`${v.bron}|${v.code}|${v.geldig_van}`, new Date(v.vastgesteld_op!).toISOString()]));
}

export function createBijlageService(deps: PlatformDeps) {
  const today = () => deps.clock.now().toISOString().slice(0, 10);

  async function verzamel(vraag: BijlageVraag = {}): Promise<Bijlage> {
    let van = jaar(vraag.van, 'van');
    let tot = jaar(vraag.tot, 'tot');
    const gebieden = await repo.loadGebieden(deps.db);
    const gebiedCode = (vraag.gebied ?? GROEP_TWEESTROMENLAND).trim().toLowerCase();
    const groep = gebieden.get(gebiedCode);
    if (!groep || groep.soort !== 'groep') throw invalid([{ veld: 'gebied', melding: 'De bijlage wordt gemaakt voor een groep gemeenten, zoals "tweestromenland".' }]);
    const leden = ledenVan(groep);

    const [indicatoren, versies] = await Promise.all([repo.listIndicatoren(deps.db), repo.indelingVersies(deps.db)]);
    const indeling = repo.alsIndeling(versies);
    const vastgesteld = vastgesteldOp(versies);
    if (tot === undefined) {
      const laatste = indicatoren.map((i) => (i.tot === null || i.tot === undefined ? null : Number(i.tot))).filter((x): x is number => x !== null);
      tot = laatste.length ? Math.max(...laatste) : deps.clock.now().getUTCFullYear();
      if (van !== undefined && van > tot) tot = van;
    }
    van ??= tot - STANDAARD_JAREN + 1;
    if (van > tot) throw invalid([{ veld: 'van', melding: '"van" ligt na "tot".' }]);
    if (tot - van + 1 > MAX_JAREN_BIJLAGE) throw invalid([{ veld: 'tot', melding: `De bijlage beslaat hoogstens ${MAX_JAREN_BIJLAGE} jaar.` }]);
    const jaren = Array.from({ length: tot - van + 1 }, (_, i) => van + i);

    const bevolking = await repo.bevolking(deps.db, leden, van, tot);
    const inwonersIn = new Map<number, Map<string, Aantal>>(jaren.map((j) => [j, new Map(bevolking.filter((b) => b.jaar === j).map((b) => [b.gebied, b.aantal]))]));
    const bevolkingsDatasets = (await repo.datasetsById(deps.db, [...new Set(bevolking.map((b) => b.dataset_id).filter((x): x is string => x !== null))])).map(bron);
    const naam = (code: string) => gebieden.get(code)?.naam ?? code;
    const datum = today();

    const kandidaten = indicatoren
      .filter((i) => i.van !== null && i.van !== undefined && Number(i.van) <= tot && Number(i.tot) >= van)
      .sort((a, b) => BRON_VOLGORDE.indexOf(a.bron) - BRON_VOLGORDE.indexOf(b.bron) || codeVolgorde.compare(a.code, b.code));

    const perVeld = new Map<Veld | null, BijlageTabel[]>();
    const indelingRegels: BijlageIndelingRegel[] = [];
    for (const ind of kandidaten) {
      const rows = await repo.jaarcijfers(deps.db, ind.id, leden, van, tot);
      if (!rows.length) continue;
      const waardenIn = new Map<number, Map<string, Aantal>>(jaren.map((j) => [j, new Map(rows.filter((r) => r.jaar === j).map((r) => [r.gebied, r.aantal]))]));

      const rij = (code: string, cellen: BijlageCel[]): BijlageRij => ({ code, naam: naam(code), cellen, veranderingProcent: verandering(cellen.map((c) => ({ jaar: c.jaar, aantal: c.aantal })))?.procent ?? null });
      const rijen = leden
        .filter((code) => rows.some((r) => r.gebied === code))
        .map((code) =>
          rij(
            code,
            jaren.map((j) => {
              const w = waardenIn.get(j)!;
              const aantal = w.has(code) ? w.get(code)! : null;
              return { jaar: j, aantal, per1000: per1000(aantal, inwonersIn.get(j)!.get(code) ?? null) };
            }),
          ),
        );
      const totalen = jaren.map((j) => ({ jaar: j, t: totaalVoorGroep(leden, waardenIn.get(j)!, inwonersIn.get(j)!) }));
      const totaal = {
        ...rij(groep.code, totalen.map(({ jaar: j, t }) => ({ jaar: j, aantal: t.aantal, per1000: t.per1000 }))),
        naam: 'Totaal',
        ontbrekend: totalen.map(({ t }) => t.ontbrekend),
      };
      const heeftPer1000 = [...rijen, totaal].some((r) => r.cellen.some((c) => c.per1000 !== null));
      // The same version choice as the public API (presentIndicator): the one in effect today.
      const versie = indelingOp(indeling, ind.bron as Bron, ind.code, datum);
      const veld = versie?.veld ?? null;
      indelingRegels.push({
        bron: ind.bron,
        code: ind.code,
        naam: ind.naam,
        ingedeeld: versie !== null,
        veld,
        tags: versie?.tags ?? [],
        geldigVan: versie?.geldigVan ?? null,
        vastgesteldOp: versie ? (vastgesteld.get(`${versie.bron}|${versie.code}|${versie.geldigVan}`) ?? null) : null,
        opmerking: versie?.opmerking ?? '',
      });
      const tabel: BijlageTabel = {
        indicator: { bron: ind.bron, code: ind.code, naam: ind.naam, eenheid: ind.eenheid, veld },
        rijen,
        totaal,
        heeftPer1000,
        bronnen: (await repo.bronDatasets(deps.db, ind.id, leden, van, tot)).map(bron),
        bevolkingsbronnen: heeftPer1000 ? bevolkingsDatasets : [],
      };
      perVeld.set(veld, [...(perVeld.get(veld) ?? []), tabel]);
    }

    const volgorde: Array<Veld | null> = [null, 1, 2, 3, 4, 5];
    const velden: BijlageVeld[] = volgorde.filter((v) => perVeld.has(v)).map((v) => ({ veld: v, naam: v === null ? OVERIG_NAAM : VELDEN[v], tabellen: perVeld.get(v)! }));
    return {
      titel: 'Bijlage: de cijfers en grafieken',
      gebied: { code: groep.code, naam: groep.naam, leden: leden.map((code) => ({ code, naam: naam(code) })) },
      van,
      tot,
      jaren,
      gegenereerdOp: deps.clock.now().toISOString(),
      velden,
      // Candidates are sorted by source and code, so the rows are too.
      indeling: { peildatum: datum, regels: indelingRegels },
    };
  }

  return {
    verzamel,

    async genereer(vraag: BijlageVraag & { formaat: string }): Promise<BijlageBestand> {
      const formaat = vraag.formaat.trim().toLowerCase();
      if (!(FORMATEN_BIJLAGE as readonly string[]).includes(formaat)) throw invalid([{ veld: 'formaat', melding: `Kies uit: ${FORMATEN_BIJLAGE.join(', ')}.` }]);
      const f = formaat as BijlageFormaat;
      const bijlage = await verzamel(vraag);
      const r = f === 'pdf' ? await renderPdf(bijlage) : await renderXlsx(bijlage);
      const slug = bijlage.gebied.naam.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      return { inhoud: r.inhoud, delen: r.delen, mime: MIME[f], formaat: f, bestandsnaam: `bijlage-veiligheidsbeeld-${slug}-${bijlage.van}-${bijlage.tot}.${f}`, bijlage };
    },
  };
}
