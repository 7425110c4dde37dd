// SPDX-License-Identifier: EUPL-1.2
// De stappen van de meldwizard. Elke stap toont en wijzigt een deel van de Draft.
import type { ReactNode } from 'react';
import { Alert } from '../components/Alert.js';
import { CheckboxField, TextareaField, TextField } from '../components/FormField.js';
import type { FormErrors } from '../components/FormErrors.js';
import { QuestionField } from '../components/QuestionField.js';
import { Heading2, Paragraph, VisuallyHidden } from '../components/Typography.js';
import type { Category, Gemeentebepaling, Kanaal } from './api.js';
import { fieldDomId, questionField, sortedQuestions, type Draft } from './draft.js';
import { FilePicker, MELDPUNT_QUESTION_INPUTS, MELDPUNT_RADIO, RadioGroup } from './fields.js';
import { formatDate, formatSize, T } from './texts.js';

export interface StepProps {
  kanaal: Kanaal;
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
  form: FormErrors;
}

const f = (form: FormErrors, name: string) => ({ id: fieldDomId(name), error: form.errorFor(name) });

/** Stap 1: onderwerp (twee niveaus), de extra vragen van de categorie en de omschrijving. */
export function StepWhat({ kanaal, draft, update, form, categories, stop }: StepProps & { categories: readonly Category[]; stop: string | null }) {
  const mains = categories.filter((c) => c.hoofdcategorieId === null).sort((a, b) => a.volgorde - b.volgorde);
  const subs = categories.filter((c) => c.hoofdcategorieId === draft.hoofdcategorie && draft.hoofdcategorie !== '').sort((a, b) => a.volgorde - b.volgorde);
  const category = categories.find((c) => c.id === draft.categorie);

  const chooseMain = (id: string) => {
    if (id === draft.hoofdcategorie) return;
    const children = categories.filter((c) => c.hoofdcategorieId === id);
    update({ hoofdcategorie: id, categorie: children.length === 1 && children[0] ? children[0].id : '', antwoorden: {} });
  };

  return (
    <>
      {kanaal === 'ondermijning' ? <OndermijningNotice /> : null}
      <RadioGroup
        id={fieldDomId('hoofdcategorie')}
        legend={T.wat.hoofd}
        required
        value={draft.hoofdcategorie}
        onChange={chooseMain}
        error={form.errorFor('hoofdcategorie')}
        options={mains.map((c) => ({ value: c.id, label: c.naam, description: c.hulptekst }))}
      />
      {subs.length > 0 ? (
        <RadioGroup
          id={fieldDomId('categorie')}
          legend={T.wat.sub}
          required
          value={draft.categorie}
          onChange={(id) => update({ categorie: id, antwoorden: {} })}
          error={form.errorFor('categorie')}
          options={subs.map((c) => ({ value: c.id, label: c.naam, description: c.hulptekst }))}
        />
      ) : null}
      {category
        ? sortedQuestions(category).map((q) => (
            <QuestionField
              key={`${category.id}-${q.code}`}
              id={fieldDomId(questionField(q))}
              question={q}
              value={draft.antwoorden[q.code]}
              error={form.errorFor(questionField(q))}
              onChange={(value) => update({ antwoorden: { ...draft.antwoorden, [q.code]: value } })}
              inputProps={MELDPUNT_QUESTION_INPUTS}
              radioProps={MELDPUNT_RADIO}
              // De harde stop direct onder de vraag die haar veroorzaakt.
              renderHardStop={(text) => <HardStop text={text} />}
            />
          ))
        : null}
      {stop ? null : (
        <TextareaField
          {...f(form, 'omschrijving')}
          label={T.wat.omschrijving}
          description={T.wat.omschrijvingHulp}
          required
          rows={6}
          maxLength={5000}
          value={draft.omschrijving}
          onChange={(e) => update({ omschrijving: e.currentTarget.value })}
        />
      )}
    </>
  );
}

function HardStop({ text }: { text: string }) {
  return (
    <Alert type="error" role="alert" className="meldpunt-hardstop" data-testid="harde-stop">
      <p className="utrecht-paragraph knooppunt-alert__title">{T.wat.gevaarTitel}</p>
      <p className="utrecht-paragraph">{text}</p>
      <p className="utrecht-paragraph">
        <a className="utrecht-link utrecht-link--html-a meldpunt-tel" href="tel:112">
          {T.wat.gevaarBellen}
        </a>
      </p>
      <p className="utrecht-paragraph">{T.wat.gevaarGeblokkeerd}</p>
    </Alert>
  );
}

