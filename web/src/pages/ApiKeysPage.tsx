// SPDX-License-Identifier: EUPL-1.2
import { Fragment, useState } from 'react';
import { api } from '../api/client.js';
import { ALLE_SCOPES } from '../api/types.js';
import type { ApiSleutel, Organisatie } from '../api/types.js';
import { useApiGet } from '../api/useApi.js';
import { StatusMessage } from '../components/Alert.js';
import { Button, SubmitButton } from '../components/Button.js';
import { OneTimeSecretAlert } from '../components/CodeList.js';
import { ConfirmRow } from '../components/Confirm.js';
import { ErrorSummary, requiredErrors, useFormErrors } from '../components/FormErrors.js';
import type { FieldDefinition } from '../components/FormErrors.js';
import { CheckboxGroup, SelectField, TextField } from '../components/FormField.js';
import { LoadError } from '../components/LoadError.js';
import { Page } from '../components/Page.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { ListTable } from '../components/ListTable.js';
import { TableCell, TableHeaderCell, TableRow } from '../components/Table.js';
import { Code, Heading2, Paragraph, VisuallyHidden } from '../components/Typography.js';
import { useConfirmedAction } from '../components/useConfirmedAction.js';
import { useFormSubmit } from '../components/useForm.js';
import { formatDateTime } from '../format.js';
import { t, tMaybe } from '../i18n/t.js';

const FIELDS: readonly FieldDefinition[] = [
  { name: 'naam', label: t('keys.name') },
  { name: 'scopes', label: t('keys.scopesLegend'), targetId: 'api-sleutel-nieuw-scopes-eerste' },
  { name: 'organisatieId', label: t('keys.organisationOptional') },
];

const scopeOptions = ALLE_SCOPES.map((scope) => ({ value: scope, label: `${tMaybe(`scope.${scope}`, scope)} (${scope})` }));

function AddKeyForm({ organisations, onCreated }: { organisations: Organisatie[]; onCreated: () => void }) {
  const form = useFormErrors('api-sleutel-nieuw', FIELDS);
  const [naam, setNaam] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [organisatieId, setOrganisatieId] = useState('');
  const [created, setCreated] = useState<{ naam: string; sleutel: string } | null>(null);

  const { busy, onSubmit } = useFormSubmit(form, {
    validate: () => {
      const errors = requiredErrors({ naam }, FIELDS, ['naam']);
      if (scopes.length === 0) errors['scopes'] = t('error.chooseOne', { veld: 'scope' });
      return errors;
    },
    submit: async () => {
      const body: { naam: string; scopes: string[]; organisatieId?: string } = { naam: naam.trim(), scopes };
      if (organisatieId) body.organisatieId = organisatieId;
      const result = await api.post<{ apiSleutel: ApiSleutel; sleutel: string }>('/api-sleutels', body);
      setCreated({ naam: result.apiSleutel.naam, sleutel: result.sleutel });
      setNaam('');
      setScopes([]);
      setOrganisatieId('');
      onCreated();
    },
  });

  return (
    <section aria-labelledby="api-sleutel-nieuw-titel" className="knooppunt-section">
      <Heading2 id="api-sleutel-nieuw-titel">{t('keys.addTitle')}</Heading2>
      {created ? (
        <OneTimeSecretAlert
          title={created.naam}
          warning={t('keys.newKeyWarning')}
          label={t('keys.newKeyLabel')}
          value={created.sleutel}
          testId="nieuwe-api-sleutel"
          doneLabel={t('keys.newKeyDone')}
          onDone={() => setCreated(null)}
        />
      ) : null}
      <Paragraph>{t('app.requiredNote')}</Paragraph>
      <ErrorSummary form={form} />
      <form noValidate onSubmit={onSubmit}>
        <TextField
          id={form.fieldId('naam')}
          label={t('keys.name')}
          autoComplete="off"
          required
          value={naam}
          onChange={(event) => setNaam(event.currentTarget.value)}
          error={form.errorFor('naam')}
        />
        <CheckboxGroup
          id="api-sleutel-nieuw-scopes"
          legend={t('keys.scopesLegend')}
          required
          options={scopeOptions}
          value={scopes}
          onChange={setScopes}
          error={form.errorFor('scopes')}
        />
        <SelectField
          id={form.fieldId('organisatieId')}
          label={t('keys.organisationOptional')}
          description={t('keys.organisationHint')}
          placeholder={t('keys.ownOrganisation')}
          options={organisations.map((o) => ({ value: o.id, label: `${o.naam} (${o.code})` }))}
          value={organisatieId}
          onChange={(event) => setOrganisatieId(event.currentTarget.value)}
          error={form.errorFor('organisatieId')}
        />
        <SubmitButton busy={busy}>{t('keys.addSubmit')}</SubmitButton>
      </form>
    </section>
  );
}

