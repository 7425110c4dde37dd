// SPDX-License-Identifier: EUPL-1.2
// Per Kernbeleid-veld de indicatoren van één gebied: laatste jaar, verandering t.o.v. het basisjaar, trend.
import { Link } from '../components/Link.js';
import { LoadError } from '../components/LoadError.js';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../components/Table.js';
import { Heading2, Heading3, Paragraph } from '../components/Typography.js';
import { vbApi, type Cijfers, type Indicator, type Veld } from './api.js';
import { getal, procent, verschil } from './format.js';
import { T } from './texts.js';
import { useLoad } from './useLoad.js';

export interface SamenvattingRij {
  indicator: Indicator;
  cijfers: Cijfers | null;
}

export async function laadSamenvatting(gebied: string): Promise<{ velden: Veld[]; rijen: SamenvattingRij[] }> {
  const { indicatoren, velden } = await vbApi.indicatoren();
  const metCijfers = indicatoren.filter((i) => i.jaren);
  const cijfers = await Promise.all(metCijfers.map((i) => vbApi.cijfers(i.code, gebied, undefined, undefined, i.bron).catch(() => null)));
  return { velden, rijen: metCijfers.map((indicator, k) => ({ indicator, cijfers: cijfers[k] ?? null })) };
}

export function laatste(c: Cijfers | null) {
  if (!c) return null;
  for (let i = c.reeks.length - 1; i >= 0; i--) {
    const p = c.reeks[i];
    if (p && p.aantal !== null) return p;
  }
  return null;
}

export function veranderingTekst(c: Cijfers | null): string {
  const v = c?.analyse.verandering;
  if (!v || v.absoluut === null) return T.onbekend;
  return `${procent(v.procent)} (${verschil(v.absoluut)}) t.o.v. ${v.basisjaar}`;
}

export function trendTekst(c: Cijfers | null): string {
  return T.trend[c?.analyse.trend.richting ?? 'onbekend'] ?? T.trend['onbekend'] ?? '';
}

export function indicatorPad(i: Indicator, basis = '/veiligheidsbeeld'): string {
  return `${basis}/indicatoren/${encodeURIComponent(i.code)}?bron=${encodeURIComponent(i.bron)}`;
}

/** Groepeert rijen naar veld (1–5), met "niet ingedeeld" als laatste. */
export function perVeld(velden: readonly Veld[], rijen: readonly SamenvattingRij[]) {
  const groepen = velden.map((v) => ({ sleutel: String(v.veld), naam: `${v.veld}. ${v.naam}`, rijen: rijen.filter((r) => r.indicator.veld === v.veld) }));
  groepen.push({ sleutel: 'geen', naam: T.geenVeld, rijen: rijen.filter((r) => r.indicator.veld === null) });
  return groepen.filter((g) => g.rijen.length > 0);
}

export function SamenvattingTabel({
  titel,
  gebiedNaam,
  rijen,
  linkBasis,
  kopniveau = 2,
}: {
  titel: string;
  gebiedNaam: string;
  rijen: readonly SamenvattingRij[];
  linkBasis: string | null;
  kopniveau?: 2 | 3;
}) {
  const Kop = kopniveau === 2 ? Heading2 : Heading3;
  return (
    <section className="vb-veld" data-testid="veld">
      <Kop>{titel}</Kop>
      <Table caption={T.veldTabel(titel, gebiedNaam)}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{T.kolom.indicator}</TableHeaderCell>
            <TableHeaderCell>{T.kolom.laatsteJaar}</TableHeaderCell>
            <TableHeaderCell>{T.kolom.aantal}</TableHeaderCell>
            <TableHeaderCell>{T.kolom.verandering(T.basisjaar)}</TableHeaderCell>
            <TableHeaderCell>{T.kolom.trend}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rijen.map(({ indicator, cijfers }) => {
            const l = laatste(cijfers);
            return (
              <TableRow key={`${indicator.bron}:${indicator.code}`}>
                <TableHeaderCell scope="row">
                  {linkBasis ? <Link to={indicatorPad(indicator, linkBasis)}>{indicator.naam}</Link> : indicator.naam}{' '}
                  <span className="vb-code">({indicator.code})</span>
                </TableHeaderCell>
                <TableCell>{l ? String(l.jaar) : T.onbekend}</TableCell>
                <TableCell className="utrecht-table__cell utrecht-table__cell--numeric">{getal(l?.aantal ?? null)}</TableCell>
                <TableCell>{veranderingTekst(cijfers)}</TableCell>
                <TableCell>{trendTekst(cijfers)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}

/** Alle velden voor één gebied. */
export function Samenvatting({ gebied, gebiedNaam, linkBasis, kopniveau = 2 }: { gebied: string; gebiedNaam: string; linkBasis: string | null; kopniveau?: 2 | 3 }) {
  const { data, error, loading } = useLoad(() => laadSamenvatting(gebied), [gebied]);
  if (error) return <LoadError error={error} />;
  if (loading || !data) return <Paragraph role="status">{T.laden}</Paragraph>;
  const groepen = perVeld(data.velden, data.rijen);
  if (groepen.length === 0) return <Paragraph>{T.geenCijfers}</Paragraph>;
  return (
    <>
      {groepen.map((g) => (
        <SamenvattingTabel key={g.sleutel} titel={g.naam} gebiedNaam={gebiedNaam} rijen={g.rijen} linkBasis={linkBasis} kopniveau={kopniveau} />
      ))}
    </>
  );
}
