// SPDX-License-Identifier: EUPL-1.2
import { Fragment, useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../api/client.js';
import { ALLE_SCOPES } from '../api/types.js';
import type { ApiSleutel, Organisatie } from '../api/types.js';
import { useApiGet } from '../api/useApi.js';
import { Alert, StatusMessage } from '../components/Alert.js';
import { Button } from '../components/Button.js';
import { SecretValue } from '../components/CodeList.js';
import { ConfirmPanel } from '../components/Confirm.js';
import { ErrorSummary, NO_FIELDS, requiredErrors, useFormErrors } from '../components/FormErrors.js';
import type { FieldDefinition } from '../components/FormErrors.js';
import { CheckboxGroup, SelectField, TextField } from '../components/FormField.js';
import { LoadError } from '../components/LoadError.js';
import { Page } from '../components/Page.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../components/Table.js';
import { Code, Heading2, Paragraph, VisuallyHidden } from '../components/Typography.js';
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
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ naam: string; sleutel: string } | null>(null);
  const createdRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (created) createdRef.current?.focus();
  }, [created]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = requiredErrors({ naam }, FIELDS, ['naam']);
    if (scopes.length === 0) errors['scopes'] = t('error.chooseOne', { veld: 'scope' });
    if (Object.keys(errors).length > 0) {
      form.setClientErrors(errors);
      return;
    }
    form.clear();
    setBusy(true);
    try {
      const body: { naam: string; scopes: string[]; organisatieId?: string } = { naam: naam.trim(), scopes };
      if (organisatieId) body.organisatieId = organisatieId;
      const result = await api.post<{ apiSleutel: ApiSleutel; sleutel: string }>('/api-sleutels', body);
      setCreated({ naam: result.apiSleutel.naam, sleutel: result.sleutel });
      setNaam('');
      setScopes([]);
      setOrganisatieId('');
      onCreated();
    } catch (error) {
      form.setError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="api-sleutel-nieuw-titel" className="knooppunt-section">
      <Heading2 id="api-sleutel-nieuw-titel">{t('keys.addTitle')}</Heading2>
      {created ? (
        <Alert type="warning" focusable ref={createdRef} role="status">
          <p className="utrecht-paragraph knooppunt-alert__title">{created.naam}</p>
          <p className="utrecht-paragraph">{t('keys.newKeyWarning')}</p>
          <SecretValue label={t('keys.newKeyLabel')} value={created.sleutel} testId="nieuwe-api-sleutel" />
          <Button appearance="secondary-action-button" onClick={() => setCreated(null)}>
            {t('keys.newKeyDone')}
          </Button>
        </Alert>
      ) : null}
      <Paragraph>{t('app.requiredNote')}</Paragraph>
      <ErrorSummary form={form} />
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
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
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('keys.addSubmit')}
        </Button>
      </form>
    </section>
  );
}

export function ApiKeysPage() {
  const keys = useApiGet<{ apiSleutels: ApiSleutel[] }>('/api-sleutels');
  const organisations = useApiGet<{ organisaties: Organisatie[] }>('/organisaties');
  const actionErrors = useFormErrors('api-sleutel-actie', NO_FIELDS);
  const [pending, setPending] = useState<ApiSleutel | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const focusAfter = useRef<string | null>(null);

  useEffect(() => {
    if (!pending && focusAfter.current) {
      document.getElementById(focusAfter.current)?.focus();
      focusAfter.current = null;
    }
  });

  const confirm = async () => {
    if (!pending) return;
    const key = pending;
    setBusy(true);
    try {
      await api.delete(`/api-sleutels/${encodeURIComponent(key.id)}`);
      await keys.reload();
      focusAfter.current = 'api-sleutels-titel';
      setPending(null);
      setMessage(t('keys.revoked', { naam: key.naam }));
    } catch (error) {
      focusAfter.current = `api-sleutel-${key.id}-intrekken`;
      setPending(null);
      actionErrors.setError(error);
    } finally {
      setBusy(false);
    }
  };

  const list = keys.data?.apiSleutels ?? [];

  return (
    <Page title={t('keys.title')}>
      <Paragraph>{t('keys.intro')}</Paragraph>
      <StatusMessage message={message} testId="actie-resultaat" />
      <ErrorSummary form={actionErrors} />
      <LoadError error={keys.error} />
      <Heading2 id="api-sleutels-titel" tabIndex={-1} className="knooppunt-visually-hidden">
        {t('keys.caption')}
      </Heading2>
      {keys.loading && !keys.data ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {keys.data ? (
        list.length === 0 ? (
          <Paragraph>{t('keys.empty')}</Paragraph>
        ) : (
          <Table caption={t('keys.caption')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('keys.name')}</TableHeaderCell>
                <TableHeaderCell>{t('keys.prefix')}</TableHeaderCell>
                <TableHeaderCell>{t('keys.scopes')}</TableHeaderCell>
                <TableHeaderCell>{t('keys.organisation')}</TableHeaderCell>
                <TableHeaderCell>{t('keys.created')}</TableHeaderCell>
                <TableHeaderCell>{t('keys.lastUsed')}</TableHeaderCell>
                <TableHeaderCell>{t('keys.status')}</TableHeaderCell>
                <TableHeaderCell>{t('keys.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
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
                          onClick={() => {
                            setMessage(null);
                            actionErrors.clear();
                            setPending(key);
                          }}
                        >
                          {t('keys.revoke')}
                          <VisuallyHidden> {key.naam}</VisuallyHidden>
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                  {pending?.id === key.id ? (
                    <TableRow>
                      <TableCell colSpan={8}>
                        <ConfirmPanel
                          id={`bevestig-${key.id}`}
                          question={t('keys.confirmRevoke', { naam: key.naam })}
                          confirmLabel={t('keys.confirmYesRevoke')}
                          onConfirm={() => void confirm()}
                          onCancel={() => {
                            focusAfter.current = `api-sleutel-${key.id}-intrekken`;
                            setPending(null);
                          }}
                          busy={busy}
                          danger
                        />
                      </TableCell>
                    </TableRow>
                  ) : null}
                </Fragment>
              ))}
            </TableBody>
          </Table>
        )
      ) : null}
      <AddKeyForm organisations={organisations.data?.organisaties ?? []} onCreated={() => void keys.reload()} />
    </Page>
  );
}
