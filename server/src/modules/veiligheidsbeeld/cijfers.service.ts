// SPDX-License-Identifier: EUPL-1.2
// Public figures (aggregates only): a series per indicator and gebied with per-1,000 rates, index
// against a base year, change and trend; the comparison (ranking) of the members of a group; the
// catalogue of indicators and gebieden; own meldingen per month with small cells suppressed.
import type { PlatformDeps } from '../../platform/deps.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { BRONNEN, GROEP_TWEESTROMENLAND, indelingOp, VELDEN, type Bron, type Gebied, type Indeling } from './domain/catalogus.js';
import { index, onderdruk, rangschik, totaalVoorGroep, trend, verandering, type Aantal } from './domain/analyse.js';
import { ledenVan, normaliseerGemeentecode } from './domain/gebieden.js';
import * as repo from './veiligheidsbeeld.repository.js';
import { meldpuntMaandcijfers } from './meldpunt.repository.js';
import type { DatasetRow, IndicatorRow } from './schema.js';

const BRON_VOORKEUR: readonly Bron[] = ['politie', 'politie-incidenten', 'cbs', 'meldpunt'];
const MAX_JAREN = 60;

export function presentIndicator(i: Pick<IndicatorRow, 'bron' | 'code' | 'naam' | 'eenheid'>, indeling: readonly Indeling[], datum: string) {
  const map = indelingOp(indeling, i.bron as Bron, i.code, datum);
  return { code: i.code, naam: i.naam, bron: i.bron, veld: map?.veld ?? null, veldNaam: map?.veld ? VELDEN[map.veld] : null, tags: map?.tags ?? [], eenheid: i.eenheid };
}

export function presentGebied(g: Gebied) {
  return { code: g.code, naam: g.naam, soort: g.soort, geldigVan: g.geldigVan, geldigTot: g.geldigTot, opvolger: g.opvolger, leden: g.soort === 'groep' ? g.leden : [] };
}

export function presentDataset(d: DatasetRow) {
  return {
    id: d.id, titel: d.titel, bron: d.bron, tabel: d.tabel, formaat: d.formaat, soort: d.soort, licentie: d.licentie, bestandsnaam: d.bestandsnaam, sha256: d.sha256,
    regels: d.regels, waarden: d.waarden, nieuw: d.nieuw, gewijzigd: d.gewijzigd, bevolking: d.bevolking, overgeslagen: d.overgeslagen,
    geimporteerdOp: new Date(d.geimporteerd_op).toISOString(), geimporteerdDoor: d.geimporteerd_door,
  };
}

const round = (n: number | null, d: number) => (n === null ? null : Math.round(n * 10 ** d) / 10 ** d);

function jaar(raw: string | undefined, veld: string): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{4}$/.test(raw)) throw invalid([{ veld, melding: 'Geef een jaar van vier cijfers, bijvoorbeeld 2018.' }]);
  const j = Number(raw);
  if (j < 1900 || j > 2100) throw invalid([{ veld, melding: 'Het jaar moet tussen 1900 en 2100 liggen.' }]);
  return j;
}

export interface CijferVraag {
  indicator: string;
  bron?: string | undefined;
  gebied: string;
  van?: string | undefined;
  tot?: string | undefined;
  basisjaar?: string | undefined;
}

