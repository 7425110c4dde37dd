// SPDX-License-Identifier: EUPL-1.2
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.js';
import type { AccountSessie } from '../api/types.js';
import { Alert, StatusMessage } from '../components/Alert.js';
import { PasswordField, TotpCodeField } from '../components/AuthFields.js';
import { Button, SubmitButton } from '../components/Button.js';
import { RecoveryCodeList } from '../components/CodeList.js';
import { checkRepeated, checkTotpCode, cleanTotpCode, ErrorSummary, NO_FIELDS, requiredErrors, useFormErrors } from '../components/FormErrors.js';
import type { FieldDefinition } from '../components/FormErrors.js';
import { Page } from '../components/Page.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../components/Table.js';
import { Heading2, Paragraph, VisuallyHidden } from '../components/Typography.js';
import { useFieldValues, useFormSubmit } from '../components/useForm.js';
import { formatDateTime } from '../format.js';
import { t } from '../i18n/t.js';
import { useActiveSession, useSession } from '../session/SessionContext.js';

const PASSWORD_FIELDS: readonly FieldDefinition[] = [
  { name: 'huidigWachtwoord', label: t('account.currentPassword') },
  { name: 'nieuwWachtwoord', label: t('account.newPassword') },
  { name: 'nieuwWachtwoordHerhalen', label: t('account.newPasswordRepeat') },
];

function PasswordForm() {
  const { session, refresh } = useSession();
  const mustChange = Boolean(session?.moetWachtwoordWijzigen);
  const form = useFormErrors('wachtwoord', PASSWORD_FIELDS);
  const empty = { huidigWachtwoord: '', nieuwWachtwoord: '', nieuwWachtwoordHerhalen: '' };
  const { values, setValues, field } = useFieldValues(form, empty);
  const [message, setMessage] = useState<string | null>(null);

  const { busy, onSubmit } = useFormSubmit(form, {
    validate: () => {
      const errors = requiredErrors(values, PASSWORD_FIELDS, ['huidigWachtwoord', 'nieuwWachtwoord', 'nieuwWachtwoordHerhalen']);
      checkRepeated(errors, 'nieuwWachtwoordHerhalen', values.nieuwWachtwoord, values.nieuwWachtwoordHerhalen);
      return errors;
    },
    submit: async () => {
      await api.put('/account/wachtwoord', { huidigWachtwoord: values.huidigWachtwoord, nieuwWachtwoord: values.nieuwWachtwoord });
      setValues(empty);
      setMessage(t('account.passwordChanged'));
      if (mustChange) await refresh();
    },
  });

  return (
    <section aria-labelledby="wachtwoord-titel" className="knooppunt-section">
      <Heading2 id="wachtwoord-titel">{t('account.passwordTitle')}</Heading2>
      {mustChange ? <Alert type="warning">{t('account.mustChangePassword')}</Alert> : null}
      <StatusMessage message={message} />
      <ErrorSummary form={form} />
      <form
        noValidate
        onSubmit={(event) => {
          setMessage(null);
          onSubmit(event);
        }}
      >
        <PasswordField {...field('huidigWachtwoord')} label={t('account.currentPassword')} autoComplete="current-password" />
        <PasswordField
          {...field('nieuwWachtwoord')}
          label={t('account.newPassword')}
          description={t('account.newPasswordHint')}
          autoComplete="new-password"
        />
        <PasswordField {...field('nieuwWachtwoordHerhalen')} label={t('account.newPasswordRepeat')} autoComplete="new-password" />
        <SubmitButton busy={busy}>{t('account.passwordSubmit')}</SubmitButton>
      </form>
    </section>
  );
}

const RECOVERY_FIELDS: readonly FieldDefinition[] = [{ name: 'totpCode', label: t('login.totp') }];

