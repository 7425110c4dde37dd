// SPDX-License-Identifier: EUPL-1.2
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.js';
import { t } from '../i18n/t.js';

export interface FieldDefinition {
  /** Veldnaam zoals de API die in `errors[].veld` gebruikt. */
  name: string;
  /** Zichtbaar label, gebruikt in de foutsamenvatting. */
  label: string;
  /** Id van het element dat focus krijgt via de samenvatting (standaard formId-name). */
  targetId?: string;
}

/** Stabiele lege veldenlijst voor formulieren/secties zonder eigen velden. */
export const NO_FIELDS: readonly FieldDefinition[] = [];

export interface FormErrorState {
  formId: string;
  fieldErrors: Record<string, string>;
  general: { title: string; detail: string | null; correlationId: string | null } | null;
  /** Telt op bij elke nieuwe foutmelding zodat de focus opnieuw wordt verplaatst. */
  version: number;
}

/** Normaliseert `veld` (bijv. "/body/wachtwoord", "rollen[0]", "body.email") naar de veldnaam. */
export function normalizeFieldName(veld: string): string {
  const trimmed = veld.replace(/^\/+/, '').replace(/^body[./]/, '');
  const first = trimmed.split(/[./[]/)[0];
  return first ?? trimmed;
}

/** Hook voor fouten per veld plus een algemene fout, gevoed door client-validatie of problem+json. */
export function useFormErrors(formId: string, fields: readonly FieldDefinition[]) {
  const [state, setState] = useState<FormErrorState>({ formId, fieldErrors: {}, general: null, version: 0 });

  const fieldId = useCallback((name: string) => `${formId}-${name}`, [formId]);

  const clear = useCallback(() => {
    setState((prev) => ({ ...prev, fieldErrors: {}, general: null }));
  }, []);

  const setClientErrors = useCallback((fieldErrors: Record<string, string>) => {
    setState((prev) => ({ ...prev, fieldErrors, general: null, version: prev.version + 1 }));
  }, []);

  const setError = useCallback(
    (error: unknown) => {
      const known = new Set(fields.map((f) => f.name));
      const fieldErrors: Record<string, string> = {};
      let general: FormErrorState['general'] = null;
      if (error instanceof ApiError) {
        const unmatched: string[] = [];
        for (const item of error.errors) {
          const name = normalizeFieldName(item.veld);
          if (known.has(name)) {
            fieldErrors[name] = fieldErrors[name] ? `${fieldErrors[name]} ${item.melding}` : item.melding;
          } else {
            unmatched.push(item.melding);
          }
        }
        if (Object.keys(fieldErrors).length === 0 || unmatched.length > 0) {
          const detail = [error.detail ?? '', ...unmatched].filter(Boolean).join(' ');
          general = {
            title: error.title,
            detail: detail.length > 0 ? detail : null,
            correlationId: error.correlationId ?? null,
          };
        }
      } else {
        general = { title: t('error.title'), detail: t('error.unexpected', { status: '?' }), correlationId: null };
      }
      setState((prev) => ({ ...prev, fieldErrors, general, version: prev.version + 1 }));
    },
    [fields],
  );

  const setGeneral = useCallback((title: string, detail: string | null = null) => {
    setState((prev) => ({ ...prev, fieldErrors: {}, general: { title, detail, correlationId: null }, version: prev.version + 1 }));
  }, []);

  return {
    state,
    fields,
    fieldId,
    errorFor: (name: string): string | undefined => state.fieldErrors[name],
    hasErrors: Object.keys(state.fieldErrors).length > 0 || state.general !== null,
    clear,
    setClientErrors,
    setError,
    setGeneral,
  };
}

export type FormErrors = ReturnType<typeof useFormErrors>;

/**
 * Foutsamenvatting boven een formulier: utrecht-alert met role="alert"; de focus gaat ernaartoe.
 * Elke veldfout is een link die het betreffende veld focust.
 */
export function ErrorSummary({ form }: { form: FormErrors }) {
  const ref = useRef<HTMLDivElement>(null);
  const { state, fields, fieldId } = form;
  const fieldEntries = fields.filter((f) => state.fieldErrors[f.name]);
  const visible = state.general !== null || fieldEntries.length > 0;

  useEffect(() => {
    if (state.version > 0 && visible) ref.current?.focus();
  }, [state.version, visible]);

  if (!visible) return null;
  const titleId = `${state.formId}-foutsamenvatting-titel`;
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      aria-labelledby={titleId}
      className="utrecht-alert utrecht-alert--error knooppunt-alert knooppunt-error-summary"
      data-testid="foutmelding"
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <p className="utrecht-paragraph knooppunt-alert__title" id={titleId}>
            {state.general ? state.general.title : t('error.summaryTitle')}
          </p>
          {state.general?.detail ? <p className="utrecht-paragraph">{state.general.detail}</p> : null}
          {fieldEntries.length > 0 ? (
            <ul className="utrecht-unordered-list">
              {fieldEntries.map((f) => {
                const target = f.targetId ?? fieldId(f.name);
                return (
                  <li key={f.name} className="utrecht-unordered-list__item">
                    <a
                      className="utrecht-link utrecht-link--html-a knooppunt-error-summary__link"
                      href={`#${target}`}
                      onClick={(event) => {
                        event.preventDefault();
                        document.getElementById(target)?.focus();
                      }}
                    >
                      {f.label}: {state.fieldErrors[f.name]}
                    </a>
                  </li>
                );
              })}
            </ul>
          ) : null}
          {state.general?.correlationId ? (
            <p className="utrecht-paragraph utrecht-paragraph--small">{t('error.correlation', { id: state.general.correlationId })}</p>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/** Eenvoudige client-validatie: verplichte velden. */
export function requiredErrors(values: Record<string, string>, fields: readonly FieldDefinition[], required: readonly string[]) {
  const errors: Record<string, string> = {};
  for (const name of required) {
    if ((values[name] ?? '').trim() === '') {
      const label = fields.find((f) => f.name === name)?.label ?? name;
      errors[name] = t('error.required', { veld: label.toLowerCase() });
    }
  }
  return errors;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Voegt een e-mailfout toe als het veld geen andere fout heeft en geen geldig e-mailadres is. */
export function checkEmail(errors: Record<string, string>, name: string, value: string): Record<string, string> {
  if (!errors[name] && !EMAIL_PATTERN.test(value.trim())) errors[name] = t('error.email');
  return errors;
}

/** Voegt een fout toe aan het herhaalveld als het herhaalde wachtwoord afwijkt. */
export function checkRepeated(errors: Record<string, string>, repeatName: string, value: string, repeated: string): Record<string, string> {
  if (!errors[repeatName] && value !== repeated) errors[repeatName] = t('error.passwordMismatch');
  return errors;
}

/** Voegt een fout toe als het veld geen andere fout heeft en de verificatiecode geen 6 cijfers is. */
export function checkTotpCode(errors: Record<string, string>, name: string, value: string): Record<string, string> {
  if (!errors[name] && !/^\d{6}$/.test(cleanTotpCode(value))) errors[name] = t('error.totpFormat');
  return errors;
}

/** Verificatiecode zonder spaties (zoals de API die verwacht). */
export function cleanTotpCode(value: string): string {
  return value.replace(/\s/g, '');
}
