// SPDX-License-Identifier: EUPL-1.2
// Een grafiek (decoratief canvas, aria-hidden) met een toegankelijk alternatief: een echte tabel met
// bijschrift, en downloads als CSV, XLSX en PNG.
import { useEffect, useId, useRef, useState } from 'react';
import { Button, ButtonGroup } from '../components/Button.js';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../components/Table.js';
import { Heading2, Heading3, Paragraph } from '../components/Typography.js';
import type { EChartsInstance } from './echarts.js';
import { downloadCsv, downloadPng, downloadXlsx, type FiguurData } from './exporteer.js';
import { getal } from './format.js';
import { T } from './texts.js';

const KLEUREN = ['#01689b', '#b3461b', '#39870c', '#6e3480', '#8a6a00', '#a90061', '#154273'];

export function Grafiek({
  data,
  soort,
  yMax,
  hoogte,
  onInstance,
}: {
  data: FiguurData;
  soort: 'line' | 'bar';
  yMax?: number | undefined;
  hoogte: number;
  onInstance?: (chart: EChartsInstance | null) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsInstance | null>(null);
  const [klaar, setKlaar] = useState(false);

  useEffect(() => {
    let weg = false;
    let observer: ResizeObserver | null = null;
    void import('./echarts.js').then(({ echarts }) => {
      if (weg || !ref.current) return;
      const chart = echarts.init(ref.current, null, { renderer: 'canvas' });
      chartRef.current = chart;
      observer = new ResizeObserver(() => chart.resize());
      observer.observe(ref.current);
      onInstance?.(chart);
      setKlaar(true);
    });
    return () => {
      weg = true;
      observer?.disconnect();
      chartRef.current?.dispose();
      chartRef.current = null;
      onInstance?.(null);
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || !klaar) return;
    const meer = data.reeksen.length > 1;
    chart.setOption(
      {
        animation: false,
        color: KLEUREN,
        textStyle: { fontFamily: 'inherit' },
        legend: meer ? { show: true, top: 0, type: 'plain' } : { show: false },
        grid: { left: 8, right: 16, top: meer ? 56 : 16, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: data.categorieen, axisLabel: { color: '#1a1a1a' } },
        yAxis: {
          type: 'value',
          min: 0,
          ...(yMax !== undefined ? { max: yMax } : {}),
          axisLabel: { color: '#1a1a1a', formatter: (v: number) => getal(v, Number.isInteger(v) ? 0 : 1) },
        },
        series: data.reeksen.map((r) => ({
          name: r.naam,
          type: soort,
          data: r.waarden,
          connectNulls: false,
          symbolSize: 6,
          ...(soort === 'line' ? { lineStyle: { width: 2 } } : {}),
        })),
      },
      true,
    );
  }, [data, soort, yMax, klaar]);

  return <div ref={ref} className="vb-grafiek" aria-hidden="true" style={{ blockSize: `${hoogte}px` }} data-testid="grafiek" />;
}

export function DataTabel({ data, caption }: { data: FiguurData; caption: string }) {
  return (
    <Table caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{data.categorieKop}</TableHeaderCell>
          {data.reeksen.map((r) => (
            <TableHeaderCell key={r.naam}>{r.naam}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {data.categorieen.map((c, i) => (
          <TableRow key={c}>
            <TableHeaderCell scope="row">{c}</TableHeaderCell>
            {data.reeksen.map((r) => (
              <TableCell key={r.naam} className="utrecht-table__cell utrecht-table__cell--numeric">
                {getal(r.waarden[i] ?? null, data.decimalen, T.onbekend)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Grafiek + tabelalternatief + downloads. `titel` is de kop; `bijschrift` beschrijft de gegevens. */
export function Figuur({
  titel,
  bijschrift,
  data,
  soort = 'line',
  yMax,
  hoogte = 280,
  kopniveau = 3,
  tabelOpen = false,
  testId,
}: {
  titel: string;
  bijschrift: string;
  data: FiguurData;
  soort?: 'line' | 'bar';
  yMax?: number | undefined;
  hoogte?: number;
  kopniveau?: 2 | 3;
  tabelOpen?: boolean;
  testId?: string;
}) {
  const kopId = useId();
  const chart = useRef<EChartsInstance | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const Kop = kopniveau === 2 ? Heading2 : Heading3;
  const verborgen = <span className="knooppunt-visually-hidden">{` (${titel})`}</span>;
  const bestand = `${titel} ${bijschrift}`.slice(0, 120);

  const xlsx = () => {
    setFout(null);
    downloadXlsx(data, bestand).catch(() => setFout(T.figuur.exportFout));
  };
  const png = () => {
    setFout(null);
    const c = chart.current;
    if (!c) {
      setFout(T.figuur.exportFout);
      return;
    }
    downloadPng(c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }), bestand);
  };

  return (
    <section className="vb-figuur" aria-labelledby={kopId} data-testid={testId}>
      <Kop id={kopId}>{titel}</Kop>
      <Grafiek data={data} soort={soort} yMax={yMax} hoogte={hoogte} onInstance={(c) => (chart.current = c)} />
      <Paragraph small>
        {bijschrift}. {T.figuur.grafiekUitleg}
      </Paragraph>
      <details className="vb-details" open={tabelOpen || undefined}>
        <summary className="vb-details__summary">
          {T.figuur.toonTabel}
          <span className="knooppunt-visually-hidden">{`: ${titel}`}</span>
        </summary>
        <DataTabel data={data} caption={bijschrift} />
      </details>
      <ButtonGroup>
        <Button appearance="subtle-button" onClick={() => downloadCsv(data, bestand)}>
          {T.figuur.csv}
          {verborgen}
        </Button>
        <Button appearance="subtle-button" onClick={xlsx}>
          {T.figuur.xlsx}
          {verborgen}
        </Button>
        <Button appearance="subtle-button" onClick={png}>
          {T.figuur.png}
          {verborgen}
        </Button>
      </ButtonGroup>
      {fout ? (
        <Paragraph role="alert" className="vb-fout">
          {fout}
        </Paragraph>
      ) : null}
    </section>
  );
}
