// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useRef, useState } from 'react';
import { NO_FIELDS, useFormErrors } from './FormErrors.js';

export interface ConfirmedActionOptions<P> {
  /** Id van de knop die de actie opende; krijgt de focus terug na annuleren of een fout. */
  returnFocusId: (item: P) => string;
  /** Id dat na een geslaagde actie de focus krijgt (standaard `returnFocusId`). */
  successFocusId?: (item: P) => string;
  /** Voert de actie uit (inclusief herladen) en geeft de succesmelding terug. */
  perform: (item: P) => Promise<string>;
}

/**
 * Rij-actie met bevestigingsstap: het openstaande item, bezig-status, succesmelding,
 * fouten (in een eigen foutsamenvatting) en het terugzetten van de focus zodra de
 * bevestiging sluit.
 */
export function useConfirmedAction<P>(formId: string, { returnFocusId, successFocusId, perform }: ConfirmedActionOptions<P>) {
  const errors = useFormErrors(formId, NO_FIELDS);
  const [pending, setPending] = useState<P | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const focusAfter = useRef<string | null>(null);

  useEffect(() => {
    if (!pending && focusAfter.current) {
      document.getElementById(focusAfter.current)?.focus();
      focusAfter.current = null;
    }
  });

  const close = (focusId: string) => {
    focusAfter.current = focusId;
    setPending(null);
  };

  const ask = (item: P) => {
    setMessage(null);
    errors.clear();
    setPending(item);
  };

  const cancel = () => {
    if (pending) close(returnFocusId(pending));
  };

  const confirm = async () => {
    if (!pending) return;
    const item = pending;
    setBusy(true);
    try {
      const text = await perform(item);
      close((successFocusId ?? returnFocusId)(item));
      setMessage(text);
    } catch (error) {
      close(returnFocusId(item));
      errors.setError(error);
    } finally {
      setBusy(false);
    }
  };

  return { pending, busy, message, errors, ask, cancel, confirm: () => void confirm() };
}
