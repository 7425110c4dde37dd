// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useMemo, useRef, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { api, ApiError } from '../api/client.js';
import type { Sessie } from '../api/types.js';
import { Alert } from '../components/Alert.js';
import { PasswordField, TotpCodeField } from '../components/AuthFields.js';
import { Button, SubmitButton } from '../components/Button.js';
import { checkTotpCode, cleanTotpCode, ErrorSummary, requiredErrors, useFormErrors } from '../components/FormErrors.js';
import type { FieldDefinition } from '../components/FormErrors.js';
import { TextField } from '../components/FormField.js';
import { ButtonLink, Link } from '../components/Link.js';
import { Page } from '../components/Page.js';
import { Paragraph } from '../components/Typography.js';
import { useFieldValues, useFormSubmit } from '../components/useForm.js';
import { t } from '../i18n/t.js';
import { useSession } from '../session/SessionContext.js';

const FIELDS: readonly FieldDefinition[] = [
  { name: 'gebruikersnaam', label: t('login.username') },
  { name: 'wachtwoord', label: t('login.password') },
  { name: 'totpCode', label: t('login.totp') },
  { name: 'herstelcode', label: t('login.recoveryCode') },
];

export function LoginPage() {
  const { session, setSession, omgeving } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const form = useFormErrors('inloggen', FIELDS);
  const { values, field } = useFieldValues(form, { gebruikersnaam: '', wachtwoord: '', totpCode: '', herstelcode: '' });
  const [mfaStep, setMfaStep] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const secondFactorRef = useRef<HTMLInputElement>(null);
  const [focusSecondFactor, setFocusSecondFactor] = useState(0);

  useEffect(() => {
    if (focusSecondFactor > 0) secondFactorRef.current?.focus();
  }, [focusSecondFactor]);

  const secondFactorField = useRecovery ? 'herstelcode' : 'totpCode';
  const required = useMemo(
    () => (mfaStep ? ['gebruikersnaam', 'wachtwoord', secondFactorField] : ['gebruikersnaam', 'wachtwoord']),
    [mfaStep, secondFactorField],
  );

  const { busy, onSubmit } = useFormSubmit(form, {
    validate: () => {
      const errors = requiredErrors(values, FIELDS, required);
      return mfaStep && !useRecovery ? checkTotpCode(errors, 'totpCode', values.totpCode) : errors;
    },
    submit: async () => {
      const body: Record<string, string> = { gebruikersnaam: values.gebruikersnaam.trim(), wachtwoord: values.wachtwoord };
      if (mfaStep && useRecovery) body['herstelcode'] = values.herstelcode.trim();
      if (mfaStep && !useRecovery) body['totpCode'] = cleanTotpCode(values.totpCode);
      const sessie = await api.post<Sessie>('/sessies', body);
      setSession(sessie);
      void navigate(sessie.status === 'mfa-inschrijving' ? '/mfa-inschrijving' : (from ?? '/'), { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'MFA_VEREIST' && !mfaStep) {
        setMfaStep(true);
        setFocusSecondFactor((n) => n + 1);
      } else if (error instanceof ApiError && error.status === 429 && error.retryAfterSeconds !== undefined && !error.detail) {
        form.setGeneral(error.title, t('login.tooManyAttempts', { minuten: Math.ceil(error.retryAfterSeconds / 60) }));
      } else {
        form.setError(error);
      }
    },
  });

  if (session?.status === 'actief') return <Navigate to={from ?? '/'} replace />;
  if (session?.status === 'mfa-inschrijving') return <Navigate to="/mfa-inschrijving" replace />;

  const toggleRecovery = () => {
    setUseRecovery(!useRecovery);
    setFocusSecondFactor((n) => n + 1);
  };

  return (
    <Page title={t('login.title')}>
      <div className="knooppunt-narrow">
        <Paragraph lead>{t('login.intro')}</Paragraph>
        {omgeving?.eersteBeheerderNodig ? (
          <Alert type="info">
            <p className="utrecht-paragraph">{t('login.firstAdmin')}</p>
            <p className="utrecht-paragraph">
              <Link to="/installatie">{t('login.firstAdminLink')}</Link>
            </p>
          </Alert>
        ) : null}
        <ErrorSummary form={form} />
        <form noValidate onSubmit={onSubmit}>
          <TextField
            {...field('gebruikersnaam')}
            name="gebruikersnaam"
            label={t('login.username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
          />
          <PasswordField {...field('wachtwoord')} name="wachtwoord" label={t('login.password')} autoComplete="current-password" />
          {mfaStep ? (
            <>
              {!form.hasErrors ? (
                <Alert type="info" role="status">
                  <p className="utrecht-paragraph">{t('login.mfaRequired')}</p>
                </Alert>
              ) : null}
              {useRecovery ? (
                <TextField
                  key="herstelcode"
                  ref={secondFactorRef}
                  {...field('herstelcode')}
                  name="herstelcode"
                  label={t('login.recoveryCode')}
                  description={t('login.recoveryCodeHint')}
                  autoComplete="off"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                />
              ) : (
                <TotpCodeField key="totpCode" ref={secondFactorRef} {...field('totpCode')} name="totpCode" />
              )}
              <p className="utrecht-paragraph">
                <Button appearance="subtle-button" onClick={toggleRecovery}>
                  {useRecovery ? t('login.useTotp') : t('login.useRecoveryCode')}
                </Button>
              </p>
            </>
          ) : null}
          <SubmitButton busy={busy}>{t('login.submit')}</SubmitButton>
        </form>
        {omgeving?.oidc ? (
          <div className="knooppunt-login-alternative">
            <p className="utrecht-paragraph">{t('login.or')}</p>
            <ButtonLink href="/api/v1/sessies/oidc">{t('login.oidc')}</ButtonLink>
          </div>
        ) : null}
      </div>
    </Page>
  );
}
