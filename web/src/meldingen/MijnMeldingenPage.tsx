// SPDX-License-Identifier: EUPL-1.2
// De eigen niet-pluis-meldingen: alleen referentie, categorie, gemeente, datum en status.
import type { MijnMelding } from './shared.js';
import { PUBLIEKE_STATUS_LABELS } from './shared.js';
import { useApiGet } from '../api/useApi.js';
import { Link } from '../components/Link.js';
import { ListTable } from '../components/ListTable.js';
import { LoadError } from '../components/LoadError.js';
import { Page } from '../components/Page.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { TableCell, TableHeaderCell, TableRow } from '../components/Table.js';
import { Paragraph } from '../components/Typography.js';
import { formatDateTime } from '../format.js';

export function MijnMeldingenPage() {
  const mine = useApiGet<{ meldingen: MijnMelding[] }>('/mijn-meldingen');
  return (
    <Page title="Mijn meldingen">
      <Paragraph>
        U ziet alleen de status van uw meldingen. Wat er met een melding gebeurt, blijft vertrouwelijk bij het meldpunt.
      </Paragraph>
      <Paragraph>
        <Link to="/meldingen/niet-pluis">Nieuwe niet-pluis-melding doen</Link>
      </Paragraph>
      <LoadError error={mine.error} />
      <ListTable
        loading={mine.loading}
        items={mine.data?.meldingen ?? null}
        empty="U heeft nog geen meldingen gedaan."
        caption="Mijn niet-pluis-meldingen"
        columns={['Referentie', 'Ingediend', 'Categorie', 'Gemeente', 'Status']}
      >
        {(mine.data?.meldingen ?? []).map((m) => (
          <TableRow key={m.referentie}>
            <TableHeaderCell scope="row">{m.referentie}</TableHeaderCell>
            <TableCell>{formatDateTime(m.ingediendOp)}</TableCell>
            <TableCell>{m.categorie}</TableCell>
            <TableCell>{m.gemeente}</TableCell>
            <TableCell>
              <StatusBadge status={m.status === 'afgehandeld' ? 'success' : 'neutral'}>{PUBLIEKE_STATUS_LABELS[m.status] ?? m.status}</StatusBadge>
            </TableCell>
          </TableRow>
        ))}
      </ListTable>
    </Page>
  );
}
