// SPDX-License-Identifier: EUPL-1.2
// De openbare cijferpagina (/cijfers): zonder account en zonder cookies (fetch met credentials 'omit').
// Per gemeente en voor Tweestromenland de belangrijkste indicatoren en trends, en de eigen meldingen
// alleen als maandtotalen per categorie met cellen onder 5 onderdrukt.
import { useEffect, useState } from 'react';
import { SelectField } from '../components/FormField.js';
import { LoadError } from '../components/LoadError.js';
import { PublicShell } from '../components/PublicShell.js';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../components/Table.js';
import { Heading2, Paragraph } from '../components/Typography.js';
import { gemeentenVan, TWEESTROMENLAND, vbApi, type MeldpuntCijfers } from './api.js';
import { Figuur } from './Figuur.js';
import { maandLabel } from './format.js';
import { heeftPer1000, maatNaam, Per1000Toggle, reeksData, type Maat } from './Dashboards.js';
import { Samenvatting } from './Samenvatting.js';
import { T } from './texts.js';
import { useLoad } from './useLoad.js';
import './veiligheidsbeeld.css';

function maandTerug(n: number): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export function PubliekeCijfersApp() {
  useEffect(() => {
    document.title = `${T.publiek.titel} — ${T.publiek.titelSuffix}`;
  }, []);
  return (
    <PublicShell
      home="/cijfers"
      name={T.publiek.naam}
      tagline={T.publiek.ondertitel}
      skipLabel={T.publiek.skip}
      className="vb-publiek"
      contentClassName="vb-publiek__content"
      footer={<p className="knooppunt-footer__text">{T.publiek.privacy}</p>}
    >
      <PubliekeCijfers />
    </PublicShell>
  );
}

function PubliekeCijfers() {
  const [gebied, setGebied] = useState(TWEESTROMENLAND);
  const [per1000, setPer1000] = useState(false);
  const gebieden = useLoad(() => vbApi.gebieden(), []);
  const totaal = useLoad(() => vbApi.cijfers('0.0.0', gebied).catch(() => null), [gebied]);
  const opties = [{ value: TWEESTROMENLAND, label: T.tweestromenland }, ...gemeentenVan(gebieden.data?.gebieden ?? []).map((g) => ({ value: g.code, label: g.naam }))];
  const naam = opties.find((o) => o.value === gebied)?.label ?? gebied;
  const kanPer1000 = totaal.data ? heeftPer1000([totaal.data]) : false;
  const maat: Maat = per1000 && kanPer1000 ? 'per1000' : 'aantal';
  return (
    <>
      <h1 className="utrecht-heading-1 knooppunt-page__heading" tabIndex={-1} data-page-heading="">
        {T.publiek.titel}
      </h1>
      <Paragraph lead>{T.publiek.intro}</Paragraph>
      {gebieden.error ? <LoadError error={gebieden.error} /> : null}
      <SelectField id="vb-publiek-gebied" label={T.publiek.gebied} value={gebied} onChange={(e) => setGebied(e.currentTarget.value)} options={opties} />
      {totaal.data ? (
        <>
          {kanPer1000 ? <Per1000Toggle id="vb-publiek-per1000" aan={per1000} onChange={setPer1000} /> : null}
          <Figuur
            kopniveau={2}
            titel={`${totaal.data.indicator.naam}: ${naam}`}
            bijschrift={`${naam}: ${totaal.data.indicator.naam}, ${maatNaam(maat).toLowerCase()} per jaar`}
            data={reeksData(totaal.data, maat)}
            testId="figuur"
          />
        </>
      ) : null}
      <Heading2>{T.publiek.hoofdindicatoren}</Heading2>
      <Samenvatting gebied={gebied} gebiedNaam={naam} linkBasis={null} kopniveau={3} />
      <Meldingen gebied={gebied} naam={naam} />
    </>
  );
}

function Meldingen({ gebied, naam }: { gebied: string; naam: string }) {
  const van = maandTerug(11);
  const tot = maandTerug(0);
  const { data, error } = useLoad(() => vbApi.meldpunt(gebied, van, tot), [gebied, van, tot]);
  return (
    <section className="vb-meldingen" aria-labelledby="vb-meldingen-kop">
      <Heading2 id="vb-meldingen-kop">{T.publiek.meldingen}</Heading2>
      <Paragraph>{T.publiek.meldingenIntro}</Paragraph>
      {error ? <LoadError error={error} /> : null}
      {data ? <MeldingenTabel data={data} naam={naam} /> : null}
    </section>
  );
}

function MeldingenTabel({ data, naam }: { data: MeldpuntCijfers; naam: string }) {
  const maanden: string[] = [];
  for (let m = data.van; m <= data.tot; ) {
    maanden.push(m);
    const [j, mm] = m.split('-').map(Number) as [number, number];
    m = mm === 12 ? `${j + 1}-01` : `${j}-${String(mm + 1).padStart(2, '0')}`;
  }
  const categorieen = [...new Map(data.cellen.map((c) => [c.categorie, c.categorieNaam])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'nl'));
  if (categorieen.length === 0) return <Paragraph>{T.publiek.geenMeldingen}</Paragraph>;
  const cel = (maand: string, categorie: string) => {
    const c = data.cellen.find((x) => x.maand === maand && x.categorie === categorie);
    if (!c) return '0';
    return c.onderdrukt || c.aantal === null ? T.publiek.onderdrukt : String(c.aantal);
  };
  return (
    <Table caption={T.publiek.meldingenTabel(naam)}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{T.kolom.categorie}</TableHeaderCell>
          {maanden.map((m) => (
            <TableHeaderCell key={m}>{maandLabel(m)}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {categorieen.map(([code, catNaam]) => (
          <TableRow key={code}>
            <TableHeaderCell scope="row">{catNaam}</TableHeaderCell>
            {maanden.map((m) => (
              <TableCell key={m} className="utrecht-table__cell utrecht-table__cell--numeric">
                {cel(m, code)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
