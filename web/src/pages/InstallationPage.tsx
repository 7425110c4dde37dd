// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { api, ApiError } from '../api/client.js';
import { Alert } from '../components/Alert.js';
import { Button } from '../components/Button.js';
import { ErrorSummary, requiredErrors, useFormErrors } from '../components/FormErrors.js';
import type { FieldDefinition } from '../components/FormErrors.js';
import { TextField } from '../components/FormField.js';
import { Link } from '../components/Link.js';
import { Page } from '../components/Page.js';
import { Paragraph } from '../components/Typography.js';
import { t } from '../i18n/t.js';
import { useSession } from '../session/SessionContext.js';

const FIELDS: readonly FieldDefinition[] = [
  { name: 'installatiecode', label: t('install.code') },
  { name: 'gebruikersnaam', label: t('install.username') },
  { name: 'naam', label: t('install.name') },
  { name: 'email', label: t('install.email') },
  { name: 'wachtwoord', label: t('install.password') },
  { name: 'wachtwoordHerhalen', label: t('install.passwordRepeat') },
];

const REQUIRED = FIELDS.map((f) => f.name);

type Values = Record<'installatiecode' | 'gebruikersnaam' | 'naam' | 'email' | 'wachtwoord' | 'wachtwoordHerhalen', string>;

export function InstallationPage() {
  const { omgeving, refreshOmgeving } = useSession();
  const form = useFormErrors('installatie', FIELDS);
  const [values, setValues] = useState<Values>({
    installatiecode: '',
    gebruikersnaam: '',
    naam: '',
    email: '',
    wachtwoord: '',
    wachtwoordHerhalen: '',
  });
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const successRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (created) successRef.current?.focus();
  }, [created]);

  const set = (name: keyof Values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((prev) => ({ ...prev, [name]: value }));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = requiredErrors(values, FIELDS, REQUIRED);
    if (!errors['email'] && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) errors['email'] = t('error.email');
    if (!errors['wachtwoordHerhalen'] && values.wachtwoord !== values.wachtwoordHerhalen) {
      errors['wachtwoordHerhalen'] = t('error.passwordMismatch');
    }
    if (Object.keys(errors).length > 0) {
      form.setClientErrors(errors);
      return;
    }
    form.clear();
    setBusy(true);
    try {
      await api.post('/installatie/eerste-beheerder', {
        installatiecode: values.installatiecode.trim(),
        gebruikersnaam: values.gebruikersnaam.trim(),
        naam: values.naam.trim(),
        email: values.email.trim(),
        wachtwoord: values.wachtwoord,
      });
      setCreated(values.gebruikersnaam.trim());
      void refreshOmgeving();
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) form.setGeneral(t('install.notNeeded'));
      else form.setError(error);
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <Page title={t('install.title')}>
        <Alert type="ok" role="status" focusable ref={successRef}>
          <p className="utrecht-paragraph">{t('install.success', { gebruikersnaam: created })}</p>
        </Alert>
        <Paragraph>
          <Link to="/inloggen">{t('install.toLogin')}</Link>
        </Paragraph>
      </Page>
    );
  }

  return (
    <Page title={t('install.title')}>
      <div className="knooppunt-narrow">
        <Paragraph lead>{t('install.intro')}</Paragraph>
        {omgeving && !omgeving.eersteBeheerderNodig ? (
          <Alert type="info">
            <p className="utrecht-paragraph">{t('install.notNeeded')}</p>
            <p className="utrecht-paragraph">
              <Link to="/inloggen">{t('install.toLogin')}</Link>
            </p>
          </Alert>
        ) : null}
        <Paragraph>{t('app.requiredNote')}</Paragraph>
        <ErrorSummary form={form} />
        <form noValidate onSubmit={(event) => void onSubmit(event)}>
          <TextField
            id={form.fieldId('installatiecode')}
            label={t('install.code')}
            autoComplete="off"
            spellCheck={false}
            required
            value={values.installatiecode}
            onChange={set('installatiecode')}
            error={form.errorFor('installatiecode')}
          />
          <TextField
            id={form.fieldId('gebruikersnaam')}
            label={t('install.username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={values.gebruikersnaam}
            onChange={set('gebruikersnaam')}
            error={form.errorFor('gebruikersnaam')}
          />
          <TextField
            id={form.fieldId('naam')}
            label={t('install.name')}
            autoComplete="name"
            required
            value={values.naam}
            onChange={set('naam')}
            error={form.errorFor('naam')}
          />
          <TextField
            id={form.fieldId('email')}
            type="email"
            label={t('install.email')}
            autoComplete="email"
            required
            value={values.email}
            onChange={set('email')}
            error={form.errorFor('email')}
          />
          <TextField
            id={form.fieldId('wachtwoord')}
            type="password"
            label={t('install.password')}
            description={t('install.passwordHint')}
            autoComplete="new-password"
            required
            value={values.wachtwoord}
            onChange={set('wachtwoord')}
            error={form.errorFor('wachtwoord')}
          />
          <TextField
            id={form.fieldId('wachtwoordHerhalen')}
            type="password"
            label={t('install.passwordRepeat')}
            autoComplete="new-password"
            required
            value={values.wachtwoordHerhalen}
            onChange={set('wachtwoordHerhalen')}
            error={form.errorFor('wachtwoordHerhalen')}
          />
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('install.submit')}
          </Button>
        </form>
      </div>
    </Page>
  );
}
