// SPDX-License-Identifier: EUPL-1.2
// De handelingen op één melding: status wijzigen, toewijzen, bericht aan de melder, opnieuw
// routeren, contactgegevens inzien (met reden), koppelen en bijlagen toevoegen.
import { useEffect, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { api } from '../api/client.js';
import { multipart } from '../api/meldingen.js';
import { Button, ButtonGroup, SubmitButton } from '../components/Button.js';
import { ErrorSummary, useFormErrors } from '../components/FormErrors.js';
import type { FieldDefinition, FormErrors } from '../components/FormErrors.js';
import { CheckboxField, SelectField, TextareaField, TextField } from '../components/FormField.js';
import { Heading3, Paragraph } from '../components/Typography.js';
import { useFieldValues, useFormSubmit } from '../components/useForm.js';
import type { Categorie, CodeNaam, MeldingDetail } from '../meldingen/shared.js';
import { GESLOTEN_STATUSSEN, showApiErrors } from '../meldingen/shared.js';
import { CategorySelectField, FactList } from '../meldingen/ui.js';
import { useActiveSession } from '../session/SessionContext.js';

/** Na een geslaagde handeling: opnieuw laden en een melding tonen. */
export type Done = (message: string, focusId?: string) => Promise<void>;

const REASON_STATUSES = new Set(['doorgezet', 'afgehandeld', 'heropend', 'geannuleerd']);

function meldingPath(id: string, suffix = ''): string {
  return `/meldingen/${encodeURIComponent(id)}${suffix}`;
}

/** Zet de focus op het eerste veld zodra het formulier verschijnt. */
function useFocusOnMount(id: string) {
  useEffect(() => {
    document.getElementById(id)?.focus();
  }, [id]);
}

/** Uitklapformulier met foutsamenvatting, een bevestigknop en "Annuleren". */
function ConfirmForm({
  form,
  busy,
  onSubmit,
  submitLabel,
  onCancel,
  intro,
  children,
  ...group
}: {
  form: FormErrors;
  busy: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  submitLabel: string;
  onCancel: () => void;
  /** Boven de foutsamenvatting. */
  intro?: ReactNode;
  children: ReactNode;
  role?: 'group';
  'aria-labelledby'?: string;
}) {
  return (
    <div className="knooppunt-confirm" {...group}>
      {intro}
      <ErrorSummary form={form} />
      <form noValidate onSubmit={onSubmit}>
        {children}
        <ButtonGroup>
          <SubmitButton busy={busy}>{submitLabel}</SubmitButton>
          <Button onClick={onCancel} disabled={busy}>
            Annuleren
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

/**
 * Formulier met alleen een verplichte reden (koppelen, ontkoppelen, contactgegevens inzien).
 * Annuleren zet de focus terug op de knop die het formulier opende.
 */
export function ReasonForm({
  id,
  label,
  description,
  submitLabel,
  onSubmit,
  onCancel,
  children,
}: {
  id: string;
  label: string;
  description?: string;
  submitLabel: string;
  onSubmit: (reden: string) => Promise<void>;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const fields = useRef<readonly FieldDefinition[]>([{ name: 'reden', label }]).current;
  const form = useFormErrors(id, fields);
  const { values, field } = useFieldValues(form, { reden: '' });
  const { busy, onSubmit: submit } = useFormSubmit(form, {
    validate: (): Record<string, string> => (values.reden.trim().length < 3 ? { reden: 'Geef een reden op (minstens 3 tekens).' } : {}),
    submit: () => onSubmit(values.reden.trim()),
    onError: (error) => showApiErrors(form, error),
  });
  useFocusOnMount(form.fieldId('reden'));
  return (
    <ConfirmForm form={form} busy={busy} onSubmit={submit} submitLabel={submitLabel} onCancel={onCancel} intro={children}>
      <TextareaField {...field('reden')} label={label} description={description} required rows={2} maxLength={2000} />
    </ConfirmForm>
  );
}

// ---------------------------------------------------------------- status

function StatusForm({
  melding,
  status,
  label,
  doelen,
  onDone,
  onCancel,
}: {
  melding: MeldingDetail;
  status: string;
  label: string;
  doelen: readonly CodeNaam[];
  onDone: Done;
  onCancel: () => void;
}) {
  const id = `status-${status}`;
  const needsReason = REASON_STATUSES.has(status);
  const toReporter = status === 'afgehandeld' && melding.kanaal === 'overlast' && (melding.ontvangstcodeActief || melding.contactAanwezig);
  const fields = useRef<readonly FieldDefinition[]>([
    { name: 'doorgezetNaar', label: 'Doorzetten naar' },
    { name: 'reden', label: 'Reden' },
    { name: 'berichtAanMelder', label: 'Afsluitbericht aan de melder' },
  ]).current;
  const form = useFormErrors(id, fields);
  const { values, field } = useFieldValues(form, { reden: '', doorgezetNaar: '', berichtAanMelder: '' });
  const { busy, onSubmit } = useFormSubmit(form, {
    validate: () => {
      const errors: Record<string, string> = {};
      if (status === 'doorgezet' && !values.doorgezetNaar) errors.doorgezetNaar = 'Kies naar wie de melding wordt doorgezet.';
      if (needsReason && values.reden.trim().length < 3) errors.reden = 'Geef een reden op (minstens 3 tekens).';
      return errors;
    },
    submit: async () => {
      await api.post(meldingPath(melding.id, '/statuswijzigingen'), {
        status,
        versie: melding.versie,
        ...(values.reden.trim() ? { reden: values.reden.trim() } : {}),
        ...(status === 'doorgezet' ? { doorgezetNaar: values.doorgezetNaar } : {}),
        ...(toReporter && values.berichtAanMelder.trim() ? { berichtAanMelder: values.berichtAanMelder.trim() } : {}),
      });
      await onDone(`De status is gewijzigd: ${label}.`, 'behandelen-status-titel');
    },
    onError: (error) => showApiErrors(form, error),
  });
  useFocusOnMount(status === 'doorgezet' ? form.fieldId('doorgezetNaar') : form.fieldId('reden'));
  return (
    <ConfirmForm
      form={form}
      busy={busy}
      onSubmit={onSubmit}
      submitLabel={`${label}: bevestigen`}
      onCancel={onCancel}
      role="group"
      aria-labelledby={`${id}-titel`}
      intro={
        <Paragraph id={`${id}-titel`}>
          <strong>{label}</strong>
        </Paragraph>
      }
    >
      {status === 'doorgezet' ? (
        <SelectField
          {...field('doorgezetNaar')}
          label="Doorzetten naar"
          required
          placeholder="Kies een partij"
          options={doelen.map((d) => ({ value: d.code, label: d.naam }))}
        />
      ) : null}
      <TextareaField
        {...field('reden')}
        label="Reden"
        description={needsReason ? 'Komt in de tijdlijn; de melder ziet de reden niet.' : 'Niet verplicht. Komt in de tijdlijn.'}
        required={needsReason}
        rows={2}
        maxLength={2000}
      />
      {toReporter ? (
        <TextareaField
          {...field('berichtAanMelder')}
          label="Afsluitbericht aan de melder"
          description="Niet verplicht. De melder leest dit met de ontvangstcode (en per e-mail als hij daarom vroeg)."
          rows={3}
          maxLength={2000}
        />
      ) : null}
    </ConfirmForm>
  );
}

export function StatusActions({ melding, doelen, onDone }: { melding: MeldingDetail; doelen: readonly CodeNaam[]; onDone: Done }) {
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => setOpen(null), [melding.status]);
  const close = (status: string) => {
    setOpen(null);
    requestAnimationFrame(() => document.getElementById(`status-knop-${status}`)?.focus());
  };
  if (melding.mogelijkeStatussen.length === 0) return <Paragraph>Vanuit deze status zijn geen wijzigingen mogelijk.</Paragraph>;
  const current = melding.mogelijkeStatussen.find((s) => s.status === open);
  return (
    <>
      <div className="knooppunt-button-group">
        {melding.mogelijkeStatussen.map((s) => (
          <Button
            key={s.status}
            id={`status-knop-${s.status}`}
            appearance={s.status === 'afgehandeld' ? 'primary-action-button' : 'secondary-action-button'}
            hint={s.status === 'geannuleerd' ? 'danger' : undefined}
            aria-expanded={open === s.status}
            onClick={() => setOpen(open === s.status ? null : s.status)}
          >
            {s.label}
          </Button>
        ))}
      </div>
      {current ? (
        <StatusForm key={current.status} melding={melding} status={current.status} label={current.label} doelen={doelen} onDone={onDone} onCancel={() => close(current.status)} />
      ) : null}
    </>
  );
}

// ---------------------------------------------------------------- toewijzing

const ASSIGN_FIELDS: readonly FieldDefinition[] = [{ name: 'gebruikerId', label: 'Behandelaar' }];

export function AssignmentForm({ melding, behandelaars, onDone }: { melding: MeldingDetail; behandelaars: ReadonlyArray<{ id: string; naam: string }>; onDone: Done }) {
  const session = useActiveSession();
  const form = useFormErrors('toewijzing', ASSIGN_FIELDS);
  const { values, setValues, field } = useFieldValues(form, { gebruikerId: melding.toegewezenAan?.id ?? '' });
  const [busy, setBusy] = useState(false);
  useEffect(() => setValues({ gebruikerId: melding.toegewezenAan?.id ?? '' }), [melding.toegewezenAan?.id, setValues]);

  const assign = async (gebruikerId: string | null) => {
    form.clear();
    setBusy(true);
    try {
      await api.put(meldingPath(melding.id, '/toewijzing'), { gebruikerId });
      const naam = gebruikerId === session.gebruiker.id ? 'u' : (behandelaars.find((b) => b.id === gebruikerId)?.naam ?? '');
      await onDone(gebruikerId ? `De melding is toegewezen aan ${naam}.` : 'De toewijzing is ingetrokken.', 'behandelen-toewijzing-titel');
    } catch (error) {
      showApiErrors(form, error);
    } finally {
      setBusy(false);
    }
  };

  const { onSubmit } = useFormSubmit(form, {
    validate: (): Record<string, string> => (values.gebruikerId ? {} : { gebruikerId: 'Kies een medewerker.' }),
    submit: () => assign(values.gebruikerId),
  });

  const mine = melding.toegewezenAan?.id === session.gebruiker.id;
  return (
    <>
      <Paragraph data-testid="behandelaar">
        {melding.toegewezenAan ? `Toegewezen aan ${melding.toegewezenAan.naam}${mine ? ' (u)' : ''}.` : 'Nog niet toegewezen.'}
      </Paragraph>
      <ErrorSummary form={form} />
      <form noValidate onSubmit={onSubmit}>
        <SelectField
          {...field('gebruikerId')}
          label="Behandelaar"
          placeholder="Kies een medewerker"
          options={behandelaars.map((b) => ({ value: b.id, label: b.id === session.gebruiker.id ? `${b.naam} (ik)` : b.naam }))}
        />
        <ButtonGroup>
          <SubmitButton busy={busy}>Toewijzen</SubmitButton>
          {!mine ? (
            <Button disabled={busy} onClick={() => void assign(session.gebruiker.id)}>
              Aan mij toewijzen
            </Button>
          ) : null}
          {melding.toegewezenAan ? (
            <Button appearance="subtle-button" disabled={busy} onClick={() => void assign(null)}>
              Toewijzing intrekken
            </Button>
          ) : null}
        </ButtonGroup>
      </form>
    </>
  );
}

// ---------------------------------------------------------------- bericht

const MESSAGE_FIELDS: readonly FieldDefinition[] = [{ name: 'tekst', label: 'Bericht aan de melder' }];

export function MessageForm({ melding, onDone }: { melding: MeldingDetail; onDone: Done }) {
  const form = useFormErrors('bericht', MESSAGE_FIELDS);
  const { values, setValues, field } = useFieldValues(form, { tekst: '' });
  const [vraag, setVraag] = useState(false);
  const { busy, onSubmit } = useFormSubmit(form, {
    validate: (): Record<string, string> => (values.tekst.trim().length < 2 ? { tekst: 'Schrijf een bericht (minstens 2 tekens).' } : {}),
    submit: async () => {
      await api.post(meldingPath(melding.id, '/berichten'), { tekst: values.tekst.trim(), reactieGevraagd: vraag });
      setValues({ tekst: '' });
      setVraag(false);
      await onDone(vraag ? 'De vraag is verstuurd; de melding wacht op reactie van de melder.' : 'Het bericht is verstuurd.', 'berichten-titel');
    },
    onError: (error) => showApiErrors(form, error),
  });
  if (GESLOTEN_STATUSSEN.includes(melding.status)) return <Paragraph>De melding is afgesloten; heropen haar om de melder een bericht te sturen.</Paragraph>;
  if (!melding.ontvangstcodeActief && !melding.contactAanwezig) return <Paragraph>De melder is niet bereikbaar: er is geen ontvangstcode of contactgegeven.</Paragraph>;
  return (
    <>
      <ErrorSummary form={form} />
      <form noValidate onSubmit={onSubmit}>
        <TextareaField
          {...field('tekst')}
          label="Bericht aan de melder"
          description="De melder leest het bericht met de ontvangstcode. Zet er geen gegevens van anderen in."
          required
          rows={3}
          maxLength={5000}
        />
        <CheckboxField
          id="bericht-reactie"
          label="Reactie gevraagd"
          description="De status wordt 'Wacht op reactie melder'. Zonder reactie binnen 5 werkdagen gaat de melding terug naar 'In behandeling'."
          checked={vraag}
          onChange={(e) => setVraag(e.currentTarget.checked)}
        />
        <SubmitButton busy={busy}>Bericht versturen</SubmitButton>
      </form>
    </>
  );
}

// ---------------------------------------------------------------- opnieuw routeren

const REROUTE_FIELDS: readonly FieldDefinition[] = [
  { name: 'categorie', label: 'Categorie' },
  { name: 'locatie', label: 'Adres', targetId: 'herrouteren-postcode' },
  { name: 'reden', label: 'Reden van de wijziging' },
];

export function RerouteForm({ melding, categorieen, onDone, onCancel }: { melding: MeldingDetail; categorieen: readonly Categorie[]; onDone: Done; onCancel: () => void }) {
  const form = useFormErrors('herrouteren', REROUTE_FIELDS);
  const initial = {
    categorie: melding.categorie.id,
    postcode: melding.locatie.postcode ?? '',
    huisnummer: melding.locatie.huisnummer !== null ? String(melding.locatie.huisnummer) : '',
    huisletter: melding.locatie.huisletter ?? '',
    huisnummertoevoeging: melding.locatie.huisnummertoevoeging ?? '',
    reden: '',
  };
  const { values, field } = useFieldValues(form, initial);
  const addressChanged =
    values.postcode.trim() !== initial.postcode ||
    values.huisnummer.trim() !== initial.huisnummer ||
    values.huisletter.trim() !== initial.huisletter ||
    values.huisnummertoevoeging.trim() !== initial.huisnummertoevoeging;
  const { busy, onSubmit } = useFormSubmit(form, {
    validate: () => {
      const errors: Record<string, string> = {};
      if (values.categorie === initial.categorie && !addressChanged) errors.categorie = 'Kies een andere categorie of wijzig het adres.';
      if (addressChanged && (!values.postcode.trim() || !values.huisnummer.trim())) errors.locatie = 'Vul postcode en huisnummer in.';
      if (values.reden.trim().length < 3) errors.reden = 'Geef een reden op (minstens 3 tekens).';
      return errors;
    },
    submit: async () => {
      await api.patch(meldingPath(melding.id), {
        reden: values.reden.trim(),
        ...(values.categorie !== initial.categorie ? { categorie: values.categorie } : {}),
        ...(addressChanged
          ? {
              locatie: {
                postcode: values.postcode.trim(),
                huisnummer: values.huisnummer.trim(),
                ...(values.huisletter.trim() ? { huisletter: values.huisletter.trim() } : {}),
                ...(values.huisnummertoevoeging.trim() ? { huisnummertoevoeging: values.huisnummertoevoeging.trim() } : {}),
              },
            }
          : {}),
      });
      await onDone('De melding is gewijzigd en opnieuw gerouteerd.', 'behandelen-routeren-titel');
    },
    onError: (error) => showApiErrors(form, error, (veld) => (veld.startsWith('locatie') ? 'locatie' : veld)),
  });
  useFocusOnMount(form.fieldId('categorie'));
  return (
    <ConfirmForm form={form} busy={busy} onSubmit={onSubmit} submitLabel="Wijzigen en opnieuw routeren" onCancel={onCancel}>
      <CategorySelectField {...field('categorie')} label="Categorie" categorieen={categorieen} kanaal={melding.kanaal} placeholder="Kies een categorie" required />
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset knooppunt-fieldset" aria-describedby={form.errorFor('locatie') ? 'herrouteren-locatie-fout' : undefined}>
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Adres</legend>
        {form.errorFor('locatie') ? (
          <div className="utrecht-form-field-error-message" id="herrouteren-locatie-fout">
            {form.errorFor('locatie')}
          </div>
        ) : null}
        <TextField {...field('postcode')} id="herrouteren-postcode" label="Postcode" autoComplete="off" maxLength={8} error={undefined} />
        <TextField {...field('huisnummer')} label="Huisnummer" inputMode="numeric" autoComplete="off" maxLength={6} error={undefined} />
        <TextField {...field('huisletter')} label="Huisletter" autoComplete="off" maxLength={1} error={undefined} />
        <TextField {...field('huisnummertoevoeging')} label="Toevoeging" autoComplete="off" maxLength={4} error={undefined} />
      </fieldset>
      <TextareaField {...field('reden')} label="Reden van de wijziging" required rows={2} maxLength={2000} />
    </ConfirmForm>
  );
}

// ---------------------------------------------------------------- contactgegevens

interface Contact {
  contact: { naam?: string; email?: string; telefoon?: string } | null;
  updatesPerMail: boolean;
}

export function ContactInzage({ melding }: { melding: MeldingDetail }) {
  const [open, setOpen] = useState(false);
  const [contact, setContact] = useState<Contact | null>(null);
  if (!melding.contactAanwezig) {
    return (
      <Paragraph>
        {melding.bron === 'niet-pluis' ? 'Dit is een melding van een medewerker; zie "Melder" hierboven.' : 'De melder heeft geen contactgegevens achtergelaten.'}
      </Paragraph>
    );
  }
  if (contact) {
    return (
      <>
        <FactList
          testId="contactgegevens"
          items={[
            ['Naam', contact.contact?.naam ?? ''],
            ['E-mailadres', contact.contact?.email ?? ''],
            ['Telefoon', contact.contact?.telefoon ?? ''],
            ['Berichten per e-mail', contact.updatesPerMail ? 'Ja' : 'Nee'],
          ]}
        />
        <Button
          id="contact-verbergen"
          onClick={() => {
            setContact(null);
            requestAnimationFrame(() => document.getElementById('contact-knop')?.focus());
          }}
        >
          Contactgegevens verbergen
        </Button>
      </>
    );
  }
  return (
    <>
      <Button id="contact-knop" aria-expanded={open} onClick={() => setOpen(!open)}>
        Contactgegevens inzien
      </Button>
      {open ? (
        <ReasonForm
          id="contact-inzage"
          label="Waarom heeft u de contactgegevens nodig?"
          description="Uw reden wordt met uw naam vastgelegd in de audittrail."
          submitLabel="Inzien"
          onCancel={() => {
            setOpen(false);
            requestAnimationFrame(() => document.getElementById('contact-knop')?.focus());
          }}
          onSubmit={async (reden) => {
            const result = await api.post<Contact>(meldingPath(melding.id, '/contactgegevens-inzage'), { reden });
            setOpen(false);
            setContact(result);
            requestAnimationFrame(() => document.getElementById('contact-verbergen')?.focus());
          }}
        />
      ) : null}
    </>
  );
}

// ---------------------------------------------------------------- bijlagen toevoegen

const FILE_FIELDS: readonly FieldDefinition[] = [{ name: 'bijlagen', label: 'Bestanden' }];

export function AttachmentUpload({ melding, onDone }: { melding: MeldingDetail; onDone: Done }) {
  const form = useFormErrors('bijlage-toevoegen', FILE_FIELDS);
  const [files, setFiles] = useState<File[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const { busy, onSubmit } = useFormSubmit(form, {
    validate: (): Record<string, string> => (files.length === 0 ? { bijlagen: 'Kies een of meer bestanden.' } : files.length > 3 ? { bijlagen: 'Maximaal 3 bestanden tegelijk.' } : {}),
    submit: async () => {
      await api.postForm<void>(meldingPath(melding.id, '/bijlagen'), multipart(null, files));
      setFiles([]);
      if (input.current) input.current.value = '';
      await onDone('De bijlagen zijn toegevoegd.', 'bijlagen-titel');
    },
    onError: (error) => showApiErrors(form, error, (veld) => (veld.startsWith('bijlagen') ? 'bijlagen' : veld)),
  });
  return (
    <>
      <Heading3>Bijlagen toevoegen</Heading3>
      <ErrorSummary form={form} />
      <form noValidate onSubmit={onSubmit}>
        <TextField
          ref={input}
          id={form.fieldId('bijlagen')}
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp,image/gif,application/pdf"
          label="Bestanden"
          description="Maximaal 3 foto's (JPEG, PNG, WebP, GIF) of PDF-bestanden, elk maximaal 10 MB."
          error={form.errorFor('bijlagen')}
          onChange={(e) => setFiles(e.currentTarget.files ? Array.from(e.currentTarget.files) : [])}
        />
        <SubmitButton busy={busy}>Toevoegen</SubmitButton>
      </form>
    </>
  );
}
