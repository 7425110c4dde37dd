// SPDX-License-Identifier: EUPL-1.2
// Niet-pluis-melding: één pagina, één kolom, geschikt voor een telefoon op straat (een boa, een
// wijkagent). Soort en categorie, wat, waar, wanneer, eventueel betrokkenen en foto's.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { InputHTMLAttributes } from 'react';
import { api } from '../api/client.js';
import { hardStopOf, multipart, type Antwoord } from '../api/meldingen.js';
import { useApiGet } from '../api/useApi.js';
import { Alert } from '../components/Alert.js';
import { Button, ButtonGroup, SubmitButton } from '../components/Button.js';
import { ErrorSummary, useFormErrors } from '../components/FormErrors.js';
import type { FieldDefinition } from '../components/FormErrors.js';
import { RadioGroup, SelectField, TextareaField, TextField } from '../components/FormField.js';
import { Link } from '../components/Link.js';
import { LoadError } from '../components/LoadError.js';
import { Page } from '../components/Page.js';
import { QuestionField, type QuestionInputProps } from '../components/QuestionField.js';
import { Heading2, Paragraph } from '../components/Typography.js';
import { useFormSubmit } from '../components/useForm.js';
import type { Categorie, Kanaal, Ontvangstbewijs, Onderwerpsoort } from './shared.js';
import { byteSize, GEMEENTEN, KANAAL_LABELS, ONDERWERP_LABELS, safeId, showApiErrors } from './shared.js';
import { CategorySelectField } from './ui.js';

const FORM_ID = 'niet-pluis';
const MAX_FILES = 3;
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif,application/pdf';

type LocatieWijze = 'adres' | 'straat' | 'gemeente';

interface OnderwerpVeld {
  name: string;
  label: string;
  input?: InputHTMLAttributes<HTMLInputElement>;
}

const ONDERWERP_VELDEN: Record<Onderwerpsoort, OnderwerpVeld[]> = {
  persoon: [
    { name: 'naam', label: 'Naam', input: { autoComplete: 'off' } },
    { name: 'geboortedatum', label: 'Geboortedatum', input: { type: 'date' } },
    { name: 'bsn', label: 'BSN', input: { inputMode: 'numeric', autoComplete: 'off', maxLength: 11 } },
  ],
  adres: [
    { name: 'postcode', label: 'Postcode', input: { autoComplete: 'off', autoCapitalize: 'characters', maxLength: 8 } },
    { name: 'huisnummer', label: 'Huisnummer', input: { inputMode: 'numeric', autoComplete: 'off', maxLength: 6 } },
    { name: 'huisletter', label: 'Huisletter', input: { autoComplete: 'off', maxLength: 1 } },
    { name: 'huisnummertoevoeging', label: 'Toevoeging', input: { autoComplete: 'off', maxLength: 4 } },
  ],
  bedrijf: [
    { name: 'naam', label: 'Naam van het bedrijf', input: { autoComplete: 'off' } },
    { name: 'kvkNummer', label: 'KvK-nummer', input: { inputMode: 'numeric', autoComplete: 'off', maxLength: 12 } },
  ],
  voertuig: [
    { name: 'kenteken', label: 'Kenteken', input: { autoComplete: 'off', autoCapitalize: 'characters', maxLength: 10, spellCheck: false } },
    { name: 'omschrijving', label: 'Merk, type of kleur', input: { autoComplete: 'off', maxLength: 200 } },
  ],
};

interface OnderwerpRij {
  key: number;
  soort: Onderwerpsoort;
  waarden: Record<string, string>;
}

interface Waarden {
  kanaal: Kanaal | '';
  categorie: string;
  omschrijving: string;
  wijze: LocatieWijze;
  postcode: string;
  huisnummer: string;
  huisnummertoevoeging: string;
  straat: string;
  woonplaats: string;
  gemeente: string;
  toelichting: string;
  waargenomenOp: string;
  waargenomenToelichting: string;
}

