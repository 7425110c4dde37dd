// SPDX-License-Identifier: EUPL-1.2
import { ApiError } from '../api/client.js';
import { t } from '../i18n/t.js';
import { Alert } from './Alert.js';

/** Toont een laadfout (problem+json) als foutmelding. */
export function LoadError({ error }: { error: unknown }) {
  if (!error) return null;
  const title = error instanceof ApiError ? error.title : t('error.title');
  const detail = error instanceof ApiError ? (error.detail ?? null) : t('error.unexpected', { status: '?' });
  return (
    <Alert type="error" role="alert">
      <p className="utrecht-paragraph knooppunt-alert__title">{title}</p>
      {detail ? <p className="utrecht-paragraph">{detail}</p> : null}
      {error instanceof ApiError && error.correlationId ? (
        <p className="utrecht-paragraph utrecht-paragraph--small">{t('error.correlation', { id: error.correlationId })}</p>
      ) : null}
    </Alert>
  );
}
