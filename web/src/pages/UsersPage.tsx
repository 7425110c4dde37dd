// SPDX-License-Identifier: EUPL-1.2
import { Fragment, useState } from 'react';
import { api } from '../api/client.js';
import { ALLE_ROLLEN } from '../api/types.js';
import type { Gebruiker, Organisatie, Rol } from '../api/types.js';
import { useApiGet } from '../api/useApi.js';
import { StatusMessage } from '../components/Alert.js';
import { Button, SubmitButton } from '../components/Button.js';
import { OneTimeSecretAlert } from '../components/CodeList.js';
import { ConfirmRow } from '../components/Confirm.js';
import { checkEmail, ErrorSummary, requiredErrors, useFormErrors } from '../components/FormErrors.js';
import type { FieldDefinition } from '../components/FormErrors.js';
import { CheckboxGroup, SelectField, TextField } from '../components/FormField.js';
import { LoadError } from '../components/LoadError.js';
import { Page } from '../components/Page.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { ListTable } from '../components/ListTable.js';
import { TableCell, TableHeaderCell, TableRow } from '../components/Table.js';
import { Heading2, Paragraph, VisuallyHidden } from '../components/Typography.js';
import { useConfirmedAction } from '../components/useConfirmedAction.js';
import { useFieldValues, useFormSubmit } from '../components/useForm.js';
import { formatDateTime } from '../format.js';
import { t, tMaybe } from '../i18n/t.js';
import { useActiveSession } from '../session/SessionContext.js';

type ActionKind = 'actief' | 'mfa' | 'sessies';

interface PendingAction {
  user: Gebruiker;
  kind: ActionKind;
}

const FIELDS: readonly FieldDefinition[] = [
  { name: 'gebruikersnaam', label: t('users.username') },
  { name: 'naam', label: t('users.name') },
  { name: 'email', label: t('users.email') },
  { name: 'organisatieId', label: t('users.organisation') },
  { name: 'rollen', label: t('users.rolesLegend'), targetId: 'gebruiker-nieuw-rollen-eerste' },
];

const roleOptions = ALLE_ROLLEN.map((rol) => ({ value: rol, label: tMaybe(`role.${rol}`, rol) }));

function buttonId(user: Gebruiker, kind: ActionKind): string {
  return `gebruiker-${user.id}-${kind}`;
}

