// SPDX-License-Identifier: EUPL-1.2
// Mijn notificaties (toewijzingen, reacties van melders) met "gelezen" markeren.
import { useState } from 'react';
import { api } from '../api/client.js';
import { useApiGet } from '../api/useApi.js';
import { StatusMessage } from '../components/Alert.js';
import { Button } from '../components/Button.js';
import { ErrorSummary, NO_FIELDS, useFormErrors } from '../components/FormErrors.js';
import { Link } from '../components/Link.js';
import { ListTable } from '../components/ListTable.js';
import { LoadError } from '../components/LoadError.js';
import { Page } from '../components/Page.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { TableCell, TableHeaderCell, TableRow } from '../components/Table.js';
import { Paragraph, VisuallyHidden } from '../components/Typography.js';
import { formatDateTime } from '../format.js';
import type { Notificatie } from '../meldingen/shared.js';
import { useSession } from '../session/SessionContext.js';

export function NotificatiesPage() {
  const { hasRecht } = useSession();
  const notes = useApiGet<{ notificaties: Notificatie[] }>('/notificaties');
  const errors = useFormErrors('notificaties', NO_FIELDS);
  const [message, setMessage] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const list = notes.data?.notificaties ?? [];
  const canOpen = hasRecht('meldingen:behandelen');

  const markRead = async (n: Notificatie, index: number) => {
    setMessage(null);
    errors.clear();
    setBusyId(n.id);
    try {
      await api.post(`/notificaties/${encodeURIComponent(n.id)}/gelezen`);
      await notes.reload();
      setMessage('De notificatie is als gelezen gemarkeerd.');
      // De knop verdwijnt; zet de focus op de volgende ongelezen notificatie of op de tabel.
      requestAnimationFrame(() => {
        const next = list.slice(index + 1).find((x) => !x.gelezenOp && x.id !== n.id);
        (document.getElementById(next ? `notificatie-${next.id}-gelezen` : 'notificaties-titel') ?? undefined)?.focus();
      });
    } catch (error) {
      errors.setError(error);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <Page title="Notificaties">
      <Paragraph>
        <Link to="/knooppunt">Terug naar de werkvoorraad</Link>
      </Paragraph>
      <StatusMessage message={message} testId="notificatie-resultaat" />
      <ErrorSummary form={errors} />
      <LoadError error={notes.error} />
      <Paragraph id="notificaties-titel" tabIndex={-1}>
        {notes.data ? `${list.filter((n) => !n.gelezenOp).length} ongelezen van ${list.length}.` : ''}
      </Paragraph>
      <ListTable
        loading={notes.loading}
        items={notes.data?.notificaties ?? null}
        empty="U heeft geen notificaties."
        caption="Mijn notificaties"
        columns={['Bericht', 'Ontvangen', 'Status', 'Acties']}
      >
        {list.map((n, index) => (
          <TableRow key={n.id}>
            <TableHeaderCell scope="row" className={n.gelezenOp ? undefined : 'knooppunt-unread'}>
              {n.meldingId && canOpen ? <Link to={`/knooppunt/meldingen/${n.meldingId}`}>{n.tekst}</Link> : n.tekst}
            </TableHeaderCell>
            <TableCell>{formatDateTime(n.op)}</TableCell>
            <TableCell>{n.gelezenOp ? <StatusBadge>Gelezen</StatusBadge> : <StatusBadge status="warning">Ongelezen</StatusBadge>}</TableCell>
            <TableCell>
              {n.gelezenOp ? null : (
                <Button id={`notificatie-${n.id}-gelezen`} busy={busyId === n.id} disabled={busyId !== null} onClick={() => void markRead(n, index)}>
                  Markeer als gelezen
                  <VisuallyHidden>{`: ${n.tekst}`}</VisuallyHidden>
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </ListTable>
    </Page>
  );
}
