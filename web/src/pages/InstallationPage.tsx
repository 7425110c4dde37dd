// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/client.js';
import { Alert } from '../components/Alert.js';
import { PasswordField } from '../components/AuthFields.js';
import { SubmitButton } from '../components/Button.js';
import { checkEmail, checkRepeated, ErrorSummary, requiredErrors, useFormErrors } from '../components/FormErrors.js';
import type { FieldDefinition } from '../components/FormErrors.js';
import { TextField } from '../components/FormField.js';
import { Link } from '../components/Link.js';
import { Page } from '../components/Page.js';
import { Paragraph } from '../components/Typography.js';
import { useFieldValues, useFormSubmit } from '../components/useForm.js';
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
  const { values, field } = useFieldValues<keyof Values>(form, {
    installatiecode: '',
    gebruikersnaam: '',
    naam: '',
    email: '',
    wachtwoord: '',
    wachtwoordHerhalen: '',
  });
  const [created, setCreated] = useState<string | null>(null);
  const successRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (created) successRef.current?.focus();
  }, [created]);

  const { busy, onSubmit } = useFormSubmit(form, {
    validate: () => {
      const errors = requiredErrors(values, FIELDS, REQUIRED);
      checkEmail(errors, 'email', values.email);
      return checkRepeated(errors, 'wachtwoordHerhalen', values.wachtwoord, values.wachtwoordHerhalen);
    },
    submit: async () => {
      await api.post('/installatie/eerste-beheerder', {
        installatiecode: values.installatiecode.trim(),
        gebruikersnaam: values.gebruikersnaam.trim(),
        naam: values.naam.trim(),
        email: values.email.trim(),
        wachtwoord: values.wachtwoord,
      });
      setCreated(values.gebruikersnaam.trim());
      void refreshOmgeving();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 404) form.setGeneral(t('install.notNeeded'));
      else form.setError(error);
    },
  });

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
        <form noValidate onSubmit={onSubmit}>
          <TextField
            {...field('installatiecode')}
            label={t('install.code')}
            autoComplete="off"
            spellCheck={false}
            required
          />
          <TextField
            {...field('gebruikersnaam')}
            label={t('install.username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
          />
          <TextField
            {...field('naam')}
            label={t('install.name')}
            autoComplete="name"
            required
          />
          <TextField
            {...field('email')}
            type="email"
            label={t('install.email')}
            autoComplete="email"
            required
          />
          <PasswordField
            {...field('wachtwoord')}
            label={t('install.password')}
            description={t('install.passwordHint')}
            autoComplete="new-password"
          />
          <PasswordField {...field('wachtwoordHerhalen')} label={t('install.passwordRepeat')} autoComplete="new-password" />
          <SubmitButton busy={busy}>{t('install.submit')}</SubmitButton>
        </form>
      </div>
    </Page>
  );
}
