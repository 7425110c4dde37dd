// SPDX-License-Identifier: EUPL-1.2
import { Fragment, useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../api/client.js';
import { ALLE_ROLLEN } from '../api/types.js';
import type { Gebruiker, Organisatie, Rol } from '../api/types.js';
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
import { Heading2, Paragraph, VisuallyHidden } from '../components/Typography.js';
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
  const [values, setValues] = useState(empty);
  const [rollen, setRollen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ gebruikersnaam: string; wachtwoord: string } | null>(null);
  const createdRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (created) createdRef.current?.focus();
  }, [created]);

  const options = organisations.length > 0 ? organisations : [session.organisatie];

  const set = (name: keyof typeof empty) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((prev) => ({ ...prev, [name]: value }));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = requiredErrors(values, FIELDS, ['gebruikersnaam', 'naam', 'email', 'organisatieId']);
    if (!errors['email'] && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) errors['email'] = t('error.email');
    if (rollen.length === 0) errors['rollen'] = t('error.chooseOne', { veld: 'rol' });
    if (Object.keys(errors).length > 0) {
      form.setClientErrors(errors);
      return;
    }
    form.clear();
    setBusy(true);
    try {
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
    } catch (error) {
      form.setError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="gebruiker-nieuw-titel" className="knooppunt-section">
      <Heading2 id="gebruiker-nieuw-titel">{t('users.addTitle')}</Heading2>
      {created ? (
        <Alert type="warning" focusable ref={createdRef} role="status">
          <p className="utrecht-paragraph knooppunt-alert__title">{t('users.created', { gebruikersnaam: created.gebruikersnaam })}</p>
          <p className="utrecht-paragraph">{t('users.tempPasswordWarning')}</p>
          <SecretValue label={t('users.tempPasswordLabel')} value={created.wachtwoord} testId="tijdelijk-wachtwoord" />
          <Button appearance="secondary-action-button" onClick={() => setCreated(null)}>
            {t('users.tempPasswordDone')}
          </Button>
        </Alert>
      ) : null}
      <Paragraph>{t('app.requiredNote')}</Paragraph>
      <ErrorSummary form={form} />
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id={form.fieldId('gebruikersnaam')}
          label={t('users.username')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={values.gebruikersnaam}
          onChange={set('gebruikersnaam')}
          error={form.errorFor('gebruikersnaam')}
        />
        <TextField
          id={form.fieldId('naam')}
          label={t('users.name')}
          autoComplete="off"
          required
          value={values.naam}
          onChange={set('naam')}
          error={form.errorFor('naam')}
        />
        <TextField
          id={form.fieldId('email')}
          type="email"
          label={t('users.email')}
          autoComplete="off"
          required
          value={values.email}
          onChange={set('email')}
          error={form.errorFor('email')}
        />
        <SelectField
          id={form.fieldId('organisatieId')}
          label={t('users.organisation')}
          required
          placeholder={t('users.chooseOrganisation')}
          options={options.map((o) => ({ value: o.id, label: `${o.naam} (${o.code})` }))}
          value={values.organisatieId}
          onChange={set('organisatieId')}
          error={form.errorFor('organisatieId')}
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
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('users.addSubmit')}
        </Button>
      </form>
    </section>
  );
}

export function UsersPage() {
  const users = useApiGet<{ gebruikers: Gebruiker[] }>('/gebruikers');
  const organisations = useApiGet<{ organisaties: Organisatie[] }>('/organisaties');
  const actionErrors = useFormErrors('gebruiker-actie', NO_FIELDS);
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const focusAfter = useRef<string | null>(null);

  useEffect(() => {
    if (!pending && focusAfter.current) {
      document.getElementById(focusAfter.current)?.focus();
      focusAfter.current = null;
    }
  });

  const ask = (user: Gebruiker, kind: ActionKind) => {
    setMessage(null);
    actionErrors.clear();
    setPending({ user, kind });
  };

  const cancel = () => {
    if (pending) focusAfter.current = buttonId(pending.user, pending.kind);
    setPending(null);
  };

  const confirm = async () => {
    if (!pending) return;
    const { user, kind } = pending;
    const path = `/gebruikers/${encodeURIComponent(user.id)}`;
    setBusy(true);
    try {
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
      focusAfter.current = buttonId(user, kind);
      setPending(null);
      setMessage(text);
    } catch (error) {
      focusAfter.current = buttonId(user, kind);
      setPending(null);
      actionErrors.setError(error);
    } finally {
      setBusy(false);
    }
  };

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
      <StatusMessage message={message} testId="actie-resultaat" />
      <ErrorSummary form={actionErrors} />
      <LoadError error={users.error} />
      {users.loading && !users.data ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {users.data ? (
        list.length === 0 ? (
          <Paragraph>{t('users.empty')}</Paragraph>
        ) : (
          <Table caption={t('users.caption')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('users.username')}</TableHeaderCell>
                <TableHeaderCell>{t('users.name')}</TableHeaderCell>
                <TableHeaderCell>{t('users.organisation')}</TableHeaderCell>
                <TableHeaderCell>{t('users.roles')}</TableHeaderCell>
                <TableHeaderCell>{t('users.active')}</TableHeaderCell>
                <TableHeaderCell>{t('users.mfa')}</TableHeaderCell>
                <TableHeaderCell>{t('users.lastLogin')}</TableHeaderCell>
                <TableHeaderCell>{t('users.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
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
                    <TableRow>
                      <TableCell colSpan={8}>
                        <ConfirmPanel
                          id={`bevestig-${user.id}`}
                          question={question(pending)}
                          confirmLabel={confirmLabel(pending)}
                          onConfirm={() => void confirm()}
                          onCancel={cancel}
                          busy={busy}
                          danger={pending.kind !== 'actief' || user.actief}
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
      <AddUserForm organisations={organisations.data?.organisaties ?? []} onCreated={() => void users.reload()} />
    </Page>
  );
}