function RecoveryCodesForm() {
  const form = useFormErrors('herstelcodes', RECOVERY_FIELDS);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);

  const { busy, onSubmit } = useFormSubmit(form, {
    validate: () => checkTotpCode({}, 'totpCode', code),
    submit: async () => {
      setCodes(null);
      const result = await api.post<{ herstelcodes: string[] }>('/account/herstelcodes', { totpCode: cleanTotpCode(code) });
      setCodes(result.herstelcodes);
      setCode('');
    },
  });

  return (
    <section aria-labelledby="herstelcodes-titel" className="knooppunt-section">
      <Heading2 id="herstelcodes-titel">{t('account.recoveryTitle')}</Heading2>
      <Paragraph>{t('account.recoveryIntro')}</Paragraph>
      <StatusMessage message={codes ? t('account.recoveryCreated') : null} />
      {codes ? <RecoveryCodeList codes={codes} /> : null}
      <ErrorSummary form={form} />
      <form noValidate onSubmit={onSubmit}>
        <TotpCodeField
          id={form.fieldId('totpCode')}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={form.errorFor('totpCode')}
        />
        <SubmitButton busy={busy}>{t('account.recoverySubmit')}</SubmitButton>
      </form>
    </section>
  );
}

function SessionsList() {
  const [sessions, setSessions] = useState<AccountSessie[] | null>(null);
  const form = useFormErrors('sessies', NO_FIELDS);
  const { setError } = form;
  const [message, setMessage] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const result = await api.get<{ sessies: AccountSessie[] }>('/account/sessies');
      setSessions(result.sessies);
    } catch (error) {
      setError(error);
    }
  }, [setError]);

  useEffect(() => {
    void load();
  }, [load]);

  const end = async (session: AccountSessie) => {
    setMessage(null);
    setBusyId(session.id);
    try {
      await api.delete(`/account/sessies/${encodeURIComponent(session.id)}`);
      setMessage(t('account.sessionEnded'));
      await load();
    } catch (error) {
      setError(error);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section aria-labelledby="sessies-titel" className="knooppunt-section">
      <Heading2 id="sessies-titel">{t('account.sessionsTitle')}</Heading2>
      <StatusMessage message={message} />
      <ErrorSummary form={form} />
      {sessions === null ? (
        <Paragraph>{t('app.loading')}</Paragraph>
      ) : (
        <Table caption={t('account.sessionsCaption')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('account.sessionStarted')}</TableHeaderCell>
              <TableHeaderCell>{t('account.sessionLastActive')}</TableHeaderCell>
              <TableHeaderCell>{t('account.sessionActions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sessions.map((s) => (
              <TableRow key={s.id}>
                <TableCell>{formatDateTime(s.aangemaaktOp)}</TableCell>
                <TableCell>{s.laatstActiefOp ? formatDateTime(s.laatstActiefOp) : t('app.never')}</TableCell>
                <TableCell>
                  {s.huidig ? (
                    <StatusBadge status="success">{t('account.sessionCurrent')}</StatusBadge>
                  ) : (
                    <Button
                      appearance="secondary-action-button"
                      hint="danger"
                      busy={busyId === s.id}
                      disabled={busyId !== null}
                      onClick={() => void end(s)}
                    >
                      {t('account.sessionEnd')}
                      <VisuallyHidden> {t('account.sessionEndLabel', { datum: formatDateTime(s.aangemaaktOp) })}</VisuallyHidden>
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {sessions !== null && sessions.every((s) => s.huidig) ? <Paragraph>{t('account.noSessions')}</Paragraph> : null}
    </section>
  );
}

export function AccountPage() {
  const session = useActiveSession();
  return (
    <Page title={t('account.title')}>
      <section aria-labelledby="gegevens-titel" className="knooppunt-section">
        <Heading2 id="gegevens-titel">{t('account.details')}</Heading2>
        <dl className="utrecht-data-list knooppunt-facts">
          {(
            [
              ['account.username', session.gebruiker.gebruikersnaam],
              ['account.name', session.gebruiker.naam],
              ['account.email', session.gebruiker.email],
              ['account.organisation', session.organisatie.naam],
            ] as const
          ).map(([key, value]) => (
            <div key={key} className="utrecht-data-list__item knooppunt-facts__item">
              <dt className="utrecht-data-list__item-key">{t(key)}</dt>
              <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <PasswordForm />
      <RecoveryCodesForm />
      <SessionsList />
    </Page>
  );
}
