// SPDX-License-Identifier: EUPL-1.2
// Invoer voor het meldpunt: de opmaak van keuzerondjes en extra vragen, en het kiezen van bestanden.
import { useId, useRef, useState } from 'react';
import { Button } from '../components/Button.js';
import { RadioGroup as SharedRadioGroup, type RadioGroupProps } from '../components/FormField.js';
import type { QuestionInputProps } from '../components/QuestionField.js';
import { VisuallyHidden } from '../components/Typography.js';
import { ACCEPT_ATTRIBUTE, ACCEPTED_TYPES, MAX_FILE_BYTES, MAX_FILES } from './draft.js';
import { formatSize, T } from './texts.js';

/** Opmaak van de keuzerondjes in het meldpunt: groter en met een gewone (niet vette) tekst. */
export const MELDPUNT_RADIO = { className: 'meldpunt-radios', inputClassName: 'utrecht-radio-button--html-input meldpunt-radio' } as const;

/** Keuzerondjes in de opmaak van het meldpunt. */
export function RadioGroup(props: RadioGroupProps) {
  return <SharedRadioGroup {...MELDPUNT_RADIO} {...props} />;
}

/** Invoer voor de extra vragen in het meldpunt. */
export const MELDPUNT_QUESTION_INPUTS: QuestionInputProps = {
  string: { maxLength: 200 },
  text: { rows: 4, maxLength: 2000 },
  number: { inputMode: 'decimal', className: 'meldpunt-input--kort' },
};

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