export function OndermijningNotice() {
  return (
    <div className="knooppunt-panel meldpunt-notice" data-testid="ondermijning-uitleg">
      <Heading2>{T.ondermijning.titel}</Heading2>
      <Paragraph>{T.ondermijning.anoniem}</Paragraph>
      <Paragraph>{T.ondermijning.uitkomst}</Paragraph>
      <Paragraph>
        {T.ondermijning.mma}{' '}
        <a className="utrecht-link utrecht-link--html-a" href="tel:08007000">
          {T.ondermijning.mmaLink}
        </a>
      </Paragraph>
    </div>
  );
}

/** Stap 2: postcode + huisnummer (+ toevoeging) of straat + plaats; toont de gemeente. */
export function StepWhere({
  draft,
  update,
  form,
  gemeente,
  lookupBusy,
}: StepProps & { gemeente: Gemeentebepaling | null; lookupBusy: boolean }) {
  return (
    <>
      <RadioGroup
        id={fieldDomId('locatieSoort')}
        legend={T.waar.soort}
        value={draft.locatieSoort}
        onChange={(v) => update({ locatieSoort: v === 'straat' ? 'straat' : 'adres' })}
        options={[
          { value: 'adres', label: T.waar.soortAdres },
          { value: 'straat', label: T.waar.soortStraat },
        ]}
      />
      {draft.locatieSoort === 'adres' ? (
        <>
          <TextField
            {...f(form, 'postcode')}
            label={T.waar.postcode}
            description={T.waar.postcodeHulp}
            required
            autoComplete="off"
            className="meldpunt-input--kort"
            maxLength={8}
            value={draft.postcode}
            onChange={(e) => update({ postcode: e.currentTarget.value })}
          />
          <div className="meldpunt-row">
            <TextField
              {...f(form, 'huisnummer')}
              label={T.waar.huisnummer}
              required
              inputMode="numeric"
              autoComplete="off"
              className="meldpunt-input--kort"
              maxLength={5}
              value={draft.huisnummer}
              onChange={(e) => update({ huisnummer: e.currentTarget.value })}
            />
            <TextField
              {...f(form, 'toevoeging')}
              label={T.waar.toevoeging}
              description={T.waar.toevoegingHulp}
              autoComplete="off"
              className="meldpunt-input--kort"
              maxLength={4}
              value={draft.toevoeging}
              onChange={(e) => update({ toevoeging: e.currentTarget.value })}
            />
          </div>
          <div role="status" className="meldpunt-gemeente" data-testid="gemeente">
            {lookupBusy ? (
              <Paragraph>{T.waar.bezig}</Paragraph>
            ) : gemeente?.binnenWerkgebied ? (
              <Alert type="info">
                <p className="utrecht-paragraph">{T.waar.binnen(gemeente.gemeente.naam)}</p>
              </Alert>
            ) : gemeente ? (
              <Alert type="warning">
                <p className="utrecht-paragraph knooppunt-alert__title">{T.waar.buitenTitel}</p>
                <p className="utrecht-paragraph">{gemeente.advies}</p>
              </Alert>
            ) : null}
          </div>
        </>
      ) : (
        <>
          <TextField
            {...f(form, 'straat')}
            label={T.waar.straat}
            required
            autoComplete="off"
            maxLength={120}
            value={draft.straat}
            onChange={(e) => update({ straat: e.currentTarget.value })}
          />
          <TextField
            {...f(form, 'woonplaats')}
            label={T.waar.woonplaats}
            required
            autoComplete="off"
            maxLength={80}
            value={draft.woonplaats}
            onChange={(e) => update({ woonplaats: e.currentTarget.value })}
          />
        </>
      )}
      <TextareaField
        {...f(form, 'locatieToelichting')}
        label={T.waar.toelichting}
        description={T.waar.toelichtingHulp}
        rows={2}
        maxLength={500}
        value={draft.locatieToelichting}
        onChange={(e) => update({ locatieToelichting: e.currentTarget.value })}
      />
    </>
  );
}

