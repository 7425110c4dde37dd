// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useRef } from 'react';
import { Button } from './Button.js';
import { TableCell, TableRow } from './Table.js';
import { t } from '../i18n/t.js';

/**
 * Bevestigingsstap (inline, geen modaal venster). De focus gaat naar de vraag;
 * na annuleren hoort de aanroeper de focus terug te zetten.
 */
export interface ConfirmPanelProps {
  id: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  danger?: boolean;
}

export function ConfirmPanel({ id, question, confirmLabel, onConfirm, onCancel, busy = false, danger = false }: ConfirmPanelProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} id={id} tabIndex={-1} role="group" aria-labelledby={`${id}-vraag`} className="knooppunt-confirm">
      <p className="utrecht-paragraph" id={`${id}-vraag`}>
        {question}
      </p>
      <div className="knooppunt-button-group">
        <Button appearance="primary-action-button" hint={danger ? 'danger' : undefined} busy={busy} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button appearance="secondary-action-button" onClick={onCancel} disabled={busy}>
          {t('app.cancel')}
        </Button>
      </div>
    </div>
  );
}

/** Bevestigingsstap als extra tabelrij onder de rij waarop de actie betrekking heeft. */
export function ConfirmRow({ colSpan, ...panel }: ConfirmPanelProps & { colSpan: number }) {
  return (
    <TableRow>
      <TableCell colSpan={colSpan}>
        <ConfirmPanel {...panel} />
      </TableCell>
    </TableRow>
  );
}
