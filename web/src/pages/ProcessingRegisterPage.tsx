// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../api/client.js';
import type { Verwerkingsactiviteit } from '../api/types.js';
import { useApiGet } from '../api/useApi.js';
import { Alert, StatusMessage } from '../components/Alert.js';
import { Button } from '../components/Button.js';
import { ErrorSummary, requiredErrors, useFormErrors } from '../components/FormErrors.js';
import type { FieldDefinition } from '../components/FormErrors.js';
import { CheckboxField, TextareaField, TextField } from '../components/FormField.js';
import { LoadError } from '../components/LoadError.js';
import { Page } from '../components/Page.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../components/Table.js';
import { Heading2, Paragraph, VisuallyHidden } from '../components/Typography.js';
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
  const [values, setValues] = useState<TextValues>(initial);
  const [actief, setActief] = useState(activity?.actief ?? true);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (activity) headingRef.current?.focus();
  }, [activity]);

  const set = (name: keyof TextValues) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((prev) => ({ ...prev, [name]: value }));
  };

  // De API levert categorieën als tekst; een lijstvorm (oudere/toekomstige versie) blijft een lijst.
  const asOriginalShape = (text: string, original: string[] | string | undefined): string[] | string =>
    Array.isArray(original) ? textToList(text) : text.trim();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = requiredErrors(values, FIELDS, REQUIRED);
    if (Object.keys(errors).length > 0) {
      form.setClientErrors(errors);
      return;
    }
    form.clear();
    setBusy(true);
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
    try {
      if (activity) await api.put(`/verwerkingsactiviteiten/${encodeURIComponent(activity.id)}`, body);
      else await api.post('/verwerkingsactiviteiten', body);
      if (!activity) {
        setValues(initial);
        setActief(true);
      }
      onSaved(body.naam);
    } catch (error) {
      form.setError(error);
    } finally {
      setBusy(false);
    }
  };

  const headingId = `${formId}-titel`;
  return (
    <section aria-labelledby={headingId} className="knooppunt-section knooppunt-panel">
      <Heading2 id={headingId} ref={headingRef} tabIndex={-1}>
        {activity ? t('register.editTitle', { naam: activity.naam }) : t('register.addTitle')}
      </Heading2>
      <Paragraph>{t('app.requiredNote')}</Paragraph>
      <ErrorSummary form={form} />
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField id={form.fieldId('naam')} label={t('register.name')} required value={values.naam} onChange={set('naam')} error={form.errorFor('naam')} />
        <TextareaField id={form.fieldId('doel')} label={t('register.purpose')} required rows={3} value={values.doel} onChange={set('doel')} error={form.errorFor('doel')} />
        <TextField
          id={form.fieldId('grondslag')}
          label={t('register.basis')}
          required
          value={values.grondslag}
          onChange={set('grondslag')}
          error={form.errorFor('grondslag')}
        />
        <TextareaField
          id={form.fieldId('categorieenBetrokkenen')}
          label={t('register.subjects')}
          description={t('register.multiHint')}
          required
          rows={3}
          value={values.categorieenBetrokkenen}
          onChange={set('categorieenBetrokkenen')}
          error={form.errorFor('categorieenBetrokkenen')}
        />
        <TextareaField
          id={form.fieldId('categorieenGegevens')}
          label={t('register.data')}
          description={t('register.multiHint')}
          required
          rows={3}
          value={values.categorieenGegevens}
          onChange={set('categorieenGegevens')}
          error={form.errorFor('categorieenGegevens')}
        />
        <TextField
          id={form.fieldId('bewaartermijn')}
          label={t('register.retention')}
          required
          value={values.bewaartermijn}
          onChange={set('bewaartermijn')}
          error={form.errorFor('bewaartermijn')}
        />
        <TextField
          id={form.fieldId('verantwoordelijke')}
          label={t('register.controller')}
          required
          value={values.verantwoordelijke}
          onChange={set('verantwoordelijke')}
          error={form.errorFor('verantwoordelijke')}
        />
        <CheckboxField
          id={form.fieldId('actief')}
          label={t('register.activeLabel')}
          checked={actief}
          onChange={(event) => setActief(event.currentTarget.checked)}
        />
        <div className="knooppunt-button-group">
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {activity ? t('register.save') : t('register.add')}
          </Button>
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
      {register.loading && !register.data ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {register.data ? (
        list.length === 0 ? (
          <Paragraph>{t('register.empty')}</Paragraph>
        ) : (
          <Table caption={t('register.caption')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('register.name')}</TableHeaderCell>
                <TableHeaderCell>{t('register.purpose')}</TableHeaderCell>
                <TableHeaderCell>{t('register.basis')}</TableHeaderCell>
                <TableHeaderCell>{t('register.subjects')}</TableHeaderCell>
                <TableHeaderCell>{t('register.data')}</TableHeaderCell>
                <TableHeaderCell>{t('register.retention')}</TableHeaderCell>
                <TableHeaderCell>{t('register.controller')}</TableHeaderCell>
                <TableHeaderCell>{t('register.active')}</TableHeaderCell>
                {canEdit ? <TableHeaderCell>{t('register.actions')}</TableHeaderCell> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
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
            </TableBody>
          </Table>
        )
      ) : null}
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
