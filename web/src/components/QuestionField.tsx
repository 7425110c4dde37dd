// SPDX-License-Identifier: EUPL-1.2
// Eén extra vraag van een meldingcategorie, weergegeven volgens het Open311-datatype, met de
// "harde stop" (acuut gevaar) direct onder de vraag. Gedeeld door het publieke meldpunt en de
// niet-pluis-melding van medewerkers.
import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';
import { hardStopOf, type Antwoord, type CategorieVraag } from '../api/meldingen.js';
import { CheckboxGroup, RadioGroup, TextareaField, TextField, type RadioGroupProps } from './FormField.js';

type InputProps = Pick<InputHTMLAttributes<HTMLInputElement>, 'maxLength' | 'inputMode' | 'autoComplete' | 'className'>;

/** Extra attributen voor de vrije invoer, per datatype (lengte, invoermodus, regels van het tekstvak). */
export interface QuestionInputProps {
  string?: InputProps;
  number?: InputProps;
  datetime?: InputProps;
  text?: Pick<TextareaHTMLAttributes<HTMLTextAreaElement>, 'rows' | 'maxLength'>;
}

export function QuestionField({
  id,
  question,
  value,
  onChange,
  error,
  inputProps = {},
  radioProps,
  renderHardStop,
}: {
  id: string;
  question: CategorieVraag;
  value: Antwoord | undefined;
  onChange: (next: Antwoord) => void;
  error?: string | undefined;
  inputProps?: QuestionInputProps;
  /** Opmaak van de keuzerondjes (enkele keuze). */
  radioProps?: Pick<RadioGroupProps, 'className' | 'inputClassName'>;
  /** De melding bij een antwoord met een harde stop. */
  renderHardStop: (text: string) => ReactNode;
}) {
  const text = typeof value === 'string' ? value : '';
  const stop = hardStopOf(question, value);
  const common = { id, description: question.toelichting, error, required: question.verplicht };
  const options = (question.waarden ?? []).map((w) => ({ value: w.key, label: w.naam }));
  let field: ReactNode;
  switch (question.datatype) {
    case 'singlevaluelist':
      field = <RadioGroup {...common} {...radioProps} legend={question.vraag} value={text} onChange={onChange} options={options} />;
      break;
    case 'multivaluelist':
      field = <CheckboxGroup {...common} legend={question.vraag} value={Array.isArray(value) ? value : []} onChange={onChange} options={options} />;
      break;
    case 'text':
      field = <TextareaField {...common} {...inputProps.text} label={question.vraag} value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
      break;
    default:
      field = (
        <TextField
          {...common}
          {...inputProps[question.datatype]}
          label={question.vraag}
          type={question.datatype === 'datetime' ? 'datetime-local' : undefined}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
  return (
    <>
      {field}
      {stop ? renderHardStop(stop) : null}
    </>
  );
}