/** Stap 3: wanneer is het waargenomen. */
export function StepWhen({ draft, update, form }: StepProps) {
  return (
    <>
      <div className="meldpunt-row">
        <TextField
          {...f(form, 'datum')}
          type="date"
          label={T.wanneer.datum}
          description={T.wanneer.datumHulp}
          value={draft.datum}
          onChange={(e) => update({ datum: e.currentTarget.value })}
        />
        <TextField
          {...f(form, 'tijd')}
          type="time"
          label={T.wanneer.tijd}
          description={T.wanneer.tijdHulp}
          value={draft.tijd}
          onChange={(e) => update({ tijd: e.currentTarget.value })}
        />
      </div>
      <TextareaField
        {...f(form, 'waargenomenToelichting')}
        label={T.wanneer.toelichting}
        description={T.wanneer.toelichtingHulp}
        rows={2}
        maxLength={500}
        value={draft.waargenomenToelichting}
        onChange={(e) => update({ waargenomenToelichting: e.currentTarget.value })}
      />
    </>
  );
}

/** Stap 4: foto's of documenten (niet verplicht). */
export function StepFiles({ draft, update, form }: StepProps) {
  return (
    <>
      <Paragraph>{T.bestanden.uitleg}</Paragraph>
      <FilePicker id={fieldDomId('bijlagen')} files={draft.bestanden} error={form.errorFor('bijlagen')} onChange={(bestanden) => update({ bestanden })} />
    </>
  );
}

/** Stap 5: contactgegevens, altijd vrijwillig; bij ondermijning standaard anoniem. */
export function StepContact({ kanaal, draft, update, form }: StepProps) {
  const fields = (
    <>
      <TextField
        {...f(form, 'naam')}
        label={T.contact.naam}
        description={T.contact.optioneel}
        autoComplete="name"
        maxLength={120}
        value={draft.naam}
        onChange={(e) => update({ naam: e.currentTarget.value })}
      />
      <TextField
        {...f(form, 'email')}
        type="email"
        label={T.contact.email}
        description={T.contact.optioneel}
        autoComplete="email"
        maxLength={254}
        value={draft.email}
        onChange={(e) => update({ email: e.currentTarget.value })}
      />
      <TextField
        {...f(form, 'telefoon')}
        type="tel"
        label={T.contact.telefoon}
        description={T.contact.optioneel}
        autoComplete="tel"
        maxLength={20}
        value={draft.telefoon}
        onChange={(e) => update({ telefoon: e.currentTarget.value })}
      />
    </>
  );
  if (kanaal === 'overlast') {
    return (
      <>
        <Paragraph>{T.contact.overlastUitleg}</Paragraph>
        {fields}
        <CheckboxField
          id={fieldDomId('updatesPerMail')}
          label={T.contact.updates}
          description={T.contact.updatesHulp}
          checked={draft.updatesPerMail}
          onChange={(e) => update({ updatesPerMail: e.currentTarget.checked })}
        />
      </>
    );
  }
  return (
    <>
      <Paragraph>{T.contact.ondermijningUitleg}</Paragraph>
      <RadioGroup
        id={fieldDomId('contactKeuze')}
        legend={T.contact.keuze}
        value={draft.contactKeuze}
        onChange={(v) => update({ contactKeuze: v === 'gegevens' ? 'gegevens' : 'anoniem' })}
        options={[
          { value: 'anoniem', label: T.contact.anoniem },
          { value: 'gegevens', label: T.contact.metGegevens },
        ]}
      />
      {draft.contactKeuze === 'gegevens' ? (
        <>
          <Alert type="warning">
            <p className="utrecht-paragraph">{T.contact.ondermijningLet}</p>
          </Alert>
          {fields}
        </>
      ) : null}
    </>
  );
}

function SummarySection({ title, sectionName, onEdit, children }: { title: string; sectionName: string; onEdit: () => void; children: ReactNode }) {
  return (
    <section className="meldpunt-summary__section">
      <div className="meldpunt-summary__header">
        <Heading2 className="meldpunt-summary__title">{title}</Heading2>
        <button type="button" className="utrecht-link-button utrecht-link-button--html-button meldpunt-link-button" onClick={onEdit}>
          {T.controle.wijzig}
          <VisuallyHidden> {sectionName}</VisuallyHidden>
        </button>
      </div>
      <dl className="utrecht-data-list utrecht-data-list--rows meldpunt-summary__list">{children}</dl>
    </section>
  );
}

