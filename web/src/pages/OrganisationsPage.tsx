// SPDX-License-Identifier: EUPL-1.2
import type { Organisatie } from '../api/types.js';
import { useApiGet } from '../api/useApi.js';
import { LoadError } from '../components/LoadError.js';
import { Page } from '../components/Page.js';
import { ListTable } from '../components/ListTable.js';
import { TableCell, TableHeaderCell, TableRow } from '../components/Table.js';
import { t, tMaybe } from '../i18n/t.js';

export function OrganisationsPage() {
  const { data, error, loading } = useApiGet<{ organisaties: Organisatie[] }>('/organisaties');
  return (
    <Page title={t('org.title')}>
      <LoadError error={error} />
      <ListTable
        loading={loading}
        items={data?.organisaties ?? null}
        empty={t('org.empty')}
        caption={t('org.caption')}
        columns={[t('org.code'), t('org.name'), t('org.kind')]}
      >
        {(data?.organisaties ?? []).map((org) => (
          <TableRow key={org.id}>
            <TableCell>{org.code}</TableCell>
            <TableHeaderCell scope="row">{org.naam}</TableHeaderCell>
            <TableCell>{tMaybe(`soort.${org.soort}`, org.soort)}</TableCell>
          </TableRow>
        ))}
      </ListTable>
    </Page>
  );
}
