// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useRef } from 'react';
import { Alert } from './Alert.js';
import { Button } from './Button.js';
import { t } from '../i18n/t.js';

/** Lijst met herstelcodes in een vaste-breedte lettertype. */
export function RecoveryCodeList({ codes }: { codes: readonly string[] }) {
  return (
    <ol className="knooppunt-code-list" aria-label={t('mfa.recoveryListLabel')} data-testid="herstelcodes">
      {codes.map((code) => (
        <li key={code} className="knooppunt-code-list__item">
          <code className="utrecht-code">{code}</code>
        </li>
      ))}
    </ol>
  );
}

/** Eenmalig getoond geheim (tijdelijk wachtwoord, API-sleutel). */
export function SecretValue({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="knooppunt-secret">
      <p className="utrecht-paragraph knooppunt-secret__label">{label}</p>
      <p className="utrecht-paragraph">
        <code className="utrecht-code knooppunt-secret__value" data-testid={testId}>
          {value}
        </code>
      </p>
    </div>
  );
}

/**
 * Waarschuwing met een eenmalig getoond geheim. De focus gaat ernaartoe zodra er een
 * (nieuw) geheim is.
 */
export function OneTimeSecretAlert({
  title,
  warning,
  label,
  value,
  testId,
  doneLabel,
  onDone,
}: {
  title: string;
  warning: string;
  label: string;
  value: string;
  testId: string;
  doneLabel: string;
  onDone: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [value]);
  return (
    <Alert type="warning" focusable ref={ref} role="status">
      <p className="utrecht-paragraph knooppunt-alert__title">{title}</p>
      <p className="utrecht-paragraph">{warning}</p>
      <SecretValue label={label} value={value} testId={testId} />
      <Button appearance="secondary-action-button" onClick={onDone}>
        {doneLabel}
      </Button>
    </Alert>
  );
}