function Item({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="utrecht-data-list__item">
      <dt className="utrecht-data-list__item-key">{label}</dt>
      <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd utrecht-data-list__item-value--multiline" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

function answerText(category: Category | undefined, code: string, value: string | string[]): string {
  const q = category?.vragen.find((x) => x.code === code);
  const label = (k: string) => q?.waarden?.find((w) => w.key === k)?.naam ?? k;
  return Array.isArray(value) ? value.map(label).join(', ') : label(value);
}

/** Stap 6: overzicht met per onderdeel een wijzigknop. */
export function StepSummary({
  kanaal,
  draft,
  categories,
  gemeente,
  onEdit,
}: {
  kanaal: Kanaal;
  draft: Draft;
  categories: readonly Category[];
  gemeente: Gemeentebepaling | null;
  onEdit: (step: number) => void;
}) {
  const category = categories.find((c) => c.id === draft.categorie);
  const main = categories.find((c) => c.id === draft.hoofdcategorie);
  const adres =
    draft.locatieSoort === 'adres'
      ? `${draft.postcode.toUpperCase()} ${draft.huisnummer}${draft.toevoeging ? ` ${draft.toevoeging.toUpperCase()}` : ''}`
      : `${draft.straat}, ${draft.woonplaats}`;
  const moment = draft.datum ? `${formatDate(`${draft.datum}T12:00:00`)}${draft.tijd ? `, ${draft.tijd} uur` : ''}` : '';
  const contact = draft.contactKeuze === 'gegevens' ? [draft.naam, draft.email, draft.telefoon].map((s) => s.trim()).filter(Boolean) : [];
  const [s1, s2, s3, s4, s5] = T.controle.secties;
  const [h1, h2, h3, h4, h5] = T.controle.hoofdSectieTitels;
  return (
    <div className="meldpunt-summary">
      <Paragraph>{T.controle.intro}</Paragraph>
      <SummarySection title={h1 ?? ''} sectionName={s1 ?? ''} onEdit={() => onEdit(0)}>
        <Item label={T.controle.onderwerp} testId="samenvatting-onderwerp">
          {main ? `${main.naam}: ` : ''}
          {category?.naam ?? ''}
        </Item>
        {Object.entries(draft.antwoorden)
          .filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v.trim() !== ''))
          .map(([code, v]) => (
            <Item key={code} label={category?.vragen.find((q) => q.code === code)?.vraag ?? code}>
              {answerText(category, code, v)}
            </Item>
          ))}
        <Item label={T.controle.omschrijving}>{draft.omschrijving.trim()}</Item>
      </SummarySection>
      <SummarySection title={h2 ?? ''} sectionName={s2 ?? ''} onEdit={() => onEdit(1)}>
        <Item label={T.controle.plek} testId="samenvatting-adres">
          {adres}
        </Item>
        {draft.locatieSoort === 'adres' && gemeente?.binnenWerkgebied ? <Item label={T.controle.gemeente}>{gemeente.gemeente.naam}</Item> : null}
        {draft.locatieToelichting.trim() ? <Item label={T.controle.toelichting}>{draft.locatieToelichting.trim()}</Item> : null}
      </SummarySection>
      <SummarySection title={h3 ?? ''} sectionName={s3 ?? ''} onEdit={() => onEdit(2)}>
        <Item label={T.controle.moment}>{moment || T.controle.onbekend}</Item>
        {draft.waargenomenToelichting.trim() ? <Item label={T.controle.toelichting}>{draft.waargenomenToelichting.trim()}</Item> : null}
      </SummarySection>
      <SummarySection title={h4 ?? ''} sectionName={s4 ?? ''} onEdit={() => onEdit(3)}>
        <Item label={T.bestanden.lijst}>
          {draft.bestanden.length === 0 ? (
            T.controle.geenBestanden
          ) : (
            <ul className="utrecht-unordered-list meldpunt-summary__files">
              {draft.bestanden.map((file, i) => (
                <li key={`${file.name}-${i}`} className="utrecht-unordered-list__item">
                  {file.name} ({formatSize(file.size)})
                </li>
              ))}
            </ul>
          )}
        </Item>
      </SummarySection>
      <SummarySection title={h5 ?? ''} sectionName={s5 ?? ''} onEdit={() => onEdit(4)}>
        <Item label={T.controle.contact} testId="samenvatting-contact">
          {contact.length > 0 ? contact.join(', ') : T.controle.anoniem}
        </Item>
        {kanaal === 'overlast' && draft.updatesPerMail && draft.email.trim() ? <Item label={T.controle.updates}>{T.controle.ja}</Item> : null}
      </SummarySection>
    </div>
  );
}
