// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client.js';
import type { Verwerkingsactiviteit } from '../api/types.js';
import { useApiGet } from '../api/useApi.js';
import { Alert, StatusMessage } from '../components/Alert.js';
import { Button, SubmitButton } from '../components/Button.js';
import { ErrorSummary, requiredErrors, useFormErrors } from '../components/FormErrors.js';
import type { FieldDefinition } from '../components/FormErrors.js';
import { CheckboxField, TextareaField, TextField } from '../components/FormField.js';
import { LoadError } from '../components/LoadError.js';
import { Page } from '../components/Page.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { ListTable } from '../components/ListTable.js';
import { TableCell, TableHeaderCell, TableRow } from '../components/Table.js';
import { Heading2, Paragraph, VisuallyHidden } from '../components/Typography.js';
import { useFieldValues, useFormSubmit } from '../components/useForm.js';
import { t } from '../i18n/t.js';
import { useSession } from '../session/SessionContext.js';

const FIELDS: readonly FieldDefinition[] = [
  { name: 'naam', label: t('register.name') },
  { name: 'doel', label: t('register.purpose') },
  { name: 'grondslag', label: t('register.basis') },
  { name: 'categorieenBetrokkenen', label: t('register.subjects') },
  { name: 'categorieenGegevens', label: t('register.data') },
  { name: 'bewaartermijn', label: t('register.retention') },
  { name: 'verantwoordelijke', label: t('register.controller') },
  { name: 'actief', label: t('register.active') },
];

const REQUIRED = ['naam', 'doel', 'grondslag', 'categorieenBetrokkenen', 'categorieenGegevens', 'bewaartermijn', 'verantwoordelijke'];

type TextValues = Record<
  'naam' | 'doel' | 'grondslag' | 'categorieenBetrokkenen' | 'categorieenGegevens' | 'bewaartermijn' | 'verantwoordelijke',
  string
>;

function listToText(value: string[] | string): string {
  return Array.isArray(value) ? value.join('\n') : value;
}