function AddUserForm({ organisations, onCreated }: { organisations: Organisatie[]; onCreated: () => void }) {
  const session = useActiveSession();
  const form = useFormErrors('gebruiker-nieuw', FIELDS);
  const empty = { gebruikersnaam: '', naam: '', email: '', organisatieId: '' };
  const { values, setValues, field } = useFieldValues(form, empty);
  const [rollen, setRollen] = useState<string[]>([]);
  const [created, setCreated] = useState<{ gebruikersnaam: string; wachtwoord: string } | null>(null);

  const options = organisations.length > 0 ? organisations : [session.organisatie];

  const { busy, onSubmit } = useFormSubmit(form, {
    validate: () => {
      const errors = requiredErrors(values, FIELDS, ['gebruikersnaam', 'naam', 'email', 'organisatieId']);
      checkEmail(errors, 'email', values.email);
      if (rollen.length === 0) errors['rollen'] = t('error.chooseOne', { veld: 'rol' });
      return errors;
    },
    submit: async () => {
      const result = await api.post<{ gebruiker: Gebruiker; tijdelijkWachtwoord: string }>('/gebruikers', {
        gebruikersnaam: values.gebruikersnaam.trim(),
        naam: values.naam.trim(),
        email: values.email.trim(),
        organisatieId: values.organisatieId,
        rollen: rollen as Rol[],
      });
      setCreated({ gebruikersnaam: result.gebruiker.gebruikersnaam, wachtwoord: result.tijdelijkWachtwoord });
      setValues(empty);
      setRollen([]);
      onCreated();
    },
  });

  return (
    <section aria-labelledby="gebruiker-nieuw-titel" className="knooppunt-section">
      <Heading2 id="gebruiker-nieuw-titel">{t('users.addTitle')}</Heading2>
      {created ? (
        <OneTimeSecretAlert
          title={t('users.created', { gebruikersnaam: created.gebruikersnaam })}
          warning={t('users.tempPasswordWarning')}
          label={t('users.tempPasswordLabel')}
          value={created.wachtwoord}
          testId="tijdelijk-wachtwoord"
          doneLabel={t('users.tempPasswordDone')}
          onDone={() => setCreated(null)}
        />
      ) : null}
      <Paragraph>{t('app.requiredNote')}</Paragraph>
      <ErrorSummary form={form} />
      <form noValidate onSubmit={onSubmit}>
        <TextField
          {...field('gebruikersnaam')}
          label={t('users.username')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <TextField
          {...field('naam')}
          label={t('users.name')}
          autoComplete="off"
          required
        />
        <TextField
          {...field('email')}
          type="email"
          label={t('users.email')}
          autoComplete="off"
          required
        />
        <SelectField
          {...field('organisatieId')}
          label={t('users.organisation')}
          required
          placeholder={t('users.chooseOrganisation')}
          options={options.map((o) => ({ value: o.id, label: `${o.naam} (${o.code})` }))}
        />
        <CheckboxGroup
          id="gebruiker-nieuw-rollen"
          legend={t('users.rolesLegend')}
          required
          options={roleOptions}
          value={rollen}
          onChange={setRollen}
          error={form.errorFor('rollen')}
        />
        <SubmitButton busy={busy}>{t('users.addSubmit')}</SubmitButton>
      </form>
    </section>
  );
}

export function UsersPage() {
  const users = useApiGet<{ gebruikers: Gebruiker[] }>('/gebruikers');
  const organisations = useApiGet<{ organisaties: Organisatie[] }>('/organisaties');
  const action = useConfirmedAction<PendingAction>('gebruiker-actie', {
    returnFocusId: ({ user, kind }) => buttonId(user, kind),
    perform: async ({ user, kind }) => {
      const path = `/gebruikers/${encodeURIComponent(user.id)}`;
      let text: string;
      if (kind === 'actief') {
        await api.patch<Gebruiker>(path, { actief: !user.actief });
        text = t(user.actief ? 'users.blocked' : 'users.unblocked', { naam: user.naam });
      } else if (kind === 'mfa') {
        await api.post(`${path}/mfa-herstel`);
        text = t('users.mfaReset', { naam: user.naam });
      } else {
        await api.delete(`${path}/sessies`);
        text = t('users.sessionsEnded', { naam: user.naam });
      }
      await users.reload();
      return text;
    },
  });
  const { pending } = action;
  const ask = (user: Gebruiker, kind: ActionKind) => action.ask({ user, kind });

  const question = (action: PendingAction): string => {
    const naam = action.user.naam;
    if (action.kind === 'actief') return t(action.user.actief ? 'users.confirmBlock' : 'users.confirmUnblock', { naam });
    if (action.kind === 'mfa') return t('users.confirmResetMfa', { naam });
    return t('users.confirmEndSessions', { naam });
  };

  const confirmLabel = (action: PendingAction): string => {
    if (action.kind === 'actief') return action.user.actief ? t('users.confirmYesBlock') : t('users.confirmYesUnblock');
    if (action.kind === 'mfa') return t('users.confirmYesResetMfa');
    return t('users.confirmYesEndSessions');
  };

  const list = users.data?.gebruikers ?? [];

  return (
    <Page title={t('users.title')}>
      <StatusMessage message={action.message} testId="actie-resultaat" />
      <ErrorSummary form={action.errors} />
      <LoadError error={users.error} />
      <ListTable
        loading={users.loading}
        items={users.data?.gebruikers ?? null}
        empty={t('users.empty')}
        caption={t('users.caption')}
        columns={[
          t('users.username'),
          t('users.name'),
          t('users.organisation'),
          t('users.roles'),
          t('users.active'),
          t('users.mfa'),
          t('users.lastLogin'),
          t('users.actions'),
        ]}
      >
        {list.map((user) => (
          <Fragment key={user.id}>
            <TableRow>
              <TableHeaderCell scope="row">{user.gebruikersnaam}</TableHeaderCell>
              <TableCell>{user.naam}</TableCell>
              <TableCell>{user.organisatie.naam}</TableCell>
              <TableCell>{user.rollen.map((rol) => tMaybe(`role.${rol}`, rol)).join(', ') || t('app.none')}</TableCell>
              <TableCell>
                <StatusBadge status={user.actief ? 'success' : 'danger'}>
                  {user.actief ? t('users.statusActive') : t('users.statusBlocked')}
                </StatusBadge>
              </TableCell>
              <TableCell>
                <StatusBadge status={user.mfaIngeschreven ? 'success' : 'warning'}>
                  {user.mfaIngeschreven ? t('users.mfaYes') : t('users.mfaNo')}
                </StatusBadge>
              </TableCell>
              <TableCell>{user.laatstIngelogdOp ? formatDateTime(user.laatstIngelogdOp) : t('app.never')}</TableCell>
              <TableCell>
                <div className="knooppunt-row-actions">
                  <Button
                    id={buttonId(user, 'actief')}
                    appearance="secondary-action-button"
                    hint={user.actief ? 'danger' : undefined}
                    aria-expanded={pending?.user.id === user.id && pending.kind === 'actief'}
                    onClick={() => ask(user, 'actief')}
                  >
                    {user.actief ? t('users.block') : t('users.unblock')}
                    <VisuallyHidden> {user.gebruikersnaam}</VisuallyHidden>
                  </Button>
                  <Button
                    id={buttonId(user, 'mfa')}
                    appearance="secondary-action-button"
                    aria-expanded={pending?.user.id === user.id && pending.kind === 'mfa'}
                    onClick={() => ask(user, 'mfa')}
                  >
                    {t('users.resetMfa')}
                    <VisuallyHidden> {user.gebruikersnaam}</VisuallyHidden>
                  </Button>
                  <Button
                    id={buttonId(user, 'sessies')}
                    appearance="secondary-action-button"
                    aria-expanded={pending?.user.id === user.id && pending.kind === 'sessies'}
                    onClick={() => ask(user, 'sessies')}
                  >
                    {t('users.endSessions')}
                    <VisuallyHidden> {user.gebruikersnaam}</VisuallyHidden>
                  </Button>
                </div>
              </TableCell>
            </TableRow>
            {pending?.user.id === user.id ? (
              <ConfirmRow
                colSpan={8}
                id={`bevestig-${user.id}`}
                question={question(pending)}
                confirmLabel={confirmLabel(pending)}
                onConfirm={action.confirm}
                onCancel={action.cancel}
                busy={action.busy}
                danger={pending.kind !== 'actief' || user.actief}
              />
            ) : null}
          </Fragment>
        ))}
      </ListTable>
      <AddUserForm organisations={organisations.data?.organisaties ?? []} onCreated={() => void users.reload()} />
    </Page>
  );
}