function nowLocal(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function emptyValues(): Waarden {
  return {
    kanaal: '',
    categorie: '',
    omschrijving: '',
    wijze: 'adres',
    postcode: '',
    huisnummer: '',
    huisnummertoevoeging: '',
    straat: '',
    woonplaats: '',
    gemeente: '',
    toelichting: '',
    waargenomenOp: nowLocal(),
    waargenomenToelichting: '',
  };
}

const LOCATIE_VELDEN: Record<LocatieWijze, string[]> = {
  adres: ['locatie.postcode', 'locatie.huisnummer', 'locatie.huisnummertoevoeging'],
  straat: ['locatie.straat', 'locatie.woonplaats'],
  gemeente: ['locatie.gemeente'],
};

const FIELD_LABELS: Record<string, string> = {
  kanaal: 'Soort melding',
  categorie: 'Categorie',
  omschrijving: 'Wat heeft u gezien?',
  'locatie.postcode': 'Postcode',
  'locatie.huisnummer': 'Huisnummer',
  'locatie.huisnummertoevoeging': 'Toevoeging',
  'locatie.straat': 'Straat',
  'locatie.woonplaats': 'Plaats',
  'locatie.gemeente': 'Gemeente',
  'locatie.toelichting': 'Toelichting op de plek',
  waargenomenOp: 'Wanneer zag u het?',
  waargenomenToelichting: 'Toelichting op het moment',
  bijlagen: "Foto's of documenten",
};

function fieldId(name: string): string {
  return safeId(FORM_ID, name);
}

function isEmpty(value: Antwoord | undefined): boolean {
  return value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === '');
}

/** Staff-opmaak van de extra vragen: geen automatisch aanvullen, cijfers voor getallen. */
const VRAAG_INVOER: QuestionInputProps = {
  string: { autoComplete: 'off' },
  number: { inputMode: 'numeric', autoComplete: 'off' },
  datetime: { autoComplete: 'off' },
  text: { rows: 3 },
};

function HardeStop(text: string) {
  return (
    <Alert type="warning" role="alert">
      <p className="utrecht-paragraph">{text}</p>
    </Alert>
  );
}

