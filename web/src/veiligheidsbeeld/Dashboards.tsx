// SPDX-License-Identifier: EUPL-1.2
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { CheckboxField, SelectField, TextField } from '../components/FormField.js';
import { Link } from '../components/Link.js';
import { LoadError } from '../components/LoadError.js';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../components/Table.js';
import { Heading2, Paragraph } from '../components/Typography.js';
import { gemeentenVan, TWEESTROMENLAND, vbApi, type Cijfers } from './api.js';
import type { FiguurData } from './exporteer.js';
import { Figuur } from './Figuur.js';
import { getal } from './format.js';
import { Samenvatting } from './Samenvatting.js';
import { T } from './texts.js';
import { useLoad } from './useLoad.js';
import { VbPage } from './VbPage.js';

export type Maat = 'aantal' | 'per1000';

export const maatNaam = (m: Maat) => (m === 'per1000' ? T.kolom.per1000 : T.kolom.aantal);
export const heeftPer1000 = (reeksen: readonly (Cijfers | null)[]) => reeksen.some((c) => c?.reeks.some((p) => p.per1000 !== null));
export const waardeVan = (c: Cijfers, m: Maat) => c.reeks.map((p) => (m === 'per1000' ? p.per1000 : p.aantal));

/** Een reeks van één gebied als figuurdata. */
export function reeksData(c: Cijfers, m: Maat): FiguurData {
  return { categorieKop: T.kolom.jaar, categorieen: c.reeks.map((p) => String(p.jaar)), reeksen: [{ naam: maatNaam(m), waarden: waardeVan(c, m) }], decimalen: m === 'per1000' ? 1 : 0 };
}

