// SPDX-License-Identifier: EUPL-1.2
import { TextField } from './FormField.js';
import type { TextFieldProps } from './FormField.js';
import { t } from '../i18n/t.js';

/** Veld voor de 6-cijferige code uit de authenticator-app. */
export function TotpCodeField(props: Omit<TextFieldProps, 'label'>) {
  return (
    <TextField
      label={t('login.totp')}
      description={t('login.totpHint')}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]*"
      maxLength={6}
      required
      className="knooppunt-textbox--code"
      {...props}
    />
  );
}

/** Verplicht wachtwoordveld; `autoComplete` zegt of het om het huidige of een nieuw wachtwoord gaat. */
export function PasswordField(props: Omit<TextFieldProps, 'type' | 'autoComplete'> & { autoComplete: 'current-password' | 'new-password' }) {
  return <TextField type="password" required {...props} />;
}
