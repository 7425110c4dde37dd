// SPDX-License-Identifier: EUPL-1.2
// Kleine bouwstenen voor de meldingen-schermen die (nog) niet in web/src/components staan:
// keuzerondjes, een keuzelijst met groepen, een gegevenslijst en een rechtencontrole.
import type { ReactNode, SelectHTMLAttributes } from 'react';
import { useSession } from '../session/SessionContext.js';
import { ForbiddenPage } from '../pages/NotFoundPage.js';
import type { Categorie, Kanaal } from './shared.js';
import { groupCategories } from './shared.js';

/** Toont de inhoud alleen als de sessie het recht heeft. */
export function RequireRecht({ recht, children }: { recht: string; children: ReactNode }) {
  const { hasRecht } = useSession();
  return hasRecht(recht) ? <>{children}</> : <ForbiddenPage />;
}

function RequiredMarker() {
  return (
    <span aria-hidden="true" className="knooppunt-required">
      {' '}
      *
    </span>
  );
}

function describedBy(id: string, description: ReactNode, error: string | undefined): string | undefined {
  const ids = [description ? `${id}-omschrijving` : '', error ? `${id}-fout` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export interface RadioOption {
  value: string;
  label: string;
  description?: string;
}

/** Keuzerondjes in een fieldset; het eerste rondje heet `${id}-eerste` (doel van de foutsamenvatting). */
export function RadioGroup({
  id,
  name,
  legend,
  options,
  value,
  onChange,
  error,
  required = false,
  description,
}: {
  id: string;
  name: string;
  legend: ReactNode;
  options: readonly RadioOption[];
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  required?: boolean;
  description?: ReactNode;
}) {
  return (
    <fieldset
      id={id}
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset knooppunt-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={describedBy(id, description, error)}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
        {required ? <RequiredMarker /> : null}
      </legend>
      {description ? (
        <div className="utrecht-form-field-description" id={`${id}-omschrijving`}>
          {description}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field-error-message" id={`${id}-fout`}>
          {error}
        </div>
      ) : null}
      {options.map((option, index) => {
        const optionId = index === 0 ? `${id}-eerste` : `${id}-${option.value.replace(/[^a-zA-Z0-9-]/g, '-')}`;
        return (
          <div key={option.value} className="utrecht-form-field utrecht-form-field--radio">
            <div className="utrecht-form-field__label utrecht-form-field__label--radio">
              <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={optionId}>
                {option.label}
              </label>
            </div>
            {option.description ? (
              <div className="utrecht-form-field__description utrecht-form-field-description" id={`${optionId}-omschrijving`}>
                {option.description}
              </div>
            ) : null}
            <div className="utrecht-form-field__input">
              <input
                id={optionId}
                type="radio"
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-describedby={option.description ? `${optionId}-omschrijving` : undefined}
                className="utrecht-radio-button utrecht-radio-button--html-input knooppunt-checkbox"
              />
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

/** Keuzelijst met subcategorieën, gegroepeerd per hoofdcategorie (optgroup). */
export function CategorySelectField({
  id,
  label,
  description,
  error,
  required = false,
  categorieen,
  kanaal,
  includeMain = false,
  placeholder,
  ...select
}: {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  categorieen: readonly Categorie[];
  kanaal?: Kanaal | '';
  /** Ook de hoofdcategorie zelf kiesbaar maken (filter: alle subcategorieën). */
  includeMain?: boolean;
  placeholder: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  const groups = groupCategories(categorieen, kanaal);
  return (
    <div className={`utrecht-form-field utrecht-form-field--select${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
        {required ? <RequiredMarker /> : null}
      </div>
      {description ? (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={`${id}-omschrijving`}>
          {description}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${id}-fout`}>
          {error}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">
        <select
          id={id}
          className={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`}
          aria-required={required || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, description, error)}
          {...select}
        >
          <option value="">{placeholder}</option>
          {groups.map(({ hoofd, subs }) => (
            <optgroup key={hoofd.id} label={hoofd.naam}>
              {includeMain ? <option value={hoofd.id}>{`${hoofd.naam} (alle)`}</option> : null}
              {subs.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.naam}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
    </div>
  );
}

/** Gegevenslijst (utrecht-data-list) met sleutel-waardeparen; lege waarden vallen weg. */
export function FactList({ items, testId }: { items: ReadonlyArray<[string, ReactNode]>; testId?: string }) {
  const visible = items.filter(([, value]) => value !== null && value !== undefined && value !== '');
  return (
    <dl className="utrecht-data-list knooppunt-facts" data-testid={testId}>
      {visible.map(([key, value]) => (
        <div key={key} className="utrecht-data-list__item knooppunt-facts__item">
          <dt className="utrecht-data-list__item-key">{key}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
