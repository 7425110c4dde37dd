// SPDX-License-Identifier: EUPL-1.2
// Tabel met meldingen (werkvoorraad en signalering), met optioneel sorteerbare kolommen.
import { Link } from '../components/Link.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../components/Table.js';
import { VisuallyHidden } from '../components/Typography.js';
import { formatDate, formatDateTime } from '../format.js';
import type { WerkvoorraadRegel } from '../meldingen/shared.js';
import { statusBadge } from '../meldingen/shared.js';

export type SortKey = 'aangemaakt' | '-aangemaakt' | 'termijn' | '-termijn' | 'status' | 'categorie';

type Column = 'referentie' | 'ontvangen' | 'categorie' | 'gemeente' | 'status' | 'termijn' | 'behandelaar';

const COLUMNS: ReadonlyArray<{ key: Column; label: string; sort?: { asc: SortKey; desc?: SortKey } }> = [
  { key: 'referentie', label: 'Referentie' },
  { key: 'ontvangen', label: 'Ontvangen', sort: { asc: 'aangemaakt', desc: '-aangemaakt' } },
  { key: 'categorie', label: 'Categorie', sort: { asc: 'categorie' } },
  { key: 'gemeente', label: 'Gemeente' },
  { key: 'status', label: 'Status', sort: { asc: 'status' } },
  { key: 'termijn', label: 'Termijn', sort: { asc: 'termijn', desc: '-termijn' } },
  { key: 'behandelaar', label: 'Behandelaar' },
];

export function TermijnCell({ regel }: { regel: Pick<WerkvoorraadRegel, 'afhandeltermijn' | 'termijnOverschreden' | 'drievoudigOverschreden'> }) {
  return (
    <>
      <span>{formatDate(regel.afhandeltermijn)}</span>
      {regel.drievoudigOverschreden ? (
        <>
          {' '}
          <StatusBadge status="danger">Drie keer de termijn over</StatusBadge>
        </>
      ) : regel.termijnOverschreden ? (
        <>
          {' '}
          <StatusBadge status="warning">Termijn over</StatusBadge>
        </>
      ) : null}
    </>
  );
}

export function WorklistTable({
  caption,
  regels,
  sort,
  onSort,
}: {
  caption: string;
  regels: readonly WerkvoorraadRegel[];
  sort?: SortKey;
  onSort?: (sort: SortKey) => void;
}) {
  return (
    <Table caption={caption}>
      <TableHeader>
        <TableRow>
          {COLUMNS.map((column) => {
            if (!column.sort || !onSort) return <TableHeaderCell key={column.key}>{column.label}</TableHeaderCell>;
            const { asc, desc } = column.sort;
            const active = sort === asc ? 'ascending' : desc && sort === desc ? 'descending' : undefined;
            const next: SortKey = active === 'ascending' && desc ? desc : asc;
            return (
              <TableHeaderCell key={column.key} aria-sort={active ?? 'none'}>
                <button type="button" className="knooppunt-sort-button" onClick={() => onSort(next)}>
                  {column.label}
                  <VisuallyHidden>
                    {active === 'ascending' ? ', oplopend gesorteerd' : active === 'descending' ? ', aflopend gesorteerd' : ', sorteren'}
                  </VisuallyHidden>
                  <span aria-hidden="true">{active === 'ascending' ? ' ▲' : active === 'descending' ? ' ▼' : ''}</span>
                </button>
              </TableHeaderCell>
            );
          })}
        </TableRow>
      </TableHeader>
      <TableBody>
        {regels.map((r) => (
          <TableRow key={r.id}>
            <TableHeaderCell scope="row">
              <Link to={`/knooppunt/meldingen/${r.id}`}>{r.referentie}</Link>
              {r.ouderId ? (
                <>
                  {' '}
                  <StatusBadge>Deelmelding</StatusBadge>
                </>
              ) : null}
            </TableHeaderCell>
            <TableCell>{formatDateTime(r.aangemaaktOp)}</TableCell>
            <TableCell>{r.categorie.naam}</TableCell>
            <TableCell>{r.gemeente.naam}</TableCell>
            <TableCell>
              <StatusBadge status={statusBadge(r.status)}>{r.statusNaam}</StatusBadge>
            </TableCell>
            <TableCell>
              <TermijnCell regel={r} />
            </TableCell>
            <TableCell>{r.toegewezenAan?.naam ?? 'Niemand'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
