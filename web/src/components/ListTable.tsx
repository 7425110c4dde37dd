// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from 'react';
import { Table, TableBody, TableHeader, TableHeaderCell, TableRow } from './Table.js';
import { Paragraph } from './Typography.js';
import { t } from '../i18n/t.js';

/**
 * Opgehaalde lijst als tabel: een laadmelding zolang er nog niets is, een melding bij een
 * lege lijst, en anders de tabel met bijschrift en kolomkoppen; `children` zijn de rijen.
 */
export function ListTable({
  loading,
  items,
  empty,
  caption,
  columns,
  children,
}: {
  loading: boolean;
  /** `null` zolang de lijst niet is geladen. */
  items: readonly unknown[] | null;
  empty: string;
  caption: string;
  columns: readonly string[];
  children: ReactNode;
}) {
  return (
    <>
      {loading && !items ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {items ? (
        items.length === 0 ? (
          <Paragraph>{empty}</Paragraph>
        ) : (
          <Table caption={caption}>
            <TableHeader>
              <TableRow>
                {columns.map((column) => (
                  <TableHeaderCell key={column}>{column}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>{children}</TableBody>
          </Table>
        )
      ) : null}
    </>
  );
}
