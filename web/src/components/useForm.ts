// SPDX-License-Identifier: EUPL-1.2
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { FormErrors } from './FormErrors.js';

/** Wijzigingshandler die past op tekstvelden, tekstvlakken en keuzelijsten. */
export type ValueChange = (event: { currentTarget: { value: string } }) => void;

/**
 * Tekstwaarden van een formulier. `field(name)` levert de koppeling van één veld:
 * id, waarde, wijzigingshandler en foutmelding.
 */
export function useFieldValues<K extends string>(form: FormErrors, initial: Record<K, string>) {
  const [values, setValues] = useState<Record<K, string>>(initial);

  const set =
    (name: K): ValueChange =>
    (event) => {
      const value = event.currentTarget.value;
      setValues((prev) => ({ ...prev, [name]: value }) as Record<K, string>);
    };

  const field = (name: K) => ({ id: form.fieldId(name), value: values[name], onChange: set(name), error: form.errorFor(name) });

  return { values, setValues, field };
}

export interface FormSubmitOptions {
  /** Client-validatie: fouten per veldnaam; leeg betekent geldig. */
  validate?: () => Record<string, string>;
  /** De API-aanroep en wat er na succes gebeurt. */
  submit: () => Promise<void>;
  /** Eigen afhandeling van een fout; standaard worden serverfouten aan de velden gekoppeld. */
  onError?: (error: unknown) => void;
}

/**
 * Verzendstroom van een formulier: client-validatie → fouten wissen → bezig → API-aanroep →
 * serverfouten naar de velden (of `onError`).
 */
export function useFormSubmit(form: FormErrors, { validate, submit, onError }: FormSubmitOptions) {
  const [busy, setBusy] = useState(false);

  const run = async () => {
    const errors = validate?.() ?? {};
    if (Object.keys(errors).length > 0) {
      form.setClientErrors(errors);
      return;
    }
    form.clear();
    setBusy(true);
    try {
      await submit();
    } catch (error) {
      if (onError) onError(error);
      else form.setError(error);
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run();
  };

  return { busy, onSubmit };
}