function textToList(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function displayList(value: string[] | string): string {
  return Array.isArray(value) ? value.join(', ') : value;
}

function ActivityForm({
  activity,
  onSaved,
  onCancel,
}: {
  activity: Verwerkingsactiviteit | null;
  onSaved: (naam: string) => void;
  onCancel?: () => void;
}) {
  const formId = activity ? `verwerking-${activity.id}` : 'verwerking-nieuw';
  const form = useFormErrors(formId, FIELDS);
  const initial: TextValues = {
    naam: activity?.naam ?? '',
    doel: activity?.doel ?? '',
    grondslag: activity?.grondslag ?? '',
    categorieenBetrokkenen: activity ? listToText(activity.categorieenBetrokkenen) : '',
    categorieenGegevens: activity ? listToText(activity.categorieenGegevens) : '',
    bewaartermijn: activity?.bewaartermijn ?? '',
    verantwoordelijke: activity?.verantwoordelijke ?? '',
  };
  const { values, setValues, field } = useFieldValues(form, initial);
  const [actief, setActief] = useState(activity?.actief ?? true);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (activity) headingRef.current?.focus();
  }, [activity]);

  // De API levert categorieën als tekst; een lijstvorm (oudere/toekomstige versie) blijft een lijst.
  const asOriginalShape = (text: string, original: string[] | string | undefined): string[] | string =>
    Array.isArray(original) ? textToList(text) : text.trim();

  const { busy, onSubmit } = useFormSubmit(form, {
    validate: () => requiredErrors(values, FIELDS, REQUIRED),
    submit: async () => {
      const body = {
        naam: values.naam.trim(),
        doel: values.doel.trim(),
        grondslag: values.grondslag.trim(),
        categorieenBetrokkenen: asOriginalShape(values.categorieenBetrokkenen, activity?.categorieenBetrokkenen),
        categorieenGegevens: asOriginalShape(values.categorieenGegevens, activity?.categorieenGegevens),
        bewaartermijn: values.bewaartermijn.trim(),
        verantwoordelijke: values.verantwoordelijke.trim(),
        actief,
      };
      if (activity) await api.put(`/verwerkingsactiviteiten/${encodeURIComponent(activity.id)}`, body);
      else await api.post('/verwerkingsactiviteiten', body);
      if (!activity) {
        setValues(initial);
        setActief(true);
      }
      onSaved(body.naam);
    },
  });

  const headingId = `${formId}-titel`;
  return (
    <section aria-labelledby={headingId} className="knooppunt-section knooppunt-panel">
      <Heading2 id={headingId} ref={headingRef} tabIndex={-1}>
        {activity ? t('register.editTitle', { naam: activity.naam }) : t('register.addTitle')}
      </Heading2>
      <Paragraph>{t('app.requiredNote')}</Paragraph>
      <ErrorSummary form={form} />
      <form noValidate onSubmit={onSubmit}>
        <TextField {...field('naam')} label={t('register.name')} required />
        <TextareaField {...field('doel')} label={t('register.purpose')} required rows={3} />
        <TextField
          {...field('grondslag')}
          label={t('register.basis')}
          required
        />
        <TextareaField
          {...field('categorieenBetrokkenen')}
          label={t('register.subjects')}
          description={t('register.multiHint')}
          required
          rows={3}
        />
        <TextareaField
          {...field('categorieenGegevens')}
          label={t('register.data')}
          description={t('register.multiHint')}
          required
          rows={3}
        />
        <TextField
          {...field('bewaartermijn')}
          label={t('register.retention')}
          required
        />
        <TextField
          {...field('verantwoordelijke')}
          label={t('register.controller')}
          required
        />
        <CheckboxField
          id={form.fieldId('actief')}
          label={t('register.activeLabel')}
          checked={actief}
          onChange={(event) => setActief(event.currentTarget.checked)}
        />
        <div className="knooppunt-button-group">
          <SubmitButton busy={busy}>{activity ? t('register.save') : t('register.add')}</SubmitButton>
          {onCancel ? (
            <Button appearance="secondary-action-button" onClick={onCancel}>
              {t('app.cancel')}
            </Button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

export function ProcessingRegisterPage() {
  const { hasRecht } = useSession();
  const canEdit = hasRecht('verwerkingsregister:beheren');
  const register = useApiGet<{ verwerkingsactiviteiten: Verwerkingsactiviteit[] }>('/verwerkingsactiviteiten');
  const [editing, setEditing] = useState<Verwerkingsactiviteit | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const list = register.data?.verwerkingsactiviteiten ?? [];

  const onSaved = (naam: string) => {
    const previous = editing;
    setEditing(null);
    setMessage(t('register.saved', { naam }));
    void register.reload().then(() => {
      if (previous) document.getElementById(`verwerking-${previous.id}-wijzigen`)?.focus();
    });
  };

  return (
    <Page title={t('register.title')}>
      <Paragraph>{t('register.intro')}</Paragraph>
      {!canEdit ? (
        <Alert type="info">
          <p className="utrecht-paragraph">{t('register.readOnly')}</p>
        </Alert>
      ) : null}
      <StatusMessage message={message} testId="actie-resultaat" />
      <LoadError error={register.error} />
      <ListTable
        loading={register.loading}
        items={register.data?.verwerkingsactiviteiten ?? null}
        empty={t('register.empty')}
        caption={t('register.caption')}
        columns={[
          t('register.name'),
          t('register.purpose'),
          t('register.basis'),
          t('register.subjects'),
          t('register.data'),
          t('register.retention'),
          t('register.controller'),
          t('register.active'),
          ...(canEdit ? [t('register.actions')] : []),
        ]}
      >
        {list.map((activity) => (
          <TableRow key={activity.id}>
            <TableHeaderCell scope="row">{activity.naam}</TableHeaderCell>
            <TableCell>{activity.doel}</TableCell>
            <TableCell>{activity.grondslag}</TableCell>
            <TableCell>{displayList(activity.categorieenBetrokkenen)}</TableCell>
            <TableCell>{displayList(activity.categorieenGegevens)}</TableCell>
            <TableCell>{activity.bewaartermijn}</TableCell>
            <TableCell>{activity.verantwoordelijke}</TableCell>
            <TableCell>
              <StatusBadge status={activity.actief ? 'success' : 'neutral'}>{activity.actief ? t('app.yes') : t('app.no')}</StatusBadge>
            </TableCell>
            {canEdit ? (
              <TableCell>
                <Button
                  id={`verwerking-${activity.id}-wijzigen`}
                  appearance="secondary-action-button"
                  onClick={() => {
                    setMessage(null);
                    setEditing(activity);
                  }}
                >
                  {t('register.edit')}
                  <VisuallyHidden> {activity.naam}</VisuallyHidden>
                </Button>
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </ListTable>
      {canEdit && editing ? (
        <ActivityForm
          key={editing.id}
          activity={editing}
          onSaved={onSaved}
          onCancel={() => {
            const id = editing.id;
            setEditing(null);
            requestAnimationFrame(() => document.getElementById(`verwerking-${id}-wijzigen`)?.focus());
          }}
        />
      ) : null}
      {canEdit ? <ActivityForm key="nieuw" activity={null} onSaved={onSaved} /> : null}
    </Page>
  );
}
