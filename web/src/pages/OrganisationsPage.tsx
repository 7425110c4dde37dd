// SPDX-License-Identifier: EUPL-1.2
import type { Organisatie } from '../api/types.js';
import { useApiGet } from '../api/useApi.js';
import { LoadError } from '../components/LoadError.js';
import { Page } from '../components/Page.js';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../components/Table.js';
import { Paragraph } from '../components/Typography.js';
import { t, tMaybe } from '../i18n/t.js';

export function OrganisationsPage() {
  const { data, error, loading } = useApiGet<{ organisaties: Organisatie[] }>('/organisaties');
  return (
    <Page title={t('org.title')}>
      <LoadError error={error} />
      {loading && !data ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {data ? (
        data.organisaties.length === 0 ? (
          <Paragraph>{t('org.empty')}</Paragraph>
        ) : (
          <Table caption={t('org.caption')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('org.code')}</TableHeaderCell>
                <TableHeaderCell>{t('org.name')}</TableHeaderCell>
                <TableHeaderCell>{t('org.kind')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.organisaties.map((org) => (
                <TableRow key={org.id}>
                  <TableCell>{org.code}</TableCell>
                  <TableHeaderCell scope="row">{org.naam}</TableHeaderCell>
                  <TableCell>{tMaybe(`soort.${org.soort}`, org.soort)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )
      ) : null}
    </Page>
  );
}
