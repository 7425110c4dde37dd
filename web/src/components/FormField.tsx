// SPDX-License-Identifier: EUPL-1.2
import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

interface FieldChrome {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  required?: boolean;
}

function describedBy(id: string, description: ReactNode, error: string | undefined): string | undefined {
  const ids = [description ? `${id}-omschrijving` : '', error ? `${id}-fout` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function RequiredMarker() {
  return (
    <span aria-hidden="true" className="knooppunt-required">
      {' '}
      *
    </span>
  );
}

function FieldWrapper({
  id,
  label,
  description,
  error,
  required,
  kind,
  children,
}: FieldChrome & { kind: 'text' | 'select' | 'textarea'; children: ReactNode }) {
  return (
    <div className={`utrecht-form-field utrecht-form-field--${kind}${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
        {/* Buiten het label zodat de toegankelijke naam exact het label blijft. */}
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
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

export type TextFieldProps = FieldChrome & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & { ref?: Ref<HTMLInputElement> };

/** Tekstveld met label, omschrijving en foutmelding (gekoppeld via aria-describedby). */
export function TextField({ id, label, description, error, required = false, className, ref, ...input }: TextFieldProps) {
  return (
    <FieldWrapper id={id} label={label} description={description} error={error} required={required} kind="text">
      <input
        ref={ref}
        id={id}
        className={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''} ${className ?? ''}`.trim()}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        {...input}
      />
    </FieldWrapper>
  );
}

export type TextareaFieldProps = FieldChrome & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

export function TextareaField({ id, label, description, error, required = false, ...textarea }: TextareaFieldProps) {
  return (
    <FieldWrapper id={id} label={label} description={description} error={error} required={required} kind="textarea">
      <textarea
        id={id}
        className={`utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        {...textarea}
      />
    </FieldWrapper>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export type SelectFieldProps = FieldChrome &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
    /** De keuzes; of eigen `children` (bijv. optgroups) in plaats daarvan. */
    options?: readonly SelectOption[];
    placeholder?: string;
  };

export function SelectField({ id, label, description, error, required = false, options = [], placeholder, children, ...select }: SelectFieldProps) {
  return (
    <FieldWrapper id={id} label={label} description={description} error={error} required={required} kind="select">
      <select
        id={id}
        className={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {children ??
          options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
      </select>
    </FieldWrapper>
  );
}

export type CheckboxFieldProps = { id: string; label: ReactNode; description?: ReactNode } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'type'
>;

/** Enkel selectievakje met label rechts ervan. */
export function CheckboxField({ id, label, description, ...input }: CheckboxFieldProps) {
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox">
      <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
          {label}
        </label>
      </div>
      {description ? (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={`${id}-omschrijving`}>
          {description}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">
        <input
          id={id}
          type="checkbox"
          className="utrecht-checkbox utrecht-checkbox--html-input knooppunt-checkbox"
          aria-describedby={description ? `${id}-omschrijving` : undefined}
          {...input}
        />
      </div>
    </div>
  );
}

interface GroupChrome {
  id: string;
  legend: ReactNode;
  error?: string | undefined;
  required?: boolean;
  description?: ReactNode;
}

/** Id van een keuze in een groep; de eerste heet `${id}-eerste` (doel van de foutsamenvatting). */
function optionId(id: string, value: string, index: number): string {
  return index === 0 ? `${id}-eerste` : `${id}-${value.replace(/[^a-zA-Z0-9-]/g, '-')}`;
}

/** Fieldset met legend, omschrijving en foutmelding (gekoppeld via aria-describedby) rond een groep velden of keuzes. */
function Fieldset({ id, legend, error, required = false, description, className, children }: GroupChrome & { className?: string | undefined; children: ReactNode }) {
  const classes = ['utrecht-form-fieldset utrecht-form-fieldset--html-fieldset knooppunt-fieldset', className, error ? 'utrecht-form-fieldset--invalid' : ''];
  return (
    <fieldset id={id} className={classes.filter(Boolean).join(' ')} aria-describedby={describedBy(id, description, error)}>
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
      {children}
    </fieldset>
  );
}

/** Groep selectievakjes in een fieldset met legend. */
export function CheckboxGroup({
  options,
  value,
  onChange,
  ...chrome
}: GroupChrome & {
  options: SelectOption[];
  value: readonly string[];
  onChange: (next: string[]) => void;
}) {
  const toggle = (option: string, checked: boolean) => {
    const next = checked ? [...value, option] : value.filter((v) => v !== option);
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  return (
    <Fieldset {...chrome}>
      {options.map((option, index) => (
        <CheckboxField
          key={option.value}
          id={optionId(chrome.id, option.value, index)}
          label={option.label}
          name={chrome.id}
          value={option.value}
          checked={value.includes(option.value)}
          aria-invalid={chrome.error ? true : undefined}
          onChange={(event) => toggle(option.value, event.currentTarget.checked)}
        />
      ))}
    </Fieldset>
  );
}

export interface RadioOption {
  value: string;
  label: ReactNode;
  description?: ReactNode;
}

export type RadioGroupProps = GroupChrome & {
  /** Naam van de rondjes; standaard het id. */
  name?: string;
  options: readonly RadioOption[];
  value: string;
  onChange: (next: string) => void;
  /** Extra klasse op de fieldset. */
  className?: string;
  /** Klasse van de rondjes zelf. */
  inputClassName?: string;
};

/** Keuzerondjes in een fieldset met legend; het eerste rondje heet `${id}-eerste`. */
export function RadioGroup({
  name,
  options,
  value,
  onChange,
  className,
  inputClassName = 'utrecht-radio-button utrecht-radio-button--html-input knooppunt-checkbox',
  ...chrome
}: RadioGroupProps) {
  return (
    <Fieldset {...chrome} className={className}>
      {options.map((option, index) => {
        const id = optionId(chrome.id, option.value, index);
        return (
          <div key={option.value} className="utrecht-form-field utrecht-form-field--radio">
            <div className="utrecht-form-field__label utrecht-form-field__label--radio">
              <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
                {option.label}
              </label>
            </div>
            {option.description ? (
              <div className="utrecht-form-field__description utrecht-form-field-description" id={`${id}-omschrijving`}>
                {option.description}
              </div>
            ) : null}
            <div className="utrecht-form-field__input">
              <input
                id={id}
                type="radio"
                name={name ?? chrome.id}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-describedby={option.description ? `${id}-omschrijving` : undefined}
                className={inputClassName}
              />
            </div>
          </div>
        );
      })}
    </Fieldset>
  );
}
