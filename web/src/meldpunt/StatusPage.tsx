// SPDX-License-Identifier: EUPL-1.2
// Status opvragen met de ontvangstcode. De code gaat alleen in de body van een POST, nooit in de
// URL, en blijft alleen in het geheugen van deze pagina.
import { useRef, useState } from 'react';
import type { RefObject } from 'react';
import { Alert, StatusMessage } from '../components/Alert.js';
import { Button, ButtonGroup, SubmitButton } from '../components/Button.js';
import { ErrorSummary, useFormErrors, type FieldDefinition } from '../components/FormErrors.js';
import { TextareaField, TextField } from '../components/FormField.js';
import { Link } from '../components/Link.js';
import { useFormSubmit } from '../components/useForm.js';
import { Heading2, Paragraph } from '../components/Typography.js';
import { meldpuntApi, type ReporterView } from './api.js';
import { useMeldpuntTitle } from './chrome.js';
import { FilePicker } from './fields.js';
import { formatDateTime, T } from './texts.js';

const LOOKUP_FIELDS: readonly FieldDefinition[] = [{ name: 'ontvangstcode', label: T.status.code }];
const REPLY_FIELDS: readonly FieldDefinition[] = [
  { name: 'tekst', label: T.status.tekst },
  { name: 'bijlagen', label: T.bestanden.kiezen },
];