export function NietPluisPage() {
  const categories = useApiGet<{ categorieen: Categorie[] }>('/meldingcategorieen');
  const all = useMemo(() => categories.data?.categorieen ?? [], [categories.data]);
  const [values, setValues] = useState<Waarden>(emptyValues);
  const [antwoorden, setAntwoorden] = useState<Record<string, Antwoord>>({});
  const [onderwerpen, setOnderwerpen] = useState<OnderwerpRij[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [receipt, setReceipt] = useState<Ontvangstbewijs | null>(null);
  const nextKey = useRef(1);
  const focusAfterRender = useRef<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const successRef = useRef<HTMLDivElement>(null);

  const category = all.find((c) => c.id === values.categorie && c.hoofdcategorieId !== null);
  const vragen = useMemo(() => [...(category?.vragen ?? [])].sort((a, b) => a.volgorde - b.volgorde), [category]);

  const fields = useMemo<FieldDefinition[]>(() => {
    const defs: FieldDefinition[] = [
      { name: 'kanaal', label: FIELD_LABELS.kanaal!, targetId: `${fieldId('kanaal')}-eerste` },
      { name: 'categorie', label: FIELD_LABELS.categorie!, targetId: fieldId('categorie') },
      ...vragen.map((v) => ({
        name: `antwoorden.${v.code}`,
        label: v.vraag,
        targetId: v.datatype === 'singlevaluelist' || v.datatype === 'multivaluelist' ? `${fieldId(`antwoorden.${v.code}`)}-eerste` : fieldId(`antwoorden.${v.code}`),
      })),
      { name: 'omschrijving', label: FIELD_LABELS.omschrijving!, targetId: fieldId('omschrijving') },
      ...LOCATIE_VELDEN[values.wijze].map((name) => ({ name, label: FIELD_LABELS[name]!, targetId: fieldId(name) })),
      { name: 'locatie.toelichting', label: FIELD_LABELS['locatie.toelichting']!, targetId: fieldId('locatie.toelichting') },
      { name: 'waargenomenOp', label: FIELD_LABELS.waargenomenOp!, targetId: fieldId('waargenomenOp') },
      { name: 'waargenomenToelichting', label: FIELD_LABELS.waargenomenToelichting!, targetId: fieldId('waargenomenToelichting') },
    ];
    onderwerpen.forEach((rij, index) => {
      for (const veld of ONDERWERP_VELDEN[rij.soort]) {
        const name = `onderwerpen[${index}].${veld.name}`;
        defs.push({ name, label: `${ONDERWERP_LABELS[rij.soort]} ${index + 1}: ${veld.label.toLowerCase()}`, targetId: fieldId(name) });
      }
    });
    defs.push({ name: 'bijlagen', label: FIELD_LABELS.bijlagen!, targetId: fieldId('bijlagen') });
    return defs;
  }, [vragen, values.wijze, onderwerpen]);

  const form = useFormErrors(FORM_ID, fields);

  useEffect(() => {
    if (focusAfterRender.current) {
      document.getElementById(focusAfterRender.current)?.focus();
      focusAfterRender.current = null;
    }
  });

  useEffect(() => {
    if (receipt) successRef.current?.focus();
  }, [receipt]);

  const set = (name: keyof Waarden) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((prev) => ({ ...prev, [name]: value }));
  };

  const setKanaal = (kanaal: string) => {
    setValues((prev) => ({ ...prev, kanaal: kanaal as Kanaal, categorie: all.some((c) => c.id === prev.categorie && c.kanaal === kanaal) ? prev.categorie : '' }));
  };

  const setCategorie = (id: string) => {
    const next = all.find((c) => c.id === id);
    setValues((prev) => ({ ...prev, categorie: id, kanaal: next?.kanaal ?? prev.kanaal }));
    const codes = new Set((next?.vragen ?? []).map((v) => v.code));
    setAntwoorden((prev) => Object.fromEntries(Object.entries(prev).filter(([code]) => codes.has(code))));
  };

  const addOnderwerp = (soort: Onderwerpsoort) => {
    const index = onderwerpen.length;
    setOnderwerpen((prev) => [...prev, { key: nextKey.current++, soort, waarden: {} }]);
    focusAfterRender.current = fieldId(`onderwerpen[${index}].${ONDERWERP_VELDEN[soort][0]!.name}`);
  };

  const removeOnderwerp = (key: number) => {
    setOnderwerpen((prev) => prev.filter((r) => r.key !== key));
    focusAfterRender.current = `${FORM_ID}-onderwerpen-titel`;
  };

  const setOnderwerpWaarde = (key: number, name: string, value: string) => {
    setOnderwerpen((prev) => prev.map((r) => (r.key === key ? { ...r, waarden: { ...r.waarden, [name]: value } } : r)));
  };

  const onFiles = (list: FileList | null) => {
    setFiles(list ? Array.from(list) : []);
  };

  const validate = () => {
    const errors: Record<string, string> = {};
    if (!values.kanaal) errors.kanaal = 'Kies de soort melding.';
    if (!values.categorie) errors.categorie = 'Kies een categorie.';
    for (const v of vragen) {
      const a = antwoorden[v.code];
      if (v.verplicht && isEmpty(a)) errors[`antwoorden.${v.code}`] = `Beantwoord de vraag "${v.vraag}".`;
      const stop = hardStopOf(v, a);
      if (stop) errors[`antwoorden.${v.code}`] = stop;
    }
    if (values.omschrijving.trim().length < 10) errors.omschrijving = 'Beschrijf wat u heeft gezien (minstens 10 tekens).';
    if (values.wijze === 'adres') {
      if (!values.postcode.trim()) errors['locatie.postcode'] = 'Vul de postcode in.';
      if (!values.huisnummer.trim()) errors['locatie.huisnummer'] = 'Vul het huisnummer in.';
    } else if (values.wijze === 'straat') {
      if (!values.straat.trim()) errors['locatie.straat'] = 'Vul de straat in.';
      if (!values.woonplaats.trim()) errors['locatie.woonplaats'] = 'Vul de plaats in.';
    } else if (!values.gemeente) {
      errors['locatie.gemeente'] = 'Kies de gemeente.';
    }
    if (files.length > MAX_FILES) errors.bijlagen = `U kunt maximaal ${MAX_FILES} bestanden toevoegen.`;
    else if (files.some((f) => f.size > MAX_FILE_BYTES)) errors.bijlagen = 'Een bestand mag maximaal 10 MB groot zijn.';
    return errors;
  };

  const body = () => {
    const locatie: Record<string, string> = {};
    if (values.wijze === 'adres') {
      locatie.postcode = values.postcode.trim();
      locatie.huisnummer = values.huisnummer.trim();
      if (values.huisnummertoevoeging.trim()) locatie.huisnummertoevoeging = values.huisnummertoevoeging.trim();
    } else if (values.wijze === 'straat') {
      locatie.straat = values.straat.trim();
      locatie.woonplaats = values.woonplaats.trim();
    } else {
      locatie.gemeente = values.gemeente;
    }
    if (values.toelichting.trim()) locatie.toelichting = values.toelichting.trim();
    const answers = Object.fromEntries(
      vragen
        .filter((v) => !isEmpty(antwoorden[v.code]))
        .map((v) => {
          const a = antwoorden[v.code]!;
          return [v.code, typeof a === 'string' ? a.trim() : a];
        }),
    );
    const observed = values.waargenomenOp ? new Date(values.waargenomenOp) : null;
    const subjects = onderwerpen
      .map((r) => ({ soort: r.soort, ...Object.fromEntries(Object.entries(r.waarden).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== '')) }))
      .filter((s) => Object.keys(s).length > 1);
    return {
      categorie: values.categorie,
      omschrijving: values.omschrijving.trim(),
      antwoorden: answers,
      locatie,
      ...(observed && !Number.isNaN(observed.getTime()) ? { waargenomenOp: observed.toISOString() } : {}),
      ...(values.waargenomenToelichting.trim() ? { waargenomenToelichting: values.waargenomenToelichting.trim() } : {}),
      ...(subjects.length > 0 ? { onderwerpen: subjects } : {}),
    };
  };

  const resolve = (veld: string): string | null => {
    if (veld.startsWith('bijlagen')) return 'bijlagen';
    if (veld === 'locatie') return LOCATIE_VELDEN[values.wijze][0]!;
    return veld;
  };

  const { busy, onSubmit } = useFormSubmit(form, {
    validate,
    submit: async () => {
      let result: Ontvangstbewijs;
      if (files.length > 0) {
        result = await api.postForm<Ontvangstbewijs>('/niet-pluis-meldingen', multipart(body(), files));
      } else {
        result = await api.post<Ontvangstbewijs>('/niet-pluis-meldingen', body());
      }
      setReceipt(result);
      setValues(emptyValues());
      setAntwoorden({});
      setOnderwerpen([]);
      setFiles([]);
    },
    onError: (error) => showApiErrors(form, error, resolve),
  });

  if (receipt) {
    return (
      <Page title="Niet-pluis-melding verstuurd">
        <Alert type="ok" role="status" focusable ref={successRef} data-testid="niet-pluis-ontvangen">
          <p className="utrecht-paragraph knooppunt-alert__title">Uw melding is ontvangen.</p>
          <p className="utrecht-paragraph">
            Referentie: <strong data-testid="referentie">{receipt.referentie}</strong>
          </p>
          <p className="utrecht-paragraph">
            De melding is doorgestuurd naar het meldpunt van {receipt.gemeente.naam}. U vindt de status terug onder Mijn meldingen; wat
            er met de melding gebeurt, blijft vertrouwelijk.
          </p>
        </Alert>
        <ButtonGroup>
          <Button appearance="primary-action-button" onClick={() => setReceipt(null)}>
            Nog een melding doen
          </Button>
        </ButtonGroup>
        <Paragraph>
          <Link to="/meldingen/mijn">Naar mijn meldingen</Link>
        </Paragraph>
      </Page>
    );
  }

  const kanaalOptions = (['ondermijning', 'overlast'] as const).map((k) => ({
    value: k,
    label: KANAAL_LABELS[k],
    description: k === 'ondermijning' ? 'Bijvoorbeeld hennepteelt, uitbuiting, witwassen of verdachte verhuur.' : 'Bijvoorbeeld jeugdoverlast, drugsoverlast of verward gedrag.',
  }));

  return (
    <Page title="Niet-pluis-melding doen">
      <Alert type="warning">
        <p className="utrecht-paragraph">Is er direct gevaar? Bel 112. Deze melding wordt niet direct gelezen.</p>
      </Alert>
      <Paragraph>{'Velden met een * zijn verplicht. Betrokkenen en foto’s zijn niet verplicht.'}</Paragraph>
      <LoadError error={categories.error} />
      <ErrorSummary form={form} />
      <form noValidate onSubmit={onSubmit} className="knooppunt-mobile-form">
        <section aria-labelledby={`${FORM_ID}-wat-titel`} className="knooppunt-section">
          <Heading2 id={`${FORM_ID}-wat-titel`}>Wat is er aan de hand?</Heading2>
          <RadioGroup
            id={fieldId('kanaal')}
            name={`${FORM_ID}-kanaal`}
            legend={FIELD_LABELS.kanaal}
            options={kanaalOptions}
            value={values.kanaal}
            onChange={setKanaal}
            error={form.errorFor('kanaal')}
            required
          />
          <CategorySelectField
            id={fieldId('categorie')}
            label={FIELD_LABELS.categorie}
            description={category?.hulptekst}
            categorieen={all}
            kanaal={values.kanaal}
            placeholder={values.kanaal ? 'Kies een categorie' : 'Kies eerst de soort melding'}
            value={values.categorie}
            onChange={(e) => setCategorie(e.currentTarget.value)}
            error={form.errorFor('categorie')}
            required
          />
          {vragen.map((v) => (
            <QuestionField
              key={v.code}
              id={fieldId(`antwoorden.${v.code}`)}
              question={v}
              value={antwoorden[v.code]}
              onChange={(a) => setAntwoorden((prev) => ({ ...prev, [v.code]: a }))}
              error={form.errorFor(`antwoorden.${v.code}`)}
              inputProps={VRAAG_INVOER}
              renderHardStop={HardeStop}
            />
          ))}
          <TextareaField
            id={fieldId('omschrijving')}
            label={FIELD_LABELS.omschrijving}
            description="Beschrijf wat u zag, hoorde of rook. Feiten, geen meningen."
            value={values.omschrijving}
            onChange={set('omschrijving')}
            error={form.errorFor('omschrijving')}
            required
            rows={5}
            maxLength={5000}
          />
        </section>

        <section aria-labelledby={`${FORM_ID}-waar-titel`} className="knooppunt-section">
          <Heading2 id={`${FORM_ID}-waar-titel`}>Waar?</Heading2>
          <RadioGroup
            id={fieldId('wijze')}
            name={`${FORM_ID}-wijze`}
            legend="Hoe geeft u de plek aan?"
            options={[
              { value: 'adres', label: 'Postcode en huisnummer' },
              { value: 'straat', label: 'Straat en plaats' },
              { value: 'gemeente', label: 'Geen adres, alleen de gemeente' },
            ]}
            value={values.wijze}
            onChange={(w) => setValues((prev) => ({ ...prev, wijze: w as LocatieWijze }))}
          />
          {values.wijze === 'adres' ? (
            <>
              <TextField
                id={fieldId('locatie.postcode')}
                label={FIELD_LABELS['locatie.postcode']}
                value={values.postcode}
                onChange={set('postcode')}
                error={form.errorFor('locatie.postcode')}
                required
                autoComplete="off"
                autoCapitalize="characters"
                maxLength={8}
                className="knooppunt-textbox--short"
              />
              <TextField
                id={fieldId('locatie.huisnummer')}
                label={FIELD_LABELS['locatie.huisnummer']}
                value={values.huisnummer}
                onChange={set('huisnummer')}
                error={form.errorFor('locatie.huisnummer')}
                required
                inputMode="numeric"
                autoComplete="off"
                maxLength={6}
                className="knooppunt-textbox--short"
              />
              <TextField
                id={fieldId('locatie.huisnummertoevoeging')}
                label={FIELD_LABELS['locatie.huisnummertoevoeging']}
                value={values.huisnummertoevoeging}
                onChange={set('huisnummertoevoeging')}
                error={form.errorFor('locatie.huisnummertoevoeging')}
                autoComplete="off"
                maxLength={4}
                className="knooppunt-textbox--short"
              />
            </>
          ) : null}
          {values.wijze === 'straat' ? (
            <>
              <TextField
                id={fieldId('locatie.straat')}
                label={FIELD_LABELS['locatie.straat']}
                value={values.straat}
                onChange={set('straat')}
                error={form.errorFor('locatie.straat')}
                required
                autoComplete="off"
              />
              <TextField
                id={fieldId('locatie.woonplaats')}
                label={FIELD_LABELS['locatie.woonplaats']}
                value={values.woonplaats}
                onChange={set('woonplaats')}
                error={form.errorFor('locatie.woonplaats')}
                required
                autoComplete="off"
              />
            </>
          ) : null}
          {values.wijze === 'gemeente' ? (
            <SelectField
              id={fieldId('locatie.gemeente')}
              label={FIELD_LABELS['locatie.gemeente']}
              value={values.gemeente}
              onChange={set('gemeente')}
              error={form.errorFor('locatie.gemeente')}
              required
              placeholder="Kies een gemeente"
              options={GEMEENTEN.map((g) => ({ value: g.code, label: g.naam }))}
            />
          ) : null}
          <TextField
            id={fieldId('locatie.toelichting')}
            label={FIELD_LABELS['locatie.toelichting']}
            description="Bijvoorbeeld: achter de sporthal, de loods links van de boerderij."
            value={values.toelichting}
            onChange={set('toelichting')}
            error={form.errorFor('locatie.toelichting')}
            autoComplete="off"
            maxLength={500}
          />
        </section>

        <section aria-labelledby={`${FORM_ID}-wanneer-titel`} className="knooppunt-section">
          <Heading2 id={`${FORM_ID}-wanneer-titel`}>Wanneer?</Heading2>
          <TextField
            id={fieldId('waargenomenOp')}
            type="datetime-local"
            label={FIELD_LABELS.waargenomenOp}
            value={values.waargenomenOp}
            onChange={set('waargenomenOp')}
            error={form.errorFor('waargenomenOp')}
          />
          <TextField
            id={fieldId('waargenomenToelichting')}
            label={FIELD_LABELS.waargenomenToelichting}
            description="Bijvoorbeeld: elke avond rond 22 uur."
            value={values.waargenomenToelichting}
            onChange={set('waargenomenToelichting')}
            error={form.errorFor('waargenomenToelichting')}
            autoComplete="off"
            maxLength={500}
          />
        </section>

        <section aria-labelledby={`${FORM_ID}-onderwerpen-titel`} className="knooppunt-section">
          <Heading2 id={`${FORM_ID}-onderwerpen-titel`} tabIndex={-1}>
            Betrokkenen (niet verplicht)
          </Heading2>
          <Paragraph>Weet u wie of wat erbij betrokken is? Voeg een persoon, adres, bedrijf of voertuig toe.</Paragraph>
          {onderwerpen.map((rij, index) => {
            const legendId = safeId(FORM_ID, `onderwerp-${rij.key}`);
            return (
              <fieldset key={rij.key} className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset knooppunt-fieldset knooppunt-subject" aria-labelledby={legendId}>
                <legend id={legendId} className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                  {ONDERWERP_LABELS[rij.soort]} {index + 1}
                </legend>
                {ONDERWERP_VELDEN[rij.soort].map((veld) => {
                  const name = `onderwerpen[${index}].${veld.name}`;
                  return (
                    <TextField
                      key={veld.name}
                      id={fieldId(name)}
                      label={veld.label}
                      value={rij.waarden[veld.name] ?? ''}
                      onChange={(e) => setOnderwerpWaarde(rij.key, veld.name, e.currentTarget.value)}
                      error={form.errorFor(name)}
                      {...veld.input}
                    />
                  );
                })}
                <Button appearance="subtle-button" onClick={() => removeOnderwerp(rij.key)}>
                  {`${ONDERWERP_LABELS[rij.soort]} ${index + 1} verwijderen`}
                </Button>
              </fieldset>
            );
          })}
          {onderwerpen.length < 10 ? (
            <ButtonGroup>
              {(Object.keys(ONDERWERP_VELDEN) as Onderwerpsoort[]).map((soort) => (
                <Button key={soort} onClick={() => addOnderwerp(soort)}>
                  {`${ONDERWERP_LABELS[soort]} toevoegen`}
                </Button>
              ))}
            </ButtonGroup>
          ) : null}
        </section>

        <section aria-labelledby={`${FORM_ID}-bijlagen-titel`} className="knooppunt-section">
          <Heading2 id={`${FORM_ID}-bijlagen-titel`}>{"Foto's of documenten (niet verplicht)"}</Heading2>
          <TextField
            ref={fileInput}
            id={fieldId('bijlagen')}
            type="file"
            label={FIELD_LABELS.bijlagen}
            description="Maximaal 3 bestanden: foto's (JPEG, PNG, WebP, GIF) of PDF, elk maximaal 10 MB. Locatiegegevens worden uit foto's verwijderd."
            accept={ACCEPT}
            multiple
            onChange={(e) => onFiles(e.currentTarget.files)}
            error={form.errorFor('bijlagen')}
          />
          {files.length > 0 ? (
            <ul className="utrecht-unordered-list" aria-label="Gekozen bestanden">
              {files.map((f) => (
                <li key={`${f.name}-${f.size}`} className="utrecht-unordered-list__item">
                  {f.name} ({byteSize(f.size)})
                </li>
              ))}
            </ul>
          ) : null}
          {files.length > 0 ? (
            <Button
              appearance="subtle-button"
              onClick={() => {
                setFiles([]);
                if (fileInput.current) fileInput.current.value = '';
                fileInput.current?.focus();
              }}
            >
              Bestanden weghalen
            </Button>
          ) : null}
        </section>

        <SubmitButton busy={busy}>Melding versturen</SubmitButton>
      </form>
    </Page>
  );
}