/** Bovengrens voor een gedeelde y-as: het maximum afgerond naar boven op een "mooi" getal. */
export function mooiMaximum(waarden: readonly (number | null)[]): number | undefined {
  const max = Math.max(0, ...waarden.filter((w): w is number => w !== null));
  if (max <= 0) return undefined;
  const stap = 10 ** Math.floor(Math.log10(max));
  for (const f of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (f * stap >= max) return f * stap;
  return 10 * stap;
}

export function Per1000Toggle({ id, aan, onChange }: { id: string; aan: boolean; onChange: (aan: boolean) => void }) {
  return <CheckboxField id={id} label={T.per1000Toggle} description={T.per1000Uitleg} checked={aan} onChange={(e) => onChange(e.currentTarget.checked)} />;
}

// ---------- overzicht ----------

export function OverzichtPagina() {
  const gebieden = useLoad(() => vbApi.gebieden(), []);
  return (
    <VbPage title={T.titel}>
      <Paragraph lead>{T.overzichtIntro}</Paragraph>
      <Heading2>{T.gemeenten}</Heading2>
      <Paragraph>{T.gemeentenIntro}</Paragraph>
      {gebieden.error ? <LoadError error={gebieden.error} /> : null}
      <ul className="utrecht-unordered-list vb-gemeenten">
        {gemeentenVan(gebieden.data?.gebieden ?? []).map((g) => (
          <li key={g.code} className="utrecht-unordered-list__item">
            <Link to={`/veiligheidsbeeld/gemeenten/${g.code}`}>{g.naam}</Link>
          </li>
        ))}
      </ul>
      <Samenvatting gebied={TWEESTROMENLAND} gebiedNaam={T.tweestromenland} linkBasis="/veiligheidsbeeld" />
      <BijlageDownload />
    </VbPage>
  );
}

/** De bijlage "de cijfers en grafieken" van het veiligheidsplan als PDF of Excel, voor een gekozen periode. */
function BijlageDownload() {
  const ditJaar = new Date().getFullYear();
  const [van, setVan] = useState(String(ditJaar - 5));
  const [tot, setTot] = useState(String(ditJaar - 1));
  const geldig = /^\d{4}$/.test(van) && /^\d{4}$/.test(tot) && Number(van) <= Number(tot);
  const url = (formaat: 'pdf' | 'xlsx') => `/api/v1/veiligheidsbeeld/bijlage?van=${van}&tot=${tot}&formaat=${formaat}`;
  return (
    <section aria-labelledby="vb-bijlage-kop">
      <Heading2 id="vb-bijlage-kop">{T.bijlage.kop}</Heading2>
      <Paragraph>{T.bijlage.uitleg}</Paragraph>
      <div className="vb-bijlage-periode">
        <TextField id="vb-bijlage-van" label={T.bijlage.van} inputMode="numeric" value={van} onChange={(e) => setVan(e.currentTarget.value.trim())} />
        <TextField id="vb-bijlage-tot" label={T.bijlage.tot} inputMode="numeric" value={tot} onChange={(e) => setTot(e.currentTarget.value.trim())} />
      </div>
      {geldig ? (
        <Paragraph>
          <a className="utrecht-link" href={url('pdf')} download>
            {T.bijlage.pdf(van, tot)}
          </a>
          {' · '}
          <a className="utrecht-link" href={url('xlsx')} download>
            {T.bijlage.xlsx(van, tot)}
          </a>
        </Paragraph>
      ) : (
        <Paragraph>{T.bijlage.ongeldig}</Paragraph>
      )}
    </section>
  );
}

// ---------- gemeente ----------

export function GemeentePagina() {
  const { code = '' } = useParams();
  const [per1000, setPer1000] = useState(false);
  const gebieden = useLoad(() => vbApi.gebieden(), []);
  const totaal = useLoad(() => vbApi.cijfers('0.0.0', code).catch(() => null), [code]);
  const gebied = gebieden.data?.gebieden.find((g) => g.code === code);
  const naam = gebied?.naam ?? code;
  const maat: Maat = per1000 && totaal.data && heeftPer1000([totaal.data]) ? 'per1000' : 'aantal';
  return (
    <VbPage title={naam}>
      {gebieden.error ? <LoadError error={gebieden.error} /> : null}
      {totaal.data ? (
        <>
          {heeftPer1000([totaal.data]) ? <Per1000Toggle id="vb-gemeente-per1000" aan={per1000} onChange={setPer1000} /> : null}
          <Figuur
            kopniveau={2}
            titel={T.gemeente.trend}
            bijschrift={`${naam}: ${totaal.data.indicator.naam}, ${maatNaam(maat).toLowerCase()} per jaar`}
            data={reeksData(totaal.data, maat)}
            testId="figuur"
          />
        </>
      ) : null}
      <Samenvatting gebied={code} gebiedNaam={naam} linkBasis="/veiligheidsbeeld" />
    </VbPage>
  );
}

// ---------- indicator (kleine grafieken) ----------

async function laadIndicator(code: string, bron: string | undefined) {
  const { gebieden } = await vbApi.gebieden();
  const totaal = await vbApi.cijfers(code, TWEESTROMENLAND, undefined, undefined, bron);
  const van = totaal.reeks[0]?.jaar;
  const tot = totaal.reeks[totaal.reeks.length - 1]?.jaar;
  const gemeenten = gemeentenVan(gebieden);
  const perGemeente = await Promise.all(gemeenten.map((g) => vbApi.cijfers(code, g.code, van, tot, bron).catch(() => null)));
  return { totaal, gemeenten: gemeenten.map((g, i) => ({ gebied: g, cijfers: perGemeente[i] ?? null })) };
}

export function IndicatorPagina() {
  const { code = '' } = useParams();
  const [search] = useSearchParams();
  const bron = search.get('bron') ?? undefined;
  const [per1000, setPer1000] = useState(false);
  const { data, error, loading } = useLoad(() => laadIndicator(code, bron), [code, bron]);
  const titel = data ? `${data.totaal.indicator.naam} (${data.totaal.indicator.code})` : code;
  if (error || loading || !data) {
    return <VbPage title={titel}>{error ? <LoadError error={error} /> : <Paragraph role="status">{T.laden}</Paragraph>}</VbPage>;
  }
  const kanPer1000 = heeftPer1000(data.gemeenten.map((g) => g.cijfers));
  const maat: Maat = per1000 && kanPer1000 ? 'per1000' : 'aantal';
  const jaren = data.totaal.reeks.map((p) => String(p.jaar));
  const yMax = mooiMaximum(data.gemeenten.flatMap((g) => (g.cijfers ? waardeVan(g.cijfers, maat) : [])));
  const samen: FiguurData = {
    categorieKop: T.kolom.jaar,
    categorieen: jaren,
    reeksen: data.gemeenten.map((g) => ({ naam: g.gebied.naam, waarden: g.cijfers ? waardeVan(g.cijfers, maat) : jaren.map(() => null) })),
    decimalen: maat === 'per1000' ? 1 : 0,
  };
  const periode = `${jaren[0] ?? ''}–${jaren[jaren.length - 1] ?? ''}`;
  const ind = data.totaal.indicator;
  return (
    <VbPage title={titel}>
      <Paragraph>
        {ind.veldNaam ? `${ind.veldNaam}. ` : ''}
        {data.totaal.bron.licentie ? T.bron(data.totaal.bron.licentie) : ''}{' '}
        <Link to={`/veiligheidsbeeld/vergelijking?indicator=${encodeURIComponent(ind.code)}&bron=${encodeURIComponent(ind.bron)}`}>{T.indicator.naarVergelijking}</Link>
      </Paragraph>
      {kanPer1000 ? <Per1000Toggle id="vb-indicator-per1000" aan={per1000} onChange={setPer1000} /> : null}
      <Heading2>{T.indicator.perGemeente}</Heading2>
      <Paragraph>{T.indicator.perGemeenteIntro}</Paragraph>
      <div className="vb-klein-raster">
        {data.gemeenten.map(({ gebied, cijfers }) =>
          cijfers ? (
            <Figuur
              key={gebied.code}
              titel={gebied.naam}
              bijschrift={`${gebied.naam}: ${ind.naam}, ${maatNaam(maat).toLowerCase()} per jaar ${periode}`}
              data={reeksData(cijfers, maat)}
              yMax={yMax}
              hoogte={200}
              testId="klein-figuur"
            />
          ) : null,
        )}
      </div>
      <Figuur
        kopniveau={2}
        titel={T.indicator.samen}
        bijschrift={`${ind.naam} per gemeente, ${maatNaam(maat).toLowerCase()} per jaar ${periode}`}
        data={samen}
        hoogte={360}
        testId="figuur"
      />
    </VbPage>
  );
}

// ---------- vergelijking ----------

export function VergelijkingPagina() {
  const [search, setSearch] = useSearchParams();
  const indicatoren = useLoad(() => vbApi.indicatoren(), []);
  const lijst = (indicatoren.data?.indicatoren ?? []).filter((i) => i.jaren);
  const sleutel = `${search.get('bron') ?? ''}|${search.get('indicator') ?? ''}`;
  const gekozen = lijst.find((i) => `${i.bron}|${i.code}` === sleutel) ?? lijst.find((i) => i.code === search.get('indicator')) ?? lijst.find((i) => i.code === '0.0.0') ?? lijst[0];
  const jaren: number[] = [];
  if (gekozen?.jaren) for (let j = gekozen.jaren.tot; j >= gekozen.jaren.van; j--) jaren.push(j);
  const jaarParam = Number(search.get('jaar'));
  const jaar = jaren.includes(jaarParam) ? jaarParam : jaren[0];
  const vergelijking = useLoad(() => (gekozen && jaar ? vbApi.vergelijking(gekozen.code, jaar, gekozen.bron) : Promise.resolve(null)), [gekozen?.code, gekozen?.bron, jaar]);
  const zet = (wijziging: Record<string, string>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(wijziging)) next.set(k, v);
    setSearch(next, { replace: true });
  };
  const v = vergelijking.data;
  const maat: Maat = v?.rangschikkingOp === 'per1000' ? 'per1000' : 'aantal';
  const figuur: FiguurData | null = v
    ? { categorieKop: T.kolom.gemeente, categorieen: v.gemeenten.map((g) => g.naam), reeksen: [{ naam: maatNaam(maat), waarden: v.gemeenten.map((g) => g[maat]) }], decimalen: maat === 'per1000' ? 1 : 0 }
    : null;
  return (
    <VbPage title={T.vergelijking.titel}>
      <Paragraph lead>{T.vergelijking.intro}</Paragraph>
      {indicatoren.error ? <LoadError error={indicatoren.error} /> : null}
      {lijst.length === 0 && indicatoren.data ? <Paragraph>{T.geenCijfers}</Paragraph> : null}
      {gekozen ? (
        <div className="vb-filters">
          <SelectField
            id="vb-vergelijking-indicator"
            label={T.vergelijking.indicator}
            value={`${gekozen.bron}|${gekozen.code}`}
            onChange={(e) => {
              const [b = '', c = ''] = e.currentTarget.value.split('|');
              zet({ bron: b, indicator: c });
            }}
            options={lijst.map((i) => ({ value: `${i.bron}|${i.code}`, label: `${i.naam} (${i.code})` }))}
          />
          <SelectField
            id="vb-vergelijking-jaar"
            label={T.vergelijking.jaar}
            value={String(jaar ?? '')}
            onChange={(e) => zet({ jaar: e.currentTarget.value })}
            options={jaren.map((j) => ({ value: String(j), label: String(j) }))}
          />
        </div>
      ) : null}
      {vergelijking.error ? <LoadError error={vergelijking.error} /> : null}
      {v && figuur ? (
        <>
          <Paragraph>{v.rangschikkingOp === 'per1000' ? T.vergelijking.opPer1000 : T.vergelijking.opAantal}</Paragraph>
          <Table caption={T.vergelijking.tabel(`${v.indicator.naam} (${v.indicator.code})`, String(v.jaar))}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{T.kolom.rang}</TableHeaderCell>
                <TableHeaderCell>{T.kolom.gemeente}</TableHeaderCell>
                <TableHeaderCell>{T.kolom.aantal}</TableHeaderCell>
                <TableHeaderCell>{T.kolom.inwoners}</TableHeaderCell>
                <TableHeaderCell>{T.kolom.per1000}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {v.gemeenten.map((g) => (
                <TableRow key={g.code}>
                  <TableCell>{g.rang === null ? '–' : String(g.rang)}</TableCell>
                  <TableHeaderCell scope="row">
                    <Link to={`/veiligheidsbeeld/gemeenten/${g.code}`}>{g.naam}</Link>
                  </TableHeaderCell>
                  <TableCell className="utrecht-table__cell utrecht-table__cell--numeric">{getal(g.aantal)}</TableCell>
                  <TableCell className="utrecht-table__cell utrecht-table__cell--numeric">{getal(g.inwoners)}</TableCell>
                  <TableCell className="utrecht-table__cell utrecht-table__cell--numeric">{getal(g.per1000, 1)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Figuur
            kopniveau={2}
            titel={T.vergelijking.titel}
            bijschrift={`${v.indicator.naam}, ${maatNaam(maat).toLowerCase()} per gemeente in ${v.jaar}`}
            data={figuur}
            soort="bar"
            testId="figuur"
          />
        </>
      ) : null}
    </VbPage>
  );
}
