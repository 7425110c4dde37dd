// SPDX-License-Identifier: EUPL-1.2
// Invoer voor het meldpunt: keuzerondjes, de extra vragen per datatype en het kiezen van bestanden.
import { useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Button } from '../components/Button.js';
import { CheckboxGroup, TextareaField, TextField } from '../components/FormField.js';
import { VisuallyHidden } from '../components/Typography.js';
import type { Question } from './api.js';
import { ACCEPT_ATTRIBUTE, ACCEPTED_TYPES, MAX_FILE_BYTES, MAX_FILES, type AnswerInput } from './draft.js';
import { formatSize, T } from './texts.js';

export interface RadioOption {
  value: string;
  label: ReactNode;
  description?: ReactNode;
}

/** Groep keuzerondjes in een fieldset; de eerste knop heeft id `${id}-0`. */
export function RadioGroup({
  id,
  legend,
  options,
  value,
  onChange,
  error,
  required = false,
  description,
}: {
  id: string;
  legend: ReactNode;
  options: readonly RadioOption[];
  value: string;
  onChange: (next: string) => void;
  error?: string | undefined;
  required?: boolean;
  description?: ReactNode;
}) {
  const describedBy = [description ? `${id}-omschrijving` : '', error ? `${id}-fout` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      id={id}
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset knooppunt-fieldset meldpunt-radios${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={describedBy}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
        {required ? (
          <span aria-hidden="true" className="knooppunt-required">
            {' '}
            *
          </span>
        ) : null}
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
        const optionId = `${id}-${index}`;
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
                name={id}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                className="utrecht-radio-button--html-input meldpunt-radio"
                aria-describedby={option.description ? `${optionId}-omschrijving` : undefined}
              />
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

/** Eén extra vraag van de categorie, weergegeven volgens het Open311-datatype. */
export function QuestionField({
  id,
  question,
  value,
  onChange,
  error,
}: {
  id: string;
  question: Question;
  value: AnswerInput | undefined;
  onChange: (next: AnswerInput) => void;
  error?: string | undefined;
}) {
  const text = typeof value === 'string' ? value : '';
  const common = { id, label: question.vraag, description: question.toelichting, error, required: question.verplicht };
  switch (question.datatype) {
    case 'string':
      return <TextField {...common} value={text} maxLength={200} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'text':
      return <TextareaField {...common} value={text} rows={4} maxLength={2000} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'number':
      return <TextField {...common} value={text} inputMode="decimal" className="meldpunt-input--kort" onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'datetime':
      return <TextField {...common} type="datetime-local" value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'singlevaluelist':
      return (
        <RadioGroup
          id={id}
          legend={question.vraag}
          description={question.toelichting}
          required={question.verplicht}
          error={error}
          value={text}
          onChange={onChange}
          options={(question.waarden ?? []).map((w) => ({ value: w.key, label: w.naam }))}
        />
      );
    case 'multivaluelist':
      return (
        <CheckboxGroup
          id={id}
          legend={question.vraag}
          description={question.toelichting}
          required={question.verplicht}
          error={error}
          value={Array.isArray(value) ? value : []}
          onChange={onChange}
          options={(question.waarden ?? []).map((w) => ({ value: w.key, label: w.naam }))}
        />
      );
  }
}

function acceptable(file: File): boolean {
  if (ACCEPTED_TYPES.includes(file.type)) return true;
  return /\.(jpe?g|png|webp|gif|pdf)$/i.test(file.name);
}

/**
 * Bestanden kiezen (maximaal 3) met naam, grootte en een knop om te verwijderen. De controle op
 * grootte en soort is een voorcontrole; de server beslist.
 */
export function FilePicker({
  id,
  files,
  onChange,
  error,
}: {
  id: string;
  files: readonly File[];
  onChange: (next: File[]) => void;
  error?: string | undefined;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const listId = useId();
  const full = files.length >= MAX_FILES;
  const shownError = [error, ...problems].filter(Boolean).join(' ') || undefined;

  const add = (chosen: FileList | null) => {
    const next = [...files];
    const found: string[] = [];
    for (const file of Array.from(chosen ?? [])) {
      if (next.length >= MAX_FILES) {
        if (!found.includes(T.bestanden.teVeel)) found.push(T.bestanden.teVeel);
      } else if (file.size > MAX_FILE_BYTES) found.push(T.bestanden.teGroot(file.name));
      else if (!acceptable(file)) found.push(T.bestanden.verkeerdType(file.name));
      else next.push(file);
    }
    setProblems(found);
    setAnnouncement(next.length > files.length ? T.bestanden.toegevoegd(next.length - files.length) : '');
    onChange(next);
    if (inputRef.current) inputRef.current.value = '';
  };

  const remove = (index: number) => {
    const file = files[index];
    onChange(files.filter((_, i) => i !== index));
    setProblems([]);
    setAnnouncement(file ? T.bestanden.verwijderd(file.name) : '');
    requestAnimationFrame(() => inputRef.current?.focus());
  };

  return (
    <div className="meldpunt-files">
      {full ? (
        <p className="utrecht-paragraph">{T.bestanden.max}</p>
      ) : (
        <div className={`utrecht-form-field utrecht-form-field--text${shownError ? ' utrecht-form-field--invalid' : ''}`}>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor={id}>
              {T.bestanden.kiezen}
            </label>
          </div>
          {shownError ? (
            <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${id}-fout`}>
              {shownError}
            </div>
          ) : null}
          <div className="utrecht-form-field__input">
            <input
              ref={inputRef}
              id={id}
              type="file"
              multiple
              accept={ACCEPT_ATTRIBUTE}
              className="meldpunt-file-input"
              aria-invalid={shownError ? true : undefined}
              aria-describedby={[shownError ? `${id}-fout` : '', listId].filter(Boolean).join(' ')}
              onChange={(e) => add(e.currentTarget.files)}
            />
          </div>
        </div>
      )}
      <div id={listId}>
        {files.length === 0 ? (
          <p className="utrecht-paragraph">{T.bestanden.geen}</p>
        ) : (
          <>
            <p className="utrecht-paragraph meldpunt-files__title">{T.bestanden.lijst}</p>
            <ul className="meldpunt-files__list" data-testid="bestanden">
              {files.map((file, index) => (
                <li key={`${file.name}-${file.size}-${file.lastModified}-${index}`} className="meldpunt-files__item">
                  <span className="meldpunt-files__name">{file.name}</span>
                  <span className="meldpunt-files__size">{formatSize(file.size)}</span>
                  <Button appearance="subtle-button" onClick={() => remove(index)}>
                    Verwijder<VisuallyHidden> {file.name}</VisuallyHidden>
                  </Button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <p role="status" className="knooppunt-visually-hidden">
        {announcement}
      </p>
    </div>
  );
}
