// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useRef, useState } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { api } from '../api/client.js';
import type { TotpBevestiging, TotpInschrijving } from '../api/types.js';
import { Alert } from '../components/Alert.js';
import { TotpCodeField } from '../components/AuthFields.js';
import { Button, SubmitButton } from '../components/Button.js';
import { RecoveryCodeList } from '../components/CodeList.js';
import { checkTotpCode, cleanTotpCode, ErrorSummary, useFormErrors } from '../components/FormErrors.js';
import type { FieldDefinition } from '../components/FormErrors.js';
import { Page } from '../components/Page.js';
import { Heading2, Paragraph } from '../components/Typography.js';
import { useFormSubmit } from '../components/useForm.js';
import { groupInBlocks, toBase64 } from '../format.js';
import { t } from '../i18n/t.js';
import { useSession } from '../session/SessionContext.js';

const FIELDS: readonly FieldDefinition[] = [{ name: 'totpCode', label: t('login.totp') }];

export function MfaEnrolmentPage() {
  const { session, setSession } = useSession();
  const navigate = useNavigate();
  const form = useFormErrors('mfa', FIELDS);
  const { setError } = form;
  const [enrolment, setEnrolment] = useState<TotpInschrijving | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [code, setCode] = useState('');
  const [confirmed, setConfirmed] = useState<TotpBevestiging | null>(null);
  const started = useRef(false);
  const recoveryHeadingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (started.current || session?.status !== 'mfa-inschrijving') return;
    started.current = true;
    api
      .post<TotpInschrijving>('/sessies/huidig/totp-inschrijving')
      .then(setEnrolment)
      .catch((error: unknown) => {
        setLoadError(error);
        setError(error);
      });
  }, [session?.status, setError]);

  useEffect(() => {
    if (confirmed) recoveryHeadingRef.current?.focus();
  }, [confirmed]);

  const { busy, onSubmit } = useFormSubmit(form, {
    validate: () => checkTotpCode({}, 'totpCode', code),
    submit: async () => {
      setConfirmed(await api.post<TotpBevestiging>('/sessies/huidig/totp-bevestiging', { totpCode: cleanTotpCode(code) }));
    },
  });

  if (session === null) return <Navigate to="/inloggen" replace />;
  if (session?.status === 'actief' && !confirmed) return <Navigate to="/" replace />;

  const onDone = () => {
    if (!confirmed) return;
    setSession(confirmed.sessie);
    void navigate('/', { replace: true });
  };

  if (confirmed) {
    return (
      <Page title={t('mfa.recoveryTitle')}>
        <div className="knooppunt-narrow">
          <Paragraph>{t('mfa.recoveryIntro')}</Paragraph>
          <Alert type="warning">
            <p className="utrecht-paragraph">{t('mfa.recoveryStore')}</p>
          </Alert>
          <Heading2 ref={recoveryHeadingRef} tabIndex={-1}>
            {t('mfa.recoveryListLabel')}
          </Heading2>
          <RecoveryCodeList codes={confirmed.herstelcodes} />
          <Button appearance="primary-action-button" onClick={onDone}>
            {t('mfa.recoveryDone')}
          </Button>
        </div>
      </Page>
    );
  }

  return (
    <Page title={t('mfa.title')}>
      <div className="knooppunt-narrow">
        <Paragraph lead>{t('mfa.intro')}</Paragraph>
        <ErrorSummary form={form} />
        {!enrolment && !loadError ? <Paragraph role="status">{t('mfa.loading')}</Paragraph> : null}
        {enrolment ? (
          <>
            <Heading2>{t('mfa.step1')}</Heading2>
            <Paragraph>{t('mfa.step1Text')}</Paragraph>
            <div className="knooppunt-qr">
              <img
                className="knooppunt-qr__image"
                src={`data:image/svg+xml;base64,${toBase64(enrolment.qrCodeSvg)}`}
                alt={t('mfa.qrAlt')}
                width={200}
                height={200}
              />
            </div>
            <Paragraph>{t('mfa.manualKey')}</Paragraph>
            <p className="utrecht-paragraph">
              <code className="utrecht-code knooppunt-secret__value" data-testid="totp-geheim">
                {groupInBlocks(enrolment.geheim)}
              </code>
            </p>
            <Heading2>{t('mfa.step2')}</Heading2>
            <form noValidate onSubmit={onSubmit}>
              <TotpCodeField
                id={form.fieldId('totpCode')}
                name="totpCode"
                value={code}
                onChange={(event) => setCode(event.currentTarget.value)}
                error={form.errorFor('totpCode')}
              />
              <SubmitButton busy={busy}>{t('mfa.confirm')}</SubmitButton>
            </form>
          </>
        ) : null}
      </div>
    </Page>
  );
}