export function ApiKeysPage() {
  const keys = useApiGet<{ apiSleutels: ApiSleutel[] }>('/api-sleutels');
  const organisations = useApiGet<{ organisaties: Organisatie[] }>('/organisaties');
  const revoke = useConfirmedAction<ApiSleutel>('api-sleutel-actie', {
    returnFocusId: (key) => `api-sleutel-${key.id}-intrekken`,
    successFocusId: () => 'api-sleutels-titel',
    perform: async (key) => {
      await api.delete(`/api-sleutels/${encodeURIComponent(key.id)}`);
      await keys.reload();
      return t('keys.revoked', { naam: key.naam });
    },
  });

  const list = keys.data?.apiSleutels ?? [];

  return (
    <Page title={t('keys.title')}>
      <Paragraph>{t('keys.intro')}</Paragraph>
      <StatusMessage message={revoke.message} testId="actie-resultaat" />
      <ErrorSummary form={revoke.errors} />
      <LoadError error={keys.error} />
      <Heading2 id="api-sleutels-titel" tabIndex={-1} className="knooppunt-visually-hidden">
        {t('keys.caption')}
      </Heading2>
      <ListTable
        loading={keys.loading}
        items={keys.data?.apiSleutels ?? null}
        empty={t('keys.empty')}
        caption={t('keys.caption')}
        columns={[
          t('keys.name'),
          t('keys.prefix'),
          t('keys.scopes'),
          t('keys.organisation'),
          t('keys.created'),
          t('keys.lastUsed'),
          t('keys.status'),
          t('keys.actions'),
        ]}
      >
        {list.map((key) => (
          <Fragment key={key.id}>
            <TableRow>
              <TableHeaderCell scope="row">{key.naam}</TableHeaderCell>
              <TableCell>
                <Code>{key.prefix}…</Code>
              </TableCell>
              <TableCell>{key.scopes.join(', ')}</TableCell>
              <TableCell>{key.organisatie?.naam ?? ''}</TableCell>
              <TableCell>{formatDateTime(key.aangemaaktOp)}</TableCell>
              <TableCell>{key.laatstGebruiktOp ? formatDateTime(key.laatstGebruiktOp) : t('keys.neverUsed')}</TableCell>
              <TableCell>
                {key.ingetrokkenOp ? (
                  <StatusBadge status="danger">{t('keys.statusRevoked', { datum: formatDateTime(key.ingetrokkenOp) })}</StatusBadge>
                ) : (
                  <StatusBadge status="success">{t('keys.statusActive')}</StatusBadge>
                )}
              </TableCell>
              <TableCell>
                {key.ingetrokkenOp ? null : (
                  <Button
                    id={`api-sleutel-${key.id}-intrekken`}
                    appearance="secondary-action-button"
                    hint="danger"
                    onClick={() => revoke.ask(key)}
                  >
                    {t('keys.revoke')}
                    <VisuallyHidden> {key.naam}</VisuallyHidden>
                  </Button>
                )}
              </TableCell>
            </TableRow>
            {revoke.pending?.id === key.id ? (
              <ConfirmRow
                colSpan={8}
                id={`bevestig-${key.id}`}
                question={t('keys.confirmRevoke', { naam: key.naam })}
                confirmLabel={t('keys.confirmYesRevoke')}
                onConfirm={revoke.confirm}
                onCancel={revoke.cancel}
                busy={revoke.busy}
                danger
              />
            ) : null}
          </Fragment>
        ))}
      </ListTable>
      <AddKeyForm organisations={organisations.data?.organisaties ?? []} onCreated={() => void keys.reload()} />
    </Page>
  );
}