export function StatusPage() {
  useMeldpuntTitle(T.status.titel);
  const [code, setCode] = useState('');
  const [view, setView] = useState<ReporterView | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useFormErrors('status', LOOKUP_FIELDS);
  const { busy, onSubmit } = useFormSubmit(form, {
    validate: (): Record<string, string> => (code.trim() ? {} : { ontvangstcode: T.status.codeLeeg }),
    submit: async () => {
      setView(await meldpuntApi.status(code.trim()));
      requestAnimationFrame(() => resultRef.current?.focus());
    },
  });

  const reset = () => {
    setView(null);
    setCode('');
    form.clear();
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  return (
    <div className="meldpunt-status">
      <h1 ref={headingRef} className="utrecht-heading-1 knooppunt-page__heading" tabIndex={-1} data-page-heading="">
        {T.status.titel}
      </h1>
      {view ? (
        <>
          <StatusView view={view} code={code} onUpdate={setView} resultRef={resultRef} />
          <ButtonGroup>
            <Button onClick={reset}>{T.status.andereCode}</Button>
          </ButtonGroup>
        </>
      ) : (
        <>
          <Paragraph>{T.status.intro}</Paragraph>
          <ErrorSummary form={form} />
          <form noValidate onSubmit={onSubmit} className="meldpunt-form">
            <TextField
              id={form.fieldId('ontvangstcode')}
              label={T.status.code}
              description={T.status.codeHulp}
              error={form.errorFor('ontvangstcode')}
              required
              autoComplete="off"
              inputMode="numeric"
              spellCheck={false}
              maxLength={64}
              className="knooppunt-textbox--code"
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
            />
            <SubmitButton busy={busy}>{busy ? T.status.bezig : T.status.opvragen}</SubmitButton>
          </form>
        </>
      )}
    </div>
  );
}

function StatusView({
  view,
  code,
  onUpdate,
  resultRef,
}: {
  view: ReporterView;
  code: string;
  onUpdate: (view: ReporterView) => void;
  resultRef: RefObject<HTMLHeadingElement | null>;
}) {
  const [tekst, setTekst] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const form = useFormErrors('reactie', REPLY_FIELDS);
  const { busy, onSubmit } = useFormSubmit(form, {
    validate: (): Record<string, string> => (tekst.trim() || files.length > 0 ? {} : { tekst: T.status.tekstLeeg }),
    submit: async () => {
      setDone(null);
      const next = await meldpuntApi.reply(code.trim(), tekst, files);
      setTekst('');
      setFiles([]);
      onUpdate(next);
      setDone(T.status.verstuurd);
    },
  });

  return (
    <>
      <Heading2 ref={resultRef} tabIndex={-1} className="knooppunt-page__heading">
        {T.status.referentie} {view.referentie}
      </Heading2>
      <dl className="utrecht-data-list utrecht-data-list--rows">
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{T.status.onderwerp}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{view.categorie}</dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{T.status.statusLabel}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd" data-testid="status">
            {T.status.statussen[view.status] ?? view.status}
          </dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{T.status.ontvangenOp}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{formatDateTime(view.ontvangenOp)}</dd>
        </div>
        {view.aantalBijlagen > 0 ? (
          <div className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">{T.status.bijlagen}</dt>
            <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{view.aantalBijlagen}</dd>
          </div>
        ) : null}
      </dl>
      {view.statusToelichting ? <Paragraph data-testid="status-toelichting">{view.statusToelichting}</Paragraph> : null}
      {view.berichtBijAfhandeling ? (
        <Alert type="info">
          <p className="utrecht-paragraph knooppunt-alert__title">{T.status.afhandeling}</p>
          <p className="utrecht-paragraph">{view.berichtBijAfhandeling}</p>
        </Alert>
      ) : null}
      {view.reactieGevraagd ? (
        <Alert type="warning" data-testid="vraag-melding">
          <p className="utrecht-paragraph knooppunt-alert__title">{T.status.vraagTitel}</p>
          <p className="utrecht-paragraph">{T.status.vraagUitleg}</p>
        </Alert>
      ) : null}

      <section className="knooppunt-section" aria-labelledby="berichten-titel">
        <Heading2 id="berichten-titel">{T.status.berichten}</Heading2>
        {view.berichten.length === 0 ? (
          <Paragraph>{T.status.geenBerichten}</Paragraph>
        ) : (
          <ol className="meldpunt-messages" data-testid="berichten">
            {view.berichten.map((b) => (
              <li key={b.id} className={`meldpunt-message meldpunt-message--${b.van}`}>
                <p className="utrecht-paragraph meldpunt-message__meta">
                  <strong>
                    {b.van === 'gemeente' ? T.status.vanGemeente : T.status.vanMelder}
                    {b.reactieGevraagd ? ` — ${T.status.vraag}` : ''}
                  </strong>{' '}
                  <span className="meldpunt-message__date">{formatDateTime(b.op)}</span>
                </p>
                <p className="utrecht-paragraph meldpunt-message__text">{b.tekst}</p>
              </li>
            ))}
          </ol>
        )}
      </section>

      {view.reactieMogelijk ? (
        <section className="knooppunt-section" aria-labelledby="reactie-titel">
          <Heading2 id="reactie-titel">{view.reactieGevraagd ? T.status.beantwoorden : T.status.toevoegen}</Heading2>
          {view.reactieGevraagd ? null : <Paragraph>{T.status.toevoegenUitleg}</Paragraph>}
          <StatusMessage message={done} testId="reactie-verstuurd" />
          <ErrorSummary form={form} />
          <form noValidate onSubmit={onSubmit} className="meldpunt-form">
            <TextareaField
              id={form.fieldId('tekst')}
              label={T.status.tekst}
              error={form.errorFor('tekst')}
              rows={5}
              maxLength={5000}
              value={tekst}
              onChange={(e) => setTekst(e.currentTarget.value)}
            />
            <FilePicker id={form.fieldId('bijlagen')} files={files} error={form.errorFor('bijlagen')} onChange={setFiles} />
            <SubmitButton busy={busy}>{T.status.versturen}</SubmitButton>
          </form>
        </section>
      ) : (
        <Alert type="info">
          <p className="utrecht-paragraph">{T.status.afgesloten}</p>
          <p className="utrecht-paragraph">
            <Link to="/melden">{T.status.nieuweMelding}</Link>
          </p>
        </Alert>
      )}
    </>
  );
}
