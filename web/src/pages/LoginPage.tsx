// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { api, ApiError } from '../api/client.js';
import type { Sessie } from '../api/types.js';
import { Alert } from '../components/Alert.js';
import { Button } from '../components/Button.js';
import { ErrorSummary, requiredErrors, useFormErrors } from '../components/FormErrors.js';
import type { FieldDefinition } from '../components/FormErrors.js';
import { TextField } from '../components/FormField.js';
import { ButtonLink, Link } from '../components/Link.js';
import { Page } from '../components/Page.js';
import { Paragraph } from '../components/Typography.js';
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
  const [values, setValues] = useState({ gebruikersnaam: '', wachtwoord: '', totpCode: '', herstelcode: '' });
  const [mfaStep, setMfaStep] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const [busy, setBusy] = useState(false);
  const secondFactorRef = useRef<HTMLInputElement>(null);
  const [focusSecondFactor, setFocusSecondFactor] = useState(0);

  useEffect(() => {
    if (focusSecondFactor > 0) secondFactorRef.current?.focus();
  }, [focusSecondFactor]);

  const set = (name: keyof typeof values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((prev) => ({ ...prev, [name]: value }));
  };

  const secondFactorField = useRecovery ? 'herstelcode' : 'totpCode';
  const required = useMemo(
    () => (mfaStep ? ['gebruikersnaam', 'wachtwoord', secondFactorField] : ['gebruikersnaam', 'wachtwoord']),
    [mfaStep, secondFactorField],
  );

  if (session?.status === 'actief') return <Navigate to={from ?? '/'} replace />;
  if (session?.status === 'mfa-inschrijving') return <Navigate to="/mfa-inschrijving" replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = requiredErrors(values, FIELDS, required);
    if (mfaStep && !useRecovery && !errors['totpCode'] && !/^\d{6}$/.test(values.totpCode.replace(/\s/g, ''))) {
      errors['totpCode'] = t('error.totpFormat');
    }
    if (Object.keys(errors).length > 0) {
      form.setClientErrors(errors);
      return;
    }
    form.clear();
    setBusy(true);
    try {
      const body: Record<string, string> = { gebruikersnaam: values.gebruikersnaam.trim(), wachtwoord: values.wachtwoord };
      if (mfaStep && useRecovery) body['herstelcode'] = values.herstelcode.trim();
      if (mfaStep && !useRecovery) body['totpCode'] = values.totpCode.replace(/\s/g, '');
      const sessie = await api.post<Sessie>('/sessies', body);
      setSession(sessie);
      void navigate(sessie.status === 'mfa-inschrijving' ? '/mfa-inschrijving' : (from ?? '/'), { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'MFA_VEREIST' && !mfaStep) {
        setMfaStep(true);
        setFocusSecondFactor((n) => n + 1);
      } else if (error instanceof ApiError && error.status === 429 && error.retryAfterSeconds !== undefined && !error.detail) {
        form.setGeneral(error.title, t('login.tooManyAttempts', { minuten: Math.ceil(error.retryAfterSeconds / 60) }));
      } else {
        form.setError(error);
      }
    } finally {
      setBusy(false);
    }
  };

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
        <form noValidate onSubmit={(event) => void onSubmit(event)}>
          <TextField
            id={form.fieldId('gebruikersnaam')}
            name="gebruikersnaam"
            label={t('login.username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={values.gebruikersnaam}
            onChange={set('gebruikersnaam')}
            error={form.errorFor('gebruikersnaam')}
          />
          <TextField
            id={form.fieldId('wachtwoord')}
            name="wachtwoord"
            type="password"
            label={t('login.password')}
            autoComplete="current-password"
            required
            value={values.wachtwoord}
            onChange={set('wachtwoord')}
            error={form.errorFor('wachtwoord')}
          />
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
                  id={form.fieldId('herstelcode')}
                  name="herstelcode"
                  label={t('login.recoveryCode')}
                  description={t('login.recoveryCodeHint')}
                  autoComplete="off"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  value={values.herstelcode}
                  onChange={set('herstelcode')}
                  error={form.errorFor('herstelcode')}
                />
              ) : (
                <TextField
                  key="totpCode"
                  ref={secondFactorRef}
                  id={form.fieldId('totpCode')}
                  name="totpCode"
                  label={t('login.totp')}
                  description={t('login.totpHint')}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  pattern="[0-9]*"
                  maxLength={6}
                  required
                  className="knooppunt-textbox--code"
                  value={values.totpCode}
                  onChange={set('totpCode')}
                  error={form.errorFor('totpCode')}
                />
              )}
              <p className="utrecht-paragraph">
                <Button appearance="subtle-button" onClick={toggleRecovery}>
                  {useRecovery ? t('login.useTotp') : t('login.useRecoveryCode')}
                </Button>
              </p>
            </>
          ) : null}
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('login.submit')}
          </Button>
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