export function createCijfersService(deps: PlatformDeps) {
  const today = () => deps.clock.now().toISOString().slice(0, 10);

  async function resolveIndicator(code: string, bron?: string): Promise<IndicatorRow> {
    const found = (await repo.findIndicatoren(deps.db, code.trim())).filter((i) => !bron || i.bron === bron);
    found.sort((a, b) => BRON_VOORKEUR.indexOf(a.bron as Bron) - BRON_VOORKEUR.indexOf(b.bron as Bron));
    const hit = found[0];
    if (!hit) throw notFound(`Indicator ${code.slice(0, 40)}${bron ? ` (bron ${bron})` : ''} bestaat niet of er zijn nog geen cijfers voor geïmporteerd.`);
    return hit;
  }

  async function resolveGebied(raw: string): Promise<{ gebied: Gebied; gebieden: Map<string, Gebied> }> {
    const gebieden = await repo.loadGebieden(deps.db);
    const code = raw.trim().toLowerCase() === GROEP_TWEESTROMENLAND ? GROEP_TWEESTROMENLAND : normaliseerGemeentecode(raw) ?? raw.trim().toLowerCase();
    const g = gebieden.get(code);
    if (!g) throw notFound(`Gebied ${raw.slice(0, 40)} bestaat niet. Gebruik een gemeentecode (GM0296) of "tweestromenland".`);
    if (g.geldigTot) throw notFound(`Gemeente ${g.code} (${g.naam}) bestaat sinds ${g.geldigTot} niet meer; de cijfers staan onder ${g.opvolger ?? 'de opvolger'} (op de huidige grenzen).`);
    return { gebied: g, gebieden };
  }

  return {
    async indicatoren(filter: { bron?: string | undefined; veld?: string | undefined }) {
      const [rows, indeling] = await Promise.all([repo.listIndicatoren(deps.db), repo.loadIndeling(deps.db)]);
      const datum = today();
      return {
        indicatoren: rows
          .map((r) => ({ ...presentIndicator(r, indeling, datum), jaren: r.van === null || r.van === undefined ? null : { van: Number(r.van), tot: Number(r.tot) } }))
          .filter((i) => (!filter.bron || i.bron === filter.bron) && (!filter.veld || String(i.veld ?? 'geen') === filter.veld)),
        velden: Object.entries(VELDEN).map(([nr, naam]) => ({ veld: Number(nr), naam })),
      };
    },

    async gebieden() {
      const all = await repo.loadGebieden(deps.db);
      return { gebieden: [...all.values()].sort((a, b) => (a.soort === b.soort ? a.code.localeCompare(b.code) : a.soort === 'groep' ? -1 : 1)).map(presentGebied) };
    },

    async datasets() {
      return { datasets: (await repo.listDatasets(deps.db)).map(presentDataset) };
    },

    async reeks(q: CijferVraag) {
      if (q.bron !== undefined && !(BRONNEN as readonly string[]).includes(q.bron)) throw invalid([{ veld: 'bron', melding: `Kies uit: ${BRONNEN.join(', ')}.` }]);
      let van = jaar(q.van, 'van');
      let tot = jaar(q.tot, 'tot');
      const basisjaarVraag = jaar(q.basisjaar, 'basisjaar');
      if (van !== undefined && tot !== undefined && van > tot) throw invalid([{ veld: 'van', melding: '"van" ligt na "tot".' }]);
      const ind = await resolveIndicator(q.indicator, q.bron);
      const { gebied } = await resolveGebied(q.gebied);
      const leden = ledenVan(gebied);
      if (van === undefined || tot === undefined) {
        const span = await repo.jarenVan(deps.db, ind.id, leden);
        van ??= span.van ?? tot ?? new Date(deps.clock.now()).getUTCFullYear();
        tot ??= span.tot ?? van;
        if (van > tot) throw invalid([{ veld: 'van', melding: `Er zijn geen cijfers in deze periode (cijfers lopen tot ${tot}).` }]);
      }
      if (tot - van + 1 > MAX_JAREN) throw invalid([{ veld: 'tot', melding: `Vraag hoogstens ${MAX_JAREN} jaar tegelijk op.` }]);
      const basisjaar = basisjaarVraag ?? van;
      if (basisjaar < van || basisjaar > tot) throw invalid([{ veld: 'basisjaar', melding: 'Het basisjaar moet binnen van–tot liggen.' }]);

      const [rows, pop, datasets, indeling] = await Promise.all([repo.jaarcijfers(deps.db, ind.id, leden, van, tot), repo.bevolking(deps.db, leden, van, tot), repo.bronDatasets(deps.db, ind.id, leden, van, tot), repo.loadIndeling(deps.db)]);
      const popDatasets = await repo.datasetsById(deps.db, [...new Set(pop.map((p) => p.dataset_id).filter((x): x is string => x !== null))]);
      const reeks = [];
      for (let j = van; j <= tot; j++) {
        const waarden = new Map<string, Aantal>(rows.filter((r) => r.jaar === j).map((r) => [r.gebied, r.aantal]));
        const inwoners = new Map<string, Aantal>(pop.filter((p) => p.jaar === j).map((p) => [p.gebied, p.aantal]));
        const t = totaalVoorGroep(leden, waarden, inwoners);
        const deeljaar = rows.some((r) => r.jaar === j && r.maanden < 12);
        reeks.push({ jaar: j, aantal: waarden.size ? t.aantal : null, inwoners: t.inwoners, per1000: t.per1000, ontbrekend: waarden.size ? t.ontbrekend : [...leden], deeljaar });
      }
      const basis = reeks.find((r) => r.jaar === basisjaar)?.aantal ?? null;
      const punten = reeks.map((r) => ({ jaar: r.jaar, aantal: r.aantal }));
      const v = verandering(punten, basisjaar);
      const tr = trend(punten);
      const alle = [...datasets, ...popDatasets];
      return {
        indicator: presentIndicator(ind, indeling, today()),
        gebied: { code: gebied.code, naam: gebied.naam, soort: gebied.soort, leden },
        basisjaar,
        reeks: reeks.map((r) => ({ ...r, per1000: round(r.per1000, 3), indexTovBasisjaar: round(index(r.aantal, basis), 1) })),
        analyse: {
          verandering: v ? { ...v, procent: round(v.procent, 1) } : null,
          trend: { richting: tr.richting, helling: round(tr.helling, 3), relatieveHelling: round(tr.relatieveHelling, 4), punten: tr.punten, drempel: 0.02 },
        },
        bron: {
          licentie: [...new Set(alle.map((d) => d.licentie))].join(', ') || null,
          datasets: datasets.map(presentDataset).map(({ id, titel, bron, tabel, licentie, bestandsnaam, geimporteerdOp }) => ({ id, titel, bron, tabel, licentie, bestandsnaam, geimporteerdOp })),
          bevolking: popDatasets.map(presentDataset).map(({ id, titel, bron, tabel, licentie, bestandsnaam, geimporteerdOp }) => ({ id, titel, bron, tabel, licentie, bestandsnaam, geimporteerdOp })),
        },
      };
    },

    /** The members of a group side by side for one year, ranked by per-1,000 (or by count when no population is known). */
    async vergelijking(q: { indicator: string; bron?: string | undefined; gebied?: string | undefined; jaar: string }) {
      const j = jaar(q.jaar, 'jaar');
      if (j === undefined) throw invalid([{ veld: 'jaar', melding: 'Geef een jaar.' }]);
      const ind = await resolveIndicator(q.indicator, q.bron);
      const { gebied, gebieden } = await resolveGebied(q.gebied ?? GROEP_TWEESTROMENLAND);
      if (gebied.soort !== 'groep') throw invalid([{ veld: 'gebied', melding: 'Vergelijken kan alleen binnen een groep, zoals "tweestromenland".' }]);
      const [rows, pop, indeling] = await Promise.all([repo.jaarcijfers(deps.db, ind.id, gebied.leden, j, j), repo.bevolking(deps.db, gebied.leden, j, j), repo.loadIndeling(deps.db)]);
      const items = gebied.leden.map((code) => {
        const row = rows.find((r) => r.gebied === code);
        const inw = pop.find((p) => p.gebied === code)?.aantal ?? null;
        const aantal = row ? row.aantal : null;
        return { code, naam: gebieden.get(code)?.naam ?? code, aantal, inwoners: inw, per1000: aantal === null || inw === null ? null : (aantal / inw) * 1000 };
      });
      const opPer1000 = items.some((i) => i.per1000 !== null);
      const rang = rangschik(items.map((i) => ({ gebied: i.code, waarde: opPer1000 ? i.per1000 : i.aantal })));
      return {
        indicator: presentIndicator(ind, indeling, today()),
        gebied: { code: gebied.code, naam: gebied.naam },
        jaar: j,
        rangschikkingOp: opPer1000 ? 'per1000' : 'aantal',
        gemeenten: rang.map((r) => {
          const i = items.find((x) => x.code === r.gebied)!;
          return { code: i.code, naam: i.naam, aantal: i.aantal, inwoners: i.inwoners, per1000: round(i.per1000, 3), rang: r.rang };
        }),
      };
    },

    /** Own meldingen (overlast channel only) per month and main category; cells below 5 suppressed. */
    async meldpunt(q: { gebied: string; van: string; tot: string }) {
      if (q.van > q.tot) throw invalid([{ veld: 'van', melding: '"van" ligt na "tot".' }]);
      const [vy, vm] = q.van.split('-').map(Number) as [number, number];
      const [ty, tm] = q.tot.split('-').map(Number) as [number, number];
      if ((ty - vy) * 12 + (tm - vm) + 1 > 120) throw invalid([{ veld: 'tot', melding: 'Vraag hoogstens 120 maanden tegelijk op.' }]);
      const { gebied } = await resolveGebied(q.gebied);
      const leden = ledenVan(gebied);
      const cellen = await meldpuntMaandcijfers(deps.db, { gemeenten: leden, van: q.van, tot: q.tot, kanalen: ['overlast'] });
      // Aggregate over the members first (a group's total), then suppress.
      const per = new Map<string, { maand: string; categorie: string; categorieNaam: string; aantal: number }>();
      for (const c of cellen) {
        const k = `${c.maand}|${c.categorie}`;
        const e = per.get(k) ?? { maand: c.maand, categorie: c.categorie, categorieNaam: c.categorieNaam, aantal: 0 };
        e.aantal += c.aantal;
        per.set(k, e);
      }
      return {
        gebied: { code: gebied.code, naam: gebied.naam },
        van: q.van,
        tot: q.tot,
        minimumCel: 5,
        cellen: [...per.values()].map((c) => ({ maand: c.maand, categorie: c.categorie, categorieNaam: c.categorieNaam, ...onderdruk(c.aantal) })),
      };
    },
  };
}
